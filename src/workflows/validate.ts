import type { Bilingual, FormKey, FormRegistry } from "../domain/catalogue";
import { BUILT_IN_FORMS } from "../domain/catalogue";
import type { SheetGrid } from "../domain/cell";
import type { SheetValidation } from "../domain/engine";
import { validateAppendix } from "../domain/engine";
import { renderText } from "../domain/messages";
import { resolveAppendix } from "../domain/resolve";
import { isSummarySheet } from "./summary-marker";

/** Validation of every appendix sheet of one workbook; sheets that hold no appendix are skipped. */
export interface WorkbookValidation {
  readonly sheets: readonly SheetValidation[];
  /** Sheets that were looked at and hold no appendix (a summary, a note, an empty sheet). */
  readonly skipped: readonly string[];
  /** Appendix sheets of a template version this tool does not know. */
  readonly unknownVersions: readonly { sheet: string; version: string }[];
  /** Appendix sheets made from a form definition this tool has not been given (F1 holds its id and hash). */
  readonly missingForms: readonly MissingForm[];
}

/** A sheet made from a form definition the tool lacks: its form's id and hash, and the message asking for it. */
export interface MissingForm {
  readonly sheet: string;
  readonly id: string;
  readonly hash: string;
  readonly message: Bilingual;
}

/**
 * Validates every appendix sheet among the given sheets, each with the form its F1 names among `forms` (the
 * registry's default for sheets typed by hand).
 */
export function validateSheets(
  grids: readonly SheetGrid[],
  forms: FormRegistry = BUILT_IN_FORMS,
): WorkbookValidation {
  const sheets: SheetValidation[] = [];
  const skipped: string[] = [];
  const unknownVersions: { sheet: string; version: string }[] = [];
  const missingForms: MissingForm[] = [];
  for (const grid of grids) {
    // A province summary is the form filled with totals: it is never validated or summed as a unit's appendix.
    const resolved = isSummarySheet(grid) ? undefined : resolveAppendix(grid, forms);
    if (!resolved) skipped.push(grid.name);
    else if (resolved.kind === "appendix")
      sheets.push(validateAppendix(resolved.appendix, resolved.catalogue));
    else if (resolved.kind === "missing") missingForms.push(missingForm(grid.name, resolved.key));
    else unknownVersions.push({ sheet: grid.name, version: resolved.version });
  }
  return { sheets, skipped, unknownVersions, missingForms };
}

/** A sheet whose form's definition is missing, with the message asking for it. */
export function missingForm(sheet: string, key: FormKey): MissingForm {
  return {
    sheet,
    id: key.id,
    hash: key.hash ?? "",
    message: renderText("form_missing", { sheet, id: key.id }),
  };
}
