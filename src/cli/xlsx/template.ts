import ExcelJS from "exceljs";
import { catalogue as defaultCatalogue } from "../../domain/catalogue";
import type { LoadedCatalogue } from "../../domain/catalogue";
import type { CellScalar } from "../../domain/cell";
import { isCellError } from "../../domain/cell";
import type { CellStyle, CellValidation, CellWrite, SheetSpec, SpecCell } from "../../workflows/port";
import { defaultSheetName, templateSpec } from "../../workflows/template-spec";
import type { TemplateOptions } from "../../workflows/template-spec";

// The exceljs host of the template: everything the sheet holds comes from the SheetSpec (src/workflows), so that
// this file and the Office.js adapter write the same sheet. Only what the spec cannot say is decided here.

/** The sheet name the template takes from a unit's name; kept here for the callers of templateWorkbook. */
export { defaultSheetName };

const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

// Page details the spec leaves to the host: margins in inches, the sheet centred across the page, a page number in
// the footer ("Trang 2/5").
const MARGINS = { left: 0.7, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const A4 = 9 as ExcelJS.PaperSize;

/**
 * Sets a worksheet's print area so that exceljs writes a valid `_xlnm.Print_Area` name with its localSheetId.
 * exceljs prefixes "$" to each corner of pageSetup.printArea as it writes, so "A1:E120" comes out as `$A1:$E120`,
 * which LibreOffice ignores; given "A$1:E$120" it writes `'Sheet'!$A$1:$E$120`. Call this again before writing a
 * workbook that exceljs has read, since reading gives back "A1:E120".
 */
export function setPrintArea(worksheet: ExcelJS.Worksheet, area: string): void {
  const corners = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(area);
  if (!corners) throw new RangeError(`Print area ${area} is not a range such as A1:E120`);
  const [, left, top, right, bottom] = corners;
  worksheet.pageSetup.printArea = `${left}$${top}:${right}$${bottom}`;
}

/**
 * Excel's limits on the texts this writer writes (Excel's "specifications and limits"; a file beyond them is one
 * Excel opens only by "repairing" it, dropping the text or the validation).
 */
export const EXCEL_TEXT_LIMITS = {
  cell: 32_767,
  sheetName: 31,
  note: 32_767,
  validationTitle: 32,
  validationMessage: 255,
  validationList: 255,
} as const;

/** A text the writer cut to one of Excel's limits, for the caller to say so. */
export interface TextCut {
  readonly sheet: string;
  /** "B3", or "" for the sheet's name. */
  readonly address: string;
  readonly kind: keyof typeof EXCEL_TEXT_LIMITS;
  /** The text's length before the cut, in UTF-16 units as Excel counts. */
  readonly length: number;
  readonly limit: number;
}

/** Told of every text cut to Excel's limits. */
export type OnTextCut = (cut: TextCut) => void;

/** `text` within `limit` UTF-16 units, ending in "…" when cut, never splitting a surrogate pair. */
function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
}

// What XML cannot hold (C0 controls but tab and line feed, U+FFFE, U+FFFF), the carriage return (which an XML
// parser turns into a line feed, XML 1.0 section 2.11: Excel writes it as _x000D_) and text that looks like the
// escape itself: OOXML writes all three as _xHHHH_, which Excel, exceljs and our reader decode. exceljs drops the
// first silently, lets a conformant reader change the second, and leaves the third for every reader to decode into
// another character.
const NEEDS_OOXML_ESCAPE = new RegExp(
  String.raw`_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b-\u001f\ufffe\uffff]`,
  "g",
);

/** A cell's text as OOXML stores it, so that every reader gets back exactly `text`. */
function ooxmlText(text: string): string {
  return text.replace(NEEDS_OOXML_ESCAPE, (match) =>
    match.length > 1
      ? `_x005F${match}`
      : `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

/** Cuts texts of one sheet to Excel's limits and reports each cut. */
class TextLimiter {
  constructor(
    private readonly sheet: string,
    private readonly onCut: OnTextCut,
  ) {}

  fit(text: string, kind: keyof typeof EXCEL_TEXT_LIMITS, address: string): string {
    const limit = EXCEL_TEXT_LIMITS[kind];
    if (text.length <= limit) return text;
    this.onCut({ sheet: this.sheet, address, kind, length: text.length, limit });
    return cutText(text, limit);
  }

  /** The text of a cell or a note: within its limit, then escaped as OOXML stores it. */
  cellText(text: string, kind: "cell" | "note", address: string): string {
    return ooxmlText(this.fit(text, kind, address));
  }

  /** Runs of rich text within one cell's limit, counted together as Excel counts them, and escaped as OOXML. */
  fitRuns<Run extends { text: string }>(runs: readonly Run[], address: string): Run[] {
    const length = runs.reduce((sum, run) => sum + run.text.length, 0);
    const limit = EXCEL_TEXT_LIMITS.cell;
    if (length <= limit) return runs.map((run) => ({ ...run, text: ooxmlText(run.text) }));
    this.onCut({ sheet: this.sheet, address, kind: "cell", length, limit });
    const kept: Run[] = [];
    let room = limit;
    for (const run of runs) {
      if (room <= 0) break;
      const text = run.text.length < room ? run.text : cutText(run.text, room);
      kept.push({ ...run, text: ooxmlText(text) });
      room -= text.length;
    }
    return kept;
  }
}

/** exceljs's ARGB colour for the spec's "#RRGGBB". */
function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

function font(spec: SheetSpec, style: CellStyle, run: { bold?: boolean; italic?: boolean } = style) {
  return {
    name: spec.font.name,
    size: style.size ?? spec.font.size,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italic: true } : {}),
    ...(style.color ? { color: { argb: argb(style.color) } } : {}),
  };
}

function contentOf(spec: SheetSpec, cell: SpecCell, limiter: TextLimiter): ExcelJS.CellValue | undefined {
  if (cell.formula !== undefined)
    return { formula: cell.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  if (cell.richText) {
    const style = cell.style ?? {};
    const runs = limiter.fitRuns(cell.richText, cell.address);
    return { richText: runs.map((run) => ({ text: run.text, font: font(spec, style, run) })) };
  }
  return typeof cell.value === "string" ? limiter.cellText(cell.value, "cell", cell.address) : cell.value;
}

/** A literal list within Excel's limit, cut after its last whole item. */
function fitList(list: string, limiter: TextLimiter, address: string): string {
  const fitted = limiter.fit(list, "validationList", address);
  if (fitted === list) return list;
  const lastComma = fitted.lastIndexOf(",");
  return lastComma > 0 ? fitted.slice(0, lastComma) : fitted.slice(0, -1);
}

function dataValidation(
  validation: CellValidation,
  limiter: TextLimiter,
  address: string,
): ExcelJS.DataValidation {
  const { min, max } = validation;
  const rule: Pick<ExcelJS.DataValidation, "type" | "operator" | "formulae"> =
    validation.type === "list"
      ? {
          type: "list",
          // A range is given with its "="; exceljs wants it bare, and literal values inside quotes.
          formulae: [
            validation.list?.startsWith("=")
              ? validation.list.slice(1)
              : `"${fitList(validation.list ?? "", limiter, address)}"`,
          ],
        }
      : min !== undefined && max !== undefined
        ? { type: validation.type, operator: "between", formulae: [min, max] }
        : min !== undefined
          ? { type: validation.type, operator: "greaterThanOrEqual", formulae: [min] }
          : { type: validation.type, operator: "lessThanOrEqual", formulae: [max ?? 0] };
  return {
    ...rule,
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    errorStyle: "stop",
    promptTitle: limiter.fit(validation.prompt.title, "validationTitle", address),
    prompt: limiter.fit(validation.prompt.message, "validationMessage", address),
    errorTitle: limiter.fit(validation.error.title, "validationTitle", address),
    error: limiter.fit(validation.error.message, "validationMessage", address),
  };
}

function writeSpecCell(
  worksheet: ExcelJS.Worksheet,
  spec: SheetSpec,
  specCell: SpecCell,
  limiter: TextLimiter,
): void {
  const cell = worksheet.getCell(specCell.address);
  const content = contentOf(spec, specCell, limiter);
  if (content !== undefined) cell.value = content;
  const style = specCell.style;
  if (style) {
    cell.font = font(spec, style);
    cell.alignment = {
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
    if (style.border) cell.border = BOX;
    if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  }
  if (specCell.numberFormat) cell.numFmt = specCell.numberFormat;
  if (specCell.locked === false) cell.protection = { locked: false };
  if (specCell.validation)
    cell.dataValidation = dataValidation(specCell.validation, limiter, specCell.address);
  if (specCell.note) cell.note = limiter.cellText(specCell.note, "note", specCell.address);
}

function scalarValue(value: CellScalar, limiter: TextLimiter, address: string): ExcelJS.CellValue {
  if (typeof value === "string") return limiter.cellText(value, "cell", address);
  return value !== null && isCellError(value)
    ? { error: value.error as ExcelJS.CellErrorValue["error"] }
    : value;
}

function writeValue(worksheet: ExcelJS.Worksheet, write: CellWrite, limiter: TextLimiter): void {
  const cell = worksheet.getCell(write.address);
  if (write.formula !== undefined) cell.value = { formula: write.formula.replace(/^=/, "") };
  else if (write.value !== undefined) cell.value = scalarValue(write.value, limiter, write.address);
  if (write.numberFormat !== undefined) cell.numFmt = write.numberFormat;
}

/** A spec's print set-up as exceljs holds it, and its footer ("Trang 1/3"). */
function pageSetupOf(
  spec: SheetSpec,
  print: NonNullable<SheetSpec["print"]>,
): { pageSetup: Partial<ExcelJS.PageSetup>; oddFooter: string } {
  const fitted = print.fitToWidth === 1;
  return {
    pageSetup: {
      paperSize: A4,
      orientation: print.orientation,
      fitToPage: fitted,
      ...(fitted
        ? { fitToWidth: print.fitToWidth, fitToHeight: print.fitToHeight }
        : { scale: print.scale ?? 100 }),
      horizontalCentered: fitted,
      margins: MARGINS,
      printTitlesRow: print.titleRows,
      ...(print.titleColumns ? { printTitlesColumn: print.titleColumns } : {}),
    } satisfies Partial<ExcelJS.PageSetup>,
    oddFooter: `&C&"${spec.font.name}"&10Trang &P/&N`,
  };
}

function setUpPage(
  worksheet: ExcelJS.Worksheet,
  spec: SheetSpec,
  print: NonNullable<SheetSpec["print"]>,
): void {
  const { pageSetup, oddFooter } = pageSetupOf(spec, print);
  Object.assign(worksheet.pageSetup, pageSetup);
  setPrintArea(worksheet, print.area);
  worksheet.headerFooter.oddFooter = oddFooter;
}

/**
 * Adds a worksheet to a workbook exactly as a SheetSpec describes it (cells with their values, rich text,
 * formulas, number formats, styles, fills, notes, locks and validations; merges, columns, row heights, frozen rows,
 * print set-up, protection without a password), then writes `values` over it: a value replaces the spec's formula
 * in its cell. Texts beyond Excel's limits (EXCEL_TEXT_LIMITS) are cut, ending in "…", and reported to `onCut`;
 * cell and note texts are held escaped as OOXML stores them (_xHHHH_), so that the written file reads back exactly.
 */
export function applySheetSpec(
  workbook: ExcelJS.Workbook,
  spec: SheetSpec,
  values: readonly CellWrite[] = [],
  onCut: OnTextCut = () => undefined,
): ExcelJS.Worksheet {
  const { worksheet, limiter } = startSheet(workbook, spec, onCut);
  for (const cell of spec.cells) writeSpecCell(worksheet, spec, cell, limiter);
  for (const [row, height] of Object.entries(spec.rowHeights)) worksheet.getRow(Number(row)).height = height;
  for (const write of values) writeValue(worksheet, write, limiter);
  const hasFormula = spec.cells.some((cell) => cell.formula) || values.some((write) => write.formula);
  // Formulas carry no cached result: ask Excel to compute them when the file opens.
  if (hasFormula) workbook.calcProperties.fullCalcOnLoad = true;
  finishSheet(worksheet, spec);
  return worksheet;
}

/** The sheet a spec describes, named, with its columns and merges: what comes before its cells. */
function startSheet(
  workbook: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter,
  spec: SheetSpec,
  onCut: OnTextCut,
  options: Partial<ExcelJS.AddWorksheetOptions> = {},
): { worksheet: ExcelJS.Worksheet; limiter: TextLimiter } {
  const name = new TextLimiter(spec.name, onCut).fit(spec.name, "sheetName", "");
  const limiter = new TextLimiter(name, onCut);
  const worksheet = workbook.addWorksheet(name, {
    ...(spec.frozenRows ? { views: [{ state: "frozen", ySplit: spec.frozenRows }] } : {}),
    ...options,
  });
  spec.columns.forEach((column, index) => {
    const target = worksheet.getColumn(index + 1);
    target.width = column.width;
    target.font = { name: spec.font.name, size: spec.font.size };
    if (column.hidden) target.hidden = true;
  });
  // Merged first: exceljs gives the covered cells the style of the top-left cell when merging, and the spec may
  // style them otherwise.
  for (const range of spec.merges) worksheet.mergeCells(range);
  return { worksheet, limiter };
}

/** What comes after a sheet's cells: its print set-up and protection. */
function finishSheet(worksheet: ExcelJS.Worksheet, spec: SheetSpec): void {
  if (spec.print) setUpPage(worksheet, spec, spec.print);
  if (spec.protection) {
    const formatting = spec.protection.allowFormatting;
    // Without a password exceljs sets the protection synchronously, inside the promise's executor.
    void worksheet.protect("", {
      formatCells: formatting,
      formatColumns: formatting,
      formatRows: formatting,
    });
  }
}

/**
 * Writes a sheet as applySheetSpec does (without values over it) into a streaming workbook writer: its cells row
 * by row, each row committed (written out and let go) once its last cell is in, so that a sheet of a million cells
 * never sits in memory as exceljs's cells. A spec holding formulas is refused: the streaming writer cannot ask
 * Excel to compute them on opening.
 */
export function streamSheetSpec(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: SheetSpec,
  onCut: OnTextCut = () => undefined,
): void {
  if (spec.cells.some((cell) => cell.formula)) throw new Error(`${spec.name} holds formulas`);
  // A streamed sheet's properties (fitting to the page among them) are written as it is added: its print set-up
  // goes with it.
  const page = spec.print && pageSetupOf(spec, spec.print);
  const { worksheet, limiter } = startSheet(
    workbook,
    spec,
    onCut,
    page ? { pageSetup: page.pageSetup, headerFooter: { oddFooter: page.oddFooter } } : {},
  );
  const byRow = new Map<number, SpecCell[]>();
  for (const cell of spec.cells) {
    const row = Number(/\d+$/.exec(cell.address)?.[0]);
    const cells = byRow.get(row);
    if (cells) cells.push(cell);
    else byRow.set(row, [cell]);
  }
  const heights = new Map(Object.entries(spec.rowHeights).map(([row, height]) => [Number(row), height]));
  const rows = [...new Set([...byRow.keys(), ...heights.keys()])].sort((a, b) => a - b);
  // Rows are written out in order: the print set-up, which names no cell, is set before any is.
  finishSheet(worksheet, spec);
  for (const number of rows) {
    for (const cell of byRow.get(number) ?? []) writeSpecCell(worksheet, spec, cell, limiter);
    const row = worksheet.getRow(number);
    const height = heights.get(number);
    if (height !== undefined) row.height = height;
    row.commit();
  }
  worksheet.commit();
}

/**
 * Adds one appendix sheet to a workbook exactly as DESIGN.md section 3 lays it out (see templateSpec). Throws
 * SheetNameError (a BilingualError) for an invalid sheet name and InvalidMetaError for an invalid level or period.
 */
export function writeTemplateSheet(
  workbook: ExcelJS.Workbook,
  options: TemplateOptions,
  catalogue: LoadedCatalogue = defaultCatalogue,
  onCut?: OnTextCut,
): ExcelJS.Worksheet {
  return applySheetSpec(workbook, templateSpec(options, catalogue), [], onCut);
}

/** A new workbook holding one appendix sheet (see writeTemplateSheet), named after the unit unless told otherwise. */
export async function templateWorkbook(
  options: Omit<TemplateOptions, "sheetName"> & { readonly sheetName?: string },
  catalogue: LoadedCatalogue = defaultCatalogue,
  onCut?: OnTextCut,
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cchc-appendix";
  writeTemplateSheet(
    workbook,
    { ...options, sheetName: options.sheetName ?? defaultSheetName(options.unit) },
    catalogue,
    onCut,
  );
  return workbook;
}
