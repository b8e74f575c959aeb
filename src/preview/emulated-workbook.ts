import type { CellScalar } from "../domain/cell";
import { isCellError } from "../domain/cell";
import type { Severity } from "../domain/values";
import type { CellStyle, SheetSpec, TextRun } from "../workflows/port";
import type { CellData, ExcelEmulator, SheetData, WorkbookModel } from "../emulator";
import { HostError } from "../emulator";
import type { CellPosition, CellRange } from "./address";
import { formatAddress, parseAddress, parseRange, rangeHolds } from "./address";
import { evaluateFormula } from "./evaluate";
import { parseTyped } from "./locale";

// The emulator's workbook as the grid draws and edits it. The pane changes it through the real Excel library and
// the emulator; a person's typing changes it here and reaches the pane as Excel's change event (source Local), and a
// click on a sheet's tab as Excel's activation event. Every answer the emulator delivers may have changed the
// workbook, so each one redraws the grid.

/** One cell as the grid draws it. */
export interface GridCell {
  readonly value: CellScalar;
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly style?: CellStyle;
  readonly richText?: readonly TextRun[];
  /** Cells are locked unless the template unlocked them, as in Excel. */
  readonly locked?: boolean;
  /** Excel's note on the cell (why a summary total is marked), shown when the cell is pointed at. */
  readonly note?: string;
}

/** One worksheet as the grid draws it. */
export interface GridSheet {
  readonly name: string;
  readonly cells: Map<string, GridCell>;
  readonly merges: readonly CellRange[];
  readonly columns: readonly { readonly width: number; readonly hidden?: boolean }[];
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly font?: SheetSpec["font"];
  readonly protected: boolean;
  /** Rows kept in view while scrolling, from row 1. */
  readonly frozenRows?: number;
  /** The add-in's marks: its conditional formats, told apart by their fill. */
  readonly marks: Map<string, Severity>;
}

/** What the grid shows as selected: a sheet and one cell. */
export interface Selection {
  readonly sheet: string;
  readonly address: string;
}

/** Why an edit by a person was refused. */
export type EditOutcome =
  { readonly ok: true } | { readonly ok: false; readonly reason: "locked" | "missing" };

/** The fills of the add-in's marks by severity: MARK_COLOURS of the Excel adapter, which writes them. */
export type MarkFills = Readonly<Record<Severity, { readonly fill: string }>>;

// Excel's column width in points, back to characters of the default font (7 px each, 0.75 pt per pixel).
const POINTS_PER_CHARACTER = 7 * 0.75;
const DEFAULT_COLUMN_POINTS = 8.43 * POINTS_PER_CHARACTER;

const HORIZONTAL: Readonly<Record<string, CellStyle["horizontal"]>> = {
  Left: "left",
  Center: "center",
  CenterAcrossSelection: "center",
  Right: "right",
};
const VERTICAL: Readonly<Record<string, CellStyle["vertical"]>> = {
  Top: "top",
  Center: "middle",
  Bottom: "bottom",
};

function styleOf(cell: CellData): CellStyle | undefined {
  const style: { -readonly [K in keyof CellStyle]: CellStyle[K] } = {};
  if (cell.font?.bold) style.bold = true;
  if (cell.font?.italic) style.italic = true;
  if (cell.font?.size) style.size = cell.font.size;
  if (cell.font?.color && cell.font.color.toUpperCase() !== "#000000") style.color = cell.font.color;
  const horizontal = cell.horizontalAlignment ? HORIZONTAL[cell.horizontalAlignment] : undefined;
  if (horizontal) style.horizontal = horizontal;
  const vertical = cell.verticalAlignment ? VERTICAL[cell.verticalAlignment] : undefined;
  if (vertical) style.vertical = vertical;
  if (cell.wrapText !== undefined) style.wrap = cell.wrapText;
  if (cell.borders?.length) style.border = true;
  if (cell.fill) style.fill = cell.fill;
  return Object.keys(style).length ? style : undefined;
}

function valueOf(cell: CellData): CellScalar {
  if (cell.valueType === "Empty") return null;
  if (cell.valueType === "Error") return { error: String(cell.value) } as CellScalar;
  return cell.value;
}

function gridCell(cell: CellData, note: string | undefined): GridCell {
  const style = styleOf(cell);
  return {
    value: valueOf(cell),
    ...(cell.formula ? { formula: cell.formula } : {}),
    ...(cell.numberFormat && cell.numberFormat !== "General" ? { numberFormat: cell.numberFormat } : {}),
    ...(style ? { style } : {}),
    ...(cell.textRuns?.length
      ? {
          richText: cell.textRuns.map((run) => ({
            text: run.text,
            ...(run.font?.bold ? { bold: true } : {}),
            ...(run.font?.italic ? { italic: true } : {}),
          })),
        }
      : {}),
    ...(cell.locked ? {} : { locked: false }),
    ...(note ? { note } : {}),
  };
}

function gridSheet(sheet: SheetData, severityOfFill: ReadonlyMap<string, Severity>): GridSheet {
  const cells = new Map<string, GridCell>();
  for (const [position, cell] of Object.entries(sheet.cells)) {
    const [row, column] = position.split(",").map(Number) as [number, number];
    const address = formatAddress({ row: row + 1, column });
    cells.set(address, gridCell(cell, sheet.notes?.[address]));
  }
  const lastColumn = Math.max(
    0,
    ...Object.keys(sheet.columns).map(Number),
    ...[...cells.keys()].map((address) => parseAddress(address).column),
  );
  const columns = Array.from({ length: lastColumn + 1 }, (_, index) => {
    const column = sheet.columns[index];
    return {
      width: (column?.width ?? DEFAULT_COLUMN_POINTS) / POINTS_PER_CHARACTER,
      ...(column?.hidden ? { hidden: true } : {}),
    };
  });
  const rowHeights: Record<number, number> = {};
  for (const [row, data] of Object.entries(sheet.rows))
    if (data.height !== undefined) rowHeights[Number(row) + 1] = data.height;
  const marks = new Map<string, Severity>();
  for (const format of sheet.conditionalFormats) {
    const severity = format.fill ? severityOfFill.get(format.fill.toUpperCase()) : undefined;
    if (!severity) continue;
    for (const area of format.areas) {
      const range = parseRange(area.replace(/^.*!/, "").replace(/\$/g, ""));
      for (let row = range.top; row <= range.bottom; row++)
        for (let column = range.left; column <= range.right; column++)
          marks.set(formatAddress({ row, column }), severity);
    }
  }
  return {
    name: sheet.name,
    cells,
    merges: sheet.merges.map((merge) => parseRange(merge.replace(/^.*!/, "").replace(/\$/g, ""))),
    columns,
    rowHeights,
    protected: sheet.protection.protected,
    ...(sheet.frozenRows ? { frozenRows: sheet.frozenRows } : {}),
    marks,
  };
}

/** A typed value as Excel stores it. */
function stored(value: CellScalar): Pick<CellData, "value" | "valueType"> {
  if (value === null) return { value: "", valueType: "Empty" };
  if (typeof value === "number") return { value, valueType: "Double" };
  if (typeof value === "boolean") return { value, valueType: "Boolean" };
  if (typeof value === "string") return { value, valueType: "String" };
  if (value instanceof Date) return { value: value.toISOString(), valueType: "String" };
  return { value: value.error, valueType: "Error" };
}

/** The emulator's workbook, drawn by the grid and typed into by a person. */
export class EmulatedWorkbook {
  private readonly listeners = new Set<() => void>();
  private revision = 0;
  private views = new Map<string, GridSheet>();
  private readonly severityOfFill: ReadonlyMap<string, Severity>;

  /** Marks are the conditional formats filled with one of `markFills`. */
  constructor(
    readonly model: WorkbookModel,
    readonly emulator: ExcelEmulator,
    markFills: MarkFills,
  ) {
    this.severityOfFill = new Map(
      Object.entries(markFills).map(([severity, { fill }]) => [fill.toUpperCase(), severity as Severity]),
    );
    const deliver = emulator.deliver;
    emulator.deliver = (text) => {
      deliver?.(text);
      this.changed();
    };
  }

  /** Increases with every change the grid must draw; React reads it through useSyncExternalStore. */
  get version(): number {
    return this.revision;
  }

  /** The names of the visible sheets, in tab order. */
  get sheetNames(): readonly string[] {
    return this.model.data.sheets
      .filter((sheet) => sheet.visibility === "Visible")
      .map((sheet) => sheet.name);
  }

  /** The sheet the user is on. */
  get activeSheet(): string | undefined {
    const id = this.model.data.activeSheetId;
    return (id ? this.model.findSheet(id) : this.model.data.sheets[0])?.name;
  }

  /** The selected cell, as Excel's selection. */
  get selection(): Selection | undefined {
    const selection = this.model.data.selection;
    const sheet = selection && this.model.findSheet(selection.sheetId);
    if (!selection || !sheet) return undefined;
    return { sheet: sheet.name, address: selection.address.split(":")[0]!.replace(/^.*!/, "") };
  }

  /** A sheet by name (ignoring case, as Excel does), or undefined. */
  sheet(name: string): GridSheet | undefined {
    const data = this.model.findSheet(name);
    if (!data) return undefined;
    let view = this.views.get(data.id);
    if (!view) {
      view = gridSheet(data, this.severityOfFill);
      this.views.set(data.id, view);
    }
    return view;
  }

  /** Subscribes the grid to every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The value of a cell, computed when it holds a formula. */
  valueAt(sheetName: string, address: string, depth = 0): CellScalar {
    const cell = this.cellAt(sheetName, address);
    if (!cell) return null;
    if (!cell.formula) return cell.value;
    // The template's formulas read counts, never other formulas; the cut-off only stops a cycle typed by hand.
    if (depth > 8) return { error: "#REF!" };
    return evaluateFormula(cell.formula, (other) => this.valueAt(sheetName, other, depth + 1));
  }

  /** A cell as the grid draws it. */
  cellAt(sheetName: string, address: string): GridCell | undefined {
    return this.sheet(sheetName)?.cells.get(address);
  }

  /**
   * A person types into a cell: stored as Excel in vi-VN stores what is typed, refused on a locked cell of a
   * protected sheet; then Excel's change event (source Local) reaches the pane.
   */
  edit(sheetName: string, address: string, text: string): EditOutcome {
    const sheet = this.model.findSheet(sheetName);
    if (!sheet) return { ok: false, reason: "missing" };
    const position = parseAddress(address);
    const bounds = { r1: position.row - 1, c1: position.column, r2: position.row - 1, c2: position.column };
    try {
      this.model.assertWritable(sheet, bounds);
    } catch (error) {
      if (error instanceof HostError) return { ok: false, reason: "locked" };
      throw error;
    }
    const previous = this.cellAt(sheet.name, formatAddress(position));
    const typed = parseTyped(text, previous?.numberFormat);
    this.model.setCell(sheet, bounds.r1, bounds.c1, {
      formula: typed.formula,
      ...(typed.formula ? { value: "", valueType: "Empty" } : stored(typed.value)),
      ...(typed.numberFormat ? { numberFormat: typed.numberFormat } : {}),
    });
    this.changed();
    // Excel raises onChanged after the write has landed, never inside it.
    queueMicrotask(() =>
      this.emulator.emitChange({ sheet: sheet.name, address: formatAddress(position), source: "Local" }),
    );
    return { ok: true };
  }

  /** Selects a cell as a click in the grid does. Selection changes are not cell changes: no change event. */
  select(sheetName: string, address: string): void {
    const sheet = this.model.findSheet(sheetName);
    if (!sheet) return;
    this.emulator.activate(sheet.name);
    this.model.data.selection = { sheetId: sheet.id, address: formatAddress(parseAddress(address)) };
    this.changed();
  }

  /** Shows another sheet, as a click on its tab does: Excel tells the pane (worksheets.onActivated). */
  activate(sheetName: string): void {
    const sheet = this.model.findSheet(sheetName);
    if (!sheet) return;
    this.emulator.activate(sheet.name);
    if (this.model.data.selection?.sheetId !== sheet.id)
      this.model.data.selection = { sheetId: sheet.id, address: "A1" };
    this.changed();
  }

  /** The merge whose range holds a cell, if any. */
  mergeAt(sheetName: string, position: CellPosition): CellRange | undefined {
    return this.sheet(sheetName)?.merges.find((merge) => rangeHolds(merge, position));
  }

  /** True when a cell holds an Excel error value once computed. */
  isError(sheetName: string, address: string): boolean {
    const value = this.valueAt(sheetName, address);
    return value !== null && isCellError(value);
  }

  private changed(): void {
    this.views = new Map();
    this.revision++;
    for (const listener of [...this.listeners]) listener();
  }
}
