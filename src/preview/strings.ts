import type { Severity } from "../domain/values";

/** Texts of the preview's own frame (the stand-in for Excel), Vietnamese first. */
export interface PreviewStrings {
  readonly title: string;
  readonly subtitle: string;
  readonly reload: string;
  readonly workbook: string;
  readonly paneTitle: string;
  readonly noSheet: string;
  readonly nameBox: string;
  readonly content: string;
  readonly tabs: string;
  readonly corner: string;
  gridLabel(sheet: string): string;
  editCell(address: string): string;
  locked(address: string): string;
  readonly mark: Readonly<Record<Severity, string>>;
}

const vi: PreviewStrings = {
  title: "Bản xem thử phụ lục CCHC",
  subtitle:
    "Sổ làm việc trong trình duyệt, thay cho Excel. Dữ liệu mẫu: phụ lục Quý III/2021 của Sở TTTT Trà Vinh.",
  reload: "Tải lại dữ liệu mẫu",
  workbook: "Sổ làm việc (xem thử)",
  paneTitle: "Phụ lục CCHC",
  noSheet: "Sổ làm việc chưa có trang tính nào.",
  nameBox: "Ô đang chọn",
  content: "Nội dung ô",
  tabs: "Các trang tính",
  corner: "Hàng và cột",
  gridLabel: (sheet) => `Trang tính ${sheet}`,
  editCell: (address) => `Sửa ô ${address}`,
  locked: (address) =>
    `Ô ${address} bị khóa: trang tính đang được bảo vệ, chỉ sửa được ô số liệu và ghi chú.`,
  mark: { error: "Đánh dấu: lỗi", warning: "Đánh dấu: cảnh báo", info: "Đánh dấu: lưu ý" },
};

const en: PreviewStrings = {
  title: "CCHC appendix preview",
  subtitle:
    "A workbook in the browser, standing in for Excel. Sample: the Q3/2021 appendix of Trà Vinh's Department of Information and Communications.",
  reload: "Reload the sample",
  workbook: "Workbook (preview)",
  paneTitle: "CCHC appendix",
  noSheet: "The workbook has no sheet yet.",
  nameBox: "Selected cell",
  content: "Cell content",
  tabs: "Sheets",
  corner: "Rows and columns",
  gridLabel: (sheet) => `Sheet ${sheet}`,
  editCell: (address) => `Edit cell ${address}`,
  locked: (address) =>
    `Cell ${address} is locked: the sheet is protected; only value and note cells can be edited.`,
  mark: { error: "Marked: error", warning: "Marked: warning", info: "Marked: note" },
};

/** The preview frame's texts in the language asked for ("en…" gives English, anything else Vietnamese). */
export function previewStrings(language: string): PreviewStrings {
  return language.toLowerCase().startsWith("en") ? en : vi;
}
