import type { Bilingual, RowDef } from "../domain/catalogue";
import { columnLetter } from "../domain/cell";
import { COLUMNS, sheetLayout } from "../domain/layout";
import { periodLabel } from "../domain/meta";
import type { SummaryColumn, SummaryTable } from "../domain/messages";
import { labelIn, labelText } from "../domain/messages/labels";
import { PERCENT_SCALE } from "../domain/values";
import type { Consolidation, RowTotal } from "./consolidate";
import {
  levelName,
  periodName,
  roleName,
  SUMMARY_MARKER,
  SUMMARY_VERSION_ROW,
  UNIT_FIGURES_HEADER,
} from "./consolidate";
import type { CellStyle, SheetSpec, SpecCell } from "./port";
import { SUMMARY_SHEETS } from "./summary-sheets";
import { templateSpec } from "./template-spec";

// The summary of a consolidation (issue 5) as host-neutral sheets, as templateSpec is for the appendix: exceljs
// writes them into the CLI's summary file, Office.js into the open workbook, the preview into its own. Every sheet
// carries SUMMARY_MARKER in F1, so that a summary fed back as input is set aside, never summed again. Text that
// comes from the units' files (names, notes, the messages that quote them) is only ever a cell's value, never a
// formula: exceljs writes strings as shared strings and Office.js gets them behind an apostrophe when they start
// with = + - @, so "=HYPERLINK(…)" in a unit name stays text. No cell here holds a formula at all.

export { SUMMARY_SHEETS } from "./summary-sheets";

/** One of the summary's sheets. */
export type SummarySheetKey = keyof typeof SUMMARY_SHEETS;

/** The summary's sheets in the order they are written. */
export const SUMMARY_SHEET_KEYS = Object.keys(SUMMARY_SHEETS) as readonly SummarySheetKey[];

/** How the summary is written. */
export interface SummaryOptions {
  /** The sheets' names, SUMMARY_SHEETS by default; the pane makes them unique among the open workbook's sheets. */
  readonly names?: Partial<Readonly<Record<SummarySheetKey, string>>>;
}

/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32_767;
const FONT = { name: "Times New Roman", size: 12 } as const;
const FLAG_FILL = "#FFC7CE";
const HEADER_FILL = "#D9E1F2";
const ERROR_COLOUR = "#9C0006";
const MARKER_COLOUR = "#BFBFBF";
const LINE_HEIGHT = 15.75;
/** Excel's tallest row, in points: text that needs more is cut off, on screen and on paper. */
const MAX_ROW_HEIGHT = 409;
/** Lines of wrapped text a row of at most MAX_ROW_HEIGHT shows whole. */
const MAX_ROW_LINES = Math.floor((MAX_ROW_HEIGHT - 3) / LINE_HEIGHT);
/**
 * Characters of Times New Roman 12 pt that a wrapped line holds per unit of column width, rounded down so that an
 * estimate never loses a line (the template's columns hold about one character per unit).
 */
const CHARS_PER_WIDTH = 1;
/** The form's note column: wider than the appendix's, since it holds the remarks on every total. */
const FORM_NOTE_WIDTH = 44;

// Table cells read from the top and wrap, as a column of long messages needs.
const BODY: CellStyle = { vertical: "top", wrap: true };
const ERROR: CellStyle = { ...BODY, bold: true, color: ERROR_COLOUR };
const LINE: CellStyle = { vertical: "top" };
const HEADER: CellStyle = {
  bold: true,
  fill: HEADER_FILL,
  vertical: "middle",
  horizontal: "center",
  wrap: true,
};
const CODE_HEADER: CellStyle = { bold: true, fill: HEADER_FILL };
const CODE_WIDTH = 9;

/** Text as a cell holds it: cut to what a cell takes; undefined for nothing to write. */
function text(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value.slice(0, MAX_CELL_TEXT);
}

function both(value: Bilingual): string {
  return value.vi === value.en ? value.vi : `${value.vi}\n${value.en}`;
}

/** Characters a wrapped line holds in a column of `width`. */
function charsIn(width: number): number {
  return Math.max(1, Math.floor(width * CHARS_PER_WIDTH));
}

/**
 * Lines one paragraph needs when wrapped at spaces in lines of `chars` characters (a longer word is broken). Read
 * character by character, without splitting: every unit's letter is measured, and a split's words were a tenth of
 * a national summary's garbage.
 */
function paragraphLines(paragraph: string, chars: number): number {
  let lines = 1;
  let used = 0;
  let word = 0;
  const place = () => {
    if (used === 0) used = word;
    else if (used + 1 + word <= chars) used += 1 + word;
    else {
      lines++;
      used = word;
    }
    while (used > chars) {
      lines++;
      used -= chars;
    }
    word = 0;
  };
  for (let at = 0; at < paragraph.length; at++) {
    const code = paragraph.charCodeAt(at);
    if (code === 32) place();
    // A character outside the basic plane is two UTF-16 units: counted once, at its second.
    else if (code < 0xd800 || code > 0xdbff) word++;
  }
  place();
  return lines;
}

/** Lines a wrapped text needs in a column holding `chars` characters per line. */
function linesFor(value: string, chars: number): number {
  return value.split("\n").reduce((sum, paragraph) => sum + paragraphLines(paragraph, chars), 0);
}

function heightFor(lines: number): number {
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3);
}

/**
 * A text cut into pieces that each fit one row (MAX_ROW_LINES lines of `chars` characters), between paragraphs, or
 * between words when one paragraph alone is longer: a text longer than a row shows whole over several rows, where
 * one row would cut it off.
 */
function rowPieces(value: string, chars: number): string[] {
  const pieces: string[] = [];
  let piece: string[] = [];
  let lines = 0;
  const flush = () => {
    if (piece.length) pieces.push(piece.join("\n"));
    piece = [];
    lines = 0;
  };
  for (const paragraph of value.split("\n")) {
    const needed = paragraphLines(paragraph, chars);
    if (needed > MAX_ROW_LINES) {
      flush();
      let words: string[] = [];
      for (const word of paragraph.split(" ")) {
        if (words.length && paragraphLines([...words, word].join(" "), chars) > MAX_ROW_LINES) {
          pieces.push(words.join(" "));
          words = [];
        }
        words.push(word);
      }
      piece = [words.join(" ")];
      lines = paragraphLines(piece[0]!, chars);
      continue;
    }
    if (lines + needed > MAX_ROW_LINES) flush();
    piece.push(paragraph);
    lines += needed;
  }
  flush();
  return pieces;
}

function excelAmount(row: RowDef, total: RowTotal): number | undefined {
  if (total.amount === undefined) return undefined;
  if (row.kind !== "percent") return total.amount;
  // A recomputed rate is written exactly, not at the four decimals amounts keep.
  if (total.ratio) return total.ratio.numerator / total.ratio.denominator;
  return total.amount / (100 * PERCENT_SCALE);
}

/** A template cell with new content: its style, lock and validation stay, its text, rich text or formula go. */
function withContent(
  cell: SpecCell | undefined,
  address: string,
  value: string | number | undefined,
): SpecCell {
  const kept: SpecCell = cell ?? { address };
  const { value: _value, richText: _richText, formula: _formula, ...rest } = kept;
  return value === undefined ? rest : { ...rest, value };
}

function formSpec(consolidation: Consolidation, name: string): SheetSpec {
  const { catalogue } = consolidation;
  const included = consolidation.units.filter((unit) => unit.included);
  const withErrors = included.filter((unit) => unit.counts.error > 0).length;
  const template = templateSpec(
    // The template needs a period to print; a summary without one gets its E4 cleared below.
    {
      sheetName: name,
      unit: labelIn("summary_province", {}, "vi"),
      level: "so",
      period: consolidation.period ?? "2021",
    },
    catalogue,
  );
  const layout = sheetLayout(catalogue);
  const key = columnLetter(COLUMNS.key);
  const value = columnLetter(COLUMNS.value);
  const note = columnLetter(COLUMNS.note);
  const content = new Map<string, string | number | undefined>([
    [`${key}1`, SUMMARY_MARKER],
    // The lead form as its appendices' F1 names it (a definition's id and hash), so that it is read back by that form.
    [`${key}${SUMMARY_VERSION_ROW}`, consolidation.forms[0]?.key ?? consolidation.templateVersion],
    // The form sheet is the official form, in Vietnamese as the form is.
    [
      "A2",
      text(labelIn("summary_form_title", { title: catalogue.title.vi, titleEn: catalogue.title.en }, "vi")),
    ],
    ["A3", text(labelIn("summary_form_source", { units: included.length, withErrors }, "vi"))],
    [
      `${columnLetter(COLUMNS.label)}${layout.inputRow}`,
      labelIn("summary_province_units", { units: included.length }, "vi"),
    ],
    [`${value}${layout.inputRow}`, labelIn("summary_province", {}, "vi")],
    [`${note}${layout.inputRow}`, consolidation.period ? periodLabel(consolidation.period) : undefined],
  ]);
  const flags = new Map<string, string>();
  const heights: Record<number, number> = { ...template.rowHeights };
  const totals = new Map(consolidation.totals.map((total) => [total.code, total]));
  for (const row of catalogue.valueRows) {
    const at = layout.rowOf.get(row.code);
    if (at === undefined) continue;
    const total = totals.get(row.code);
    // The template's live formulas would recompute a rate from the province's summed source block, which mixes
    // levels (3.4.1 counts departments only): the summary holds values.
    content.set(`${value}${at}`, total ? excelAmount(row, total) : undefined);
    if (!total) continue;
    const remark = total.remark.vi;
    content.set(`${note}${at}`, text(remark));
    if (remark)
      heights[at] = Math.max(heights[at] ?? 0, heightFor(linesFor(remark, charsIn(FORM_NOTE_WIDTH))));
    if (total.flag) flags.set(`${value}${at}`, both(total.flag));
  }

  const cells = template.cells.map((cell) => {
    const changed = content.has(cell.address)
      ? withContent(cell, cell.address, content.get(cell.address))
      : cell;
    content.delete(cell.address);
    const flag = flags.get(cell.address);
    return flag ? { ...changed, style: { ...changed.style, fill: FLAG_FILL }, note: flag } : changed;
  });
  for (const [address, added] of content) if (added !== undefined) cells.push({ address, value: added });
  const columns = template.columns.map((column, index) =>
    index === COLUMNS.note ? { ...column, width: Math.max(column.width, FORM_NOTE_WIDTH) } : column,
  );
  return { ...template, columns, rowHeights: heights, cells };
}

interface Column {
  /** The column's header: a kind of header, or a text fixed by the workbook's contract. */
  readonly column: SummaryColumn | { readonly fixed: string };
  readonly width: number;
}

/** How a table prints: always fitted to A4's width except the figures, with its title and header on every page. */
interface TablePrint {
  readonly orientation: "portrait" | "landscape";
  /** Columns printed from A: the Vietnamese ones (the English ones stay on screen). */
  readonly columns: number;
  /** Columns repeated on every page, "A:A"; the table is then printed at SPREAD_SCALE over pages across. */
  readonly titleColumns?: string;
}

/** The scale of a table too wide to fit one page across (the figures: a column per indicator). */
const SPREAD_SCALE = 70;

/** A table sheet being built: title in row 1 (with the marker in F1), bilingual headers in row 2, rows below. */
class Table {
  readonly cells: SpecCell[] = [];
  readonly heights: Record<number, number> = { 2: 2 * LINE_HEIGHT + 3 };
  private readonly widths: number[];
  private lastRow = 2;

  constructor(
    private readonly name: string,
    table: SummaryTable,
    columns: readonly Column[],
  ) {
    const title = labelText("summary_title", { table });
    this.widths = columns.map((column) => column.width);
    this.cells.push({
      address: "A1",
      value: `${title.vi} / ${title.en}`,
      style: { bold: true, size: 13, vertical: "middle", wrap: false },
    });
    this.cells.push({
      address: `${columnLetter(COLUMNS.key)}1`,
      value: SUMMARY_MARKER,
      style: { ...BODY, size: 8, color: MARKER_COLOUR },
    });
    columns.forEach((column, index) =>
      this.header(
        index,
        typeof column.column === "string"
          ? both(labelText("summary_header", { column: column.column }))
          : column.column.fixed,
      ),
    );
  }

  /** A header cell of row 2. */
  header(column: number, value: string): void {
    const content = text(value);
    this.cells.push({
      address: `${columnLetter(column)}2`,
      ...(content !== undefined ? { value: content } : {}),
      style: HEADER,
    });
  }

  /** A narrow column past the declared ones, headed by an indicator's code with its label as a note. */
  codeColumn(column: number, code: string, note: string): void {
    this.cells.push({ address: `${columnLetter(column)}2`, value: code, note, style: CODE_HEADER });
    this.widths[column] = CODE_WIDTH;
  }

  /** A body cell: text as text, numbers as numbers; nothing for an empty text. */
  put(
    row: number,
    column: number,
    value: string | number | undefined,
    style: CellStyle | undefined = BODY,
  ): void {
    const content = typeof value === "string" ? text(value) : value;
    if (content === undefined) return;
    this.lastRow = Math.max(this.lastRow, row);
    // A wrapped text gets the height it needs, so that it prints whole (no host sizes rows on opening a file).
    if (typeof content === "string" && style?.wrap) {
      this.grow(row, linesFor(content, charsIn(this.widths[column] ?? CODE_WIDTH)));
    }
    this.cells.push({
      address: `${columnLetter(column)}${row}`,
      value: content,
      ...(style ? { style } : {}),
    });
  }

  /** A number with its format, unstyled (the per-unit figures). */
  figure(row: number, column: number, value: number, numberFormat?: string): void {
    this.lastRow = Math.max(this.lastRow, row);
    this.cells.push({
      address: `${columnLetter(column)}${row}`,
      value,
      ...(numberFormat ? { numberFormat } : {}),
    });
  }

  grow(row: number, lines: number): void {
    this.heights[row] = Math.max(this.heights[row] ?? 0, heightFor(lines));
  }

  /** The characters a wrapped line of a column holds. */
  charsOf(column: number): number {
    return charsIn(this.widths[column] ?? CODE_WIDTH);
  }

  spec(print: TablePrint): SheetSpec {
    const last = columnLetter(Math.min(print.columns, this.widths.length) - 1);
    return {
      name: this.name,
      font: { ...FONT },
      columns: Array.from(this.widths, (width) => ({ width: width ?? CODE_WIDTH })),
      rowHeights: this.heights,
      cells: this.cells,
      merges: [],
      frozenRows: 2,
      print: {
        area: `A1:${last}${this.lastRow}`,
        titleRows: "1:2",
        ...(print.titleColumns ? { titleColumns: print.titleColumns } : {}),
        orientation: print.orientation,
        paper: "A4",
        fitToWidth: print.titleColumns ? 0 : 1,
        fitToHeight: 0,
        ...(print.titleColumns ? { scale: SPREAD_SCALE } : {}),
      },
    };
  }
}

function unitsSpec(consolidation: Consolidation, name: string): SheetSpec {
  const table = new Table(name, "units", [
    { column: "unit", width: 40 },
    { column: "level", width: 12 },
    { column: "period", width: 14 },
    { column: "verdict", width: 16 },
    { column: "errors", width: 9 },
    { column: "warnings", width: 11 },
    { column: "failed_rules", width: 50 },
    { column: "role", width: 24 },
    { column: "file", width: 28 },
    { column: "sheet", width: 18 },
    { column: "counted", width: 12 },
    { column: "form", width: 24 },
  ]);
  consolidation.units.forEach((unit, index) => {
    const row = index + 3;
    const flagged = unit.counts.error > 0 ? ERROR : BODY;
    table.put(row, 0, unit.unit);
    table.put(row, 1, levelName(unit.level, "vi"));
    table.put(row, 2, periodName(unit.period, "vi"));
    table.put(row, 3, labelIn("summary_verdict", { verdict: unit.verdict }, "vi"), flagged);
    table.put(row, 4, unit.counts.error, flagged);
    table.put(row, 5, unit.counts.warning);
    table.put(row, 6, unit.failedRules.join(", "));
    table.put(
      row,
      7,
      unit.role
        ? roleName(unit.role, "vi", unit.period ?? consolidation.period, consolidation.catalogue.roles)
        : undefined,
    );
    table.put(row, 8, unit.file);
    table.put(row, 9, unit.sheet);
    table.put(row, 10, labelIn("summary_counted", { counted: unit.included }, "vi"));
    table.put(row, 11, unit.form);
  });
  return table.spec({ orientation: "landscape", columns: 12 });
}

function missingSpec(consolidation: Consolidation, name: string): SheetSpec {
  const table = new Table(name, "missing", [
    { column: "unit_or_file", width: 45 },
    { column: "sheet", width: 20 },
    { column: "reason", width: 60 },
    { column: "reason_en", width: 60 },
  ]);
  let row = 3;
  for (const unit of consolidation.missingUnits) {
    table.put(row, 0, unit);
    table.put(row, 2, labelIn("summary_missing_unit", {}, "vi"));
    table.put(row, 3, labelIn("summary_missing_unit", {}, "en"));
    row++;
  }
  for (const excluded of consolidation.excluded) {
    table.put(row, 0, excluded.file);
    table.put(row, 1, excluded.sheet);
    const reason = excluded.inSummary ?? excluded.reason;
    table.put(row, 2, reason.vi);
    table.put(row, 3, reason.en);
    row++;
  }
  return table.spec({ orientation: "landscape", columns: 3 });
}

function requestsSpec(consolidation: Consolidation, name: string): SheetSpec {
  const table = new Table(name, "requests", [
    { column: "unit", width: 32 },
    { column: "file", width: 24 },
    { column: "errors", width: 9 },
    { column: "warnings", width: 11 },
    { column: "request", width: 100 },
    { column: "request_en", width: 100 },
  ]);
  let row = 3;
  // The corrections first, then the letters that only ask to look again.
  for (const request of [...consolidation.requests, ...consolidation.reviews]) {
    table.put(row, 1, request.file);
    table.put(row, 2, request.items.filter((item) => item.severity === "error").length);
    table.put(row, 3, request.items.filter((item) => item.severity === "warning").length);
    // A letter taller than a row goes on over the rows below, its unit named on each.
    const vi = rowPieces(request.text.vi, table.charsOf(4));
    const en = rowPieces(request.text.en, table.charsOf(5));
    for (let piece = 0; piece < Math.max(vi.length, en.length); piece++) {
      table.put(row, 0, request.unit);
      table.put(row, 4, vi[piece]);
      table.put(row, 5, en[piece]);
      row++;
    }
  }
  return table.spec({ orientation: "landscape", columns: 5 });
}

function nonAggregableSpec(consolidation: Consolidation, name: string): SheetSpec {
  const { catalogue } = consolidation;
  const table = new Table(name, "nonAggregable", [
    { column: "unit", width: 36 },
    { column: "code", width: 10 },
    { column: "indicator", width: 60 },
    { column: "value", width: 18 },
    { column: "reason", width: 60 },
    { column: "reason_en", width: 60 },
  ]);
  consolidation.nonAggregable.forEach((entry, index) => {
    const row = index + 3;
    table.put(row, 0, entry.unit);
    table.put(row, 1, entry.code);
    table.put(row, 2, catalogue.byCode.get(entry.code)?.label.vi.replace(/<\/?i>/g, ""));
    table.put(row, 3, entry.display.vi);
    table.put(row, 4, entry.reason.vi);
    table.put(row, 5, entry.reason.en);
  });
  return table.spec({ orientation: "landscape", columns: 5 });
}

function issuesSpec(consolidation: Consolidation, name: string): SheetSpec {
  const table = new Table(name, "issues", [
    { column: "severity", width: 11 },
    { column: "unit", width: 32 },
    { column: "codes", width: 16 },
    { column: "cell", width: 22 },
    { column: "message", width: 80 },
    { column: "message_en", width: 80 },
  ]);
  consolidation.issues.forEach((issue, index) => {
    const row = index + 3;
    const severity = labelIn("severity", { severity: issue.severity }, "vi");
    table.put(row, 0, severity, issue.severity === "error" ? ERROR : BODY);
    table.put(row, 1, issue.unit);
    table.put(row, 2, issue.codes.join(", "));
    table.put(row, 3, issue.cell);
    table.put(row, 4, issue.message.vi);
    table.put(row, 5, issue.message.en);
  });
  return table.spec({ orientation: "landscape", columns: 5 });
}

/** Columns before the first code on the figures sheet; F stays empty so that F1 holds only the marker. */
const FIGURES_FIRST_CODE_COLUMN = 6;

function figuresSpec(consolidation: Consolidation, name: string): SheetSpec {
  const { catalogue } = consolidation;
  const table = new Table(name, "figures", [
    // A2 must be the bare UNIT_FIGURES_HEADER: a later period finds this table by it (previousFigures).
    { column: { fixed: UNIT_FIGURES_HEADER }, width: 44 },
    { column: "level", width: 12 },
    { column: "period", width: 14 },
    { column: "file", width: 24 },
    { column: "sheet", width: 16 },
    { column: { fixed: "" }, width: 2 },
  ]);
  const rows = consolidation.valueCodes.map((code) => catalogue.byCode.get(code));
  rows.forEach((row, index) => {
    if (!row) return;
    const note = `${row.label.vi.replace(/<\/?i>/g, "")}\n${row.label.en}`;
    table.codeColumn(FIGURES_FIRST_CODE_COLUMN + index, row.code, note);
  });
  let at = 3;
  for (const unit of consolidation.units) {
    if (!unit.included) continue;
    const line = at++;
    // One line per unit, so that a page holds forty of them: a table of figures is read across, not down.
    table.put(line, 0, unit.unit, LINE);
    table.put(line, 1, levelName(unit.level, "vi"), LINE);
    table.put(line, 2, periodName(unit.period, "vi"), LINE);
    table.put(line, 3, unit.file, LINE);
    table.put(line, 4, unit.sheet, LINE);
    unit.amounts.forEach((amount, index) => {
      const row = rows[index];
      if (amount === undefined || !row) return;
      const column = FIGURES_FIRST_CODE_COLUMN + index;
      if (row.kind === "percent") table.figure(line, column, amount / (100 * PERCENT_SCALE), "0.00%");
      else table.figure(line, column, amount);
    });
  }
  return table.spec({ orientation: "landscape", columns: Number.MAX_SAFE_INTEGER, titleColumns: "A:A" });
}

const BUILDERS: Readonly<Record<SummarySheetKey, (consolidation: Consolidation, name: string) => SheetSpec>> =
  {
    form: formSpec,
    units: unitsSpec,
    missing: missingSpec,
    requests: requestsSpec,
    nonAggregable: nonAggregableSpec,
    issues: issuesSpec,
    figures: figuresSpec,
  };

/**
 * The summary of a consolidation as sheets any host writes, in SUMMARY_SHEET_KEYS order: the official form with the
 * province's figures (a total that includes a unit with errors filled and annotated), the units, the missing units
 * and files, one correction request per unit, the values listed rather than aggregated, the consolidation's own
 * findings, and every unit's figures. Every sheet holds SUMMARY_MARKER in F1; only the form is protected.
 */
export function summarySpecs(consolidation: Consolidation, options: SummaryOptions = {}): SheetSpec[] {
  return SUMMARY_SHEET_KEYS.map((key) => summarySheetSpec(consolidation, key, options));
}

/**
 * One sheet of the summary (see summarySpecs): a writer that streams builds each sheet in turn and lets it go,
 * since a national summary's sheet of every unit's figures alone is hundreds of megabytes as cells.
 */
export function summarySheetSpec(
  consolidation: Consolidation,
  key: SummarySheetKey,
  options: SummaryOptions = {},
): SheetSpec {
  return BUILDERS[key](consolidation, options.names?.[key] ?? SUMMARY_SHEETS[key]);
}
