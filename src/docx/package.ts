import { errorText } from "../domain/messages/error";
import { LIMITS, WorkbookReadError, zipBombError } from "../xlsx/grid";
import { relationships } from "../xlsx/parts";
import { decodePrunedXml, decodeXml, XmlError } from "../xlsx/xml";
import type { ReadProbe, ZipEntry } from "../xlsx/zip";
import { entryBytes, ZipError, zipDirectory } from "../xlsx/zip";
import type { Block } from "./document";
import { BodyTooLarge, readBody, readStyles, withoutUnreadMarkup } from "./document";
import { readNumbering } from "./numbering";

// A .docx package (ECMA-376 part 2) read on the same bounded unzip and XML reading as workbooks: the archive is
// checked against LIMITS before a byte is inflated, every part is inflated within its declared size, and a DOCTYPE
// is refused. Only the parts that carry what Word shows of the body are read: the main document, its numbering and
// its paragraph styles.

/** What kind of file some bytes are, from their content rather than their name. */
export type FileKind = "xlsx" | "docx" | "doc" | "pdf" | "other";

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream every Word 97–2003 document holds, as an OLE directory spells it (UTF-16LE). */
const WORD_STREAM = Array.from("WordDocument").flatMap((letter) => [letter.charCodeAt(0), 0]);

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, at) => bytes[at] === byte);
}

function includes(haystack: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0] ?? 0;
  for (let at = haystack.indexOf(first); at >= 0; at = haystack.indexOf(first, at + 1)) {
    if (at + needle.length > haystack.length) return false;
    if (needle.every((byte, offset) => haystack[at + offset] === byte)) return true;
  }
  return false;
}

/**
 * The kind of a file: a zip holding word/document.xml is a Word document, any other zip is left to the workbook
 * reader (which words what it finds); an OLE file with a WordDocument stream is an old .doc; "%PDF-" a PDF.
 */
export function fileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(bytes, OLE_SIGNATURE)) return includes(bytes, WORD_STREAM) ? "doc" : "xlsx";
  if (startsWith(bytes, [0x50, 0x4b])) {
    try {
      const names = [...zipDirectory(bytes, LIMITS).keys()].map((name) => name.toLowerCase());
      return names.includes("word/document.xml") ||
        names.some((name) => name.startsWith("word/") && name.endsWith(".xml"))
        ? "docx"
        : "xlsx";
    } catch {
      return "xlsx";
    }
  }
  return "other";
}

/** The message for a file of a kind the tool does not read: an old .doc, a PDF. */
export function unsupportedKindError(kind: "doc" | "pdf"): WorkbookReadError {
  return kind === "doc"
    ? new WorkbookReadError("not_xlsx", errorText("docx_old_doc", {}))
    : new WorkbookReadError("not_xlsx", errorText("docx_pdf", {}));
}

function damaged(detail: string, cause?: unknown): WorkbookReadError {
  return new WorkbookReadError("corrupt", errorText("docx_damaged", { detail }), { cause });
}

function refusal(error: ZipError): WorkbookReadError {
  switch (error.refusal) {
    case "bomb":
      return zipBombError();
    case "encrypted":
      return new WorkbookReadError("encrypted", errorText("docx_encrypted_part", {}));
    case "zip64":
      return new WorkbookReadError("too_large", errorText("docx_zip64", {}));
    default:
      return damaged(error.message, error);
  }
}

function tooLarge(detail: string): WorkbookReadError {
  return new WorkbookReadError("too_large", errorText("docx_too_large", { detail }));
}

/** Bounds of a report's body, far above the seed's (about 120 paragraphs and 130 table rows). */
export const BODY_LIMITS = { rows: LIMITS.rows, columns: LIMITS.columns, blocks: 100_000 } as const;

/** Reads the body of a .docx held in memory; WorkbookReadError (worded for Word) when it cannot. */
export function readDocxBody(bytes: Uint8Array, probe?: ReadProbe): Block[] {
  if (bytes.length > LIMITS.fileBytes) throw tooLarge(`${Math.round(bytes.length / 1048576)} MB`);
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipDirectory(bytes, LIMITS);
  } catch (error) {
    if (error instanceof ZipError) throw refusal(error);
    throw error;
  }
  const byName = new Map<string, ZipEntry>();
  for (const [name, entry] of entries) byName.set(name.toLowerCase(), entry);
  if (byName.has("word/vbaproject.bin")) {
    throw new WorkbookReadError("macros", errorText("docx_macros", {}));
  }
  const text = (name: string, prune?: (xml: string) => string): string | undefined => {
    const entry = byName.get(name.toLowerCase());
    if (!entry) return undefined;
    if (entry.size > LIMITS.partBytes) throw zipBombError();
    try {
      const part = entryBytes(bytes, entry, probe);
      return prune ? decodePrunedXml(part, prune) : decodeXml(part);
    } catch (error) {
      if (error instanceof ZipError) throw refusal(error);
      throw partError(name, error);
    }
  };
  const parse = <T>(name: string, read: (xml: string | undefined) => T): T => {
    const xml = text(name);
    try {
      return read(xml);
    } catch (error) {
      throw partError(name, error);
    }
  };
  const root = parse("_rels/.rels", (xml) => (xml === undefined ? new Map() : relationships(xml, "")));
  const main =
    [...root.values()].find((relationship) => relationship.kind === "officeDocument")?.target ??
    "word/document.xml";
  const slash = main.lastIndexOf("/");
  const links = parse(`${main.slice(0, slash + 1)}_rels/${main.slice(slash + 1)}.rels`, (xml) =>
    xml === undefined ? new Map() : relationships(xml, main),
  );
  const target = (kind: string) => [...links.values()].find((link) => link.kind === kind)?.target;
  const numberingPart = target("numbering");
  const stylesPart = target("styles");
  const numbering = parse(numberingPart ?? "word/numbering.xml", readNumbering);
  const styles = parse(stylesPart ?? "word/styles.xml", readStyles);
  const body = text(main, (xml) => withoutUnreadMarkup(xml, styles));
  if (body === undefined) {
    throw new WorkbookReadError("not_xlsx", errorText("docx_no_document", {}));
  }
  try {
    return readBody(body, numbering, styles, BODY_LIMITS);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw tooLarge(error.message);
    throw partError(main, error);
  }
}

function partError(name: string, error: unknown): unknown {
  if (error instanceof WorkbookReadError) return error;
  if (error instanceof XmlError && error.doctype) {
    return new WorkbookReadError("corrupt", errorText("docx_doctype", { part: name }), { cause: error });
  }
  if (error instanceof XmlError || error instanceof URIError)
    return damaged(`${name}: ${error.message}`, error);
  return error;
}
