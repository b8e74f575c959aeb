/** @jest-environment ./test/helpers/excel-environment.js */
/// <reference types="office-js" />
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { SUMMARY_MARKER } from "../../src/workflows/consolidate";
import { consolidateWorkbook } from "../../src/workflows/consolidate-workbook";
import { SUMMARY_SHEETS } from "../../src/workflows/summary-spec";
import { SEED_VALUES } from "../helpers/seed";

import { EmulatedExcel, contents, countRequests, hostOver, seedAppendix } from "./setup";

// "Tổng hợp" through the Office.js adapter: a fixed number of syncs whatever the number of units, the summary's
// sheets written beside the units' (which are not touched), and the summary's own formats: fills, font colours,
// notes where Excel has them, frozen headers, and protection on the form alone.

const layout = sheetLayout(catalogue);
const valueAt = (code: string) => `D${layout.rowOf.get(code)}`;
const HS = { "HS.1": 10, "HS.1.1": 0, "HS.1.2": 10, "HS.2": 10, "HS.2.1": 5, "HS.2.2": 5 };

/** Ready, with a warning (2.5 above 2.4): each unit gets a letter, its notes listed, on the requests sheet. */
const HS_WARNED = { ...HS, "2.4": 1, "2.5": 2 };

function departments(count: number, values: Readonly<Record<string, number>> = HS): EmulatedExcel {
  const excel = new EmulatedExcel();
  for (let i = 1; i <= count; i++) seedAppendix(excel, values, { name: `Sở ${i}`, unit: `Sở số ${i}` });
  return excel;
}

describe("consolidateWorkbook in Excel", () => {
  it.each([3, 40])(
    "takes 4 requests, the release included, for %i departments and leaves their sheets as they were",
    async (count) => {
      const excel = departments(count);
      const before = contents(excel);
      const { requests, result } = await countRequests(excel, () =>
        hostOver(excel).run((port) => consolidateWorkbook(port)),
      );
      expect(requests).toBe(4);
      expect(result.consolidation.units).toHaveLength(count);
      const after = contents(excel);
      for (const [cell, content] of before) expect(after.get(cell)).toEqual(content);
      expect(excel.cell(SUMMARY_SHEETS.form, valueAt("HS.2")).value).toBe(10 * count);
      expect(excel.data.sheets.map((sheet) => sheet.name).slice(count)).toEqual(
        Object.values(SUMMARY_SHEETS),
      );
      expect(excel.data.activeSheetId).toBe(excel.sheet(SUMMARY_SHEETS.form).id);
    },
  );

  // Excel on the web refuses a request or a response over 5 MB; at 300 units the summary was one 6 MB request
  // (21 MB with every indicator filled) and the read of the units' sheets one 12.6 MB answer.
  it.each([
    [300, 10],
    [1000, 22],
  ])(
    "sums %i departments on the web in %i requests, none sending or answering over 4 MB",
    async (count, expected) => {
      const excel = departments(count, HS_WARNED);
      const before = excel.requests;
      await hostOver(excel).run((port) => consolidateWorkbook(port));
      const sent = excel.emulator.requests.slice(before);
      expect(sent.filter((request) => request.error)).toEqual([]);
      expect(Math.max(...sent.map((request) => request.requestBytes))).toBeLessThanOrEqual(4 * 2 ** 20);
      expect(Math.max(...sent.map((request) => request.responseBytes))).toBeLessThanOrEqual(4 * 2 ** 20);
      expect(sent).toHaveLength(expected);
      expect(excel.cell(SUMMARY_SHEETS.form, valueAt("HS.2")).value).toBe(10 * count);
      expect(excel.sheet(SUMMARY_SHEETS.form).protection.protected).toBe(true);
    },
  );

  it("rewrites its earlier summary in place, in the same places, in 4 requests, when asked", async () => {
    const excel = departments(3);
    await hostOver(excel).run((port) => consolidateWorkbook(port));
    const before = excel.data.sheets.map((sheet) => sheet.name);
    excel.cell("Sở 2", valueAt("HS.2")).value = 12;
    const { requests } = await countRequests(excel, () =>
      hostOver(excel).run((port) => consolidateWorkbook(port, { replaceSummary: true })),
    );
    expect(requests).toBe(4);
    expect(excel.data.sheets.map((sheet) => sheet.name)).toEqual(before);
    expect(excel.cell(SUMMARY_SHEETS.form, valueAt("HS.2")).value).toBe(32);
    expect(excel.sheet(SUMMARY_SHEETS.form).protection.protected).toBe(true);
  });

  // The npm library stops at ExcelApi 1.15: notes (1.18) are off here; the emulator's own note is tested in
  // test/emulator.
  it("writes the summary's formats: a marked total, red error counts, frozen open tables", async () => {
    const excel = departments(2);
    seedAppendix(excel, SEED_VALUES, { name: "Sở TTTT", unit: '=HYPERLINK("x","Sở TTTT")' });
    await hostOver(excel).run((port) => consolidateWorkbook(port));

    const form = excel.sheet(SUMMARY_SHEETS.form);
    expect(form.protection.protected).toBe(true);
    const hs2 = excel.cell(form.name, valueAt("HS.2"));
    expect([hs2.value, hs2.fill]).toEqual([64, "#FFC7CE"]);
    expect(excel.cell(form.name, "F1").value).toBe(SUMMARY_MARKER);

    const units = excel.sheet(SUMMARY_SHEETS.units);
    expect(units.protection.protected).toBe(false);
    expect(units.frozenRows).toBe(2);
    expect(excel.cell(units.name, "A2").fill).toBe("#D9E1F2");
    // The unit's name is text, never a formula, in Excel too.
    const name = excel.cell(units.name, "A5");
    expect([name.value, name.valueType, name.formula]).toEqual([
      '=HYPERLINK("x","Sở TTTT")',
      "String",
      undefined,
    ]);
    expect(excel.cell(units.name, "D5").font).toMatchObject({ bold: true, color: "#9C0006" });
    for (const sheet of excel.data.sheets.slice(3))
      expect(excel.cell(sheet.name, "F1").value).toBe(SUMMARY_MARKER);
  });

  it("prints the summary as the command line writes it: the form portrait on one page across, the tables landscape", async () => {
    const excel = departments(2);
    await hostOver(excel).run((port) => consolidateWorkbook(port));

    const form = excel.sheet(SUMMARY_SHEETS.form).pageLayout;
    expect(form).toMatchObject({
      orientation: "Portrait",
      centerHorizontally: true,
      printTitleRows: "$5:$6",
    });
    expect(form.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    const layouts = excel.data.sheets.slice(3).map((sheet) => sheet.pageLayout);
    expect(layouts.every((layout) => layout.orientation === "Landscape")).toBe(true);
    // The per-unit figures spread across pages at a scale, with the codes' column repeated on every page.
    const spread = layouts.filter((layout) => layout.printTitleColumns !== undefined);
    expect(spread).toHaveLength(1);
    expect(spread[0]).toMatchObject({ printTitleColumns: "$A:$A", centerHorizontally: false });
    expect(spread[0]!.zoom).toEqual({ scale: expect.any(Number) });
  });

  it("leaves notes out where Excel has no notes (before ExcelApi 1.18), the fill still marking the total", async () => {
    const excel = departments(1);
    seedAppendix(excel, SEED_VALUES, { name: "Sở TTTT", unit: "Sở TTTT" });
    await hostOver(excel).run((port) => consolidateWorkbook(port));
    const form = excel.sheet(SUMMARY_SHEETS.form);
    expect(form.notes).toBeUndefined();
    expect(excel.cell(form.name, valueAt("HS.2")).fill).toBe("#FFC7CE");
  });

  it("writes nothing at all when the one sync that writes fails", async () => {
    const excel = departments(2);
    const names = excel.data.sheets.map((sheet) => sheet.name);
    excel.failRequest(3);
    await expect(hostOver(excel).run((port) => consolidateWorkbook(port))).rejects.toThrow();
    expect(excel.data.sheets.map((sheet) => sheet.name)).toEqual(names);
  });
});
