import ExcelJS from "exceljs";
import { catalogue as defaultCatalogue } from "../../domain/catalogue";
import type { LoadedCatalogue } from "../../domain/catalogue";
import type { CellScalar } from "../../domain/cell";
import { isCellError } from "../../domain/cell";
import type { CellStyle, CellValidation, CellWrite, SheetSpec, SpecCell } from "../../workflows/port";
import { defaultSheetName, templateSpec } from "../../workflows/template-spec";
import type { TemplateOptions } from "../../workflows/template-spec";
import { carriedSheetSpec } from "../../workflows/carried-spec";
import type { OnTextCut } from "./text-limits";
import { TextLimiter } from "./text-limits";

// The exceljs host of the template: everything the sheet holds comes from the SheetSpec (src/workflows), so that
// this file and the Office.js adapter write the same sheet. Only what the spec cannot say is decided here.

/** The sheet name the template takes from a unit's name; kept here for the callers of templateWorkbook. */
export { defaultSheetName };

export { EXCEL_TEXT_LIMITS } from "./text-limits";
export type { OnTextCut, TextCut } from "./text-limits";

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
  workbook: ExcelJS.Workbook,
  spec: SheetSpec,
  onCut: OnTextCut,
): { worksheet: ExcelJS.Worksheet; limiter: TextLimiter } {
  const name = new TextLimiter(spec.name, onCut).fit(spec.name, "sheetName", "");
  const limiter = new TextLimiter(name, onCut);
  const worksheet = workbook.addWorksheet(name, {
    ...(spec.frozenRows ? { views: [{ state: "frozen", ySplit: spec.frozenRows }] } : {}),
    ...(spec.visibility && spec.visibility !== "visible" ? { state: spec.visibility } : {}),
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

/**
 * A new workbook holding one appendix sheet (see writeTemplateSheet), named after the unit unless told otherwise.
 * With `hash`, the form is a definition read from a file: F1 names it by id and hash, and the workbook carries it
 * in the very hidden `_cchc_mau` sheet, so that it is read against it without the file.
 */
export async function templateWorkbook(
  options: Omit<TemplateOptions, "sheetName"> & { readonly sheetName?: string },
  catalogue: LoadedCatalogue = defaultCatalogue,
  onCut?: OnTextCut,
  hash?: string,
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cchc-appendix";
  const sheet = { ...options, sheetName: options.sheetName ?? defaultSheetName(options.unit) };
  applySheetSpec(workbook, templateSpec(sheet, catalogue, hash), [], onCut);
  if (hash !== undefined) applySheetSpec(workbook, carriedSheetSpec([catalogue]), [], onCut);
  return workbook;
}
