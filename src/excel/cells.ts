import type { CellInput, CellScalar, SheetGrid } from "../domain/cell";
import { cellInput } from "../domain/cell";
import { isCellError } from "../domain/cell";

// Conversions between the domain's cells and what Office.js reads and writes. Pure functions, so that they are
// tested without any Excel.

/** A 0-based cell position: row 0 is sheet row 1, column 0 is column A. */
export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/** The 0-based column of a column's letters ("A" → 0, "AA" → 26). */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** The position of a local A1 address ("D15", "$D$15"); throws RangeError for anything else. */
export function parseCell(address: string): CellPosition {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new RangeError(`Not a cell address: ${address}`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]!) };
}

// Excel's serial date 0 is 1899-12-30 (with its 1900 leap-year quirk folded in for every date after February 1900).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

// Office.js parses a string written into `values` the way Excel parses what a person types: "02" becomes 2, "1." may
// become 1, "TRUE" a boolean, "Mar 5" a date. A leading apostrophe makes Excel keep the text as typed (the apostrophe
// is not part of the value), so text that Excel could read as something else gets one. Plain words do not, so that
// the cells stay the same as those exceljs writes.
const PARSEABLE_START = /^[\s\d+\-=@'#$€£¥%(.,:/]/;
const ENGLISH_MONTH_DATE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-./,]*\d/i;

/** True when Excel would not keep this text as typed in a General cell. */
export function needsTextMarker(text: string): boolean {
  return (
    PARSEABLE_START.test(text) ||
    /^(true|false)$/i.test(text.trim()) ||
    ENGLISH_MONTH_DATE.test(text.trim()) ||
    /\d\s*[/:]\s*\d/.test(text)
  );
}

/** What to put in `Range.values` so that the cell ends up holding `value` exactly. */
export function excelInput(value: CellScalar): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string") return needsTextMarker(value) ? `'${value}` : value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
  if (isCellError(value)) return value.error;
  return value;
}

/** One cell as Office.js loads it: `valueTypes` tells an error value from text that looks like one. */
export function fromOffice(
  value: unknown,
  valueType: string | undefined,
  formula: unknown,
  numberFormat: unknown,
): CellInput | undefined {
  const hasFormula = typeof formula === "string" && formula.startsWith("=");
  let scalar: CellScalar;
  if (valueType === "Empty" || value === "" || value === null || value === undefined) scalar = null;
  else if (valueType === "Error") scalar = { error: String(value) };
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    scalar = value;
  else scalar = String(value);
  if (scalar === null && !hasFormula) return undefined;
  return cellInput(
    scalar,
    typeof numberFormat === "string" && numberFormat !== "General" ? numberFormat : undefined,
    hasFormula ? formula : undefined,
  );
}

/** The loaded arrays of a used range, and where it starts. */
export interface LoadedBlock {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly string[])[];
  readonly formulas: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
}

/** A sheet grid from A1 out of a used range that may start anywhere (a sheet whose row 1 is empty). */
export function gridOf(name: string, block: LoadedBlock | undefined): SheetGrid {
  if (!block) return { name, cells: [] };
  const rows: (CellInput | undefined)[][] = Array.from({ length: block.rowIndex }, () => []);
  block.values.forEach((values, r) => {
    const row: (CellInput | undefined)[] = [];
    values.forEach((value, c) => {
      const input = fromOffice(
        value,
        block.valueTypes[r]?.[c],
        block.formulas[r]?.[c],
        block.numberFormat[r]?.[c],
      );
      if (input) row[block.columnIndex + c] = input;
    });
    rows.push(row);
  });
  return { name, cells: rows };
}

// A column width in characters counts digits of the workbook's default font, plus 5 pixels of padding rounded into
// 256ths of a character (ECMA-376 part 1, 18.3.1.13); Office.js sets widths in points. The default font of a new
// workbook (Calibri 11, Aptos Narrow 11) has a maximum digit width of 7 pixels at 96 dpi.
const MAX_DIGIT_WIDTH_PX = 7;
const POINTS_PER_PIXEL = 0.75;

/** Points for a column width given in characters, as Excel turns the width exceljs writes into pixels. */
export function columnWidthPoints(characters: number): number {
  const pixels = Math.trunc(
    ((256 * characters + Math.trunc(128 / MAX_DIGIT_WIDTH_PX)) / 256) * MAX_DIGIT_WIDTH_PX,
  );
  return pixels * POINTS_PER_PIXEL;
}
