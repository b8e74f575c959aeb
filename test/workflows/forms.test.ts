import type { SheetGrid } from "../../src/domain/cell";
import { BUILT_IN_FORMS, catalogue, FormRegistry } from "../../src/domain/catalogue";
import { COLUMNS } from "../../src/domain/layout";
import { consolidate, readUnits } from "../../src/workflows/consolidate";
import { validateSheets } from "../../src/workflows/validate";
import type { TypedValue } from "../helpers/seed";
import { templateGrid } from "../helpers/seed";
import { smallForm } from "../helpers/small-form";

// A form that is not the 2021 one, given to the workflows in a small registry as a host would: validated,
// consolidated (its rate over a sum recomputed, its carried-over row compared by its own carriedFrom), or asked for.

const small = smallForm();
const F1 = "PL-THU-2026#3f9a1c2e";
const forms = new FormRegistry([catalogue, { catalogue: small, hash: "3f9a1c2e" }]);

function sheet(values: Record<string, TypedValue>, unit: string, level: "so" | "xa"): SheetGrid {
  const grid = templateGrid(values, { catalogue: small, unit, level, period: "Quý I/2026", name: unit });
  const cells = grid.cells.map((row) => [...row]);
  cells[0]![COLUMNS.key] = { value: F1 };
  return { ...grid, cells };
}

const COUNTS = {
  "1.2": 4,
  "1.2.e": 1,
  "DVC.1": 30,
  "DVC.2": 10,
  "DVC.3": 60,
  "DVC.4": 20,
  "HSO.1": 3,
  "HSO.2": 5,
};

describe("a form given as a definition", () => {
  it("validates its sheets by its own rules", () => {
    const result = validateSheets(
      [sheet({ ...COUNTS, "1.1": { percent: 0.4, format: "0%" } }, "Sở Y tế", "so")],
      forms,
    );
    expect(result.missingForms).toEqual([]);
    expect(
      result.sheets.map((one) => [one.templateVersion, one.findings.map((finding) => finding.rule)]),
    ).toEqual([[F1, ["derived:1.1"]]]);
  });

  it("asks for its definition file where the host does not have it", () => {
    const result = validateSheets([sheet(COUNTS, "Sở Y tế", "so")], BUILT_IN_FORMS);
    expect(result.sheets).toEqual([]);
    expect(result.missingForms).toEqual([
      {
        sheet: "Sở Y tế",
        id: "PL-THU-2026",
        hash: "3f9a1c2e",
        message: {
          vi: "Trang tính 'Sở Y tế' theo mẫu \"PL-THU-2026\" mà công cụ chưa có định nghĩa (hoặc đã có bản khác): chọn tệp định nghĩa của mẫu này để kiểm tra.",
          en: "Sheet 'Sở Y tế' follows the form \"PL-THU-2026\", whose definition this tool does not have (or has in another version): give this form's definition file to check it.",
        },
      },
    ]);
  });

  it("consolidates its units: the rate over summed sums, the carried-over count against its own source row", () => {
    const units = [
      ...readUnits([sheet(COUNTS, "Sở Y tế", "so")], "so-y-te.xlsx", forms).units,
      ...readUnits([sheet({ ...COUNTS, "DVC.3": 20, "HSO.2": 2 }, "UBND xã A", "xa")], "xa-a.xlsx", forms)
        .units,
    ];
    expect(units).toHaveLength(2);
    const previous = { period: "2025-Q4", province: new Map([["HSO.1", 4]]) };
    const result = consolidate(units, { roles: new Map(), forms, previous });
    expect(result.catalogue).toBe(small);
    expect(result.totals.find((total) => total.code === "1.1")?.ratio).toEqual({
      numerator: 80,
      denominator: 120,
    });
    const carried = result.issues.filter((issue) => issue.kind === "carried_over_mismatch");
    expect(carried.map((issue) => [issue.codes, issue.params])).toEqual([
      [["HSO.2", "HSO.1"], { now: 7, previous: 4, difference: 3, province: true }],
    ]);
  });
});
