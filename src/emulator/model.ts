import type { SheetGrid } from "../domain/cell";
import { columnLetter, isCellError } from "../domain/cell";

// The workbook the Excel emulator serves (src/emulator/emulator.ts), as plain data: sheets, cells by position,
// conditional formats, protection, page set-up. Plain data so that tests compare it and the preview draws it.
// - a protected sheet refuses what Excel refuses: values in locked cells, formats without the "format cells"
//   permission, merges, data validation and unlocking cells, so that a plan needing to unprotect a sheet fails;
// - text written into `values` is read the way Excel reads what a person types ("02" becomes 2, "'02" stays text).
// It computes no formula: a formula cell holds an empty value unless its owner gives an evaluator.

/** An error as Excel's host reports it: a code of the Office.js error list, a message, where it happened. */
export class HostError extends Error {
  constructor(
    readonly code: string,
    message = code,
    readonly location = "",
  ) {
    super(message);
    this.name = "HostError";
  }
}

/** What a protected sheet still allows (Excel.WorksheetProtectionOptions, the parts the add-in uses). */
export interface ProtectionOptions {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowEditObjects?: boolean;
  [option: string]: boolean | undefined;
}

export const MAX_ROW = 1_048_575;
export const MAX_COLUMN = 16_383;

/** A basic data validation: an operator and its bounds. */
export interface BasicValidation {
  operator: string;
  formula1?: number | string;
  formula2?: number | string;
}

/** Excel's data validation rule of a cell, as the adapter writes it. */
export interface ValidationRule {
  wholeNumber?: BasicValidation;
  decimal?: BasicValidation;
  list?: { inCellDropDown?: boolean; source: string };
}

/** Font attributes as a cell holds them. */
export interface CellFont {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

/** One cell of the fake workbook. */
export interface CellData {
  value: string | number | boolean;
  valueType: "Empty" | "String" | "Double" | "Boolean" | "Error";
  formula?: string;
  numberFormat: string;
  locked: boolean;
  font?: CellFont;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: string[];
  /** Solid fill colour, "#RRGGBB". */
  fill?: string;
  textRuns?: { text: string; font?: CellFont }[];
  validation?: {
    rule?: ValidationRule;
    prompt?: { showPrompt?: boolean; title?: string; message?: string };
    errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
    ignoreBlanks?: boolean;
  };
}

/** A conditional format of the fake workbook. */
export interface ConditionalFormatData {
  id: string;
  type: string;
  areas: string[];
  formula?: string;
  fill?: string;
  fontColor?: string;
}

/** One sheet of the fake workbook: plain data, so that a failed sync restores it by copy. */
export interface SheetData {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Cells by "row,column", both 0-based. */
  cells: Record<string, CellData>;
  columns: Record<number, { width?: number; hidden?: boolean; font?: CellFont }>;
  rows: Record<number, { height?: number }>;
  merges: string[];
  protection: { protected: boolean; options: ProtectionOptions };
  pageLayout: {
    orientation?: string;
    paperSize?: string;
    zoom?: unknown;
    centerHorizontally?: boolean;
    margins?: { unit: string; options: unknown };
    centerFooter?: string;
    printArea?: string;
    printTitleRows?: string;
    printTitleColumns?: string;
  };
  conditionalFormats: ConditionalFormatData[];
  /** Notes (ExcelApi 1.18) by cell address. */
  notes?: Record<string, string>;
  /** Rows frozen at the top. */
  frozenRows?: number;
}

/** The whole fake workbook. */
export interface WorkbookData {
  sheets: SheetData[];
  activeSheetId?: string;
  selection?: { sheetId: string; address: string };
  nextId: number;
  /** The add-in's settings stored in the workbook (Workbook.settings, ExcelApi 1.4), shared by every co-author. */
  settings?: Record<string, unknown>;
}

/** One rectangular area, 0-based and inclusive. */
export interface Bounds {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** 0-based column of its letters ("A" is 0). */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** Bounds of one area: "A1", "A1:B2", "A:G", "5:6"; throws InvalidArgument for anything else. */
export function parseArea(address: string): Bounds {
  const text = address.replace(/\$/g, "").trim().toUpperCase();
  let match = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(text);
  if (match) {
    const r1 = Number(match[2]) - 1;
    const c1 = columnIndex(match[1]!);
    return match[3]
      ? { r1, c1, r2: Number(match[4]) - 1, c2: columnIndex(match[3]) }
      : { r1, c1, r2: r1, c2: c1 };
  }
  match = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(text);
  if (match) return { r1: 0, c1: columnIndex(match[1]!), r2: MAX_ROW, c2: columnIndex(match[2]!) };
  match = /^(\d+):(\d+)$/.exec(text);
  if (match) return { r1: Number(match[1]) - 1, c1: 0, r2: Number(match[2]) - 1, c2: MAX_COLUMN };
  throw new HostError("InvalidArgument", `Not an address: ${address}`);
}

/** "A1" or "A1:B2" of an area. */
export function boundsAddress(bounds: Bounds): string {
  const first = `${columnLetter(bounds.c1)}${bounds.r1 + 1}`;
  const last = `${columnLetter(bounds.c2)}${bounds.r2 + 1}`;
  return first === last ? first : `${first}:${last}`;
}

/** The key of a cell in SheetData.cells. */
export function key(row: number, column: number): string {
  return `${row},${column}`;
}

/** A cell never written: empty, General, locked. */
export function emptyCell(): CellData {
  return { value: "", valueType: "Empty", numberFormat: "General", locked: true };
}

const ERROR_VALUES = new Set(["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"]);

/**
 * What a cell holds after a person types `input` into it, as Excel (en-US) reads it: an apostrophe keeps text as
 * typed, "=" starts a formula, numbers (with thousands commas, a percent sign, parentheses for negatives), TRUE and
 * FALSE, m/d/yyyy dates and error values are converted; anything else is text.
 */
export function typed(input: string | number | boolean): Pick<CellData, "value" | "valueType" | "formula"> & {
  numberFormat?: string;
} {
  if (typeof input === "number") return { value: input, valueType: "Double" };
  if (typeof input === "boolean") return { value: input, valueType: "Boolean" };
  if (input === "") return { value: "", valueType: "Empty" };
  if (input.startsWith("'"))
    return { value: input.slice(1), valueType: input.length > 1 ? "String" : "Empty" };
  if (input.startsWith("=")) return { value: "", valueType: "Empty", formula: input };
  const text = input.trim();
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true", valueType: "Boolean" };
  if (ERROR_VALUES.has(text.toUpperCase())) return { value: text.toUpperCase(), valueType: "Error" };
  const number = /^(\()?([+-]?)(\d+|\d{1,3}(?:,\d{3})+)(\.\d*)?(%)?(\))?$/.exec(text);
  if (number && Boolean(number[1]) === Boolean(number[6])) {
    const magnitude = Number(`${number[3]!.replace(/,/g, "")}${number[4] ?? ""}`);
    const sign = number[2] === "-" || number[1] ? -1 : 1;
    return number[5]
      ? { value: (sign * magnitude) / 100, valueType: "Double", numberFormat: "0%" }
      : { value: sign * magnitude, valueType: "Double" };
  }
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (date) {
    const serial =
      (Date.UTC(Number(date[3]), Number(date[1]) - 1, Number(date[2])) - Date.UTC(1899, 11, 30)) / 86_400_000;
    return { value: serial, valueType: "Double", numberFormat: "m/d/yyyy" };
  }
  return { value: input, valueType: "String" };
}

/**
 * One in-memory workbook: its sheets and cells, Excel's typing rules and protection rules. The emulator answers the
 * Excel client library from it; tests and the preview read and change it directly, as a person or a co-author would.
 */
export class WorkbookModel {
  data: WorkbookData = { sheets: [], nextId: 1 };
  /** Sheets whose values changed since the emulator last looked (it reports them as change events). */
  readonly changed = new Set<string>();

  constructor(private readonly evaluate?: (formula: string, sheet: SheetData) => string | number | boolean) {}

  // --- the workbook, for tests -------------------------------------------------------------------------------

  /** Adds a sheet directly (not through a batch), as a person or another tool made it. */
  addSheet(name: string): SheetData {
    return this.createSheet(name);
  }

  /** A sheet by name (any case) or id; throws ItemNotFound. */
  sheet(nameOrId: string): SheetData {
    const found = this.findSheet(nameOrId);
    if (!found) throw new HostError("ItemNotFound", `No sheet ${nameOrId}`);
    return found;
  }

  /** A cell of a sheet, empty if never written. */
  cell(sheet: string, address: string): CellData {
    const bounds = parseArea(address);
    return this.sheet(sheet).cells[key(bounds.r1, bounds.c1)] ?? emptyCell();
  }

  /** Writes raw cell contents directly (a value read back as is, no typing rules): seeding a workbook. */
  setCell(sheet: SheetData, row: number, column: number, content: Partial<CellData>): void {
    sheet.cells[key(row, column)] = { ...emptyCell(), ...sheet.cells[key(row, column)], ...content };
  }

  /** A person typing into a cell: Excel's typing rules, and the lock of a protected sheet. */
  type(sheetName: string, address: string, input: string | number | boolean): void {
    const sheet = this.sheet(sheetName);
    const bounds = parseArea(address);
    this.assertWritable(sheet, bounds);
    this.writeTyped(sheet, bounds.r1, bounds.c1, input);
  }

  // --- used by the emulator -----------------------------------------------------------------------------------

  createSheet(name: string): SheetData {
    if (!name.trim() || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
      throw new HostError("InvalidArgument", `Invalid sheet name ${name}`);
    }
    if (this.findSheet(name)) throw new HostError("ItemAlreadyExists", `Sheet ${name} exists`);
    const sheet: SheetData = {
      id: `{sheet-${this.data.nextId++}}`,
      name,
      visibility: "Visible",
      cells: {},
      columns: {},
      rows: {},
      merges: [],
      protection: { protected: false, options: {} },
      pageLayout: {},
      conditionalFormats: [],
    };
    this.data.sheets.push(sheet);
    this.data.activeSheetId ??= sheet.id;
    return sheet;
  }

  findSheet(nameOrId: string): SheetData | undefined {
    const lower = nameOrId.toLowerCase();
    return this.data.sheets.find((sheet) => sheet.id === nameOrId || sheet.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetData {
    const sheet = this.data.sheets.find((candidate) => candidate.id === id);
    if (!sheet) throw new HostError("ItemNotFound", `Sheet ${id} no longer exists`);
    return sheet;
  }

  nextId(prefix: string): string {
    return `${prefix}-${this.data.nextId++}`;
  }

  assertWritable(sheet: SheetData, bounds: Bounds): void {
    if (!sheet.protection.protected) return;
    for (let r = bounds.r1; r <= bounds.r2; r++) {
      for (let c = bounds.c1; c <= bounds.c2; c++) {
        if (sheet.cells[key(r, c)]?.locked ?? true) {
          throw new HostError(
            "AccessDenied",
            `The cell ${columnLetter(c)}${r + 1} of ${sheet.name} is locked on a protected sheet.`,
          );
        }
      }
    }
  }

  assertAllowed(sheet: SheetData, permission: keyof ProtectionOptions | "never"): void {
    if (!sheet.protection.protected) return;
    if (permission !== "never" && sheet.protection.options[permission]) return;
    throw new HostError("AccessDenied", `${sheet.name} is protected (${permission}).`);
  }

  writeTyped(sheet: SheetData, row: number, column: number, input: string | number | boolean): void {
    const current = sheet.cells[key(row, column)] ?? emptyCell();
    const result = typed(input);
    const next: CellData = { ...current, value: result.value, valueType: result.valueType };
    delete next.formula;
    if (result.formula) {
      next.formula = result.formula;
      const value = this.evaluate?.(result.formula, sheet);
      if (value !== undefined) Object.assign(next, typed(typeof value === "string" ? `'${value}` : value));
      next.formula = result.formula;
    }
    if (result.numberFormat && current.numberFormat === "General") next.numberFormat = result.numberFormat;
    sheet.cells[key(row, column)] = next;
    this.changed.add(sheet.id);
  }

  /** The grid a WorkbookPort would read from a sheet (for comparing with a seed grid). */
  grid(name: string): SheetGrid {
    const sheet = this.sheet(name);
    const rows: { value: string | number | boolean | null; formula?: string }[][] = [];
    for (const [position, cell] of Object.entries(sheet.cells)) {
      const [r, c] = position.split(",").map(Number) as [number, number];
      (rows[r] ??= [])[c] = { value: cell.valueType === "Empty" ? null : cell.value };
    }
    return { name, cells: Array.from(rows, (row) => row ?? []) };
  }
}

/** Seeds a sheet from a grid, as a person typed it (values kept as they are), optionally protected. */
export function seedSheet(
  excel: WorkbookModel,
  grid: SheetGrid,
  options: { protect?: boolean; unlocked?: (row: number, column: number) => boolean } = {},
): SheetData {
  const sheet = excel.addSheet(grid.name);
  grid.cells.forEach((row, r) =>
    row.forEach((input, c) => {
      if (!input) return;
      const value = input.value;
      const content: Partial<CellData> =
        value === null
          ? {}
          : isCellError(value)
            ? { value: value.error, valueType: "Error" }
            : value instanceof Date
              ? { value: (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000, valueType: "Double" }
              : {
                  value,
                  valueType:
                    typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String",
                };
      excel.setCell(sheet, r, c, {
        ...content,
        ...(input.formula ? { formula: input.formula } : {}),
        ...(input.numberFormat ? { numberFormat: input.numberFormat } : {}),
      });
    }),
  );
  if (options.unlocked) {
    const unlocked = options.unlocked;
    const rows = Math.max(grid.cells.length, 1);
    for (let r = 0; r < rows + 40; r++) {
      for (let c = 0; c < 8; c++) if (unlocked(r, c)) excel.setCell(sheet, r, c, { locked: false });
    }
  }
  if (options.protect) {
    sheet.protection = {
      protected: true,
      options: { allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true },
    };
  }
  return sheet;
}
