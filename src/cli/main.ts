import { writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { Level } from "../domain/catalogue";
import { LevelSchema } from "../domain/catalogue";
import type { Lang } from "../domain/messages";
import { levelLabel, parsePeriod, periodLabel } from "../domain/meta";
import type { FileReport, ValidationReport } from "../workflows/report";
import { sheetReport, ValidationReportSchema } from "../workflows/report";
import { validateSheets } from "../workflows/validate";
import { consolidateCommand } from "./consolidate";
import { readWorkbookFile, WorkbookReadError } from "./xlsx/read";
import { templateWorkbook } from "./xlsx/template";

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

const USAGE = `cchc-appendix — phụ lục thống kê cải cách hành chính / CCHC statistical appendix

Cách dùng / Usage:
  cchc-appendix template -o FILE.xlsx [--unit "Tên đơn vị"] [--level so|huyen|xa] [--period 2021-Q3]
  cchc-appendix validate FILE.xlsx... [--format text|json] [--lang vi|en]
  cchc-appendix consolidate FILE.xlsx... -o SUMMARY.xlsx [--expect units.txt] [--previous LAST.xlsx] [--roles roles.txt]

Mã thoát / Exit codes: 0 không có lỗi / no error; 1 có lỗi / error findings; 2 không đọc được tệp / a file could not be read.
`;

class UsageError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Runs the command line with its arguments (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "template":
        return await templateCommand(rest, output);
      case "validate":
        return await validateCommand(rest, output);
      case "consolidate":
        return await consolidateCommand(rest, output);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        output.out(USAGE);
        return command === undefined ? EXIT.failure : EXIT.ok;
      default:
        throw new UsageError(`Lệnh không hợp lệ: "${command}".`, `Unknown command: "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`${error.vi}\n${error.en}\n\n${USAGE}`);
      return EXIT.failure;
    }
    // Checked by code, not class: parseArgs throws Node's own TypeError, which need not be this realm's.
    if (isParseArgsError(error)) {
      output.err(
        `Tham số không hợp lệ: ${String(error.message)}\nInvalid arguments: ${String(error.message)}\n\n${USAGE}`,
      );
      return EXIT.failure;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): error is Error {
  return (
    typeof error === "object" &&
    error !== null &&
    String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")
  );
}

async function templateCommand(args: readonly string[], output: Output): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      output: { type: "string", short: "o" },
      unit: { type: "string", default: "Đơn vị báo cáo" },
      level: { type: "string", default: "so" },
      period: { type: "string" },
    },
  });
  if (!values.output)
    throw new UsageError("Thiếu tên tệp đầu ra: -o FILE.xlsx.", "Missing the output file: -o FILE.xlsx.");
  const level = LevelSchema.safeParse(values.level);
  if (!level.success) {
    throw new UsageError(
      `Cấp không hợp lệ: "${values.level}" (dùng so, huyen hoặc xa).`,
      `Invalid level: "${values.level}" (use so, huyen or xa).`,
    );
  }
  const period = values.period ?? `${new Date().getFullYear()}-Q${Math.floor(new Date().getMonth() / 3) + 1}`;
  if (!parsePeriod(period)) {
    throw new UsageError(
      `Kỳ báo cáo không hợp lệ: "${period}" (ví dụ 2021-Q3, 2021-H1, 2021).`,
      `Invalid period: "${period}" (e.g. 2021-Q3, 2021-H1, 2021).`,
    );
  }
  const workbook = await templateWorkbook({ unit: values.unit, level: level.data, period });
  await writeFile(values.output, new Uint8Array(await workbook.xlsx.writeBuffer()));
  output.out(
    `Đã tạo phụ lục ${values.output} (${values.unit}, ${levelLabel(level.data)}, ${periodLabel(period)}).\n` +
      `Wrote ${values.output}.\n`,
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
      `Định dạng không hợp lệ: "${values.format}".`,
      `Invalid format: "${values.format}".`,
    );
  }
  if (values.lang !== "vi" && values.lang !== "en") {
    throw new UsageError(`Ngôn ngữ không hợp lệ: "${values.lang}".`, `Invalid language: "${values.lang}".`);
  }
  if (!positionals.length) throw new UsageError("Chưa chỉ định tệp cần kiểm tra.", "No file to validate.");
  const lang: Lang = values.lang;
  const report: ValidationReport = { schema: 1, files: [] };
  let exit: number = EXIT.ok;
  for (const file of positionals) {
    const entry = await validateFile(file);
    report.files.push(entry);
    if (entry.error) {
      exit = EXIT.failure;
      output.err(`${file}: ${entry.error.message}\n${file}: ${entry.error.messageEn ?? ""}\n`);
    } else if (exit === EXIT.ok && entry.sheets.some((sheet) => sheet.summary.counts.error > 0)) {
      exit = EXIT.findings;
    }
    if (values.format === "text") output.out(textReport(entry, lang));
  }
  if (values.format === "json")
    output.out(`${JSON.stringify(ValidationReportSchema.parse(report), null, 2)}\n`);
  return exit;
}

async function validateFile(file: string): Promise<FileReport> {
  let grids;
  try {
    grids = await readWorkbookFile(file);
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
  const result = validateSheets(grids);
  if (result.unknownVersions.length) {
    const list = result.unknownVersions.map((entry) => `'${entry.sheet}' (${entry.version})`).join(", ");
    return {
      file,
      error: {
        message: `Mẫu phụ lục không được hỗ trợ: ${list}.`,
        messageEn: `Unsupported template version: ${list}.`,
      },
      sheets: result.sheets.map(sheetReport),
    };
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
  return { file, sheets: result.sheets.map(sheetReport) };
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
    return `${head}: ${error} lỗi, ${warning} cảnh báo, ${info} thông tin${blank ? `; còn ${blank} chỉ tiêu chưa nhập` : ""}`;
  }
  const head = sheet.verdict === "ready" ? "READY TO SUBMIT" : "NOT READY";
  return `${head}: ${error} errors, ${warning} warnings, ${info} info${blank ? `; ${blank} expected rows blank` : ""}`;
}

function textReport(entry: FileReport, lang: Lang): string {
  if (entry.error) return "";
  const lines = [basename(entry.file)];
  for (const sheet of entry.sheets) {
    const level = sheet.level ? levelLabel(sheet.level as Level) : "?";
    const period = sheet.period ? periodLabel(sheet.period) : "?";
    lines.push(`  '${sheet.sheet}' — ${sheet.unit ?? "?"} · ${level} · ${period}`);
    lines.push(`  ${verdictLine(sheet, lang)}`);
    for (const finding of sheet.findings) {
      const cell = finding.cells[0]?.replace(/^.*!/, "") ?? "";
      lines.push(
        `    ${SEVERITY_TEXT[lang][finding.severity].padEnd(9)} ${cell.padEnd(5)} ${finding.message[lang]}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
