import { isUtf8 } from "node:buffer";
import { close, constants, fstat, open, read } from "node:fs";
import { promisify } from "node:util";
import * as zlib from "node:zlib";
import type { ReadProbe, WorkbookSheet } from "../../xlsx/grid";
import { fileTooLargeError, LIMITS, readWorkbookBytes, WorkbookReadError } from "../../xlsx/grid";
import { useNativeText } from "../../xlsx/xml";
import { crc32, entryBytes, useNativeZip, zipDirectory } from "../../xlsx/zip";
import { fileKind, unsupportedKindError } from "../../docx/package";
import type { WordReport } from "../../docx/report";
import { errorText } from "../../domain/messages/error";

// The CLI's reader: a file from disk handed to the shared, Node-free reader in src/xlsx/grid.ts, which the task
// pane loads for the files a user picks. Here only what a file system adds: the size is known before any byte is
// read, and what is not a regular file (a pipe, a device, a directory) is refused without waiting on it.

// node's zlib inflates and checks members: native code needs no warming up, where the shared JavaScript inflater
// costs a one-file `validate` a third of its time (issue 16). zlib.crc32 came with node 20.15.
useNativeZip({
  inflate(raw, limit) {
    try {
      return zlib.inflateRawSync(raw, { maxOutputLength: limit });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return undefined;
      throw error;
    }
  },
  crc32: typeof zlib.crc32 === "function" ? (bytes) => zlib.crc32(bytes) : (bytes) => crc32(bytes),
});

// node's Buffer converts bytes to one-byte strings and back, and checks UTF-8, natively: a Word document's markup
// that its reader drops is then never decoded (issue 15). buffer.isUtf8 came with node 18.14.
if (typeof isUtf8 === "function") {
  useNativeText({
    binary: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"),
    bytes: (binary) => Buffer.from(binary, "latin1"),
    isUtf8: (bytes) => isUtf8(bytes),
  });
}

export { checkPackage, LIMITS, WorkbookReadError, zipBombError } from "../../xlsx/grid";
export type { ReadProbe, SheetVisibility, WorkbookReadReason, WorkbookSheet } from "../../xlsx/grid";

/** What a read may be told: a probe counting the bytes inflated and the cells held. */
export interface ReadOptions {
  readonly probe?: ReadProbe;
  /** The file's path as given: a .docx name makes a file that is nothing readable a Word document that is not. */
  readonly path?: string;
}

/**
 * Reads every worksheet of an .xlsx held in memory. Throws WorkbookReadError when the bytes are not an .xlsx (an
 * old .xls, a text file), are a damaged zip, or are password-protected.
 */
export async function readWorkbookBuffer(
  buffer: Buffer,
  options: ReadOptions = {},
): Promise<WorkbookSheet[]> {
  return readWorkbookBytes(buffer, options);
}

// node:fs's callbacks, not node:fs/promises: that module is compiled on first use, a tenth of `validate`'s start.
const openFile = promisify(open);
const statFile = promisify(fstat);
const readFile = promisify(read);
const closeFile = promisify(close);

function unreadable(path: string, cause: unknown): WorkbookReadError {
  const code = (cause as NodeJS.ErrnoException).code;
  return new WorkbookReadError(
    "unreadable",
    code === "ENOENT"
      ? errorText("read_not_found", { path })
      : errorText("read_failed", code === undefined ? { path } : { path, code }),
    { cause },
  );
}

/**
 * The bytes of a regular file of at most LIMITS.fileBytes. Opened without blocking (a named pipe with no writer
 * would otherwise hold open() forever), then its size and kind are read from the open file itself, so that what it
 * is cannot change between the check and the read, and no more than that size is ever read. Throws
 * WorkbookReadError.
 */
export async function fileBytes(path: string): Promise<Buffer> {
  let descriptor: number;
  try {
    descriptor = await openFile(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (cause) {
    throw unreadable(path, cause);
  }
  try {
    const stat = await statFile(descriptor);
    if (!stat.isFile()) {
      throw new WorkbookReadError("unreadable", errorText("read_not_regular", { path }));
    }
    if (stat.size > LIMITS.fileBytes) throw fileTooLargeError(stat.size);
    const buffer = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < stat.size) {
      const { bytesRead } = await readFile(descriptor, buffer, filled, stat.size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } catch (cause) {
    if (cause instanceof WorkbookReadError) throw cause;
    throw unreadable(path, cause);
  } finally {
    await closeFile(descriptor);
  }
}

/** Reads every worksheet of an .xlsx file; WorkbookReadError "unreadable" when the file cannot be read. */
export async function readWorkbookFile(path: string, options: ReadOptions = {}): Promise<WorkbookSheet[]> {
  return readWorkbookBuffer(await fileBytes(path), options);
}

/** A file read for checking: its sheets, and for a Word report the report the one sheet was made from. */
export interface ReadInput {
  readonly sheets: WorkbookSheet[];
  readonly word?: WordReport;
}

/**
 * Reads a workbook or a Word report, told apart by their content: a .docx becomes the one sheet of its appendix
 * table and body figures; an old .doc or a PDF is refused with what to send instead.
 */
export async function readInputFile(path: string, options: ReadOptions = {}): Promise<ReadInput> {
  return readInputBuffer(await fileBytes(path), { ...options, path });
}

/** readInputFile of bytes already read (consolidation reads the next files while it sums this one). */
export async function readInputBuffer(bytes: Buffer, options: ReadOptions = {}): Promise<ReadInput> {
  const kind = fileKind(bytes);
  if (kind === "doc" || kind === "pdf") throw unsupportedKindError(kind);
  // Read by content whatever the name, but a file that is nothing readable is told what its name says it should be.
  if (kind === "other" && options.path !== undefined && /\.docx$/i.test(options.path)) {
    throw new WorkbookReadError("not_xlsx", errorText("docx_not_word", { empty: bytes.length === 0 }));
  }
  if (kind === "docx") {
    // The Word reader is loaded by the first report: a workbook's `validate` starts without it.
    const { readWordReport } = await import("../../docx/report");
    const word = readWordReport(bytes, options);
    return { sheets: [word.grid], word };
  }
  return { sheets: await readWorkbookBuffer(bytes, options) };
}

/**
 * Every member of a zip archive by name, inflated and checked within LIMITS. Tests and the benchmarks take
 * workbooks apart with it, to look at the XML a writer produced or to make variants of one file.
 */
export function zipParts(buffer: Buffer): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  for (const [name, entry] of zipDirectory(buffer, LIMITS)) {
    const bytes = entryBytes(buffer, entry);
    parts.set(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  return parts;
}

/** The text of one member of a zip archive (e.g. "xl/worksheets/sheet1.xml"), or undefined when it has none. */
export function zipPartText(buffer: Buffer, name: string): string | undefined {
  const entry = zipDirectory(buffer, LIMITS).get(name);
  return entry ? Buffer.from(entryBytes(buffer, entry)).toString("utf8") : undefined;
}
