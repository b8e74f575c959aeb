/** An Excel error value such as #DIV/0! or #REF!. */
export interface CellError {
  readonly error: string;
}

/** What a cell holds, as any host reads it: nothing, a number, text, a boolean, a date, or an error value. */
export type CellScalar = null | number | string | boolean | Date | CellError;

/** One cell as read from a host: its value, and its number format and formula where the host knows them. */
export interface CellInput {
  readonly value: CellScalar;
  readonly numberFormat?: string;
  readonly formula?: string;
}

/**
 * A cell in the one shape every host builds, absent fields undefined. The engine reads a hundred cells per
 * validation; cells of one shape are read directly, where each host's own mix of optional fields would send every
 * read through a generic lookup.
 */
export function cellInput(value: CellScalar, numberFormat?: string, formula?: string): CellInput {
  return { value, numberFormat, formula };
}

/** A worksheet's used range from A1, row by row (index 0 is row 1, column index 0 is column A). */
export interface SheetGrid {
  readonly name: string;
  readonly cells: ReadonlyArray<ReadonlyArray<CellInput | undefined>>;
}

/** True when a cell value is an Excel error value. */
export function isCellError(value: CellScalar): value is CellError {
  return typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value;
}

/** Column letter of a 0-based column index (0 → A). Only the first 26 columns are ever addressed by the form. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** What every qualified address on a sheet starts with: its name quoted, then "!" ('Sở TTTT'!). */
export function sheetPrefix(sheet: string): string {
  // Most names hold no quote to double: they are not scanned by a regular expression for one.
  return `'${sheet.includes("'") ? sheet.replace(/'/g, "''") : sheet}'!`;
}

/** A1-style address of a 1-based row and 0-based column, qualified by its sheet: 'Sở TTTT'!D15. */
export function qualifiedAddress(sheet: string, row: number, column: number): string {
  return `${sheetPrefix(sheet)}${columnLetter(column)}${row}`;
}
