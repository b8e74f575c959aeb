import type { Bilingual } from "../domain/catalogue";
import type { Strings } from "./i18n";

/** An error as the pane shows it: in both languages, picked at render time. */
export type PaneError = Bilingual;

function hasBilingual(error: unknown): error is { bilingual: Bilingual } {
  if (typeof error !== "object" || error === null || !("bilingual" in error)) return false;
  const bilingual = (error as { bilingual: unknown }).bilingual;
  return typeof bilingual === "object" && bilingual !== null && "vi" in bilingual && "en" in bilingual;
}

/** True for Office's refusal of every request while a person edits a cell. */
export function isCellEditing(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    error.code === "InvalidOperationInCellEditMode"
  );
}

/**
 * What went wrong, for the user: our own errors carry their Vietnamese and English text; Office's carry a code, of
 * which the one a person causes (a cell being edited) gets its own advice; anything else is shown with its detail.
 */
export function describeError(
  error: unknown,
  strings: { readonly vi: Strings; readonly en: Strings },
): PaneError {
  if (hasBilingual(error)) return error.bilingual;
  if (isCellEditing(error)) {
    return { vi: strings.vi.errors.cellEditing, en: strings.en.errors.cellEditing };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { vi: strings.vi.errors.generic(detail), en: strings.en.errors.generic(detail) };
}
