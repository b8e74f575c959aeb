import type { Bilingual, FormRegistry } from "../domain/catalogue";
import type { CarriedProblem } from "../domain/forms/carried";
import { CARRIED_SHEET } from "../domain/forms/carried-sheet";
import { renderText } from "../domain/messages";
import { errorText } from "../domain/messages/error";
import { withGivenDefinition } from "../workflows/carried-spec";
import type { MissingForm } from "../workflows/validate";
import type { CommandName } from "./help";
import type { Output } from "./main";
import { terminalText } from "./terminal";
import { UsageError } from "./usage";

// The definitions `validate` and `consolidate` read besides the ones each file carries: `--form DINH-NGHIA.xlsx`,
// repeatable, each read and checked as `form check` does; and what they say of a sheet whose form is neither.

/** The option that gives a definition, as the messages name it. */
export const FORM_OPTION = "--form";

/**
 * `forms` with the definitions named by `--form`, or the exit code (2) when one of them is refused (its problems
 * printed, as `form check` prints them). Throws UsageError for a value that is no .xlsx file.
 */
export async function givenForms(
  files: readonly string[],
  output: Output,
  forms: FormRegistry,
  command: CommandName,
): Promise<FormRegistry | number> {
  for (const file of files) {
    if (!/\.xlsx$/i.test(file)) {
      throw new UsageError(errorText("usage_form_not_definition", { input: terminalText(file) }), command);
    }
  }
  if (!files.length) return forms;
  // Loaded only when a definition is given: a plain `validate` starts without the definition reader.
  const { givenDefinition } = await import("./form");
  let registry = forms;
  for (const file of files) {
    const definition = await givenDefinition(file, output, forms);
    if (typeof definition === "number") return definition;
    registry = withGivenDefinition(registry, definition);
  }
  return registry;
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
