import { MemoryWorkbook } from "../../src/preview/workbook";
import type { SheetSpec } from "../../src/workflows/port";

// The SheetSpec options a summary uses, in the preview's in-memory port: an open (unprotected) table with a frozen
// header, fills, font colours and notes, and no print set-up.

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
    const workbook = new MemoryWorkbook();
    await workbook.apply({ steps: [{ kind: "addSheet", spec: TABLE }] });
    const sheet = workbook.sheet("Đơn vị")!;
    expect([sheet.protected, sheet.frozenRows, sheet.printArea]).toEqual([false, 2, undefined]);
    expect(workbook.cellAt("Đơn vị", "A2")?.style).toEqual({ bold: true, fill: "#D9E1F2" });
    expect(workbook.cellAt("Đơn vị", "B3")).toMatchObject({ note: "Còn 2 lỗi", style: { color: "#9C0006" } });
    // Text that looks like a formula is a value, never computed.
    expect(workbook.valueAt("Đơn vị", "A3")).toBe("=Sở Y tế");
    expect(workbook.edit("Đơn vị", "B3", "0")).toEqual({ ok: true });
    expect(workbook.cellAt("Đơn vị", "B3")).toMatchObject({ value: 0, note: "Còn 2 lỗi" });
  });
});
