import type { Bilingual } from "../domain/catalogue";
import type { SheetGrid } from "../domain/cell";
import type { SheetVisibility } from "./parts";
import { PartError, relationships, sharedStrings, styleFormats, workbookPart, worksheetCells } from "./parts";
import { decodeXml, XmlError } from "./xml";
import type { ReadProbe, ZipEntry } from "./zip";
import { entryBytes, ZipError, zipDirectory } from "./zip";
import { BilingualError, errorText } from "../domain/messages/error";

// The one reader of .xlsx files, for the CLI and the task pane: plain bytes in, no Node (the CLI hands it a Buffer
// read from disk, the pane the ArrayBuffer of a picked file, through a dynamic import() that keeps it out of the
// pane's first bundle). It refuses what is not a workbook (an old .xls, a password, macros), bounds everything a
// file could cost before inflating it (src/xlsx/zip.ts), reads the XML as XML (src/xlsx/xml.ts) and the cells as
// an office suite does (src/xlsx/parts.ts).

export type { ReadProbe } from "./zip";
export type { SheetVisibility } from "./parts";

/** A worksheet as read from a file: its grid, and whether it shows in the workbook's tabs. */
export interface WorkbookSheet extends SheetGrid {
  readonly visibility: SheetVisibility;
}

/** Why a file could not be read as a workbook. */
export type WorkbookReadReason =
  "not_xlsx" | "corrupt" | "encrypted" | "unreadable" | "too_large" | "zip_bomb" | "macros";

/**
 * Bounds on what a file may ask of the reader, far above any real appendix workbook (a shared workbook of forty
 * appendices is under 2 MB and 200 rows a sheet), so that a hostile file costs bounded time and memory.
 */
export const LIMITS = {
  fileBytes: 64 * 1024 * 1024,
  unpackedBytes: 512 * 1024 * 1024,
  /** Members of the archive: a workbook of 500 sheets has about 1,000. */
  members: 10_000,
  /** One part inflated to be read: a sheet of a million small cells is about 40 MB of XML. */
  partBytes: 128 * 1024 * 1024,
  /** A member larger than this must not be compressed more than `ratio` times. */
  largeMemberBytes: 16 * 1024 * 1024,
  ratio: 200,
  /**
   * Rows and columns read from a sheet: the form ends near row 140 and column G; a summary's per-unit figures
   * sheet holds a column per indicator and a row per unit.
   */
  rows: 10_000,
  columns: 256,
} as const;

/** A file that is not a readable .xlsx workbook, with the reason and a message for users in both languages. */
export class WorkbookReadError extends BilingualError {
  constructor(
    readonly reason: WorkbookReadReason,
    bilingual: Bilingual,
    options?: { cause?: unknown },
  ) {
    super(bilingual, `read:${reason}`, undefined, options);
    this.name = "WorkbookReadError";
  }
}

const ZIP_SIGNATURES = ["504b0304", "504b0506"];
const OLE_SIGNATURE = "d0cf11e0a1b11ae1";

/** A name as an OLE compound file's directory spells it: UTF-16LE. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    bytes[2 * at] = code & 0xff;
    bytes[2 * at + 1] = code >> 8;
  }
  return bytes;
}

// A password-protected .xlsx is an OLE compound file holding these streams (MS-OFFCRYPTO); an Excel 97–2003 .xls
// holds a "Workbook" (or, older, "Book") stream.
const ENCRYPTED_STREAM = utf16le("EncryptedPackage");
const XLS_STREAMS = [utf16le("Workbook"), utf16le("Book\u0000")];

function includes(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0] ?? 0;
  for (let at = haystack.indexOf(first); at >= 0; at = haystack.indexOf(first, at + 1)) {
    if (at + needle.length > haystack.length) return false;
    if (needle.every((byte, offset) => haystack[at + offset] === byte)) return true;
  }
  return false;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function oleError(bytes: Uint8Array): WorkbookReadError {
  if (includes(bytes, ENCRYPTED_STREAM)) {
    return new WorkbookReadError("encrypted", errorText("xlsx_password", {}));
  }
  if (XLS_STREAMS.some((name) => includes(bytes, name))) {
    return new WorkbookReadError("not_xlsx", errorText("xlsx_old_xls", {}));
  }
  return new WorkbookReadError("encrypted", errorText("xlsx_password_or_xls", {}));
}

const MEGABYTE = 1024 * 1024;

/** The error for an archive that unpacks to far more than any workbook could hold. */
export function zipBombError(): WorkbookReadError {
  return new WorkbookReadError("zip_bomb", errorText("xlsx_zip_bomb", {}));
}

function damaged(detail: string, cause?: unknown, compression = false): WorkbookReadError {
  const params = compression ? { detail, compression } : { detail };
  return new WorkbookReadError("corrupt", errorText("xlsx_damaged", params), { cause });
}

function zipRefusal(error: ZipError): WorkbookReadError {
  switch (error.refusal) {
    case "bomb":
      return zipBombError();
    case "zip64":
      return new WorkbookReadError("too_large", errorText("xlsx_zip64", {}));
    case "encrypted":
      return new WorkbookReadError("encrypted", errorText("xlsx_encrypted_part", {}));
    case "method":
      return damaged(error.message, error, true);
    case "damaged":
      return damaged(error.message, error);
  }
}

const MACROS = /^xl\/vbaProject\.bin$/i;

function macrosError(): WorkbookReadError {
  return new WorkbookReadError("macros", errorText("xlsx_macros", {}));
}

function tooLarge(bytes: number): WorkbookReadError {
  return new WorkbookReadError(
    "too_large",
    errorText("xlsx_too_large", {
      megabytes: Math.round(bytes / MEGABYTE),
      max: LIMITS.fileBytes / MEGABYTE,
    }),
  );
}

/** The error for a file larger than LIMITS.fileBytes, given its size (the CLI says it before reading the bytes). */
export function fileTooLargeError(bytes: number): WorkbookReadError {
  return tooLarge(bytes);
}

function listPackage(bytes: Uint8Array): Map<string, ZipEntry> {
  if (bytes.length > LIMITS.fileBytes) throw tooLarge(bytes.length);
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipDirectory(bytes, LIMITS);
  } catch (error) {
    if (error instanceof ZipError) throw zipRefusal(error);
    throw error;
  }
  for (const name of entries.keys()) if (MACROS.test(name)) throw macrosError();
  return entries;
}

/**
 * Checks an .xlsx package before anything is inflated: its size, its zip directory against LIMITS (members,
 * declared sizes, ratio, overlaps), and macros. A file with macros (.xlsm) is refused rather than read, since the
 * office receiving it should not keep it.
 */
export function checkPackage(bytes: Uint8Array): void {
  listPackage(bytes);
}

/** Reads the parts of one package, each inflated within its bounds and decoded as XML. */
class Package {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Uint8Array,
    entries: Map<string, ZipEntry>,
    private readonly probe: ReadProbe | undefined,
  ) {
    for (const [name, entry] of entries) this.byName.set(name.toLowerCase(), entry);
  }

  /** The text of a part; undefined when the package lacks it (part names are case-insensitive, OPC 9.1.1). */
  text(name: string): string | undefined {
    const entry = this.byName.get(name.toLowerCase());
    if (!entry) return undefined;
    if (entry.size > LIMITS.partBytes) throw zipBombError();
    try {
      return decodeXml(entryBytes(this.bytes, entry, this.probe));
    } catch (error) {
      if (error instanceof ZipError) throw zipRefusal(error);
      throw partError(name, error);
    }
  }

  /** The text of each part as it is read, wording a malformed one for users. */
  parse<T>(name: string, read: (xml: string) => T): T | undefined {
    const xml = this.text(name);
    if (xml === undefined) return undefined;
    try {
      return read(xml);
    } catch (error) {
      throw partError(name, error);
    }
  }
}

function partError(name: string, error: unknown): unknown {
  if (error instanceof XmlError && error.doctype) {
    return new WorkbookReadError("corrupt", errorText("xlsx_doctype", { part: name }), { cause: error });
  }
  if (error instanceof XmlError || error instanceof PartError || error instanceof URIError) {
    return damaged(`${name}: ${error.message}`, error);
  }
  return error;
}

function noWorksheet(): WorkbookReadError {
  return new WorkbookReadError("not_xlsx", errorText("xlsx_no_worksheet", {}));
}

function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function readPackage(bytes: Uint8Array, probe: ReadProbe | undefined): WorkbookSheet[] {
  const pkg = new Package(bytes, listPackage(bytes), probe);
  const root = pkg.parse("_rels/.rels", (xml) => relationships(xml, ""));
  const workbookName =
    [...(root?.values() ?? [])].find((relationship) => relationship.kind === "officeDocument")?.target ??
    "xl/workbook.xml";
  const workbook = pkg.parse(workbookName, workbookPart);
  if (!workbook) throw noWorksheet();
  const links =
    pkg.parse(relationshipsPart(workbookName), (xml) => relationships(xml, workbookName)) ?? new Map();
  const target = (kind: string) => [...links.values()].find((link) => link.kind === kind)?.target;
  const stringsPart = target("sharedStrings");
  const stylesPart = target("styles");
  const strings = (stringsPart && pkg.parse(stringsPart, sharedStrings)) || [];
  const formats = (stylesPart && pkg.parse(stylesPart, styleFormats)) || [];
  const sheets: WorkbookSheet[] = [];
  for (const entry of workbook.sheets) {
    const link = links.get(entry.relationship);
    if (!link || link.kind !== "worksheet") continue;
    const cells = pkg.parse(link.target, (xml) =>
      worksheetCells(xml, {
        strings,
        formats,
        date1904: workbook.date1904,
        maxRows: LIMITS.rows,
        maxColumns: LIMITS.columns,
        onCell: probe?.cells ? () => probe.cells?.(1) : undefined,
      }),
    );
    if (!cells) throw damaged(`${link.target} missing`);
    sheets.push({ name: entry.name, cells: cells.cells, visibility: entry.visibility });
  }
  if (sheets.length === 0) throw noWorksheet();
  return sheets;
}

/**
 * Reads every worksheet of an .xlsx held in memory. Throws WorkbookReadError when the bytes are not an .xlsx (an
 * old .xls, a text file), are a damaged zip or damaged XML, are password-protected, too large, a zip bomb or hold
 * macros. `probe` counts the bytes inflated and the cells held, for tests.
 */
export async function readWorkbookBytes(
  data: ArrayBuffer | Uint8Array,
  options: { probe?: ReadProbe } = {},
): Promise<WorkbookSheet[]> {
  // isView, not instanceof: a Buffer or an ArrayBuffer may come from another realm (jest's, a File's).
  const bytes = ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
  const head = hex(bytes.subarray(0, 8));
  if (head === OLE_SIGNATURE) throw oleError(bytes);
  if (!ZIP_SIGNATURES.some((signature) => head.startsWith(signature))) {
    throw new WorkbookReadError("not_xlsx", errorText("xlsx_not_workbook", { empty: bytes.length === 0 }));
  }
  return readPackage(bytes, options.probe);
}
