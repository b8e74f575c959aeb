import ExcelJS from "exceljs";
import type { Bilingual } from "../domain/catalogue";
import type { CellInput, CellScalar, SheetGrid } from "../domain/cell";
import { cellInput } from "../domain/cell";
import { NeedsFullReader, zipDirectory } from "./zip";

// An .xlsx held in memory read as the domain's SheetGrids, with the checks every file passes before exceljs
// inflates it (not a workbook, an old .xls, a password, a zip bomb, macros). Plain bytes in, no Node: the CLI hands
// it a Buffer read from disk, and the task pane the ArrayBuffer of a file the user picked, through a dynamic
// import() so that exceljs (256 KB gzipped) stays out of the pane's first bundle (DESIGN.md section 8).

/** Why a file could not be read as a workbook. */
export type WorkbookReadReason =
  "not_xlsx" | "corrupt" | "encrypted" | "unreadable" | "too_large" | "zip_bomb" | "macros";

/**
 * Bounds on what a file may ask of the reader, far above any real appendix workbook (a shared workbook of forty
 * appendices is under 2 MB and 200 rows a sheet), so that a hostile file costs bounded time and memory.
 */
export const LIMITS = {
  fileBytes: 64 * 1024 * 1024,
  unpackedBytes: 512 * 1024 * 1024,
  /** A member larger than this must not be compressed more than `ratio` times. */
  largeMemberBytes: 16 * 1024 * 1024,
  ratio: 200,
  /**
   * Rows and columns read from a sheet: the form ends near row 140 and column G; a summary's per-unit figures
   * sheet holds a column per indicator and a row per unit.
   */
  rows: 10_000,
  columns: 256,
} as const;

/** A file that is not a readable .xlsx workbook, with the reason and a message for users in both languages. */
export class WorkbookReadError extends Error {
  constructor(
    readonly reason: WorkbookReadReason,
    /** What went wrong and what to do, in Vietnamese and English. */
    readonly bilingual: Bilingual,
    options?: { cause?: unknown },
  ) {
    super(`${bilingual.vi} / ${bilingual.en}`, options);
    this.name = "WorkbookReadError";
  }
}

const ZIP_SIGNATURES = ["504b0304", "504b0506"];
const OLE_SIGNATURE = "d0cf11e0a1b11ae1";

/** A name as an OLE compound file's directory spells it: UTF-16LE. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    bytes[2 * at] = code & 0xff;
    bytes[2 * at + 1] = code >> 8;
  }
  return bytes;
}

// A password-protected .xlsx is an OLE compound file holding these streams (MS-OFFCRYPTO); an Excel 97–2003 .xls
// holds a "Workbook" (or, older, "Book") stream.
const ENCRYPTED_STREAM = utf16le("EncryptedPackage");
const XLS_STREAMS = [utf16le("Workbook"), utf16le("Book\u0000")];

function includes(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0] ?? 0;
  for (let at = haystack.indexOf(first); at >= 0; at = haystack.indexOf(first, at + 1)) {
    if (at + needle.length > haystack.length) return false;
    if (needle.every((byte, offset) => haystack[at + offset] === byte)) return true;
  }
  return false;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

const SAVE_AS = {
  vi: "mở tệp bằng Excel và chọn Lưu thành (Save As) định dạng Sổ làm việc Excel (.xlsx)",
  en: "open it in Excel and Save As an Excel Workbook (.xlsx)",
};

function oleError(bytes: Uint8Array): WorkbookReadError {
  if (includes(bytes, ENCRYPTED_STREAM)) {
    return new WorkbookReadError("encrypted", {
      vi: "Tệp được bảo vệ bằng mật khẩu nên không đọc được: mở tệp bằng Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại.",
      en: "The file is password-protected and cannot be read: open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it) and save it again.",
    });
  }
  if (XLS_STREAMS.some((name) => includes(bytes, name))) {
    return new WorkbookReadError("not_xlsx", {
      vi: `Tệp ở định dạng Excel 97–2003 (.xls) cũ: ${SAVE_AS.vi}.`,
      en: `The file is in the old Excel 97–2003 format (.xls): ${SAVE_AS.en}.`,
    });
  }
  return new WorkbookReadError("encrypted", {
    vi: `Tệp được bảo vệ bằng mật khẩu hoặc ở định dạng Excel 97–2003 (.xls): ${SAVE_AS.vi}, không đặt mật khẩu.`,
    en: `The file is password-protected or in the old Excel 97–2003 format (.xls): ${SAVE_AS.en}, without a password.`,
  });
}

/** Converts exceljs's rich text, hyperlink or string to the plain text a user sees. */
function plainText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && "richText" in value) {
    return (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("");
  }
  return String(value ?? "");
}

function scalar(value: unknown): CellScalar {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("error" in value) return { error: String((value as ExcelJS.CellErrorValue).error) };
    if ("richText" in value) return plainText(value);
    if ("text" in value) return plainText((value as ExcelJS.CellHyperlinkValue).text);
  }
  return String(value);
}

/** One exceljs cell as the domain reads it; undefined for an empty cell and for the covered part of a merge. */
function fromExcelJs(cell: ExcelJS.Cell): CellInput | undefined {
  const numberFormat = cell.numFmt || undefined;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return undefined;
    case ExcelJS.ValueType.Formula: {
      // cell.result, not cell.value.result: exceljs's value copy drops falsy results (a cached 0, false or "").
      const formula = cell.formula;
      return cellInput(scalar(cell.result), numberFormat, formula || undefined);
    }
    default:
      return cellInput(scalar(cell.value), numberFormat);
  }
}

/** A worksheet's used range from A1, at least six columns wide so that the key column F is always present. */
export function sheetGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const found: { row: number; column: number; input: CellInput | undefined }[] = [];
  let lastRow = 0;
  let lastColumn = 6;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > LIMITS.rows) return;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (columnNumber > LIMITS.columns) return;
      lastRow = Math.max(lastRow, rowNumber);
      lastColumn = Math.max(lastColumn, columnNumber);
      found.push({ row: rowNumber, column: columnNumber, input: fromExcelJs(cell) });
    });
  });
  const cells: (CellInput | undefined)[][] = Array.from({ length: lastRow }, () =>
    new Array<CellInput | undefined>(lastColumn).fill(undefined),
  );
  for (const { row, column, input } of found) {
    const line = cells[row - 1];
    if (line) line[column - 1] = input;
  }
  return { name: worksheet.name, cells };
}

const MEGABYTE = 1024 * 1024;

/** The error for an archive that unpacks to far more than any workbook could hold. */
export function zipBombError(): WorkbookReadError {
  return new WorkbookReadError("zip_bomb", {
    vi: 'Tệp nén giải ra dung lượng bất thường (nghi là "bom nén"), không đọc để bảo vệ máy: hãy xin đơn vị gửi lại tệp .xlsx lưu từ Excel.',
    en: "The archive unpacks to an abnormal size (a suspected zip bomb) and is not read, to protect this computer: ask the unit to send an .xlsx saved from Excel again.",
  });
}

/**
 * Checks an .xlsx package before any reader inflates it: its size, what its members declare they unpack to, and
 * macros. A file with macros (.xlsm) is refused rather than read, since the office receiving it should not keep it.
 */
export function checkPackage(bytes: Uint8Array): void {
  if (bytes.length > LIMITS.fileBytes) {
    throw new WorkbookReadError("too_large", {
      vi: `Tệp quá lớn (${Math.round(bytes.length / MEGABYTE)} MB, tối đa ${LIMITS.fileBytes / MEGABYTE} MB) để là phụ lục thống kê: kiểm tra lại tệp gửi đến.`,
      en: `The file is too large (${Math.round(bytes.length / MEGABYTE)} MB, at most ${LIMITS.fileBytes / MEGABYTE} MB) to be a statistical appendix: check the file received.`,
    });
  }
  let entries;
  try {
    entries = zipDirectory(bytes);
  } catch (error) {
    // An archive this simple check cannot list is left to exceljs, which says whether it is damaged.
    if (error instanceof NeedsFullReader || error instanceof RangeError) return;
    throw error;
  }
  let unpacked = 0;
  for (const [name, entry] of entries) {
    unpacked += entry.size;
    const ratio = entry.size / Math.max(entry.compressedSize, 1);
    if (unpacked > LIMITS.unpackedBytes || (entry.size > LIMITS.largeMemberBytes && ratio > LIMITS.ratio)) {
      throw zipBombError();
    }
    if (/^xl\/vbaProject\.bin$/i.test(name)) {
      throw new WorkbookReadError("macros", {
        vi: "Tệp có chứa macro (VBA, thường là .xlsm) nên không được đọc, vì an toàn: mở bằng Excel, chọn Lưu thành (Save As) định dạng Sổ làm việc Excel (.xlsx) rồi gửi lại.",
        en: "The file contains macros (VBA, usually .xlsm) and is not read, for safety: open it in Excel, Save As an Excel Workbook (.xlsx) and send it again.",
      });
    }
  }
}

/**
 * Reads every worksheet of an .xlsx held in memory as a SheetGrid. Throws WorkbookReadError when the bytes are not
 * an .xlsx (an old .xls, a text file), are a damaged zip, are password-protected, too large, a zip bomb or hold
 * macros.
 */
export async function readWorkbookBytes(data: ArrayBuffer | Uint8Array): Promise<SheetGrid[]> {
  // isView, not instanceof: a Buffer or an ArrayBuffer may come from another realm (jest's, a File's).
  const bytes = ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
  const head = hex(bytes.subarray(0, 8));
  if (head === OLE_SIGNATURE) throw oleError(bytes);
  if (!ZIP_SIGNATURES.some((signature) => head.startsWith(signature))) {
    throw new WorkbookReadError("not_xlsx", {
      vi: `Tệp không phải bảng tính Excel (.xlsx)${bytes.length === 0 ? " (tệp rỗng)" : ""}: ${SAVE_AS.vi}.`,
      en: `The file is not an Excel workbook (.xlsx)${bytes.length === 0 ? " (it is empty)" : ""}: ${SAVE_AS.en}.`,
    });
  }
  checkPackage(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch (cause) {
    throw new WorkbookReadError(
      "corrupt",
      {
        vi: "Tệp .xlsx bị hỏng (có thể tải về hoặc sao chép chưa hết): mở thử bằng Excel để sửa, hoặc xin gửi lại tệp.",
        en: "The .xlsx file is damaged (perhaps not fully downloaded or copied): try opening it in Excel to repair it, or ask for the file again.",
      },
      { cause },
    );
  }
  if (workbook.worksheets.length === 0) {
    throw new WorkbookReadError("not_xlsx", {
      vi: `Tệp nén không chứa bảng tính Excel nào: ${SAVE_AS.vi}.`,
      en: `The archive holds no Excel worksheet: ${SAVE_AS.en}.`,
    });
  }
  return workbook.worksheets.map(sheetGrid);
}
