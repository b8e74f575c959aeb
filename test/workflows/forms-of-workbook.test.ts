/** @jest-environment ./test/helpers/excel-environment.js */
import type { Catalogue, LoadedCatalogue } from "../../src/domain/catalogue";
import { BUILT_IN_FORMS, shapeCatalogue } from "../../src/domain/catalogue";
import type { SheetGrid } from "../../src/domain/cell";
import { cellInput } from "../../src/domain/cell";
import { CARRIED_SHEET, carriedRows, definitionHash } from "../../src/domain/forms/carried";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import { carriedSheetSpec } from "../../src/workflows/carried-spec";
import { formsOfGrids, formsOfWorkbook } from "../../src/workflows/forms-of-workbook";
import { checkWorkbook, fillDerived } from "../../src/workflows/usecases";
import { templateGrid } from "../helpers/seed";
import { thuFormCatalogue } from "../helpers/thu-form";
import type { SeedGrid } from "../helpers/workbook";
import { TestWorkbook } from "../helpers/workbook";

// The forms a workbook carries, read by the use cases over the port (Excel's adapter over the emulator): a sheet made
// from a definition is checked and filled by that definition with no file given, in the round trips a check of the
// 2021 form costs; the `_cchc_mau` sheet itself is never an appendix, and a block someone edited is not used.

let thu: Catalogue;
let form: LoadedCatalogue;
let key = "";

beforeAll(async () => {
  thu = await thuFormCatalogue();
  form = shapeCatalogue(thu);
  key = `PL-THU-2026#${definitionHash(thu)}`;
}, 120_000);

/** Commune A's sheet of the test form, F1 naming it by id and hash, HS.1 off its parts by 10. */
function communeSheet(): SheetGrid {
  const values = { "1.1": 12, "1.2": 10, "HS.1": 100, "HS.1.1": 60, "HS.1.2": 30, "HS.2": 80, "HS.3": 20 };
  const grid = templateGrid(values, {
    catalogue: form,
    unit: "UBND xã A",
    level: "xa",
    period: "Quý I/2026",
  });
  const cells = grid.cells.map((row) => [...row]);
  cells[0]![COLUMNS.key] = cellInput(key);
  return { ...grid, name: "UBND xã A", cells };
}

/** The carried sheet as a host writes it, very hidden; `edit` changes its rows first. */
function carriedSheet(edit: (rows: string[][]) => void = () => undefined): SeedGrid {
  const rows = carriedRows([thu]);
  edit(rows);
  return {
    name: CARRIED_SHEET,
    cells: rows.map((row) => row.map((text) => (text === "" ? undefined : cellInput(text)))),
    visibility: "veryHidden",
  };
}

const NOTE: SheetGrid = { name: "Ghi chú", cells: [[cellInput("Danh sách cán bộ phụ trách")]] };

describe("formsOfWorkbook", () => {
  it("adds the forms the very hidden _cchc_mau sheet carries to those the host knows, in one read", async () => {
    const book = new TestWorkbook([communeSheet(), carriedSheet(), NOTE]);
    const { registry, carried, problems } = await book.run((port) => formsOfWorkbook(port, BUILT_IN_FORMS));
    expect(problems).toEqual([]);
    expect(carried).toEqual([{ catalogue: thu, hash: definitionHash(thu) }]);
    expect(registry.lookup(key)?.kind).toBe("found");
    expect(registry.lookup("CCHC-PL-2021")?.kind).toBe("found");
    expect(book.reads).toEqual([[CARRIED_SHEET]]);
    expect(book.calls).toEqual({ listSheets: 1, readSheets: 1, apply: 0 });
  });

  it("reads nothing more of a workbook that carries no form", async () => {
    const book = new TestWorkbook([communeSheet(), NOTE]);
    const { registry, problems } = await book.run((port) => formsOfWorkbook(port, BUILT_IN_FORMS));
    expect({ registry, problems }).toEqual({ registry: BUILT_IN_FORMS, problems: [] });
    expect(book.calls).toEqual({ listSheets: 1, readSheets: 0, apply: 0 });
  });

  it("leaves out a block someone edited: its form stays missing", async () => {
    const edited = carriedSheet((rows) => {
      const row = rows.find((cells) => cells[0] === "HS.1")!;
      row[4] = "Tổng số hồ sơ (đã sửa)";
    });
    const { registry, problems } = await formsOfGrids([communeSheet(), edited], BUILT_IN_FORMS);
    expect(registry.lookup(key)?.kind).toBe("missing");
    expect(problems).toEqual([
      expect.objectContaining({
        kind: "carried_changed",
        row: 1,
        id: "PL-THU-2026",
        hash: definitionHash(thu),
      }),
    ]);
  });
});

describe("the pane's use cases read the carried forms", () => {
  it("checks a sheet made from a definition by its rules, in the round trips of any check", async () => {
    const book = new TestWorkbook([communeSheet(), carriedSheet(), NOTE]);
    const result = await book.run((port) => checkWorkbook(port, { mark: true }));
    expect(result.missingForms).toEqual([]);
    expect(
      result.sheets.map((sheet) => [sheet.sheet, sheet.findings.map((finding) => finding.rule)]),
    ).toEqual([["UBND xã A", ["CD.HS1", "complete"]]]);
    expect(result.appendices).toEqual(["UBND xã A"]);
    // The carried sheet is neither an appendix nor a sheet skipped: it is the workbook's forms.
    expect(result.skipped).toEqual(["Ghi chú"]);
    expect(book.reads).toEqual([["UBND xã A", CARRIED_SHEET, "Ghi chú"]]);
    expect(book.calls).toEqual({ listSheets: 1, readSheets: 1, apply: 1 });
  });

  it("asks for the definition of a sheet copied without it", async () => {
    const book = new TestWorkbook([communeSheet(), NOTE]);
    const result = await book.run((port) => checkWorkbook(port));
    expect(result.sheets).toEqual([]);
    expect(result.missingForms.map((missing) => [missing.sheet, missing.id, missing.hash])).toEqual([
      ["UBND xã A", "PL-THU-2026", definitionHash(thu)],
    ]);
  });

  it("fills the definition's rates as live formulas on its sheet", async () => {
    const book = new TestWorkbook([communeSheet(), carriedSheet()]);
    book.active = "UBND xã A";
    const result = await book.run((port) => fillDerived(port, { sheet: "UBND xã A" }));
    const layout = sheetLayout(form);
    expect(result.outcomes.map((outcome) => [outcome.code, outcome.address, outcome.action])).toEqual([
      ["1.3", `D${layout.rowOf.get("1.3")!}`, "formula"],
      ["2.3", `D${layout.rowOf.get("2.3")!}`, "formula"],
    ]);
    expect(book.cell("UBND xã A", `D${layout.rowOf.get("1.3")!}`)?.formula).toMatch(/^=IF\(/);
  });
});

describe("carriedSheetSpec", () => {
  it("lays out the carried rows very hidden, every cell text, as a host writes them", () => {
    const spec = carriedSheetSpec([thu]);
    const rows = carriedRows([thu]);
    expect(spec.name).toBe(CARRIED_SHEET);
    expect(spec.visibility).toBe("veryHidden");
    expect(spec.cells.slice(0, 3)).toEqual([
      { address: "A1", value: "#mẫu", numberFormat: "@" },
      { address: "B1", value: "PL-THU-2026", numberFormat: "@" },
      { address: "C1", value: definitionHash(thu), numberFormat: "@" },
    ]);
    expect(spec.cells.length).toBe(rows.flat().filter((text) => text !== "").length);
  });
});
