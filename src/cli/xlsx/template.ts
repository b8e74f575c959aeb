import ExcelJS from "exceljs";
import { catalogue as defaultCatalogue } from "../../domain/catalogue";
import type { Level, LoadedCatalogue, RowDef } from "../../domain/catalogue";
import { derivedFormula, sheetLayout } from "../../domain/layout";
import type { SheetLayout } from "../../domain/layout";
import { LEVEL_LABELS_IN_ORDER, levelLabel, periodLabel } from "../../domain/meta";

/** What the template needs to know about the reporting unit it is written for. */
export interface TemplateOptions {
  /** The worksheet's name: at most 31 characters, none of []:*?/\ and no apostrophe. */
  readonly sheetName: string;
  /** The reporting unit's name as it reports ("Sở Thông tin và Truyền thông"); may be empty. */
  readonly unit: string;
  readonly level: Level;
  /** A period id: "2021-Q3", "2021-H1" or "2021" (see periodLabel). */
  readonly period: string;
}

const FONT_NAME = "Times New Roman";
const BODY_SIZE = 12;
const TITLE_SIZE = 13;
const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: BODY_SIZE };

const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const COLUMN_WIDTHS = [8, 60, 14, 12, 22, 14, 12] as const;
// Column G holds the level list that D4's validation refers to: Excel's inline list literal splits on commas, and
// "Sở, ngành" has one.
const LEVEL_LIST_COLUMN = "G";

const NUMBER_FORMATS: Readonly<Record<Exclude<RowDef["kind"], "none">, string>> = {
  count: "#,##0",
  percent: "0.00%",
  coded: "0",
};

// Row heights are written, not left to the application: Excel does not grow a row for wrapped text in a file it
// did not lay out itself, and nobody grows merged title rows. Characters per line are measured for Times New Roman
// 12 pt in each column's width, rounded down so that a label never loses its last line.
const LINE_HEIGHT = 15.75;
const CHARS_PER_LINE = { label: 64, unit: 15, note: 21, title: 70 } as const;

/** Lines a text needs when wrapped at word boundaries in a column holding `width` characters. */
function lineCount(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = word.length;
      if (used === 0) {
        used = length;
      } else if (used + 1 + length <= width) {
        used += 1 + length;
      } else {
        lines += 1;
        used = length;
      }
      while (used > width) {
        lines += 1;
        used -= width;
      }
    }
  }
  return lines;
}

function stripMarkup(label: string): string {
  return label.replace(/<\/?i>/g, "");
}

/** The catalogue's label as plain text, or as rich text when it has `<i>…</i>` runs (italic). */
function labelValue(label: string, bold: boolean): ExcelJS.CellValue {
  return /<\/?i>/.test(label) ? { richText: labelRuns(label, bold) } : label;
}

function labelRuns(label: string, bold: boolean): ExcelJS.RichText[] {
  const runs: ExcelJS.RichText[] = [];
  let italic = false;
  for (const part of label.split(/(<\/?i>)/)) {
    if (part === "<i>") italic = true;
    else if (part === "</i>") italic = false;
    else if (part) runs.push({ text: part, font: { ...BODY_FONT, bold, italic } });
  }
  return runs;
}

interface ValidationText {
  readonly prompt: string;
  readonly error: string;
}

function legendText(row: RowDef): string {
  return (row.codes ?? []).map((option) => `${option.label.vi} = ${option.value}`).join(", ");
}

/** Excel's own data validation of a value cell, with Vietnamese messages (titles ≤ 32, texts ≤ 255 characters). */
function valueValidation(row: RowDef): ExcelJS.DataValidation {
  const derivedNote = row.derived
    ? " Ô này tự tính từ số liệu chi tiết bên dưới bảng (không in); có thể gõ đè khi không có số liệu chi tiết."
    : "";
  const common = { allowBlank: true, showInputMessage: true, showErrorMessage: true, errorStyle: "stop" };
  const text = (title: string, message: ValidationText) => ({
    ...common,
    promptTitle: title,
    prompt: message.prompt,
    errorTitle: "Số liệu không hợp lệ",
    error: message.error,
  });
  const unit = row.unit?.vi ?? "";
  switch (row.kind) {
    case "count":
      return {
        type: "whole",
        operator: "greaterThanOrEqual",
        formulae: [0],
        ...text("Số nguyên", {
          prompt: `Nhập số nguyên không âm (${unit}), không gõ dấu phân cách hàng nghìn. Để trống nếu chưa có số liệu.`,
          error: `Chỉ tiêu này là số nguyên lớn hơn hoặc bằng 0 (${unit}), ví dụ 1936.`,
        }),
      };
    case "percent":
      return row.mayBeNegative
        ? {
            type: "decimal",
            operator: "between",
            formulae: [-1, 1],
            ...text("Tỷ lệ %", {
              prompt: `Nhập tỷ lệ từ -100% đến 100%, ví dụ 12,5% (âm khi số lượng tăng so với năm 2015).${derivedNote}`,
              error: "Tỷ lệ phải từ -100% đến 100%, ví dụ 12,5%.",
            }),
          }
        : {
            type: "decimal",
            operator: "between",
            formulae: [0, 1],
            ...text("Tỷ lệ %", {
              prompt: `Nhập tỷ lệ từ 0% đến 100%, ví dụ 12,5%.${derivedNote}`,
              error: "Tỷ lệ phải từ 0% đến 100%, ví dụ 12,5%.",
            }),
          };
    case "coded":
      return {
        type: "list",
        formulae: [`"${(row.codes ?? []).map((option) => option.value).join(",")}"`],
        ...text("Chọn mã", {
          prompt: `Chọn một mã: ${legendText(row)}.`,
          error: `Chỉ nhập một trong các mã: ${legendText(row)}.`,
        }),
      };
    case "none":
      throw new Error(`${row.code} holds no value`);
  }
}

// exceljs quotes the sheet name in defined names without doubling apostrophes, so none may appear at all.
function checkSheetName(name: string): void {
  if (!name.trim() || name.length > 31 || /[[\]:*?/\\']/.test(name) || name === "History") {
    throw new RangeError(
      `Tên trang tính "${name}" không hợp lệ: tối đa 31 ký tự, không chứa [ ] : * ? / \\ ' / ` +
        `Invalid sheet name "${name}": at most 31 characters, none of [ ] : * ? / \\ '`,
    );
  }
}

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

function styleCell(cell: ExcelJS.Cell, style: Partial<ExcelJS.Style>): void {
  cell.font = { ...BODY_FONT, ...style.font };
  cell.alignment = { vertical: "middle", wrapText: true, ...style.alignment };
  if (style.border) cell.border = style.border;
  if (style.numFmt) cell.numFmt = style.numFmt;
  if (style.protection) cell.protection = style.protection;
}

const UNLOCKED: Partial<ExcelJS.Protection> = { locked: false };

function writeTitle(
  worksheet: ExcelJS.Worksheet,
  options: TemplateOptions,
  catalogue: LoadedCatalogue,
): void {
  const unit = options.unit.trim();
  const titles = [
    "PHỤ LỤC",
    `${catalogue.title.vi} TẠI ${unit ? unit.toLocaleUpperCase("vi") : "…"}`,
    `(Ban hành kèm theo Báo cáo số …/… ngày … của ${unit || "…"})`,
  ];
  titles.forEach((title, index) => {
    const row = index + 1;
    worksheet.mergeCells(row, 1, row, 5);
    const cell = worksheet.getCell(row, 1);
    cell.value = title;
    styleCell(cell, {
      font: { size: index === 2 ? BODY_SIZE : TITLE_SIZE, bold: index < 2, italic: index === 2 },
      alignment: { horizontal: "center" },
    });
    worksheet.getRow(row).height = lineCount(title, CHARS_PER_LINE.title) * LINE_HEIGHT + 4;
  });
}

function writeInputs(worksheet: ExcelJS.Worksheet, options: TemplateOptions, layout: SheetLayout): void {
  const row = layout.inputRow;
  const label = (column: number, text: string, horizontal: "left" | "right") => {
    const cell = worksheet.getCell(row, column);
    cell.value = text;
    styleCell(cell, { font: { bold: true }, alignment: { horizontal } });
  };
  label(1, "Đơn vị báo cáo:", "left");
  label(3, "Cấp:", "right");
  const common = { allowBlank: true, showInputMessage: true, showErrorMessage: true };

  const unit = worksheet.getCell(row, 2);
  unit.value = options.unit.trim() || null;
  styleCell(unit, { protection: UNLOCKED });
  unit.dataValidation = {
    ...common,
    type: "textLength",
    operator: "lessThanOrEqual",
    formulae: [255],
    promptTitle: "Đơn vị báo cáo",
    prompt: "Tên đơn vị báo cáo (Sở, ngành, UBND huyện hoặc UBND xã).",
    errorTitle: "Tên quá dài",
    error: "Tên đơn vị báo cáo tối đa 255 ký tự.",
  };

  LEVEL_LABELS_IN_ORDER.forEach((text, index) => {
    worksheet.getCell(`${LEVEL_LIST_COLUMN}${index + 1}`).value = text;
  });
  const level = worksheet.getCell(row, 4);
  level.value = levelLabel(options.level);
  styleCell(level, { protection: UNLOCKED, alignment: { horizontal: "center" } });
  level.dataValidation = {
    ...common,
    type: "list",
    formulae: [`$${LEVEL_LIST_COLUMN}$1:$${LEVEL_LIST_COLUMN}$${LEVEL_LABELS_IN_ORDER.length}`],
    promptTitle: "Cấp",
    prompt: "Chọn cấp của đơn vị báo cáo: Sở, ngành; Huyện; Xã.",
    errorTitle: "Cấp không hợp lệ",
    error: "Chỉ chọn một trong: Sở, ngành; Huyện; Xã.",
  };

  const period = worksheet.getCell(row, 5);
  period.value = periodLabel(options.period);
  styleCell(period, { protection: UNLOCKED, alignment: { horizontal: "center" } });
  period.dataValidation = {
    ...common,
    type: "textLength",
    operator: "lessThanOrEqual",
    formulae: [40],
    promptTitle: "Kỳ báo cáo",
    prompt: "Kỳ báo cáo, ví dụ: Quý III/2021; 6 tháng/2021; Năm 2021.",
    errorTitle: "Kỳ báo cáo không hợp lệ",
    error: "Ghi kỳ báo cáo như: Quý III/2021; 6 tháng/2021; Năm 2021.",
  };
  worksheet.getRow(row).height = 2 * LINE_HEIGHT;
}

function writeHeader(worksheet: ExcelJS.Worksheet, layout: SheetLayout): void {
  const [top, bottom] = layout.headerRows;
  worksheet.mergeCells(top, 1, bottom, 1);
  worksheet.mergeCells(top, 2, bottom, 2);
  worksheet.mergeCells(top, 3, top, 4);
  worksheet.mergeCells(top, 5, bottom, 5);
  const bold = { ...BODY_FONT, bold: true };
  const texts: [number, number, ExcelJS.CellValue][] = [
    [top, 1, "STT"],
    [
      top,
      2,
      {
        richText: [
          { text: "Chỉ tiêu thống kê ", font: bold },
          { text: "(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)", font: { ...BODY_FONT, italic: true } },
        ],
      },
    ],
    [top, 3, "Kết quả thống kê"],
    [bottom, 3, "Đơn vị tính"],
    [bottom, 4, "Số liệu"],
    [top, 5, "Ghi chú"],
  ];
  for (const [row, column, value] of texts) worksheet.getCell(row, column).value = value;
  for (const row of layout.headerRows) {
    for (let column = 1; column <= 5; column++) {
      styleCell(worksheet.getCell(row, column), {
        font: { bold: true },
        alignment: { horizontal: "center" },
        border: BOX,
      });
    }
  }
  worksheet.getRow(top).height = 2 * LINE_HEIGHT;
  worksheet.getRow(bottom).height = 2 * LINE_HEIGHT;
}

/** Writes one catalogue row (indicator or source) on its sheet row: code, label, unit, value, note and key. */
function writeRow(worksheet: ExcelJS.Worksheet, layout: SheetLayout, row: RowDef): void {
  const sheetRow = layout.rowOf.get(row.code);
  if (sheetRow === undefined) throw new Error(`No row for ${row.code} in the layout`);
  const heading = row.kind === "none";
  const cells = [1, 2, 3, 4, 5].map((column) => worksheet.getCell(sheetRow, column)) as [
    ExcelJS.Cell,
    ExcelJS.Cell,
    ExcelJS.Cell,
    ExcelJS.Cell,
    ExcelJS.Cell,
  ];
  const [code, label, unit, value, note] = cells;

  code.value = row.printed || null;
  label.value = labelValue(row.label.vi, heading);
  unit.value = row.unit?.vi ?? null;
  note.value = row.formNote ?? null;
  if (row.derived) value.value = { formula: derivedFormula(layout, row) };

  const editable = heading ? {} : { protection: UNLOCKED };
  styleCell(code, { font: { bold: heading }, border: BOX });
  styleCell(label, { font: { bold: heading }, border: BOX });
  styleCell(unit, { border: BOX, alignment: { horizontal: "center" } });
  styleCell(value, {
    border: BOX,
    alignment: { horizontal: "center" },
    ...(heading ? {} : { numFmt: NUMBER_FORMATS[row.kind as Exclude<RowDef["kind"], "none">] }),
    ...editable,
  });
  styleCell(note, { border: BOX, ...editable });
  if (!heading) value.dataValidation = valueValidation(row);

  worksheet.getCell(sheetRow, 6).value = row.code;

  const lines = Math.max(
    lineCount(stripMarkup(row.label.vi), CHARS_PER_LINE.label),
    lineCount(row.unit?.vi ?? "", CHARS_PER_LINE.unit),
    lineCount(row.formNote ?? "", CHARS_PER_LINE.note),
  );
  worksheet.getRow(sheetRow).height = lines * LINE_HEIGHT + 3;
}

function writeSourceTitle(worksheet: ExcelJS.Worksheet, layout: SheetLayout): void {
  const row = layout.sourceTitleRow;
  worksheet.mergeCells(row, 1, row, 5);
  const cell = worksheet.getCell(row, 1);
  cell.value = "SỐ LIỆU CHI TIẾT ĐỂ TÍNH TỶ LỆ (không in)";
  styleCell(cell, { font: { bold: true }, alignment: { horizontal: "left" } });
  worksheet.getRow(row).height = LINE_HEIGHT + 6;
}

function setUpPage(worksheet: ExcelJS.Worksheet, layout: SheetLayout): void {
  Object.assign(worksheet.pageSetup, {
    paperSize: 9 as ExcelJS.PaperSize,
    orientation: "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.7, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${layout.headerRows[0]}:${layout.headerRows[1]}`,
  } satisfies Partial<ExcelJS.PageSetup>);
  setPrintArea(worksheet, layout.printArea);
  worksheet.headerFooter.oddFooter = `&C&"${FONT_NAME}"&10Trang &P/&N`;
}

/**
 * Adds one appendix sheet to a workbook exactly as DESIGN.md section 3 lays it out: title, row 4 inputs, header,
 * one row per indicator with its live derived formulas, the unprinted source block, the hidden key column F, Excel
 * data validation, protection without a password and the print set-up. Throws RangeError for an invalid sheet name
 * and InvalidMetaError for an invalid level or period.
 */
export function writeTemplateSheet(
  workbook: ExcelJS.Workbook,
  options: TemplateOptions,
  catalogue: LoadedCatalogue = defaultCatalogue,
): ExcelJS.Worksheet {
  checkSheetName(options.sheetName);
  levelLabel(options.level);
  periodLabel(options.period);
  const layout = sheetLayout(catalogue);
  const worksheet = workbook.addWorksheet(options.sheetName);

  COLUMN_WIDTHS.forEach((width, index) => {
    const column = worksheet.getColumn(index + 1);
    column.width = width;
    column.font = BODY_FONT;
  });
  worksheet.getColumn(6).hidden = true;
  worksheet.getColumn(7).hidden = true;

  writeTitle(worksheet, options, catalogue);
  writeInputs(worksheet, options, layout);
  writeHeader(worksheet, layout);
  for (const row of catalogue.appendixRows) writeRow(worksheet, layout, row);
  writeSourceTitle(worksheet, layout);
  for (const row of catalogue.sourceRows) writeRow(worksheet, layout, row);
  worksheet.getCell(1, 6).value = catalogue.templateVersion;

  setUpPage(worksheet, layout);
  // The derived formulas carry no cached result: ask Excel to compute them when the file opens.
  workbook.calcProperties.fullCalcOnLoad = true;
  // Without a password exceljs sets the protection synchronously, inside the promise's executor.
  void worksheet.protect("", { formatCells: true, formatColumns: true, formatRows: true });
  return worksheet;
}

/**
 * A sheet name Excel accepts, from a reporting unit's name: forbidden characters and apostrophes dropped, cut at a
 * word boundary to 31 characters; "Phụ lục" when nothing is left. Abbreviating ("Sở LĐ-TB&XH") is the caller's.
 */
export function defaultSheetName(unit: string): string {
  const cleaned = unit
    .replace(/[[\]:*?/\\']/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!cleaned) return "Phụ lục";
  if (cleaned.length <= 31) return cleaned;
  const cut = cleaned.slice(0, 31);
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : cut).trim();
}

/** A new workbook holding one appendix sheet (see writeTemplateSheet), named after the unit unless told otherwise. */
export async function templateWorkbook(
  options: Omit<TemplateOptions, "sheetName"> & { readonly sheetName?: string },
  catalogue: LoadedCatalogue = defaultCatalogue,
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cchc-appendix";
  writeTemplateSheet(
    workbook,
    { ...options, sheetName: options.sheetName ?? defaultSheetName(options.unit) },
    catalogue,
  );
  return workbook;
}
