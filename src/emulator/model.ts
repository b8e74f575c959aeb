import type { SheetGrid } from "../domain/cell";
import { columnLetter, isCellError } from "../domain/cell";

// The workbook the Excel emulator serves (src/emulator/emulator.ts), as plain data: sheets, cells by position,
// conditional formats, protection, page set-up. Plain data so that tests compare it and the preview draws it.
// - a protected sheet refuses what Excel refuses: values in locked cells, formats without the "format cells"
//   permission, merges, data validation and unlocking cells, so that a plan needing to unprotect a sheet fails;
// - text written into `values` is read the way Excel reads what a person types ("02" becomes 2, "'02" stays text).
// It computes no formula but one made of a single cell reference (='Sở TTTT'!D15), which it reads live, as Excel
// shows it (see `shown`): a formula cell otherwise holds an empty value unless its owner gives an evaluator.
// References to other sheets are kept as Excel keeps them: renaming a sheet renames them, deleting it turns them into
// #REF! (see renameReferences and dropReferences).

/** An error as Excel's host reports it: a code of the Office.js error list, a message, where it happened. */
export class HostError extends Error {
  constructor(
    readonly code: string,
    message = code,
    readonly location = "",
  ) {
    super(message);
    this.name = "HostError";
  }
}

/** What a protected sheet still allows (Excel.WorksheetProtectionOptions, the parts the add-in uses). */
export interface ProtectionOptions {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowEditObjects?: boolean;
  [option: string]: boolean | undefined;
}

export const MAX_ROW = 1_048_575;
export const MAX_COLUMN = 16_383;

/** A basic data validation: an operator and its bounds. */
export interface BasicValidation {
  operator: string;
  formula1?: number | string;
  formula2?: number | string;
}

/** Excel's data validation rule of a cell, as the adapter writes it. */
export interface ValidationRule {
  wholeNumber?: BasicValidation;
  decimal?: BasicValidation;
  list?: { inCellDropDown?: boolean; source: string };
}

/** Font attributes as a cell holds them. */
export interface CellFont {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

/** One cell of the fake workbook. */
export interface CellData {
  value: string | number | boolean;
  valueType: "Empty" | "String" | "Double" | "Boolean" | "Error";
  formula?: string;
  numberFormat: string;
  locked: boolean;
  font?: CellFont;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: string[];
  /** Solid fill colour, "#RRGGBB". */
  fill?: string;
  textRuns?: { text: string; font?: CellFont }[];
  validation?: {
    rule?: ValidationRule;
    prompt?: { showPrompt?: boolean; title?: string; message?: string };
    errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
    ignoreBlanks?: boolean;
  };
}

/** A conditional format of the fake workbook. */
export interface ConditionalFormatData {
  id: string;
  type: string;
  areas: string[];
  formula?: string;
  fill?: string;
  fontColor?: string;
}

/** One sheet of the fake workbook: plain data, so that a failed sync restores it by copy. */
export interface SheetData {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Cells by "row,column", both 0-based. */
  cells: Record<string, CellData>;
  columns: Record<number, { width?: number; hidden?: boolean; font?: CellFont }>;
  rows: Record<number, { height?: number }>;
  merges: string[];
  protection: { protected: boolean; options: ProtectionOptions };
  pageLayout: {
    orientation?: string;
    paperSize?: string;
    zoom?: unknown;
    centerHorizontally?: boolean;
    margins?: { unit: string; options: unknown };
    centerFooter?: string;
    printArea?: string;
    printTitleRows?: string;
    printTitleColumns?: string;
  };
  conditionalFormats: ConditionalFormatData[];
  /** Notes (ExcelApi 1.18) by cell address. */
  notes?: Record<string, string>;
  /** Rows frozen at the top. */
  frozenRows?: number;
}

/** The whole fake workbook. */
export interface WorkbookData {
  sheets: SheetData[];
  activeSheetId?: string;
  selection?: { sheetId: string; address: string };
  nextId: number;
  /** The add-in's settings stored in the workbook (Workbook.settings, ExcelApi 1.4), shared by every co-author. */
  settings?: Record<string, unknown>;
}

/** One rectangular area, 0-based and inclusive. */
export interface Bounds {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** 0-based column of its letters ("A" is 0). */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** Bounds of one area: "A1", "A1:B2", "A:G", "5:6"; throws InvalidArgument for anything else. */
export function parseArea(address: string): Bounds {
  const text = address.replace(/\$/g, "").trim().toUpperCase();
  let match = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(text);
  if (match) {
    const r1 = Number(match[2]) - 1;
    const c1 = columnIndex(match[1]!);
    return match[3]
      ? { r1, c1, r2: Number(match[4]) - 1, c2: columnIndex(match[3]) }
      : { r1, c1, r2: r1, c2: c1 };
  }
  match = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(text);
  if (match) return { r1: 0, c1: columnIndex(match[1]!), r2: MAX_ROW, c2: columnIndex(match[2]!) };
  match = /^(\d+):(\d+)$/.exec(text);
  if (match) return { r1: Number(match[1]) - 1, c1: 0, r2: Number(match[2]) - 1, c2: MAX_COLUMN };
  throw new HostError("InvalidArgument", `Not an address: ${address}`);
}

/** A sheet's name as a formula or an address writes it: quoted unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// A formula that is one cell reference: ='Sở TTTT'!D15, =Sheet1!$D$15, =D15.
const PLAIN_REFERENCE = /^=(?:(?:'((?:[^']|'')+)'|([^'!()\s,;=+\-*/&^<>"]+))!)?\$?([A-Z]{1,3})\$?(\d+)$/i;
// Deep enough for any chain of references a test builds; a longer one is taken for a circular reference.
const REFERENCE_DEPTH = 32;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Where a formula refers to the sheet `name`: its quoted form, and its bare form when the name needs no quotes. */
function sheetPrefix(name: string): RegExp {
  const quoted = `'${escapeRegExp(name.replace(/'/g, "''"))}'!`;
  const bare = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? `|(?<![\\w'.])${escapeRegExp(name)}!` : "";
  return new RegExp(`${quoted}${bare}`, "gi");
}

/** "A1" or "A1:B2" of an area. */
export function boundsAddress(bounds: Bounds): string {
  const first = `${columnLetter(bounds.c1)}${bounds.r1 + 1}`;
  const last = `${columnLetter(bounds.c2)}${bounds.r2 + 1}`;
  return first === last ? first : `${first}:${last}`;
}

function within(inner: Bounds, outer: Bounds): boolean {
  return inner.r1 >= outer.r1 && inner.r2 <= outer.r2 && inner.c1 >= outer.c1 && inner.c2 <= outer.c2;
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

function shift(b: Bounds, dr: number, dc: number): Bounds {
  return { r1: b.r1 + dr, c1: b.c1 + dc, r2: b.r2 + dr, c2: b.c2 + dc };
}

function clip(b: Bounds, to: Bounds): Bounds | undefined {
  if (!overlaps(b, to)) return undefined;
  return {
    r1: Math.max(b.r1, to.r1),
    c1: Math.max(b.c1, to.c1),
    r2: Math.min(b.r2, to.r2),
    c2: Math.min(b.c2, to.c2),
  };
}

/** What is left of `b` outside `hole`: up to four rectangles (above, below, left, right). */
function subtract(b: Bounds, hole: Bounds): Bounds[] {
  if (!overlaps(b, hole)) return [b];
  const parts: Bounds[] = [];
  if (b.r1 < hole.r1) parts.push({ ...b, r2: hole.r1 - 1 });
  if (b.r2 > hole.r2) parts.push({ ...b, r1: hole.r2 + 1 });
  const r1 = Math.max(b.r1, hole.r1);
  const r2 = Math.min(b.r2, hole.r2);
  if (b.c1 < hole.c1) parts.push({ r1, r2, c1: b.c1, c2: hole.c1 - 1 });
  if (b.c2 > hole.c2) parts.push({ r1, r2, c1: hole.c2 + 1, c2: b.c2 });
  return parts;
}

/** The key of a cell in SheetData.cells. */
export function key(row: number, column: number): string {
  return `${row},${column}`;
}

/** A cell never written: empty, General, locked. */
export function emptyCell(): CellData {
  return { value: "", valueType: "Empty", numberFormat: "General", locked: true };
}

const ERROR_VALUES = new Set(["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"]);

/**
 * What a cell holds after a person types `input` into it, as Excel (en-US) reads it: an apostrophe keeps text as
 * typed, "=" starts a formula, numbers (with thousands commas, a percent sign, parentheses for negatives), TRUE and
 * FALSE, m/d/yyyy dates and error values are converted; anything else is text.
 */
export function typed(input: string | number | boolean): Pick<CellData, "value" | "valueType" | "formula"> & {
  numberFormat?: string;
} {
  if (typeof input === "number") return { value: input, valueType: "Double" };
  if (typeof input === "boolean") return { value: input, valueType: "Boolean" };
  if (input === "") return { value: "", valueType: "Empty" };
  if (input.startsWith("'"))
    return { value: input.slice(1), valueType: input.length > 1 ? "String" : "Empty" };
  if (input.startsWith("=")) return { value: "", valueType: "Empty", formula: input };
  const text = input.trim();
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true", valueType: "Boolean" };
  if (ERROR_VALUES.has(text.toUpperCase())) return { value: text.toUpperCase(), valueType: "Error" };
  const number = /^(\()?([+-]?)(\d+|\d{1,3}(?:,\d{3})+)(\.\d*)?(%)?(\))?$/.exec(text);
  if (number && Boolean(number[1]) === Boolean(number[6])) {
    const magnitude = Number(`${number[3]!.replace(/,/g, "")}${number[4] ?? ""}`);
    const sign = number[2] === "-" || number[1] ? -1 : 1;
    return number[5]
      ? { value: (sign * magnitude) / 100, valueType: "Double", numberFormat: "0%" }
      : { value: sign * magnitude, valueType: "Double" };
  }
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (date) {
    const serial =
      (Date.UTC(Number(date[3]), Number(date[1]) - 1, Number(date[2])) - Date.UTC(1899, 11, 30)) / 86_400_000;
    return { value: serial, valueType: "Double", numberFormat: "m/d/yyyy" };
  }
  return { value: input, valueType: "String" };
}

/**
 * One in-memory workbook: its sheets and cells, Excel's typing rules and protection rules. The emulator answers the
 * Excel client library from it; tests and the preview read and change it directly, as a person or a co-author would.
 */
export class WorkbookModel {
  data: WorkbookData = { sheets: [], nextId: 1 };
  /** Sheets whose values changed since the emulator last looked (it reports them as change events). */
  readonly changed = new Set<string>();

  constructor(private readonly evaluate?: (formula: string, sheet: SheetData) => string | number | boolean) {}

  // --- the workbook, for tests -------------------------------------------------------------------------------

  /** Adds a sheet directly (not through a batch), as a person or another tool made it. */
  addSheet(name: string): SheetData {
    return this.createSheet(name);
  }

  /**
   * Deletes a sheet directly, as a person does from its tab: formulas elsewhere that refer to it become #REF!. A
   * workbook keeps a visible sheet (InvalidOperation otherwise).
   */
  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    const sheets = this.data.sheets;
    const visible = sheets.filter((other) => other !== sheet && other.visibility === "Visible");
    if (!visible.length)
      throw new HostError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    sheets.splice(sheets.indexOf(sheet), 1);
    if (this.data.activeSheetId === sheet.id) this.data.activeSheetId = visible[0]!.id;
    this.dropReferences(sheet.name);
  }

  /** A sheet by name (any case) or id; throws ItemNotFound. */
  sheet(nameOrId: string): SheetData {
    const found = this.findSheet(nameOrId);
    if (!found) throw new HostError("ItemNotFound", `No sheet ${nameOrId}`);
    return found;
  }

  /** A cell of a sheet, empty if never written. */
  cell(sheet: string, address: string): CellData {
    const bounds = parseArea(address);
    return this.sheet(sheet).cells[key(bounds.r1, bounds.c1)] ?? emptyCell();
  }

  /** Writes raw cell contents directly (a value read back as is, no typing rules): seeding a workbook. */
  setCell(sheet: SheetData, row: number, column: number, content: Partial<CellData>): void {
    sheet.cells[key(row, column)] = { ...emptyCell(), ...sheet.cells[key(row, column)], ...content };
  }

  /** A person typing into a cell: Excel's typing rules, and the lock of a protected sheet. */
  type(sheetName: string, address: string, input: string | number | boolean): void {
    const sheet = this.sheet(sheetName);
    const bounds = parseArea(address);
    this.assertWritable(sheet, bounds);
    this.writeTyped(sheet, bounds.r1, bounds.c1, input);
  }

  // --- used by the emulator -----------------------------------------------------------------------------------

  createSheet(name: string): SheetData {
    if (!name.trim() || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
      throw new HostError("InvalidArgument", `Invalid sheet name ${name}`);
    }
    if (this.findSheet(name)) throw new HostError("ItemAlreadyExists", `Sheet ${name} exists`);
    const sheet: SheetData = {
      id: `{sheet-${this.data.nextId++}}`,
      name,
      visibility: "Visible",
      cells: {},
      columns: {},
      rows: {},
      merges: [],
      protection: { protected: false, options: {} },
      pageLayout: {},
      conditionalFormats: [],
    };
    this.data.sheets.push(sheet);
    this.data.activeSheetId ??= sheet.id;
    return sheet;
  }

  /**
   * What a cell shows: its stored value, or for a formula of one cell reference the referenced cell's, read now as
   * Excel recalculates it (0 for an empty cell; #REF! for a sheet that is gone). Source: Excel shows the referenced
   * cell's value and 0 for an empty one (https://support.microsoft.com/office/create-or-change-a-cell-reference-
   * c7b8b95d-c594-4c3a-8d0c-3d6ce2ac5fb0), and #REF! where the reference is no longer valid
   * (https://support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-e610-4d29-a1a7-8a6a4bc9ead2).
   */
  shown(sheet: SheetData, cell: CellData, depth = 0): Pick<CellData, "value" | "valueType"> {
    const reference = cell.formula === undefined ? null : PLAIN_REFERENCE.exec(cell.formula);
    if (!reference) return cell;
    const name = reference[1]?.replace(/''/g, "'") ?? reference[2];
    const lower = name?.toLowerCase();
    const target = name === undefined ? sheet : this.data.sheets.find((s) => s.name.toLowerCase() === lower);
    if (!target || depth > REFERENCE_DEPTH) return { value: "#REF!", valueType: "Error" };
    const referenced = target.cells[key(Number(reference[4]) - 1, columnIndex(reference[3]!))];
    const value = referenced ? this.shown(target, referenced, depth + 1) : undefined;
    return !value || value.valueType === "Empty" ? { value: 0, valueType: "Double" } : value;
  }

  /** Formulas on other sheets that refer to the sheet renamed from `from` now name it `to`, as Excel rewrites them. */
  renameReferences(from: string, to: string): void {
    this.rewriteReferences(from, `${quoteSheet(to)}!`);
  }

  /**
   * Formulas that refer to the deleted sheet `name` now say #REF! where they named it (='Sở 1'!D15 becomes
   * =#REF!D15), and show #REF!: https://support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-e610-4d29-a1a7-8a6a4bc9ead2
   * ("#REF! ... when a formula refers to a cell that's not valid ... cells that were referenced by formulas get
   * deleted").
   */
  dropReferences(name: string): void {
    this.rewriteReferences(name, "#REF!", { value: "#REF!", valueType: "Error" });
  }

  private rewriteReferences(name: string, by: string, shows?: Pick<CellData, "value" | "valueType">): void {
    const prefix = sheetPrefix(name);
    for (const sheet of this.data.sheets) {
      for (const cell of Object.values(sheet.cells)) {
        if (cell.formula === undefined || !cell.formula.match(prefix)) continue;
        cell.formula = cell.formula.replace(prefix, by);
        if (shows) Object.assign(cell, shows);
      }
    }
  }

  findSheet(nameOrId: string): SheetData | undefined {
    const lower = nameOrId.toLowerCase();
    return this.data.sheets.find((sheet) => sheet.id === nameOrId || sheet.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetData {
    const sheet = this.data.sheets.find((candidate) => candidate.id === id);
    if (!sheet) throw new HostError("ItemNotFound", `Sheet ${id} no longer exists`);
    return sheet;
  }

  nextId(prefix: string): string {
    return `${prefix}-${this.data.nextId++}`;
  }

  assertWritable(sheet: SheetData, bounds: Bounds): void {
    if (!sheet.protection.protected) return;
    for (let r = bounds.r1; r <= bounds.r2; r++) {
      for (let c = bounds.c1; c <= bounds.c2; c++) {
        if (sheet.cells[key(r, c)]?.locked ?? true) {
          throw new HostError(
            "AccessDenied",
            `The cell ${columnLetter(c)}${r + 1} of ${sheet.name} is locked on a protected sheet.`,
          );
        }
      }
    }
  }

  assertAllowed(sheet: SheetData, permission: keyof ProtectionOptions | "never"): void {
    if (!sheet.protection.protected) return;
    if (permission !== "never" && sheet.protection.options[permission]) return;
    throw new HostError("AccessDenied", `${sheet.name} is protected (${permission}).`);
  }

  writeTyped(sheet: SheetData, row: number, column: number, input: string | number | boolean): void {
    const current = sheet.cells[key(row, column)] ?? emptyCell();
    const result = typed(input);
    const next: CellData = { ...current, value: result.value, valueType: result.valueType };
    delete next.formula;
    if (result.formula) {
      next.formula = result.formula;
      const value = this.evaluate?.(result.formula, sheet);
      if (value !== undefined) Object.assign(next, typed(typeof value === "string" ? `'${value}` : value));
      next.formula = result.formula;
    }
    if (result.numberFormat && current.numberFormat === "General") next.numberFormat = result.numberFormat;
    sheet.cells[key(row, column)] = next;
    this.changed.add(sheet.id);
  }

  /**
   * Range.copyFrom (ExcelApi 1.9), which "replicates the Copy and Paste actions of the Excel UI"
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-cut-copy-paste): `from` of `source`
   * pasted at the same size with its top-left at `to` of `target`. What each copy type carries, after Excel's paste
   * options (https://learn.microsoft.com/javascript/api/excel/excel.rangecopytype;
   * https://support.microsoft.com/office/paste-options-8ea795b0-87cd-46af-9b59-ed4d8b1669ad):
   * - "All": every cell's content and formatting (number format, font, fill, borders, alignment, the lock, which is
   *   a cell format, and data validation), notes, merged areas, and conditional formats, which replace the
   *   destination's over the pasted area ("All merging conditional formats" is the other option); blank cells of the
   *   source clear the destination's;
   * - "Formulas": contents only; "Values": what the cells show, formulas dropped; "Formats": formatting only;
   * - never column widths or row heights (Paste Special's "Column widths" is an option of its own).
   * Protection: a protected destination refuses contents in its locked cells, formats without "format cells", and
   * any change of a cell's lock, as typing and formatting there would be refused. Relative references in formulas
   * are adjusted by Excel when pasted elsewhere; the emulator copies formulas only to the same place, and refuses
   * the rest (MethodNotImplemented) rather than copy them wrong.
   */
  copyCells(
    source: SheetData,
    from: Bounds,
    target: SheetData,
    to: { readonly row: number; readonly column: number },
    type: "All" | "Formulas" | "Values" | "Formats",
  ): void {
    const rows = from.r2 - from.r1 + 1;
    const columns = from.c2 - from.c1 + 1;
    const area: Bounds = { r1: to.row, c1: to.column, r2: to.row + rows - 1, c2: to.column + columns - 1 };
    if (area.r2 > MAX_ROW || area.c2 > MAX_COLUMN)
      throw new HostError("InvalidArgument", "The paste goes past the sheet's edge", "Range.copyFrom");
    const dr = to.row - from.r1;
    const dc = to.column - from.c1;
    const contents = type !== "Formats";
    const formats = type === "All" || type === "Formats";
    // A snapshot of the source first: it may overlap the destination.
    const copied = new Map<string, CellData>();
    for (const [position, cell] of Object.entries(source.cells)) {
      const [r, c] = position.split(",").map(Number) as [number, number];
      if (r < from.r1 || r > from.r2 || c < from.c1 || c > from.c2) continue;
      if ((dr || dc) && contents && cell.formula !== undefined && type !== "Values")
        throw new HostError(
          "MethodNotImplemented",
          "Formulas are copied only to the same place",
          "Range.copyFrom",
        );
      copied.set(
        key(r + dr, c + dc),
        structuredClone(type === "Values" ? { ...cell, ...this.shown(source, cell) } : cell),
      );
    }
    if (target.protection.protected) {
      if (contents) this.assertWritable(target, area);
      if (formats) this.assertAllowed(target, "allowFormatCells");
      const positions = new Set([...copied.keys(), ...Object.keys(target.cells)]);
      for (const at of formats ? positions : []) {
        const [r, c] = at.split(",").map(Number) as [number, number];
        const inside = r >= area.r1 && r <= area.r2 && c >= area.c1 && c <= area.c2;
        if (inside && (target.cells[at]?.locked ?? true) !== (copied.get(at)?.locked ?? true))
          this.assertAllowed(target, "never");
      }
    }
    // Only cells that hold something on either side change: the rest stay empty, so whole columns paste quickly.
    const touched = new Set(copied.keys());
    for (const position of Object.keys(target.cells)) {
      const [r, c] = position.split(",").map(Number) as [number, number];
      if (r >= area.r1 && r <= area.r2 && c >= area.c1 && c <= area.c2) touched.add(position);
    }
    for (const at of touched) {
      const was = target.cells[at] ?? emptyCell();
      const pasted = copied.get(at) ?? emptyCell();
      let next: CellData;
      if (type === "All") next = pasted;
      else if (type === "Formats") next = { ...pasted, value: was.value, valueType: was.valueType };
      else next = { ...was, value: pasted.value, valueType: pasted.valueType };
      if (type === "Formats") {
        if (was.formula === undefined) delete next.formula;
        else next.formula = was.formula;
      } else if (type !== "All") {
        if (type === "Formulas" && pasted.formula !== undefined) next.formula = pasted.formula;
        else delete next.formula;
      }
      if (next === pasted && !copied.has(at)) delete target.cells[at];
      else target.cells[at] = next;
    }
    if (formats) this.copyAreaFormats(source, from, target, area, dr, dc);
    if (type === "All") {
      const notes = Object.entries(target.notes ?? {}).filter(
        ([address]) => !within(parseArea(address), area),
      );
      for (const [address, note] of Object.entries(source.notes ?? {})) {
        const b = parseArea(address);
        if (within(b, from)) notes.push([boundsAddress(shift(b, dr, dc)), note]);
      }
      if (notes.length || target.notes) target.notes = Object.fromEntries(notes);
    }
    if (contents) this.changed.add(target.id);
  }

  /** The merged areas and conditional formats a paste of formats brings into `area`, replacing the destination's. */
  private copyAreaFormats(
    source: SheetData,
    from: Bounds,
    target: SheetData,
    area: Bounds,
    dr: number,
    dc: number,
  ): void {
    const merges = source.merges.map(parseArea).filter((b) => within(b, from));
    target.merges = [
      ...target.merges.filter((address) => !overlaps(parseArea(address), area)),
      ...merges.map((b) => boundsAddress(shift(b, dr, dc))),
    ];
    const kept: ConditionalFormatData[] = [];
    for (const format of target.conditionalFormats) {
      const areas = format.areas.flatMap((address) => subtract(parseArea(address), area)).map(boundsAddress);
      if (areas.length) kept.push({ ...format, areas });
    }
    for (const format of source.conditionalFormats) {
      const areas = format.areas
        .map((address) => clip(parseArea(address), from))
        .filter((b): b is Bounds => b !== undefined)
        .map((b) => boundsAddress(shift(b, dr, dc)));
      if (areas.length) kept.push({ ...structuredClone(format), id: this.nextId("cf"), areas });
    }
    target.conditionalFormats = kept;
  }

  /** The grid a WorkbookPort would read from a sheet (for comparing with a seed grid). */
  grid(name: string): SheetGrid {
    const sheet = this.sheet(name);
    const rows: { value: string | number | boolean | null; formula?: string }[][] = [];
    for (const [position, cell] of Object.entries(sheet.cells)) {
      const [r, c] = position.split(",").map(Number) as [number, number];
      (rows[r] ??= [])[c] = { value: cell.valueType === "Empty" ? null : cell.value };
    }
    return { name, cells: Array.from(rows, (row) => row ?? []) };
  }
}

/** Seeds a sheet from a grid, as a person typed it (values kept as they are), optionally protected. */
export function seedSheet(
  excel: WorkbookModel,
  grid: SheetGrid,
  options: { protect?: boolean; unlocked?: (row: number, column: number) => boolean } = {},
): SheetData {
  const sheet = excel.addSheet(grid.name);
  grid.cells.forEach((row, r) =>
    row.forEach((input, c) => {
      if (!input) return;
      const value = input.value;
      const content: Partial<CellData> =
        value === null
          ? {}
          : isCellError(value)
            ? { value: value.error, valueType: "Error" }
            : value instanceof Date
              ? { value: (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000, valueType: "Double" }
              : {
                  value,
                  valueType:
                    typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String",
                };
      excel.setCell(sheet, r, c, {
        ...content,
        ...(input.formula ? { formula: input.formula } : {}),
        ...(input.numberFormat ? { numberFormat: input.numberFormat } : {}),
      });
    }),
  );
  if (options.unlocked) {
    const unlocked = options.unlocked;
    const rows = Math.max(grid.cells.length, 1);
    for (let r = 0; r < rows + 40; r++) {
      for (let c = 0; c < 8; c++) if (unlocked(r, c)) excel.setCell(sheet, r, c, { locked: false });
    }
  }
  if (options.protect) {
    sheet.protection = {
      protected: true,
      options: { allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true },
    };
  }
  return sheet;
}
