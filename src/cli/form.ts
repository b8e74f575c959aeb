import { parseArgs } from "node:util";
import type { Bilingual, Catalogue, FormRegistry, LoadedCatalogue } from "../domain/catalogue";
import { shapeCatalogue } from "../domain/catalogue";
import { definitionHash } from "../domain/forms/carried-rows";
import type { DefinitionRead } from "../domain/forms/definition";
import { readDefinition } from "../domain/forms/definition";
import { exportDefinition } from "../domain/forms/definition-export";
import type { DefinitionProblem } from "../domain/messages";
import { renderDefinitionProblem } from "../domain/messages";
import { BilingualError, errorText } from "../domain/messages/error";
import { labelText } from "../domain/messages/labels";
import type { Output } from "./main";
import { checkOutput, writeOutputFile } from "./output";
import { terminalText } from "./terminal";
import { EXIT, UsageError } from "./usage";
import { readWorkbookFile } from "./xlsx/read";

// `cchc-appendix form export [--form ID] -o FILE.xlsx` writes a form's definition workbook, the starting point of a
// province's own form; `cchc-appendix form check FILE.xlsx` reads one as every tool would and says every problem by
// sheet, row and column (exit 2), or what a sound one declares (exit 0). Loaded by main() for this command only.

/**
 * Runs `form export` or `form check` with the forms the host knows (`forms`: the built-in ones, whose ids a
 * definition may not take); throws UsageError for a wrong command line.
 */
export async function formCommand(
  args: readonly string[],
  output: Output,
  forms: FormRegistry,
): Promise<number> {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case "export":
      return exportCommand(rest, output, forms);
    case "check":
      return checkCommand(rest, output, forms);
    case undefined:
      throw new UsageError(errorText("usage_form_no_action", {}), "form");
    default:
      throw new UsageError(
        errorText("usage_form_unknown_action", { action: terminalText(subcommand) }),
        "form",
      );
  }
}

/** The ids of the forms a host knows, as messages list them. */
const formIds = (forms: FormRegistry) => forms.forms.map((form) => form.templateVersion);

/** The built-in form named by `--form`, the default one (the 2021 form) without it. */
function builtInForm(id: string | undefined, forms: FormRegistry): Catalogue {
  if (id === undefined) return forms.default;
  const found = forms.forms.find((form) => form.templateVersion === id);
  if (found) return found;
  throw new UsageError(errorText("form_unknown", { id: terminalText(id), known: formIds(forms) }), "form");
}

async function exportCommand(args: readonly string[], output: Output, forms: FormRegistry): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      form: { type: "string" },
      output: { type: "string", short: "o" },
      force: { type: "boolean", default: false },
    },
  });
  if (!values.output) {
    throw new UsageError(errorText("usage_no_output", {}), "form");
  }
  const form = builtInForm(values.form, forms);
  await checkOutput(values.output, [], values.force);
  const { definitionWorkbook } = await import("./xlsx/definition");
  const workbook = definitionWorkbook(exportDefinition(form));
  await writeOutputFile(values.output, new Uint8Array(await workbook.xlsx.writeBuffer()), values.force);
  const file = terminalText(values.output);
  const done = labelText("cli_form_exported", { id: form.templateVersion, path: file });
  output.out(`${done.vi}\n${done.en}\n`);
  return EXIT.ok;
}

/** What a sound definition declares, in one line per language. */
function summary(catalogue: Catalogue): Bilingual {
  const appendix = catalogue.rows.filter((row) => row.block === "appendix" && row.kind !== "none").length;
  const source = catalogue.rows.filter((row) => row.block === "source").length;
  const rules = catalogue.relations.length + catalogue.patterns.length;
  const id = terminalText(catalogue.templateVersion);
  return labelText("cli_form_sound", { id, indicators: appendix, sources: source, rules });
}

async function checkCommand(args: readonly string[], output: Output, forms: FormRegistry): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  const [file, ...others] = positionals;
  if (file === undefined || others.length) {
    throw new UsageError(errorText("usage_form_check_one_file", {}), "form");
  }
  let read: DefinitionRead;
  try {
    read = await readDefinitionFile(file, forms);
  } catch (error) {
    if (!(error instanceof BilingualError)) throw error;
    sayReadError(output, file, error.bilingual);
    return EXIT.failure;
  }
  if (read.ok) {
    const line = summary(read.catalogue);
    output.out(`${line.vi}\n${line.en}\n`);
    return EXIT.ok;
  }
  sayProblems(output, file, read.problems);
  return EXIT.failure;
}

/** A definition workbook from disk, read as every tool reads one: the built-in forms' ids are reserved. */
async function readDefinitionFile(file: string, forms: FormRegistry): Promise<DefinitionRead> {
  const reserved = new Set(forms.forms.map((form) => form.templateVersion));
  return readDefinition(await readWorkbookFile(file), { reserved });
}

function sayReadError(output: Output, file: string, error: Bilingual): void {
  const name = terminalText(file);
  output.err(`${name}: ${terminalText(error.vi)}\n${name}: ${terminalText(error.en)}\n`);
}

/** Every problem of a definition, Vietnamese then English, and how many there are. */
function sayProblems(output: Output, file: string, problems: readonly DefinitionProblem[]): void {
  for (const problem of problems) {
    output.out(
      `${terminalText(renderDefinitionProblem(problem, "vi"))}\n${terminalText(renderDefinitionProblem(problem, "en"))}\n`,
    );
  }
  const total = labelText("cli_form_problems", { path: terminalText(file), count: problems.length });
  output.out(`${total.vi}\n${total.en}\n`);
}

/** Why a definition named by `--form` is not used: what to say, and its problems (none when it did not read). */
export interface DefinitionRefusal {
  readonly file: string;
  readonly error: Bilingual;
  readonly problems: readonly DefinitionProblem[];
}

/**
 * A definition workbook named on the command line (`--form FILE.xlsx`), read and checked as `form check` does: its
 * catalogue, or why it is refused, for a caller that reports it its own way (`validate --format json`).
 */
export async function readGivenDefinition(
  file: string,
  forms: FormRegistry,
): Promise<Catalogue | DefinitionRefusal> {
  let read: DefinitionRead;
  try {
    read = await readDefinitionFile(file, forms);
  } catch (error) {
    if (!(error instanceof BilingualError)) throw error;
    return { file, error: error.bilingual, problems: [] };
  }
  if (read.ok) return read.catalogue;
  const count = read.problems.length;
  return { file, error: labelText("cli_form_problems", { path: file, count }), problems: read.problems };
}

/**
 * A definition workbook named on the command line (`--form FILE.xlsx`), read and checked as `form check` does. A
 * definition with a problem is never used: its problems are printed and the exit code (2) is returned instead.
 */
export async function givenDefinition(
  file: string,
  output: Output,
  forms: FormRegistry,
): Promise<Catalogue | number> {
  const read = await readGivenDefinition(file, forms);
  if (!("error" in read)) return read;
  if (read.problems.length) sayProblems(output, file, read.problems);
  else sayReadError(output, file, read.error);
  return EXIT.failure;
}

/** The form a template is written from: its catalogue, and its hash when it is a definition the sheet carries. */
export interface TemplateForm {
  readonly catalogue: LoadedCatalogue;
  readonly hash?: string;
}

/**
 * The form `template --form` names: a built-in form's id, or a definition workbook's path (givenDefinition), whose
 * sheets then carry it (F1 `ID#hash`, the `_cchc_mau` sheet). The exit code (2) instead for a definition refused.
 */
export async function templateForm(
  form: string,
  output: Output,
  forms: FormRegistry,
): Promise<TemplateForm | number> {
  const builtIn = forms.forms.find((known) => known.templateVersion === form);
  if (builtIn) return { catalogue: builtIn };
  if (!/\.xlsx$/i.test(form)) {
    throw new UsageError(
      errorText("template_form_unknown", { form: terminalText(form), known: formIds(forms) }),
      "template",
    );
  }
  const definition = await givenDefinition(form, output, forms);
  if (typeof definition === "number") return definition;
  return { catalogue: shapeCatalogue(definition), hash: definitionHash(definition) };
}
