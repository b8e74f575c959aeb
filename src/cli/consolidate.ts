import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Bilingual, FormRegistry } from "../domain/catalogue";
import { BUILT_IN_FORMS, parseFormKey } from "../domain/catalogue";
import type { Consolidation, ProvinceFigures, RoleMap } from "../workflows/consolidate";
import {
  ConsolidationError,
  Consolidator,
  parseExpected,
  parseRoles,
  previousPeriodOf,
  readUnits,
} from "../workflows/consolidate";
import { asksForHelp, commandHelp, isParseArgsError, parseArgsMessage } from "./help";
import type { InputFile } from "./output";
import { checkOutput, OutputError, writeOutputFile } from "./output";
import { terminalText, textCutsMessage } from "./terminal";
import { placeValidation } from "../docx/findings";
import type { ReadInput } from "./xlsx/read";
import { fileBytes, readInputBuffer, readWorkbookFile, WorkbookReadError } from "./xlsx/read";
import type { TextCut } from "./xlsx/template";
import { BilingualError, errorText } from "../domain/messages/error";
import { labelText } from "../domain/messages/labels";
import { renderText } from "../domain/messages";
import { formsOfGrids, withDefinition } from "../workflows/forms-of-workbook";
import { missingForm } from "../workflows/validate";
import { givenForms, missingFormsMessage } from "./carried";
import { distinctFileNames } from "./file-names";
import { UsageError } from "./usage";
import type { FileRole } from "../domain/messages";

/** Exit codes as `validate` has them: 2 (could not do the job for a file) wins over 1 (a unit has errors). */
const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

/** Where the command writes: results on out, progress and problems on err. */
export interface ConsolidateOutput {
  out(text: string): void;
  err(text: string): void;
}

class Failure extends BilingualError {
  constructor(
    bilingual: Bilingual,
    readonly usage = false,
  ) {
    super(bilingual, usage ? "usage" : undefined);
  }
}

/** A message on stderr, both languages; the file-derived text in it (unit and file names) made terminal-safe. */
function say(output: ConsolidateOutput, text: Bilingual, prefix = ""): void {
  const safePrefix = terminalText(prefix);
  output.err(`${safePrefix}${terminalText(text.vi)}\n${safePrefix}${terminalText(text.en)}\n`);
}

/** A units list or a roles file is a few kilobytes; anything far larger is not one. */
const MAX_TEXT_FILE = 1 << 20;

async function readText(path: string, role: FileRole): Promise<string> {
  let size: number;
  try {
    // Looked at before it is opened: a named pipe would block the read forever, a device never end it.
    const info = await stat(path);
    if (!info.isFile()) {
      throw new Failure(errorText("text_file_not_regular", { role, path }));
    }
    size = info.size;
  } catch (cause) {
    if (cause instanceof Failure) throw cause;
    const code = (cause as NodeJS.ErrnoException).code ?? "?";
    throw new Failure(errorText("text_file_unreadable", { role, path, code }));
  }
  if (size > MAX_TEXT_FILE) {
    throw new Failure(errorText("text_file_too_large", { role, path, size, max: MAX_TEXT_FILE }));
  }
  try {
    return await readFile(path, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? "?";
    throw new Failure(errorText("text_file_unreadable", { role, path, code }));
  }
}

function readError(error: unknown): Bilingual {
  if (error instanceof WorkbookReadError) return error.bilingual;
  const detail = error instanceof Error ? error.message : String(error);
  return errorText("read_unknown", { detail });
}

async function previousOf(path: string, forms: FormRegistry): Promise<ProvinceFigures> {
  try {
    return await previousPeriodOf(await readWorkbookFile(path), path, forms);
  } catch (error) {
    if (error instanceof ConsolidationError) throw new Failure(error.bilingual);
    const reason = readError(error);
    throw new Failure(errorText("previous_unreadable", { path, reason: reason.vi, reasonEn: reason.en }));
  }
}

function outcomeText(consolidation: Consolidation, path: string): Bilingual {
  const units = consolidation.units.filter((unit) => unit.included);
  const withErrors = units.filter((unit) => unit.counts.error > 0).length;
  const warnings = consolidation.issues.filter((issue) => issue.severity !== "info").length;
  const requests = consolidation.requests.length;
  const missing = consolidation.missingUnits.length;
  const line = labelText("cli_consolidated", {
    path,
    units: units.length,
    withErrors,
    requests,
    reviews: consolidation.reviews.length,
    missing,
    warnings,
  });
  const left = leftOutCount(consolidation);
  if (!left) return line;
  const leftOut = renderText("outcome_left_out", { forms: consolidation.forms.length, indicators: left });
  return { vi: `${line.vi} ${leftOut.vi}`, en: `${line.en} ${leftOut.en}` };
}

/** Indicators left out because the forms differ: the lead form's, and the other forms' that the lead lacks. */
function leftOutCount(consolidation: Consolidation): number {
  const lead = new Set(consolidation.leftOut.map((row) => row.code));
  const extra = new Set(consolidation.differences.flatMap((form) => form.extra));
  return lead.size + extra.size;
}

/** Files read ahead of the one being consolidated: the disk works while the processor reads a workbook. */
const READ_AHEAD = 2;

/**
 * The files' bytes in order, each next() the next file's, read while earlier ones are consolidated: never more
 * than READ_AHEAD files ahead, so that memory stays a few files whatever their number. A failed read is thrown
 * by the next() of its file, in its turn.
 */
function readAhead(files: readonly string[]): { next(): Promise<Buffer> } {
  const pending: Promise<Buffer>[] = [];
  let started = 0;
  const fill = () => {
    while (pending.length <= READ_AHEAD && started < files.length) {
      const read = fileBytes(files[started++]!);
      // Handled when its turn comes; until then a failure must not count as unhandled.
      read.catch(() => undefined);
      pending.push(read);
    }
  };
  return {
    next() {
      fill();
      const read = pending.shift();
      if (!read) throw new Error("no file left to read");
      fill();
      return read;
    },
  };
}

/**
 * `cchc-appendix consolidate FILE... -o SUMMARY.xlsx [--expect units.txt] [--previous LAST.xlsx] [--roles
 * roles.txt]`: reads the files one at a time (progress "[i/n] file" on stderr), keeps only each unit's numbers,
 * and writes the province's summary. Returns 0, 1 when a unit has errors, 2 when a file or an argument is unusable.
 */
export async function consolidateCommand(
  args: readonly string[],
  output: ConsolidateOutput,
  forms: FormRegistry = BUILT_IN_FORMS,
): Promise<number> {
  if (asksForHelp(args)) {
    output.out(commandHelp("consolidate"));
    return EXIT.ok;
  }
  try {
    return await run(args, output, forms);
  } catch (error) {
    if (error instanceof Failure) {
      say(output, error.bilingual);
      if (error.usage) output.err(`\n${commandHelp("consolidate")}`);
      return EXIT.failure;
    }
    if (error instanceof OutputError) {
      say(output, error.bilingual);
      return EXIT.failure;
    }
    if (error instanceof ConsolidationError) {
      say(output, error.bilingual);
      return EXIT.failure;
    }
    throw error;
  }
}

/** givenForms, its usage errors as this command's. */
async function givenFormsOrFailure(
  files: readonly string[],
  output: ConsolidateOutput,
  forms: FormRegistry,
): Promise<FormRegistry | number> {
  try {
    return await givenForms(files, output, forms, "consolidate");
  } catch (error) {
    if (error instanceof UsageError) throw new Failure(error.bilingual, true);
    throw error;
  }
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        output: { type: "string", short: "o" },
        expect: { type: "string" },
        previous: { type: "string" },
        roles: { type: "string" },
        force: { type: "boolean", default: false },
        "allow-other-periods": { type: "boolean" },
        form: { type: "string", multiple: true, default: [] },
      },
    });
  } catch (error) {
    if (isParseArgsError(error)) throw new Failure(parseArgsMessage(error), true);
    throw error;
  }
}

async function run(args: readonly string[], output: ConsolidateOutput, forms: FormRegistry): Promise<number> {
  const { values, positionals: files } = parse(args);
  if (!values.output) {
    throw new Failure(errorText("usage_no_summary", {}), true);
  }
  if (!files.length) {
    throw new Failure(errorText("usage_no_files", {}), true);
  }
  // Refused before any file is read: the summary never replaces an appendix, a list or the previous period's file.
  const inputs: InputFile[] = [
    ...files.map((path) => ({ path, role: "appendix" as const })),
    ...(values.previous ? [{ path: values.previous, role: "previous" as const }] : []),
    ...(values.expect ? [{ path: values.expect, role: "expected" as const }] : []),
    ...(values.roles ? [{ path: values.roles, role: "roles" as const }] : []),
  ];
  await checkOutput(values.output, inputs, values.force);
  const given = await givenFormsOrFailure(values.form, output, forms);
  if (typeof given === "number") return given;
  const roles: RoleMap = values.roles
    ? parseRoles(await readText(values.roles, "roles"))
    : new Map<string, null>();
  const expected = values.expect ? parseExpected(await readText(values.expect, "expected")) : undefined;
  const previous = values.previous ? await previousOf(values.previous, given) : undefined;

  const consolidator = new Consolidator({
    roles,
    forms: given,
    ...(expected ? { expected } : {}),
    ...(previous ? { previous } : {}),
    ...(values["allow-other-periods"] ? { allowOtherPeriods: true } : {}),
  });
  // What this loop says as it goes; whatever else the consolidation leaves out or warns of is said after it.
  const told = new Set<object>();
  let failed = false;
  const ahead = readAhead(files);
  const names = distinctFileNames(files);
  for (const [index, file] of names.entries()) {
    output.err(`[${index + 1}/${files.length}] ${terminalText(file)}\n`);
    let input: ReadInput;
    try {
      // A Word report is one unit's appendix like a workbook's sheet: its table and its body's figures.
      input = await readInputBuffer(await ahead.next(), { path: files[index]! });
    } catch (error) {
      failed = true;
      const reason = readError(error);
      say(output, reason, `${file}: `);
      const excluded = { file, reason };
      told.add(excluded);
      consolidator.addExcluded(excluded);
      continue;
    }
    // Each file is read against the forms given and those it carries itself, whatever the files before it carried;
    // the consolidation learns its forms, to sum its units with the others'.
    const carried = await formsOfGrids(input.sheets, given);
    for (const form of carried.carried) {
      consolidator.useForms(withDefinition(consolidator.forms, form.catalogue, form.hash));
    }
    const found = readUnits(carried.sheets, file, carried.registry);
    const word = input.word;
    for (const sheet of found.summaries) {
      const reason = errorText("summary_set_aside", {});
      const excluded = { file, sheet, reason };
      told.add(excluded);
      consolidator.addExcluded(excluded);
    }
    if (found.summaries.length) {
      say(output, errorText("summaries_skipped", { count: found.summaries.length }), `${file}: `);
    }
    for (const { sheet, version } of found.unknownVersions) {
      const key = parseFormKey(version);
      if (key?.hash === undefined) {
        consolidator.addUnknownVersion(version, file, sheet);
        continue;
      }
      // A sheet made from a definition neither carried nor given: left out, and the file it needs asked for.
      failed = true;
      const reason = missingFormsMessage([missingForm(sheet, key)], carried.problems);
      say(output, reason, `${file}: `);
      const excluded = { file, sheet, reason };
      told.add(excluded);
      consolidator.addExcluded(excluded);
    }
    for (const unit of found.units) {
      consolidator.add(word ? { ...unit, validation: placeValidation(unit.validation, word) } : unit);
    }
    if (!found.units.length && !found.summaries.length && !found.unknownVersions.length) {
      failed = true;
      const reason = errorText("no_appendix_in_file", { sheets: found.skipped });
      say(output, reason, `${file}: `);
      const excluded = { file, reason };
      told.add(excluded);
      consolidator.addExcluded(excluded);
    }
  }
  // Throws for appendices of different template versions, or when nothing could be read: no summary is written.
  const consolidation = consolidator.result();
  for (const excluded of consolidation.excluded) {
    if (!told.has(excluded)) say(output, excluded.reason, excluded.file ? `${excluded.file}: ` : "");
  }
  for (const issue of consolidation.issues) {
    if (issue.kind === "hidden_sheet" || issue.kind === "forms_mixed") say(output, issue.message);
  }
  const cuts: TextCut[] = [];
  // Streamed into the file as each row is made: a national summary is never held whole, in memory or as objects.
  const { writeSummaryFile } = await import("./xlsx/summary-file");
  await writeOutputFile(
    values.output,
    (write) => writeSummaryFile(consolidation, write, (cut) => cuts.push(cut)),
    values.force,
  );
  const cutText = textCutsMessage(cuts);
  if (cutText) say(output, cutText);
  const outcome = outcomeText(consolidation, terminalText(values.output));
  output.out(`${outcome.vi}\n${outcome.en}\n`);
  if (failed) return EXIT.failure;
  return consolidation.hasErrors ? EXIT.findings : EXIT.ok;
}
