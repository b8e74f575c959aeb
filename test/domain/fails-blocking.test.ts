import fc from "fast-check";
import type { Relation } from "../../src/domain/rules";
import { evaluateRelation, failsBlocking } from "../../src/domain/rules";

// Localising tries values through failsBlocking, which builds no outcome: it must say exactly what
// evaluateRelation's outcome says of the same relation and amounts (a failure at error or warning level).

const keys = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 });

const relation: fc.Arbitrary<Relation<number>> = fc.record({
  left: keys,
  right: keys,
  rightPercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  relation: fc.constantFrom("eq" as const, "le" as const),
  severity: fc.constantFrom("error" as const, "warning" as const),
  shortfall: fc.option(fc.constantFrom("warning" as const, "info" as const), { nil: undefined }),
});

// Small amounts, so that sides often tie; undefined for a blank or unreadable row.
const amounts = fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), {
  minLength: 6,
  maxLength: 6,
});

describe("failsBlocking", () => {
  it("is true exactly when evaluateRelation fails at error or warning level", () => {
    fc.assert(
      fc.property(relation, amounts, (rule, values) => {
        const amountOf = (key: number) => values[key];
        const outcome = evaluateRelation(rule, amountOf);
        const blocking = outcome.status === "fail" && outcome.severity !== "info";
        expect(failsBlocking(rule, amountOf)).toBe(blocking);
      }),
      { numRuns: 2000 },
    );
  });

  it("is false for a shortfall that is only worth a look, and true for one that warns", () => {
    const rule: Relation<number> = {
      left: [0],
      right: [1],
      relation: "le",
      severity: "error",
      shortfall: "info",
    };
    const amountOf = (key: number) => [1, 2][key];
    expect(failsBlocking(rule, amountOf)).toBe(false);
    expect(failsBlocking({ ...rule, shortfall: "warning" }, amountOf)).toBe(true);
  });
});
