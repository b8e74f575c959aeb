import type { Bilingual, FormRegistry } from "../domain/catalogue";
import type { CarriedProblem } from "../domain/forms/carried";
import { CARRIED_SHEET } from "../domain/forms/carried-sheet";
import { renderDefinitionProblem, renderText } from "../domain/messages";
import { errorText } from "../domain/messages/error";
import { withGivenDefinition } from "../workflows/carried-spec";
import type { ValidationReport } from "../workflows/report";
import type { MissingForm } from "../workflows/validate";
import type { DefinitionRefusal } from "./form";
import type { CommandName } from "./help";
import type { Output } from "./main";
import { terminalJson, terminalText } from "./terminal";
import { EXIT, UsageError } from "./usage";

// The definitions `validate` and `consolidate` read besides the ones each file carries: `--form DINH-NGHIA.xlsx`,
// repeatable, each read and checked as `form check` does; and what they say of a sheet whose form is neither.

/** The option that gives a definition, as the messages name it. */
export const FORM_OPTION = "--form";

/** How a command prints what it finds: `validate --format json` prints a refused definition as JSON too. */
export type ReportFormat = "text" | "json";

/**
 * `forms` with the definitions named by `--form`, or the exit code (2) when one of them is refused (its problems
 * printed, as `form check` prints them, or as the JSON report's `forms` for `json`). Throws UsageError for a value
 * that is no .xlsx file.
 */
export async function givenForms(
  files: readonly string[],
  output: Output,
  forms: FormRegistry,
  command: CommandName,
  format: ReportFormat = "text",
): Promise<FormRegistry | number> {
  for (const file of files) {
    if (!/\.xlsx$/i.test(file)) {
      throw new UsageError(errorText("usage_form_not_definition", { input: terminalText(file) }), command);
    }
  }
  if (!files.length) return forms;
  // Loaded only when a definition is given: a plain `validate` starts without the definition reader.
  const { givenDefinition, readGivenDefinition } = await import("./form");
  let registry = forms;
  for (const file of files) {
    if (format === "json") {
      const read = await readGivenDefinition(file, forms);
      if ("error" in read) return refusedAsJson(read, output);
      registry = withGivenDefinition(registry, read);
      continue;
    }
    const definition = await givenDefinition(file, output, forms);
    if (typeof definition === "number") return definition;
    registry = withGivenDefinition(registry, definition);
  }
  return registry;
}

/**
 * A refused definition as `validate --format json` reports it: its message on stderr, as a file that cannot be read
 * is said, and the report with no file validated and the definition's problems, each as data with its message.
 */
async function refusedAsJson(refusal: DefinitionRefusal, output: Output): Promise<number> {
  // The count of problems names the file itself; why a file did not read is said after its name.
  const name = refusal.problems.length ? "" : `${terminalText(refusal.file)}: `;
  output.err(`${name}${terminalText(refusal.error.vi)}\n${name}${terminalText(refusal.error.en)}\n`);
  const { ValidationReportSchema } = await import("../workflows/report");
  const report: ValidationReport = {
    schema: 1,
    files: [],
    forms: [
      {
        file: refusal.file,
        error: { message: refusal.error.vi, messageEn: refusal.error.en },
        problems: refusal.problems.map((problem) => ({
          ...problem,
          message: {
            vi: renderDefinitionProblem(problem, "vi"),
            en: renderDefinitionProblem(problem, "en"),
          },
        })),
      },
    ],
  };
  output.out(`${terminalJson(JSON.stringify(ValidationReportSchema.parse(report), null, 2))}\n`);
  return EXIT.failure;
}

/** A problem of a block of a file's carried definitions, as a sentence. */
export function carriedProblemText(problem: CarriedProblem): Bilingual {
  const params = { id: problem.id, sheet: CARRIED_SHEET, row: problem.row };
  return problem.kind === "carried_changed"
    ? renderText("carried_changed", params)
    : renderText("carried_unreadable", params);
}

/**
 * What a file's sheets whose forms are missing say: for each, why the definition the file carries could not be
 * used, when it carries one of that id, then what to give (`--form`).
 */
export function missingFormsMessage(
  missing: readonly MissingForm[],
  problems: readonly CarriedProblem[],
): Bilingual {
  const said = new Set<CarriedProblem>();
  const parts = missing.flatMap((form) => {
    const reasons = problems.filter((problem) => problem.id === form.id && !said.has(problem));
    for (const problem of reasons) said.add(problem);
    return [
      ...reasons.map(carriedProblemText),
      renderText("form_missing_option", { sheet: form.sheet, id: form.id, option: FORM_OPTION }),
    ];
  });
  return { vi: parts.map((part) => part.vi).join(" "), en: parts.map((part) => part.en).join(" ") };
}
