import type { CellInput, CellScalar, SheetGrid } from "../../src/domain/cell";
import { columnLetter } from "../../src/domain/cell";
import type {
  CellWrite,
  Mark,
  Plan,
  PlanStep,
  SheetInfo,
  SheetSpec,
  SheetVisibility,
  WorkbookPort,
} from "../../src/workflows/port";

// A workbook in memory behind the WorkbookPort, for tests of the use cases: it counts round trips per method,
// applies a plan all or nothing, and keeps what a host would show (cells, marks, the selection). It computes no
// formula: a formula cell holds no value, as in a file written by a tool that never recalculated.

interface MemoryCell {
  readonly value: CellScalar;
  readonly formula?: string;
  readonly numberFormat?: string;
}

interface MemorySheet {
  readonly name: string;
  readonly cells: Map<string, MemoryCell>;
  /** The spec the sheet was last installed from, for assertions on what the port was asked to write. */
  readonly spec?: SheetSpec;
  /** Absent: visible. */
  readonly visibility?: SheetVisibility;
}

/** One 1-based row and 0-based column of a local A1 address. */
function position(address: string): { row: number; column: number } {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!match) throw new Error(`not a local A1 address: ${address}`);
  const column =
    [...(match[1] ?? "")].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]), column };
}

function sameName(a: string, b: string): boolean {
  return a.normalize("NFC").toLocaleLowerCase("vi") === b.normalize("NFC").toLocaleLowerCase("vi");
}

function written(previous: MemoryCell | undefined, write: Omit<CellWrite, "address">): MemoryCell {
  const numberFormat = write.numberFormat ?? previous?.numberFormat;
  const format = numberFormat === undefined ? {} : { numberFormat };
  if (write.formula !== undefined) return { value: null, formula: write.formula, ...format };
  if (write.value !== undefined) return { value: write.value, ...format };
  return {
    value: previous?.value ?? null,
    ...(previous?.formula ? { formula: previous.formula } : {}),
    ...format,
  };
}

/** A WorkbookPort over sheets held in memory, counting its round trips. */
export class MemoryPort implements WorkbookPort {
  /** Round trips so far, per method. */
  readonly calls = { listSheets: 0, readSheets: 0, apply: 0 };
  /** The add-in's marks per sheet, as the last `mark` step for that sheet left them. */
  readonly marks = new Map<string, readonly Mark[]>();
  /** Every `select` step, in order. */
  readonly selections: { sheet: string; address: string }[] = [];
  /** The names passed to each readSheets call. */
  readonly reads: (readonly string[])[] = [];
  /** The sheet the user is on (the first one unless set), which the listing tells. */
  active: string | undefined;
  private sheets: MemorySheet[];

  /**
   * A workbook holding these sheets, in this order (grids as a reader gives them, e.g. readWorkbookBuffer), each
   * hidden as its `visibility` says.
   */
  constructor(grids: readonly (SheetGrid & { readonly visibility?: SheetVisibility })[] = []) {
    this.sheets = grids.map((grid) => {
      const cells = new Map<string, MemoryCell>();
      grid.cells.forEach((line, row) =>
        line.forEach((cell, column) => {
          if (cell) cells.set(`${columnLetter(column)}${row + 1}`, { ...cell });
        }),
      );
      return { name: grid.name, cells, ...(grid.visibility ? { visibility: grid.visibility } : {}) };
    });
    this.active = grids[0]?.name;
  }

  /** All round trips so far. */
  get roundTrips(): number {
    return this.calls.listSheets + this.calls.readSheets + this.calls.apply;
  }

  /** The sheets in order, with F1 of each as its key header, and which one is active. */
  async listSheets(): Promise<readonly SheetInfo[]> {
    this.calls.listSheets++;
    return this.sheets.map((sheet) => {
      const f1 = sheet.cells.get("F1")?.value;
      const visibility = sheet.visibility ?? "visible";
      return {
        name: sheet.name,
        visible: visibility === "visible",
        visibility,
        ...(typeof f1 === "string" && f1 ? { keyHeader: f1 } : {}),
        ...(sheet.name === this.active ? { active: true } : {}),
      };
    });
  }

  /** The named sheets' used ranges; an unknown name fails, as in Excel. */
  async readSheets(names: readonly string[]): Promise<readonly SheetGrid[]> {
    this.calls.readSheets++;
    this.reads.push([...names]);
    return names.map((name) => this.grid(name));
  }

  /** Applies every step of the plan, or none of them when one fails. */
  async apply(plan: Plan): Promise<void> {
    this.calls.apply++;
    // All or nothing: the steps run on a copy that replaces the workbook only when every step succeeded.
    const staged = this.sheets.map((sheet) => ({ ...sheet, cells: new Map(sheet.cells) }));
    const marks = new Map(this.marks);
    const selections: { sheet: string; address: string }[] = [];
    for (const step of plan.steps) this.applyStep(staged, marks, selections, step);
    this.sheets = staged;
    for (const [sheet, list] of marks) this.marks.set(sheet, list);
    this.selections.push(...selections);
  }

  private applyStep(
    sheets: MemorySheet[],
    marks: Map<string, readonly Mark[]>,
    selections: { sheet: string; address: string }[],
    step: PlanStep,
  ): void {
    switch (step.kind) {
      case "addSheet": {
        const at = sheets.findIndex((sheet) => sameName(sheet.name, step.spec.name));
        if (step.replace ? at < 0 : at >= 0) {
          throw new Error(`${step.replace ? "no" : "already a"} sheet named ${step.spec.name}`);
        }
        const cells = new Map<string, MemoryCell>();
        for (const cell of step.spec.cells) {
          const text = cell.richText?.map((run) => run.text).join("");
          const value = cell.value ?? text;
          if (value === undefined && cell.formula === undefined && cell.numberFormat === undefined) continue;
          cells.set(
            cell.address,
            written(undefined, {
              ...(value !== undefined ? { value } : {}),
              ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
              ...(cell.numberFormat !== undefined ? { numberFormat: cell.numberFormat } : {}),
            }),
          );
        }
        for (const write of step.values ?? [])
          cells.set(write.address, written(cells.get(write.address), write));
        const sheet = { name: step.spec.name, cells, spec: step.spec };
        if (at >= 0) sheets[at] = sheet;
        else sheets.push(sheet);
        return;
      }
      case "write": {
        const sheet = sheets.find((candidate) => candidate.name === step.sheet);
        if (!sheet) throw new Error(`no sheet named ${step.sheet}`);
        for (const write of step.cells) {
          const previous = sheet.cells.get(write.address);
          const typed = previous && (previous.formula || (previous.value !== null && previous.value !== ""));
          if (write.onlyIfEmpty && typed) continue;
          sheet.cells.set(write.address, written(previous, write));
        }
        return;
      }
      case "mark":
        marks.set(step.sheet, step.marks);
        return;
      case "select":
        selections.push({ sheet: step.sheet, address: step.address });
        return;
    }
  }

  /** The sheets' names in order (no round trip). */
  get sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  /** The spec a sheet was last installed from (no round trip). */
  specOf(name: string): SheetSpec | undefined {
    return this.sheet(name).spec;
  }

  /** A sheet's used range from A1, as readSheets gives it (no round trip). */
  grid(name: string): SheetGrid {
    const sheet = this.sheet(name);
    const found: { row: number; column: number; cell: CellInput }[] = [];
    for (const [address, cell] of sheet.cells) {
      if (cell.value === null && cell.formula === undefined) continue;
      found.push({ ...position(address), cell: { ...cell } });
    }
    const rows = Math.max(0, ...found.map((entry) => entry.row));
    const columns = Math.max(6, ...found.map((entry) => entry.column + 1));
    const cells: (CellInput | undefined)[][] = Array.from({ length: rows }, () =>
      new Array<CellInput | undefined>(columns).fill(undefined),
    );
    for (const { row, column, cell } of found) cells[row - 1]![column] = cell;
    return { name: sheet.name, cells };
  }

  /** One cell, with its number format even when empty (no round trip). */
  cell(sheet: string, address: string): CellInput | undefined {
    return this.sheet(sheet).cells.get(address);
  }

  /** Types into a cell as a person would, outside any plan: a value replaces a formula (no round trip). */
  type(sheet: string, address: string, value: CellScalar, numberFormat?: string): void {
    const cells = this.sheet(sheet).cells;
    cells.set(address, written(cells.get(address), { value, ...(numberFormat ? { numberFormat } : {}) }));
  }

  private sheet(name: string): MemorySheet {
    const sheet = this.sheets.find((candidate) => candidate.name === name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }
}
