import { parseArgs } from "node:util";
import type { FormRegistry, Level } from "../domain/catalogue";
import { BUILT_IN_FORMS } from "../domain/catalogue";
import type { Lang } from "../domain/messages";
import { errorText } from "../domain/messages/error";
import { labelIn, labelText } from "../domain/messages/labels";
import { levelLabel, periodLabel } from "../domain/meta";
import type { FileReport, ValidationReport } from "../workflows/report";
import { sheetReport } from "../workflows/sheet-report";
import { formsOfGrids } from "../workflows/forms-of-workbook";
import { validateSheets } from "../workflows/validate";
import { givenForms, missingFormsMessage } from "./carried";
import type { Output } from "./main";
import { terminalJson, terminalText } from "./terminal";
import { distinctFileNames } from "./file-names";
import { EXIT, UsageError } from "./usage";
import type { ReadInput } from "./xlsx/read";
import { readInputFile, WorkbookReadError } from "./xlsx/read";

// `cchc-appendix validate FILE... [--format text|json] [--lang vi|en]`: each file read, each appendix sheet of it
// validated, findings printed as text or as one JSON report. Loaded by main() for this command only.

/**
 * Validates the files named in `args` and prints their reports; returns 0, 1 when a file has an error finding,
 * 2 when one could not be read. Throws UsageError for a wrong command line.
 */
export async function validateCommand(
  args: readonly string[],
  output: Output,
  forms: FormRegistry = BUILT_IN_FORMS,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      lang: { type: "string", default: "vi" },
      form: { type: "string", multiple: true, default: [] },
    },
  });
  if (values.format !== "text" && values.format !== "json") {
    throw new UsageError(
      errorText("usage_invalid_format", { input: terminalText(values.format) }),
      "validate",
    );
  }
  if (values.lang !== "vi" && values.lang !== "en") {
    throw new UsageError(errorText("usage_invalid_lang", { input: terminalText(values.lang) }), "validate");
  }
  if (!positionals.length) {
    throw new UsageError(errorText("usage_no_files_to_validate", {}), "validate");
  }
  const lang: Lang = values.lang;
  const given = await givenForms(values.form, output, forms, "validate", values.format);
  if (typeof given === "number") return given;
  const report: ValidationReport = { schema: 1, files: [] };
  let exit: number = EXIT.ok;
  const names = distinctFileNames(positionals);
  for (const [index, file] of positionals.entries()) {
    const entry = await validateFile(file, given, lang);
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
    if (values.format === "text") output.out(textReport(entry, names[index]!, lang));
  }
  if (values.format === "json") {
    const { ValidationReportSchema } = await import("../workflows/report");
    output.out(`${terminalJson(JSON.stringify(ValidationReportSchema.parse(report), null, 2))}\n`);
  }
  return exit;
}

async function validateFile(file: string, forms: FormRegistry, lang: Lang): Promise<FileReport> {
  let input: ReadInput;
  try {
    input = await readInputFile(file);
  } catch (error) {
    if (error instanceof WorkbookReadError) {
      return { file, error: { message: error.bilingual.vi, messageEn: error.bilingual.en }, sheets: [] };
    }
    const detail = error instanceof Error ? error.message : String(error);
    const text = errorText("read_unknown", { detail });
    return { file, error: { message: text.vi, messageEn: text.en }, sheets: [] };
  }
  // The forms the file carries join those given: its sheets are read against the definitions they were made from.
  const carried = await formsOfGrids(input.sheets, forms);
  const result = validateSheets(carried.sheets, carried.registry);
  const word = input.word;
  // Loaded for a Word report only, as its reader is.
  const docx = word
    ? { ...(await import("../docx/findings")), ...(await import("../docx/report")) }
    : undefined;
  const report =
    word && docx
      ? (sheet: (typeof result.sheets)[number]) =>
          docx.placeFindings(sheetReport(sheet), word, undefined, lang)
      : sheetReport;
  if (result.missingForms.length) {
    const message = missingFormsMessage(result.missingForms, carried.problems);
    return { file, error: { message: message.vi, messageEn: message.en }, sheets: result.sheets.map(report) };
  }
  if (result.unknownVersions.length) {
    const text = labelText("cli_unsupported_versions", {
      sheets: result.unknownVersions.map((entry) => `'${entry.sheet}' (${entry.version})`),
    });
    return { file, error: { message: text.vi, messageEn: text.en }, sheets: result.sheets.map(report) };
  }
  if (!result.sheets.length && docx) {
    return { file, error: { message: docx.NOT_A_REPORT.vi, messageEn: docx.NOT_A_REPORT.en }, sheets: [] };
  }
  if (!result.sheets.length) {
    const text = errorText("no_appendix_in_file", { sheets: result.skipped });
    return { file, error: { message: text.vi, messageEn: text.en }, sheets: [] };
  }
  return { file, sheets: result.sheets.map(report) };
}

function verdictLine(sheet: FileReport["sheets"][number], lang: Lang): string {
  const { error, warning, info } = sheet.summary.counts;
  const params = {
    ready: sheet.verdict === "ready",
    errors: error,
    warnings: warning,
    info,
    blank: sheet.summary.blankExpected,
  };
  return labelIn("cli_verdict", params, lang);
}

/** A level or period read from a file as an id the tool knows, or as the text to show when it is none. */
function known<T extends string>(
  label: (value: T) => string,
  value: string | null,
): { id?: T; text?: string } {
  if (value === null) return {};
  try {
    label(value as T);
    return { id: value as T };
  } catch {
    return { text: terminalText(value) };
  }
}

/** A file's report as text, the file shown by `name`, which tells it from the other files given. */
function textReport(entry: FileReport, name: string, lang: Lang): string {
  if (entry.error) return "";
  const lines = [terminalText(name)];
  for (const sheet of entry.sheets) {
    const level = known<Level>(levelLabel, sheet.level);
    const period = known<string>(periodLabel, sheet.period);
    const line = labelIn(
      "cli_sheet_line",
      {
        sheet: terminalText(sheet.sheet),
        unit: terminalText(sheet.unit ?? "?"),
        ...(level.id === undefined ? {} : { level: level.id }),
        ...(level.text === undefined ? {} : { levelText: level.text }),
        ...(period.id === undefined ? {} : { period: period.id }),
        ...(period.text === undefined ? {} : { periodText: period.text }),
      },
      lang,
    );
    lines.push(`  ${line}`);
    lines.push(`  ${verdictLine(sheet, lang)}`);
    for (const finding of sheet.findings) {
      // A Word report's findings say their place (table row, paragraph) in their message: no cell to show.
      const address = finding.cells[0] ?? "";
      const cell = terminalText(address.includes("!") ? address.replace(/^.*!/, "") : "");
      lines.push(
        `    ${labelIn("cli_severity", { severity: finding.severity }, lang).padEnd(9)} ${cell.padEnd(5)} ${terminalText(finding.message[lang])}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
