import { readFile } from "node:fs/promises";
import type { CellInput, CellScalar, SheetGrid } from "../../domain/cell";
import { cellInput } from "../../domain/cell";
import { checkPackage, readWorkbookBuffer, readWorkbookFile, zipBombError, LIMITS } from "./read";
import type { ZipEntry } from "./zip";
import { entryBytes, InflatesBeyondDeclared, NeedsFullReader, zipDirectory } from "./zip";

// A reader for the plain .xlsx files a consolidation reads by the thousand. exceljs builds its whole object model
// (styles, data validations, merges, rich text) and takes about 60 ms per appendix here, so 1,000 files would spend
// the whole minute of the goal on parsing alone. The values, number formats and formulas the domain reads are a
// small part of the package: this module unzips only the parts that hold them and scans their XML. Anything it does
// not fully understand (zip64, encryption, shared formulas, locale number formats) makes it give up, and the caller
// falls back to exceljs, so that a file is never read differently from what `validate` reads.

function entryText(buffer: Buffer, entry: ZipEntry): string {
  return entryBytes(buffer, entry).toString("utf8");
}

/**
 * The text of one part of a zip archive (e.g. "xl/worksheets/sheet1.xml"), or undefined when the archive lacks it
 * or cannot be read this simply. Tests use it to look at the XML a writer produced.
 */
export function zipPartText(buffer: Buffer, name: string): string | undefined {
  try {
    const entry = zipDirectory(buffer).get(name);
    return entry ? entryText(buffer, entry) : undefined;
  } catch (error) {
    if (error instanceof NeedsFullReader) return undefined;
    throw error;
  }
}

/**
 * Every part of a plain zip archive by name, or undefined when it cannot be read this simply. Scripts that
 * generate many variants of one workbook (the consolidation benchmark) take it apart with this.
 */
export function zipParts(buffer: Buffer): Map<string, Buffer> | undefined {
  try {
    const parts = new Map<string, Buffer>();
    for (const [name, entry] of zipDirectory(buffer)) parts.set(name, entryBytes(buffer, entry));
    return parts;
  } catch (error) {
    if (error instanceof NeedsFullReader) return undefined;
    throw error;
  }
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, name: string | undefined, decimal: string | undefined, hex?: string) =>
    name ? (NAMED[name] ?? "") : String.fromCodePoint(decimal ? Number(decimal) : parseInt(hex ?? "0", 16)),
  );
}

// OOXML escapes characters XML cannot hold as _xHHHH_ (exceljs decodes them the same way).
function decodeText(text: string): string {
  const decoded = decode(text);
  return decoded.includes("_x")
    ? decoded.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : decoded;
}

const ATTRIBUTE = /([\w:.-]+)="([^"]*)"/g;

function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) found.set(match[1]!, decode(match[2]!));
  return found;
}

const TEXT_RUN = /<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g;
const PHONETIC = /<rPh\b[\s\S]*?<\/rPh>/g;

/** The visible text of a string item (<si> or <is>): its runs, without phonetic guides. */
function runsText(xml: string): string {
  let text = "";
  for (const match of xml.replace(PHONETIC, "").matchAll(TEXT_RUN)) text += match[1] ?? "";
  return decodeText(text);
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  for (const match of xml.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    strings.push(runsText(match[1] ?? ""));
  }
  return strings;
}

// Built-in number formats Excel does not write into styles.xml (ECMA-376 part 1, 18.8.30), as exceljs names them.
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** The number format of every cell style index (the `s` of a cell); undefined for General. */
function styleFormats(xml: string | undefined): (string | undefined)[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  for (const match of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const attrs = attributes(match[1]!);
    const id = Number(attrs.get("numFmtId"));
    const code = attrs.get("formatCode");
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  const formats: (string | undefined)[] = [];
  for (const match of cellXfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(attributes(match[1]!).get("numFmtId") ?? "0");
    const code = custom.get(id) ?? BUILT_IN_FORMATS[id];
    // Locale-dependent built-ins (27–36, 50–81) are named by exceljs per locale: leave them to it.
    if (code === undefined) throw new NeedsFullReader(`number format ${id}`);
    formats.push(code === "General" ? undefined : code);
  }
  return formats;
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "..") resolved.pop();
    else if (part !== ".") resolved.push(part);
  }
  return resolved.join("/");
}

function sheetParts(workbookXml: string, relsXml: string): { name: string; part: string }[] {
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attrs = attributes(match[1]!);
    const id = attrs.get("Id");
    const target = attrs.get("Target");
    if (id !== undefined && target !== undefined) targets.set(id, resolveTarget(target));
  }
  const sheets: { name: string; part: string }[] = [];
  for (const match of workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const attrs = attributes(match[1]!);
    const name = attrs.get("name");
    const id = [...attrs].find(([key]) => key.endsWith(":id"))?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (name === undefined || part === undefined) throw new NeedsFullReader("sheet without a part");
    sheets.push({ name, part });
  }
  return sheets;
}

/** 1-based row and 0-based column of an A1 reference. */
function position(ref: string): [row: number, column: number] {
  let column = 0;
  let at = 0;
  for (; at < ref.length; at++) {
    const code = ref.charCodeAt(at);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  const row = Number(ref.slice(at));
  if (at === 0 || !Number.isInteger(row) || row < 1) throw new NeedsFullReader(`cell reference ${ref}`);
  return [row, column - 1];
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;
const INLINE = /<is>([\s\S]*?)<\/is>/;

function cellScalar(type: string | undefined, raw: string | undefined, inner: string, strings: string[]) {
  if (type === "inlineStr") {
    const inline = INLINE.exec(inner)?.[1];
    return inline === undefined ? null : runsText(inline);
  }
  if (raw === undefined) return null;
  switch (type) {
    case "s": {
      const text = strings[Number(raw)];
      if (text === undefined) throw new NeedsFullReader("shared string out of range");
      return text;
    }
    case "str":
      return decodeText(raw);
    case "b":
      return raw.trim() === "1";
    case "e":
      return { error: decode(raw).trim() };
    case "d":
      return new Date(decode(raw));
    default: {
      const number = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(number)) throw new NeedsFullReader(`number ${raw}`);
      return number;
    }
  }
}

function sheetGrid(name: string, xml: string, strings: string[], formats: (string | undefined)[]): SheetGrid {
  const rows: (CellInput | undefined)[][] = [];
  let width = 6;
  const data = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml)?.[1] ?? "";
  for (const match of data.matchAll(CELL)) {
    const attrs = attributes(match[1]!);
    const ref = attrs.get("r");
    if (ref === undefined) throw new NeedsFullReader("cell without a reference");
    const inner = match[2] ?? "";
    const formulaMatch = inner ? FORMULA.exec(inner) : null;
    let formula: string | undefined;
    if (formulaMatch) {
      formula = decode(formulaMatch[2] ?? "");
      // A shared formula's followers carry no text of their own; exceljs translates the master's for them.
      if (!formula) throw new NeedsFullReader("shared formula");
    }
    const raw = inner ? VALUE.exec(inner)?.[1] : undefined;
    const value: CellScalar = cellScalar(attrs.get("t"), raw, inner, strings);
    if (value === null && formula === undefined) continue;
    const style = attrs.get("s");
    const numberFormat = style === undefined ? undefined : formats[Number(style)];
    const [row, column] = position(ref);
    // Rows come in order: past the last row an appendix can reach, the rest of a huge sheet is not read at all.
    if (row > LIMITS.rows) break;
    if (column >= LIMITS.columns) continue;
    const line = (rows[row - 1] ??= []);
    line[column] = cellInput(value, numberFormat, formula);
    width = Math.max(width, column + 1);
  }
  const cells: (CellInput | undefined)[][] = [];
  for (let index = 0; index < rows.length; index++) {
    const line = rows[index] ?? [];
    const full = new Array<CellInput | undefined>(width).fill(undefined);
    for (let column = 0; column < line.length; column++) full[column] = line[column];
    cells.push(full);
  }
  return { name, cells };
}

/**
 * Reads every worksheet of an .xlsx as SheetGrids the way readWorkbookBuffer does, but without exceljs. Returns
 * undefined when the file needs the full reader (not a plain zip, zip64, encrypted parts, shared formulas, number
 * formats that depend on the locale, anything malformed).
 */
export function readWorkbookFast(buffer: Buffer): SheetGrid[] | undefined {
  try {
    const entries = zipDirectory(buffer);
    const part = (name: string) => {
      const entry = entries.get(name);
      return entry ? entryText(buffer, entry) : undefined;
    };
    const workbook = part("xl/workbook.xml");
    const rels = part("xl/_rels/workbook.xml.rels");
    if (workbook === undefined || rels === undefined) return undefined;
    const strings = sharedStrings(part("xl/sharedStrings.xml"));
    const formats = styleFormats(part("xl/styles.xml"));
    const grids: SheetGrid[] = [];
    for (const sheet of sheetParts(workbook, rels)) {
      const xml = part(sheet.part);
      if (xml === undefined) return undefined;
      grids.push(sheetGrid(sheet.name, xml, strings, formats));
    }
    return grids.length ? grids : undefined;
  } catch (error) {
    if (error instanceof InflatesBeyondDeclared) throw zipBombError();
    if (error instanceof NeedsFullReader || error instanceof RangeError) return undefined;
    // zlib reports a damaged stream with a plain Error carrying a code; exceljs will say it in words.
    if (error instanceof Error && "code" in error) return undefined;
    throw error;
  }
}

/**
 * Reads every worksheet of an .xlsx file: quickly when the file is plain, else with exceljs. Throws
 * WorkbookReadError exactly as readWorkbookFile does for a file that cannot be read.
 */
export async function readWorkbookFileFast(path: string): Promise<SheetGrid[]> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch {
    // The full reader words the failure (missing file, permissions) for users.
    return readWorkbookFile(path);
  }
  checkPackage(buffer);
  return readWorkbookFast(buffer) ?? readWorkbookBuffer(buffer);
}
