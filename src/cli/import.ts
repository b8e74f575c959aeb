import { parseArgs } from "node:util";
import type { Bilingual } from "../domain/catalogue";
import { catalogue } from "../domain/catalogue";
import { COLUMNS, sheetLayout } from "../domain/layout";
import { locateAppendix } from "../domain/locate";
import { checkLevelInPeriod, InvalidMetaError } from "../domain/meta";
import { NOT_A_REPORT } from "../docx/report";
import { checkOutput, OutputError, writeOutputFile } from "./output";
import { countEn, countVi, terminalText } from "./terminal";
import { readInputFile, WorkbookReadError } from "./xlsx/read";
import { templateWorkbook } from "./xlsx/template";

// `cchc-appendix import report.docx -o phu-luc.xlsx`: the standard workbook filled from a Word report, so that a
// unit that sends .docx can go on in Excel, with the add-in, from what it already wrote. Every value is written as
// the report states it (a stated rate over its formula, as a person typing it would), and every value taken from
// the report's text, not its table, carries a note quoting the paragraph, so that nobody takes it for typed.

/** A command line the import cannot run, said in both languages. */
export class ImportUsageError extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(bilingual.en);
  }
}

/** What the import did: the report read, the workbook written, how many values came from the table and the text. */
export interface ImportResult {
  readonly file: string;
  readonly output: string;
  readonly fromTable: number;
  readonly fromText: number;
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
    throw new ImportUsageError({
      vi: "Thiếu tên tệp đầu ra: -o TỆP.xlsx.",
      en: "Missing the output file: -o FILE.xlsx.",
    });
  }
  const [file, ...more] = positionals;
  if (file === undefined || more.length) {
    throw new ImportUsageError({
      vi: "Chỉ định đúng một báo cáo Word (.docx) cần chuyển.",
      en: "Name exactly one Word report (.docx) to import.",
    });
  }
  await checkOutput(values.output, [{ path: file, role: { vi: "báo cáo", en: "report" } }], values.force);
  const input = await readInputFile(file);
  const word = input.word;
  if (!word) {
    throw new ImportUsageError({
      vi: "Tệp này đã là bảng tính Excel: dùng validate để kiểm tra; import chỉ chuyển báo cáo Word (.docx).",
      en: "This file is already an Excel workbook: check it with validate; import only brings Word reports (.docx) in.",
    });
  }
  const appendix = locateAppendix(word.grid, catalogue);
  if (!appendix) throw new ImportUsageError(NOT_A_REPORT);
  const level = appendix.level ?? "so";
  const period =
    appendix.period ?? `${new Date().getFullYear()}-Q${Math.floor(new Date().getMonth() / 3) + 1}`;
  // A district's report for a period after the 2025 reform has no template to go into: said, not crashed on.
  try {
    checkLevelInPeriod(level, period);
  } catch (error) {
    if (error instanceof InvalidMetaError) throw new ImportUsageError(error.bilingual);
    throw error;
  }
  const workbook = await templateWorkbook({ unit: appendix.unit ?? "Đơn vị báo cáo", level, period });
  const sheet = workbook.worksheets[0]!;
  const layout = sheetLayout(catalogue);
  let fromTable = 0;
  let fromText = 0;
  for (const located of appendix.cells.values()) {
    const value = located.cell?.value;
    const at = layout.rowOf.get(located.code);
    if (at === undefined || value === null || value === undefined) continue;
    if (typeof value !== "number" && typeof value !== "string") continue;
    const target = sheet.getCell(at, COLUMNS.value + 1);
    target.value = value;
    if (located.cell?.numberFormat) target.numFmt = located.cell.numberFormat;
    const note = word.grid.cells[located.row - 1]?.[COLUMNS.note]?.value;
    if (typeof note === "string" && note) sheet.getCell(at, COLUMNS.note + 1).value = note;
    const place = word.places.get(located.row);
    if (place && word.fromText.has(located.row)) {
      fromText++;
      target.note = `Lấy từ phần báo cáo, ${place.vi}\nFrom the report's text, ${place.en}`;
    } else fromTable++;
  }
  await writeOutputFile(values.output, new Uint8Array(await workbook.xlsx.writeBuffer()), values.force);
  return { file, output: values.output, fromTable, fromText };
}

/** The line `import` prints on success, in both languages. */
export function importSummary(result: ImportResult): string {
  const output = terminalText(result.output);
  const source = terminalText(result.file);
  return (
    `Đã tạo phụ lục ${output} từ báo cáo ${source}: ${countVi(result.fromTable, "số liệu")} từ bảng phụ lục, ${countVi(result.fromText, "số liệu")} từ phần báo cáo (có ghi chú trích đoạn).\n` +
    `Wrote the appendix ${output} from the report ${source}: ${countEn(result.fromTable, "value", "values")} from the appendix table, ${countEn(result.fromText, "value", "values")} from the report's text (each with a note quoting it).\n`
  );
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
