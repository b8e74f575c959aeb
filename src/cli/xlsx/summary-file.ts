import { collectGarbage } from "../gc";
import { parseFormKey } from "../../domain/catalogue";
import type { Consolidation } from "../../workflows/consolidate";
import type { SheetSpec } from "../../workflows/port";
import { SUMMARY_SHEET_KEYS, summarySheetSpec } from "../../workflows/summary-spec";
import type { ByteSink } from "./sheet-stream";
import { writeSheetsXlsx } from "./sheet-stream";
import type { OnTextCut } from "./text-limits";

// The summary file of a consolidation, written without exceljs: each sheet's spec made in turn and streamed into
// the file (sheet-stream.ts), so that `consolidate` neither loads exceljs nor holds the file in memory. A summary
// laid out by a definition carries it as an appendix made from it does (DESIGN.md section 11: the very hidden
// `_cchc_mau` sheet, its form sheet naming the form by id and hash), so that the next period reads it as its
// previous one without the definition file.

function* summarySheets(consolidation: Consolidation, carried: SheetSpec | undefined) {
  for (const key of SUMMARY_SHEET_KEYS) yield summarySheetSpec(consolidation, key);
  if (carried) yield carried;
}

/** The `_cchc_mau` sheet of the summary's form when it is a definition (its key holds a hash); none for a built-in. */
async function carriedSheetOf(consolidation: Consolidation): Promise<SheetSpec | undefined> {
  const lead = consolidation.forms[0]?.key;
  if (lead === undefined || parseFormKey(lead)?.hash === undefined) return undefined;
  // Loaded only for a definition's summary: the 2021 form's never loads the definition's export.
  const { carriedSheetSpec } = await import("../../workflows/carried-spec");
  return carriedSheetSpec([consolidation.catalogue]);
}

/**
 * Writes the .xlsx of a consolidation's summary (the sheets summaryWorkbook holds) to `sink`, a sheet at a time and
 * each row as it is made. Texts beyond Excel's limits are cut and reported to `onCut`.
 */
export async function writeSummaryFile(
  consolidation: Consolidation,
  sink: ByteSink,
  onCut?: OnTextCut,
): Promise<void> {
  // What reading the units left behind goes before the first sheet is built.
  collectGarbage();
  const carried = await carriedSheetOf(consolidation);
  await writeSheetsXlsx(summarySheets(consolidation, carried), sink, {
    creator: "cchc-appendix",
    ...(onCut ? { onCut } : {}),
    afterSheet: collectGarbage,
  });
}

/** The .xlsx bytes writeSummaryFile writes, in memory: for the pane's tests and callers without a file. */
export async function summaryFileBytes(consolidation: Consolidation, onCut?: OnTextCut): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeSummaryFile(
    consolidation,
    async (chunk) => {
      chunks.push(chunk);
    },
    onCut,
  );
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
