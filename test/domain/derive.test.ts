import fc from "fast-check";
import { isRatio, percentOf, recompute } from "../../src/domain/derive";

// percentOf divides in doubles when the product fits 2^53 and in BigInt beyond: both must give the exact integer
// answer. The reference below is BigInt throughout.
function reference(
  numerator: number,
  denominator: number,
  decimals: number,
  mode: "truncate" | "round",
): number {
  const negative = numerator < 0 !== denominator < 0;
  const top = BigInt(Math.abs(numerator)) * 100n * 10n ** BigInt(decimals);
  const bottom = BigInt(Math.abs(denominator));
  let quotient = top / bottom;
  if (mode === "round" && (top % bottom) * 2n >= bottom) quotient += 1n;
  const scaled = Number(quotient);
  return negative && scaled !== 0 ? -scaled : scaled;
}

describe("percentOf", () => {
  it("gives the seed's 758/6356 as 11,92% truncated and 11,93% rounded", () => {
    const ratio = { numerator: 758, denominator: 6356 };
    expect(percentOf(ratio, 2, "truncate")).toEqual({ scaled: 1192, decimals: 2 });
    expect(percentOf(ratio, 2, "round")).toEqual({ scaled: 1193, decimals: 2 });
  });

  it("rounds an exact half away from zero, on both sides of zero", () => {
    expect(percentOf({ numerator: 1, denominator: 8 }, 1, "round").scaled).toBe(125);
    expect(percentOf({ numerator: 1, denominator: 200 }, 0, "round").scaled).toBe(1);
    expect(percentOf({ numerator: -1, denominator: 200 }, 0, "round").scaled).toBe(-1);
    expect(percentOf({ numerator: -1, denominator: 200 }, 0, "truncate").scaled).toBe(0);
  });

  it("agrees with exact BigInt division for counts of any size, above 2^53 too", () => {
    const count = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger());
    fc.assert(
      fc.property(
        count,
        count.filter((denominator) => denominator !== 0),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom<"truncate" | "round">("truncate", "round"),
        (numerator, denominator, decimals, mode) => {
          expect(percentOf({ numerator, denominator }, decimals, mode).scaled).toBe(
            reference(numerator, denominator, decimals, mode),
          );
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe("recompute", () => {
  const amounts = new Map([
    ["a", 3],
    ["b", 1],
    ["d", 8],
    ["zero", 0],
  ]);
  const amountOf = (code: string) => amounts.get(code);

  it("computes (Σ plus − Σ minus) / denominator", () => {
    expect(recompute({ plus: ["a"], minus: ["b"], denominator: ["d"] }, amountOf)).toEqual({
      numerator: 2,
      denominator: 8,
    });
  });

  it("divides by the sum of a denominator of several codes: (a + b) / (b + d)", () => {
    expect(recompute({ plus: ["a", "b"], minus: [], denominator: ["b", "d"] }, amountOf)).toEqual({
      numerator: 4,
      denominator: 9,
    });
  });

  it("names every missing input, and says when the denominator is zero", () => {
    const missing = recompute({ plus: ["a", "x"], minus: ["y"], denominator: ["z"] }, amountOf);
    expect(isRatio(missing)).toBe(false);
    expect(missing).toEqual({ reason: "missing", missing: ["x", "y", "z"] });
    expect(recompute({ plus: ["a"], minus: [], denominator: ["zero"] }, amountOf)).toEqual({
      reason: "zero",
    });
  });

  it("reads inputs by any key, row indexes as well as codes", () => {
    const byIndex = [3, 1, 8];
    expect(recompute({ plus: [0], minus: [1], denominator: [2] }, (at: number) => byIndex[at])).toEqual({
      numerator: 2,
      denominator: 8,
    });
  });
});
