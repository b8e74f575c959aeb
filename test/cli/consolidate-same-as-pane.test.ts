/** @jest-environment ./test/helpers/excel-environment.js */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { consolidateCommand } from "../../src/cli/consolidate";
import { readWorkbookBuffer } from "../../src/cli/xlsx/read";
import { catalogue } from "../../src/domain/catalogue";
import type { CellScalar, SheetGrid } from "../../src/domain/cell";
import { sheetLayout } from "../../src/domain/layout";
import { readWorkbookBytes } from "../../src/xlsx/grid";
import { consolidateWorkbook } from "../../src/workflows/consolidate-workbook";
import { SUMMARY_SHEETS } from "../../src/workflows/summary-spec";
import type { TypedValue } from "../helpers/seed";
import { filledTemplate, useTempDir } from "../helpers/xlsx";
import { SO_TU_PHAP, SO_Y_TE } from "../helpers/departments";
import { TestWorkbook } from "../helpers/workbook";

// The same files consolidated by `cchc-appendix consolidate` and by the pane's "Tổng hợp" (its workflow through the
// Excel adapter over the emulated Excel, the files picked and read as the pane reads them): one summary, cell for cell. Neither is given
// roles, so both take the one default (the offices named by the units' names).

/** Each department's file: three offices that report province-wide indicators, and two that do not. */
const UNITS: readonly (readonly [string, Readonly<Record<string, TypedValue>>])[] = [
  ["Văn phòng UBND tỉnh", { "1.1.1": 2, "3.1.3": 1820, "3.1.3.a": 1400, "3.1.3.b": 300, "3.1.3.c": 120 }],
  ["Sở Nội vụ", { "1.1.1": 4, "4.1.1": 19 }],
  ["Sở TT&TT", { "1.1.1": 1, "7.8.1": 762, "7.1": 1 }],
  ["Sở Tư pháp", SO_TU_PHAP],
  ["Sở Y tế", SO_Y_TE],
];

/** A sheet's values row by row, with trailing blanks dropped: what a reader of the summary sees. */
function values(grid: SheetGrid): (string | number | boolean | null)[][] {
  const shown = (value: CellScalar | undefined) =>
    value === undefined || value === null || value === ""
      ? null
      : value instanceof Date || typeof value === "object"
        ? String(value)
        : value;
  const rows = grid.cells.map((line) => {
    const row = Array.from(line, (cell) => shown(cell?.value));
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

describe("the CLI and the pane consolidate the same files", () => {
  const temp = useTempDir("cchc-same-summary-");

  it("into the same summary, province-wide indicators taken from the offices by default in both", async () => {
    const paths = await Promise.all(
      UNITS.map(async ([unit, typed]) =>
        temp.write(
          `${unit.replace(/&/g, "")}.xlsx`,
          await filledTemplate(typed, { unit, level: "so", period: "2021-Q3", sheetName: "Phụ lục" }),
        ),
      ),
    );
    const output = temp.path("tong-hop.xlsx");
    const code = await consolidateCommand([...paths, "-o", output], { out: () => {}, err: () => {} });
    expect(code).toBe(0);
    const cli = new Map((await readWorkbookBuffer(await readFile(output))).map((grid) => [grid.name, grid]));

    const book = new TestWorkbook();
    const files = await Promise.all(
      paths.map(async (path) => ({
        file: basename(path),
        grids: await readWorkbookBytes(await readFile(path)),
      })),
    );
    await book.run((port) => consolidateWorkbook(port, { files }));

    const layout = sheetLayout(catalogue);
    const form = cli.get(SUMMARY_SHEETS.form)!;
    const valueOf = (code: string) => form.cells[layout.rowOf.get(code)! - 1]?.[3]?.value;
    // The offices' own figures, which a consolidation without roles used to leave blank.
    expect(valueOf("3.1.3")).toBe(1820);
    expect(valueOf("4.1.1")).toBe(19);
    expect(valueOf("7.8.1")).toBe(762);
    for (const name of Object.values(SUMMARY_SHEETS)) {
      expect([name, values(await book.grid(name))]).toEqual([name, values(cli.get(name)!)]);
    }
  });
});
