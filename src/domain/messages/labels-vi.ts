import { formatCount } from "../format";
import { levelLabel, periodLabel } from "../meta";
import type {
  LabelParams,
  SelfCheckPaneText,
  SelfCheckReportWord,
  SelfCheckStepName,
  SummaryColumn,
  SummaryTable,
  Templates,
  TextCutKind,
} from "./kinds";

// The Vietnamese texts around the findings: the summary workbook's, the self-check's, the command line's result
// lines. Numbers are written the Vietnamese way (1.234), as every message writes them.

const n = (count: number) => formatCount(count, "vi");

const SUMMARY_TITLE: Readonly<Record<SummaryTable, string>> = {
  units: "DANH SÁCH ĐƠN VỊ BÁO CÁO",
  missing: "ĐƠN VỊ CHƯA CÓ PHỤ LỤC VÀ TỆP KHÔNG TỔNG HỢP ĐƯỢC",
  requests: "YÊU CẦU CHỈNH SỬA PHỤ LỤC",
  nonAggregable: "CHỈ TIÊU KHÔNG CỘNG ĐƯỢC: LIỆT KÊ THEO ĐƠN VỊ",
  issues: "CẢNH BÁO KHI TỔNG HỢP",
  figures: "SỐ LIỆU CỦA TỪNG ĐƠN VỊ",
};

const SUMMARY_HEADER: Readonly<Record<SummaryColumn, string>> = {
  unit: "Đơn vị báo cáo",
  level: "Cấp",
  period: "Kỳ báo cáo",
  verdict: "Kết luận",
  errors: "Số lỗi",
  warnings: "Số cảnh báo",
  failed_rules: "Quy tắc không đạt",
  role: "Vai trò",
  file: "Tệp",
  sheet: "Trang tính",
  counted: "Được tổng hợp",
  form: "Mẫu",
  unit_or_file: "Đơn vị hoặc tệp",
  reason: "Lý do",
  reason_en: "Lý do (tiếng Anh)",
  request: "Nội dung yêu cầu",
  request_en: "Nội dung yêu cầu (tiếng Anh)",
  code: "Mã chỉ tiêu",
  codes: "Mã chỉ tiêu",
  indicator: "Chỉ tiêu",
  value: "Giá trị",
  severity: "Mức độ",
  cell: "Ô",
  message: "Nội dung",
  message_en: "Nội dung (tiếng Anh)",
};

const STEP: Readonly<Record<SelfCheckStepName, string>> = {
  install: "Cài phụ lục lên trang nháp",
  type: "Nhập số liệu (có một lỗi)",
  validate: "Kiểm tra và đánh dấu",
  marks: "Dấu đánh dấu hiện trên trang",
  fix: "Sửa bằng một lần bấm",
  fill: "Điền công thức tỷ lệ",
  clear: "Xóa dấu đánh dấu",
  restore: "Mở lại trang đang làm việc",
  delete: "Xóa trang nháp",
  unchanged: "Sổ làm việc như lúc đầu",
};

const PANE: Readonly<Record<SelfCheckPaneText, string>> = {
  title: "Tự kiểm tra phần bổ trợ",
  intro:
    "Tự kiểm tra chạy lần lượt các chức năng của phần bổ trợ (cài phụ lục, kiểm tra, đánh dấu, sửa, điền công thức, xóa dấu) trên một trang nháp tạm thời, rồi xóa trang đó. Các trang tính của bạn không bị thay đổi.",
  run: "Chạy tự kiểm tra",
  run_again: "Chạy lại",
  running: "Đang tự kiểm tra…",
  close: "Đóng",
  load_failed: "Không tải được phần tự kiểm tra. Hãy kiểm tra kết nối mạng, đóng rồi mở lại ngăn và thử lại.",
  passed: "Tự kiểm tra đạt: mọi bước đều chạy đúng.",
  failed: "Tự kiểm tra không đạt: xem bước bị lỗi bên dưới.",
  steps_label: "Các bước tự kiểm tra",
  copy: "Sao chép báo cáo",
  copied: "Đã sao chép báo cáo. Hãy dán vào thư gửi người hỗ trợ.",
  copy_refused:
    "Excel không cho sao chép tự động. Hãy chọn toàn bộ báo cáo dưới đây (Ctrl+A) rồi sao chép (Ctrl+C).",
  report_label: "Báo cáo tự kiểm tra",
  send: "Gửi báo cáo này cho người hỗ trợ phần bổ trợ (xem hướng dẫn triển khai).",
};

const REPORT_WORD: Readonly<Record<SelfCheckReportWord, string>> = {
  title: "Tự kiểm tra phần bổ trợ “Kiểm tra phụ lục CCHC”",
  at: "Thời điểm (UTC)",
  verdict: "Kết quả",
  passed: "ĐẠT",
  failed: "KHÔNG ĐẠT",
  skipped: "BỎ QUA",
  excel: "Excel",
  application: "ứng dụng",
  platform: "nền tảng",
  version: "phiên bản",
  language: "ngôn ngữ",
  not_said: "không rõ (Office không cho biết)",
  api_sets: "Bộ API có",
  api_missing: "Bộ API không có",
  none: "không có",
  requests: "Yêu cầu tới Excel",
  sizes: "Kích thước lớn nhất",
  not_measurable: "không đo được (phần bổ trợ không thấy được dữ liệu gửi tới Excel)",
  steps: "Các bước",
  code: "mã lỗi",
};

const PLATFORM: Readonly<Record<string, string>> = {
  OfficeOnline: "Excel trên web",
  PC: "Excel trên Windows",
  Mac: "Excel cho Mac",
  iOS: "Excel cho iPad",
  Android: "Excel cho Android",
  Universal: "Excel Universal",
};

const CUT_KIND: Readonly<Record<TextCutKind, string>> = {
  cell: "nội dung ô",
  sheetName: "tên trang tính",
  note: "ghi chú",
  validationTitle: "tiêu đề thông báo nhập liệu",
  validationMessage: "thông báo nhập liệu",
  validationList: "danh sách chọn",
};

/** Sheets as a step lists them: the open one starred, the hidden ones said so. */
function sheetsLine(sheets: readonly string[], open: string | undefined, hidden: readonly string[]): string {
  return sheets
    .map((name) => `${name}${name === open ? "*" : ""}${hidden.includes(name) ? " (ẩn)" : ""}`)
    .join(", ");
}

const counts = (p: { errors: number; warnings: number; info: number }) =>
  `${n(p.errors)} lỗi, ${n(p.warnings)} cảnh báo, ${n(p.info)} thông tin`;

/** The Vietnamese texts around the findings. */
export const viLabels: Templates<LabelParams> = {
  summary_form_title: (p) => `${p.title} TRÊN ĐỊA BÀN TỈNH (TỔNG HỢP)`,
  summary_form_source: (p) =>
    `(Tổng hợp từ phụ lục của ${n(p.units)} đơn vị báo cáo` +
    `${p.withErrors ? `; ${n(p.withErrors)} đơn vị còn lỗi: các số liệu tô màu có gồm số liệu của các đơn vị này` : ""})`,
  summary_province: () => "Toàn tỉnh",
  summary_province_units: (p) => `Toàn tỉnh (tổng hợp ${n(p.units)} đơn vị)`,
  summary_title: (p) => SUMMARY_TITLE[p.table],
  summary_header: (p) => SUMMARY_HEADER[p.column],
  summary_verdict: (p) => (p.verdict === "ready" ? "Sẵn sàng" : "Chưa sẵn sàng"),
  summary_counted: (p) => (p.counted ? "Có" : "Không (trùng số liệu với phụ lục khác)"),
  summary_missing_unit: () => "Đơn vị phải báo cáo nhưng chưa có phụ lục.",
  severity: (p) => ({ error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" })[p.severity],

  selfcheck_pane: (p) => PANE[p.text],
  selfcheck_status: (p) => ({ passed: "Đạt", failed: "Không đạt", skipped: "Bỏ qua" })[p.status],
  selfcheck_left_behind: (p) =>
    `Hãy tự xóa trang tính “${p.sheet}”: tự kiểm tra không xóa được trang nháp này.`,
  selfcheck_step: (p) => STEP[p.step],
  selfcheck_scratch_sheet: (p) => `Tự kiểm tra ${p.suffix}`,
  selfcheck_unit: () => "Đơn vị tự kiểm tra",
  selfcheck_report_word: (p) => REPORT_WORD[p.word],
  selfcheck_platform: (p) => PLATFORM[p.platform] ?? "",
  selfcheck_steps_passed: (p) => `${n(p.passed)}/${n(p.all)} bước đạt`,
  selfcheck_request_count: (p) =>
    `${n(p.syncs)} lần đồng bộ trong ${n(p.runs)} phiên làm việc với Excel (mỗi phiên có thể gửi thêm 1 yêu cầu giải phóng, không đếm được)`,
  selfcheck_sizes: (p) =>
    `yêu cầu ${n(p.request)} byte, phản hồi ${n(p.response)} byte (đo tại cầu nối tới Excel: ${n(p.requests)} yêu cầu)`,
  selfcheck_step_requests: (p) =>
    `${n(p.syncs)} sync/${n(p.runs)} run` +
    (p.request !== undefined && p.response !== undefined
      ? `, lớn nhất ${n(p.request)}/${n(p.response)} byte`
      : ""),
  selfcheck_report_left_behind: (p) => `CẦN LÀM: hãy tự xóa trang tính “${p.sheet}” khỏi sổ làm việc.`,
  selfcheck_blocked: (p) =>
    `Tự kiểm tra đã chặn một thao tác trên trang tính “${p.sheet}”: nó chỉ được làm việc trên trang nháp “${p.scratch}”. Đây là lỗi của phần bổ trợ; hãy gửi báo cáo này cho người hỗ trợ.`,
  selfcheck_unexpected: (p) => `Lỗi không lường trước: ${p.detail}`,
  selfcheck_install_missing: (p) =>
    `Sau khi cài, không thấy trang nháp “${p.scratch}” theo mẫu ${p.version} (các trang: ${sheetsLine(p.sheets, p.open, p.hidden)}).`,
  selfcheck_installed: (p) => `Đã cài phụ lục lên trang nháp “${p.scratch}” (mẫu ${p.version}).`,
  selfcheck_type_missing: (p) => `Đọc lại không thấy giá trị đã nhập ở ${p.cells.join(", ")}.`,
  selfcheck_typed: (p) =>
    `Đã nhập và đọc lại: ${p.cells.map((cell, at) => `${cell} = ${p.values[at] || "(xóa trống)"}`).join("; ")}.`,
  selfcheck_validate_missing: (p) =>
    `Kiểm tra không tìm ra lỗi ở ${p.code} (${p.cell}) với đề xuất sửa thành ${n(p.value)} (${
      p.errors === undefined || p.warnings === undefined || p.info === undefined
        ? "không có kết quả cho trang nháp"
        : counts({ errors: p.errors, warnings: p.warnings, info: p.info })
    }).`,
  selfcheck_validated: (p) => `Tìm ra lỗi ở ${p.cell}: “${p.message}” (${counts(p)}).`,
  selfcheck_marks_missing: (p) =>
    `Không thấy đủ dấu đánh dấu trên trang nháp: ${counts(p)} (cần ít nhất 1 lỗi và 1 thông tin).`,
  selfcheck_marks: (p) => `Có dấu đánh dấu: ${counts(p)}.`,
  selfcheck_fix_failed: (p) =>
    `Sau khi sửa, ${p.cell} là ${p.found} (cần ${n(p.value)}) và trang còn ${p.errors === undefined ? "?" : n(p.errors)} lỗi.`,
  selfcheck_fixed: (p) => `Đã sửa ${p.cell} thành ${n(p.value)}; kiểm tra lại: không còn lỗi.`,
  selfcheck_fill_failed: (p) =>
    `Sau khi điền, ô tỷ lệ ${p.code} (${p.cell}) không có công thức (${n(p.formulas)} công thức được ghi).`,
  selfcheck_filled: (p) => `Đã điền ${n(p.formulas)} công thức tỷ lệ; ${p.cell} = ${p.formula}.`,
  selfcheck_clear_nothing: () =>
    "Trước khi xóa dấu, trang nháp không còn dấu nào để xóa (cần còn dấu thông tin của ô “02”).",
  selfcheck_clear_left: (p) => `Sau khi xóa dấu vẫn còn ${n(p.marks)} dấu trên trang nháp.`,
  selfcheck_cleared: (p) => `Đã xóa ${n(p.marks)} dấu; trang nháp không còn dấu nào.`,
  selfcheck_restore_unknown: () => "Excel không cho biết trang đang mở lúc bắt đầu: không có gì để mở lại.",
  selfcheck_restored: (p) => `Đã mở lại trang “${p.sheet}”.`,
  selfcheck_delete_none: () => "Chưa tạo trang nháp nào.",
  selfcheck_delete_absent: (p) => `Không có trang nháp “${p.sheet}” để xóa.`,
  selfcheck_delete_failed: (p) =>
    `Không xóa được trang nháp: hãy tự xóa trang tính “${p.sheet}”. ${p.reason}`,
  selfcheck_deleted: (p) => `Đã xóa trang nháp “${p.sheet}”.`,
  selfcheck_unchanged_unknown: () => "Không so sánh được: lúc đầu không đọc được danh sách trang tính.",
  selfcheck_changed: (p) =>
    `Các trang tính không còn như lúc đầu. Trước: ${sheetsLine(p.before, p.beforeOpen, p.beforeHidden)}. Sau: ${sheetsLine(p.after, p.afterOpen, p.afterHidden)}.`,
  selfcheck_unchanged: (p) =>
    `Các trang tính như lúc đầu (${n(p.sheets)} trang, trang đang mở “${p.open ?? "?"}”).`,

  cli_consolidated: (p) =>
    `Đã tổng hợp ${n(p.units)} đơn vị vào ${p.path}: ${n(p.withErrors)} đơn vị còn lỗi, ` +
    `${n(p.requests)} yêu cầu sửa, ${n(p.reviews)} đề nghị xem lại, ${n(p.missing)} đơn vị chưa có phụ lục, ${n(p.warnings)} cảnh báo khi tổng hợp.`,
  cli_form_exported: (p) =>
    `Đã ghi định nghĩa mẫu ${p.id} vào ${p.path}: đổi mã mẫu trước khi dùng làm mẫu riêng.`,
  cli_form_sound: (p) =>
    `Định nghĩa mẫu ${p.id} hợp lệ: ${n(p.indicators)} chỉ tiêu, ${n(p.sources)} dòng số liệu nguồn, ${n(p.rules)} quy tắc.`,
  cli_form_problems: (p) =>
    `${p.path}: ${n(p.count)} lỗi, định nghĩa này không được dùng cho đến khi sửa hết.`,
  cli_template_written: (p) =>
    `Đã tạo phụ lục ${p.path} (${p.unit}; cấp ${levelLabel(p.level)}; ${periodLabel(p.period)}).`,
  cli_sheet_line: (p) =>
    `'${p.sheet}' — ${p.unit} · ${p.level ? levelLabel(p.level) : (p.levelText ?? "?")} · ${p.period ? periodLabel(p.period) : (p.periodText ?? "?")}`,
  cli_default_unit: () => "Đơn vị báo cáo",
  cli_form_level_missing: (p) =>
    `Mẫu ${p.id} không có cấp ${p.level} (các cấp báo cáo theo mẫu: ${p.levels.join(", ")}).`,
  cli_imported: (p) =>
    `Đã tạo phụ lục ${p.path} từ báo cáo ${p.source}: ${n(p.fromTable)} số liệu từ bảng phụ lục, ${n(p.fromText)} số liệu từ phần báo cáo (có ghi chú trích đoạn).`,
  cli_verdict: (p) =>
    `${p.ready ? "SẴN SÀNG NỘP" : "CHƯA SẴN SÀNG"}: ${counts(p)}${p.blank ? `; còn ${n(p.blank)} chỉ tiêu chưa nhập` : ""}`,
  cli_severity: (p) => ({ error: "LỖI", warning: "CẢNH BÁO", info: "THÔNG TIN" })[p.severity],
  cli_unsupported_versions: (p) => `Mẫu phụ lục không được hỗ trợ: ${p.sheets.join(", ")}.`,
  cli_text_cuts: (p) => {
    const listed = p.places.map(
      (place, at) =>
        `${place}: ${CUT_KIND[p.what[at] ?? "cell"]} ${n(p.lengths[at] ?? 0)} ký tự, cắt còn ${n(p.limits[at] ?? 0)}`,
    );
    const more = p.count - p.places.length;
    return `Đã cắt ${n(p.count)} văn bản dài quá giới hạn của Excel (kết thúc bằng "…"): ${listed.join("; ")}${more > 0 ? `; và ${n(more)} chỗ khác` : ""}.`;
  },

  docx_twice: (p) =>
    `${p.indicator} được ghi hai lần với số liệu khác nhau: ${p.first ?? "trống"} ở ${p.firstAt} và ${p.second ?? "trống"} ở ${p.secondAt}; không xác định được số liệu nào đúng. Sửa để báo cáo chỉ ghi một số liệu.`,
  docx_numbers_unclear: (p) =>
    `Không lấy số liệu của chỉ tiêu ${p.labels.join(" và ")} từ phần báo cáo: cùng một câu nêu ${n(p.count)} số (${p.numbers}), không rõ số nào là của chỉ tiêu này — ${p.place}`,
  docx_no_table: (p) =>
    `Không tìm thấy bảng phụ lục trong báo cáo: chỉ đọc được ${n(p.fromText)} số liệu nêu trong phần báo cáo, các chỉ tiêu khác coi như chưa nhập. Gửi phụ lục dưới dạng bảng Word (mỗi chỉ tiêu một dòng: STT, chỉ tiêu, đơn vị tính, số liệu, ghi chú) hoặc gửi tệp Excel phụ lục.`,
  docx_owner_unclear: (p) =>
    `Không lấy số liệu từ phần báo cáo: số ${p.numbers} đứng cùng câu với các chỉ tiêu ${p.labels.join(" và ")}, không rõ là của chỉ tiêu nào — ${p.place}`,
};
