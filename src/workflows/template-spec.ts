import { appliesIn, catalogue as defaultCatalogue, filledAt, formKeyText } from "../domain/catalogue";
import type { Level, LoadedCatalogue, RowDef } from "../domain/catalogue";
import { COLUMNS, derivedFormula, sheetLayout } from "../domain/layout";
import type { SheetLayout } from "../domain/layout";
import { checkLevelInPeriod, levelLabel, levelsIn, periodLabel, periodStartText } from "../domain/meta";
import type { CellStyle, CellValidation, SheetSpec, SpecCell, TextRun } from "./port";
import { stampSpecCells } from "./stamp";
import { BilingualError, errorText } from "../domain/messages/error";

// The standard appendix sheet of DESIGN.md section 3 as host-neutral data: exceljs (the CLI) and Office.js (the
// add-in) both apply this one spec, so the sheet a department gets does not depend on which tool wrote it.

/** A template sheet: always protected and set up for printing (DESIGN.md section 3). */
export type TemplateSheetSpec = SheetSpec & Required<Pick<SheetSpec, "protection" | "print">>;

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

// The form is printed in Times New Roman 12 pt.
const TEMPLATE_FONT = { name: "Times New Roman", size: 12 } as const;
const TITLE_SIZE = 13;

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

const COLUMN_WIDTHS = [8, 60, 14, 12, 22, 14, 12] as const;
// Column G holds the level list that D4's validation refers to: Excel's inline list literal splits on commas, and
// "Sở, ngành" has one.
const LEVEL_LIST_COLUMN = "G";
const HIDDEN_COLUMNS = new Set([COLUMNS.key, LEVEL_LIST_COLUMN.charCodeAt(0) - "A".charCodeAt(0)]);

const VALUE_FORMATS: Readonly<Record<Exclude<RowDef["kind"], "none">, string>> = {
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

function labelRuns(label: string, bold: boolean): TextRun[] {
  const runs: TextRun[] = [];
  let italic = false;
  for (const part of label.split(/(<\/?i>)/)) {
    if (part === "<i>") italic = true;
    else if (part === "</i>") italic = false;
    else if (part) runs.push({ text: part, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
  }
  return runs;
}

/** A label as plain text, or as rich text when the catalogue marks italic parts with `<i>…</i>`. */
function labelContent(label: string, bold: boolean): Pick<SpecCell, "value" | "richText"> {
  return /<\/?i>/.test(label) ? { richText: labelRuns(label, bold) } : { value: label };
}

// Every cell the template styles is vertically centred and wraps, as the printed form does.
function style(extra: CellStyle = {}): CellStyle {
  return { vertical: "middle", wrap: true, ...extra };
}

function legendText(row: RowDef): string {
  return (row.codes ?? []).map((option) => `${option.label.vi} = ${option.value}`).join(", ");
}

const INVALID_VALUE = "Số liệu không hợp lệ";

/** Excel's own data validation of a value cell, with Vietnamese messages (titles ≤ 32, texts ≤ 255 characters). */
function valueValidation(row: RowDef): CellValidation {
  const derivedNote = row.derived
    ? " Ô này tự tính từ số liệu chi tiết bên dưới bảng (không in); có thể gõ đè khi không có số liệu chi tiết."
    : "";
  const unit = row.unit?.vi ?? "";
  switch (row.kind) {
    case "count":
      return {
        type: "whole",
        min: 0,
        prompt: {
          title: "Số nguyên",
          message: `Nhập số nguyên không âm (${unit}), không gõ dấu phân cách hàng nghìn. Để trống nếu chưa có số liệu.`,
        },
        error: {
          title: INVALID_VALUE,
          message: `Chỉ tiêu này là số nguyên lớn hơn hoặc bằng 0 (${unit}), ví dụ 1936.`,
        },
      };
    case "percent":
      // A reduction rate has no lower bound: after a merger a unit may hold more than twice its 2015 figure.
      return row.mayBeNegative
        ? {
            type: "decimal",
            max: 1,
            prompt: {
              title: "Tỷ lệ %",
              message: `Nhập tỷ lệ không quá 100%, ví dụ 12,5%; âm khi số lượng tăng so với năm 2015 (có thể dưới -100% sau sáp nhập).${derivedNote}`,
            },
            error: { title: INVALID_VALUE, message: "Tỷ lệ cắt giảm phải không quá 100%, ví dụ 12,5%." },
          }
        : {
            type: "decimal",
            min: 0,
            max: 1,
            prompt: { title: "Tỷ lệ %", message: `Nhập tỷ lệ từ 0% đến 100%, ví dụ 12,5%.${derivedNote}` },
            error: { title: INVALID_VALUE, message: "Tỷ lệ phải từ 0% đến 100%, ví dụ 12,5%." },
          };
    case "coded":
      return {
        type: "list",
        list: (row.codes ?? []).map((option) => option.value).join(","),
        prompt: { title: "Chọn mã", message: `Chọn một mã: ${legendText(row)}.` },
        error: { title: INVALID_VALUE, message: `Chỉ nhập một trong các mã: ${legendText(row)}.` },
      };
    case "none":
      throw new Error(`${row.code} holds no value`);
  }
}

/** A sheet name Excel refuses, with the reason in Vietnamese and English. */
export class SheetNameError extends BilingualError {
  constructor(readonly sheetName: string) {
    super(errorText("invalid_sheet_name", { sheetName, max: MAX_SHEET_NAME }), "sheet_name", { sheetName });
    this.name = "SheetNameError";
  }
}

// Apostrophes are refused although Excel allows them inside a name: exceljs quotes the sheet name in defined names
// (the print area) without doubling them. Excel reserves "History" for its change tracking.
const FORBIDDEN = /[[\]:*?/\\']/;

/** True when Excel (and exceljs) accept the name for a worksheet. */
export function isValidSheetName(name: string): boolean {
  return (
    name.trim() !== "" &&
    name.length <= MAX_SHEET_NAME &&
    !FORBIDDEN.test(name) &&
    name.toLowerCase() !== "history"
  );
}

/** Throws SheetNameError, with a bilingual message, when Excel would refuse the sheet name. */
export function checkSheetName(name: string): void {
  if (!isValidSheetName(name)) throw new SheetNameError(name);
}

/**
 * A sheet name Excel accepts, from a reporting unit's name: forbidden characters and apostrophes dropped, then
 * within 31 characters as officials shorten a unit's name (sheetNameWithin): "Sở LĐ-TB&XH", "UBND huyện Châu
 * Thành"; "Phụ lục" when nothing is left. uniqueSheetName keeps it apart from the workbook's other sheets.
 */
export function defaultSheetName(unit: string): string {
  const cleaned = unit
    .normalize("NFC")
    .replace(/[[\]:*?/\\']/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!cleaned || cleaned.toLowerCase() === "history") return "Phụ lục";
  return sheetNameWithin(cleaned, MAX_SHEET_NAME);
}

// A unit's name is its head (Sở, Ủy ban nhân dân), its own name, and often the place it belongs to ("… tỉnh Trà
// Vinh"), which every sheet of a province's workbook shares. The place is the first of these words after the start
// of the own name: "Ủy ban nhân dân thành phố Trà Vinh" is a city's committee, "Sở Y tế thành phố Hà Nội" a city's
// department.
const PLACE = /\s(?:tỉnh|thành phố|TP\.?)\s\S/u;
const COMMITTEE = /^(?:Ủy|Uỷ) ban nhân dân\s/iu;
const DEPARTMENT = /^Sở\s/u;

/** The initials of a name's syllables, as officials write them: "Lao động" → "LĐ". */
function initials(words: string): string {
  return words
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [...word][0]!.toLocaleUpperCase("vi"))
    .join("");
}

/**
 * A department's own name abbreviated the usual way: the initials of each part, "và" written "&" and the parts a
 * comma or a dash separates joined by "-": "Lao động - Thương binh và Xã hội" → "LĐ-TB&XH", "Văn hóa, Thể thao và Du
 * lịch" → "VH-TT&DL", "Giao thông vận tải" → "GTVT".
 */
function departmentInitials(name: string): string {
  return name
    .split(/\s*[,\-–]\s*/u)
    .map((part) =>
      part
        .split(/(?:^|\s+)và(?=\s|$)/u)
        .map(initials)
        .filter(Boolean)
        .join("&"),
    )
    .join("-");
}

/**
 * A unit's name within `length` characters, shortened as officials shorten it and never cut inside a word: whole;
 * without the place it belongs to; its head abbreviated ("Sở LĐ-TB&XH", "UBND huyện Châu Thành"), with its place
 * and then without; and only for a name still too long, cut at the last space that fits.
 */
export function sheetNameWithin(name: string, length: number): string {
  const head = DEPARTMENT.exec(name)?.[0] ?? COMMITTEE.exec(name)?.[0] ?? "";
  const own = name.slice(head.length);
  const placeAt = own.search(PLACE);
  const place = placeAt > 0 ? own.slice(placeAt) : "";
  const body = placeAt > 0 ? own.slice(0, placeAt) : own;
  const short = DEPARTMENT.test(name)
    ? `Sở ${departmentInitials(body)}`
    : COMMITTEE.test(name)
      ? `UBND ${body}`
      : undefined;
  const candidates = [name, `${head}${body}`, ...(short ? [`${short}${place}`, short] : [])];
  return candidates.find((candidate) => candidate.length <= length) ?? cutTo(candidates.at(-1)!, length);
}

/**
 * `text` within `length` UTF-16 units: whole when it fits, else cut at the last space within the limit (inside a
 * word only when there is none), never splitting a character.
 */
function cutTo(text: string, length: number): string {
  if (text.length <= length) return text;
  let cut = "";
  for (const character of text) {
    if (cut.length + character.length > length) break;
    cut += character;
  }
  // A cut that ends a word (the next character is a space) keeps that word.
  if (/^\s/.test(text.slice(cut.length))) return cut.trimEnd();
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : cut).trimEnd();
}

// Excel compares sheet names without regard to case (and Vietnamese text may arrive composed or not).
function sameNameKey(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("vi");
}

/**
 * `wanted`, or when a sheet of that name exists (ignoring case) the first free "wanted (2)", "wanted (3)"…, the
 * name shortened (sheetNameWithin) so that the whole stays within Excel's 31 characters. `wanted` must itself be a valid sheet name.
 */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  checkSheetName(wanted);
  const taken = new Set(existing.map(sameNameKey));
  if (!taken.has(sameNameKey(wanted))) return wanted;
  for (let number = 2; ; number++) {
    const suffix = ` (${number})`;
    const candidate = `${sheetNameWithin(wanted, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken.has(sameNameKey(candidate))) return candidate;
  }
}

function titleCells(options: TemplateOptions, catalogue: LoadedCatalogue, heights: Record<number, number>) {
  const unit = options.unit.trim();
  const titles = [
    "PHỤ LỤC",
    `${catalogue.title.vi} TẠI ${unit ? unit.toLocaleUpperCase("vi") : "…"}`,
    `(Ban hành kèm theo Báo cáo số …/… ngày … của ${unit || "…"})`,
  ];
  return titles.map((title, index): SpecCell => {
    const row = index + 1;
    heights[row] = lineCount(title, CHARS_PER_LINE.title) * LINE_HEIGHT + 4;
    return {
      address: `A${row}`,
      value: title,
      style: style({
        ...(index < 2 ? { bold: true, size: TITLE_SIZE } : { italic: true }),
        horizontal: "center",
      }),
    };
  });
}

function inputCells(options: TemplateOptions, layout: SheetLayout): SpecCell[] {
  const row = layout.inputRow;
  const unit = options.unit.trim();
  // The levels of the period: after the 2025 reform the list holds no district.
  const levels = levelsIn(options.period).map(levelLabel);
  return [
    { address: `A${row}`, value: "Đơn vị báo cáo:", style: style({ bold: true, horizontal: "left" }) },
    { address: `B${row}`, ...(unit ? { value: unit } : {}), style: style(), locked: false },
    { address: `C${row}`, value: "Cấp:", style: style({ bold: true, horizontal: "right" }) },
    {
      address: `D${row}`,
      value: levelLabel(options.level),
      style: style({ horizontal: "center" }),
      locked: false,
      validation: {
        type: "list",
        list: `=$${LEVEL_LIST_COLUMN}$1:$${LEVEL_LIST_COLUMN}$${levels.length}`,
        prompt: { title: "Cấp", message: `Chọn cấp của đơn vị báo cáo: ${levels.join("; ")}.` },
        error: { title: "Cấp không hợp lệ", message: `Chỉ chọn một trong: ${levels.join("; ")}.` },
      },
    },
    {
      address: `E${row}`,
      value: periodLabel(options.period),
      style: style({ horizontal: "center" }),
      locked: false,
    },
    ...levels.map((label, index) => ({
      address: `${LEVEL_LIST_COLUMN}${index + 1}`,
      value: label,
    })),
  ];
}

function headerCells(layout: SheetLayout): SpecCell[] {
  const [top, bottom] = layout.headerRows;
  const content = new Map<string, Pick<SpecCell, "value" | "richText">>([
    [`A${top}`, { value: "STT" }],
    [
      `B${top}`,
      {
        richText: [
          { text: "Chỉ tiêu thống kê ", bold: true },
          { text: "(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)", italic: true },
        ],
      },
    ],
    [`C${top}`, { value: "Kết quả thống kê" }],
    [`C${bottom}`, { value: "Đơn vị tính" }],
    [`D${bottom}`, { value: "Số liệu" }],
    [`E${top}`, { value: "Ghi chú" }],
  ]);
  // The covered cells of the merges are boxed too, so that every page's repeated header prints whole.
  return layout.headerRows.flatMap((row) =>
    ["A", "B", "C", "D", "E"].map((column) => ({
      address: `${column}${row}`,
      ...content.get(`${column}${row}`),
      style: style({ bold: true, horizontal: "center", border: true }),
    })),
  );
}

/** The fill of a row the period does not ask for, as Excel's own light grey. */
export const NOT_APPLICABLE_FILL = "#D9D9D9";

/** The note a row that has stopped applying prints in column E: "Không áp dụng từ 01/7/2025". */
export function notApplicableNote(row: RowDef): string | undefined {
  const from = row.notApplicableFrom;
  return from === undefined ? undefined : `Không áp dụng từ ${periodStartText(from).vi}`;
}

/** One catalogue row (indicator or source) on its sheet row: code, label, unit, value, note and key. */
function rowCells(
  layout: SheetLayout,
  row: RowDef,
  options: TemplateOptions,
  heights: Record<number, number>,
): SpecCell[] {
  const at = layout.rowOf.get(row.code);
  if (at === undefined) throw new Error(`No row for ${row.code} in the layout`);
  const heading = row.kind === "none";
  // A row the period no longer asks for (3.4.2, a district's rate, after the 2025 reform) is printed greyed with
  // the date it stopped applying in its note, and offers no input cell: locked, without validation or formula.
  const ended = !heading && !appliesIn(row, options.period) ? notApplicableNote(row) : undefined;
  const input = !heading && ended === undefined;
  const editable = input ? { locked: false } : {};
  const grey = ended === undefined ? {} : { fill: NOT_APPLICABLE_FILL };
  const note = ended ?? row.formNote;
  heights[at] =
    Math.max(
      lineCount(stripMarkup(row.label.vi), CHARS_PER_LINE.label),
      lineCount(row.unit?.vi ?? "", CHARS_PER_LINE.unit),
      lineCount(note ?? "", CHARS_PER_LINE.note),
    ) *
      LINE_HEIGHT +
    3;
  return [
    {
      address: `A${at}`,
      ...(row.printed ? { value: row.printed } : {}),
      style: style({ ...(heading ? { bold: true } : {}), border: true, ...grey }),
    },
    {
      address: `B${at}`,
      ...labelContent(row.label.vi, heading),
      style: style({ ...(heading ? { bold: true } : {}), border: true, ...grey }),
    },
    {
      address: `C${at}`,
      ...(row.unit ? { value: row.unit.vi } : {}),
      style: style({ border: true, horizontal: "center", ...grey }),
    },
    {
      address: `D${at}`,
      // A rate of another level (a district's on-time rate on a department's sheet) is not this unit's figure:
      // its formula would show the unit's own rate under another level's label.
      ...(row.derived && filledAt(row, options.level, options.period)
        ? { formula: `=${derivedFormula(layout, row)}` }
        : {}),
      ...(heading ? {} : { numberFormat: VALUE_FORMATS[row.kind as Exclude<RowDef["kind"], "none">] }),
      style: style({ border: true, horizontal: "center", ...grey }),
      ...editable,
      ...(input ? { validation: valueValidation(row) } : {}),
    },
    {
      address: `E${at}`,
      ...(note ? { value: note } : {}),
      style: style({ border: true, ...(ended === undefined ? {} : { italic: true, ...grey }) }),
      ...editable,
    },
    { address: `F${at}`, value: row.code },
  ];
}

/**
 * The standard appendix sheet exactly as DESIGN.md section 3 lays it out, as data any host applies: title, row 4
 * inputs, header, one row per indicator with its live derived formulas, the unprinted source block, the hidden key
 * column F with the template version in F1 (and `hash`, the definition's, for a form read from one), Excel data
 * validation, protection without a password and the print set-up. Throws SheetNameError (a BilingualError) for an invalid sheet name and InvalidMetaError for an invalid
 * level or period, or a level the period has no units of (a district after the 2025 reform).
 */
export function templateSpec(
  options: TemplateOptions,
  catalogue: LoadedCatalogue = defaultCatalogue,
  hash?: string,
): TemplateSheetSpec {
  checkSheetName(options.sheetName);
  checkLevelInPeriod(options.level, options.period);
  const layout = sheetLayout(catalogue);
  const heights: Record<number, number> = {};
  const cells: SpecCell[] = [
    ...titleCells(options, catalogue, heights),
    ...inputCells(options, layout),
    ...headerCells(layout),
  ];
  heights[layout.inputRow] = 2 * LINE_HEIGHT;
  for (const row of layout.headerRows) heights[row] = 2 * LINE_HEIGHT;
  for (const row of catalogue.appendixRows) cells.push(...rowCells(layout, row, options, heights));
  cells.push({
    address: `A${layout.sourceTitleRow}`,
    value: "SỐ LIỆU CHI TIẾT ĐỂ TÍNH TỶ LỆ (không in)",
    style: style({ bold: true, horizontal: "left" }),
  });
  heights[layout.sourceTitleRow] = LINE_HEIGHT + 6;
  for (const row of catalogue.sourceRows) cells.push(...rowCells(layout, row, options, heights));
  // The validation stamp's cells stay writable, so the add-in stamps a protected sheet without unprotecting it.
  cells.push(...stampSpecCells(layout));
  // A sheet made from a definition names it by its id and hash, so that it is read against that very definition.
  cells.push({
    address: "F1",
    value: formKeyText({ id: catalogue.templateVersion, ...(hash ? { hash } : {}) }),
  });

  const [top, bottom] = layout.headerRows;
  return {
    name: options.sheetName,
    font: { ...TEMPLATE_FONT },
    columns: COLUMN_WIDTHS.map((width, index) =>
      HIDDEN_COLUMNS.has(index) ? { width, hidden: true } : { width },
    ),
    rowHeights: heights,
    cells,
    merges: [
      ...layout.titleRows.map((row) => `A${row}:E${row}`),
      `A${top}:A${bottom}`,
      `B${top}:B${bottom}`,
      `C${top}:D${top}`,
      `E${top}:E${bottom}`,
      `A${layout.sourceTitleRow}:E${layout.sourceTitleRow}`,
    ],
    protection: { allowFormatting: true },
    print: {
      area: layout.printArea,
      titleRows: `${top}:${bottom}`,
      orientation: "portrait",
      paper: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
    },
  };
}
