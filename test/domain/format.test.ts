import fc from "fast-check";
import {
  amountFromPercent,
  formatAmount,
  formatCount,
  formatPercent,
  percentFromAmount,
} from "../../src/domain/format";
import type { PercentValue } from "../../src/domain/values";

describe("formatCount", () => {
  it.each([
    ["groups thousands with a dot in Vietnamese", 1936, "vi", "1.936"],
    ["groups every three digits", 64073, "vi", "64.073"],
    ["groups millions", 1234567, "vi", "1.234.567"],
    ["leaves three digits alone", 999, "vi", "999"],
    ["writes zero", 0, "vi", "0"],
    ["groups exactly one thousand", 1000, "vi", "1.000"],
    ["keeps the sign of a difference", -1936, "vi", "-1.936"],
    ["writes -0 as 0", -0, "vi", "0"],
    ["groups thousands with a comma in English", 1936, "en", "1,936"],
    ["groups millions in English", 1234567, "en", "1,234,567"],
    ["writes a fraction with a decimal comma in Vietnamese", 1.93673, "vi", "1,93673"],
    ["writes a fraction with a decimal point in English", 1.5, "en", "1.5"],
    ["writes a grouped fraction", 64073.5, "vi", "64.073,5"],
    ["hides float noise", 0.1 + 0.2, "vi", "0,3"],
    ["writes a tiny number without exponent", 1e-7, "vi", "0,0000001"],
    ["writes a number typed with a dot as thousands", 64.073, "en", "64.073"],
    ["writes a huge number without exponent", 1e21, "vi", "1.000.000.000.000.000.000.000"],
  ] as const)("%s: %p in %s is %p", (_name, n, lang, expected) => {
    expect(formatCount(n, lang)).toBe(expected);
  });
});

describe("formatPercent", () => {
  it.each([
    ["writes two decimals with a comma in Vietnamese", { scaled: 1192, decimals: 2 }, "vi", "11,92%"],
    ["writes two decimals with a point in English", { scaled: 1192, decimals: 2 }, "en", "11.92%"],
    ["writes one decimal", { scaled: 125, decimals: 1 }, "vi", "12,5%"],
    ["writes a whole percentage", { scaled: 100, decimals: 0 }, "vi", "100%"],
    ["pads a small percentage with a leading zero", { scaled: 2, decimals: 2 }, "vi", "0,02%"],
    ["keeps stated trailing zeros", { scaled: 1250, decimals: 2 }, "vi", "12,50%"],
    ["writes zero at its decimals", { scaled: 0, decimals: 2 }, "vi", "0,00%"],
    ["keeps a negative reduction's sign", { scaled: -125, decimals: 1 }, "vi", "-12,5%"],
    ["groups an out-of-range percentage", { scaled: 1000000, decimals: 2 }, "vi", "10.000,00%"],
    ["writes four decimals", { scaled: 119235, decimals: 4 }, "en", "11.9235%"],
  ] as const)("%s: %j in %s is %p", (_name, p, lang, expected) => {
    expect(formatPercent(p, lang)).toBe(expected);
  });
});

describe("formatAmount", () => {
  it.each([
    ["shows a percentage with its fewest decimals", 125000, "percent", "vi", "12,5%"],
    ["shows two decimals when they are needed", 119200, "percent", "vi", "11,92%"],
    ["shows 100% without decimals", 1000000, "percent", "vi", "100%"],
    ["shows a small percentage", 200, "percent", "vi", "0,02%"],
    ["shows the smallest amount", 1, "percent", "en", "0.0001%"],
    ["shows a negative reduction", -50000, "percent", "vi", "-5%"],
    ["shows a count grouped", 64073, "count", "vi", "64.073"],
    ["shows a count grouped in English", 64073, "count", "en", "64,073"],
    ["shows a code as is", 2, "coded", "vi", "2"],
  ] as const)("%s: %p as %s in %s is %p", (_name, amount, kind, lang, expected) => {
    expect(formatAmount(amount, kind, lang)).toBe(expected);
  });
});

describe("percentFromAmount and amountFromPercent", () => {
  it.each([
    ["12,5%", 125000, { scaled: 125, decimals: 1 }],
    ["11,92%", 119200, { scaled: 1192, decimals: 2 }],
    ["100%", 1000000, { scaled: 100, decimals: 0 }],
    ["0%", 0, { scaled: 0, decimals: 0 }],
    ["0,0001%", 1, { scaled: 1, decimals: 4 }],
    ["-5%", -50000, { scaled: -5, decimals: 0 }],
  ] as const)("percentFromAmount states %s with the fewest decimals", (_name, amount, expected) => {
    expect(percentFromAmount(amount)).toEqual(expected);
  });

  it.each<[string, PercentValue, number]>([
    ["scales one decimal", { scaled: 125, decimals: 1 }, 125000],
    ["scales two decimals", { scaled: 1192, decimals: 2 }, 119200],
    ["scales a whole percentage", { scaled: 100, decimals: 0 }, 1000000],
    ["keeps four decimals", { scaled: 119235, decimals: 4 }, 119235],
    ["rounds a fifth decimal of 5 up", { scaled: 1192345, decimals: 5 }, 119235],
    ["rounds a fifth decimal below 5 down", { scaled: 1192344, decimals: 5 }, 119234],
    ["rounds a negative half away from zero", { scaled: -1192345, decimals: 5 }, -119235],
    ["rounds six decimals", { scaled: 11923456, decimals: 6 }, 119235],
    ["keeps zero", { scaled: 0, decimals: 6 }, 0],
  ])("amountFromPercent %s", (_name, p, expected) => {
    expect(amountFromPercent(p)).toBe(expected);
  });

  it("round-trips every integer amount exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (amount) => {
        const p = percentFromAmount(amount);
        expect(p.decimals).toBeGreaterThanOrEqual(0);
        expect(p.decimals).toBeLessThanOrEqual(4);
        expect(amountFromPercent(p)).toBe(amount);
      }),
    );
  });

  it("never writes a percentage with other than its own decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 6 }), (s, d) => {
        const text = formatPercent({ scaled: s, decimals: d }, "vi");
        const comma = text.indexOf(",");
        expect(comma < 0 ? 0 : text.length - comma - 2).toBe(d);
      }),
    );
  });
});
