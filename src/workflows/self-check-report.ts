import type { Bilingual } from "../domain/catalogue";
import { formatCount } from "../domain/format";
import type {
  ApiSetSupport,
  RequestFigures,
  SelfCheckResult,
  SelfCheckStep,
  SelfCheckStepId,
} from "./self-check";

// The self-check's report as plain text, for the IT person to paste into an email: one fact a line, every step with
// its outcome and its requests, in the pane's language. Figures the add-in cannot know are said to be unknown.

/** A language of the report. */
export type ReportLang = "vi" | "en";

/** What each step does, as the pane and the report name it. */
export const STEP_TITLES: Readonly<Record<SelfCheckStepId, Bilingual>> = {
  install: { vi: "Cài phụ lục lên trang nháp", en: "Install the appendix on a scratch sheet" },
  type: { vi: "Nhập số liệu (có một lỗi)", en: "Type values (one of them wrong)" },
  validate: { vi: "Kiểm tra và đánh dấu", en: "Validate and mark" },
  marks: { vi: "Dấu đánh dấu hiện trên trang", en: "Marks appear on the sheet" },
  fix: { vi: "Sửa bằng một lần bấm", en: "One-click fix" },
  fill: { vi: "Điền công thức tỷ lệ", en: "Fill derived formulas" },
  clear: { vi: "Xóa dấu đánh dấu", en: "Clear marks" },
  restore: { vi: "Mở lại trang đang làm việc", en: "Go back to the sheet in use" },
  delete: { vi: "Xóa trang nháp", en: "Delete the scratch sheet" },
  unchanged: { vi: "Sổ làm việc như lúc đầu", en: "Workbook as it was found" },
};

const WORDS = {
  vi: {
    title: "Tự kiểm tra phần bổ trợ “Kiểm tra phụ lục CCHC”",
    at: "Thời điểm (UTC)",
    verdict: "Kết quả",
    passed: "ĐẠT",
    failed: "KHÔNG ĐẠT",
    skipped: "BỎ QUA",
    stepsPassed: (passed: number, all: number) => `${passed}/${all} bước đạt`,
    excel: "Excel",
    application: "ứng dụng",
    platform: "nền tảng",
    version: "phiên bản",
    language: "ngôn ngữ",
    notSaid: "không rõ (Office.context.diagnostics không có)",
    apiSets: "Bộ API có",
    apiMissing: "Bộ API không có",
    none: "không có",
    requests: "Yêu cầu tới Excel",
    requestCount: (figures: RequestFigures) =>
      `${formatCount(figures.syncs, "vi")} lần context.sync trong ${formatCount(figures.runs, "vi")} lần Excel.run (mỗi Excel.run có thể gửi thêm 1 yêu cầu giải phóng, không đếm được)`,
    sizes: "Kích thước lớn nhất",
    sized: (figures: NonNullable<RequestFigures["wire"]>) =>
      `yêu cầu ${formatCount(figures.largestRequestBytes, "vi")} byte, phản hồi ${formatCount(figures.largestResponseBytes, "vi")} byte (đo tại cầu nối tới Excel: ${formatCount(figures.requests, "vi")} yêu cầu)`,
    notMeasurable: "không đo được (phần bổ trợ không thấy được dữ liệu gửi tới Excel)",
    steps: "Các bước",
    stepRequests: (figures: RequestFigures) =>
      `${formatCount(figures.syncs, "vi")} sync/${formatCount(figures.runs, "vi")} run` +
      (figures.wire
        ? `, lớn nhất ${formatCount(figures.wire.largestRequestBytes, "vi")}/${formatCount(figures.wire.largestResponseBytes, "vi")} byte`
        : ""),
    code: "mã lỗi",
    leftBehind: (sheet: string) => `CẦN LÀM: hãy tự xóa trang tính “${sheet}” khỏi sổ làm việc.`,
    platforms: {
      OfficeOnline: "Excel trên web",
      PC: "Excel trên Windows",
      Mac: "Excel cho Mac",
      iOS: "Excel cho iPad",
      Android: "Excel cho Android",
      Universal: "Excel Universal",
    } as Readonly<Record<string, string>>,
  },
  en: {
    title: "Self-check of the “CCHC appendix checker” add-in",
    at: "Time (UTC)",
    verdict: "Result",
    passed: "PASSED",
    failed: "FAILED",
    skipped: "SKIPPED",
    stepsPassed: (passed: number, all: number) => `${passed}/${all} steps passed`,
    excel: "Excel",
    application: "application",
    platform: "platform",
    version: "version",
    language: "language",
    notSaid: "unknown (no Office.context.diagnostics)",
    apiSets: "API sets present",
    apiMissing: "API sets absent",
    none: "none",
    requests: "Requests to Excel",
    requestCount: (figures: RequestFigures) =>
      `${formatCount(figures.syncs, "en")} context.sync calls in ${formatCount(figures.runs, "en")} Excel.run sessions (each Excel.run may send 1 more request releasing what it tracked, not counted)`,
    sizes: "Largest sizes",
    sized: (figures: NonNullable<RequestFigures["wire"]>) =>
      `request ${formatCount(figures.largestRequestBytes, "en")} bytes, response ${formatCount(figures.largestResponseBytes, "en")} bytes (measured at the bridge to Excel: ${formatCount(figures.requests, "en")} requests)`,
    notMeasurable: "not measurable (the add-in cannot see what is sent to Excel)",
    steps: "Steps",
    stepRequests: (figures: RequestFigures) =>
      `${formatCount(figures.syncs, "en")} sync/${formatCount(figures.runs, "en")} run` +
      (figures.wire
        ? `, largest ${formatCount(figures.wire.largestRequestBytes, "en")}/${formatCount(figures.wire.largestResponseBytes, "en")} bytes`
        : ""),
    code: "error code",
    leftBehind: (sheet: string) => `TO DO: please delete sheet “${sheet}” from the workbook yourself.`,
    platforms: {
      OfficeOnline: "Excel on the web",
      PC: "Excel on Windows",
      Mac: "Excel for Mac",
      iOS: "Excel for iPad",
      Android: "Excel for Android",
      Universal: "Excel Universal",
    } as Readonly<Record<string, string>>,
  },
} as const;

/** The words of a step's outcome, in a language: "ĐẠT", "KHÔNG ĐẠT", "BỎ QUA". */
export function statusWord(status: SelfCheckStep["status"], lang: ReportLang): string {
  return WORDS[lang][status];
}

/** Consecutive versions of each set, as ranges: "ExcelApi 1.1–1.15". */
function versionRanges(sets: readonly ApiSetSupport[]): string[] {
  const ranges: string[] = [];
  let run: ApiSetSupport[] = [];
  const close = () => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last)
      ranges.push(
        first === last ? `${first.name} ${first.version}` : `${first.name} ${first.version}–${last.version}`,
      );
    run = [];
  };
  for (const set of sets) {
    if (run.length && run[0]!.name !== set.name) close();
    run.push(set);
  }
  close();
  return ranges;
}

/** Each set's versions split by support, keeping their order, grouped in consecutive runs. */
function apiLines(sets: readonly ApiSetSupport[], supported: boolean): string[] {
  const ranges: string[] = [];
  let chunk: ApiSetSupport[] = [];
  for (const set of sets) {
    if (set.supported === supported) {
      chunk.push(set);
      continue;
    }
    ranges.push(...versionRanges(chunk));
    chunk = [];
  }
  ranges.push(...versionRanges(chunk));
  return ranges;
}

/** The self-check's report as plain text in one language, every step listed. */
export function selfCheckReport(result: SelfCheckResult, lang: ReportLang): string {
  const w = WORDS[lang];
  const { facts } = result;
  const passedSteps = result.steps.filter((step) => step.status === "passed").length;
  const platform = facts.platform
    ? `${facts.platform}${w.platforms[facts.platform] ? ` (${w.platforms[facts.platform]})` : ""}`
    : undefined;
  const said = [
    facts.application ? `${w.application} ${facts.application}` : undefined,
    platform ? `${w.platform} ${platform}` : undefined,
    facts.version ? `${w.version} ${facts.version}` : undefined,
  ].filter((part): part is string => part !== undefined);
  const excel = [
    ...(said.length ? said : [w.notSaid]),
    ...(facts.displayLanguage ? [`${w.language} ${facts.displayLanguage}`] : []),
  ].join("; ");
  const present = apiLines(facts.apiSets, true);
  const absent = apiLines(facts.apiSets, false);
  const lines = [
    w.title,
    `${w.at}: ${result.startedAt.toISOString().replace(/\.\d{3}Z$/, "Z")}`,
    `${w.verdict}: ${result.passed ? w.passed : w.failed} (${w.stepsPassed(passedSteps, result.steps.length)})`,
    `${w.excel}: ${excel}`,
    `${w.apiSets}: ${present.length ? present.join(", ") : w.none}`,
    `${w.apiMissing}: ${absent.length ? absent.join(", ") : w.none}`,
    `${w.requests}: ${w.requestCount(result.requests)}`,
    `${w.sizes}: ${result.requests.wire ? w.sized(result.requests.wire) : w.notMeasurable}`,
    ...(result.leftBehind ? [w.leftBehind(result.leftBehind)] : []),
    `${w.steps}:`,
    ...result.steps.map((step, index) => {
      const code = step.code ? ` (${w.code} ${step.code})` : "";
      const detail = step.detail ? ` ${step.detail[lang]}${code}` : code;
      const cost = step.status === "skipped" ? "" : ` [${w.stepRequests(step.requests)}]`;
      return `${index + 1}. ${statusWord(step.status, lang)} ${step.id}: ${STEP_TITLES[step.id][lang]}.${detail}${cost}`;
    }),
  ];
  return lines.join("\n");
}
