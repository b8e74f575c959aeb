import {
  fromOffice,
  columnWidthPoints,
  excelInput,
  gridOf,
  needsTextMarker,
  parseCell,
} from "../../src/excel/cells";
import { dominantRunStyle, isMarkFormula, markFormula } from "../../src/excel/excel-port";
import { typed } from "../../src/emulator";

describe("writing a value so that Excel keeps it", () => {
  it.each([
    ["02", "'02"],
    ["1.93673", "'1.93673"],
    ["1.1.1.", "'1.1.1."],
    ["12,5%", "'12,5%"],
    ["TRUE", "'TRUE"],
    ["Mar 5", "'Mar 5"],
    ["(Ban hành kèm theo Báo cáo số …/…)", "'(Ban hành kèm theo Báo cáo số …/…)"],
    ["'quoted", "''quoted"],
    ["Số liệu", "Số liệu"],
    ["Quý III/2021", "Quý III/2021"],
    ["Sở, ngành", "Sở, ngành"],
  ])("text %j is written as %j", (text, written) => {
    expect(excelInput(text)).toBe(written);
    expect(needsTextMarker(text)).toBe(written !== text);
  });

  it.each(["02", "1.93673", "1.1.1.", "TRUE", "'quoted", "Số liệu", "(x)", "12,5%"])(
    "%j reads back as the same text in Excel's typing rules",
    (text) => {
      expect(typed(excelInput(text))).toMatchObject({ value: text, valueType: "String" });
    },
  );

  it("writes numbers, booleans, blanks, dates and error values as Excel holds them", () => {
    expect(excelInput(1936)).toBe(1936);
    expect(excelInput(false)).toBe(false);
    expect(excelInput(null)).toBe("");
    expect(excelInput(new Date(Date.UTC(2021, 8, 30)))).toBe(44469);
    expect(excelInput({ error: "#REF!" })).toBe("#REF!");
  });
});

describe("reading a cell", () => {
  it("tells error values from text by the value type, and drops General", () => {
    expect(fromOffice("#N/A", "Error", "=NA()", "General")).toEqual({
      value: { error: "#N/A" },
      formula: "=NA()",
    });
    expect(fromOffice("#N/A", "String", "#N/A", "@")).toEqual({ value: "#N/A", numberFormat: "@" });
    expect(fromOffice("", "Empty", "", "0.00%")).toBeUndefined();
    expect(fromOffice("", "String", '=IF(A1="","",1)', "0.00%")).toEqual({
      value: null,
      formula: '=IF(A1="","",1)',
      numberFormat: "0.00%",
    });
  });

  it("builds every cell in the one shape all hosts build, which the engine reads fastest", () => {
    const cells = [
      fromOffice(5, "Double", 5, "General"),
      fromOffice("#N/A", "Error", "=NA()", "General"),
      fromOffice("02", "String", "02", "@"),
      fromOffice(0.125, "Double", "=A1/8", "0.0%"),
    ];
    expect(new Set(cells.map((cell) => Object.keys(cell ?? {}).join(",")))).toEqual(
      new Set(["value,numberFormat,formula"]),
    );
  });

  it("places a used range that starts at C2 from A1", () => {
    const grid = gridOf("S", {
      rowIndex: 1,
      columnIndex: 2,
      values: [[5]],
      valueTypes: [["Double"]],
      formulas: [[5]],
      numberFormat: [["General"]],
    });
    expect(grid.cells).toEqual([[], [undefined, undefined, { value: 5 }]]);
    expect(gridOf("S", undefined)).toEqual({ name: "S", cells: [] });
  });

  it("parses addresses", () => {
    expect(parseCell("D15")).toEqual({ row: 14, column: 3 });
    expect(parseCell("$AA$2")).toEqual({ row: 1, column: 26 });
    expect(() => parseCell("D15:D16")).toThrow(RangeError);
  });
});

describe("column widths", () => {
  it.each([
    [8, 42],
    [12, 63],
    [60, 315],
  ])("%i characters are %d points, as Excel shows the width exceljs writes", (characters, points) => {
    expect(columnWidthPoints(characters)).toBe(points);
  });
});

describe("marks and rich text", () => {
  it("recognises its own rule formulas only", () => {
    expect(isMarkFormula(markFormula("warning"))).toBe(true);
    expect(isMarkFormula('=ISTEXT("something")')).toBe(false);
    expect(isMarkFormula(undefined)).toBe(false);
  });

  it("stands in for text runs with the style most of the text has", () => {
    expect(
      dominantRunStyle([
        { text: "Chỉ tiêu thống kê ", bold: true },
        { text: "(Sử dụng trong kỳ báo cáo)", italic: true },
      ]),
    ).toEqual({
      bold: false,
      italic: true,
    });
    expect(
      dominantRunStyle([{ text: "Tổng số hồ sơ đã giải quyết" }, { text: "(a)", italic: true }]),
    ).toEqual({
      bold: false,
      italic: false,
    });
  });
});
