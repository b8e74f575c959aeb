/** @jest-environment ./test/helpers/excel-environment.js */
/// <reference types="office-js" />
import { catalogue } from "../../src/domain/catalogue";
import { derivedFormula, sheetLayout } from "../../src/domain/layout";
import { markFormula } from "../../src/excel/excel-port";
import type { CellsChanged } from "../../src/workflows/host";
import { checkWorkbook, fillDerived } from "../../src/workflows/usecases";
import { seedWith } from "../helpers/seed";

import { EmulatedExcel, countRequests, hostOver, seedAppendix } from "./setup";

// A second user edits the shared workbook while the add-in works (Excel co-authoring: their edits reach us as
// change events with source Remote, and may land between two of our round trips).

const layout = sheetLayout(catalogue);
const valueCell = (code: string) => `D${layout.rowOf.get(code)!}`;
const SHEET = "Sở TTTT";

function workbook(values = seedWith({ "7.8.3": undefined })): EmulatedExcel {
  const excel = new EmulatedExcel();
  seedAppendix(excel, values, { name: SHEET });
  return excel;
}

function cellOf(excel: EmulatedExcel, address: string) {
  const row = Number(address.slice(1)) - 1;
  return excel.sheet(SHEET).cells[`${row},3`];
}

describe("co-authoring", () => {
  it("keeps a percentage a co-author types into an empty derived cell while the fill is under way", async () => {
    const excel = workbook();
    const host = hostOver(excel);
    // Sync 1 lists and reads the sheet (7.8.3 is empty then), sync 2 writes the formulas: the co-author lands before it.
    excel.beforeRequest(2, () => excel.type(SHEET, valueCell("7.8.3"), "12.5%"));
    const { requests, result } = await countRequests(excel, () => host.run((port) => fillDerived(port)));
    expect(result.outcomes.find((outcome) => outcome.code === "7.8.3")?.action).toBe("formula");
    // The one more request the guard costs when it acts, which also reads the sheet again for the check.
    expect(requests).toBe(3 + 1);
    const checked = result.check.sheets[0]!;
    expect(checked.findings.some((finding) => finding.codes.includes("7.8.3"))).toBe(true);
    const typed = cellOf(excel, valueCell("7.8.3"));
    expect(typed?.formula ?? typed?.value).not.toBe(
      `=${derivedFormula(layout, catalogue.byCode.get("7.8.3")!)}`,
    );
    expect(typed?.value).toBe(0.125);
    // The other empty derived cells of the department's level did get their formulas.
    expect(cellOf(excel, valueCell("4.1.4.d"))?.formula).toBe(
      `=${derivedFormula(layout, catalogue.byCode.get("4.1.4.d")!)}`,
    );
  });

  it("costs no extra request when nobody typed in between: 2 and the release", async () => {
    const excel = workbook();
    const before = excel.requests;
    await hostOver(excel).run((port) => fillDerived(port));
    expect(excel.requests - before).toBe(3);
  });

  it("ends with marks and findings that match the final values after a co-author's fix lands mid-validation", async () => {
    const excel = workbook();
    const host = hostOver(excel);
    const live: Promise<unknown>[] = [];
    const unsubscribe = host.onCellsChanged((change: CellsChanged) => {
      if (change.source === "remote")
        live.push(host.run((port) => checkWorkbook(port, { sheets: [change.sheet], mark: true })));
    });
    await excel.settle();
    // Our check reads the seed (HS.1.2 = 0, wrong); the co-author types 44 before our marks are written.
    excel.beforeRequest(2, () => excel.type(SHEET, valueCell("HS.1.2"), 44));
    const stale = await host.run((port) => checkWorkbook(port, { mark: true }));
    expect(stale.sheets[0]!.findings.some((finding) => finding.rule === "balance:HS.1")).toBe(true);
    await excel.emitChange({ sheet: SHEET, address: valueCell("HS.1.2"), source: "Remote" });
    await Promise.all(live);
    const final = await host.run((port) => checkWorkbook(port));
    expect(final.sheets[0]!.findings.some((finding) => finding.rule === "balance:HS.1")).toBe(false);
    const errorMarks = excel
      .sheet(SHEET)
      .conditionalFormats.find((format) => format.formula === markFormula("error"));
    expect(errorMarks?.areas ?? []).not.toContain(valueCell("HS.1.2"));
    expect(cellOf(excel, valueCell("HS.1.2"))?.value).toBe(44);
    unsubscribe();
  });

  it("never overwrites what a co-author typed while fills and marks interleave with their edits", async () => {
    const excel = workbook(seedWith({ "7.8.3": undefined, "3.3.4": undefined }));
    const host = hostOver(excel);
    excel.beforeRequest(2, () => excel.type(SHEET, valueCell("3.3.4"), "100%"));
    await host.run((port) => fillDerived(port));
    excel.beforeRequest(2, () => excel.type(SHEET, valueCell("7.8.3"), "11.93%"));
    await host.run((port) => checkWorkbook(port, { mark: true }));
    excel.beforeRequest(2, () => excel.type(SHEET, valueCell("1.1.3"), 2));
    await host.run((port) => fillDerived(port));
    expect(cellOf(excel, valueCell("3.3.4"))?.value).toBe(1);
    expect(cellOf(excel, valueCell("7.8.3"))?.value).toBe(0.1193);
    expect(cellOf(excel, valueCell("1.1.3"))?.value).toBe(2);
  });
});
