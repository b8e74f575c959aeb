/** @jest-environment ./test/helpers/excel-environment.js */
import type { SheetSpec } from "../../src/workflows/port";
import { TestWorkbook } from "../helpers/workbook";

// The SheetSpec options a summary uses, written by the adapter into the emulated Excel and drawn by the preview's
// grid: an open (unprotected) table with a frozen header, fills, font colours and notes, and no print set-up.

const TABLE: SheetSpec = {
  name: "Đơn vị",
  font: { name: "Times New Roman", size: 12 },
  columns: [{ width: 40 }, { width: 9 }],
  rowHeights: { 2: 34.5 },
  cells: [
    { address: "A2", value: "Đơn vị báo cáo", style: { bold: true, fill: "#D9E1F2" } },
    { address: "B3", value: 2, style: { bold: true, color: "#9C0006" }, note: "Còn 2 lỗi" },
    { address: "A3", value: "=Sở Y tế" },
  ],
  merges: [],
  frozenRows: 2,
};

describe("a sheet spec without protection or print set-up, with fills, colours and notes", () => {
  it("is kept as written, its cells open to a person's edits, a note surviving a new value", async () => {
    const book = new TestWorkbook([]);
    await book.apply({ steps: [{ kind: "addSheet", spec: TABLE }] });
    const workbook = book.view;
    const sheet = workbook.sheet("Đơn vị")!;
    expect([sheet.protected, sheet.frozenRows]).toEqual([false, 2]);
    expect(book.excel.sheet("Đơn vị").pageLayout.printArea).toBeUndefined();
    expect(workbook.cellAt("Đơn vị", "A2")?.style).toMatchObject({ bold: true, fill: "#D9E1F2" });
    expect(workbook.cellAt("Đơn vị", "B3")).toMatchObject({ style: { color: "#9C0006" } });
    // Text that looks like a formula is a value, never computed.
    expect(workbook.valueAt("Đơn vị", "A3")).toBe("=Sở Y tế");
    expect(workbook.cellAt("Đơn vị", "A3")?.formula).toBeUndefined();
    // The note reaches Excel only from ExcelApi 1.18, beyond the npm library (test/emulator answers it directly);
    // here it is put where such an Excel keeps it, and the grid shows it through a person's edit.
    book.excel.sheet("Đơn vị").notes = { B3: "Còn 2 lỗi" };
    expect(workbook.edit("Đơn vị", "B3", "0")).toEqual({ ok: true });
    expect(workbook.cellAt("Đơn vị", "B3")).toMatchObject({ value: 0, note: "Còn 2 lỗi" });
  });
});
