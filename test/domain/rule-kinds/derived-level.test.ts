import type { Level } from "../../../src/domain/catalogue";
import type { SheetValidation } from "../../../src/domain/engine";
import { validateAppendix } from "../../../src/domain/engine";
import { locateAppendix } from "../../../src/domain/locate";
import type { TypedValue } from "../../helpers/seed";
import { templateGrid } from "../../helpers/seed";

// 3.4.1, 3.4.2 and 3.4.3 are the same quotient of the sheet's own dossiers (HS.2.1 / HS.2), each for one level:
// the department's, the district's, the commune's. On a sheet of one level the others are not its rates, and the
// template writes no formula there: they are neither recomputed, nor checked, nor offered a formula.

function validate(values: Readonly<Record<string, TypedValue>>, level?: Level): SheetValidation {
  const grid = templateGrid(values, level ? { level } : {});
  const sheet = locateAppendix(grid)!;
  // A sheet that states no level, as one typed by hand without row 4.
  return validateAppendix(level ? sheet : { ...sheet, level: undefined });
}

const ofRule = (result: SheetValidation, rule: string) =>
  result.findings.filter((finding) => finding.rule === rule);

const summaryOf = (result: SheetValidation, rule: string) => result.rules.find((one) => one.rule === rule);

const percent = (fraction: number) => ({ percent: fraction, format: "0.00%" });

/** The reviewer's case: 44 dossiers resolved, all on time, and 1% typed in the commune's rate. */
const ONE_PERCENT_IN_3_4_3 = { "HS.2": 44, "HS.2.1": 44, "HS.2.2": 0, "3.4.3": percent(0.01) };

describe("a derived rate of another level than the sheet's", () => {
  it("is not checked on a department's sheet: no error, no formula to restore, not evaluated", () => {
    const result = validate(ONE_PERCENT_IN_3_4_3, "so");
    expect(ofRule(result, "derived:3.4.3")).toEqual([]);
    expect(result.findings.some((finding) => finding.suggestion?.formula !== undefined)).toBe(false);
    expect(summaryOf(result, "derived:3.4.3")).toEqual({
      rule: "derived:3.4.3",
      passed: 0,
      failed: 0,
      notEvaluated: 1,
    });
    expect(result.counts.error).toBe(0);
  });

  it("is checked on a commune's sheet, whose own rate it is, with the formula offered", () => {
    const [finding, ...others] = ofRule(validate(ONE_PERCENT_IN_3_4_3, "xa"), "derived:3.4.3");
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ kind: "derived_mismatch", severity: "error" });
    expect(finding!.message.vi).toContain("ghi 1% nhưng tính từ số liệu chi tiết 44/44 được 100%");
    expect(finding!.suggestion?.formula).toMatch(/^=IF\(/);
  });

  it("leaves the department's 3.4.1 unchecked on a commune's sheet, and checks every rate where no level is stated", () => {
    const values = { "HS.2": 44, "HS.2.1": 44, "HS.2.2": 0, "3.4.1": percent(0.01), "3.4.3": percent(0.01) };
    const commune = validate(values, "xa");
    expect(ofRule(commune, "derived:3.4.1")).toEqual([]);
    expect(ofRule(commune, "derived:3.4.3")).toHaveLength(1);
    const unstated = validate(values);
    expect(ofRule(unstated, "derived:3.4.1")).toHaveLength(1);
    expect(ofRule(unstated, "derived:3.4.3")).toHaveLength(1);
  });

  it("does not hold back the suspect of a failing balance for the sake of another level's rate", () => {
    // HS.2 = 44 but HS.2.1 + HS.2.2 = 40; 90,91% = 40/44 agrees as the sheet stands. Setting HS.2 = 40 or HS.2.1 =
    // 44 would make it disagree, HS.2.2 = 4 would not: the suspect where the rate is the sheet's own, a tie of all
    // three where it is not.
    const values = { "HS.2": 44, "HS.2.1": 40, "HS.2.2": 0, "3.4.3": percent(0.9091) };
    const [own] = ofRule(validate(values, "xa"), "balance:HS.2");
    expect(own!.suggestion).toMatchObject({ code: "HS.2.2", value: 4 });
    const [other] = ofRule(validate(values, "so"), "balance:HS.2");
    expect(other!.suggestion).toBeUndefined();
    expect(other!.params).toMatchObject({ candidates: ["HS.2", "HS.2.1", "HS.2.2"] });
  });

  it("is not recomputed for its plausible bounds: a reduction rate of 4.2.5 is a department's, not a commune's", () => {
    const values = { "BC.1": 10, "4.2.1": 50 };
    const department = ofRule(validate(values, "so"), "plausible");
    expect(department.map((finding) => [finding.kind, finding.codes[0], finding.params])).toEqual([
      ["implausible_low", "4.2.5", expect.objectContaining({ computed: true, value: -4 })],
    ]);
    expect(ofRule(validate(values, "xa"), "plausible")).toEqual([]);
  });
});
