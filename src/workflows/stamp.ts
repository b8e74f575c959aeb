import type { Bilingual, LoadedCatalogue } from "../domain/catalogue";
import type { FormRegistry } from "../domain/catalogue";
import { BUILT_IN_FORMS, catalogue as defaultCatalogue } from "../domain/catalogue";
import { formOfGrid } from "../domain/resolve";
import type { CellInput, CellScalar, SheetGrid } from "../domain/cell";
import { columnLetter, isCellError } from "../domain/cell";
import type { SheetValidation } from "../domain/engine";
import { COLUMNS, sheetLayout } from "../domain/layout";
import type { SheetLayout } from "../domain/layout";
import { locateAppendix } from "../domain/locate";
import type { CellWrite, SpecCell } from "./port";
import type { WorkbookValidation } from "./validate";

// The validation stamp (issue 4): after a validation with no error, the sheet itself records when it was checked,
// with which rule set, and a hash of its values, so that the receiving department sees that the appendix was
// checked and whether anything changed since. It lives in sheet cells, visible to anyone who scrolls there, never in
// hidden settings: four lines in column B starting two rows below the source block (the last row of the layout),
// outside the print area like the source block itself. The stamp never writes over anything a person put there: where
// its place holds text of theirs (a signer's name under the form, a hand-typed sheet longer than the template), it goes
// two rows below the last row that holds anything (stampPlace), and a stamp of ours is read wherever it stands.
//
//   B<n>    DẤU KIỂM TRA (không in): không có lỗi — 1 cảnh báo, 6 lưu ý
//   B<n+1>  Thời điểm kiểm tra: 15/06/2025 14:32:05 UTC+07:00
//   B<n+2>  Bộ quy tắc: CCHC-PL-2021 #1a2b3c4d
//   B<n+3>  Mã số liệu: 0123456789abcdef
//
// Each line is "label: value" so that a person reads it and a tool parses it. The template leaves these four cells
// unlocked so that the add-in writes them on a protected sheet. The hashes detect change, not forgery: anyone can
// recompute them, which is the point — a receiver can check a file without trusting the sender's tool.

/** The heading a stamp starts with, in column B of its first row. */
export const STAMP_TITLE = "DẤU KIỂM TRA (không in)";
const TIME_LABEL = "Thời điểm kiểm tra";
const RULES_LABEL = "Bộ quy tắc";
const VALUES_LABEL = "Mã số liệu";
const STAMP_LINES = 4;

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/**
 * FNV-1a, 64 bits, over the UTF-8 bytes of a text, as 16 hex digits. Small, pure and the same in every host; it
 * detects accidental change, which is all a stamp claims.
 */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  const byte = (value: number) => {
    hash = ((hash ^ BigInt(value)) * FNV_PRIME) & MASK_64;
  };
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) byte(code);
    else if (code < 0x800) {
      byte(0xc0 | (code >> 6));
      byte(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      byte(0xe0 | (code >> 12));
      byte(0x80 | ((code >> 6) & 0x3f));
      byte(0x80 | (code & 0x3f));
    } else {
      byte(0xf0 | (code >> 18));
      byte(0x80 | ((code >> 12) & 0x3f));
      byte(0x80 | ((code >> 6) & 0x3f));
      byte(0x80 | (code & 0x3f));
    }
  }
  return hash.toString(16).padStart(16, "0");
}

const rulesHashes = new WeakMap<LoadedCatalogue, string>();

/**
 * JSON with every object's keys sorted, undefined fields left out: the same text for the same data whatever order
 * its fields were written or parsed in (a definition workbook read back builds its objects in another order than
 * the built-in form's source).
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`);
    return `{${fields.join(",")}}`;
  }
  return JSON.stringify(value);
}

const byId = <T extends { readonly id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The parsed rule set a stamp vouches for: every field of a row that a check or a total reads (not its wording:
 * labels, printed numbers and form notes change no finding), in the form's order, and every relation and pattern
 * by id.
 */
function ruleSet(catalogue: LoadedCatalogue): unknown {
  return {
    version: catalogue.templateVersion,
    rows: catalogue.rows.map((row) => ({
      code: row.code,
      parent: row.parent,
      block: row.block,
      kind: row.kind,
      unit: row.unit?.vi,
      codes: row.codes?.map((option) => option.value),
      scope: row.scope,
      role: row.role,
      aggregation: row.aggregation,
      derived: row.derived,
      mayBeNegative: row.mayBeNegative,
      cumulative: row.cumulative,
      plausible: row.plausible,
      notApplicableFrom: row.notApplicableFrom,
    })),
    relations: [...catalogue.relations].sort(byId),
    patterns: [...catalogue.patterns].sort(byId),
  };
}

/**
 * The fingerprint of a catalogue's whole parsed rule set, 8 hex digits: it changes when any rule changes, even
 * within one template version, and not when a definition only lists its fields or rules in another order.
 */
export function rulesHash(catalogue: LoadedCatalogue = defaultCatalogue): string {
  let hash = rulesHashes.get(catalogue);
  if (!hash) {
    hash = fnv1a64(canonicalJson(ruleSet(catalogue))).slice(0, 8);
    rulesHashes.set(catalogue, hash);
  }
  return hash;
}

/**
 * Rule hashes stamps carried before the stamp hashed the whole rule set, by template version: the built-in form's
 * kinds, units, legends, scopes, derivations, relations and patterns in source order, with a rate's denominator
 * one code (f266b765) and, once denominators became sums, a list of codes (58ea642b). A stamp carrying one was made
 * under that built-in form's rules, not under another rule set.
 */
const EARLIER_RULES_HASHES: ReadonlyMap<string, readonly string[]> = new Map([
  ["CCHC-PL-2021", ["f266b765", "58ea642b"]],
]);

/** The rules hash a stamp stands for today: an earlier hash of a built-in form read as that form's hash now. */
function stampedRulesHash(stamp: Stamp): string {
  const builtIn = BUILT_IN_FORMS.get(stamp.templateVersion);
  return builtIn && EARLIER_RULES_HASHES.get(stamp.templateVersion)?.includes(stamp.rulesHash)
    ? rulesHash(builtIn)
    : stamp.rulesHash;
}

// Hosts disagree on spelling, not on meaning: Excel gives "" for an empty cell and "=IF(…)" for a formula, exceljs
// null and "IF(…)". A cell is hashed by its formula when it has one (its value follows from its inputs) and by its
// value otherwise; number formats are left out because hosts report defaults differently ("General" or nothing).
function canonicalScalar(value: CellScalar | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return `n:${String(value)}`;
  if (typeof value === "string") return `s:${value.normalize("NFC")}`;
  if (typeof value === "boolean") return `b:${String(value)}`;
  if (value instanceof Date) return `d:${value.toISOString()}`;
  if (isCellError(value)) return `e:${value.error}`;
  return "";
}

function canonicalCell(cell: CellInput | undefined): string {
  const formula = cell?.formula?.trim();
  if (formula && formula !== "=") return `f:${formula.replace(/^=/, "").replace(/\s+/g, "").toUpperCase()}`;
  return canonicalScalar(cell?.value);
}

/**
 * The template's place for a sheet's stamp: column B, two rows below the layout's last row, four lines, the cells
 * the template leaves unlocked. A check writes there unless a person's text is in the way (stampPlace).
 */
export function stampRows(layout: SheetLayout): readonly number[] {
  return rowsFrom(layout.lastRow + 2);
}

function rowsFrom(first: number): readonly number[] {
  return Array.from({ length: STAMP_LINES }, (_, index) => first + index);
}

/** The text in column B of a 1-based row, when it is text. */
function labelText(grid: SheetGrid, row: number): string | undefined {
  const value = grid.cells[row - 1]?.[COLUMNS.label]?.value;
  return typeof value === "string" ? value : undefined;
}

/**
 * True when a text is line `index` of a stamp of ours, as readStamp reads it: the title, then each label followed by
 * a value of its shape. Only such a text is ever written over or cleared by a stamp.
 */
function isStampLine(text: string | undefined, index: number): boolean {
  if (text === undefined) return false;
  if (index === 0) return text.startsWith(STAMP_TITLE);
  const label = [TIME_LABEL, RULES_LABEL, VALUES_LABEL][index - 1]!;
  if (!text.startsWith(`${label}:`)) return false;
  const value = text.slice(label.length + 1).trim();
  return index === 1 ? value !== "" : index === 2 ? RULES_VALUE.test(value) : VALUES_VALUE.test(value);
}

const RULES_VALUE = /^(\S+) #([0-9a-f]{8})$/;
const VALUES_VALUE = /^[0-9a-f]{16}$/;

function isAnyStampLine(text: string | undefined): boolean {
  for (let index = 0; index < STAMP_LINES; index++) if (isStampLine(text, index)) return true;
  return false;
}

/** The first row of the first whole stamp of ours in column B (its four lines in order), if any. */
function stampStart(grid: SheetGrid): number | undefined {
  for (let row = 1; row + STAMP_LINES - 1 <= grid.cells.length; row++) {
    if (!isStampLine(labelText(grid, row), 0)) continue;
    let whole = true;
    for (let index = 1; index < STAMP_LINES && whole; index++)
      whole = isStampLine(labelText(grid, row + index), index);
    if (whole) return row;
  }
  return undefined;
}

function isBlank(cell: CellInput | undefined): boolean {
  return (cell?.value === null || cell?.value === undefined || cell.value === "") && !cell?.formula;
}

/** The last 1-based row that holds anything but a line of our stamp; 0 for a sheet holding nothing else. */
function lastContentRow(grid: SheetGrid): number {
  for (let row = grid.cells.length; row >= 1; row--) {
    const cells = grid.cells[row - 1]!;
    for (let column = 0; column < cells.length; column++) {
      const cell = cells[column];
      if (isBlank(cell)) continue;
      if (column === COLUMNS.label && isAnyStampLine(labelText(grid, row))) continue;
      return row;
    }
  }
  return 0;
}

/**
 * Where a check writes a sheet's stamp, never over what a person typed: over the stamp of ours the sheet holds, if
 * whole; else the template's place (stampRows) when nothing but lines of ours stands there or below; else two rows
 * below the last row that holds anything. `moved` tells the last case: there the template left the cells locked, so
 * a protected sheet refuses the stamp.
 */
export function stampPlace(
  grid: SheetGrid,
  catalogue: LoadedCatalogue = defaultCatalogue,
): { readonly rows: readonly number[]; readonly moved: boolean } {
  const layout = sheetLayout(catalogue);
  const start = stampStart(grid);
  if (start !== undefined) return { rows: rowsFrom(start), moved: start !== layout.lastRow + 2 };
  const first = Math.max(layout.lastRow, lastContentRow(grid)) + 2;
  return { rows: rowsFrom(first), moved: first !== layout.lastRow + 2 };
}

/**
 * The hash of a sheet's values: the template version, row 4 (unit, level, period) and every value cell of the
 * catalogue, in catalogue order, by code. Notes, formats, marks and the stamp itself are not values.
 */
export function valuesHash(grid: SheetGrid, catalogue: LoadedCatalogue = defaultCatalogue): string {
  const located = locateAppendix(grid, catalogue);
  const layout = sheetLayout(catalogue);
  const row4 = grid.cells[layout.inputRow - 1];
  const lines = [
    `version=${catalogue.templateVersion}`,
    `unit=${canonicalCell(row4?.[COLUMNS.label])}`,
    `level=${canonicalCell(row4?.[COLUMNS.value])}`,
    `period=${canonicalCell(row4?.[COLUMNS.note])}`,
  ];
  for (const row of catalogue.valueRows)
    lines.push(`${row.code}=${canonicalCell(located?.cells.get(row.code)?.cell)}`);
  return fnv1a64(lines.join("\n"));
}

/** A stamp as read back from a sheet. */
export interface Stamp {
  /** When, as written: "15/06/2025 14:32:05 UTC+07:00". */
  readonly at: string;
  /** The same instant, when it parses. */
  readonly date?: Date;
  readonly templateVersion: string;
  readonly rulesHash: string;
  readonly valuesHash: string;
}

/** What the pane shows about a sheet's stamp: none yet, or one whose values and rules match the sheet's or not. */
export interface StampStatus {
  readonly stamp?: Stamp;
  /** The hash of the sheet's values now. */
  readonly valuesHash: string;
  /** True when the sheet's values differ from those stamped. */
  readonly valuesChanged: boolean;
  /** True when the stamp was made with other rules than this tool's. */
  readonly rulesChanged: boolean;
}

function two(value: number): string {
  return String(value).padStart(2, "0");
}

/**
 * A local time as the stamp writes it, "15/06/2025 14:32:05 UTC+07:00". `offsetMinutes` is east of UTC (Việt Nam:
 * 420); by default the machine's own.
 */
export function formatStampTime(date: Date, offsetMinutes = -date.getTimezoneOffset()): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const offset = Math.abs(offsetMinutes);
  return (
    `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ` +
    `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} ` +
    `UTC${sign}${two(Math.floor(offset / 60))}:${two(offset % 60)}`
  );
}

const STAMP_TIME = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2}) UTC([+-])(\d{2}):(\d{2})$/;

function parseStampTime(text: string): Date | undefined {
  const match = STAMP_TIME.exec(text);
  if (!match) return undefined;
  const [day, month, year, hour, minute, second, sign, offsetHours, offsetMinutes] = match
    .slice(1)
    .map((part) => (part === "+" ? 1 : part === "-" ? -1 : Number(part))) as number[];
  const offset = sign! * (offsetHours! * 60 + offsetMinutes!);
  const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!) - offset * 60_000;
  return Number.isNaN(utc) ? undefined : new Date(utc);
}

function lineValue(grid: SheetGrid, row: number, label: string): string {
  return labelText(grid, row)!
    .slice(label.length + 1)
    .trim();
}

/**
 * Reads the stamp of a sheet, or undefined when it has none (or one that does not parse): the first whole one in
 * column B, at the template's place or wherever a check had to put it (stampPlace).
 */
export function readStamp(grid: SheetGrid): Stamp | undefined {
  const title = stampStart(grid);
  if (title === undefined) return undefined;
  const at = lineValue(grid, title + 1, TIME_LABEL);
  const ruleSet = RULES_VALUE.exec(lineValue(grid, title + 2, RULES_LABEL))!;
  const hash = lineValue(grid, title + 3, VALUES_LABEL);
  const date = parseStampTime(at);
  return {
    at,
    ...(date ? { date } : {}),
    templateVersion: ruleSet[1]!,
    rulesHash: ruleSet[2]!,
    valuesHash: hash,
  };
}

/** Compares a sheet's stamp, if any, with its values now and with this tool's rules. */
export function stampStatus(grid: SheetGrid, catalogue: LoadedCatalogue = defaultCatalogue): StampStatus {
  const stamp = readStamp(grid);
  const hash = valuesHash(grid, catalogue);
  return {
    ...(stamp ? { stamp } : {}),
    valuesHash: hash,
    valuesChanged: stamp !== undefined && stamp.valuesHash !== hash,
    rulesChanged:
      stamp !== undefined &&
      (stampedRulesHash(stamp) !== rulesHash(catalogue) ||
        stamp.templateVersion !== catalogue.templateVersion),
  };
}

function countsLine(validation: SheetValidation): string {
  const { warning, info } = validation.counts;
  return `${STAMP_TITLE}: không có lỗi — ${warning} cảnh báo, ${info} lưu ý`;
}

/**
 * The four cells of a stamp for a sheet validated with no error, in Vietnamese, the language of the form, at `rows`
 * (stampPlace); and the clearing of every other line of a stamp of ours the grid holds (what is left of one a person
 * partly typed over), so that the sheet shows one stamp.
 */
export function stampWrites(
  grid: SheetGrid,
  rows: readonly number[],
  validation: SheetValidation,
  hash: string,
  catalogue: LoadedCatalogue,
  now: Date,
  offsetMinutes?: number,
): CellWrite[] {
  const column = columnLetter(COLUMNS.label);
  const lines = [
    countsLine(validation),
    `${TIME_LABEL}: ${formatStampTime(now, offsetMinutes)}`,
    `${RULES_LABEL}: ${catalogue.templateVersion} #${rulesHash(catalogue)}`,
    `${VALUES_LABEL}: ${hash}`,
  ];
  const writes: CellWrite[] = [];
  for (let row = 1; row <= grid.cells.length; row++)
    if (!rows.includes(row) && isAnyStampLine(labelText(grid, row)))
      writes.push({ address: `${column}${row}`, value: null });
  for (const [index, row] of rows.entries())
    writes.push({ address: `${column}${row}`, value: lines[index]! });
  return writes.sort((a, b) => Number(a.address.slice(1)) - Number(b.address.slice(1)));
}

/** Progress of a check over many sheets, for the pane's progress bar. */
export type CheckProgress =
  | { readonly phase: "reading"; readonly sheets: number }
  | { readonly phase: "checking"; readonly done: number; readonly sheets: number }
  | { readonly phase: "writing"; readonly sheets: number };

/** Why a stamp could not be written (a sheet protected with the stamp cells locked, typically). */
export interface StampFailure {
  readonly sheets: readonly string[];
  /** The host's reason, in Vietnamese and English when the host words its errors for users, as ours do. */
  readonly message: Bilingual;
}

/** A validation with the stamp status of every appendix sheet. */
export interface CheckResult extends WorkbookValidation {
  readonly stamps: ReadonlyMap<string, StampStatus>;
  /** Sheets stamped by this check. */
  readonly stamped: readonly string[];
  readonly stampFailure?: StampFailure;
  /** The sheet the user is on, when the check listed the workbook. */
  readonly active?: string;
  /**
   * When the check listed the workbook: its appendix sheets by their key (F1 holds a template version this tool
   * knows), in workbook order, whether checked or not: the sheets one of which is the user's own.
   */
  readonly appendices?: readonly string[];
  /**
   * The forms the sheets were read with: the host's and those the workbook carries (`_cchc_mau`), for a use case
   * that makes no listing of its own afterwards (a fix of a finding of this check).
   */
  readonly forms?: FormRegistry;
}

/** A grid with some cells of column B replaced, to read back a stamp as it will stand once written. */
export function withStamp(grid: SheetGrid, writes: readonly CellWrite[]): SheetGrid {
  const rows = grid.cells.map((row) => [...row]);
  for (const write of writes) {
    const row = Number(write.address.slice(1));
    while (rows.length < row) rows.push([]);
    rows[row - 1]![COLUMNS.label] = { value: write.value ?? null };
  }
  return { name: grid.name, cells: rows };
}

/** The catalogue of the form in a sheet's F1, when `forms` holds it. */
export function catalogueOfGrid(
  grid: SheetGrid,
  forms: FormRegistry = BUILT_IN_FORMS,
): LoadedCatalogue | undefined {
  return formOfGrid(grid, forms);
}

/**
 * The stamp's cells as the template declares them: unlocked, so that the add-in writes the stamp on a protected
 * sheet without unprotecting it (DESIGN.md section 3). templateSpec spreads these into its cells.
 */
export function stampSpecCells(layout: SheetLayout): SpecCell[] {
  return stampRows(layout).map((row) => ({ address: `${columnLetter(COLUMNS.label)}${row}`, locked: false }));
}
