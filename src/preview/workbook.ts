import type { CellInput, CellScalar, SheetGrid } from "../domain/cell";
import { cellInput, isCellError } from "../domain/cell";
import type { Severity } from "../domain/values";
import type { CellsChanged } from "../workflows/host";
import type {
  CellStyle,
  CellWrite,
  Plan,
  PlanStep,
  SheetInfo,
  SheetSpec,
  TextRun,
  WorkbookPort,
} from "../workflows/port";
import type { CellPosition, CellRange } from "./address";
import { boundingRange, formatAddress, formatRange, parseAddress, parseRange, rangeHolds } from "./address";
import { evaluateFormula } from "./evaluate";
import { parseTyped } from "./locale";

// An in-memory workbook behind the WorkbookPort: the stand-in for Excel where no Excel exists (DESIGN.md section 2).
// It keeps what the grid draws (values, formulas, formats, styles, merges, marks, the selection) and behaves as Excel
// does where the pane could tell the difference: a plan is applied all or nothing, a locked cell of a protected sheet
// refuses writes, writing a value replaces a formula, and edits fire change events after the write.

/** One cell as the preview keeps it. */
export interface MemoryCell {
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

/** One worksheet of the preview. */
export interface MemorySheet {
  readonly name: string;
  readonly cells: Map<string, MemoryCell>;
  readonly merges: readonly CellRange[];
  readonly columns: readonly { readonly width: number; readonly hidden?: boolean }[];
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly font?: SheetSpec["font"];
  readonly protected: boolean;
  /** Rows kept in view while scrolling, from row 1. */
  readonly frozenRows?: number;
  /** The add-in's marks, as the last `mark` step left them. */
  readonly marks: Map<string, Severity>;
  readonly printArea?: string;
}

/** A refusal of the workbook, worded for users in both languages as the pane shows errors. */
export class WorkbookError extends Error {
  constructor(
    readonly code: "ItemNotFound" | "ItemAlreadyExists" | "InvalidArgument" | "CellProtected",
    readonly bilingual: { readonly vi: string; readonly en: string },
  ) {
    super(bilingual.en);
    this.name = "WorkbookError";
  }
}

/** What the grid shows as selected: a sheet and one cell. */
export interface Selection {
  readonly sheet: string;
  readonly address: string;
}

/** Why an edit by a person was refused. */
export type EditOutcome =
  { readonly ok: true } | { readonly ok: false; readonly reason: "locked" | "missing" };

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

function cloneSheet(sheet: MemorySheet): MemorySheet {
  return { ...sheet, cells: new Map(sheet.cells), marks: new Map(sheet.marks) };
}

function sheetFromSpec(spec: SheetSpec): MemorySheet {
  const cells = new Map<string, MemoryCell>();
  for (const cell of spec.cells) {
    const address = formatAddress(parseAddress(cell.address));
    cells.set(address, {
      value: cell.richText ? cell.richText.map((run) => run.text).join("") : (cell.value ?? null),
      ...(cell.formula ? { formula: cell.formula } : {}),
      ...(cell.numberFormat ? { numberFormat: cell.numberFormat } : {}),
      ...(cell.style ? { style: cell.style } : {}),
      ...(cell.richText ? { richText: cell.richText } : {}),
      ...(cell.locked === false ? { locked: false } : {}),
      ...(cell.note ? { note: cell.note } : {}),
    });
  }
  return {
    name: spec.name,
    cells,
    merges: spec.merges.map(parseRange),
    columns: spec.columns,
    rowHeights: spec.rowHeights,
    font: spec.font,
    protected: spec.protection !== undefined,
    ...(spec.frozenRows ? { frozenRows: spec.frozenRows } : {}),
    marks: new Map(),
    ...(spec.print ? { printArea: spec.print.area } : {}),
  };
}

function sameName(a: string, b: string): boolean {
  return a.normalize("NFC").toLocaleLowerCase("vi") === b.normalize("NFC").toLocaleLowerCase("vi");
}

function written(previous: MemoryCell | undefined, write: Omit<CellWrite, "address">): MemoryCell {
  // A cell keeps its format, lock and note when a value is written into it, as in Excel.
  const keep = {
    ...(previous?.style ? { style: previous.style } : {}),
    ...(previous?.locked === false ? { locked: false } : {}),
    ...(previous?.note ? { note: previous.note } : {}),
  };
  const numberFormat = write.numberFormat ?? previous?.numberFormat;
  const format = numberFormat === undefined ? {} : { numberFormat };
  if (write.formula !== undefined) return { value: null, formula: write.formula, ...format, ...keep };
  if (write.value !== undefined) return { value: write.value, ...format, ...keep };
  return {
    value: previous?.value ?? null,
    ...(previous?.formula ? { formula: previous.formula } : {}),
    ...format,
    ...keep,
  };
}

/** An in-memory workbook: the WorkbookPort of the preview, and the model the grid draws. */
export class MemoryWorkbook implements WorkbookPort {
  private sheets: MemorySheet[] = [];
  private selected: Selection | undefined;
  private active: string | undefined;
  private readonly changeListeners = new Set<(change: CellsChanged) => void>();
  private readonly viewListeners = new Set<() => void>();
  private revision = 0;

  /** Increases with every change the grid must draw; React reads it through useSyncExternalStore. */
  get version(): number {
    return this.revision;
  }

  /** The names of the sheets, in tab order. */
  get sheetNames(): readonly string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  /** The sheet the user is on. */
  get activeSheet(): string | undefined {
    return this.active;
  }

  /** The selected cell, as Excel's selection. */
  get selection(): Selection | undefined {
    return this.selected;
  }

  /** A sheet by name (ignoring case, as Excel does), or undefined. */
  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((sheet) => sameName(sheet.name, name));
  }

  /** Subscribes the grid to every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  };

  /** Subscribes to cell changes, as Excel's onChanged with its local/remote source. */
  onCellsChanged(listener: (change: CellsChanged) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The value of a cell, computed when it holds a formula. */
  valueAt(sheetName: string, address: string, depth = 0): CellScalar {
    const sheet = this.sheet(sheetName);
    const cell = sheet?.cells.get(address);
    if (!cell) return null;
    if (!cell.formula) return cell.value;
    // The template's formulas read counts, never other formulas; the cut-off only stops a cycle typed by hand.
    if (depth > 8) return { error: "#REF!" };
    return evaluateFormula(cell.formula, (other) => this.valueAt(sheetName, other, depth + 1));
  }

  /** A cell as the grid draws it. */
  cellAt(sheetName: string, address: string): MemoryCell | undefined {
    return this.sheet(sheetName)?.cells.get(address);
  }

  async listSheets(): Promise<readonly SheetInfo[]> {
    return this.sheets.map((sheet) => {
      const header = this.valueAt(sheet.name, "F1");
      return {
        name: sheet.name,
        ...(typeof header === "string" && header ? { keyHeader: header } : {}),
        visible: true,
      };
    });
  }

  async readSheets(names: readonly string[]): Promise<readonly SheetGrid[]> {
    return names.map((name) => {
      const sheet = this.sheet(name);
      if (!sheet) throw this.missing(name);
      return this.grid(sheet);
    });
  }

  /** The used range of a sheet from A1, as Excel's getUsedRange gives it to the port. */
  grid(sheet: MemorySheet): SheetGrid {
    const positions = [...sheet.cells.keys()].map(parseAddress);
    const used = boundingRange(positions);
    const rows: (CellInput | undefined)[][] = [];
    for (let row = 1; row <= (used?.bottom ?? 0); row++) {
      const line: (CellInput | undefined)[] = [];
      for (let column = 0; column <= (used?.right ?? -1); column++) {
        const address = formatAddress({ row, column });
        const cell = sheet.cells.get(address);
        line.push(
          cell
            ? cellInput(
                this.valueAt(sheet.name, address),
                cell.numberFormat || undefined,
                cell.formula || undefined,
              )
            : undefined,
        );
      }
      rows.push(line);
    }
    return { name: sheet.name, cells: rows };
  }

  /** Applies a plan all or nothing: on any refusal the workbook is left as it was and the error is thrown. */
  async apply(plan: Plan): Promise<void> {
    const before = { sheets: this.sheets.map(cloneSheet), selected: this.selected, active: this.active };
    const changes: CellsChanged[] = [];
    try {
      for (const step of plan.steps) this.applyStep(step, changes);
    } catch (error) {
      this.sheets = before.sheets;
      this.selected = before.selected;
      this.active = before.active;
      throw error;
    }
    this.changed(changes);
  }

  private applyStep(step: PlanStep, changes: CellsChanged[]): void {
    switch (step.kind) {
      case "addSheet": {
        const name = step.spec.name;
        if (!name.trim() || name.length > 31 || INVALID_SHEET_NAME.test(name)) {
          throw new WorkbookError("InvalidArgument", {
            vi: `Tên trang tính "${name}" không hợp lệ.`,
            en: `The sheet name "${name}" is not valid.`,
          });
        }
        const existing = this.sheets.findIndex((sheet) => sameName(sheet.name, name));
        if (existing >= 0 && !step.replace) {
          throw new WorkbookError("ItemAlreadyExists", {
            vi: `Đã có trang tính tên "${name}".`,
            en: `A sheet named "${name}" already exists.`,
          });
        }
        const sheet = sheetFromSpec(step.spec);
        for (const write of step.values ?? []) {
          const address = formatAddress(parseAddress(write.address));
          sheet.cells.set(address, written(sheet.cells.get(address), write));
        }
        if (existing >= 0) this.sheets[existing] = sheet;
        else this.sheets.push(sheet);
        this.active = sheet.name;
        return;
      }
      case "write": {
        const sheet = this.sheet(step.sheet);
        if (!sheet) throw this.missing(step.sheet);
        const positions: CellPosition[] = [];
        for (const write of step.cells) {
          const position = parseAddress(write.address);
          const address = formatAddress(position);
          const previous = sheet.cells.get(address);
          if (sheet.protected && previous?.locked !== false) throw this.protectedCell(sheet.name, address);
          sheet.cells.set(address, written(previous, write));
          positions.push(position);
        }
        const range = boundingRange(positions);
        if (range) changes.push({ sheet: sheet.name, address: formatRange(range), source: "local" });
        return;
      }
      case "mark": {
        const sheet = this.sheet(step.sheet);
        if (!sheet) throw this.missing(step.sheet);
        sheet.marks.clear();
        for (const mark of step.marks)
          sheet.marks.set(formatAddress(parseAddress(mark.address)), mark.severity);
        return;
      }
      case "select": {
        const sheet = this.sheet(step.sheet);
        if (!sheet) throw this.missing(step.sheet);
        this.selected = { sheet: sheet.name, address: formatAddress(parseAddress(step.address)) };
        this.active = sheet.name;
        return;
      }
    }
  }

  /**
   * A person types into a cell (or a co-author does, with source "remote"): stored as Excel in vi-VN stores what is
   * typed, refused on a locked cell of a protected sheet. Fires a change event like any edit.
   */
  edit(sheetName: string, address: string, text: string, source: "local" | "remote" = "local"): EditOutcome {
    const sheet = this.sheet(sheetName);
    if (!sheet) return { ok: false, reason: "missing" };
    const key = formatAddress(parseAddress(address));
    const previous = sheet.cells.get(key);
    if (sheet.protected && previous?.locked !== false) return { ok: false, reason: "locked" };
    const typed = parseTyped(text, previous?.numberFormat);
    sheet.cells.set(
      key,
      written(previous, {
        ...(typed.formula ? { formula: typed.formula } : { value: typed.value }),
        ...(typed.numberFormat ? { numberFormat: typed.numberFormat } : {}),
      }),
    );
    this.changed([{ sheet: sheet.name, address: key, source }]);
    return { ok: true };
  }

  /** Selects a cell as a click in the grid does. Selection changes are not cell changes: no event. */
  select(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) return;
    this.selected = { sheet: sheet.name, address: formatAddress(parseAddress(address)) };
    this.active = sheet.name;
    this.notifyView();
  }

  /** Shows another sheet, as a click on its tab does. */
  activate(sheetName: string): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) return;
    this.active = sheet.name;
    if (this.selected?.sheet !== sheet.name) this.selected = { sheet: sheet.name, address: "A1" };
    this.notifyView();
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

  private changed(changes: readonly CellsChanged[]): void {
    this.notifyView();
    if (!changes.length) return;
    // Excel raises onChanged after the write has landed, never inside it.
    queueMicrotask(() => {
      for (const change of changes) for (const listener of [...this.changeListeners]) listener(change);
    });
  }

  private notifyView(): void {
    this.revision++;
    for (const listener of [...this.viewListeners]) listener();
  }

  private missing(name: string): WorkbookError {
    return new WorkbookError("ItemNotFound", {
      vi: `Không tìm thấy trang tính "${name}".`,
      en: `The sheet "${name}" was not found.`,
    });
  }

  private protectedCell(sheet: string, address: string): WorkbookError {
    return new WorkbookError("CellProtected", {
      vi: `Ô ${address} của trang tính "${sheet}" bị khóa (trang tính đang được bảo vệ).`,
      en: `Cell ${address} of sheet "${sheet}" is locked (the sheet is protected).`,
    });
  }
}
