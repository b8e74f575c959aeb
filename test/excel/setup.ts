import type { ExcelHostDeps, SupportedApis } from "../../src/excel/host";
import { createExcelHost } from "../../src/excel/host";
import type { AddinHost } from "../../src/workflows/host";
import type { GridOptions, TypedValue } from "../helpers/seed";
import { SEED_VALUES, templateGrid } from "../helpers/seed";
import type { FakeSheetData } from "./fake-excel";
import { FakeExcel, seedSheet } from "./fake-excel";

/** Every API set the add-in can use, up to rich text (ExcelApi 1.18). */
export const ALL_APIS: SupportedApis = {
  conditionalFormats: true,
  dataValidation: true,
  pageLayout: true,
  insertWorksheetsFromBase64: true,
  richText: true,
};

/** The add-in's host over a fake Excel, without waiting before its one retry. */
export function hostOver(excel: FakeExcel, overrides: Partial<ExcelHostDeps> = {}): AddinHost {
  return createExcelHost({
    run: excel.run,
    runIn: excel.runIn,
    apis: ALL_APIS,
    displayLanguage: "vi-VN",
    retryDelayMs: 0,
    ...overrides,
  });
}

/** The template's unlocked cells on a seeded sheet: row 4's inputs and the value and note columns below the header. */
export function templateUnlocked(row: number, column: number): boolean {
  return (
    (row === 3 && (column === 1 || column === 3 || column === 4)) ||
    (row >= 6 && (column === 3 || column === 4))
  );
}

/** A protected appendix sheet laid out as our template, holding the given values, in the fake workbook. */
export function seedAppendix(
  excel: FakeExcel,
  values: Readonly<Record<string, TypedValue>> = SEED_VALUES,
  options: GridOptions = {},
): FakeSheetData {
  return seedSheet(excel, templateGrid(values, options), { protect: true, unlocked: templateUnlocked });
}

/** A fake workbook with `count` appendix sheets holding the seed's values. */
export function seededWorkbook(count: number): FakeExcel {
  const excel = new FakeExcel();
  for (let i = 1; i <= count; i++) {
    seedAppendix(excel, SEED_VALUES, { name: count === 1 ? "Sở TTTT" : `Đơn vị ${i}` });
  }
  return excel;
}

/** Every non-empty cell of every sheet: what a person typed (and anything else the workbook holds). */
export function contents(excel: FakeExcel): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const sheet of excel.data.sheets) {
    for (const [position, cell] of Object.entries(sheet.cells)) {
      if (cell.valueType === "Empty" && cell.formula === undefined) continue;
      all.set(`${sheet.name}!${position}`, {
        value: cell.value,
        type: cell.valueType,
        formula: cell.formula,
      });
    }
  }
  return all;
}

/** The syncs a piece of work took. */
export async function countSyncs<T>(
  excel: FakeExcel,
  work: () => Promise<T>,
): Promise<{ syncs: number; result: T }> {
  const before = excel.syncs;
  const result = await work();
  return { syncs: excel.syncs - before, result };
}

/** Every non-empty cell a person can type in (unlocked): values, notes and row 4's inputs. */
export function typedCells(excel: FakeExcel): Map<string, unknown> {
  const typed = new Map<string, unknown>();
  for (const sheet of excel.data.sheets) {
    for (const [position, cell] of Object.entries(sheet.cells)) {
      if (cell.locked || (cell.valueType === "Empty" && cell.formula === undefined)) continue;
      typed.set(`${sheet.name}!${position}`, {
        value: cell.value,
        type: cell.valueType,
        formula: cell.formula,
      });
    }
  }
  return typed;
}
