import { parseArgs } from "node:util";
import type { Bilingual, LoadedCatalogue } from "../domain/catalogue";
import { BUILT_IN_FORMS, isLevel } from "../domain/catalogue";
import { checkLevelInPeriod, InvalidMetaError, levelLabel, parsePeriod, periodLabel } from "../domain/meta";
import { registerBothLanguages } from "../domain/messages/both";
import { errorText } from "../domain/messages/error";
import { SheetNameError } from "../workflows/template-spec";
import type { CommandName } from "./help";
import { commandHelp, generalHelp, helpFor, isCommandName, isParseArgsError, parseArgsMessage } from "./help";
import { checkOutput, OutputError, writeOutputFile } from "./output";
import { terminalText, textCutsMessage } from "./terminal";
import { EXIT, UsageError } from "./usage";
import type { TextCut } from "./xlsx/template";

// Every command that reads findings shows both languages (the JSON report carries both).
registerBothLanguages();

// exceljs (about 600 modules), zod, the reader and the consolidation are loaded by the commands that need them, so
// that `--help` and `validate` start in the time node itself takes (issue 16); bin/ answers help before loading this.

export { EXIT } from "./usage";

/** Where the CLI writes; tests pass their own. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

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
  const help = helpFor(command === undefined ? [] : [command, ...rest]);
  if (help !== undefined) {
    output.out(help);
    return EXIT.ok;
  }
  switch (command) {
    case "template":
      return await templateCommand(rest, output);
    case "import":
      return await (await import("./import")).importCommand(rest, output);
    case "validate":
      return await (await import("./validate")).validateCommand(rest, output, BUILT_IN_FORMS);
    case "consolidate":
      return await (await import("./consolidate")).consolidateCommand(rest, output, BUILT_IN_FORMS);
    case "form":
      return await (await import("./form")).formCommand(rest, output, BUILT_IN_FORMS);
    case undefined:
      throw new UsageError(errorText("usage_no_command", {}));
    default:
      throw new UsageError(errorText("usage_unknown_command", { command: terminalText(command) }));
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
    say(output, errorText("unexpected", { variable: DEBUG_VARIABLE }));
    if (process.env[DEBUG_VARIABLE] === "1") {
      output.err(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
    }
  }
  return EXIT.failure;
}

async function templateCommand(args: readonly string[], output: Output): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      output: { type: "string", short: "o" },
      unit: { type: "string", default: "Đơn vị báo cáo" },
      level: { type: "string", default: "so" },
      period: { type: "string" },
      form: { type: "string" },
      force: { type: "boolean", default: false },
    },
  });
  if (!values.output) {
    throw new UsageError(errorText("usage_no_output", {}), "template");
  }
  const level = values.level;
  if (!isLevel(level)) {
    throw new UsageError(errorText("usage_invalid_level", { input: terminalText(values.level) }), "template");
  }
  const typed = values.period ?? `${new Date().getFullYear()}-Q${Math.floor(new Date().getMonth() / 3) + 1}`;
  // The id, whatever notation was typed: the template's writer takes ids only.
  const period = parsePeriod(typed);
  if (!period) {
    throw new UsageError(errorText("usage_invalid_period", { input: terminalText(typed) }), "template");
  }
  // A district for a period after the 2025 reform is refused before anything is written.
  try {
    checkLevelInPeriod(level, period);
  } catch (error) {
    if (error instanceof InvalidMetaError) throw new UsageError(error.bilingual, "template");
    throw error;
  }
  let form: LoadedCatalogue | undefined;
  let hash: string | undefined;
  if (values.form !== undefined) {
    const resolved = await (await import("./form")).templateForm(values.form, output, BUILT_IN_FORMS);
    if (typeof resolved === "number") return resolved;
    form = resolved.catalogue;
    hash = resolved.hash;
    if (!form.levels.includes(level)) {
      const levels = form.levels.join(", ");
      throw new UsageError(
        {
          vi: `Mẫu ${form.templateVersion} không có cấp ${level} (các cấp báo cáo theo mẫu: ${levels}).`,
          en: `The form ${form.templateVersion} has no level ${level} (the levels that report on it: ${levels}).`,
        },
        "template",
      );
    }
  }
  await checkOutput(values.output, [], values.force);
  const cuts: TextCut[] = [];
  let workbook;
  try {
    const { templateWorkbook } = await import("./xlsx/template");
    workbook = await templateWorkbook(
      { unit: values.unit, level, period },
      form,
      (cut) => cuts.push(cut),
      hash,
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
