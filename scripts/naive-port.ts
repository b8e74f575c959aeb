/// <reference types="office-js" />
// The anti-pattern the Office.js adapter avoids, kept only for `npm run bench`: a WorkbookPort that reads and
// writes one cell per context.sync(), as add-ins written cell by cell do. Run against a counting stand-in for Excel
// built from the same sheets, it shows how many round trips the same validation would cost.
import type { CellInput, SheetGrid } from "../src/domain/cell";
import { columnLetter } from "../src/domain/cell";
import type { Plan, SheetInfo, WorkbookPort } from "../src/workflows/port";

/** One sheet's cells by local A1 address. */
type Cells = Map<string, CellInput>;

/** The few Excel objects the naive port touches, over plain grids, counting syncs. */
export class CountingExcel {
  syncs = 0;
  private readonly sheets: Map<string, Cells>;

  constructor(grids: readonly SheetGrid[]) {
    this.sheets = new Map(
      grids.map((grid) => {
        const cells: Cells = new Map();
        grid.cells.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (cell) cells.set(`${columnLetter(c)}${r + 1}`, cell);
          }),
        );
        return [grid.name, cells];
      }),
    );
  }

  /** A request context whose sync() only counts: the naive port's reads are answered at once. */
  context(): NaiveContext {
    return { sync: async () => void this.syncs++, excel: this };
  }

  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  cell(sheet: string, address: string): CellInput | undefined {
    return this.sheets.get(sheet)?.get(address);
  }

  size(sheet: string): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    for (const address of this.sheets.get(sheet)?.keys() ?? []) {
      const match = /^([A-Z]+)(\d+)$/.exec(address)!;
      rows = Math.max(rows, Number(match[2]));
      columns = Math.max(columns, match[1]!.charCodeAt(0) - 64);
    }
    return { rows, columns };
  }
}

/** The part of a request context the naive port needs. */
export interface NaiveContext {
  sync(): Promise<void>;
  readonly excel: CountingExcel;
}

/** Reads one cell per sync and writes one mark per sync. */
export class NaivePerCellPort implements WorkbookPort {
  constructor(private readonly context: NaiveContext) {}

  async listSheets(): Promise<readonly SheetInfo[]> {
    await this.context.sync();
    const infos: SheetInfo[] = [];
    for (const name of this.context.excel.sheetNames()) {
      await this.context.sync();
      const f1 = this.context.excel.cell(name, "F1")?.value;
      infos.push({ name, visible: true, ...(typeof f1 === "string" ? { keyHeader: f1 } : {}) });
    }
    return infos;
  }

  async readSheets(names: readonly string[]): Promise<readonly SheetGrid[]> {
    const grids: SheetGrid[] = [];
    for (const name of names) {
      await this.context.sync();
      const { rows, columns } = this.context.excel.size(name);
      const cells: (CellInput | undefined)[][] = [];
      for (let r = 1; r <= rows; r++) {
        const line: (CellInput | undefined)[] = [];
        for (let c = 0; c < columns; c++) {
          await this.context.sync();
          line.push(this.context.excel.cell(name, `${columnLetter(c)}${r}`));
        }
        cells.push(line);
      }
      grids.push({ name, cells });
    }
    return grids;
  }

  async apply(plan: Plan): Promise<void> {
    for (const step of plan.steps) {
      const writes = step.kind === "mark" ? step.marks.length : step.kind === "write" ? step.cells.length : 1;
      for (let i = 0; i < Math.max(writes, 1); i++) await this.context.sync();
    }
  }
}
