import type { Catalogue } from "../domain/catalogue";
import { BUILT_IN_FORMS } from "../domain/catalogue";
import type { PaneError } from "./errors";
import { describeError } from "./errors";
import { bytesOf } from "./file-bytes";
import { STRINGS } from "./i18n";
import { loadBothLanguages, loadBothStrings } from "./languages";

// A form definition picked from disk (DESIGN.md section 11), read in the pane as `form check` reads it: the
// project's .xlsx reader, then the one definition reader, every problem at its sheet, row and column in both
// languages. The readers are loaded on the first pick only, never in the pane's first bundle.

/** A picked definition: the form it declares and its content's hash, or every problem it has, in both languages. */
export type PickedDefinition =
  | { readonly ok: true; readonly file: string; readonly catalogue: Catalogue; readonly hash: string }
  | { readonly ok: false; readonly file: string; readonly problems: readonly PaneError[] };

async function load() {
  const [{ readWorkbookBytes }, { readDefinition }, { definitionHash }, { renderDefinitionProblem }] =
    await Promise.all([
      import("../xlsx/grid"),
      import("../domain/forms/definition"),
      import("../domain/forms/carried"),
      import("../domain/messages"),
      loadBothLanguages(),
      loadBothStrings(),
    ]);
  return { readWorkbookBytes, readDefinition, definitionHash, renderDefinitionProblem };
}

/**
 * Reads a picked .xlsx as a form definition. A file that is no workbook (or a damaged one) is one problem, the
 * reader's own message; the built-in forms' ids are reserved, as on the command line.
 */
export async function readDefinitionFile(file: File): Promise<PickedDefinition> {
  const { readWorkbookBytes, readDefinition, definitionHash, renderDefinitionProblem } = await load();
  let sheets;
  try {
    sheets = await readWorkbookBytes(await bytesOf(file));
  } catch (error) {
    return { ok: false, file: file.name, problems: [describeError(error, STRINGS)] };
  }
  const reserved = new Set(BUILT_IN_FORMS.forms.map((form) => form.templateVersion));
  const read = readDefinition(sheets, { reserved });
  if (!read.ok) {
    const problems = read.problems.map((problem) => ({
      vi: renderDefinitionProblem(problem, "vi"),
      en: renderDefinitionProblem(problem, "en"),
    }));
    return { ok: false, file: file.name, problems };
  }
  return { ok: true, file: file.name, catalogue: read.catalogue, hash: definitionHash(read.catalogue) };
}
