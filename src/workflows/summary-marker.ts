import type { SheetGrid } from "../domain/cell";
import { isCellError } from "../domain/cell";
import { COLUMNS } from "../domain/layout";

// What tells a consolidation's output from a unit's appendix, apart from the consolidation itself: every check the
// task pane runs needs it, and the consolidation is loaded only when Sở Nội vụ uses it.

/**
 * F1 of every sheet of a summary workbook: a sheet carrying it is a consolidation's output and is never summed
 * again (the form sheet also holds its template version in F2, see summaryVersion).
 */
export const SUMMARY_MARKER = "CCHC-TONGHOP";
/** Row 2 of the key column of a summary sheet: the template version its figures follow. */
export const SUMMARY_VERSION_ROW = 2;

/** True when a sheet is a consolidation's summary (F1 holds SUMMARY_MARKER). */
export function isSummarySheet(grid: SheetGrid): boolean {
  const value = grid.cells[0]?.[COLUMNS.key]?.value;
  if (value === null || value === undefined || isCellError(value) || value instanceof Date) return false;
  return String(value).normalize("NFC").trim() === SUMMARY_MARKER;
}
