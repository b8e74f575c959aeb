/** @jest-environment ./test/helpers/excel-environment.js */
/// <reference types="office-js" />
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { SheetWriteError } from "../../src/excel/errors";
import { STAGING_PREFIX, isStagingName } from "../../src/excel/excel-port";
import { consolidateWorkbook } from "../../src/workflows/consolidate-workbook";
import { installAppendix } from "../../src/workflows/install";
import { SUMMARY_SHEETS } from "../../src/workflows/summary-spec";
import { checkWorkbook, clearMarks } from "../../src/workflows/usecases";
import { MountedPane } from "./pane-scenarios";
import { EmulatedExcel, contents, hostOver, seedAppendix, typedCells } from "./setup";

// Sheets written where a failure leaves nothing taken for an appendix, and re-installed without being deleted
// (src/excel/excel-port.ts, "Atomic sheets"), through the real Excel client library over the emulated Excel.

const layout = sheetLayout(catalogue);
const valueCell = (code: string) => `D${layout.rowOf.get(code)!}`;
const UNIT = { unit: "Sở Thông tin và Truyền thông", level: "so", period: "2021-Q3" } as const;

/** What Excel shows in a cell, read through the library (a formula's value as Excel computes it). */
function shown(excel: EmulatedExcel, sheet: string, address: string): Promise<unknown> {
  return excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("values");
    await context.sync();
    return range.values[0]![0] as unknown;
  });
}

/** A workbook with an installed appendix sheet and values a person typed into it. */
async function installedWithValues(): Promise<{ excel: EmulatedExcel; sheet: string }> {
  const excel = new EmulatedExcel();
  excel.addSheet("Sheet1");
  const { sheetName } = await hostOver(excel).run((port) => installAppendix(port, UNIT));
  excel.type(sheetName, valueCell("1.1.1"), 7);
  excel.type(sheetName, valueCell("HS.2"), 40);
  excel.type(sheetName, `E${layout.rowOf.get("1.1.1")!}`, "theo Kế hoạch 12");
  return { excel, sheet: sheetName };
}

describe("re-installing in place", () => {
  it("keeps formulas on other sheets showing the indicator's value, not #REF!", async () => {
    const { excel, sheet } = await installedWithValues();
    const report = excel.addSheet("Báo cáo");
    excel.setCell(report, 0, 0, { formula: `='${sheet}'!${valueCell("1.1.1")}` });
    excel.setCell(report, 1, 0, { formula: `='${sheet}'!${valueCell("HS.2")}` });
    expect(await shown(excel, "Báo cáo", "A1")).toBe(7);
    const typed = typedCells(excel);
    const id = excel.sheet(sheet).id;

    await hostOver(excel).run((port) => installAppendix(port, { replace: sheet }));

    expect(await shown(excel, "Báo cáo", "A1")).toBe(7);
    expect(await shown(excel, "Báo cáo", "A2")).toBe(40);
    expect(excel.cell("Báo cáo", "A1").formula).toBe(`='${sheet}'!${valueCell("1.1.1")}`);
    // The same sheet, never deleted, with what a person typed; no staging sheet left.
    expect(excel.sheet(sheet).id).toBe(id);
    expect(typedCells(excel)).toEqual(typed);
    expect(excel.data.sheets.map((s) => s.name)).toEqual(["Sheet1", sheet, "Báo cáo"]);
    expect(excel.sheet(sheet).protection.protected).toBe(true);
    // Then a person types a new value: the formula follows it.
    excel.type(sheet, valueCell("1.1.1"), 8);
    expect(await shown(excel, "Báo cáo", "A1")).toBe(8);
  });

  it("rewrites the earlier summary in place: a formula pointing at a total shows the new total", async () => {
    const excel = new EmulatedExcel();
    const HS = { "HS.1": 10, "HS.1.1": 0, "HS.1.2": 10, "HS.2": 10, "HS.2.1": 5, "HS.2.2": 5 };
    for (let i = 1; i <= 3; i++) seedAppendix(excel, HS, { name: `Sở ${i}`, unit: `Sở số ${i}` });
    await hostOver(excel).run((port) => consolidateWorkbook(port));
    const report = excel.addSheet("Báo cáo");
    excel.setCell(report, 0, 0, { formula: `='${SUMMARY_SHEETS.form}'!${valueCell("HS.2")}` });
    expect(await shown(excel, "Báo cáo", "A1")).toBe(30);
    excel.type("Sở 2", valueCell("HS.2"), 12);
    await hostOver(excel).run((port) => consolidateWorkbook(port, { replaceSummary: true }));
    expect(await shown(excel, "Báo cáo", "A1")).toBe(32);
    expect(excel.data.sheets.some((sheet) => isStagingName(sheet.name))).toBe(false);
  });
});

describe("a failure that leaves a staging sheet", () => {
  /** An install whose sheet-writing request fails at its 40th action, and whose cleanup is refused too. */
  async function failedTwice(excel: EmulatedExcel): Promise<unknown> {
    const host = hostOver(excel);
    excel.failAction(2, 40);
    excel.failRequest(3);
    return host.run((port) => installAppendix(port, UNIT)).catch((error: unknown) => error);
  }

  it("says which hidden sheet is left and that it is no appendix, in Vietnamese and English", async () => {
    const excel = new EmulatedExcel();
    excel.addSheet("Sheet1");
    const error = await failedTwice(excel);
    expect(error).toBeInstanceOf(SheetWriteError);
    const left = (error as SheetWriteError).stagingLeft;
    expect(left).toHaveLength(1);
    expect(left[0]!.startsWith(STAGING_PREFIX)).toBe(true);
    expect(excel.sheet(left[0]!).visibility).toBe("VeryHidden");
    // The staging sheet does not bear the key: it is not complete.
    expect(excel.cell(left[0]!, "F1").valueType).toBe("Empty");
    const { vi, en } = (error as SheetWriteError).bilingual;
    expect(vi).toContain(`Còn lại trang tạm ẩn “${left[0]}”: đó không phải phụ lục`);
    expect(en).toContain(`A hidden working sheet “${left[0]}” is left: it is not an appendix`);
    expect((error as SheetWriteError).sheetsToDelete).toEqual([]);
  });

  it("is not listed, checked, stamped, cleared or summed, and the next install deletes it", async () => {
    const excel = new EmulatedExcel();
    seedAppendix(excel, { "HS.2": 10, "HS.2.1": 5, "HS.2.2": 5 }, { name: "Sở 1", unit: "Sở số 1" });
    const error = await failedTwice(excel);
    const [staging] = (error as SheetWriteError).stagingLeft;
    const before = contents(excel);
    const host = hostOver(excel);

    const listed = await host.run((port) => port.listSheets());
    expect(listed.map((info) => info.name)).toEqual(["Sở 1"]);
    const checked = await host.run((port) => checkWorkbook(port, { mark: true, stamp: true }));
    expect(checked.sheets.map((sheet) => sheet.sheet)).toEqual(["Sở 1"]);
    expect(checked.skipped).not.toContain(staging);
    expect(await host.run((port) => clearMarks(port))).toBe(1);
    const summary = await host.run((port) => consolidateWorkbook(port));
    expect(summary.consolidation.units.map((unit) => unit.sheet)).toEqual(["Sở 1"]);
    for (const [cell, content] of before)
      if (cell.startsWith(`${staging!}!`)) expect(contents(excel).get(cell)).toEqual(content);

    const installed = await host.run((port) => installAppendix(port, UNIT));
    expect(excel.data.sheets.map((sheet) => sheet.name)).not.toContain(staging);
    expect(excel.data.sheets.filter((sheet) => isStagingName(sheet.name))).toEqual([]);
    expect(excel.cell(installed.sheetName, "F1").value).toBe(catalogue.templateVersion);
  });
});

describe("the pane after a failed install", () => {
  it("shows that no sheet was changed, in both languages, and a second click installs", async () => {
    const excel = new EmulatedExcel();
    excel.addSheet("Sheet1");
    const pane = await new MountedPane(excel).mount();
    const names = excel.data.sheets.map((sheet) => sheet.name);
    excel.failAction(2, 100, "GeneralException");
    await pane.press((actions) => actions.install(UNIT));
    expect(pane.state.error?.vi).toMatch(/Không trang tính nào bị thay đổi: có thể làm lại\.$/);
    expect(pane.state.error?.en).toMatch(/No sheet was changed: you can try again\.$/);
    expect(excel.data.sheets.map((sheet) => sheet.name)).toEqual(names);
    await pane.press((actions) => actions.install(UNIT));
    expect(pane.state.active).toBe(UNIT.unit);
    pane.unmount();
  });
});
