import type { Lang } from "./i18n";

/** The texts of the help menu and its self-check, in one language. */
export interface SelfCheckStrings {
  readonly title: string;
  readonly intro: string;
  readonly run: string;
  readonly runAgain: string;
  readonly running: string;
  readonly close: string;
  readonly loadFailed: string;
  readonly passed: string;
  readonly failed: string;
  readonly stepsLabel: string;
  readonly status: { readonly passed: string; readonly failed: string; readonly skipped: string };
  readonly copy: string;
  readonly copied: string;
  readonly copyRefused: string;
  readonly reportLabel: string;
  readonly send: string;
  leftBehind(sheet: string): string;
}

const vi: SelfCheckStrings = {
  title: "Tự kiểm tra phần bổ trợ",
  intro:
    "Tự kiểm tra chạy lần lượt các chức năng của phần bổ trợ (cài phụ lục, kiểm tra, đánh dấu, sửa, điền công thức, xóa dấu) trên một trang nháp tạm thời, rồi xóa trang đó. Các trang tính của bạn không bị thay đổi.",
  run: "Chạy tự kiểm tra",
  runAgain: "Chạy lại",
  running: "Đang tự kiểm tra…",
  close: "Đóng",
  loadFailed: "Không tải được phần tự kiểm tra. Hãy kiểm tra kết nối mạng, đóng rồi mở lại ngăn và thử lại.",
  passed: "Tự kiểm tra đạt: mọi bước đều chạy đúng.",
  failed: "Tự kiểm tra không đạt: xem bước bị lỗi bên dưới.",
  stepsLabel: "Các bước tự kiểm tra",
  status: { passed: "Đạt", failed: "Không đạt", skipped: "Bỏ qua" },
  copy: "Sao chép báo cáo",
  copied: "Đã sao chép báo cáo. Hãy dán vào thư gửi người hỗ trợ.",
  copyRefused:
    "Excel không cho sao chép tự động. Hãy chọn toàn bộ báo cáo dưới đây (Ctrl+A) rồi sao chép (Ctrl+C).",
  reportLabel: "Báo cáo tự kiểm tra",
  send: "Gửi báo cáo này cho người hỗ trợ phần bổ trợ (xem hướng dẫn triển khai).",
  leftBehind: (sheet) => `Hãy tự xóa trang tính “${sheet}”: tự kiểm tra không xóa được trang nháp này.`,
};

const en: SelfCheckStrings = {
  title: "Add-in self-check",
  intro:
    "The self-check runs the add-in's functions one after another (install, validate, mark, fix, fill formulas, clear marks) on a temporary scratch sheet, then deletes it. Your sheets are not changed.",
  run: "Run the self-check",
  runAgain: "Run again",
  running: "Self-check running…",
  close: "Close",
  loadFailed:
    "The self-check could not be loaded. Check the network connection, close and reopen the pane, and try again.",
  passed: "Self-check passed: every step worked.",
  failed: "Self-check failed: see the failed step below.",
  stepsLabel: "Self-check steps",
  status: { passed: "Passed", failed: "Failed", skipped: "Skipped" },
  copy: "Copy the report",
  copied: "Report copied. Paste it into an email to support.",
  copyRefused:
    "Excel does not allow copying from here. Select the whole report below (Ctrl+A), then copy it (Ctrl+C).",
  reportLabel: "Self-check report",
  send: "Send this report to the add-in's support (see the deployment guide).",
  leftBehind: (sheet) =>
    `Please delete sheet “${sheet}” yourself: the self-check could not delete this scratch sheet.`,
};

/** The help menu's and the self-check's texts by language. */
export const SELF_CHECK_STRINGS: Readonly<Record<Lang, SelfCheckStrings>> = { vi, en };
