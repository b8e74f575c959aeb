import type { SheetValidation } from "../domain/engine";
import type { WorkbookSheet } from "../xlsx/grid";
import { readWorkbookBytes } from "../xlsx/grid";
import type { ReadProbe } from "../xlsx/zip";
import { placeValidation } from "./findings";
import { fileKind, unsupportedKindError } from "./package";
import type { WordReport } from "./report";
import { readWordReport } from "./report";

// A file a user picked or named, read by its content whatever its name: a workbook's sheets, or a Word report as the
// one sheet of its appendix with the report it came from, so that the command line and the pane read a picked
// .docx the same way. An old .doc or a PDF is refused with what to send instead.

/** A file read: its sheets, and for a Word report the report its one sheet was made from. */
export interface ReadReport {
  readonly sheets: WorkbookSheet[];
  readonly word?: WordReport;
  /**
   * A validation of one of its sheets with its findings pointed at the document (table row, paragraph quoted) for
   * a Word report; the validation itself for a workbook, whose cells are what the user sees.
   */
  readonly place: (validation: SheetValidation) => SheetValidation;
}

/** Reads a workbook or a Word report held in memory; WorkbookReadError, worded for its kind, when it cannot. */
export async function readWorkbookOrReport(
  data: ArrayBuffer | Uint8Array,
  options: { probe?: ReadProbe } = {},
): Promise<ReadReport> {
  const bytes = ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
  const kind = fileKind(bytes);
  if (kind === "doc" || kind === "pdf") throw unsupportedKindError(kind);
  if (kind === "docx") {
    const word = readWordReport(bytes, options);
    return { sheets: [word.grid], word, place: (validation) => placeValidation(validation, word) };
  }
  return { sheets: await readWorkbookBytes(bytes, options), place: (validation) => validation };
}
