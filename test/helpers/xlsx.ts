import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { templateWorkbook } from "../../src/cli/xlsx/template";
import type { Level } from "../../src/domain/catalogue";
import { catalogue } from "../../src/domain/catalogue";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import type { TypedValue } from "./seed";

/** Types values into a template workbook's value cells, as a person would: a typed value replaces a formula. */
export function typeInto(worksheet: ExcelJS.Worksheet, values: Readonly<Record<string, TypedValue>>): void {
  const layout = sheetLayout(catalogue);
  for (const [code, value] of Object.entries(values)) {
    const cell = worksheet.getCell(layout.rowOf.get(code)!, COLUMNS.value + 1);
    if (typeof value === "object" && "percent" in value) {
      cell.value = value.percent;
      cell.numFmt = value.format;
    } else if (typeof value === "object" && "formula" in value) {
      cell.value = { formula: value.formula.replace(/^=/, ""), result: value.cached as number };
    } else if (typeof value === "object" && !(value instanceof Date)) {
      cell.value = { error: value.error as ExcelJS.CellErrorValue["error"] };
    } else {
      cell.value = value;
    }
  }
}

/** Our template for one unit, filled with values, as an .xlsx buffer. */
export async function filledTemplate(
  values: Readonly<Record<string, TypedValue>>,
  options: { unit?: string; level?: Level; period?: string; sheetName?: string } = {},
): Promise<Uint8Array> {
  const workbook = await templateWorkbook({
    unit: options.unit ?? "Sở Thông tin và Truyền thông",
    level: options.level ?? "so",
    period: options.period ?? "2021-Q3",
    sheetName: options.sheetName ?? "Sở TTTT",
  });
  typeInto(workbook.worksheets[0]!, values);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A temporary folder for one test file, removed afterwards. */
export function useTempDir(prefix: string): {
  path: (name: string) => string;
  write: (name: string, data: Uint8Array | string) => Promise<string>;
} {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return {
    path: (name) => join(dir, name),
    write: async (name, data) => {
      const file = join(dir, name);
      await writeFile(file, data);
      return file;
    },
  };
}
