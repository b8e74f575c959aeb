import { ExcelWorkbookPort, markFormula } from "../../src/excel/excel-port";
import { mockExcelContext } from "./office-mock";

// The adapter's reading against office-addin-mock, the mock Microsoft ships (DESIGN.md section 7): a used range that
// starts away from A1, an error value told from text by its value type, a formula, a percentage's format.

const used = {
  rowIndex: 1,
  columnIndex: 2,
  values: [
    ["Số liệu", "#DIV/0!"],
    [0.125, "#DIV/0!"],
  ],
  valueTypes: [
    ["String", "String"],
    ["Double", "Error"],
  ],
  formulas: [
    ["Số liệu", "#DIV/0!"],
    [0.125, "=D3/0"],
  ],
  numberFormat: [
    ["General", "@"],
    ["0.0%", "General"],
  ],
};

describe("reading through office-addin-mock", () => {
  it("gives the grid from A1 with values, error values, formulas and formats", async () => {
    const { context } = mockExcelContext([{ name: "Sở TTTT", used }]);
    const [grid] = await new ExcelWorkbookPort(context).readSheets(["Sở TTTT"]);
    expect(grid).toEqual({
      name: "Sở TTTT",
      cells: [
        [],
        [undefined, undefined, { value: "Số liệu" }, { value: "#DIV/0!", numberFormat: "@" }],
        [
          undefined,
          undefined,
          { value: 0.125, numberFormat: "0.0%" },
          { value: { error: "#DIV/0!" }, formula: "=D3/0" },
        ],
      ],
    });
  });

  it("gives an empty grid for an empty sheet", async () => {
    const { context } = mockExcelContext([{ name: "Trống", used: null }]);
    expect(await new ExcelWorkbookPort(context).readSheets(["Trống"])).toEqual([
      { name: "Trống", cells: [] },
    ]);
  });

  it("learns which conditional formats are its own marks when it reads a sheet", async () => {
    const { context } = mockExcelContext([
      {
        name: "S",
        used,
        conditionalFormats: [
          { id: "a", type: "Custom", formula: markFormula("error") },
          { id: "b", type: "Custom", formula: "=D3>1" },
          { id: "c", type: "DataBar" },
        ],
      },
    ]);
    const port = new ExcelWorkbookPort(context);
    await port.readSheets(["S"]);
    expect((port as unknown as { marks: Map<string, string[]> }).marks.get("S")).toEqual(["a"]);
  });

  it("the typed builder makes an early read throw instead of returning the mock's error string", () => {
    const { context } = mockExcelContext([{ name: "S", used }]);
    const range = context.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true);
    range.load("values");
    expect(() => range.values).toThrow(/context.sync\(\) was not called/);
    expect(() => range.formulas).toThrow(/not loaded/);
  });
});
