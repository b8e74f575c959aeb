/** @jest-environment ./test/helpers/excel-environment.js */
import { MARK_COLOURS } from "../../src/excel/excel-port";
import { createExcelHost } from "../../src/excel/host";
import { WorkbookModel } from "../../src/emulator";
import { EmulatedWorkbook } from "../../src/preview/emulated-workbook";
import { SAMPLE_SHEET, samplePlan } from "../../src/preview/sample";
import type { CellsChanged } from "../../src/workflows/host";
import { checkWorkbook } from "../../src/workflows/usecases";
import { emulate } from "../helpers/excel-library";

// The preview's grid over the emulator, with the pane's own Excel adapter writing through the real library.

const HS_1 = "D118";
const HS_1_1 = "D119";
const HS_1_2 = "D120";

async function sample() {
  const model = new WorkbookModel();
  const emulator = emulate(model);
  const workbook = new EmulatedWorkbook(model, emulator, MARK_COLOURS);
  const host = createExcelHost({ retryDelayMs: 0, displayLanguage: "vi-VN" });
  // Excel always holds a visible sheet, as the preview's own session does (src/preview/index.tsx).
  const blank = model.addSheet("Sheet1");
  await host.run((port) => port.apply(samplePlan()));
  model.deleteSheet(blank.name);
  return { model, emulator, workbook, host };
}

describe("the emulated workbook the preview's grid draws", () => {
  it("shows the sample the adapter wrote, and the marks a check leaves, redrawn after the check's requests", async () => {
    const { workbook, host } = await sample();
    expect(workbook.sheetNames).toEqual([SAMPLE_SHEET.sheetName]);
    expect(workbook.valueAt(SAMPLE_SHEET.sheetName, HS_1)).toBe(44);
    const sheet = workbook.sheet(SAMPLE_SHEET.sheetName)!;
    expect(sheet.protected).toBe(true);
    expect(sheet.merges.length).toBeGreaterThan(0);
    expect(sheet.marks.size).toBe(0);
    const before = workbook.version;
    await host.run((port) => checkWorkbook(port, { mark: true }));
    expect(workbook.version).toBeGreaterThan(before);
    expect(workbook.sheet(SAMPLE_SHEET.sheetName)!.marks.get(HS_1_2)).toBe("error");
  });

  it("stores a typed value in the emulator's workbook and tells the pane as Excel's Local change event", async () => {
    const { model, workbook, host } = await sample();
    const changes: CellsChanged[] = [];
    host.onCellsChanged((change) => changes.push(change));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(workbook.edit(SAMPLE_SHEET.sheetName, HS_1_1, "5")).toEqual({ ok: true });
    expect(model.cell(SAMPLE_SHEET.sheetName, HS_1_1)).toMatchObject({ value: 5, valueType: "Double" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).toContainEqual({ sheet: SAMPLE_SHEET.sheetName, address: HS_1_1, source: "local" });
  });

  it("refuses typing into a locked cell of the protected sheet, and leaves it as it was", async () => {
    const { model, workbook } = await sample();
    const label = model.cell(SAMPLE_SHEET.sheetName, "B118");
    expect(workbook.edit(SAMPLE_SHEET.sheetName, "B118", "x")).toEqual({ ok: false, reason: "locked" });
    expect(model.cell(SAMPLE_SHEET.sheetName, "B118")).toEqual(label);
  });
});
