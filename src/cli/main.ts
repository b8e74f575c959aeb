import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { Bilingual, Level } from "../domain/catalogue";
import { isLevel } from "../domain/catalogue";
import type { Lang } from "../domain/messages";
import { checkLevelInPeriod, InvalidMetaError, levelLabel, parsePeriod, periodLabel } from "../domain/meta";
import type { FileReport, ValidationReport } from "../workflows/report";
import { sheetReport } from "../workflows/sheet-report";
import { SheetNameError } from "../workflows/template-spec";
import { validateSheets } from "../workflows/validate";
import type { CommandName } from "./help";
import {
  asksForHelp,
  commandHelp,
  generalHelp,
  isCommandName,
  isParseArgsError,
  parseArgsMessage,
} from "./help";
import { checkOutput, OutputError, writeOutputFile } from "./output";
import { countEn, countVi, terminalJson, terminalText, textCutsMessage } from "./terminal";
import { placeFindings } from "../docx/findings";
import { NOT_A_REPORT } from "../docx/report";
import type { ReadInput } from "./xlsx/read";
import { readInputFile, WorkbookReadError } from "./xlsx/read";
import type { TextCut } from "./xlsx/template";

// exceljs (about 600 modules), zod and the consolidation are loaded by the commands that need them, so that
// `--help` and `validate` start in the time node itself takes (issue 16).

/** Exit codes of DESIGN.md section 6: 2 (could not do the job for a file) wins over 1 (an error finding). */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

/** Where the CLI writes; tests pass their own. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** A wrong command line: said in both languages, followed by the command's help. */
class UsageError extends Error {
  constructor(
    readonly bilingual: Bilingual,
    readonly command?: CommandName,
  ) {
    super(bilingual.en);
  }
}

/** The environment variable that adds the technical detail to an unexpected error. */
export const DEBUG_VARIABLE = "CCHC_DEBUG";

/**
 * Runs the command line with its arguments (without node and the script) and returns the exit code. Never throws:
 * every failure, expected or not, is a message in both languages on stderr and exit code 2; the technical detail of
 * an unexpected one only when CCHC_DEBUG=1.
 */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    return await dispatch(command, rest, output);
  } catch (error) {
    return failureExit(error, isCommandName(command ?? "") ? (command as CommandName) : undefined, output);
  }
}

async function dispatch(
  command: string | undefined,
  rest: readonly string[],
  output: Output,
): Promise<number> {
  switch (command) {
    case "template":
    case "validate":
    case "consolidate":
    case "import":
      if (asksForHelp(rest)) {
        output.out(commandHelp(command));
        return EXIT.ok;
      }
      if (command === "template") return await templateCommand(rest, output);
      if (command === "import") return await (await import("./import")).importCommand(rest, output);
      if (command === "validate") return await validateCommand(rest, output);
      return await (await import("./consolidate")).consolidateCommand(rest, output);
    case "help": {
      const topic = rest[0];
      output.out(topic !== undefined && isCommandName(topic) ? commandHelp(topic) : generalHelp());
      return EXIT.ok;
    }
    case "--help":
    case "-h":
      output.out(generalHelp());
      return EXIT.ok;
    case undefined:
      throw new UsageError({ vi: "Chưa chỉ định lệnh.", en: "No command given." });
    default:
      throw new UsageError({
        vi: `Lệnh không hợp lệ: "${terminalText(command)}" (dùng template, validate, consolidate hoặc import).`,
        en: `Unknown command: "${terminalText(command)}" (use template, validate, consolidate or import).`,
      });
  }
}

/** A message on stderr in both languages; a path or a value typed or read in it made terminal-safe. */
function say(output: Output, text: Bilingual): void {
  output.err(`${terminalText(text.vi)}\n${terminalText(text.en)}\n`);
}

function failureExit(error: unknown, command: CommandName | undefined, output: Output): number {
  const help = command ? commandHelp(command) : generalHelp();
  if (error instanceof UsageError) {
    say(output, error.bilingual);
    output.err(`\n${error.command ? commandHelp(error.command) : help}`);
  } else if (isParseArgsError(error)) {
    say(output, parseArgsMessage(error));
    output.err(`\n${help}`);
  } else if (error instanceof OutputError) {
    say(output, error.bilingual);
  } else {
    say(output, {
      vi: `Lỗi không mong đợi: công cụ không làm được việc này. Chạy lại với ${DEBUG_VARIABLE}=1 để xem chi tiết, và gửi chi tiết đó cho người bảo trì.`,
      en: `Unexpected error: the tool could not do this. Run again with ${DEBUG_VARIABLE}=1 to see the detail, and send it to the maintainers.`,
    });
    if (process.env[DEBUG_VARIABLE] === "1") {
      output.err(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
    }
  }
  return EXIT.failure;
}

const PERIOD_FORMS: Bilingual = {
  vi: '2021-Q3 hoặc "Quý III/2021"; 2021-H1 hoặc "6 tháng 2021"; 2021 hoặc "Năm 2021" (năm 2000–2099)',
  en: '2021-Q3 or "Quý III/2021"; 2021-H1 or "6 tháng 2021"; 2021 or "Năm 2021" (years 2000–2099)',
};

async function templateCommand(args: readonly string[], output: Output): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      output: { type: "string", short: "o" },
      unit: { type: "string", default: "Đơn vị báo cáo" },
      level: { type: "string", default: "so" },
      period: { type: "string" },
      force: { type: "boolean", default: false },
    },
  });
  if (!values.output) {
    throw new UsageError(
      { vi: "Thiếu tên tệp đầu ra: -o TỆP.xlsx.", en: "Missing the output file: -o FILE.xlsx." },
      "template",
    );
  }
  const level = values.level;
  if (!isLevel(level)) {
    throw new UsageError(
      {
        vi: `Cấp không hợp lệ: "${terminalText(values.level)}" (dùng so, huyen hoặc xa).`,
        en: `Invalid level: "${terminalText(values.level)}" (use so, huyen or xa).`,
      },
      "template",
    );
  }
  const typed = values.period ?? `${new Date().getFullYear()}-Q${Math.floor(new Date().getMonth() / 3) + 1}`;
  // The id, whatever notation was typed: the template's writer takes ids only.
  const period = parsePeriod(typed);
  if (!period) {
    throw new UsageError(
      {
        vi: `Kỳ báo cáo không hợp lệ: "${terminalText(typed)}". Dùng một trong các dạng: ${PERIOD_FORMS.vi}.`,
        en: `Invalid period: "${terminalText(typed)}". Use one of: ${PERIOD_FORMS.en}.`,
      },
      "template",
    );
  }
  // A district for a period after the 2025 reform is refused before anything is written.
  try {
    checkLevelInPeriod(level, period);
  } catch (error) {
    if (error instanceof InvalidMetaError) throw new UsageError(error.bilingual, "template");
    throw error;
  }
  await checkOutput(values.output, [], values.force);
  const cuts: TextCut[] = [];
  let workbook;
  try {
    const { templateWorkbook } = await import("./xlsx/template");
    workbook = await templateWorkbook({ unit: values.unit, level, period }, undefined, (cut) =>
      cuts.push(cut),
    );
  } catch (error) {
    if (error instanceof SheetNameError) throw new UsageError(error.bilingual, "template");
    throw error;
  }
  await writeOutputFile(values.output, new Uint8Array(await workbook.xlsx.writeBuffer()), values.force);
  const cutText = textCutsMessage(cuts);
  if (cutText) say(output, cutText);
  const file = terminalText(values.output);
  const unit = terminalText(values.unit);
  output.out(
    `Đã tạo phụ lục ${file} (${unit}, ${levelLabel(level)}, ${periodLabel(period)}).\n` +
      `Wrote the appendix ${file} (${unit}, ${level}, ${period}).\n`,
  );
  return EXIT.ok;
}

async function validateCommand(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      lang: { type: "string", default: "vi" },
    },
  });
  if (values.format !== "text" && values.format !== "json") {
    throw new UsageError(
      {
        vi: `Định dạng không hợp lệ: "${terminalText(values.format)}" (dùng text hoặc json).`,
        en: `Invalid format: "${terminalText(values.format)}" (use text or json).`,
      },
      "validate",
    );
  }
  if (values.lang !== "vi" && values.lang !== "en") {
    throw new UsageError(
      {
        vi: `Ngôn ngữ không hợp lệ: "${terminalText(values.lang)}" (dùng vi hoặc en).`,
        en: `Invalid language: "${terminalText(values.lang)}" (use vi or en).`,
      },
      "validate",
    );
  }
  if (!positionals.length) {
    throw new UsageError({ vi: "Chưa chỉ định tệp cần kiểm tra.", en: "No file to validate." }, "validate");
  }
  const lang: Lang = values.lang;
  const report: ValidationReport = { schema: 1, files: [] };
  let exit: number = EXIT.ok;
  for (const file of positionals) {
    const entry = await validateFile(file);
    report.files.push(entry);
    if (entry.error) {
      exit = EXIT.failure;
      const name = terminalText(file);
      output.err(
        `${name}: ${terminalText(entry.error.message)}\n${name}: ${terminalText(entry.error.messageEn ?? "")}\n`,
      );
    } else if (exit === EXIT.ok && entry.sheets.some((sheet) => sheet.summary.counts.error > 0)) {
      exit = EXIT.findings;
    }
    if (values.format === "text") output.out(textReport(entry, lang));
  }
  if (values.format === "json") {
    const { ValidationReportSchema } = await import("../workflows/report");
    output.out(`${terminalJson(JSON.stringify(ValidationReportSchema.parse(report), null, 2))}\n`);
  }
  return exit;
}

async function validateFile(file: string): Promise<FileReport> {
  let input: ReadInput;
  try {
    input = await readInputFile(file);
  } catch (error) {
    if (error instanceof WorkbookReadError) {
      return { file, error: { message: error.bilingual.vi, messageEn: error.bilingual.en }, sheets: [] };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return {
      file,
      error: { message: `Không đọc được tệp: ${detail}`, messageEn: `Cannot read the file: ${detail}` },
      sheets: [],
    };
  }
  const result = validateSheets(input.sheets);
  const word = input.word;
  const report = word
    ? (sheet: (typeof result.sheets)[number]) => placeFindings(sheetReport(sheet), word)
    : sheetReport;
  if (result.unknownVersions.length) {
    const list = result.unknownVersions.map((entry) => `'${entry.sheet}' (${entry.version})`).join(", ");
    return {
      file,
      error: {
        message: `Mẫu phụ lục không được hỗ trợ: ${list}.`,
        messageEn: `Unsupported template version: ${list}.`,
      },
      sheets: result.sheets.map(report),
    };
  }
  if (!result.sheets.length && word) {
    return { file, error: { message: NOT_A_REPORT.vi, messageEn: NOT_A_REPORT.en }, sheets: [] };
  }
  if (!result.sheets.length) {
    return {
      file,
      error: {
        message: `Tệp không có trang tính nào chứa phụ lục thống kê CCHC (đã xem: ${result.skipped.join(", ") || "không có trang nào"}).`,
        messageEn: `No sheet of this file holds a CCHC appendix (looked at: ${result.skipped.join(", ") || "no sheet"}).`,
      },
      sheets: [],
    };
  }
  return { file, sheets: result.sheets.map(report) };
}

const SEVERITY_TEXT: Record<Lang, Record<"error" | "warning" | "info", string>> = {
  vi: { error: "LỖI", warning: "CẢNH BÁO", info: "THÔNG TIN" },
  en: { error: "ERROR", warning: "WARNING", info: "INFO" },
};

function verdictLine(sheet: FileReport["sheets"][number], lang: Lang): string {
  const { error, warning, info } = sheet.summary.counts;
  const blank = sheet.summary.blankExpected;
  if (lang === "vi") {
    const head = sheet.verdict === "ready" ? "SẴN SÀNG NỘP" : "CHƯA SẴN SÀNG";
    const counts = [countVi(error, "lỗi"), countVi(warning, "cảnh báo"), countVi(info, "thông tin")].join(
      ", ",
    );
    return `${head}: ${counts}${blank ? `; còn ${countVi(blank, "chỉ tiêu")} chưa nhập` : ""}`;
  }
  const head = sheet.verdict === "ready" ? "READY TO SUBMIT" : "NOT READY";
  const counts = [
    countEn(error, "error", "errors"),
    countEn(warning, "warning", "warnings"),
    countEn(info, "note", "notes"),
  ];
  return `${head}: ${counts.join(", ")}${blank ? `; ${countEn(blank, "expected indicator", "expected indicators")} blank` : ""}`;
}

/** A label of a level or period read from a file, or "?" when it is none the tool knows. */
function labelOr(label: (value: string) => string, value: string | null): string {
  if (value === null) return "?";
  try {
    return label(value);
  } catch {
    return terminalText(value);
  }
}

function textReport(entry: FileReport, lang: Lang): string {
  if (entry.error) return "";
  const lines = [terminalText(basename(entry.file))];
  for (const sheet of entry.sheets) {
    const level = labelOr((value) => levelLabel(value as Level), sheet.level);
    const period = labelOr(periodLabel, sheet.period);
    lines.push(
      `  '${terminalText(sheet.sheet)}' — ${terminalText(sheet.unit ?? "?")} · ${level} · ${period}`,
    );
    lines.push(`  ${verdictLine(sheet, lang)}`);
    for (const finding of sheet.findings) {
      // A Word report's findings say their place (table row, paragraph) in their message: no cell to show.
      const address = finding.cells[0] ?? "";
      const cell = terminalText(address.includes("!") ? address.replace(/^.*!/, "") : "");
      lines.push(
        `    ${SEVERITY_TEXT[lang][finding.severity].padEnd(9)} ${cell.padEnd(5)} ${terminalText(finding.message[lang])}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
