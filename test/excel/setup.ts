/// <reference types="office-js" />
import type { ChangeEvent, EmulatorOptions, SheetData } from "../../src/emulator";
import { ExcelEmulator, WorkbookModel, seedSheet } from "../../src/emulator";
import type { ExcelHostDeps } from "../../src/excel/host";
import { createExcelHost } from "../../src/excel/host";
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import type { AddinHost } from "../../src/workflows/host";
import { stampRows } from "../../src/workflows/stamp";
import { attach } from "../helpers/excel-library";
import type { GridOptions, TypedValue } from "../helpers/seed";
import { SEED_VALUES, templateGrid } from "../helpers/seed";

// Every test of src/excel runs the real adapter through Excel.run of the real Excel client library (loaded by
// test/helpers/excel-environment.js) over the emulator (src/emulator): a request is what one context.sync() sends,
// and Excel.run adds one releasing what it tracked.

/** A workbook with its emulated Excel: the model tests read and change, and the emulator the library talks to. */
export class EmulatedExcel extends WorkbookModel {
  readonly emulator: ExcelEmulator;

  constructor(options: EmulatorOptions = {}) {
    super();
    this.emulator = attach(new ExcelEmulator(this, { excelApi: "1.15", ...options }));
  }

  /** Puts this workbook's emulator behind the library (a test holding two workbooks switches between them). */
  attach(): ExcelEmulator {
    return attach(this.emulator);
  }

  /** Every request the library sent so far, failed ones included. */
  get requests(): number {
    return this.emulator.requests.length;
  }

  /** Refuses the n-th request from now (1 = the next) with this code: nothing of it is applied. */
  failRequest(n: number, code = "GeneralException"): void {
    this.emulator.failRequest(n, code);
  }

  /** Fails action `index` of the n-th request from now: the actions before it stand, as in Excel. */
  failAction(n: number, index: number, code = "GeneralException"): void {
    this.emulator.failAction(n, index, code);
  }

  /** A co-author's edit landing just before the n-th request from now. */
  beforeRequest(n: number, edit: () => void): void {
    this.emulator.beforeRequest(n, edit);
  }

  /** Emits a change event as Excel does for a person's edit, and waits for the handlers. */
  async emitChange(change: ChangeEvent): Promise<void> {
    this.emulator.emitChange(change);
    await this.settle();
  }

  /** Lets queued answers, events and the handlers' own requests run out. */
  async settle(): Promise<void> {
    for (let round = 0; round < 30; round++) await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** Excel.run of the real library, over this workbook. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.attach();
    return Excel.run(batch);
  };
}

/** The add-in's host over the emulated Excel: real Excel.run, API sets from Office.context.requirements. */
export function hostOver(excel: EmulatedExcel, overrides: Partial<ExcelHostDeps> = {}): AddinHost {
  excel.attach();
  return createExcelHost({ retryDelayMs: 0, displayLanguage: "vi-VN", ...overrides });
}

const STAMP_ROWS = new Set(stampRows(sheetLayout(catalogue)).map((row) => row - 1));

/**
 * The template's unlocked cells on a seeded sheet (0-based): row 4's inputs, the value and note columns below the
 * header, and the stamp's four cells in column B.
 */
export function templateUnlocked(row: number, column: number): boolean {
  return (
    (row === 3 && (column === 1 || column === 3 || column === 4)) ||
    (row >= 6 && (column === 3 || column === 4)) ||
    (column === 1 && STAMP_ROWS.has(row))
  );
}

/** A protected appendix sheet laid out as our template, holding the given values. */
export function seedAppendix(
  excel: WorkbookModel,
  values: Readonly<Record<string, TypedValue>> = SEED_VALUES,
  options: GridOptions = {},
): SheetData {
  return seedSheet(excel, templateGrid(values, options), { protect: true, unlocked: templateUnlocked });
}

/** A workbook with `count` appendix sheets holding the seed's values. */
export function seededWorkbook(count: number, options: EmulatorOptions = {}): EmulatedExcel {
  const excel = new EmulatedExcel(options);
  for (let i = 1; i <= count; i++) {
    seedAppendix(excel, SEED_VALUES, { name: count === 1 ? "Sở TTTT" : `Đơn vị ${i}` });
  }
  return excel;
}

/** Every non-empty cell of every sheet: what a person typed (and anything else the workbook holds). */
export function contents(excel: WorkbookModel): Map<string, unknown> {
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

/** The requests a piece of work sent, the release included. */
export async function countRequests<T>(
  excel: EmulatedExcel,
  work: () => Promise<T>,
): Promise<{ requests: number; result: T }> {
  const before = excel.requests;
  const result = await work();
  return { requests: excel.requests - before, result };
}

/** Every non-empty cell a person can type in (unlocked): values, notes and row 4's inputs. */
export function typedCells(excel: WorkbookModel): Map<string, unknown> {
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
