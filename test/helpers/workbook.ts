/// <reference types="office-js" />
import type { CellInput, CellScalar, SheetGrid } from "../../src/domain/cell";
import type { CellData, EmulatorOptions, SheetData } from "../../src/emulator";
import { key, parseArea, seedSheet } from "../../src/emulator";
import type { ExcelHostDeps } from "../../src/excel";
import { MARK_COLOURS } from "../../src/excel";
import { EmulatedWorkbook } from "../../src/preview/emulated-workbook";
import type { SampleValue } from "../../src/preview/sample";
import { SAMPLE_SHEET, sampleFirstValue, samplePlan } from "../../src/preview/sample";
import type { AddinHost } from "../../src/workflows/host";
import type { Mark, Plan, SheetSpec, SheetVisibility, WorkbookPort } from "../../src/workflows/port";
import { EmulatedExcel, hostOver } from "../excel/setup";

// The workbook of the workflow and task-pane tests: the emulator's one in-memory model (src/emulator/model.ts),
// reached the way the add-in reaches Excel — src/excel's adapter through Excel.run of the real Excel client library
// (the test file loads it with @jest-environment ./test/helpers/excel-environment.js, or excel-jsdom-environment.js
// for React). It keeps no cells of its own: it counts the calls a use case makes on its port, remembers the specs it
// was asked to install, and reads cells, marks and the selection back from the model.

const VISIBILITY: Readonly<Record<SheetVisibility, SheetData["visibility"]>> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

/** A sheet to seed: a grid as a reader gives it, hidden as `visibility` says. */
export type SeedGrid = SheetGrid & { readonly visibility?: SheetVisibility };

/**
 * A new workbook's one empty sheet. Excel has no workbook without a sheet; only a workbook the adapter is about to
 * write its first sheet into (the preview's sample) starts from none.
 */
export const NEW_WORKBOOK: readonly SeedGrid[] = [{ name: "Sheet1", cells: [] }];

// Named so that no test's own sheet is taken for it.
const PLACEHOLDER = "Sheet1 (trống)";

/** A value as it is stored, for typing it raw into the model. */
function stored(value: CellScalar): Pick<CellData, "value" | "valueType"> {
  if (value === null || value === "") return { value: "", valueType: "Empty" };
  if (typeof value === "number") return { value, valueType: "Double" };
  if (typeof value === "boolean") return { value, valueType: "Boolean" };
  if (typeof value === "string") return { value, valueType: "String" };
  if (value instanceof Date)
    return { value: (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000, valueType: "Double" };
  return { value: value.error, valueType: "Error" };
}

/** An emulated Excel holding a workbook, with the add-in's host over it. */
export class TestWorkbook {
  /** The model and its emulator. */
  readonly excel: EmulatedExcel;
  /** The model as the preview's grid reads it: marks by their fill, values of formulas computed. */
  readonly view: EmulatedWorkbook;
  /** The add-in's host over this workbook, as the pane gets it; its use cases counted as `run` counts them. */
  readonly host: AddinHost;
  private readonly excelHost: AddinHost;
  /** Calls the use cases made on their port, per method. */
  readonly calls = { listSheets: 0, readSheets: 0, apply: 0 };
  /** The names passed to each readSheets call. */
  readonly reads: (readonly string[])[] = [];
  /** The selection each use case that moved it left, in order. */
  readonly selections: { sheet: string; address: string }[] = [];
  /** Leaves `active` out of every listing, as a host that cannot tell the open sheet in its listing would. */
  hideActive = false;
  private readonly specs = new Map<string, SheetSpec>();
  /** Excel's blank first sheet, standing in for a workbook of no sheets until a use case has added one. */
  private placeholder: string | undefined;

  /**
   * A workbook holding these sheets, in this order, the first one active, none protected. Excel has no workbook of no
   * sheets (and the adapter builds a new sheet very hidden beside a visible one): given none, it holds a blank sheet
   * that goes as soon as a use case has added a visible one, which the tests then see alone.
   */
  constructor(
    grids: readonly SeedGrid[] = NEW_WORKBOOK,
    options: EmulatorOptions & { readonly host?: Partial<ExcelHostDeps> } = {},
  ) {
    const { host, ...emulator } = options;
    this.excel = new EmulatedExcel(emulator);
    for (const grid of grids) {
      const sheet = seedSheet(this.excel, grid);
      if (grid.visibility) sheet.visibility = VISIBILITY[grid.visibility];
    }
    if (!grids.length) this.placeholder = this.excel.addSheet(PLACEHOLDER).name;
    this.view = new EmulatedWorkbook(this.excel, this.excel.emulator, MARK_COLOURS);
    this.excelHost = hostOver(this.excel, host);
    // Everything else of the host is Excel's own (a member added to AddinHost later comes along).
    this.host = Object.assign(Object.create(this.excelHost) as AddinHost, {
      run: <T>(useCase: (port: WorkbookPort) => Promise<T>): Promise<T> => this.run(useCase),
    });
  }

  /** All calls so far. */
  get roundTrips(): number {
    return this.calls.listSheets + this.calls.readSheets + this.calls.apply;
  }

  /** Requests the library sent so far, the releases included. */
  get requests(): number {
    return this.excel.requests;
  }

  /** Sets every call count back to zero. */
  resetCalls(): void {
    this.calls.listSheets = this.calls.readSheets = this.calls.apply = 0;
  }

  /** Runs a use case as the pane does: one Excel.run, through the adapter, its port's calls counted. */
  async run<T>(useCase: (port: WorkbookPort) => Promise<T>): Promise<T> {
    this.excel.attach();
    const before = this.excel.data.selection;
    try {
      return await this.excelHost.run((port) => useCase(this.counted(port)));
    } finally {
      const after = this.excel.data.selection;
      const sheet = after && this.excel.findSheet(after.sheetId);
      if (after !== before && after && sheet)
        this.selections.push({ sheet: sheet.name, address: after.address });
      this.dropPlaceholder();
    }
  }

  private dropPlaceholder(): void {
    const placeholder = this.placeholder;
    if (placeholder === undefined) return;
    const others = this.excel.data.sheets.filter(
      (sheet) => sheet.name !== placeholder && sheet.visibility === "Visible",
    );
    if (!others.length) return;
    this.placeholder = undefined;
    if (this.excel.findSheet(placeholder)) this.excel.deleteSheet(placeholder);
  }

  /** Applies a plan in a use case of its own. */
  apply(plan: Plan): Promise<void> {
    return this.run((port) => port.apply(plan));
  }

  /** The sheet the user is on; setting it is a click on its tab. */
  get active(): string | undefined {
    return this.view.activeSheet;
  }

  set active(name: string) {
    this.excel.data.activeSheetId = this.excel.sheet(name).id;
  }

  /** Every sheet's name in order, hidden ones included. */
  get sheetNames(): string[] {
    return this.excel.data.sheets.map((sheet) => sheet.name);
  }

  /** The spec a sheet was last installed from by a use case: what the port was asked to write. */
  specOf(name: string): SheetSpec | undefined {
    return this.specs.get(name);
  }

  /** A sheet's used range from A1, as the adapter reads it (its own Excel.run, not counted in `calls`). */
  async grid(name: string): Promise<SheetGrid> {
    this.excel.attach();
    const [grid] = await this.excelHost.run((port) => port.readSheets([name]));
    return grid!;
  }

  /** One cell as the model holds it: its value, formula and number format; undefined if never written. */
  cell(sheet: string, address: string): CellInput | undefined {
    const { r1, c1 } = parseArea(address);
    const cell = this.excel.sheet(sheet).cells[key(r1, c1)];
    if (!cell) return undefined;
    const value: CellScalar =
      cell.valueType === "Empty"
        ? null
        : cell.valueType === "Error"
          ? ({ error: String(cell.value) } as CellScalar)
          : cell.value;
    return { value, ...(cell.formula ? { formula: cell.formula } : {}), numberFormat: cell.numberFormat };
  }

  /**
   * Types into a cell as a person would, outside any use case, the value kept as given ("02" stays text): a value
   * replaces a formula; a protected sheet's locked cell refuses.
   */
  type(sheet: string, address: string, value: CellScalar, numberFormat?: string): void {
    const data = this.excel.sheet(sheet);
    const bounds = parseArea(address);
    this.excel.assertWritable(data, bounds);
    this.excel.setCell(data, bounds.r1, bounds.c1, {
      ...stored(value),
      ...(numberFormat ? { numberFormat } : {}),
    });
    delete data.cells[key(bounds.r1, bounds.c1)]!.formula;
  }

  /** A co-author's edit landing in the workbook (Excel's typing rules), and its change event with source Remote. */
  async coauthorTypes(sheet: string, address: string, input: string): Promise<void> {
    this.excel.type(sheet, address, input);
    await this.excel.emitChange({ sheet, address, source: "Remote" });
  }

  /** The add-in's marks on a sheet, cell by cell: its conditional formats, told apart by their fill. */
  marks(sheet: string): Mark[] {
    const view = this.view.sheet(sheet);
    if (!view) throw new Error(`no sheet named ${sheet}`);
    return [...view.marks].map(([address, severity]) => ({ address, severity }));
  }

  /** The sheets that hold at least one mark, in order. */
  get markedSheets(): string[] {
    return this.sheetNames.filter((name) => this.marks(name).length > 0);
  }

  private counted(port: WorkbookPort): WorkbookPort {
    return {
      listSheets: async (options) => {
        this.calls.listSheets++;
        const infos = await port.listSheets(options);
        return this.hideActive ? infos.map(({ active: _active, ...info }) => info) : infos;
      },
      readSheets: (names) => {
        this.calls.readSheets++;
        this.reads.push([...names]);
        return port.readSheets(names);
      },
      apply: async (plan) => {
        this.calls.apply++;
        await port.apply(plan);
        for (const step of plan.steps)
          if (step.kind === "addSheet") this.specs.set(step.spec.name, step.spec);
      },
    };
  }
}

/**
 * A workbook holding only the preview's sample appendix, written by the adapter from the real template as the preview
 * writes it, the first value cell selected; its calls counted from zero.
 */
export async function sampleWorkbook(
  values?: Readonly<Record<string, SampleValue>>,
  host: Partial<ExcelHostDeps> = {},
): Promise<TestWorkbook> {
  const book = new TestWorkbook([], { host });
  await book.apply(samplePlan(values));
  book.view.select(SAMPLE_SHEET.sheetName, sampleFirstValue());
  book.resetCalls();
  return book;
}
