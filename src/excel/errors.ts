import type { Bilingual } from "../domain/catalogue";
import { BilingualError } from "../domain/messages/error";

// Office errors as users read them: what happened and what to do, in Vietnamese first. The codes are Office.js's
// Excel.ErrorCodes (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling), plus
// ApiNotAvailable for an Excel older than the requirement set a feature needs.

/** The Office error codes this add-in explains; any other code gets the general message with its code. */
export const OFFICE_ERROR_MESSAGES: Readonly<Record<string, Bilingual>> = {
  InvalidOperationInCellEditMode: {
    vi: "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để kết thúc việc nhập vào ô, rồi bấm lại.",
    en: "Excel is editing a cell. Press Enter or Esc to finish editing the cell, then try again.",
  },
  AccessDenied: {
    vi: "Excel không cho phép thay đổi này: trang tính hoặc sổ làm việc đang được bảo vệ (có thể bằng mật khẩu), hoặc bạn chỉ có quyền xem tệp.",
    en: "Excel refused the change: the sheet or workbook is protected (perhaps with a password), or you can only view the file.",
  },
  ItemNotFound: {
    vi: "Không tìm thấy trang tính hoặc ô cần dùng: có thể trang đã bị đổi tên hoặc xóa, hay người cùng soạn vừa thay đổi. Hãy bấm Kiểm tra lại.",
    en: "A sheet or cell the add-in needs was not found: it may have been renamed or deleted, or a co-author just changed it. Check again.",
  },
  ItemAlreadyExists: {
    vi: "Sổ làm việc đã có một trang tính cùng tên. Hãy chọn tên khác.",
    en: "The workbook already has a sheet of that name. Choose another name.",
  },
  GeneralException: {
    vi: "Excel gặp lỗi nội bộ khi thực hiện yêu cầu. Hãy thử lại; nếu vẫn lỗi, hãy lưu tệp, đóng và mở lại Excel.",
    en: "Excel hit an internal error. Try again; if it persists, save the file and restart Excel.",
  },
  ApiNotAvailable: {
    vi: "Phiên bản Excel này không có chức năng mà phần bổ trợ cần. Hãy dùng Excel cho Microsoft 365, Excel 2021 trở lên, Excel trên web hoặc Excel cho Mac 16.x.",
    en: "This version of Excel lacks a feature the add-in needs. Use Excel for Microsoft 365, Excel 2021 or later, Excel on the web or Excel for Mac 16.x.",
  },
  InvalidArgument: {
    vi: "Excel không chấp nhận một địa chỉ, tên hoặc công thức mà phần bổ trợ gửi. Hãy báo lỗi này cho người hỗ trợ.",
    en: "Excel did not accept an address, name or formula the add-in sent. Please report this.",
  },
  InvalidOperation: {
    vi: "Excel không thực hiện được thao tác này lúc này. Hãy thử lại.",
    en: "Excel cannot do this right now. Try again.",
  },
  Conflict: {
    vi: "Một người cùng soạn vừa thay đổi đúng phần này của sổ làm việc. Hãy thử lại.",
    en: "A co-author just changed this part of the workbook. Try again.",
  },
  RequestPayloadSizeLimitExceeded: {
    vi: "Sổ làm việc quá lớn để xử lý trong một lần. Hãy kiểm tra từng trang tính một.",
    en: "The workbook is too large to handle at once. Check one sheet at a time.",
  },
  ResponsePayloadSizeLimitExceeded: {
    vi: "Sổ làm việc quá lớn để xử lý trong một lần. Hãy kiểm tra từng trang tính một.",
    en: "The workbook is too large to handle at once. Check one sheet at a time.",
  },
  ActivityLimitReached: {
    vi: "Excel đang bận. Hãy chờ một lát rồi thử lại.",
    en: "Excel is busy. Wait a moment and try again.",
  },
};

// Excel.ErrorCodes.apiNotFound: the same situation as our own ApiNotAvailable.
const SAME_AS: Readonly<Record<string, string>> = { ApiNotFound: "ApiNotAvailable" };

/** An Office error, or a missing API, explained in Vietnamese and English; `code` is Office's own. */
export class OfficeHostError extends BilingualError {
  /** Office's error code ("AccessDenied"), or "ApiNotAvailable". */
  declare readonly code: string;

  constructor(
    code: string,
    /** Office's own message, kept for a support request; never shown instead of `bilingual`. */
    readonly detail?: string,
    /** What to tell instead of the code's own message (a subclass adds what the failure left behind). */
    told?: Bilingual,
  ) {
    const known = OFFICE_ERROR_MESSAGES[SAME_AS[code] ?? code];
    const bilingual = told ??
      known ?? {
        vi: `Excel báo lỗi (mã ${code}). Hãy thử lại; nếu vẫn lỗi, hãy báo mã lỗi này cho người hỗ trợ.`,
        en: `Excel reported an error (code ${code}). Try again; if it persists, report this code.`,
      };
    super(bilingual, code);
    this.name = "OfficeHostError";
  }
}

/** The code of an error Office.js threw (OfficeExtension.Error, "RichApi.Error"), or undefined for any other. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, name, debugInfo } = error as { code?: unknown; name?: unknown; debugInfo?: unknown };
  if (typeof code !== "string") return undefined;
  const fromOffice = name === "RichApi.Error" || name === "OfficeExtension.Error" || debugInfo !== undefined;
  return fromOffice ? code : undefined;
}

/** An Office error as an OfficeHostError; anything else (our own errors, with their own messages) unchanged. */
export function explainOfficeError(error: unknown): unknown {
  if (error instanceof OfficeHostError) return error;
  const code = officeErrorCode(error);
  if (code === undefined) return error;
  return new OfficeHostError(code, error instanceof Error ? error.message : undefined);
}

/**
 * A write of whole sheets that Excel stopped part way: the Office error's message, then what the failure left and
 * what to do about it (which sheet to delete, if any). Sheets are built where a failure leaves nothing that looks
 * like an appendix (src/excel/excel-port.ts, "Atomic sheets"), so most failures leave nothing at all.
 */
export class SheetWriteError extends OfficeHostError {
  constructor(
    code: string,
    detail: string | undefined,
    bilingual: Bilingual,
    /** Sheets the user should delete: written, but part of a set the failure left incomplete. */
    readonly sheetsToDelete: readonly string[],
    /** Very hidden working sheets the failure left, which the next install removes. */
    readonly stagingLeft: readonly string[],
  ) {
    super(code, detail, bilingual);
    this.name = "SheetWriteError";
  }
}

/**
 * The port's writing half (./plan-writer.ts, a chunk of its own) did not load: the network is gone, or the add-in
 * was deployed again and its old chunk is no longer served. Nothing was written, since a plan queues its first step
 * only once the writer is loaded, and the next plan fetches the chunk again.
 */
export class WriterUnavailableError extends BilingualError {
  constructor(cause: unknown) {
    super(
      {
        vi: "Không tải được một phần của phần bổ trợ từ máy chủ (mất kết nối mạng, hoặc phần bổ trợ vừa được cập nhật). Sổ làm việc chưa bị thay đổi gì. Hãy kiểm tra kết nối mạng rồi bấm lại nút.",
        en: "Part of the add-in could not be loaded from the server (the network is down, or the add-in was just updated). Nothing in the workbook was changed. Check the connection and press the button again.",
      },
      "writer_unavailable",
      undefined,
      { cause },
    );
    this.name = "WriterUnavailableError";
  }
}
