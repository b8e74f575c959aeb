import type { CellInput, CellScalar } from "../domain/cell";
import { cellInput } from "../domain/cell";
import type { XmlAttributes } from "./xml";
import { knownNamespace, readXml } from "./xml";

// The SpreadsheetML parts an appendix reader needs (ECMA-376 part 1, section 18), read as an office suite reads
// them: relationships, the workbook's sheet list, shared strings, the number formats of cell styles, and worksheets.
// Elements are matched by namespace and local name, so the SpreadsheetML namespace may be bound to any prefix.

/** A part that breaks SpreadsheetML's rules in a way an office suite would refuse or repair. */
export class PartError extends Error {}

const MAIN_TRANSITIONAL = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";

for (const uri of [MAIN_TRANSITIONAL, MAIN_STRICT]) knownNamespace(uri);

/** The SpreadsheetML namespace, transitional or strict (ECMA-376 part 1 and part 4). */
function isMain(uri: string): boolean {
  return uri === MAIN_TRANSITIONAL || uri === MAIN_STRICT;
}
const RELATIONSHIPS_NS = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
knownNamespace(PACKAGE_RELATIONSHIPS);

/** One relationship of a part: its type's last segment ("worksheet", "styles") and the part it targets. */
export interface Relationship {
  readonly kind: string;
  readonly target: string;
}

/** The relationships part (OPC, ECMA-376 part 2, 9.3) of `source`, targets resolved to zip member names. */
export function relationships(xml: string, source: string): Map<string, Relationship> {
  const base = source.includes("/") ? source.slice(0, source.lastIndexOf("/") + 1) : "";
  const found = new Map<string, Relationship>();
  readXml(xml, {
    open(uri, local, attributes) {
      if (uri !== PACKAGE_RELATIONSHIPS || local !== "Relationship") return;
      const id = attributes.get("Id");
      const type = attributes.get("Type");
      const target = attributes.get("Target");
      if (id === undefined || type === undefined || target === undefined) return;
      if (attributes.get("TargetMode") === "External") return;
      found.set(id, { kind: type.slice(type.lastIndexOf("/") + 1), target: resolveTarget(base, target) });
    },
    close() {},
  });
  return found;
}

function resolveTarget(base: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : base + target;
  const resolved: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") resolved.pop();
    else if (part !== "." && part !== "") resolved.push(part);
  }
  return resolved.map((part) => decodeURIComponent(part)).join("/");
}

/** Whether a sheet shows in the workbook's tabs (ECMA-376 part 1, 18.18.68 ST_SheetState). */
export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** One sheet as the workbook part lists it. */
export interface SheetEntry {
  readonly name: string;
  readonly relationship: string;
  readonly visibility: SheetVisibility;
}

/** The workbook part: its sheets in tab order and whether dates count from 1904. */
export function workbookPart(xml: string): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  readXml(xml, {
    open(uri, local, attributes) {
      if (!isMain(uri)) return;
      if (local === "workbookPr") date1904 = isTrue(attributes.get("date1904"));
      if (local !== "sheet") return;
      const name = attributes.get("name");
      const relationship = relationshipId(attributes);
      if (name === undefined || relationship === undefined)
        throw new PartError("a sheet without a name or part");
      const state = attributes.get("state") ?? "visible";
      if (state !== "visible" && state !== "hidden" && state !== "veryHidden") {
        throw new PartError(`sheet state ${state}`);
      }
      sheets.push({ name, relationship, visibility: state });
    },
    close() {},
  });
  return { sheets, date1904 };
}

function relationshipId(attributes: XmlAttributes): string | undefined {
  for (const uri of RELATIONSHIPS_NS) {
    const id = attributes.get(`{${uri}}id`);
    if (id !== undefined) return id;
  }
  return undefined;
}

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

// OOXML escapes characters XML cannot hold as _xHHHH_ (ECMA-376 part 1, 22.9.2.19 ST_Xstring).
function unescapeXstring(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/**
 * Collects the visible text of string items (<si> in shared strings, <is> in a cell): the <t> directly inside, or
 * the <t> of each rich text run <r> concatenated; phonetic runs (<rPh>) are guides, not text (18.4.6).
 */
class StringItemText {
  private depth = 0;
  private inPhonetic = 0;
  private inText = false;
  private text = "";

  begin(): void {
    this.depth = 0;
    this.inPhonetic = 0;
    this.inText = false;
    this.text = "";
  }

  open(local: string): void {
    this.depth++;
    if (local === "rPh") this.inPhonetic++;
    else if (local === "t" && this.inPhonetic === 0) this.inText = true;
  }

  close(local: string): void {
    this.depth--;
    if (local === "rPh") this.inPhonetic--;
    else if (local === "t") this.inText = false;
  }

  add(text: string): void {
    if (this.inText) this.text += text;
  }

  result(): string {
    return unescapeXstring(this.text);
  }
}

/** The shared string table (18.4.9), in order. */
export function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const item = new StringItemText();
  let inItem = false;
  readXml(xml, {
    open(uri, local) {
      if (!isMain(uri)) return;
      if (local === "si" && !inItem) {
        inItem = true;
        item.begin();
      } else if (inItem) item.open(local);
    },
    close(uri, local) {
      if (!isMain(uri) || !inItem) return;
      if (local === "si") {
        inItem = false;
        strings.push(item.result());
      } else item.close(local);
    },
    text(text) {
      if (inItem) item.add(text);
    },
  });
  return strings;
}

// Built-in number formats, which styles.xml refers to by id without writing them (18.8.30), spelled as exceljs
// spells them. Ids 27–36 and 50–81 are East Asian and depend on the locale; like exceljs, they read as General.
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
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

/** The number format of each cell style index (a cell's `s`), from cellXfs (18.8.10); undefined for General. */
export function styleFormats(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  readXml(xml, {
    open(uri, local, attributes) {
      if (!isMain(uri)) return;
      if (local === "numFmt") {
        const id = Number(attributes.get("numFmtId"));
        const code = attributes.get("formatCode");
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (local === "cellXfs") inCellXfs = true;
      else if (local === "xf" && inCellXfs) ids.push(Number(attributes.get("numFmtId") ?? "0"));
    },
    close(uri, local) {
      if (isMain(uri) && local === "cellXfs") inCellXfs = false;
    },
  });
  return ids.map((id) => {
    const code = custom.get(id) ?? BUILT_IN_FORMATS[id];
    return code === "General" ? undefined : code;
  });
}

/**
 * A worksheet's cells from A1 as the domain's SheetGrid holds them, within the window a reader holds: rows up to
 * the last that holds a cell, each at least six columns wide so that the key column F is always present.
 */
export interface SheetCells {
  readonly cells: (CellInput | undefined)[][];
  readonly count: number;
}

/** What a worksheet is read with: the workbook's strings and styles, and the window of cells held. */
export interface SheetContext {
  readonly strings: readonly string[];
  readonly formats: readonly (string | undefined)[];
  readonly date1904: boolean;
  readonly maxRows: number;
  readonly maxColumns: number;
  /** Told each time a cell is held, to count them. */
  readonly onCell?: () => void;
}

/** 1-based row and 0-based column of an A1 reference such as "AB12" (no sheet, no $). */
function position(ref: string): [row: number, column: number] {
  let column = 0;
  let at = 0;
  for (; at < ref.length; at++) {
    const code = ref.charCodeAt(at) & ~0x20;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  const row = Number(ref.slice(at));
  if (at === 0 || at > 3 || !Number.isInteger(row) || row < 1 || row > 1_048_576 || column > 16_384) {
    throw new PartError(`cell reference ${ref}`);
  }
  return [row, column - 1];
}

function columnName(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

const REFERENCE_OR_STRING =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'!|(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)(?![0-9A-Za-z_(!.])/g;

/**
 * A shared formula as it reads in a cell `rows` below and `columns` right of its master (18.3.1.40 f): relative
 * references move, absolute ones ($) stay, text in quotes is left alone.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  return formula.replace(
    REFERENCE_OR_STRING,
    (
      match,
      colAbs: string | undefined,
      col: string | undefined,
      rowAbs: string,
      row: string,
      offset: number,
    ) => {
      if (col === undefined) return match;
      const before = offset > 0 ? formula[offset - 1]! : "";
      if (/[0-9A-Za-z_.$]/.test(before)) return match;
      const [, column] = position(`${col}1`);
      const newColumn = colAbs ? column : column + columns;
      const newRow = rowAbs ? Number(row) : Number(row) + rows;
      if (newColumn < 0 || newRow < 1) return "#REF!";
      return `${colAbs ?? ""}${columnName(newColumn)}${rowAbs}${newRow}`;
    },
  );
}

const NUMBER = /^\s*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*$/;
const DAY_MS = 86_400_000;

/** The serial number of an ISO 8601 date (a cell of type d, 18.18.11), as Excel stores dates. */
function dateSerial(text: string, date1904: boolean): number {
  const trimmed = text.trim();
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(trimmed.slice(10))
    ? trimmed
    : `${trimmed.length <= 10 ? `${trimmed}T00:00:00` : trimmed}Z`;
  const ms = Date.parse(zoned);
  if (Number.isNaN(ms)) throw new PartError(`date ${text}`);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (ms - epoch) / DAY_MS;
}

function scalar(
  type: string,
  raw: string | undefined,
  inline: string | undefined,
  context: SheetContext,
): CellScalar {
  switch (type) {
    case "inlineStr":
      return inline ?? (raw === undefined ? null : unescapeXstring(raw));
    case "s": {
      if (raw === undefined) return null;
      const text = context.strings[Number(raw)];
      if (text === undefined || raw.trim() === "") throw new PartError(`shared string ${raw} out of range`);
      return text;
    }
    case "str":
      return raw === undefined ? null : unescapeXstring(raw);
    case "b": {
      if (raw === undefined) return null;
      const trimmed = raw.trim();
      if (trimmed === "1" || trimmed === "true") return true;
      if (trimmed === "0" || trimmed === "false") return false;
      throw new PartError(`boolean ${raw}`);
    }
    case "e":
      return raw === undefined ? null : { error: raw.trim() };
    case "d":
      return raw === undefined || raw.trim() === "" ? null : dateSerial(raw, context.date1904);
    case "n": {
      if (raw === undefined || raw.trim() === "") return null;
      if (!NUMBER.test(raw)) throw new PartError(`number ${raw}`);
      return Number(raw);
    }
    default:
      throw new PartError(`cell type ${type}`);
  }
}

interface PendingFormula {
  readonly row: number;
  readonly column: number;
  readonly group: string;
  readonly value: CellScalar;
  readonly numberFormat: string | undefined;
}

/**
 * A worksheet's cells (18.3.1.99 sheetData): rows and cells in any order, `r` optional on either (then the next
 * row or column), values typed by `t`, shared formulas expanded to each cell of their range, and the cells a merge
 * covers (18.3.1.55) read as empty, as an office suite shows them.
 */
export function worksheetCells(xml: string, context: SheetContext): SheetCells {
  const rows: (CellInput | undefined)[][] = [];
  const masters = new Map<string, { formula: string; row: number; column: number }>();
  const pending: PendingFormula[] = [];
  const merges: [top: number, left: number, bottom: number, right: number][] = [];
  const inline = new StringItemText();
  let count = 0;
  let inSheetData = false;
  let rowNumber = 0;
  let columnIndex = -1;
  // The cell being read.
  let inCell = false;
  let cellRow = 0;
  let cellColumn = 0;
  let type = "n";
  let style: string | undefined;
  let value: string | undefined;
  let formula: string | undefined;
  let sharedGroup: string | undefined;
  let sharedMaster = false;
  let inlineText: string | undefined;
  let reading: "v" | "f" | "is" | undefined;

  const hold = (row: number, column: number, input: CellInput) => {
    if (row > context.maxRows || column >= context.maxColumns) return;
    const line = (rows[row - 1] ??= []);
    if (line[column] === undefined) {
      count++;
      context.onCell?.();
    }
    line[column] = input;
  };

  readXml(xml, {
    open(uri, local, attributes) {
      if (!isMain(uri)) return;
      if (reading === "is") {
        inline.open(local);
        return;
      }
      if (local === "sheetData") inSheetData = true;
      else if (!inSheetData) {
        if (local === "mergeCell") {
          const ref = attributes.get("ref") ?? "";
          const [from = "", to = from] = ref.split(":");
          const [top, left] = position(from);
          const [bottom, right] = position(to);
          merges.push([top, left, bottom, right]);
        }
      } else if (local === "row") {
        const r = attributes.get("r");
        rowNumber = r === undefined ? rowNumber + 1 : Number(r);
        if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > 1_048_576)
          throw new PartError(`row ${r}`);
        columnIndex = -1;
      } else if (local === "c") {
        const r = attributes.get("r");
        if (r === undefined) {
          cellRow = rowNumber;
          cellColumn = columnIndex + 1;
        } else {
          [cellRow, cellColumn] = position(r);
        }
        if (cellRow === 0) throw new PartError("a cell outside any row");
        columnIndex = cellColumn;
        inCell = true;
        type = attributes.get("t") ?? "n";
        style = attributes.get("s");
        value = formula = sharedGroup = inlineText = undefined;
        sharedMaster = false;
      } else if (inCell && local === "v") {
        reading = "v";
        value = "";
      } else if (inCell && local === "f") {
        reading = "f";
        formula = "";
        if (attributes.get("t") === "shared") {
          sharedGroup = attributes.get("si");
          sharedMaster = attributes.has("ref");
        }
      } else if (inCell && local === "is") {
        reading = "is";
        inline.begin();
      }
    },
    close(uri, local) {
      if (!isMain(uri)) return;
      if (reading === "is") {
        if (local === "is") {
          reading = undefined;
          inlineText = inline.result();
        } else inline.close(local);
        return;
      }
      if (local === "v" || local === "f") reading = undefined;
      else if (local === "sheetData") inSheetData = false;
      else if (local === "c" && inCell) {
        inCell = false;
        const cellValue = scalar(type, value, inlineText, context);
        const numberFormat = style === undefined ? undefined : context.formats[Number(style)];
        if (sharedGroup !== undefined) {
          if (!formula) {
            pending.push({
              row: cellRow,
              column: cellColumn,
              group: sharedGroup,
              value: cellValue,
              numberFormat,
            });
            return;
          }
          if (sharedMaster || !masters.has(sharedGroup)) {
            masters.set(sharedGroup, { formula, row: cellRow, column: cellColumn });
          }
        }
        const text = formula === "" ? undefined : formula;
        if (cellValue === null && text === undefined) return;
        hold(cellRow, cellColumn, cellInput(cellValue, numberFormat, text));
      }
    },
    text(text) {
      if (reading === "v") value += text;
      else if (reading === "f") formula += text;
      else if (reading === "is") inline.add(text);
    },
  });
  // Followers may come before their master when rows are out of order: expanded once the whole sheet is read.
  for (const follower of pending) {
    const master = masters.get(follower.group);
    if (!master) throw new PartError(`shared formula ${follower.group} without its master`);
    const text = shiftFormula(master.formula, follower.row - master.row, follower.column - master.column);
    hold(follower.row, follower.column, cellInput(follower.value, follower.numberFormat, text));
  }
  for (const [top, left, bottom, right] of merges) {
    for (let row = top; row <= Math.min(bottom, context.maxRows); row++) {
      const line = rows[row - 1];
      if (!line) continue;
      for (let column = left; column <= Math.min(right, line.length - 1); column++) {
        if ((row !== top || column !== left) && line[column] !== undefined) {
          line[column] = undefined;
          count--;
        }
      }
    }
  }
  let width = 6;
  let height = 0;
  for (let index = 0; index < rows.length; index++) {
    const line = rows[index];
    if (!line) continue;
    for (let column = line.length - 1; column >= 0; column--) {
      if (line[column] === undefined) continue;
      height = index + 1;
      width = Math.max(width, column + 1);
      break;
    }
  }
  const cells: (CellInput | undefined)[][] = new Array<(CellInput | undefined)[]>(height);
  for (let index = 0; index < height; index++) {
    const full = new Array<CellInput | undefined>(width).fill(undefined);
    const line = rows[index];
    if (line)
      for (let column = 0; column < Math.min(line.length, width); column++) full[column] = line[column];
    cells[index] = full;
  }
  return { cells, count };
}
