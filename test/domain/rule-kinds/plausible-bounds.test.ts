import fc from "fast-check";
import { catalogue } from "../../../src/domain/catalogue";
import { validationPlan } from "../../../src/domain/plan";
import { implausible } from "../../../src/domain/plausible";
import { outOfBounds } from "../../../src/domain/rule-kinds/plausible";

// Plausibility is evaluated, and tried values are judged, by limits compiled once per catalogue: they must say
// exactly what implausible() says of every row, amount and level.

const plan = validationPlan(catalogue);
const levels = [undefined, "so", "huyen", "xa"] as const;

describe("the compiled plausible bounds", () => {
  it("find a figure out of bounds exactly when implausible() does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: plan.rows.length - 1 }),
        fc.oneof(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: -20, max: 20_000 })),
        fc.constantFrom(...levels),
        (at, amount, level) => {
          const expected = implausible(plan.rows[at]!, amount, level) !== undefined;
          expect(outOfBounds(plan.plausible, at, amount, level)).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("agree with implausible() at every row's own limits, where an off-by-one would show", () => {
    for (const { at, row } of plan.plausible.bounded) {
      for (const level of levels) {
        for (const limit of [implausible(row, -Infinity, level), implausible(row, Infinity, level)]) {
          if (!limit) continue;
          for (const amount of [limit.limit - 1, limit.limit, limit.limit + 1]) {
            expect(outOfBounds(plan.plausible, at, amount, level)).toBe(
              implausible(row, amount, level) !== undefined,
            );
          }
        }
      }
    }
  });
});
