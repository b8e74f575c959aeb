import type { LoadedCatalogue } from "../domain/catalogue";
import { catalogue as defaultCatalogue, cataloguesByVersion } from "../domain/catalogue";
import type { SheetGrid } from "../domain/cell";
import type { SheetValidation } from "../domain/engine";
import { validateAppendix } from "../domain/engine";
import { locateAppendix } from "../domain/locate";
import { isSummarySheet } from "./summary-marker";

/** Validation of every appendix sheet of one workbook; sheets that hold no appendix are skipped. */
export interface WorkbookValidation {
  readonly sheets: readonly SheetValidation[];
  /** Sheets that were looked at and hold no appendix (a summary, a note, an empty sheet). */
  readonly skipped: readonly string[];
  /** Appendix sheets of a template version this tool does not know. */
  readonly unknownVersions: readonly { sheet: string; version: string }[];
}

/**
 * Validates every appendix sheet among the given sheets, each with the catalogue of the template version in its
 * key column (the default catalogue for sheets typed by hand).
 */
export function validateSheets(
  grids: readonly SheetGrid[],
  fallback: LoadedCatalogue = defaultCatalogue,
): WorkbookValidation {
  const sheets: SheetValidation[] = [];
  const skipped: string[] = [];
  const unknownVersions: { sheet: string; version: string }[] = [];
  for (const grid of grids) {
    // A province summary is the form filled with totals: it is never validated or summed as a unit's appendix.
    const probe = isSummarySheet(grid) ? undefined : locateAppendix(grid, fallback);
    if (!probe) {
      skipped.push(grid.name);
      continue;
    }
    const version = probe.templateVersion;
    const catalogue = version ? cataloguesByVersion.get(version) : fallback;
    if (!catalogue) {
      unknownVersions.push({ sheet: grid.name, version: version ?? "" });
      continue;
    }
    const located = catalogue === fallback ? probe : locateAppendix(grid, catalogue);
    if (located) sheets.push(validateAppendix(located, catalogue));
  }
  return { sheets, skipped, unknownVersions };
}
