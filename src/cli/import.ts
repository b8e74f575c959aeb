import { parseArgs } from "node:util";
import type { Bilingual } from "../domain/catalogue";
import { catalogue } from "../domain/catalogue";
import { COLUMNS } from "../domain/layout";
import { checkLevelInPeriod, InvalidMetaError } from "../domain/meta";
import type { ReportValues } from "../workflows/import-report";
import { NotAReportError, reportValues } from "../workflows/import-report";
import { checkOutput, OutputError, writeOutputFile } from "./output";
import { terminalText } from "./terminal";
import { readInputFile, WorkbookReadError } from "./xlsx/read";
import { templateWorkbook } from "./xlsx/template";
import { BilingualError, errorText } from "../domain/messages/error";
import { labelText } from "../domain/messages/labels";

// `cchc-appendix import report.docx -o phu-luc.xlsx`: the standard workbook filled from a Word report, so that a
// unit that sends .docx can go on in Excel, with the add-in, from what it already wrote. The values and their notes
// are read by src/workflows/import-report.ts, which the pane's install from a Word report uses too.

/** A command line the import cannot run, said in both languages. */
export class ImportUsageError extends BilingualError {
  constructor(bilingual: Bilingual) {
    super(bilingual, "usage");
  }
}

/** What the import did: the report read, the workbook written, how many values came from the table and the text. */
export interface ImportResult {
  readonly file: string;
  readonly output: string;
  readonly fromTable: number;
  readonly fromText: number;
  /** False when no appendix table was found in the report: only its text's figures were written. */
  readonly hasTable: boolean;
}

/**
 * Runs `import REPORT.docx -o FILE.xlsx [--force]` and returns what it wrote; throws ImportUsageError for a wrong
 * command line or a file that is no Word report, and the reader's error for a file that cannot be read.
 */
export async function importReport(args: readonly string[]): Promise<ImportResult> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { output: { type: "string", short: "o" }, force: { type: "boolean", default: false } },
  });
  if (!values.output) {
    throw new ImportUsageError(errorText("usage_no_output", {}));
  }
  const [file, ...more] = positionals;
  if (file === undefined || more.length) {
    throw new ImportUsageError(errorText("import_one_report", {}));
  }
  await checkOutput(values.output, [{ path: file, role: "report" }], values.force);
  const input = await readInputFile(file);
  const word = input.word;
  if (!word) {
    throw new ImportUsageError(errorText("import_already_workbook", {}));
  }
  let read: ReportValues;
  try {
    read = reportValues(word, catalogue);
    // A district's report for a period after the 2025 reform has no template to go into: said, not crashed on.
    checkLevelInPeriod(read.level, read.period);
  } catch (error) {
    if (error instanceof NotAReportError || error instanceof InvalidMetaError)
      throw new ImportUsageError(error.bilingual);
    throw error;
  }
  const workbook = await templateWorkbook({ unit: read.unit, level: read.level, period: read.period });
  const sheet = workbook.worksheets[0]!;
  for (const entry of read.values) {
    const target = sheet.getCell(entry.row, COLUMNS.value + 1);
    target.value = entry.value;
    if (entry.numberFormat) target.numFmt = entry.numberFormat;
    if (entry.remark) sheet.getCell(entry.row, COLUMNS.note + 1).value = entry.remark;
    if (entry.bodyNote) target.note = entry.bodyNote;
  }
  await writeOutputFile(values.output, new Uint8Array(await workbook.xlsx.writeBuffer()), values.force);
  return {
    file,
    output: values.output,
    fromTable: read.fromTable,
    fromText: read.fromText,
    hasTable: word.hasTable,
  };
}

/** The line `import` prints on success, in both languages. */
export function importSummary(result: ImportResult): string {
  const output = terminalText(result.output);
  const source = terminalText(result.file);
  const line = labelText("cli_imported", {
    path: output,
    source,
    fromTable: result.fromTable,
    fromText: result.fromText,
  });
  return `${line.vi}\n${line.en}\n`;
}

/** Where the command writes. */
export interface ImportOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * `cchc-appendix import REPORT.docx -o FILE.xlsx [--force]`: 0 when the workbook is written, 2 when it is not (a
 * wrong command line, a file that cannot be read or is no Word report, an output refused), said in both languages.
 * A malformed option is left to the caller, which prints the command's help with it.
 */
export async function importCommand(args: readonly string[], output: ImportOutput): Promise<number> {
  try {
    const result = await importReport(args);
    output.out(importSummary(result));
    // Written, but from the text alone: said where warnings go, so that nobody takes the workbook for the appendix.
    if (!result.hasTable) {
      const warning = labelText("docx_no_table", { fromText: result.fromText });
      output.err(`${warning.vi}\n${warning.en}\n`);
    }
    return 0;
  } catch (error) {
    const bilingual =
      error instanceof ImportUsageError || error instanceof WorkbookReadError || error instanceof OutputError
        ? error.bilingual
        : undefined;
    if (!bilingual) throw error;
    output.err(`${terminalText(bilingual.vi)}\n${terminalText(bilingual.en)}\n`);
    return 2;
  }
}
