/** @jest-environment ./test/helpers/excel-environment.js */
/// <reference types="office-js" />
import type { WorkbookModel } from "../../src/emulator";
import { WorkbookModel as Model } from "../../src/emulator";
import { emulate } from "../helpers/excel-library";

// The emulator's sheet visibility, Range.copyFrom and cross-sheet references (src/emulator/emulator.ts's table cites
// each), through the real Excel client library.

const codeOf = (error: unknown) => (error as { code?: string }).code;

/** A source sheet "Nguồn" with a value, a formula, formats, a lock, a validation, a merge and a format rule. */
function twoSheets(): WorkbookModel {
  const model = new Model();
  const source = model.addSheet("Nguồn");
  model.setCell(source, 0, 0, {
    value: "Tiêu đề",
    valueType: "String",
    font: { bold: true },
    fill: "#D9E1F2",
  });
  model.setCell(source, 1, 3, { value: 5, valueType: "Double", locked: false, numberFormat: "#,##0" });
  model.setCell(source, 2, 3, { value: "", valueType: "Empty", formula: "=D2*2", numberFormat: "0.00%" });
  model.setCell(source, 1, 4, {
    value: "",
    valueType: "Empty",
    locked: false,
    validation: { rule: { wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 } } },
  });
  source.merges.push("A1:C1");
  source.conditionalFormats.push({ id: "cf-src", type: "Custom", areas: ["D2:D3"], formula: "=D2>3" });
  const target = model.addSheet("Đích");
  model.setCell(target, 1, 3, { value: 99, valueType: "Double", locked: false });
  model.setCell(target, 5, 1, { value: "cũ", valueType: "String" });
  target.merges.push("B6:C6");
  target.conditionalFormats.push({ id: "cf-mine", type: "Custom", areas: ["A1:A10"], formula: "=A1>0" });
  target.columns[1] = { width: 80 };
  return model;
}

const copy = (area: string, type?: "All" | "Formulas" | "Values" | "Formats") =>
  Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const from = sheets.getItem("Nguồn").getRange(area);
    sheets.getItem("Đích").getRange(area).copyFrom(from, type);
    await context.sync();
  });

describe("Range.copyFrom", () => {
  it('pastes contents, formats, locks, validation, merges and format rules with "All", clearing what the source leaves blank', async () => {
    const model = twoSheets();
    emulate(model);
    await copy("A1:E6");
    const target = model.sheet("Đích");
    expect(model.cell("Đích", "A1")).toMatchObject({
      value: "Tiêu đề",
      font: { bold: true },
      fill: "#D9E1F2",
    });
    expect(model.cell("Đích", "D2")).toMatchObject({ value: 5, locked: false, numberFormat: "#,##0" });
    expect(model.cell("Đích", "D3")).toMatchObject({ formula: "=D2*2", numberFormat: "0.00%" });
    expect(model.cell("Đích", "E2").validation?.rule?.wholeNumber?.operator).toBe("GreaterThanOrEqualTo");
    // B6 was the destination's own: the source's blank cell clears it.
    expect(model.cell("Đích", "B6")).toMatchObject({ valueType: "Empty", locked: true });
    expect(target.merges).toEqual(["A1:C1"]);
    // The person's rule on A1:A10 keeps what lies outside the pasted area; the source's rule comes along.
    const rules = target.conditionalFormats.map((format) => [format.formula, format.areas]);
    expect(rules).toEqual([
      ["=A1>0", ["A7:A10"]],
      ["=D2>3", ["D2:D3"]],
    ]);
    // Column widths are not pasted.
    expect(target.columns[1]).toEqual({ width: 80 });
  });

  it('pastes values only with "Values": what the cells show, formulas dropped, formats kept', async () => {
    const model = twoSheets();
    model.setCell(model.sheet("Đích"), 1, 3, { value: 99, valueType: "Double", numberFormat: "0.0" });
    model.setCell(model.sheet("Nguồn"), 3, 3, { value: "", valueType: "Empty", formula: "=D2" });
    emulate(model);
    await copy("D2:D4", "Values");
    expect(model.cell("Đích", "D2")).toMatchObject({ value: 5, numberFormat: "0.0" });
    expect(model.cell("Đích", "D4")).toMatchObject({ value: 5, valueType: "Double" });
    expect(model.cell("Đích", "D4").formula).toBeUndefined();
  });

  it("is refused on a protected destination with locked cells, and nothing is pasted", async () => {
    const model = twoSheets();
    model.sheet("Đích").protection = { protected: true, options: { allowFormatCells: true } };
    emulate(model);
    const error = await copy("A1:E6").catch((e: unknown) => e);
    expect(codeOf(error)).toBe("AccessDenied");
    expect(model.cell("Đích", "B6").value).toBe("cũ");
  });

  it("is refused on a protected destination when it would change a cell's lock, even in unlocked cells", async () => {
    const model = twoSheets();
    const target = model.sheet("Đích");
    model.setCell(target, 1, 4, { locked: false });
    model.setCell(target, 2, 3, { locked: false });
    target.protection = { protected: true, options: { allowFormatCells: true } };
    model.setCell(model.sheet("Nguồn"), 1, 4, { locked: true });
    emulate(model);
    expect(codeOf(await copy("D2:E3").catch((e: unknown) => e))).toBe("AccessDenied");
  });

  it("pastes at a single cell as the source's size, and refuses formulas it would have to move", async () => {
    const model = twoSheets();
    emulate(model);
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("Đích").getRange("H1").copyFrom(sheets.getItem("Nguồn").getRange("A1:B2"));
      await context.sync();
    });
    expect(model.cell("Đích", "H1").value).toBe("Tiêu đề");
    const moved = Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("Đích").getRange("H1").copyFrom("'Nguồn'!D3");
      await context.sync();
    });
    await expect(moved).rejects.toMatchObject({ code: "MethodNotImplemented" });
  });
});

describe("sheet visibility", () => {
  it("makes a sheet very hidden and visible again, and refuses to hide the last visible sheet", async () => {
    const model = new Model();
    model.addSheet("A");
    model.addSheet("B");
    emulate(model);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("B").visibility = "VeryHidden";
      await context.sync();
    });
    expect(model.sheet("B").visibility).toBe("VeryHidden");
    const hideLast = Excel.run(async (context) => {
      context.workbook.worksheets.getItem("A").visibility = "Hidden";
      await context.sync();
    });
    await expect(hideLast).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(model.sheet("A").visibility).toBe("Visible");
  });
});

describe("a formula of one cell reference", () => {
  const read = (sheet: string, address: string) =>
    Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("values,formulas");
      await context.sync();
      return { value: range.values[0]![0] as unknown, formula: range.formulas[0]![0] as unknown };
    });

  function referring(): WorkbookModel {
    const model = new Model();
    const unit = model.addSheet("Sở TTTT");
    model.setCell(unit, 14, 3, { value: 44, valueType: "Double" });
    const other = model.addSheet("Báo cáo");
    model.setCell(other, 0, 0, { value: "", valueType: "Empty", formula: "='Sở TTTT'!D15" });
    model.setCell(other, 1, 0, { value: "", valueType: "Empty", formula: "='Sở TTTT'!$D$16" });
    return model;
  }

  it("shows the referenced cell's value as it is now, and 0 for an empty cell", async () => {
    const model = referring();
    emulate(model);
    expect(await read("Báo cáo", "A1")).toEqual({ value: 44, formula: "='Sở TTTT'!D15" });
    expect((await read("Báo cáo", "A2")).value).toBe(0);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sở TTTT").getRange("D15").values = [[45]];
      await context.sync();
    });
    expect((await read("Báo cáo", "A1")).value).toBe(45);
  });

  it("follows its sheet's new name, and becomes #REF! when the sheet is deleted", async () => {
    const model = referring();
    emulate(model);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sở TTTT").name = "Sở TT&TT";
      await context.sync();
    });
    expect(await read("Báo cáo", "A1")).toEqual({ value: 44, formula: "='Sở TT&TT'!D15" });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sở TT&TT").delete();
      await context.sync();
    });
    expect(await read("Báo cáo", "A1")).toEqual({ value: "#REF!", formula: "=#REF!D15" });
    // A sheet of the old name added later does not bring the reference back, as in Excel.
    model.addSheet("Sở TT&TT");
    expect((await read("Báo cáo", "A1")).value).toBe("#REF!");
  });
});
