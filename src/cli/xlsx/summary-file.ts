import { collectGarbage } from "../gc";
import type { Consolidation } from "../../workflows/consolidate";
import { SUMMARY_SHEET_KEYS, summarySheetSpec } from "../../workflows/summary-spec";
import type { ByteSink } from "./sheet-stream";
import { writeSheetsXlsx } from "./sheet-stream";
import type { OnTextCut } from "./text-limits";

// The summary file of a consolidation, written without exceljs: each sheet's spec made in turn and streamed into
// the file (sheet-stream.ts), so that `consolidate` neither loads exceljs nor holds the file in memory.

function* summarySheets(consolidation: Consolidation) {
  for (const key of SUMMARY_SHEET_KEYS) yield summarySheetSpec(consolidation, key);
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
  await writeSheetsXlsx(summarySheets(consolidation), sink, {
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
