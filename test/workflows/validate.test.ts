import fc from "fast-check";
import type { SheetValidation } from "../../src/domain/engine";
import { validateSheets } from "../../src/workflows/validate";
import { SEED_VALUES, seedWith, templateGrid } from "../helpers/seed";

/** A sheet's result without the sheet-specific addresses, keyed by sheet. */
function byName(sheets: readonly SheetValidation[]): Record<string, string> {
  return Object.fromEntries(
    sheets.map((sheet) => [
      sheet.sheet,
      JSON.stringify([sheet.verdict, sheet.counts, sheet.findings.map((f) => [f.rule, f.kind, f.cells])]),
    ]),
  );
}

describe("validateSheets", () => {
  const grids = [
    templateGrid(SEED_VALUES, { name: "Sở TTTT" }),
    templateGrid(seedWith({ "HS.1.2": 44, "DV.4.1": 1936 }), { name: "Sở Tư pháp" }),
    templateGrid({}, { name: "UBND huyện Càng Long", level: "huyen" }),
    { name: "Ghi chú", cells: [[{ value: "Danh sách cán bộ" }]] },
  ];

  it("judges each sheet the same whatever the order of the sheets", () => {
    const reference = byName(validateSheets(grids).sheets);
    fc.assert(
      fc.property(fc.shuffledSubarray(grids, { minLength: grids.length }), (shuffled) => {
        expect(byName(validateSheets(shuffled).sheets)).toEqual(reference);
      }),
      { numRuns: 24 },
    );
  });

  it("skips sheets without an appendix and names them", () => {
    const result = validateSheets(grids);
    expect(result.sheets.map((sheet) => sheet.verdict)).toEqual(["not_ready", "ready", "not_ready"]);
    expect(result.skipped).toEqual(["Ghi chú"]);
  });
});
