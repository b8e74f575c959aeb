import ExcelJS from "exceljs";
import type { Bilingual, RowDef } from "../../domain/catalogue";
import { COLUMNS, sheetLayout } from "../../domain/layout";
import { periodLabel } from "../../domain/meta";
import { PERCENT_SCALE } from "../../domain/values";
import type { Consolidation, RowTotal } from "../../workflows/consolidate";
import {
  levelName,
  periodName,
  roleName,
  SUMMARY_MARKER,
  SUMMARY_VERSION_ROW,
  UNIT_FIGURES_HEADER,
} from "../../workflows/consolidate";
import { writeTemplateSheet } from "./template";

// The summary workbook of a consolidation (issue 5). Every sheet carries SUMMARY_MARKER in F1, so that a summary
// fed back as input is set aside, never summed again. Text that comes from the units' files (names, notes, the
// messages that quote them) is only ever assigned as a string value: exceljs writes strings as shared strings,
// which Excel shows as text, so "=HYPERLINK(…)" in a unit name cannot become a formula. No cell here is given a
// formula at all.

/** Names of the summary's sheets. */
export const SUMMARY_SHEETS = {
  form: "Tổng hợp",
  units: "Đơn vị",
  missing: "Thiếu",
  requests: "Yêu cầu sửa",
  nonAggregable: "Không cộng được",
  issues: "Cảnh báo tổng hợp",
  figures: "Số liệu đơn vị",
} as const;

/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32_767;
const FLAG_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const ERROR_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF9C0006" }, bold: true };
const FONT: Partial<ExcelJS.Font> = { name: "Times New Roman", size: 12 };
const LINE_HEIGHT = 15.75;
const MAX_ROW_HEIGHT = 409;
const NOTE_CHARS_PER_LINE = 21;

/** Writes text as text: a string value, cut to what a cell holds. Never a formula, whatever the text begins with. */
function setText(cell: ExcelJS.Cell, text: string | undefined): void {
  cell.value = text === undefined || text === "" ? null : text.slice(0, MAX_CELL_TEXT);
}

function both(text: Bilingual): string {
  return text.vi === text.en ? text.vi : `${text.vi}\n${text.en}`;
}

/** Rows a wrapped text needs in a column holding `width` characters per line. */
function linesFor(text: string, width: number): number {
  return text.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / width)), 0);
}

function grow(row: ExcelJS.Row, lines: number): void {
  const height = Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3);
  if ((row.height ?? 0) < height) row.height = height;
}

function excelAmount(row: RowDef, total: RowTotal): number | null {
  if (total.amount === undefined) return null;
  if (row.kind !== "percent") return total.amount;
  // A recomputed rate is written exactly, not at the four decimals amounts keep.
  if (total.ratio) return total.ratio.numerator / total.ratio.denominator;
  return total.amount / (100 * PERCENT_SCALE);
}

function writeForm(workbook: ExcelJS.Workbook, consolidation: Consolidation): void {
  const { catalogue } = consolidation;
  const included = consolidation.units.filter((unit) => unit.included);
  const withErrors = included.filter((unit) => unit.counts.error > 0).length;
  const worksheet = writeTemplateSheet(
    workbook,
    {
      sheetName: SUMMARY_SHEETS.form,
      unit: "Toàn tỉnh",
      level: "so",
      // The template needs a period to print; a summary without one gets its E4 cleared below.
      period: consolidation.period ?? String(new Date().getFullYear()),
    },
    catalogue,
  );
  const layout = sheetLayout(catalogue);
  worksheet.getCell(1, COLUMNS.key + 1).value = SUMMARY_MARKER;
  worksheet.getCell(SUMMARY_VERSION_ROW, COLUMNS.key + 1).value = consolidation.templateVersion;
  setText(worksheet.getCell(2, 1), `${catalogue.title.vi} TRÊN ĐỊA BÀN TỈNH (TỔNG HỢP)`);
  setText(
    worksheet.getCell(3, 1),
    `(Tổng hợp từ phụ lục của ${included.length} đơn vị báo cáo` +
      `${withErrors ? `; ${withErrors} đơn vị còn lỗi, các số liệu có tô màu gồm số liệu của các đơn vị này` : ""})`,
  );
  setText(
    worksheet.getCell(layout.inputRow, COLUMNS.label + 1),
    `Toàn tỉnh (tổng hợp ${included.length} đơn vị)`,
  );
  setText(worksheet.getCell(layout.inputRow, COLUMNS.value + 1), "Toàn tỉnh");
  setText(
    worksheet.getCell(layout.inputRow, COLUMNS.note + 1),
    consolidation.period ? periodLabel(consolidation.period) : undefined,
  );
  const totals = new Map(consolidation.totals.map((total) => [total.code, total]));
  for (const row of catalogue.valueRows) {
    const sheetRow = layout.rowOf.get(row.code);
    if (sheetRow === undefined) continue;
    const total = totals.get(row.code);
    const value = worksheet.getCell(sheetRow, COLUMNS.value + 1);
    // The template's live formulas would recompute a rate from the province's summed source block, which mixes
    // levels (3.4.1 counts departments only): the summary holds values.
    value.value = total ? excelAmount(row, total) : null;
    if (!total) continue;
    const note = worksheet.getCell(sheetRow, COLUMNS.note + 1);
    const remark = total.remark.vi;
    setText(note, remark);
    if (remark) grow(worksheet.getRow(sheetRow), linesFor(remark, NOTE_CHARS_PER_LINE));
    if (total.flag) {
      value.fill = FLAG_FILL;
      value.note = both(total.flag);
    }
  }
}

interface Column {
  readonly header: Bilingual;
  readonly width: number;
}

/** A table sheet: a title in row 1 (with the marker in F1), bilingual headers in row 2, frozen above row 3. */
function tableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: Bilingual,
  columns: readonly Column[],
): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2 }] });
  columns.forEach((column, index) => {
    const sheetColumn = worksheet.getColumn(index + 1);
    sheetColumn.width = column.width;
    sheetColumn.font = FONT;
    sheetColumn.alignment = { vertical: "top", wrapText: true };
  });
  setText(worksheet.getCell(1, 1), `${title.vi} / ${title.en}`);
  worksheet.getCell(1, 1).font = { ...FONT, bold: true, size: 13 };
  worksheet.getCell(1, 1).alignment = { vertical: "middle", wrapText: false };
  const marker = worksheet.getCell(1, COLUMNS.key + 1);
  marker.value = SUMMARY_MARKER;
  marker.font = { ...FONT, size: 8, color: { argb: "FFBFBFBF" } };
  const header = worksheet.getRow(2);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    setText(cell, both(column.header));
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  header.height = 2 * LINE_HEIGHT + 3;
  return worksheet;
}

const VERDICT: Readonly<Record<"ready" | "not_ready", Bilingual>> = {
  ready: { vi: "Sẵn sàng", en: "Ready" },
  not_ready: { vi: "Chưa sẵn sàng", en: "Not ready" },
};

function writeUnits(workbook: ExcelJS.Workbook, consolidation: Consolidation): void {
  const worksheet = tableSheet(
    workbook,
    SUMMARY_SHEETS.units,
    { vi: "DANH SÁCH ĐƠN VỊ BÁO CÁO", en: "Reporting units" },
    [
      { header: { vi: "Đơn vị báo cáo", en: "Reporting unit" }, width: 40 },
      { header: { vi: "Cấp", en: "Level" }, width: 12 },
      { header: { vi: "Kỳ báo cáo", en: "Period" }, width: 14 },
      { header: { vi: "Kết luận", en: "Verdict" }, width: 16 },
      { header: { vi: "Số lỗi", en: "Errors" }, width: 9 },
      { header: { vi: "Số cảnh báo", en: "Warnings" }, width: 11 },
      { header: { vi: "Quy tắc không đạt", en: "Failed rules" }, width: 50 },
      { header: { vi: "Vai trò", en: "Role" }, width: 24 },
      { header: { vi: "Tệp", en: "File" }, width: 28 },
      { header: { vi: "Trang tính", en: "Sheet" }, width: 18 },
      { header: { vi: "Được tổng hợp", en: "Counted" }, width: 12 },
    ],
  );
  consolidation.units.forEach((unit, index) => {
    const row = worksheet.getRow(index + 3);
    setText(row.getCell(1), unit.unit);
    setText(row.getCell(2), levelName(unit.level, "vi"));
    setText(row.getCell(3), periodName(unit.period, "vi"));
    setText(row.getCell(4), VERDICT[unit.verdict].vi);
    row.getCell(5).value = unit.counts.error;
    row.getCell(6).value = unit.counts.warning;
    setText(row.getCell(7), unit.failedRules.join(", "));
    setText(row.getCell(8), unit.role ? roleName(unit.role, "vi") : undefined);
    setText(row.getCell(9), unit.file);
    setText(row.getCell(10), unit.sheet);
    setText(row.getCell(11), unit.included ? "Có" : "Không (trùng lặp)");
    if (unit.counts.error > 0) {
      row.getCell(4).font = { ...FONT, ...ERROR_FONT };
      row.getCell(5).font = { ...FONT, ...ERROR_FONT };
    }
  });
}

function writeMissing(workbook: ExcelJS.Workbook, consolidation: Consolidation): void {
  const worksheet = tableSheet(
    workbook,
    SUMMARY_SHEETS.missing,
    {
      vi: "ĐƠN VỊ CHƯA CÓ PHỤ LỤC VÀ TỆP KHÔNG TỔNG HỢP ĐƯỢC",
      en: "Units without an appendix, files not consolidated",
    },
    [
      { header: { vi: "Đơn vị hoặc tệp", en: "Unit or file" }, width: 45 },
      { header: { vi: "Trang tính", en: "Sheet" }, width: 20 },
      { header: { vi: "Lý do", en: "Reason (Vietnamese)" }, width: 60 },
      { header: { vi: "Lý do (tiếng Anh)", en: "Reason" }, width: 60 },
    ],
  );
  let at = 3;
  for (const unit of consolidation.missingUnits) {
    const row = worksheet.getRow(at++);
    setText(row.getCell(1), unit);
    setText(row.getCell(3), "Đơn vị phải báo cáo nhưng chưa có phụ lục.");
    setText(row.getCell(4), "Expected to report, but no appendix was received.");
  }
  for (const excluded of consolidation.excluded) {
    const row = worksheet.getRow(at++);
    setText(row.getCell(1), excluded.file);
    setText(row.getCell(2), excluded.sheet);
    setText(row.getCell(3), excluded.reason.vi);
    setText(row.getCell(4), excluded.reason.en);
  }
}

function writeRequests(workbook: ExcelJS.Workbook, consolidation: Consolidation): void {
  const worksheet = tableSheet(
    workbook,
    SUMMARY_SHEETS.requests,
    { vi: "YÊU CẦU CHỈNH SỬA PHỤ LỤC", en: "Correction requests" },
    [
      { header: { vi: "Đơn vị báo cáo", en: "Reporting unit" }, width: 32 },
      { header: { vi: "Tệp", en: "File" }, width: 24 },
      { header: { vi: "Số lỗi", en: "Errors" }, width: 9 },
      { header: { vi: "Số cảnh báo", en: "Warnings" }, width: 11 },
      { header: { vi: "Nội dung yêu cầu", en: "Request (Vietnamese)" }, width: 100 },
      { header: { vi: "Nội dung (tiếng Anh)", en: "Request" }, width: 100 },
    ],
  );
  consolidation.requests.forEach((request, index) => {
    const row = worksheet.getRow(index + 3);
    setText(row.getCell(1), request.unit);
    setText(row.getCell(2), request.file);
    row.getCell(3).value = request.items.filter((item) => item.severity === "error").length;
    row.getCell(4).value = request.items.filter((item) => item.severity === "warning").length;
    setText(row.getCell(5), request.text.vi);
    setText(row.getCell(6), request.text.en);
    grow(row, linesFor(request.text.vi, 110));
  });
}

function writeNonAggregable(workbook: ExcelJS.Workbook, consolidation: Consolidation): void {
  const { catalogue } = consolidation;
  const worksheet = tableSheet(
    workbook,
    SUMMARY_SHEETS.nonAggregable,
    {
      vi: "CHỈ TIÊU KHÔNG CỘNG ĐƯỢC: LIỆT KÊ THEO ĐƠN VỊ",
      en: "Indicators that are not aggregated: listed per unit",
    },
    [
      { header: { vi: "Đơn vị báo cáo", en: "Reporting unit" }, width: 36 },
      { header: { vi: "Mã chỉ tiêu", en: "Code" }, width: 10 },
      { header: { vi: "Chỉ tiêu", en: "Indicator" }, width: 60 },
      { header: { vi: "Giá trị", en: "Value" }, width: 18 },
      { header: { vi: "Lý do", en: "Why (Vietnamese)" }, width: 60 },
      { header: { vi: "Lý do (tiếng Anh)", en: "Why" }, width: 60 },
    ],
  );
  consolidation.nonAggregable.forEach((entry, index) => {
    const row = worksheet.getRow(index + 3);
    setText(row.getCell(1), entry.unit);
    setText(row.getCell(2), entry.code);
    setText(row.getCell(3), catalogue.byCode.get(entry.code)?.label.vi.replace(/<\/?i>/g, ""));
    setText(row.getCell(4), entry.display.vi);
    setText(row.getCell(5), entry.reason.vi);
    setText(row.getCell(6), entry.reason.en);
  });
}

const SEVERITY_TEXT: Readonly<Record<"error" | "warning" | "info", string>> = {
  error: "Lỗi",
  warning: "Cảnh báo",
  info: "Thông tin",
};

function writeIssues(workbook: ExcelJS.Workbook, consolidation: Consolidation): void {
  const worksheet = tableSheet(
    workbook,
    SUMMARY_SHEETS.issues,
    { vi: "CẢNH BÁO KHI TỔNG HỢP", en: "Consolidation findings" },
    [
      { header: { vi: "Mức độ", en: "Severity" }, width: 11 },
      { header: { vi: "Đơn vị báo cáo", en: "Reporting unit" }, width: 32 },
      { header: { vi: "Chỉ tiêu", en: "Codes" }, width: 16 },
      { header: { vi: "Ô", en: "Cell" }, width: 22 },
      { header: { vi: "Nội dung", en: "Message (Vietnamese)" }, width: 80 },
      { header: { vi: "Nội dung (tiếng Anh)", en: "Message" }, width: 80 },
    ],
  );
  consolidation.issues.forEach((issue, index) => {
    const row = worksheet.getRow(index + 3);
    setText(row.getCell(1), SEVERITY_TEXT[issue.severity]);
    setText(row.getCell(2), issue.unit);
    setText(row.getCell(3), issue.codes.join(", "));
    setText(row.getCell(4), issue.cell);
    setText(row.getCell(5), issue.message.vi);
    setText(row.getCell(6), issue.message.en);
    if (issue.severity === "error") row.getCell(1).font = { ...FONT, ...ERROR_FONT };
  });
}

/** Columns before the first code on the figures sheet; F stays empty so that F1 holds only the marker. */
const FIGURES_FIRST_CODE_COLUMN = 7;

function writeFigures(workbook: ExcelJS.Workbook, consolidation: Consolidation): void {
  const { catalogue } = consolidation;
  const worksheet = tableSheet(
    workbook,
    SUMMARY_SHEETS.figures,
    { vi: "SỐ LIỆU CỦA TỪNG ĐƠN VỊ", en: "Figures of each unit" },
    [
      { header: { vi: UNIT_FIGURES_HEADER, en: "Reporting unit" }, width: 36 },
      { header: { vi: "Cấp", en: "Level" }, width: 12 },
      { header: { vi: "Kỳ báo cáo", en: "Period" }, width: 14 },
      { header: { vi: "Tệp", en: "File" }, width: 24 },
      { header: { vi: "Trang tính", en: "Sheet" }, width: 16 },
      { header: { vi: "", en: "" }, width: 2 },
    ],
  );
  // A1 of the header row must be the bare UNIT_FIGURES_HEADER: a later period finds this table by it.
  setText(worksheet.getCell(2, 1), UNIT_FIGURES_HEADER);
  const rows = consolidation.valueCodes.map((code) => catalogue.byCode.get(code));
  rows.forEach((row, index) => {
    if (!row) return;
    const column = FIGURES_FIRST_CODE_COLUMN + index;
    const cell = worksheet.getCell(2, column);
    setText(cell, row.code);
    cell.note = `${row.label.vi.replace(/<\/?i>/g, "")}\n${row.label.en}`;
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    worksheet.getColumn(column).width = 9;
  });
  let at = 3;
  for (const unit of consolidation.units) {
    if (!unit.included) continue;
    const line = worksheet.getRow(at++);
    setText(line.getCell(1), unit.unit);
    setText(line.getCell(2), levelName(unit.level, "vi"));
    setText(line.getCell(3), periodName(unit.period, "vi"));
    setText(line.getCell(4), unit.file);
    setText(line.getCell(5), unit.sheet);
    unit.amounts.forEach((amount, index) => {
      const row = rows[index];
      if (amount === undefined || !row) return;
      const cell = line.getCell(FIGURES_FIRST_CODE_COLUMN + index);
      if (row.kind === "percent") {
        cell.value = amount / (100 * PERCENT_SCALE);
        cell.numFmt = "0.00%";
      } else {
        cell.value = amount;
      }
    });
  }
}

/**
 * The summary workbook of a consolidation: the official form with the province's figures (totals that include a
 * unit with errors filled and annotated), the units, the missing units and files, one correction request per unit,
 * the values listed rather than aggregated, the consolidation's own findings, and every unit's figures.
 */
export function summaryWorkbook(consolidation: Consolidation): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cchc-appendix";
  writeForm(workbook, consolidation);
  writeUnits(workbook, consolidation);
  writeMissing(workbook, consolidation);
  writeRequests(workbook, consolidation);
  writeNonAggregable(workbook, consolidation);
  writeIssues(workbook, consolidation);
  writeFigures(workbook, consolidation);
  return workbook;
}

/** Writes the summary workbook of a consolidation to a file. */
export async function writeSummaryFile(consolidation: Consolidation, path: string): Promise<void> {
  await summaryWorkbook(consolidation).xlsx.writeFile(path);
}
