import type { Bilingual, LoadedCatalogue } from "../domain/catalogue";
import { catalogue as defaultCatalogue, normaliseCode } from "../domain/catalogue";
import type { CellInput } from "../domain/cell";
import { cellInput } from "../domain/cell";
import { COLUMNS } from "../domain/layout";
import { locateAppendix } from "../domain/locate";
import { errorText } from "../domain/messages/error";
import { fold, levelLabel, levelOfUnit, parsePeriod, periodLabel } from "../domain/meta";
import type { AppendixSource } from "../workflows/consolidate/model";
import type { WorkbookSheet } from "../xlsx/grid";
import type { ReadProbe } from "../xlsx/zip";
import type { BodyFigure, UnreadFigure } from "./body";
import { bodyFigures } from "./body";
import type { Block, Paragraph, Table, TableRow } from "./document";
import { readDocxBody } from "./package";

// A Word report as the one grid the domain reads (DESIGN.md section 13): its appendix table's rows laid out as a
// sheet typed by hand (codes in A, labels in B, unit of measure in C, value in D, note in E), found by the same
// locating rules, and the body's figures as the source block beneath. Every grid row remembers where in the
// document it came from, so that a finding can point at "bảng phụ lục, dòng 3.4.1" or quote the paragraph.

/** The name of the one "sheet" of a Word report: its appendix table. */
export const WORD_SHEET = "bảng phụ lục";

/** The one "sheet" of a Word report as a report in each language names it: it is no sheet the user has. */
export const WORD_SHEET_NAMES: Bilingual = { vi: WORD_SHEET, en: "appendix table" };

/** Where a value of a Word report came from, in both languages: a table row, or a paragraph quoted. */
export type Place = Bilingual;

/** A Word report read: its grid, where each grid row came from, and the body's figures taken and not read. */
export interface WordReport {
  /** Marked as a Word report's table, so that a consolidation's letter names it so, not as a sheet. */
  readonly grid: WorkbookSheet & { readonly source: AppendixSource };
  /** By 1-based grid row. */
  readonly places: ReadonlyMap<number, Place>;
  /** The grid rows whose value the report's text states, not its table. */
  readonly fromText: ReadonlySet<number>;
  /** By 1-based grid row, the value as the document writes it ("44", "1.93673"), where the row has one. */
  readonly written: ReadonlyMap<number, string>;
  /** True when the document has an appendix table; false when its figures are only in the body. */
  readonly hasTable: boolean;
  readonly figures: readonly BodyFigure[];
  readonly unread: readonly UnreadFigure[];
}

/** What `validate` says of a Word document that holds neither an appendix table nor any figure of the form. */
export const NOT_A_REPORT: Bilingual = errorText("docx_not_report", {});

const TITLE_MARK = "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH";

type Role = "code" | "label" | "unit" | "value" | "note";
type Columns = ReadonlyMap<number, Role>;

const DEFAULT_COLUMNS: Columns = new Map<number, Role>([
  [0, "code"],
  [1, "label"],
  [2, "unit"],
  [3, "value"],
  [4, "note"],
]);

/** NFC, done only where there is a combining mark to compose: Word's own text is NFC already. */
function nfc(text: string): string {
  return COMBINING.test(text) ? text.normalize("NFC") : text;
}
const COMBINING = /[\u0300-\u036f]/;

function key(text: string): string {
  return nfc(text).toLowerCase().replace(/\s+/g, " ").trim();
}

const HEADER_START = /^[sScCđĐgG]/;

function headerRole(text: string): Role | undefined {
  // Only the head of a cell is looked at, and only when it starts as a header word does (s, c, đ, g): a header cell
  // is a few words, and every cell of the table comes here. A header starting with "s" is a whole short cell
  // ("STT", "Số liệu"), which most labels ("Số hồ sơ …") are not.
  if (!HEADER_START.test(text)) return undefined;
  if (text.length > 16 && (text[0] === "s" || text[0] === "S")) return undefined;
  const head = key(text.slice(0, 24));
  if (head.startsWith("chỉ tiêu")) return "label";
  if (head.startsWith("đơn vị tính")) return "unit";
  if (head.startsWith("ghi chú")) return "note";
  if (text.length > 16) return undefined;
  const whole = key(text);
  if (whole === "stt" || whole === "số tt" || whole === "số thứ tự") return "code";
  if (whole === "số liệu" || whole === "giá trị") return "value";
  return undefined;
}

function isHeaderRow(row: TableRow): boolean {
  if (row.header) return true;
  let roles = 0;
  for (const cell of row.cells) if (headerRole(cell.text) !== undefined && ++roles === 2) return true;
  return false;
}

/** The roles of a table's columns from its header rows, when they name at least the code and the value columns. */
function headerColumns(table: Table): Columns | undefined {
  const roles = new Map<number, Role>();
  for (const row of table.rows.slice(0, 4)) {
    if (!isHeaderRow(row)) continue;
    for (const cell of row.cells) {
      const role = headerRole(cell.text);
      if (role && ![...roles.values()].includes(role)) roles.set(cell.column, role);
    }
  }
  const found = new Set(roles.values());
  return found.has("code") && found.has("value") ? roles : undefined;
}

function cellText(row: TableRow, columns: Columns, role: Role): string {
  for (const cell of row.cells) if (columns.get(cell.column) === role && !cell.continued) return cell.text;
  return "";
}

function codeRows(table: Table, columns: Columns, catalogue: LoadedCatalogue): number {
  return table.rows.filter((row) => catalogue.byCode.has(normaliseCode(cellText(row, columns, "code"))))
    .length;
}

/**
 * The tables that make the appendix, each with its columns: a table whose header names the code and value
 * columns, or that holds at least three of the form's codes, and the tables that continue it (Word splits a table
 * at page breaks when the document is edited, or a writer makes one table per page).
 */
function appendixTables(blocks: readonly Block[], catalogue: LoadedCatalogue) {
  const found: { table: Table; columns: Columns; index: number }[] = [];
  let last: Columns | undefined;
  blocks.forEach((block, index) => {
    if (block.kind !== "table") return;
    const own = headerColumns(block);
    const columns = own ?? last ?? DEFAULT_COLUMNS;
    const codes = codeRows(block, columns, catalogue);
    if (own || codes >= 3 || (last && codes >= 1)) {
      found.push({ table: block, columns, index });
      last = columns;
    }
  });
  return found;
}

/** A paragraph's cells where tabs part them, its automatic number (a code Word numbers) the first. */
function tabbedRow(paragraph: Paragraph): TableRow {
  const text = paragraph.label ? `${paragraph.label}\t${paragraph.text}` : paragraph.text;
  const cells = text
    .split("\t")
    .map((cell, column) => ({ text: cell.trim(), column, span: 1, continued: false }));
  return { header: false, cells };
}

/**
 * A document whose appendix is text with its columns parted by tabs (a .txt or a plain copy opened and saved as
 * .docx), with each run of tabbed lines that is an appendix read as the table it stands for. Read only when every
 * run is unambiguous: its header lines name the code and value columns, or a run above did, and no line has more
 * tabs than the header has columns. Tabs typed to line text up rather than to part columns shift cells one cannot
 * put back: then no run is read, so that the report is said to have no table rather than read with rows missing.
 */
function withTabbedTables(blocks: readonly Block[], catalogue: LoadedCatalogue): readonly Block[] {
  const read: Block[] = [];
  let last: Columns | undefined;
  let width = 0;
  for (let at = 0; at < blocks.length;) {
    const block = blocks[at]!;
    if (block.kind !== "paragraph" || !block.text.includes("\t")) {
      read.push(block);
      at++;
      continue;
    }
    const run: Paragraph[] = [];
    for (let next = blocks[at]; next?.kind === "paragraph" && next.text.includes("\t"); next = blocks[++at]) {
      run.push(next);
    }
    const table: Table = { kind: "table", rows: run.map(tabbedRow) };
    const own = headerColumns(table);
    const columns = own ?? last;
    const codes = columns ? codeRows(table, columns, catalogue) : 0;
    if (!columns || codes < (own ? 3 : 1)) {
      read.push(...run);
      continue;
    }
    const headerWidth = own
      ? Math.max(...table.rows.filter(isHeaderRow).map((row) => row.cells.length))
      : width;
    if (table.rows.some((row) => row.cells.length > headerWidth)) return blocks;
    read.push(table);
    last = columns;
    width = headerWidth;
  }
  return read;
}

const PLAIN_COUNT = /^\d+$/;
const GROUPED_COUNT = /^\d{1,3}(?:[. \u00a0]\d{3})+$/;
const PERCENT = /^(\d+)(?:,(\d+))?\s*%$/;

/**
 * A value as the report writes it, as the cell a person would type into Excel: a Word document holds only text, so
 * "7", "02", "64.073" (the Vietnamese thousands dot) are counts and "100%", "12,5%" percentages, with no "number
 * stored as text" to convert. Anything else ("1.93673", "12.5%", "x") stays text for the domain to read and word.
 */
export function wordValue(text: string): CellInput | undefined {
  const trimmed = text.replace(/\s+/g, " ").trim();
  if (!trimmed) return undefined;
  if (PLAIN_COUNT.test(trimmed) || GROUPED_COUNT.test(trimmed)) {
    return cellInput(Number(trimmed.replace(/[. \u00a0]/g, "")));
  }
  const percent = PERCENT.exec(trimmed);
  if (percent) {
    const decimals = percent[2]?.length ?? 0;
    const fraction = Number(`${percent[1]}.${percent[2] ?? "0"}`) / 100;
    return cellInput(fraction, decimals ? `0.${"0".repeat(decimals)}%` : "0%");
  }
  return cellInput(trimmed);
}

const QUARTER = /\bquy\s+(iv|iii|ii|i|[1-4])\s*(?:nam|\/|-)?\s*(\d{4})\b/;
const HALF = /\b6 thang(?: dau nam)?\s*(?:nam|\/|-)?\s*(\d{4})\b/;
const YEAR = /\bnam\s+(\d{4})\b/;

/** The period a report is about, from its title ("Kết quả cải cách hành chính quý III năm 2021"). */
function periodOf(paragraphs: readonly Paragraph[]): string | undefined {
  // A period names its year: paragraphs without four digits are not folded at all, and the others only as far as
  // the search goes (the title, which names a quarter, is among the first few).
  const count = Math.min(paragraphs.length, 40);
  const folded: (string | undefined)[] = [];
  const opening = (at: number): string => {
    const text = paragraphs[at]!.text;
    return (folded[at] ??= /\d{4}|^\s*b/i.test(text) ? fold(text) : "");
  };
  for (let at = 0; at < count; at++) {
    const quarter = QUARTER.exec(opening(at));
    if (quarter) return parsePeriod(`Quý ${quarter[1]}/${quarter[2]}`);
  }
  for (let at = 0; at < count; at++) {
    const half = HALF.exec(opening(at));
    if (half) return parsePeriod(`6 tháng/${half[1]}`);
  }
  let title = -1;
  for (let at = 0; at < count && title < 0; at++) if (opening(at) === "bao cao") title = at;
  const year = title >= 0 && title + 1 < count ? YEAR.exec(opening(title + 1)) : null;
  return year ? parsePeriod(year[1]!) : undefined;
}

function unitOf(paragraphs: readonly Paragraph[]): string | undefined {
  for (const paragraph of paragraphs) {
    const trimmed = paragraph.text.trim();
    // Only a "T" or "t" is "T" in capitals: any other paragraph is passed without composing or casing it.
    if (trimmed[0] !== "T" && trimmed[0] !== "t") continue;
    const title = nfc(trimmed);
    if (title.slice(0, TITLE_MARK.length).toUpperCase() !== TITLE_MARK) continue;
    const flat = title.replace(/\s+/g, " ");
    const at = flat.toUpperCase().indexOf(" TẠI ");
    const unit = at >= 0 ? flat.slice(at + 5).trim() : "";
    if (unit) return properCase(unit, paragraphs);
  }
  return undefined;
}

/**
 * A unit's name as the report writes it in running text ("Sở Thông tin và Truyền thông", in its opening line or
 * the appendix's "Ban hành kèm theo … của Sở …"), when the title gives it in capitals: the name a workbook's row 4
 * and sheet then get, as a unit types its own name. The capitals stay when the report never writes it otherwise.
 */
function properCase(unit: string, paragraphs: readonly Paragraph[]): string {
  if (unit !== unit.toUpperCase()) return unit;
  const wanted = unit.toLowerCase();
  for (const paragraph of paragraphs) {
    const text = nfc(paragraph.text).replace(/\s+/g, " ");
    const lowered = text.toLowerCase();
    // Lower-casing Vietnamese keeps every length, so a place in the lowered text is one in the text.
    if (lowered.length !== text.length) continue;
    for (let at = lowered.indexOf(wanted); at >= 0; at = lowered.indexOf(wanted, at + 1)) {
      const end = at + wanted.length;
      const written = text.slice(at, end);
      if (written !== unit && /^\p{Lu}/u.test(written) && isNameEdge(text, at - 1) && isNameEdge(text, end))
        return written;
    }
  }
  return unit;
}

function isNameEdge(text: string, at: number): boolean {
  const char = text[at];
  return char === undefined || !/[\p{L}\p{N}]/u.test(char);
}

const QUOTE_LENGTH = 100;
/** White space that is more, or other, than one space. */
const SPACED = /\s\s|[^\S ]/;

/**
 * A paragraph quoted in a message: whole when short, else the stretch around `figure` (the number as written) so
 * that the quote shows the figure and its words, cut with "…".
 */
function quote(text: string, figure?: string): string {
  // The body's figures keep their paragraph with its white space collapsed already.
  const flat = (SPACED.test(text) ? text.replace(/\s+/g, " ") : text).trim();
  if (flat.length <= QUOTE_LENGTH) return flat;
  const at = figure ? wholeNumberAt(flat, figure) : -1;
  if (at < 0) return `${flat.slice(0, QUOTE_LENGTH - 1).trimEnd()}…`;
  const start = Math.max(0, at - QUOTE_LENGTH / 2);
  const end = Math.min(flat.length, start + QUOTE_LENGTH);
  return `${start > 0 ? "…" : ""}${flat.slice(start, end).trim()}${end < flat.length ? "…" : ""}`;
}

function wholeNumberAt(text: string, number: string): number {
  for (let at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
    const before = text[at - 1] ?? " ";
    const after = text[at + number.length] ?? " ";
    if (
      !/[\d.,]/.test(before) &&
      !/\d/.test(after) &&
      !/[.,]\d/.test(text.slice(at + number.length, at + number.length + 2))
    )
      return at;
  }
  return -1;
}

/** Where a paragraph's figure came from, in both languages, the paragraph quoted around the figure. */
export function paragraphPlace(text: string, figure?: string): Place {
  const quoted = quote(text, figure);
  return { vi: `đoạn: "${quoted}"`, en: `paragraph: "${quoted}"` };
}

/** Reads a Word report held in memory into the grid the domain reads, with where each of its values came from. */
export function readWordReport(
  data: ArrayBuffer | Uint8Array,
  options: { probe?: ReadProbe; catalogue?: LoadedCatalogue } = {},
): WordReport {
  const bytes = ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
  const catalogue = options.catalogue ?? defaultCatalogue;
  const blocks = readDocxBody(bytes, options.probe);
  return wordReport(blocks, catalogue);
}

/** The grid and places of a document's blocks; the body's figures found by the catalogue's report wordings. */
export function wordReport(document: readonly Block[], catalogue: LoadedCatalogue): WordReport {
  const tabled = appendixTables(document, catalogue);
  // A document with an appendix table is read as it is: its tabbed lines, if any, are body text.
  const blocks = tabled.length ? document : withTabbedTables(document, catalogue);
  const tables = tabled.length ? tabled : appendixTables(blocks, catalogue);
  const firstTable = tables[0]?.index ?? blocks.length;
  const paragraphs = blocks.filter((block): block is Paragraph => block.kind === "paragraph");
  const body = blocks.slice(0, firstTable).filter((block): block is Paragraph => block.kind === "paragraph");
  const { figures, unread } = bodyFigures(body, catalogue.reportWordings, catalogue);

  const rows: (CellInput | undefined)[][] = [];
  const printed: (string | undefined)[] = [];
  const bodyRows = new Map<number, BodyFigure>();
  const written = new Map<number, string>();
  const put = (cells: Partial<Record<Role | "key", CellInput | undefined>>, code?: string) => {
    const row: (CellInput | undefined)[] = [];
    for (const [role, cell] of Object.entries(cells)) row[COLUMNS[role as Role | "key"]] = cell;
    rows.push(row);
    printed.push(code);
    return rows.length;
  };
  const text = (value: string) => (value ? cellInput(value) : undefined);

  // Rows 1–3: the title lines just above the table; row 4 the inputs the tools read back.
  const titles = blocks
    .slice(0, firstTable)
    .filter((block): block is Paragraph => block.kind === "paragraph" && block.text.trim() !== "")
    .slice(-3);
  for (let at = 0; at < 3; at++) put({ code: text(titles[at]?.text.trim() ?? "") });
  const unit = unitOf(paragraphs);
  const period = periodOf(paragraphs);
  const level = unit ? levelOfUnit(unit, period) : undefined;
  put({
    code: cellInput("Đơn vị báo cáo:"),
    label: text(unit ?? ""),
    value: text(level ? levelLabel(level) : ""),
    note: text(period ? periodLabel(period) : ""),
  });
  for (const { table, columns } of tables) {
    for (const row of table.rows) {
      if (isHeaderRow(row)) continue;
      const code = cellText(row, columns, "code");
      const value = cellText(row, columns, "value");
      const at = put(
        {
          code: text(code),
          label: text(cellText(row, columns, "label")),
          unit: text(cellText(row, columns, "unit")),
          value: wordValue(value),
          note: text(cellText(row, columns, "note")),
        },
        code,
      );
      if (value.trim()) written.set(at, value.replace(/\s+/g, " ").trim());
    }
  }
  put({});
  put({ code: cellInput("SỐ LIỆU NÊU TRONG PHẦN BÁO CÁO") });
  const keyed = tables.length === 0;
  if (keyed) rows[0]![COLUMNS.key] = cellInput(catalogue.templateVersion);
  // In the form's order, a row stated twice beside its first statement: the locating rules then see the same code
  // twice (a conflict when the values differ), never a later row's code taken for the next one still missing.
  const order = new Map(catalogue.rows.map((row, index) => [row.code, index]));
  const sorted = [...figures].sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
  for (const figure of sorted) {
    const row = catalogue.byCode.get(figure.code)!;
    const at = put({
      code: cellInput(row.code),
      label: cellInput(row.label.vi),
      value: wordValue(figure.written),
      // Only a report without a table is read by key: then its figures are all the appendix it has.
      key: keyed ? cellInput(row.code) : undefined,
    });
    bodyRows.set(at, figure);
    written.set(at, figure.written);
  }
  const grid = { name: WORD_SHEET, cells: rows, visibility: "visible", source: "word_report" } as const;
  return {
    grid,
    places: places(grid, printed, bodyRows, catalogue),
    fromText: new Set(bodyRows.keys()),
    written,
    hasTable: !keyed,
    figures,
    unread,
  };
}

function places(
  grid: WorkbookSheet,
  printed: readonly (string | undefined)[],
  bodyRows: ReadonlyMap<number, BodyFigure>,
  catalogue: LoadedCatalogue,
): Map<number, Place> {
  const codeAt = new Map<number, string>();
  const located = locateAppendix(grid, catalogue);
  for (const cell of located?.cells.values() ?? []) {
    codeAt.set(cell.row, cell.code);
    if (cell.conflict) codeAt.set(cell.conflict.row, cell.code);
  }
  const found = new Map<number, Place>();
  printed.forEach((typed, index) => {
    const row = index + 1;
    const figure = bodyRows.get(row);
    if (figure !== undefined) {
      found.set(row, paragraphPlace(figure.paragraph, figure.written));
      return;
    }
    if (typed === undefined) return;
    const code = codeAt.get(row) ?? normaliseCode(typed);
    const shown = typed.replace(/\s+/g, " ").trim();
    if (!code) return;
    const as = shown && normaliseCode(shown) !== code ? ` (in là "${shown}")` : "";
    const asEn = shown && normaliseCode(shown) !== code ? ` (printed "${shown}")` : "";
    found.set(row, { vi: `bảng phụ lục, dòng ${code}${as}`, en: `appendix table, row ${code}${asEn}` });
  });
  return found;
}
