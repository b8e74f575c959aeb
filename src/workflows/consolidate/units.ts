import type { FormRegistry, LoadedCatalogue } from "../../domain/catalogue";
import { BUILT_IN_FORMS } from "../../domain/catalogue";
import type { CellScalar, SheetGrid } from "../../domain/cell";
import { isCellError } from "../../domain/cell";
import type { SheetValidation } from "../../domain/engine";
import { validateAppendix } from "../../domain/engine";
import { COLUMNS } from "../../domain/layout";
import type { AppendixSheet } from "../../domain/locate";
import { resolveAppendix } from "../../domain/resolve";
import type { SheetVisibility } from "../port";
import type { AppendixSource } from "./model";
import { isSummarySheet, SUMMARY_VERSION_ROW } from "../summary-marker";
import { notApplicableNote } from "../template-spec";

// Reading units from sheets: the reporting units' appendices found on the sheets of a workbook.

/** One reporting unit's appendix as located on its sheet, with its validation and the notes of its rows. */
export interface UnitAppendix {
  readonly appendix: AppendixSheet;
  readonly validation: SheetValidation;
  /**
   * The form it was located and validated by, which may be one its own file carried (`_cchc_mau`); absent: the
   * form the consolidation's registry finds for its F1.
   */
  readonly catalogue?: LoadedCatalogue;
  /** The file it came from, as users name it (a base name). */
  readonly file?: string;
  /** Column E of each row that has one, by code; the template's own printed notes excluded. */
  readonly notes?: ReadonlyMap<string, string>;
  /** Whether its sheet is shown; absent: visible, or not known (a reader that does not tell). */
  readonly visibility?: SheetVisibility;
  /** What its grid was read from; absent: a workbook's sheet. */
  readonly source?: AppendixSource;
}

/**
 * A sheet as a reader gives it, with its visibility when the reader tells it, and what it was read from when it is
 * no workbook's sheet (a Word report's appendix table).
 */
export type ReadGrid = SheetGrid & {
  readonly visibility?: SheetVisibility;
  readonly source?: AppendixSource;
};

/** What a workbook holds for a consolidation. */
export interface WorkbookUnits {
  readonly units: UnitAppendix[];
  /** Summary sheets (F1 = SUMMARY_MARKER): never summed again. */
  readonly summaries: string[];
  /** Sheets holding no appendix. */
  readonly skipped: string[];
  /** Appendix sheets of a template version this tool does not know. */
  readonly unknownVersions: { readonly sheet: string; readonly version: string }[];
}

/** A cell's text as the consolidation compares it. */
export function cellText(value: CellScalar | undefined): string {
  if (value === null || value === undefined || isCellError(value) || value instanceof Date) return "";
  return String(value).normalize("NFC").trim();
}

/**
 * The template version of a summary's form sheet (F2), or undefined for the summary's other sheets (units,
 * requests, figures), which carry the marker in F1 too so that nothing of a summary workbook is ever summed.
 */
export function summaryVersion(grid: SheetGrid, forms: FormRegistry = BUILT_IN_FORMS): string | undefined {
  const version = cellText(grid.cells[SUMMARY_VERSION_ROW - 1]?.[COLUMNS.key]?.value);
  return isSummarySheet(grid) && forms.has(version) ? version : undefined;
}

function notesOf(grid: SheetGrid, appendix: AppendixSheet, catalogue: LoadedCatalogue): Map<string, string> {
  const notes = new Map<string, string>();
  for (const [code, located] of appendix.cells) {
    const text = cellText(grid.cells[located.row - 1]?.[COLUMNS.note]?.value);
    const row = catalogue.byCode.get(code);
    // The template's own notes are no unit's remark: the form's, and the date a row stopped applying.
    if (text && row && text !== row.formNote && text !== notApplicableNote(row)) notes.set(code, text);
  }
  return notes;
}

/**
 * Locates and validates every appendix sheet of a workbook for a consolidation: each with the catalogue of the
 * form its F1 names among `forms` (the registry's default for sheets typed by hand), summary sheets set aside, notes kept.
 */
export function readUnits(
  grids: readonly ReadGrid[],
  file?: string,
  forms: FormRegistry = BUILT_IN_FORMS,
): WorkbookUnits {
  const result: WorkbookUnits = { units: [], summaries: [], skipped: [], unknownVersions: [] };
  for (const grid of grids) {
    if (isSummarySheet(grid)) {
      result.summaries.push(grid.name);
      continue;
    }
    const resolved = resolveAppendix(grid, forms);
    if (!resolved) {
      result.skipped.push(grid.name);
      continue;
    }
    // A form not known and a definition not given are both forms this consolidation cannot read.
    if (resolved.kind !== "appendix") {
      result.unknownVersions.push({ sheet: grid.name, version: resolved.version });
      continue;
    }
    const { appendix, catalogue } = resolved;
    result.units.push({
      appendix,
      validation: validateAppendix(appendix, catalogue),
      catalogue,
      ...(file !== undefined ? { file } : {}),
      notes: notesOf(grid, appendix, catalogue),
      ...(grid.visibility && grid.visibility !== "visible" ? { visibility: grid.visibility } : {}),
      ...(grid.source && grid.source !== "sheet" ? { source: grid.source } : {}),
    });
  }
  return result;
}
