import { createContext, useContext } from "react";
import type { Level } from "../domain/catalogue";
import { formatCount } from "../domain/format";
import { periodLabel } from "../domain/meta";
import type { RuleFamily } from "../domain/rule-kinds/families";
import { familyOfRule } from "../domain/rule-kinds/families";
import type { Severity } from "../domain/values";

/** A language of the pane: Vietnamese first, English available. */
export type Lang = "vi" | "en";

/**
 * The pane's language from Office's display language: English for an English Office, Vietnamese for everything
 * else, since the people who fill the form read Vietnamese whatever language their Office speaks.
 */
export function pickLanguage(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "vi";
}

/** Every text the pane shows, in one language. Functions take the numbers and names they show. */
export interface Strings {
  readonly appTitle: string;
  readonly switchLanguage: string;
  readonly switchLanguageLabel: string;
  readonly otherLang: Lang;
  readonly header: {
    readonly sheet: string;
    readonly unit: string;
    readonly level: string;
    readonly period: string;
    readonly template: string;
    readonly unknown: string;
    readonly notAppendix: string;
    /** The open sheet names a form whose definition the workbook does not carry. */
    formMissing(id: string): string;
  };
  readonly level: Readonly<Record<Level, string>>;
  period(id: string): string;
  readonly actions: {
    readonly check: string;
    readonly fill: string;
    readonly clear: string;
    readonly checkAll: string;
    readonly group: string;
  };
  /** The user's own sheet in a workbook shared by reporting units: which it is, and the question that sets it. */
  readonly own: {
    readonly label: string;
    readonly none: string;
    readonly change: string;
    readonly choose: string;
    readonly question: string;
    readonly intro: string;
    missing(sheet: string): string;
    readonly sheet: string;
    readonly confirm: string;
    readonly cancel: string;
    readonly notSaved: string;
  };
  /** The offer to stamp a sheet that is not the user's, after a fix or fill made it ready. */
  readonly stampOffer: {
    text(sheet: string): string;
    readonly accept: string;
    readonly decline: string;
  };
  readonly install: {
    readonly title: string;
    readonly intro: string;
    readonly unit: string;
    readonly unitHint: string;
    readonly level: string;
    readonly periodKind: string;
    readonly year: string;
    readonly sheetName: string;
    readonly sheetNameHint: string;
    readonly submit: string;
    readonly unitRequired: string;
    readonly yearInvalid: string;
    /** The level select's placeholder once the level chosen is no longer offered (a district after the reform). */
    readonly levelChoose: string;
    /** The level chosen is not one the period or form has: the user picks again, never silently given another. */
    levelDropped(level: string): string;
    readonly periodKinds: Readonly<Record<PeriodKind, string>>;
    done(sheet: string): string;
    /** The choice of form: the built-in ones, or one read from a definition file. */
    readonly form: string;
    readonly formFromFile: string;
    readonly formFileMissing: string;
  };
  /** A form definition picked from disk: to install from, or for a sheet whose form is missing. */
  readonly definition: {
    readonly pick: string;
    readonly pickHint: string;
    reading(file: string): string;
    problems(file: string, count: number): string;
    chosen(id: string, title: string): string;
    mismatch(file: string, found: string, wanted: string): string;
    readonly missingTitle: string;
    embedded(id: string, sheet: string): string;
  };
  /** Appendix sheets a check read but could not check (their form's definition missing, or a newer template). */
  readonly unchecked: {
    title(count: number): string;
    readonly detail: string;
    /** The button that opens such a sheet, where the pane asks for its definition file. */
    open(sheet: string): string;
  };
  readonly progress: {
    reading(sheets: number): string;
    checking(sheets: number): string;
    readonly writing: string;
    readonly working: string;
  };
  readonly verdict: {
    readonly ready: string;
    readonly readyDetail: string;
    notReady(errors: number, warnings: number): string;
    blank(count: number): string;
    readonly empty: string;
    readonly region: string;
  };
  readonly severity: Readonly<Record<Severity, string>>;
  severityGroup(severity: Severity, count: number): string;
  readonly findings: {
    readonly heading: string;
    readonly none: string;
    readonly prompt: string;
    readonly noAppendix: string;
    unknownVersion(sheet: string, version: string): string;
    cell(code: string, address: string): string;
    readonly selectHint: string;
    fixValue(value: string): string;
    readonly fixNumber: string;
    readonly fixFormula: string;
    /** A fix on a sheet that is not the open one, which names its cell: `place` is "Sở TTTT!D120". */
    fixValueAt(place: string, value: string): string;
    fixNumberAt(place: string): string;
    fixFormulaAt(place: string): string;
    /** The findings shown are of `sheet`, not of the sheet the user is on. */
    elsewhere(sheet: string, open: string): string;
    readonly general: string;
    section(number: string, label: string): string;
    readonly sources: Readonly<Record<string, string>>;
  };
  readonly sheets: {
    heading(count: number): string;
    readonly ready: string;
    errors(count: number): string;
    readonly notChecked: string;
  };
  readonly rules: {
    readonly heading: string;
    readonly rule: string;
    readonly passed: string;
    readonly failed: string;
    readonly notEvaluated: string;
    name(rule: string): string;
  };
  readonly stamp: {
    readonly none: string;
    same(at: string): string;
    changed(at: string): string;
    rulesChanged(version: string, hash: string): string;
    written(at: string): string;
    failed(reason: string): string;
  };
  readonly notices: {
    cleared(sheets: number): string;
    filled(formulas: number, kept: number): string;
    fixed(value: string): string;
    /** A fix of a cell on a sheet that is not the open one. */
    fixedAt(place: string, value: string): string;
    reviewed(sheets: number): string;
    reviewedNotAll(sheets: number, notChecked: number): string;
  };
  readonly consolidate: ConsolidateStrings;
  /** Word reports (.docx) beside workbooks in "Tổng hợp". */
  readonly word: {
    readonly pick: string;
    readonly intro: string;
    /** "Cài trang tính từ báo cáo Word…": a unit's sheet filled from its .docx report. */
    readonly install: string;
    readonly installHint: string;
    installing(file: string): string;
    installed(sheet: string, fromTable: number, fromText: number): string;
    exists(sheet: string, unit: string): string;
    readonly replace: string;
    readonly keep: string;
    readonly kept: string;
    readonly notReport: string;
  };
  readonly errors: {
    readonly title: string;
    readonly dismiss: string;
    readonly cellEditing: string;
    generic(detail: string): string;
    /** A part of the pane whose code could not be fetched (the network), with a button to fetch it again. */
    readonly loadFailed: string;
    readonly retry: string;
  };
  /** The 2025 reform of local government in the install form: why a later period offers no district. */
  readonly reform: {
    /** The level's hint for a period after the reform, given the date the districts ended. */
    noDistricts(since: string): string;
  };
}

/** The texts of the "Tổng hợp" section, where Sở Nội vụ consolidates the units' appendices. */
export interface ConsolidateStrings {
  readonly title: string;
  readonly pickHint: string;
  readonly clearFiles: string;
  filesRead(read: number, failed: number): string;
  reading(done: number, total: number, file: string): string;
  readonly fileFailed: string;
  readonly expected: string;
  readonly expectedHint: string;
  readonly previous: string;
  readonly pickPrevious: string;
  readonly clearPrevious: string;
  readonly previousHint: string;
  readonly previousChosen: (file: string, period: string | undefined) => string;
  readonly readingPrevious: string;
  readonly replaceSummary: string;
  readonly replaceSummaryHint: string;
  readonly roles: string;
  readonly rolesHint: string;
  readonly rolesLater: string;
  readonly rolesChanged: string;
  readonly unit: string;
  readonly role: string;
  /** The roles list's choice of no office; the offices are named by the form. */
  readonly noRole: string;
  readonly guessed: string;
  readonly run: string;
  readonly rerun: string;
  progress(phase: "reading" | "consolidating" | "writing", count: number): string;
  done(units: number, form: string): string;
  sheets(names: readonly string[]): string;
  unitsHeading(count: number): string;
  readonly unitReady: string;
  unitFindings(errors: number, warnings: number): string;
  readonly unitDuplicate: string;
  missing(names: readonly string[]): string;
  readonly excludedTitle: string;
  /** Title of the lines naming the hidden sheets that were summed. */
  readonly hiddenTitle: string;
  issues(count: number, sheet: string): string;
}

/** The period kinds the install form offers. */
export type PeriodKind = "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "Y";

const RULE_KIND_VI: Readonly<Record<RuleFamily, string>> = {
  unit: "Đơn vị tính và miền giá trị",
  complete: "Đủ chỉ tiêu theo cấp",
  balance: "Cân đối",
  ofWhich: "Tổng và phần “trong đó”",
  stock: "Hồ sơ tồn",
  order: "Thứ tự",
  derived: "Tỷ lệ tính từ số liệu chi tiết",
  pattern: "Sao chép khối",
  period: "Cấp và chỉ tiêu theo kỳ báo cáo",
  plausible: "Số liệu trong mức hợp lý",
};

/** A rule's name for the per-rule summary: its kind's name in a language, then what it is about. */
export function ruleName(kinds: Readonly<Record<RuleFamily, string>>, rule: string): string {
  const family = familyOfRule(rule);
  const detail = family.length < rule.length ? rule.slice(family.length + 1).replace(/<=/g, " ≤ ") : "";
  // A definition form's own rule id that names no family is shown as written.
  const name = Object.hasOwn(kinds, family) ? kinds[family as RuleFamily] : family;
  return detail ? `${name}: ${detail}` : name;
}

function periodVi(id: string): string {
  try {
    return periodLabel(id);
  } catch {
    return id;
  }
}

const vi: Strings = {
  appTitle: "Phụ lục thống kê CCHC",
  switchLanguage: "English",
  switchLanguageLabel: "Switch the pane to English",
  otherLang: "en",
  header: {
    sheet: "Trang tính",
    unit: "Đơn vị",
    level: "Cấp",
    period: "Kỳ báo cáo",
    template: "Mẫu",
    unknown: "—",
    notAppendix: "Trang tính này chưa có phụ lục.",
    formMissing: (id) =>
      `Trang tính này theo mẫu ${id}, nhưng sổ làm việc không mang định nghĩa của mẫu này nên chưa kiểm tra được.`,
  },
  level: { so: "Sở, ngành", huyen: "Huyện", xa: "Xã" },
  period: periodVi,
  actions: {
    check: "Kiểm tra trước khi nộp",
    fill: "Điền tỷ lệ tự động",
    clear: "Xóa đánh dấu",
    checkAll: "Kiểm tra tất cả",
    group: "Thao tác",
  },
  own: {
    label: "Trang tính của tôi",
    none: "chưa chọn",
    change: "Đổi",
    choose: "Chọn",
    question: "Trang phụ lục nào là của bạn?",
    intro:
      "Sổ làm việc này có nhiều trang phụ lục. “Kiểm tra trước khi nộp” chỉ kiểm tra, đánh dấu và ghi dấu kiểm tra trên trang của bạn; trang của đơn vị khác không bị thay đổi. Lựa chọn được ghi nhớ cho riêng bạn trên sổ này.",
    missing: (sheet) =>
      `Không còn thấy trang “${sheet}” bạn đã chọn (có thể đã đổi tên hoặc bị xóa). Hãy chọn lại.`,
    sheet: "Trang phụ lục",
    confirm: "Đây là trang của tôi",
    cancel: "Hủy",
    notSaved: "Không lưu được lựa chọn trang của bạn; lần sau mở ngăn tác vụ sẽ hỏi lại.",
  },
  stampOffer: {
    text: (sheet) =>
      `Trang “${sheet}” không còn lỗi nhưng không phải trang của bạn, nên chưa được ghi dấu kiểm tra. Dấu kiểm tra xác nhận đơn vị gửi đã tự kiểm tra: chỉ ghi khi bạn kiểm tra thay cho đơn vị đó.`,
    accept: "Ghi dấu kiểm tra lên trang này",
    decline: "Không ghi",
  },
  install: {
    title: "Cài đặt phụ lục",
    intro: "Thêm một trang phụ lục theo mẫu chuẩn cho một đơn vị báo cáo.",
    unit: "Tên đơn vị báo cáo",
    unitHint: "Ví dụ: Sở Thông tin và Truyền thông",
    level: "Cấp",
    periodKind: "Kỳ báo cáo",
    year: "Năm",
    sheetName: "Tên trang tính",
    sheetNameHint: "Không bắt buộc; mặc định là tên đơn vị, tối đa 31 ký tự.",
    submit: "Thêm trang phụ lục",
    unitRequired: "Hãy nhập tên đơn vị báo cáo.",
    yearInvalid: "Năm phải từ 2000 đến 2099.",
    levelChoose: "— Chọn cấp —",
    levelDropped: (level) => `Kỳ hoặc mẫu đã chọn không có cấp “${level}”: hãy chọn lại cấp của đơn vị.`,
    periodKinds: { Q1: "Quý I", Q2: "Quý II", Q3: "Quý III", Q4: "Quý IV", H1: "6 tháng", Y: "Cả năm" },
    done: (sheet) => `Đã thêm trang phụ lục “${sheet}”.`,
    form: "Mẫu",
    formFromFile: "Mẫu từ tệp định nghĩa…",
    formFileMissing: "Hãy chọn tệp định nghĩa mẫu.",
  },
  definition: {
    pick: "Chọn tệp định nghĩa…",
    pickHint: "Tệp .xlsx định nghĩa mẫu (các trang Mẫu, Chỉ tiêu, Quy tắc) do Sở Nội vụ ban hành.",
    reading: (file) => `Đang đọc “${file}”…`,
    problems: (file, count) =>
      `Tệp “${file}” có ${formatCount(count, "vi")} lỗi, chưa dùng được cho đến khi sửa hết:`,
    chosen: (id, title) => `Mẫu ${id}: ${title}`,
    mismatch: (file, found, wanted) =>
      `Tệp “${file}” định nghĩa mẫu ${found}, không phải mẫu ${wanted} mà trang tính này được tạo từ đó: hãy chọn đúng tệp định nghĩa đã dùng để tạo trang.`,
    missingTitle: "Thiếu định nghĩa mẫu",
    embedded: (id, sheet) => `Đã lưu định nghĩa mẫu ${id} vào sổ làm việc và kiểm tra trang “${sheet}”.`,
  },
  unchecked: {
    title: (count) => `${formatCount(count, "vi")} trang phụ lục chưa được kiểm tra`,
    detail: "Kết quả kiểm tra không gồm các trang này, nên chưa thể coi sổ làm việc là sẵn sàng nộp.",
    open: (sheet) => `Mở trang “${sheet}” để chọn tệp định nghĩa`,
  },
  progress: {
    reading: (sheets) => `Đang đọc ${formatCount(sheets, "vi")} trang tính…`,
    checking: (sheets) => `Đang kiểm tra ${formatCount(sheets, "vi")} trang phụ lục…`,
    writing: "Đang đánh dấu các ô cần xem lại…",
    working: "Đang xử lý…",
  },
  verdict: {
    ready: "Sẵn sàng nộp",
    readyDetail: "Không có lỗi.",
    notReady: (errors, warnings) =>
      `${formatCount(errors, "vi")} lỗi, ${formatCount(warnings, "vi")} cảnh báo`,
    blank: (count) => `Còn ${formatCount(count, "vi")} chỉ tiêu chưa nhập.`,
    empty: "Phụ lục chưa có số liệu nào.",
    region: "Kết quả kiểm tra",
  },
  severity: { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" },
  severityGroup: (severity, count) => `${vi.severity[severity]} (${formatCount(count, "vi")})`,
  findings: {
    heading: "Các điểm cần xem",
    none: "Không có điểm nào cần xem.",
    prompt:
      "Nhấn “Kiểm tra trước khi nộp” để kiểm tra phụ lục. Sau đó, mỗi lần sửa số liệu, phụ lục được kiểm tra lại tự động.",
    noAppendix: "Không tìm thấy trang phụ lục nào trong sổ làm việc. Hãy cài đặt phụ lục.",
    unknownVersion: (sheet, version) =>
      `Trang “${sheet}” dùng mẫu ${version}, mới hơn phiên bản này của công cụ: hãy cập nhật phần bổ trợ.`,
    cell: (code, address) => `${code} · ô ${address}`,
    selectHint: "Chọn để đến ô này trong bảng tính",
    fixValue: (value) => `Sửa thành ${value}`,
    fixNumber: "Chuyển thành số",
    fixFormula: "Khôi phục công thức",
    fixValueAt: (place, value) => `Sửa ${place} thành ${value}`,
    fixNumberAt: (place) => `Chuyển ${place} thành số`,
    fixFormulaAt: (place) => `Khôi phục công thức ở ${place}`,
    elsewhere: (sheet, open) =>
      `Kết quả dưới đây là của trang “${sheet}”, không phải của trang đang mở (“${open}”).`,
    general: "Toàn phụ lục",
    section: (number, label) => `Mục ${number}. ${label}`,
    sources: {
      HS: "Số liệu chi tiết: hồ sơ thủ tục hành chính",
      DV: "Số liệu chi tiết: dịch vụ công trực tuyến",
      QT: "Số liệu chi tiết: quy trình nội bộ",
      VB: "Số liệu chi tiết: văn bản điện tử",
      BC: "Số liệu chi tiết: biên chế năm 2015",
    },
  },
  sheets: {
    heading: (count) => `Các trang phụ lục (${formatCount(count, "vi")})`,
    ready: "sẵn sàng",
    errors: (count) => `${formatCount(count, "vi")} lỗi`,
    notChecked: "chưa kiểm tra",
  },
  rules: {
    heading: "Tóm tắt theo quy tắc",
    rule: "Quy tắc",
    passed: "Đạt",
    failed: "Không đạt",
    notEvaluated: "Chưa xét",
    name: (rule) => ruleName(RULE_KIND_VI, rule),
  },
  stamp: {
    none: "Chưa có dấu kiểm tra trên trang này.",
    same: (at) => `Đã kiểm tra lúc ${at}; số liệu không thay đổi từ đó.`,
    changed: (at) => `Số liệu đã thay đổi sau lần kiểm tra lúc ${at}. Hãy kiểm tra lại trước khi nộp.`,
    rulesChanged: (version, hash) => `Dấu kiểm tra được tạo với bộ quy tắc khác (${version} #${hash}).`,
    written: (at) => `Đã ghi dấu kiểm tra vào trang tính lúc ${at} (bên dưới số liệu chi tiết).`,
    failed: (reason) => `Không ghi được dấu kiểm tra: ${reason}`,
  },
  notices: {
    cleared: (sheets) => `Đã xóa đánh dấu trên ${formatCount(sheets, "vi")} trang tính.`,
    filled: (formulas, kept) =>
      `Đã điền công thức cho ${formatCount(formulas, "vi")} tỷ lệ` +
      (kept ? `; giữ nguyên ${formatCount(kept, "vi")} tỷ lệ đã nhập tay.` : "."),
    fixed: (value) => `Đã sửa: ${value}.`,
    fixedAt: (place, value) => `Đã sửa ${place}: ${value}.`,
    reviewed: (sheets) =>
      `Đã kiểm tra ${formatCount(sheets, "vi")} trang phụ lục; không đánh dấu, không ghi dấu kiểm tra lên trang nào.`,
    reviewedNotAll: (sheets, notChecked) =>
      `Đã kiểm tra ${formatCount(sheets, "vi")} trang phụ lục; ${formatCount(notChecked, "vi")} trang chưa kiểm tra được (xem bên dưới). Không đánh dấu, không ghi dấu kiểm tra lên trang nào.`,
  },
  consolidate: {
    title: "Tổng hợp phụ lục các đơn vị",
    pickHint: "Có thể chọn nhiều tệp một lúc.",
    clearFiles: "Bỏ các tệp đã chọn",
    filesRead: (read, failed) =>
      `Đã đọc ${formatCount(read, "vi")} tệp` +
      (failed ? `; ${formatCount(failed, "vi")} tệp không đọc được.` : "."),
    reading: (done, total, file) =>
      `Đang đọc tệp ${formatCount(done, "vi")}/${formatCount(total, "vi")}: ${file}…`,
    fileFailed: "Không đọc được tệp",
    expected: "Đơn vị phải báo cáo (không bắt buộc)",
    expectedHint: "Mỗi dòng một tên đơn vị; đơn vị chưa có phụ lục được liệt kê ở trang “Thiếu”.",
    previous: "Kỳ trước (không bắt buộc)",
    pickPrevious: "Chọn tệp kỳ trước…",
    clearPrevious: "Bỏ tệp kỳ trước",
    previousHint:
      "Bảng tổng hợp hoặc phụ lục của kỳ trước: để cảnh báo số lũy kế bị giảm và số hồ sơ chuyển kỳ không khớp.",
    previousChosen: (file, period) => `So sánh với kỳ trước${period ? ` (${period})` : ""}: ${file}.`,
    readingPrevious: "Đang đọc tệp kỳ trước…",
    replaceSummary: "Ghi đè bảng tổng hợp đã có",
    replaceSummaryHint:
      "Ghi lại các trang “Tổng hợp”, “Đơn vị”, “Thiếu”… của lần tổng hợp trước thay vì thêm trang mới “Tổng hợp (2)”. Những gì đã sửa tay trên các trang đó sẽ mất.",
    roles: "Vai trò của đơn vị",
    rolesHint:
      "Chỉ tiêu toàn tỉnh lấy từ một cơ quan: Văn phòng UBND tỉnh, Sở Nội vụ, Sở Khoa học và Công nghệ (trước ngày 1/3/2025: Sở Thông tin và Truyền thông). Vai trò mặc định theo tên đơn vị, như lệnh consolidate của dòng lệnh; có thể sửa.",
    rolesLater: "Danh sách đơn vị hiện ra sau lần tổng hợp đầu tiên.",
    rolesChanged: "Đã đổi vai trò: nhấn “Tổng hợp lại” để áp dụng.",
    unit: "Đơn vị",
    role: "Vai trò",
    noRole: "Không",
    guessed: "mặc định theo tên",
    run: "Tổng hợp",
    rerun: "Tổng hợp lại",
    progress: (phase, count) =>
      phase === "reading"
        ? `Đang đọc ${formatCount(count, "vi")} trang tính…`
        : phase === "consolidating"
          ? `Đang tổng hợp ${formatCount(count, "vi")} đơn vị…`
          : `Đang ghi ${formatCount(count, "vi")} trang tổng hợp…`,
    done: (units, form) => `Đã tổng hợp ${formatCount(units, "vi")} đơn vị vào trang “${form}”.`,
    sheets: (names) => `Các trang đã ghi: ${names.join(", ")}.`,
    unitsHeading: (count) => `Các đơn vị (${formatCount(count, "vi")})`,
    unitReady: "sẵn sàng",
    unitFindings: (errors, warnings) =>
      `${formatCount(errors, "vi")} lỗi, ${formatCount(warnings, "vi")} cảnh báo`,
    unitDuplicate: "trùng, không cộng lại",
    missing: (names) => `Chưa có phụ lục của ${formatCount(names.length, "vi")} đơn vị: ${names.join(", ")}.`,
    excludedTitle: "Không tổng hợp được",
    hiddenTitle: "Đã cộng cả trang tính đang ẩn",
    issues: (count, sheet) => `${formatCount(count, "vi")} cảnh báo khi tổng hợp: xem trang “${sheet}”.`,
  },
  errors: {
    title: "Không thực hiện được",
    dismiss: "Đóng thông báo",
    cellEditing: "Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc rồi thử lại.",
    generic: (detail) => `Excel không thực hiện được yêu cầu. Chi tiết: ${detail}`,
    loadFailed: "Không tải được phần này: kiểm tra kết nối mạng rồi thử lại.",
    retry: "Thử lại",
  },
  word: {
    pick: "Chọn tệp .xlsx, .docx…",
    intro:
      "Tổng hợp các trang phụ lục trong sổ làm việc này và các tệp chọn thêm: phụ lục Excel (.xlsx) hoặc báo cáo Word (.docx) có bảng phụ lục ở cuối. Bảng tổng hợp được ghi vào các trang tính mới; trang của các đơn vị không bị sửa.",
    install: "Cài trang tính từ báo cáo Word…",
    installHint:
      "Chọn báo cáo .docx của đơn vị: một trang phụ lục mới được điền số liệu của báo cáo; số liệu lấy từ phần báo cáo (không có trong bảng) có ghi chú trích đoạn đó.",
    installing: (file) => `Đang đọc báo cáo “${file}”…`,
    installed: (sheet, fromTable, fromText) =>
      `Đã cài trang “${sheet}” từ báo cáo Word: ${formatCount(fromTable, "vi")} số liệu từ bảng phụ lục, ${formatCount(fromText, "vi")} số liệu từ phần báo cáo (có ghi chú trích đoạn).`,
    exists: (sheet, unit) =>
      `Sổ làm việc đã có trang “${sheet}” của ${unit}. Ghi số liệu của báo cáo đè lên trang đó? Những gì đã nhập trên trang sẽ được thay bằng số liệu của báo cáo.`,
    replace: "Ghi đè trang đó",
    keep: "Không ghi đè",
    kept: "Không thay đổi gì: trang của đơn vị giữ nguyên.",
    notReport: "Tệp này không phải báo cáo Word (.docx): hãy chọn tệp báo cáo .docx của đơn vị.",
  },
  reform: {
    noDistricts: (since) => `Từ ${since} không còn cấp huyện: chọn Sở, ngành hoặc Xã.`,
  },
};

// Vietnamese is in the pane's first load; English's texts are a chunk of their own (./i18n-en.ts), fetched by
// ./languages.ts when the pane is shown in English and, for the notices and errors every action writes in both
// languages, once the open sheet's first verdict stands.
const LOADED: Partial<Record<Lang, Strings>> = { vi };

/** Registers a language's texts once its module is loaded (./languages.ts). */
export function registerStrings(lang: Lang, strings: Strings): void {
  LOADED[lang] = strings;
}

/** True once `lang`'s texts are loaded. */
export function hasStrings(lang: Lang): boolean {
  return LOADED[lang] !== undefined;
}

/**
 * The pane's texts by language. Whatever shows or writes English awaits its module first (loadStrings,
 * loadBothStrings); should the network never bring it, Vietnamese stands in rather than the pane failing.
 */
export const STRINGS: Readonly<Record<Lang, Strings>> = {
  vi,
  get en(): Strings {
    return LOADED.en ?? vi;
  },
};

/** The language in use and the way to change it, for every component below App. */
export interface LanguageState {
  readonly lang: Lang;
  readonly t: Strings;
  readonly setLang: (lang: Lang) => void;
}

/** The pane's language, provided by App. */
export const LanguageContext = createContext<LanguageState>({ lang: "vi", t: vi, setLang: () => undefined });

/** The texts of the pane's current language. */
export function useStrings(): LanguageState {
  return useContext(LanguageContext);
}
