import type { Level, LoadedCatalogue } from "./catalogue";
import { catalogue as defaultCatalogue, normaliseCode } from "./catalogue";
import type { CellInput, CellScalar, SheetGrid } from "./cell";
import { columnLetter, isCellError, qualifiedAddress, sheetPrefix } from "./cell";
import { COLUMNS, sheetLayout } from "./layout";
import { parseLevel, parsePeriod } from "./meta";
import { fromTcvn3, unchangedByDecoding } from "./tcvn3";
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
 * The rows of one catalogue found on a sheet, by the catalogue's row index: what validating the sheet reads. Arrays
 * by index, not maps by code, and no address built until a finding names a cell: the key column of every
 * validated sheet is looked through, and building a map of located cells would cost more than the rules.
 */
export interface LocatedRows {
  readonly catalogue: LoadedCatalogue;
  /** The catalogue's row indexes in the order the sheet holds them. */
  readonly order: readonly number[];
  /** By row index: the 1-based sheet row, 0 when the sheet lacks the row. */
  readonly rowAt: readonly number[];
  /** By row index: the value cell (column D) of the row found, undefined when there is none. */
  readonly cellAt: readonly (CellInput | undefined)[];
  /** By row index, for the rows whose code another row carries with a different value: that other row. */
  readonly conflictAt: ReadonlyMap<number, NonNullable<LocatedCell["conflict"]>>;
  /** What the address of every value cell of the sheet starts with: 'Sở TTTT'!D. */
  readonly addressPrefix: string;
}

/**
 * Rows found, with their value cells: `repeated` are the later rows that carried a code already found. Plain
 * arrays, not typed ones: a typed array of a catalogue's length is allocated outside V8's heap, which costs more
 * than filling it.
 */
interface FoundRows {
  readonly order: number[];
  readonly rowAt: number[];
  readonly cellAt: (CellInput | undefined)[];
  readonly repeated: [at: number, row: number][];
}

/**
 * No row found yet, for a catalogue: copies of arrays of its length made once (a copy costs less than a fill), and
 * `order` sized to the catalogue, to be cut to the rows found (pushed into, it would grow four times).
 */
function noRows(catalogue: LoadedCatalogue): FoundRows {
  const { zeros, blanks } = catalogueIndex(catalogue);
  return {
    order: new Array<number>(zeros.length),
    rowAt: zeros.slice(),
    cellAt: blanks.slice(),
    repeated: [],
  };
}

/**
 * What locating needs of a catalogue, built once per catalogue: the index of every row by its code, its parent and
 * next sibling by index, its rows by normalised label, and the meaning of every code and label text met so far.
 */
interface CatalogueIndex {
  readonly indexOf: ReadonlyMap<string, number>;
  /** By row index: the parent's index, -1 for a top-level row. */
  readonly parentAt: Int32Array;
  /** By row index: the next row of the same parent in the catalogue's order, -1 for the last. */
  readonly nextSiblingAt: Int32Array;
  /** By sheet row: the index of the row our template writes there, -1 for none. */
  readonly templateAt: readonly number[];
  /** A 0 and an undefined for every row, which FoundRows start as. */
  readonly zeros: readonly number[];
  readonly blanks: readonly (CellInput | undefined)[];
  /** Row indexes by label key (labelKey of the Vietnamese label), in the catalogue's order. */
  readonly byLabel: ReadonlyMap<string, readonly number[]>;
  /** Column A texts as typed: the row index their code names, NOT_A_ROW, or HEADER_CODE ("STT"). */
  readonly codeMeanings: Map<string, number>;
  /** Column B texts as typed: what they say. */
  readonly labelMeanings: Map<string, LabelMeaning>;
  /** By row index: the code with its trailing dot ("3.4.1."), as the printed form and most people type it. */
  readonly dotted: readonly string[];
  /** meaningOfCode and meaningOfLabel for this catalogue, made once rather than a closure per cell. */
  readonly meaningOfCode: (raw: string) => number;
  readonly meaningOfLabel: (raw: string) => LabelMeaning;
}

/** A column B text: the rows it may label, and whether it is the header's ("Chỉ tiêu thống kê…"). */
interface LabelMeaning {
  readonly rows: readonly number[];
  readonly header: boolean;
}

/** A code text that names no row of the catalogue. */
const NOT_A_ROW = -1;
/** The header's "STT" in column A. */
const HEADER_CODE = -2;

const indexes = new WeakMap<LoadedCatalogue, CatalogueIndex>();

function catalogueIndex(catalogue: LoadedCatalogue): CatalogueIndex {
  const known = indexes.get(catalogue);
  if (known) return known;
  const indexOf = new Map(catalogue.rows.map((row, at) => [row.code, at]));
  const count = catalogue.rows.length;
  const parentAt = new Int32Array(count).fill(-1);
  const nextSiblingAt = new Int32Array(count).fill(-1);
  const lastChild = new Map<number, number>();
  const byLabel = new Map<string, number[]>();
  catalogue.rows.forEach((row, at) => {
    const parent = row.parent === undefined ? -1 : (indexOf.get(row.parent) ?? -1);
    parentAt[at] = parent;
    const previous = lastChild.get(parent);
    if (previous !== undefined) nextSiblingAt[previous] = at;
    lastChild.set(parent, at);
    const key = labelKey(row.label.vi);
    const labelled = byLabel.get(key);
    if (labelled) labelled.push(at);
    else byLabel.set(key, [at]);
  });
  const rowOf = sheetLayout(catalogue).rowOf;
  const templateAt = new Array<number>(Math.max(0, ...rowOf.values()) + 1).fill(-1);
  for (const [code, row] of rowOf) templateAt[row] = indexOf.get(code)!;
  const made: CatalogueIndex = {
    indexOf,
    parentAt,
    nextSiblingAt,
    templateAt,
    zeros: new Array<number>(count).fill(0),
    blanks: new Array<CellInput | undefined>(count).fill(undefined),
    byLabel,
    codeMeanings: new Map(),
    labelMeanings: new Map(),
    dotted: catalogue.rows.map((row) => `${row.code}.`),
    meaningOfCode: (raw) => meaningOfCode(made, raw),
    meaningOfLabel: (raw) => meaningOfLabel(made, textOfString(raw)),
  };
  indexes.set(catalogue, made);
  return made;
}

/** One appendix found on a sheet: its inputs (row 4 or the title) and the value cell of every indicator found. */
export interface AppendixSheet {
  readonly sheet: string;
  readonly templateVersion?: string;
  readonly unit?: string;
  readonly level?: Level;
  readonly period?: string;
  /**
   * Row 4's level and period cells as typed ("" when blank), each absent when the sheet has no row 4 (typed by hand
   * after the printed form, which has none); the whole absent on a sheet described by hand rather than located.
   * What a level or period that reads as none was, for the finding that says so.
   */
  readonly typedInputs?: { readonly level?: string; readonly period?: string };
  /** How the rows were found: our key column, or the printed codes and labels of a sheet typed by hand. */
  readonly foundBy: "key" | "codes";
  /** The value cell of every indicator found, by code, in the order the sheet holds them. */
  readonly cells: ReadonlyMap<string, LocatedCell>;
  /** The same rows by the catalogue's row index, as validation reads them (absent on a sheet described by hand). */
  readonly found?: LocatedRows;
}

const TITLE_MARK = "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH";
/** A sheet is taken for an appendix by hand when this many catalogue codes stand in its column A. */
const MIN_CODES_BY_HAND = 10;

/**
 * Cell text as compared: NFC (decomposed Unicode is common in pasted text) and TCVN3 decoded. A number's or a
 * boolean's text is plain ASCII, which neither changes.
 */
function text(value: CellScalar | undefined): string {
  if (typeof value === "string") {
    // Most text needs neither (a unit's name, new on every appendix, among it): trimmed, not remembered.
    return unchangedByDecoding(value) ? value.trim() : remembered(texts, value, textOfString);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

function textOfString(value: string): string {
  return unchangedByDecoding(value) ? value.trim() : fromTcvn3(value.normalize("NFC")).trim();
}

// The form's texts normalised once for every appendix that repeats them (remembered).
const texts = new Map<string, string>();

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

/**
 * The row index a column A value names, NOT_A_ROW, or HEADER_CODE; remembered per catalogue by its text. A sheet
 * typed by hand mostly follows the form's order: the code of row `next`, as it is or with its dot, is that row
 * without a lookup (such a text is already normal: ASCII, trimmed, one dot at most).
 */
function codeMeaning(index: CatalogueIndex, value: CellScalar | undefined, next: number): number {
  if (typeof value === "string") {
    const code = index.dotted[next];
    if (
      code !== undefined &&
      (value === code || (value.length === code.length - 1 && code.startsWith(value)))
    ) {
      return next;
    }
    return remembered(index.codeMeanings, value, index.meaningOfCode);
  }
  if (typeof value === "number") return remembered(index.codeMeanings, String(value), index.meaningOfCode);
  return typeof value === "boolean" ? meaningOfCode(index, String(value)) : NOT_A_ROW;
}

function meaningOfCode(index: CatalogueIndex, raw: string): number {
  const code = textOfString(raw);
  if (code === "STT") return HEADER_CODE;
  return index.indexOf.get(normaliseCode(code)) ?? NOT_A_ROW;
}

const NO_LABEL: LabelMeaning = { rows: [], header: false };

/** What a column B value says; remembered per catalogue by its text. */
function labelMeaning(index: CatalogueIndex, value: CellScalar | undefined): LabelMeaning {
  if (typeof value === "string") return remembered(index.labelMeanings, value, index.meaningOfLabel);
  return typeof value === "number" || typeof value === "boolean"
    ? meaningOfLabel(index, String(value))
    : NO_LABEL;
}

function meaningOfLabel(index: CatalogueIndex, label: string): LabelMeaning {
  const rows = index.byLabel.get(labelKey(label)) ?? NO_LABEL.rows;
  const header = label.startsWith(HEADER_LABEL);
  return rows.length || header ? { rows, header } : NO_LABEL;
}

const HEADER_LABEL = "Chỉ tiêu thống kê";
const HEADER_UNIT = "Đơn vị tính";
const HEADER_VALUE = "Số liệu";

/** The base of a text's first letter: what an ASCII letter that NFC composes into it starts as. */
function initialOf(text: string): number {
  return text.normalize("NFD").charCodeAt(0);
}

const HEADER_INITIALS = {
  label: initialOf(HEADER_LABEL),
  unit: initialOf(HEADER_UNIT),
  value: initialOf(HEADER_VALUE),
} as const;

/**
 * False when text() of `value` cannot start with the letter whose base is `initial`: it starts with another
 * printable ASCII character (NFC may compose an ASCII letter with the marks after it, never into another base;
 * TCVN3 decodes no ASCII; trimming removes only what is not printable), or is no text.
 */
function mayStartAs(value: CellScalar | undefined, initial: number): boolean {
  if (typeof value !== "string") return false;
  const first = value.charCodeAt(0);
  return first <= 32 || first >= 127 || first === initial;
}

/** False when a column B value cannot be the header's label ("Chỉ tiêu thống kê…"): most labels, by their first letter. */
function mayBeHeaderLabel(value: CellScalar | undefined): boolean {
  return mayStartAs(value, HEADER_INITIALS.label);
}

/**
 * True when a cell's text is `expected` as text() reads it. Normalising never lengthens a text (NFC composes, TCVN3
 * decodes letter for letter, trimming shortens), so shorter text, most of what a sheet holds, is not normalised;
 * nor is text that starts with another letter.
 */
function cellSays(cell: CellInput | undefined, expected: string, initial: number): boolean {
  const value = cell?.value;
  return (
    typeof value === "string" &&
    value.length >= expected.length &&
    mayStartAs(value, initial) &&
    text(value) === expected
  );
}

/** A row of the two-row header (repeated at page breaks), its code and label already read. */
function isHeaderRow(line: ReadonlyArray<CellInput | undefined>, code: number, label: LabelMeaning): boolean {
  return (
    code === HEADER_CODE ||
    cellSays(line[COLUMNS.unit], HEADER_UNIT, HEADER_INITIALS.unit) ||
    cellSays(line[COLUMNS.value], HEADER_VALUE, HEADER_INITIALS.value) ||
    label.header
  );
}

/** True when row `ancestor` is a parent, grandparent… of row `at`. */
function isAncestor(index: CatalogueIndex, ancestor: number, at: number): boolean {
  for (let cursor = index.parentAt[at]!; cursor >= 0; cursor = index.parentAt[cursor]!) {
    if (cursor === ancestor) return true;
  }
  return false;
}

function locateByKey(grid: SheetGrid, catalogue: LoadedCatalogue): FoundRows {
  const { indexOf, templateAt } = catalogueIndex(catalogue);
  const codes = catalogue.rows;
  const found = noRows(catalogue);
  const { order, rowAt, cellAt, repeated } = found;
  let size = 0;
  const lines = grid.cells;
  for (let row = 2; row <= lines.length; row++) {
    const line = lines[row - 1];
    const value = line?.[COLUMNS.key]?.value;
    if (value === null || value === undefined) continue;
    // The template writes the codes exactly, each on its own row: such a cell is the code expected there, compared
    // without a lookup; another code is looked up as it is, and only other text goes through text()'s normalisation.
    const expected = templateAt[row] ?? -1;
    const at =
      expected >= 0 && value === codes[expected]!.code
        ? expected
        : ((typeof value === "string" ? indexOf.get(value) : undefined) ?? indexOf.get(text(value)));
    if (at === undefined) continue;
    if (rowAt[at] !== 0) repeated.push([at, row]);
    else {
      rowAt[at] = row;
      cellAt[at] = line![COLUMNS.value];
      order[size++] = at;
    }
  }
  order.length = size;
  return found;
}

/**
 * Finds rows of a sheet typed by hand: by the code in column A (with or without its trailing dot), then, for rows
 * without a code ("Trong đó" rows, blank codes), by the label in column B under the last total. A code printed
 * twice (the seed's second "3.4") after rows of its own is the next sibling of the last of them (3.4.5).
 */
function locateByCodes(grid: SheetGrid, catalogue: LoadedCatalogue): FoundRows {
  const index = catalogueIndex(catalogue);
  const { nextSiblingAt } = index;
  const rows = noRows(catalogue);
  const { order, rowAt, cellAt, repeated } = rows;
  const lines = grid.cells;
  let size = 0;
  const found = (at: number, row: number) => {
    rowAt[at] = row;
    cellAt[at] = lines[row - 1]![COLUMNS.value];
    order[size++] = at;
  };
  let last = -1;
  for (let row = 1; row <= lines.length; row++) {
    const line = lines[row - 1];
    if (!line) continue;
    let at = codeMeaning(index, line[COLUMNS.code]?.value, last + 1);
    // A code still to find needs its label only to tell a header row, which its first letter rules out for most.
    const labelValue = line[COLUMNS.label]?.value;
    const label =
      at < 0 || rowAt[at] !== 0 || mayBeHeaderLabel(labelValue) ? labelMeaning(index, labelValue) : NO_LABEL;
    if (isHeaderRow(line, at, label)) continue;
    if (at >= 0 && rowAt[at] !== 0) {
      // A code found already: its label may name another row still to find, or its position may (the seed's
      // second "3.4" after 3.4.4 is 3.4.5); else it is the same code typed twice.
      const code = at;
      const byLabel = unfoundOtherThan(label.rows, rowAt, code);
      const next = last >= 0 && isAncestor(index, code, last) ? nextSiblingAt[last]! : -1;
      const resolved = byLabel >= 0 ? byLabel : next >= 0 && rowAt[next] === 0 ? next : -1;
      if (resolved < 0) {
        repeated.push([code, row]);
        continue;
      }
      at = resolved;
    }
    if (at >= 0) {
      found(at, row);
      last = at;
      continue;
    }
    if (last < 0 || !label.rows.length) continue;
    const near = nearestUnfound(index, label.rows, rowAt, last);
    if (near >= 0) {
      found(near, row);
      last = near;
    }
  }
  order.length = size;
  return rows;
}

/** The first of `labelled` still to find other than `code`, -1 for none. */
function unfoundOtherThan(labelled: readonly number[], rowAt: readonly number[], code: number): number {
  for (const other of labelled) if (rowAt[other] === 0 && other !== code) return other;
  return -1;
}

/**
 * Of the rows a label names that are still to find, the first under the last row found (`latest`: its child, or a
 * child of one of its ancestors), else the first of its siblings; -1 for none. Loops, not filter and find with
 * closures, as every row without a code of a sheet typed by hand asks.
 */
function nearestUnfound(
  index: CatalogueIndex,
  labelled: readonly number[],
  rowAt: readonly number[],
  latest: number,
): number {
  const { parentAt } = index;
  for (const other of labelled) {
    if (rowAt[other] !== 0) continue;
    const parent = parentAt[other]!;
    if (parent === latest || (parent >= 0 && isAncestor(index, parent, latest))) return other;
  }
  const siblingsOf = parentAt[latest];
  for (const other of labelled) if (rowAt[other] === 0 && parentAt[other] === siblingsOf) return other;
  return -1;
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
    const upper = title.toUpperCase();
    const at = upper.indexOf(" TẠI ");
    if (upper.startsWith(TITLE_MARK) && at >= 0) return title.slice(at + 5).trim() || undefined;
  }
  return undefined;
}

function appendixCodeCount(found: FoundRows, catalogue: LoadedCatalogue): number {
  let count = 0;
  for (const at of found.order) if (catalogue.rows[at]!.block === "appendix") count++;
  return count;
}

/**
 * The located cells by code, in the order the sheet holds them, built from the rows by index when a caller first
 * asks for them: most validations never do (they read the rows by index), and building them costs as much as
 * locating.
 */
class LocatedCells implements ReadonlyMap<string, LocatedCell> {
  #built: Map<string, LocatedCell> | undefined;
  constructor(private readonly found: LocatedRows) {}
  private get built(): Map<string, LocatedCell> {
    return (this.#built ??= cellsByCode(this.found));
  }
  get size(): number {
    return this.found.order.length;
  }
  get(code: string): LocatedCell | undefined {
    return this.built.get(code);
  }
  has(code: string): boolean {
    return this.built.has(code);
  }
  forEach(
    each: (value: LocatedCell, key: string, map: ReadonlyMap<string, LocatedCell>) => void,
    thisArg?: unknown,
  ): void {
    for (const [code, located] of this.built) each.call(thisArg, located, code, this);
  }
  entries(): MapIterator<[string, LocatedCell]> {
    return this.built.entries();
  }
  keys(): MapIterator<string> {
    return this.built.keys();
  }
  values(): MapIterator<LocatedCell> {
    return this.built.values();
  }
  [Symbol.iterator](): MapIterator<[string, LocatedCell]> {
    return this.built[Symbol.iterator]();
  }
}

function cellsByCode(found: LocatedRows): Map<string, LocatedCell> {
  const cells = new Map<string, LocatedCell>();
  const rows = found.catalogue.rows;
  for (const at of found.order) {
    // Keyed by the catalogue's own string: callers look rows up by it, and the same string compares fastest.
    const code = rows[at]!.code;
    const row = found.rowAt[at]!;
    cells.set(code, {
      code,
      row,
      address: `${found.addressPrefix}${row}`,
      cell: found.cellAt[at],
      // Always present (undefined when there is none), so that every located cell has one shape.
      conflict: found.conflictAt.get(at),
    });
  }
  return cells;
}

/**
 * The rows of `sheet` by the row index of `catalogue`: those locating found when it used that catalogue, else
 * taken from its cells by code (a sheet described by hand, or located with another catalogue).
 */
export function locatedRows(sheet: AppendixSheet, catalogue: LoadedCatalogue): LocatedRows {
  if (sheet.found?.catalogue === catalogue) return sheet.found;
  const { order, rowAt, cellAt } = noRows(catalogue);
  const conflictAt = new Map<number, NonNullable<LocatedCell["conflict"]>>();
  const { indexOf } = catalogueIndex(catalogue);
  let size = 0;
  for (const located of sheet.cells.values()) {
    const at = indexOf.get(located.code);
    if (at === undefined) continue;
    order[size++] = at;
    rowAt[at] = located.row;
    cellAt[at] = located.cell;
    if (located.conflict) conflictAt.set(at, located.conflict);
  }
  order.length = size;
  return { catalogue, order, rowAt, cellAt, conflictAt, addressPrefix: valuePrefix(sheet.sheet) };
}

/** What the address of every value cell of a sheet starts with: its quoted name, "!" and the value column. */
function valuePrefix(sheet: string): string {
  return `${sheetPrefix(sheet)}${columnLetter(COLUMNS.value)}`;
}

const NO_CONFLICTS: ReadonlyMap<number, NonNullable<LocatedCell["conflict"]>> = new Map();

/**
 * The rows whose code a later row carries with another value, by row index. The same value twice, or a blank copy,
 * is no conflict (the value is the one that is there); a blank first row gives way to the copy (`rows` changes).
 */
function conflictsOf(grid: SheetGrid, rows: FoundRows): Map<number, NonNullable<LocatedCell["conflict"]>> {
  const { rowAt, cellAt: cells } = rows;
  const conflicts = new Map<number, number>();
  for (const [at, row] of rows.repeated) {
    const [kept, other] = [cells[at], cellAt(grid, row, COLUMNS.value)];
    if (isBlankCell(other) || sameValue(kept, other) || conflicts.has(at)) continue;
    if (isBlankCell(kept)) {
      rowAt[at] = row;
      cells[at] = other;
    } else conflicts.set(at, row);
  }
  const conflictAt = new Map<number, NonNullable<LocatedCell["conflict"]>>();
  for (const [at, other] of conflicts) {
    conflictAt.set(at, {
      row: other,
      address: qualifiedAddress(grid.name, other, COLUMNS.value),
      cell: cellAt(grid, other, COLUMNS.value),
    });
  }
  return conflictAt;
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
  const rows = byKey && foundBy === "key" ? byKey : locateByCodes(grid, catalogue);
  if (foundBy === "codes" && appendixCodeCount(rows, catalogue) < MIN_CODES_BY_HAND) return undefined;
  const { order, rowAt, cellAt: cells, repeated } = rows;
  const found: LocatedRows = {
    catalogue,
    order,
    rowAt,
    cellAt: cells,
    conflictAt: repeated.length ? conflictsOf(grid, rows) : NO_CONFLICTS,
    // Every address on the sheet starts the same way: the quoted sheet name is built once, not once per cell.
    addressPrefix: valuePrefix(grid.name),
  };
  const inputsRow = foundBy === "key" || textAt(grid, 4, COLUMNS.code).startsWith("Đơn vị") ? 4 : 0;
  const unit = (inputsRow && textAt(grid, inputsRow, COLUMNS.label)) || unitFromTitle(grid);
  const levelText = inputsRow ? textAt(grid, inputsRow, COLUMNS.value) : undefined;
  const periodText = inputsRow ? textAt(grid, inputsRow, COLUMNS.note) : undefined;
  return {
    sheet: grid.name,
    templateVersion: version || undefined,
    unit: unit || undefined,
    level: levelText ? parseLevel(levelText) : undefined,
    period: periodText ? parsePeriod(periodText) : undefined,
    typedInputs: inputsRow ? { level: levelText, period: periodText } : {},
    foundBy,
    cells: new LocatedCells(found),
    found,
  };
}
