import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Consolidation } from "../../workflows/consolidate";
import { SUMMARY_SHEET_KEYS, summarySheetSpec, summarySpecs } from "../../workflows/summary-spec";
import type { OnTextCut } from "./template";
import { applySheetSpec, streamSheetSpec } from "./template";

// The summary workbook of a consolidation (issue 5): the sheets are host-neutral specs (src/workflows/
// summary-spec.ts) that the task pane writes into the open workbook too; this file only puts them into a new file.

/** Names of the summary's sheets. */
export { SUMMARY_SHEETS } from "../../workflows/summary-spec";

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

/**
 * The .xlsx bytes of a consolidation's summary workbook (the sheets summaryWorkbook holds), for the CLI's output
 * module to write. Written streaming: each sheet is built in turn, its rows written out as they are made, so that
 * a national summary (10,000 units, a million cells) costs the compressed file, not the workbook as objects.
 */
export async function summaryFileBytes(consolidation: Consolidation, onCut?: OnTextCut): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "cchc-appendix";
  for (const key of SUMMARY_SHEET_KEYS)
    streamSheetSpec(workbook, summarySheetSpec(consolidation, key), onCut);
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
