import ExcelJS from "exceljs";
import type { Consolidation } from "../../workflows/consolidate";
import { summarySpecs } from "../../workflows/summary-spec";
import type { OnTextCut } from "./template";
import { applySheetSpec } from "./template";

// The summary workbook of a consolidation (issue 5): the sheets are host-neutral specs (src/workflows/
// summary-spec.ts) that the task pane writes into the open workbook too; this file only puts them into a new file.
// The command writes the file with its own streaming writer (summary-file.ts), which never loads exceljs.

/** Names of the summary's sheets. */
export { SUMMARY_SHEETS } from "../../workflows/summary-spec";
export { summaryFileBytes, writeSummaryFile } from "./summary-file";

/**
 * The summary workbook of a consolidation: the official form with the province's figures (totals that include a
 * unit with errors filled and annotated), the units, the missing units and files, one correction request per unit,
 * the values listed rather than aggregated, the consolidation's own findings, and every unit's figures. Texts
 * beyond Excel's limits are cut and reported to `onCut`.
 */
export function summaryWorkbook(consolidation: Consolidation, onCut?: OnTextCut): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cchc-appendix";
  for (const spec of summarySpecs(consolidation)) applySheetSpec(workbook, spec, [], onCut);
  return workbook;
}
