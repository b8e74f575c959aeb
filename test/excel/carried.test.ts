/** @jest-environment ./test/helpers/excel-environment.js */
/// <reference types="office-js" />
import type { Catalogue } from "../../src/domain/catalogue";
import { loadCatalogue } from "../../src/domain/catalogue/load";
import type { SheetGrid } from "../../src/domain/cell";
import { columnLetter } from "../../src/domain/cell";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import { CARRIED_SHEET, definitionHash, readCarried } from "../../src/domain/forms/carried";
import { embedDefinition, installAppendix } from "../../src/workflows/install";
import { thuFormCatalogue } from "../helpers/thu-form";
import { EmulatedExcel, contents, countRequests, hostOver } from "./setup";

// A sheet installed from a definition, and the definition the workbook then carries on its very hidden `_cchc_mau`
// sheet (DESIGN.md section 11), through the real Excel client library over the emulated Excel.

const UNIT = { unit: "UBND xã Long Hòa", level: "xa", period: "2026-Q1" } as const;

let thu: Catalogue;
/** The test form under another id: a second form a workbook may carry beside it. */
let other: Catalogue;
beforeAll(async () => {
  thu = await thuFormCatalogue();
  other = { ...thu, templateVersion: "PL-KHAC-2026" };
}, 120_000);

async function carriedGrid(excel: EmulatedExcel): Promise<SheetGrid> {
  const [grid] = await hostOver(excel).run((port) => port.readSheets([CARRIED_SHEET]));
  return grid!;
}

async function carriedKeys(excel: EmulatedExcel): Promise<string[]> {
  const read = readCarried(await carriedGrid(excel));
  return read.forms.map((form) => `${form.catalogue.templateVersion}#${form.hash}`);
}

describe("installing a sheet from a definition", () => {
  it("writes F1 as ID#hash and the definition on a very hidden _cchc_mau, in 3 requests", async () => {
    const excel = new EmulatedExcel();
    excel.addSheet("Sheet1");
    const { requests, result } = await countRequests(excel, () =>
      hostOver(excel).run((port) => installAppendix(port, { ...UNIT, definition: thu })),
    );
    // The listing, one apply building both sheets, the release: the new sheet needs no read.
    expect(requests).toBe(3);
    const hash = definitionHash(thu);
    expect(hash).toMatch(/^[0-9a-f]{8}$/);
    expect(excel.cell(result.sheetName, "F1").value).toBe(`PL-THU-2026#${hash}`);
    expect(excel.sheet(CARRIED_SHEET).visibility).toBe("VeryHidden");
    expect(excel.sheet(result.sheetName).visibility).toBe("Visible");
    expect(excel.data.activeSheetId).toBe(excel.sheet(result.sheetName).id);
    expect(await carriedKeys(excel)).toEqual([`PL-THU-2026#${hash}`]);
    // The carried rows read back as the very definition installed, codes like "1.10" still text.
    const [carried] = readCarried(await carriedGrid(excel)).forms;
    expect(carried!.catalogue).toEqual(thu);
  });

  it("adds a second form's block beside the first, in 4 requests, losing neither", async () => {
    const excel = new EmulatedExcel();
    excel.addSheet("Sheet1");
    const host = hostOver(excel);
    await host.run((port) => installAppendix(port, { ...UNIT, definition: thu }));
    const { requests } = await countRequests(excel, () =>
      host.run((port) => installAppendix(port, { ...UNIT, unit: "UBND xã Bình Phú", definition: other })),
    );
    // The listing, the read of _cchc_mau, one apply, the release.
    expect(requests).toBe(4);
    expect(await carriedKeys(excel)).toEqual([
      `PL-THU-2026#${definitionHash(thu)}`,
      `PL-KHAC-2026#${definitionHash(other)}`,
    ]);
    expect(excel.sheet(CARRIED_SHEET).visibility).toBe("VeryHidden");
    expect(excel.data.sheets.filter((sheet) => sheet.name === CARRIED_SHEET)).toHaveLength(1);
  });

  it("installs a second sheet of a form already carried without writing _cchc_mau again", async () => {
    const excel = new EmulatedExcel();
    excel.addSheet("Sheet1");
    const host = hostOver(excel);
    await host.run((port) => installAppendix(port, { ...UNIT, definition: thu }));
    const before = [...contents(excel)].filter(([cell]) => cell.startsWith(`${CARRIED_SHEET}!`));
    const id = excel.sheet(CARRIED_SHEET).id;
    await host.run((port) => installAppendix(port, { ...UNIT, unit: "UBND xã Bình Phú", definition: thu }));
    const after = [...contents(excel)].filter(([cell]) => cell.startsWith(`${CARRIED_SHEET}!`));
    expect(after).toEqual(before);
    expect(excel.sheet(CARRIED_SHEET).id).toBe(id);
  });

  it("refuses a level the form has no place for, writing nothing", async () => {
    const excel = new EmulatedExcel();
    excel.addSheet("Sheet1");
    const before = contents(excel);
    await expect(
      hostOver(excel).run((port) =>
        installAppendix(port, { ...UNIT, period: "2021-Q3", level: "huyen", definition: thu }),
      ),
    ).rejects.toMatchObject({ code: "install:level_not_in_form" });
    expect(contents(excel)).toEqual(before);
    expect(excel.data.sheets.map((sheet) => sheet.name)).toEqual(["Sheet1"]);
  });
});

describe("embedding a definition for a sheet whose form is missing", () => {
  it("replaces a damaged block of that form and keeps another form's block as it stood", async () => {
    const excel = new EmulatedExcel();
    excel.addSheet("Sheet1");
    const host = hostOver(excel);
    await host.run((port) => installAppendix(port, { ...UNIT, definition: other }));
    await host.run((port) => installAppendix(port, { ...UNIT, unit: "UBND xã Bình Phú", definition: thu }));
    // Someone unhid the sheet and changed a label of each form: both blocks stop matching their hashes.
    const grid = await carriedGrid(excel);
    const labels = grid.cells
      .map((row, index) => ({ index, text: row[4]?.value }))
      .filter((cell) => typeof cell.text === "string" && cell.text.startsWith("Số"));
    const first = labels[0]!;
    const last = labels.at(-1)!;
    excel.setCell(excel.sheet(CARRIED_SHEET), first.index, 4, { value: "sửa tay" });
    excel.setCell(excel.sheet(CARRIED_SHEET), last.index, 4, { value: "sửa tay" });
    expect(readCarried(await carriedGrid(excel)).forms).toEqual([]);

    const { requests } = await countRequests(excel, () => host.run((port) => embedDefinition(port, thu)));
    expect(requests).toBe(4);
    const read = readCarried(await carriedGrid(excel));
    // The test form reads again; the other form's block is still there, still damaged, never rewritten by guess.
    expect(read.forms.map((form) => form.catalogue.templateVersion)).toEqual(["PL-THU-2026"]);
    expect(read.problems).toMatchObject([{ kind: "carried_changed", id: "PL-KHAC-2026" }]);
    expect(excel.sheet(CARRIED_SHEET).visibility).toBe("VeryHidden");
  });

  it("re-installs a sheet of a carried form in place as that form, keeping what was typed, F1 and _cchc_mau", async () => {
    const excel = new EmulatedExcel();
    excel.addSheet("Sheet1");
    const host = hostOver(excel);
    const { sheetName } = await host.run((port) => installAppendix(port, { ...UNIT, definition: thu }));
    const layout = sheetLayout(loadCatalogue(thu));
    const row = layout.rowOf.get("HS.1")!;
    excel.setCell(excel.sheet(sheetName), row - 1, COLUMNS.value, { value: 44, valueType: "Double" });
    const carriedBefore = await carriedGrid(excel);

    const outcome = await host.run((port) => installAppendix(port, { replace: sheetName }));
    expect(outcome).toEqual({ sheetName, carried: 1 });
    expect(excel.cell(sheetName, "F1").value).toBe(`PL-THU-2026#${definitionHash(thu)}`);
    expect(excel.cell(sheetName, `${columnLetter(COLUMNS.value)}${row}`).value).toBe(44);
    // Laid out by its own form, not the 2021 one: the test form's last code stands where the form puts it.
    const last = thu.rows.at(-1)!.code;
    expect(excel.cell(sheetName, `${columnLetter(COLUMNS.code)}${layout.rowOf.get(last)}`).value).toBe(last);
    expect(await carriedGrid(excel)).toEqual(carriedBefore);
  });

  it("writes nothing when the workbook carries the definition already", async () => {
    const excel = new EmulatedExcel();
    excel.addSheet("Sheet1");
    const host = hostOver(excel);
    await host.run((port) => installAppendix(port, { ...UNIT, definition: thu }));
    const before = contents(excel);
    const { requests } = await countRequests(excel, () => host.run((port) => embedDefinition(port, thu)));
    // The listing, the read, the release.
    expect(requests).toBe(3);
    expect(contents(excel)).toEqual(before);
  });
});
