import type { Level, LoadedCatalogue, RowDef } from "./catalogue";
import { catalogue as defaultCatalogue, normaliseCode } from "./catalogue";
import type { CellInput, CellScalar, SheetGrid } from "./cell";
import { columnLetter, isCellError, qualifiedAddress, sheetPrefix } from "./cell";
import { COLUMNS } from "./layout";
import { parseLevel, parsePeriod } from "./meta";
import { fromTcvn3 } from "./tcvn3";
import { remembered } from "./remembered";

/** Where one indicator's value cell is on a sheet, and what it holds. */
export interface LocatedCell {
  readonly code: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** Qualified address of the value cell, e.g. 'Sở TTTT'!D15. */
  readonly address: string;
  readonly cell: CellInput | undefined;
  /**
   * Another row of the sheet carrying the same code with a different value, that neither its position nor its
   * label tells apart: which one is the figure cannot be known.
   */
  readonly conflict?: {
    readonly row: number;
    readonly address: string;
    readonly cell: CellInput | undefined;
  };
}

/**
 * Rows found: the catalogue's row indexes in the order the sheet holds them, the sheet row of each (0: not found),
 * and the later rows that carried a code already found. Arrays by index, not maps by code: the key column of
 * every validated sheet is looked through, and this is most of what finding its rows costs.
 */
interface FoundRows {
  readonly order: number[];
  readonly rowAt: Int32Array;
  readonly repeated: [code: string, row: number][];
}

const rowIndexes = new WeakMap<LoadedCatalogue, Map<string, number>>();

/** The index of every row of a catalogue by its code, built once. */
function rowIndex(catalogue: LoadedCatalogue): Map<string, number> {
  let index = rowIndexes.get(catalogue);
  if (!index) {
    index = new Map(catalogue.rows.map((row, at) => [row.code, at]));
    rowIndexes.set(catalogue, index);
  }
  return index;
}

/** One appendix found on a sheet: its inputs (row 4 or the title) and the value cell of every indicator found. */
export interface AppendixSheet {
  readonly sheet: string;
  readonly templateVersion?: string;
  readonly unit?: string;
  readonly level?: Level;
  readonly period?: string;
  /** How the rows were found: our key column, or the printed codes and labels of a sheet typed by hand. */
  readonly foundBy: "key" | "codes";
  readonly cells: ReadonlyMap<string, LocatedCell>;
}

const TITLE_MARK = "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH";
/** A sheet is taken for an appendix by hand when this many catalogue codes stand in its column A. */
const MIN_CODES_BY_HAND = 10;

/**
 * Cell text as compared: NFC (decomposed Unicode is common in pasted text) and TCVN3 decoded. A number's or a
 * boolean's text is plain ASCII, which neither changes.
 */
function text(value: CellScalar | undefined): string {
  if (typeof value === "string") return remembered(texts, value, textOfString);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

function textOfString(value: string): string {
  return fromTcvn3(value.normalize("NFC")).trim();
}

// The form's texts, codes and label keys, normalised once for every appendix that repeats them (remembered).
const texts = new Map<string, string>();
const labelKeys = new Map<string, string>();
const codes = new Map<string, string>();

function cellAt(grid: SheetGrid, row: number, column: number): CellInput | undefined {
  return grid.cells[row - 1]?.[column];
}

function textAt(grid: SheetGrid, row: number, column: number): string {
  return text(cellAt(grid, row, column)?.value);
}

/** Label text compared loosely: tags, case, spacing and trailing punctuation do not matter. */
function labelKey(label: string): string {
  return label
    .normalize("NFC")
    .replace(/<\/?i>/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s:.;]+$/, "")
    .trim();
}

/** A row of the two-row header (repeated at page breaks), given the texts of its code and label already read. */
function isHeaderRow(grid: SheetGrid, row: number, codeText: string, labelText: string): boolean {
  return (
    codeText === "STT" ||
    textAt(grid, row, COLUMNS.unit) === "Đơn vị tính" ||
    textAt(grid, row, COLUMNS.value) === "Số liệu" ||
    labelText.startsWith("Chỉ tiêu thống kê")
  );
}

const labelIndexCache = new WeakMap<LoadedCatalogue, Map<string, RowDef[]>>();

function labelIndex(catalogue: LoadedCatalogue): Map<string, RowDef[]> {
  let index = labelIndexCache.get(catalogue);
  if (!index) {
    index = new Map();
    for (const row of catalogue.rows) {
      const key = labelKey(row.label.vi);
      index.set(key, [...(index.get(key) ?? []), row]);
    }
    labelIndexCache.set(catalogue, index);
  }
  return index;
}

function isAncestor(catalogue: LoadedCatalogue, ancestor: string, code: string): boolean {
  let cursor = catalogue.byCode.get(code)?.parent;
  while (cursor !== undefined) {
    if (cursor === ancestor) return true;
    cursor = catalogue.byCode.get(cursor)?.parent;
  }
  return false;
}

/** The row after `code` among the rows of its parent, in the catalogue's order. */
function nextSibling(catalogue: LoadedCatalogue, code: string): RowDef | undefined {
  const parent = catalogue.byCode.get(code)?.parent;
  const siblings = catalogue.rows.filter((def) => def.parent === parent);
  return siblings[siblings.findIndex((def) => def.code === code) + 1];
}

function locateByKey(grid: SheetGrid, catalogue: LoadedCatalogue): FoundRows {
  const index = rowIndex(catalogue);
  const rowAt = new Int32Array(catalogue.rows.length);
  const order: number[] = [];
  const repeated: [string, number][] = [];
  for (let row = 2; row <= grid.cells.length; row++) {
    // The template writes the codes exactly: such a cell is its own text (ASCII, trimmed), looked up as it is; only
    // other cells go through text()'s normalisation.
    const value = grid.cells[row - 1]?.[COLUMNS.key]?.value;
    const at = (typeof value === "string" ? index.get(value) : undefined) ?? index.get(text(value));
    if (at === undefined) continue;
    if (rowAt[at] !== 0) repeated.push([catalogue.rows[at]!.code, row]);
    else {
      rowAt[at] = row;
      order.push(at);
    }
  }
  return { order, rowAt, repeated };
}

/**
 * Finds rows of a sheet typed by hand: by the code in column A (with or without its trailing dot), then, for rows
 * without a code ("Trong đó" rows, blank codes), by the label in column B under the last total. A code printed
 * twice (the seed's second "3.4") after rows of its own is the next sibling of the last of them (3.4.5).
 */
function locateByCodes(grid: SheetGrid, catalogue: LoadedCatalogue): FoundRows {
  const rows = new Map<string, number>();
  const repeated: [string, number][] = [];
  const labels = labelIndex(catalogue);
  let last: string | undefined;
  for (let row = 1; row <= grid.cells.length; row++) {
    const codeText = textAt(grid, row, COLUMNS.code);
    const labelText = textAt(grid, row, COLUMNS.label);
    if (isHeaderRow(grid, row, codeText, labelText)) continue;
    let code = remembered(codes, codeText, normaliseCode);
    if (code && rows.has(code)) {
      // A code found already: its label may name another row still to find, or its position may (the seed's
      // second "3.4" after 3.4.4 is 3.4.5); else it is the same code typed twice.
      const byLabel = (labels.get(remembered(labelKeys, labelText, labelKey)) ?? []).find(
        (def) => !rows.has(def.code) && def.code !== code,
      );
      const next = last && isAncestor(catalogue, code, last) ? nextSibling(catalogue, last) : undefined;
      const resolved = byLabel ?? (next && !rows.has(next.code) ? next : undefined);
      if (resolved) code = resolved.code;
      else {
        if (catalogue.byCode.has(code)) repeated.push([code, row]);
        continue;
      }
    }
    if (code && catalogue.byCode.has(code) && !rows.has(code)) {
      rows.set(code, row);
      last = code;
      continue;
    }
    const label = remembered(labelKeys, labelText, labelKey);
    if (!label || !last) continue;
    const candidates = (labels.get(label) ?? []).filter((def) => !rows.has(def.code));
    const near =
      candidates.find(
        (def) =>
          def.parent === last || (def.parent !== undefined && isAncestor(catalogue, def.parent, last!)),
      ) ?? candidates.find((def) => def.parent === catalogue.byCode.get(last!)?.parent);
    if (near) {
      rows.set(near.code, row);
      last = near.code;
    }
  }
  const index = rowIndex(catalogue);
  const rowAt = new Int32Array(catalogue.rows.length);
  const order: number[] = [];
  for (const [code, row] of rows) {
    const at = index.get(code)!;
    rowAt[at] = row;
    order.push(at);
  }
  return { order, rowAt, repeated };
}

/** True when two cells hold the same value (a row copied whole, or a header repeated at a page break). */
function sameValue(a: CellInput | undefined, b: CellInput | undefined): boolean {
  const x = a?.value ?? null;
  const y = b?.value ?? null;
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  if (isCellError(x) && isCellError(y)) return x.error === y.error;
  return x === y;
}

function isBlankCell(cell: CellInput | undefined): boolean {
  const value = cell?.value ?? null;
  return value === null || (typeof value === "string" && value.trim() === "" && !cell?.formula);
}

function unitFromTitle(grid: SheetGrid): string | undefined {
  for (let row = 1; row <= Math.min(6, grid.cells.length); row++) {
    const title = textAt(grid, row, COLUMNS.code) || textAt(grid, row, COLUMNS.label);
    const at = title.toUpperCase().indexOf(" TẠI ");
    if (title.toUpperCase().startsWith(TITLE_MARK) && at >= 0) return title.slice(at + 5).trim() || undefined;
  }
  return undefined;
}

function appendixCodeCount(found: FoundRows, catalogue: LoadedCatalogue): number {
  let count = 0;
  for (const at of found.order) if (catalogue.rows[at]!.block === "appendix") count++;
  return count;
}

/**
 * Finds the appendix on a sheet, or returns undefined when the sheet holds none. Rows are found by, in order, the
 * hidden key column F, the code in column A, the label in column B under its parent (DESIGN.md section 3).
 */
export function locateAppendix(
  grid: SheetGrid,
  catalogue: LoadedCatalogue = defaultCatalogue,
): AppendixSheet | undefined {
  const version = textAt(grid, 1, COLUMNS.key);
  const byKey = version ? locateByKey(grid, catalogue) : undefined;
  const foundBy = byKey && byKey.order.length > 0 ? "key" : "codes";
  const found = byKey && foundBy === "key" ? byKey : locateByCodes(grid, catalogue);
  if (foundBy === "codes" && appendixCodeCount(found, catalogue) < MIN_CODES_BY_HAND) return undefined;
  const { order, rowAt, repeated } = found;

  // A code typed twice: the same value twice, or a blank copy, is no conflict (the value is the one that is there).
  const conflicts = new Map<string, number>();
  if (repeated.length) {
    const index = rowIndex(catalogue);
    for (const [code, row] of repeated) {
      const at = index.get(code)!;
      const [kept, other] = [cellAt(grid, rowAt[at]!, COLUMNS.value), cellAt(grid, row, COLUMNS.value)];
      if (isBlankCell(other) || sameValue(kept, other)) continue;
      if (isBlankCell(kept) && !conflicts.has(code)) rowAt[at] = row;
      else if (!conflicts.has(code)) conflicts.set(code, row);
    }
  }
  const cells = new Map<string, LocatedCell>();
  // Every address on the sheet starts the same way: the quoted sheet name is built once, not once per cell.
  const valueCell = `${sheetPrefix(grid.name)}${columnLetter(COLUMNS.value)}`;
  for (const at of order) {
    // Keyed by the catalogue's own string: the engine looks every row up by it, and the same string compares fastest.
    const code = catalogue.rows[at]!.code;
    const row = rowAt[at]!;
    const other = conflicts.size ? conflicts.get(code) : undefined;
    cells.set(code, {
      code,
      row,
      address: `${valueCell}${row}`,
      cell: cellAt(grid, row, COLUMNS.value),
      // Always present (undefined when there is none), so that every located cell has one shape.
      conflict:
        other === undefined
          ? undefined
          : {
              row: other,
              address: qualifiedAddress(grid.name, other, COLUMNS.value),
              cell: cellAt(grid, other, COLUMNS.value),
            },
    });
  }
  const inputsRow = foundBy === "key" || textAt(grid, 4, COLUMNS.code).startsWith("Đơn vị") ? 4 : 0;
  const unit = (inputsRow && textAt(grid, inputsRow, COLUMNS.label)) || unitFromTitle(grid);
  return {
    sheet: grid.name,
    templateVersion: version || undefined,
    unit: unit || undefined,
    level: inputsRow ? parseLevel(textAt(grid, inputsRow, COLUMNS.value)) : undefined,
    period: inputsRow ? parsePeriod(textAt(grid, inputsRow, COLUMNS.note)) : undefined,
    foundBy,
    cells,
  };
}
