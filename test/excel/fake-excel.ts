/// <reference types="office-js" />
import type { SheetGrid } from "../../src/domain/cell";
import { columnLetter, isCellError } from "../../src/domain/cell";

// An in-memory Excel behind exactly the Office.js objects the adapter uses (src/excel), for tests without Excel:
// - proxies queue their work, and context.sync() runs the queue; a loaded property is readable only after the sync
//   that loaded it, and throws PropertyNotLoaded before, as Office.js does, so a missing load fails the test;
// - syncs are counted, and any sync can be made to fail with an Office error code; a failed sync applies nothing of
//   its batch (the workbook is restored as it was before the sync);
// - a protected sheet refuses what Excel refuses: values in locked cells, formats without the "format cells"
//   permission, merges, data validation and unlocking cells, so that a plan needing to unprotect a sheet fails;
// - text written into `values` is read the way Excel reads what a person types ("02" becomes 2, "'02" stays text);
// - worksheets.onChanged handlers get the events the test emits (a co-author's edit), and one per sheet the add-in
//   itself wrote to (source Local, triggerSource ThisLocalAddin), as ExcelApi 1.14 reports them.
// It computes no formula: a formula cell holds an empty value unless a test gives an evaluator.

const MAX_ROW = 1_048_575;
const MAX_COLUMN = 16_383;

/** An error as Office.js throws it (OfficeExtension.Error, name "RichApi.Error"). */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };

  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

function notLoaded(owner: string, property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' of ${owner} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Font attributes as a cell holds them. */
export interface FakeFont {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

/** One cell of the fake workbook. */
export interface FakeCell {
  value: string | number | boolean;
  valueType: "Empty" | "String" | "Double" | "Boolean" | "Error";
  formula?: string;
  numberFormat: string;
  locked: boolean;
  font?: FakeFont;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: string[];
  /** Solid fill colour, "#RRGGBB". */
  fill?: string;
  textRuns?: { text: string; font?: FakeFont }[];
  validation?: {
    rule?: Excel.DataValidationRule;
    prompt?: Excel.DataValidationPrompt;
    errorAlert?: Excel.DataValidationErrorAlert;
    ignoreBlanks?: boolean;
  };
}

/** A conditional format of the fake workbook. */
export interface FakeFormatData {
  id: string;
  type: string;
  areas: string[];
  formula?: string;
  fill?: string;
  fontColor?: string;
}

/** One sheet of the fake workbook: plain data, so that a failed sync restores it by copy. */
export interface FakeSheetData {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Cells by "row,column", both 0-based. */
  cells: Record<string, FakeCell>;
  columns: Record<number, { width?: number; hidden?: boolean; font?: FakeFont }>;
  rows: Record<number, { height?: number }>;
  merges: string[];
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions };
  pageLayout: {
    orientation?: string;
    paperSize?: string;
    zoom?: Excel.PageLayoutZoomOptions;
    centerHorizontally?: boolean;
    margins?: { unit: string; options: Excel.PageLayoutMarginOptions };
    centerFooter?: string;
    printArea?: string;
    printTitleRows?: string;
  };
  conditionalFormats: FakeFormatData[];
  /** Notes (ExcelApi 1.18) by cell address. */
  notes?: Record<string, string>;
  /** Rows frozen at the top. */
  frozenRows?: number;
}

/** The whole fake workbook. */
export interface FakeWorkbookData {
  sheets: FakeSheetData[];
  activeSheetId?: string;
  selection?: { sheetId: string; address: string };
  nextId: number;
}

interface Bounds {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** Bounds of one area: "A1", "A1:B2", "A:G", "5:6"; throws InvalidArgument for anything else. */
function parseArea(address: string): Bounds {
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
  throw new FakeOfficeError("InvalidArgument", `Not an address: ${address}`);
}

function boundsAddress(bounds: Bounds): string {
  const first = `${columnLetter(bounds.c1)}${bounds.r1 + 1}`;
  const last = `${columnLetter(bounds.c2)}${bounds.r2 + 1}`;
  return first === last ? first : `${first}:${last}`;
}

function key(row: number, column: number): string {
  return `${row},${column}`;
}

function emptyCell(): FakeCell {
  return { value: "", valueType: "Empty", numberFormat: "General", locked: true };
}

const ERROR_VALUES = new Set(["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"]);

/**
 * What a cell holds after a person types `input` into it, as Excel (en-US) reads it: an apostrophe keeps text as
 * typed, "=" starts a formula, numbers (with thousands commas, a percent sign, parentheses for negatives), TRUE and
 * FALSE, m/d/yyyy dates and error values are converted; anything else is text.
 */
export function typed(input: string | number | boolean): Pick<FakeCell, "value" | "valueType" | "formula"> & {
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

type Op = () => void;
type SheetRef = () => FakeSheetData;

/** A context.sync() the test wants to fail, by its number among all syncs of this workbook. */
interface PlannedFailure {
  readonly sync: number;
  readonly code: string;
}

type ChangedHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;

/** The fake Excel: its workbook, its sync counter, the failures to inject and the event handlers. */
export class FakeExcel {
  data: FakeWorkbookData = { sheets: [], nextId: 1 };
  /** Every context.sync() so far, failed ones included. */
  syncs = 0;
  private failures: PlannedFailure[] = [];
  private interleaved: { sync: number; edit: () => void }[] = [];
  /** Handlers registered through worksheets.onChanged, with the context that added them. */
  readonly handlers: { handler: ChangedHandler; context: FakeRequestContext }[] = [];
  private readonly pending: Promise<unknown>[] = [];

  constructor(
    private readonly evaluate?: (formula: string, sheet: FakeSheetData) => string | number | boolean,
  ) {}

  /** Excel.run: a new context for the batch, and a last sync of what the batch left queued. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.hasQueued()) await context.sync();
    return result;
  };

  /** Excel.run on an existing context (removing an event handler). */
  runIn = async <T>(
    context: Excel.RequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const result = await batch(context);
    const fake = context as unknown as FakeRequestContext;
    if (fake.hasQueued()) await fake.sync();
    return result;
  };

  /**
   * Runs `edit` just before the n-th sync from now (1 = the next one) reaches the workbook: a co-author's edit
   * landing between two of our round trips.
   */
  beforeSync(n: number, edit: () => void): void {
    this.interleaved.push({ sync: this.syncs + n, edit });
  }

  /** Makes the n-th sync from now fail (1 = the next one) with this Office error code. */
  failSync(n: number, code = "GeneralException"): void {
    this.failures.push({ sync: this.syncs + n, code });
  }

  /** Runs a batch's queued operations all or nothing. */
  runBatch(ops: readonly Op[]): void {
    this.syncs += 1;
    for (const planned of this.interleaved.filter((edit) => edit.sync === this.syncs)) planned.edit();
    const failure = this.failures.find((planned) => planned.sync === this.syncs);
    if (failure)
      throw new FakeOfficeError(failure.code, `Sync ${this.syncs} failed on purpose: ${failure.code}`);
    const backup = structuredClone(this.data);
    this.changed.clear();
    try {
      for (const op of ops) op();
    } catch (error) {
      this.data = backup;
      throw error;
    }
    for (const sheetId of this.changed) {
      this.emit({ worksheetId: sheetId, address: "A1", source: "Local", triggerSource: "ThisLocalAddin" });
    }
  }

  /** Sheets whose values the running batch changed. */
  readonly changed = new Set<string>();

  // --- the workbook, for tests -------------------------------------------------------------------------------

  /** Adds a sheet directly (not through a batch), as a person or another tool made it. */
  addSheet(name: string): FakeSheetData {
    return this.createSheet(name);
  }

  /** A sheet by name (any case) or id; throws ItemNotFound. */
  sheet(nameOrId: string): FakeSheetData {
    const found = this.findSheet(nameOrId);
    if (!found) throw new FakeOfficeError("ItemNotFound", `No sheet ${nameOrId}`);
    return found;
  }

  /** A cell of a sheet, empty if never written. */
  cell(sheet: string, address: string): FakeCell {
    const bounds = parseArea(address);
    return this.sheet(sheet).cells[key(bounds.r1, bounds.c1)] ?? emptyCell();
  }

  /** Writes raw cell contents directly (a value read back as is, no typing rules): seeding a workbook. */
  setCell(sheet: FakeSheetData, row: number, column: number, content: Partial<FakeCell>): void {
    sheet.cells[key(row, column)] = { ...emptyCell(), ...sheet.cells[key(row, column)], ...content };
  }

  /** A person typing into a cell: Excel's typing rules, and the lock of a protected sheet. */
  type(sheetName: string, address: string, input: string | number | boolean): void {
    const sheet = this.sheet(sheetName);
    const bounds = parseArea(address);
    this.assertWritable(sheet, bounds);
    this.writeTyped(sheet, bounds.r1, bounds.c1, input);
  }

  /** Emits a change event to every handler, as Excel does for an edit (a co-author's has source Remote). */
  async emitChange(change: { sheet: string; address: string; source: "Local" | "Remote" }): Promise<void> {
    const sheet = this.sheet(change.sheet);
    this.emit({ worksheetId: sheet.id, address: change.address, source: change.source });
    await this.settle();
  }

  /** Waits until every event handler has finished. */
  async settle(): Promise<void> {
    while (this.pending.length) await Promise.all(this.pending.splice(0));
  }

  // --- used by the proxies -----------------------------------------------------------------------------------

  createSheet(name: string): FakeSheetData {
    if (!name.trim() || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
      throw new FakeOfficeError("InvalidArgument", `Invalid sheet name ${name}`);
    }
    if (this.findSheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `Sheet ${name} exists`);
    const sheet: FakeSheetData = {
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

  findSheet(nameOrId: string): FakeSheetData | undefined {
    const lower = nameOrId.toLowerCase();
    return this.data.sheets.find((sheet) => sheet.id === nameOrId || sheet.name.toLowerCase() === lower);
  }

  sheetById(id: string): FakeSheetData {
    const sheet = this.data.sheets.find((candidate) => candidate.id === id);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `Sheet ${id} no longer exists`);
    return sheet;
  }

  nextId(prefix: string): string {
    return `${prefix}-${this.data.nextId++}`;
  }

  assertWritable(sheet: FakeSheetData, bounds: Bounds): void {
    if (!sheet.protection.protected) return;
    for (let r = bounds.r1; r <= bounds.r2; r++) {
      for (let c = bounds.c1; c <= bounds.c2; c++) {
        if (sheet.cells[key(r, c)]?.locked ?? true) {
          throw new FakeOfficeError(
            "AccessDenied",
            `The cell ${columnLetter(c)}${r + 1} of ${sheet.name} is locked on a protected sheet.`,
          );
        }
      }
    }
  }

  assertAllowed(sheet: FakeSheetData, permission: keyof Excel.WorksheetProtectionOptions | "never"): void {
    if (!sheet.protection.protected) return;
    if (permission !== "never" && sheet.protection.options[permission]) return;
    throw new FakeOfficeError("AccessDenied", `${sheet.name} is protected (${permission}).`);
  }

  writeTyped(sheet: FakeSheetData, row: number, column: number, input: string | number | boolean): void {
    const current = sheet.cells[key(row, column)] ?? emptyCell();
    const result = typed(input);
    const next: FakeCell = { ...current, value: result.value, valueType: result.valueType };
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

  private emit(args: {
    worksheetId: string;
    address: string;
    source: "Local" | "Remote";
    triggerSource?: string;
  }): void {
    for (const { handler } of this.handlers) {
      const event = {
        ...args,
        changeType: "RangeEdited",
        type: "WorksheetChanged",
      } as unknown as Excel.WorksheetChangedEventArgs;
      this.pending.push(Promise.resolve().then(() => handler(event)));
    }
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
  excel: FakeExcel,
  grid: SheetGrid,
  options: { protect?: boolean; unlocked?: (row: number, column: number) => boolean } = {},
): FakeSheetData {
  const sheet = excel.addSheet(grid.name);
  grid.cells.forEach((row, r) =>
    row.forEach((input, c) => {
      if (!input) return;
      const value = input.value;
      const content: Partial<FakeCell> =
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

// --- proxies --------------------------------------------------------------------------------------------------

/** Shared by every proxy: its context, and the properties a sync has loaded into it. */
class FakeProxy {
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    readonly context: FakeRequestContext,
    private readonly owner: string,
  ) {}

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) throw notLoaded(this.owner, property);
    return this.loaded.get(property) as T;
  }

  protected queue(op: Op): void {
    this.context.enqueue(op);
  }

  /** Properties named in a load string ("a,b/c"), first segment only. */
  protected static names(option: string | string[] | undefined): string[] {
    const text = Array.isArray(option) ? option.join(",") : (option ?? "");
    return text
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
  }
}

/** Excel.RequestContext: the queue of a batch, synced all or nothing. */
export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private ops: Op[] = [];

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(op: Op): void {
    this.ops.push(op);
  }

  hasQueued(): boolean {
    return this.ops.length > 0;
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    await Promise.resolve();
    this.excel.runBatch(ops);
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;

  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
  }
}

class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly handler: ChangedHandler,
  ) {}

  remove(): void {
    const excel = this.context.excel;
    this.context.enqueue(() => {
      const index = excel.handlers.findIndex((entry) => entry.handler === this.handler);
      if (index >= 0) excel.handlers.splice(index, 1);
    });
  }
}

class FakeWorksheetCollection extends FakeProxy {
  readonly onChanged = {
    add: (handler: ChangedHandler): FakeEventHandlerResult => {
      this.queue(() => this.context.excel.handlers.push({ handler, context: this.context }));
      return new FakeEventHandlerResult(this.context, handler);
    },
  };

  constructor(context: FakeRequestContext) {
    super(context, "WorksheetCollection");
  }

  get items(): FakeWorksheet[] {
    return this.read("items");
  }

  load(option?: string | string[]): this {
    const fields = FakeProxy.names(option)
      .filter((name) => name.startsWith("items/"))
      .map((name) => name.slice("items/".length));
    this.queue(() => {
      const excel = this.context.excel;
      this.loaded.set(
        "items",
        excel.data.sheets.map((sheet, position) => {
          const proxy = new FakeWorksheet(this.context, () => excel.sheetById(sheet.id));
          proxy.fill(fields, sheet, position);
          return proxy;
        }),
      );
    });
    return this;
  }

  getItem(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.sheet(nameOrId));
  }

  getItemOrNullObject(nameOrId: string): FakeWorksheet {
    const excel = this.context.excel;
    const proxy = new FakeWorksheet(this.context, () => excel.sheet(nameOrId));
    this.queue(() => proxy.setNull(!excel.findSheet(nameOrId)));
    return proxy;
  }

  getActiveWorksheet(): FakeWorksheet {
    const excel = this.context.excel;
    return new FakeWorksheet(this.context, () => excel.sheetById(excel.data.activeSheetId ?? ""));
  }

  add(name: string): FakeWorksheet {
    const excel = this.context.excel;
    let id: string | undefined;
    this.queue(() => {
      id = excel.createSheet(name).id;
    });
    return new FakeWorksheet(this.context, () => excel.sheetById(id ?? ""));
  }
}

class FakeWorksheet extends FakeProxy {
  readonly protection: { protect: (options?: Excel.WorksheetProtectionOptions, password?: string) => void };
  readonly pageLayout: FakePageLayout;
  /** ExcelApi 1.18. A protected sheet refuses a note unless editing objects is allowed, as Excel does. */
  readonly notes: { add: (cellAddress: string, content: string) => void };
  readonly freezePanes: { freezeRows: (count?: number) => void };

  constructor(
    context: FakeRequestContext,
    readonly ref: SheetRef,
  ) {
    super(context, "Worksheet");
    this.protection = {
      protect: (options = {}, password) => {
        this.queue(() => {
          const sheet = this.ref();
          if (sheet.protection.protected) throw new FakeOfficeError("InvalidOperation", "Already protected");
          if (password) throw new Error("The add-in protects sheets without a password");
          sheet.protection = { protected: true, options: { ...options } };
        });
      },
    };
    this.pageLayout = new FakePageLayout(context, ref);
    this.notes = {
      add: (cellAddress, content) => {
        const bounds = parseArea(cellAddress);
        if (bounds.r1 !== bounds.r2 || bounds.c1 !== bounds.c2) {
          throw new FakeOfficeError("InvalidCellAddress", `${cellAddress} is not one cell`);
        }
        this.queue(() => {
          const sheet = this.ref();
          this.context.excel.assertAllowed(sheet, "allowEditObjects");
          const address = boundsAddress(bounds);
          if (sheet.notes?.[address] !== undefined)
            throw new FakeOfficeError("InvalidArgument", "A note exists");
          sheet.notes = { ...sheet.notes, [address]: content };
        });
      },
    };
    this.freezePanes = {
      freezeRows: (count = 1) => {
        this.queue(() => {
          this.ref().frozenRows = count;
        });
      },
    };
  }

  fill(fields: readonly string[], sheet: FakeSheetData, position: number): void {
    const values: Record<string, unknown> = {
      id: sheet.id,
      name: sheet.name,
      visibility: sheet.visibility,
      position,
    };
    for (const field of fields) this.loaded.set(field, values[field]);
  }

  setNull(isNull: boolean): void {
    this.loaded.set("isNullObject", isNull);
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  get id(): string {
    return this.read("id");
  }

  get name(): string {
    return this.read("name");
  }

  set name(name: string) {
    this.queue(() => {
      const sheet = this.ref();
      const other = this.context.excel.findSheet(name);
      if (other && other !== sheet) throw new FakeOfficeError("ItemAlreadyExists", `Sheet ${name} exists`);
      sheet.name = name;
    });
  }

  get position(): number {
    return this.read("position");
  }

  set position(position: number) {
    this.queue(() => {
      const sheets = this.context.excel.data.sheets;
      const sheet = this.ref();
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.min(position, sheets.length), 0, sheet);
    });
  }

  get visibility(): string {
    return this.read("visibility");
  }

  load(option?: string | string[]): this {
    const fields = FakeProxy.names(option);
    this.queue(() => {
      const excel = this.context.excel;
      if (this.loaded.get("isNullObject") === true) return;
      const sheet = this.ref();
      this.fill(fields, sheet, excel.data.sheets.indexOf(sheet));
    });
    return this;
  }

  delete(): void {
    this.queue(() => {
      const excel = this.context.excel;
      const sheet = this.ref();
      const visible = excel.data.sheets.filter((s) => s.visibility === "Visible" && s !== sheet);
      if (!visible.length)
        throw new FakeOfficeError("InvalidOperation", "A workbook keeps one visible sheet");
      excel.data.sheets.splice(excel.data.sheets.indexOf(sheet), 1);
      if (excel.data.activeSheetId === sheet.id) excel.data.activeSheetId = visible[0]!.id;
    });
  }

  activate(): void {
    this.queue(() => {
      this.context.excel.data.activeSheetId = this.ref().id;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this.ref, () =>
      address === undefined ? undefined : [parseArea(address)],
    );
  }

  getRanges(address: string): FakeRange {
    return new FakeRange(this.context, this.ref, () => address.split(",").map(parseArea));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const range = new FakeRange(this.context, this.ref, () => {
      const sheet = this.ref();
      let bounds: Bounds | undefined;
      for (const [position, cell] of Object.entries(sheet.cells)) {
        const used = cell.valueType !== "Empty" || cell.formula !== undefined;
        if (!used && valuesOnly) continue;
        const [r, c] = position.split(",").map(Number) as [number, number];
        bounds = bounds
          ? {
              r1: Math.min(bounds.r1, r),
              c1: Math.min(bounds.c1, c),
              r2: Math.max(bounds.r2, r),
              c2: Math.max(bounds.c2, c),
            }
          : { r1: r, c1: c, r2: r, c2: c };
      }
      return bounds ? [bounds] : null;
    });
    range.resolveNullness();
    return range;
  }
}

class FakePageLayout extends FakeProxy {
  readonly headersFooters: { defaultForAllPages: { centerFooter: string } };

  constructor(
    context: FakeRequestContext,
    private readonly ref: SheetRef,
  ) {
    super(context, "PageLayout");
    const queue = (op: (layout: FakeSheetData["pageLayout"]) => void) =>
      this.queue(() => op(this.ref().pageLayout));
    this.headersFooters = {
      defaultForAllPages: {
        set centerFooter(text: string) {
          queue((layout) => (layout.centerFooter = text));
        },
        get centerFooter(): string {
          throw notLoaded("HeaderFooter", "centerFooter");
        },
      },
    };
  }

  private set(op: (layout: FakeSheetData["pageLayout"]) => void): void {
    this.queue(() => op(this.ref().pageLayout));
  }

  set orientation(value: string) {
    this.set((layout) => (layout.orientation = value));
  }

  set paperSize(value: string) {
    this.set((layout) => (layout.paperSize = value));
  }

  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.set((layout) => (layout.zoom = { ...value }));
  }

  set centerHorizontally(value: boolean) {
    this.set((layout) => (layout.centerHorizontally = value));
  }

  setPrintMargins(unit: string, options: Excel.PageLayoutMarginOptions): void {
    this.set((layout) => (layout.margins = { unit, options: { ...options } }));
  }

  setPrintArea(area: string): void {
    parseArea(area);
    this.set((layout) => (layout.printArea = area));
  }

  setPrintTitleRows(rows: string): void {
    parseArea(rows);
    this.set((layout) => (layout.printTitleRows = rows));
  }
}

type AreasOf = () => Bounds[] | undefined | null;

class FakeRange extends FakeProxy {
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;

  constructor(
    context: FakeRequestContext,
    readonly ref: SheetRef,
    /** The areas at the time of the operation: undefined is the whole sheet, null a null object. */
    readonly areasOf: AreasOf,
  ) {
    super(context, "Range");
    this.format = new FakeRangeFormat(this);
    this.dataValidation = new FakeDataValidation(this);
  }

  /** The single area of this range, now; throws for a null object. */
  bounds(): Bounds {
    const areas = this.areasOf();
    if (areas === null) throw new FakeOfficeError("ItemNotFound", "The range is a null object");
    if (areas === undefined) return { r1: 0, c1: 0, r2: MAX_ROW, c2: MAX_COLUMN };
    if (areas.length !== 1) throw new FakeOfficeError("InvalidArgument", "This needs a single area");
    return areas[0]!;
  }

  areas(): Bounds[] {
    const areas = this.areasOf();
    if (areas === null) throw new FakeOfficeError("ItemNotFound", "The range is a null object");
    return areas ?? [{ r1: 0, c1: 0, r2: MAX_ROW, c2: MAX_COLUMN }];
  }

  resolveNullness(): void {
    this.queue(() => this.loaded.set("isNullObject", this.areasOf() === null));
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  get values(): unknown[][] {
    return this.read("values");
  }

  set values(values: unknown[][]) {
    this.write(values, (sheet, r, c, value) => this.context.excel.writeTyped(sheet, r, c, value));
  }

  get formulas(): unknown[][] {
    return this.read("formulas");
  }

  set formulas(formulas: unknown[][]) {
    this.write(formulas, (sheet, r, c, value) => this.context.excel.writeTyped(sheet, r, c, value));
  }

  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }

  set numberFormat(formats: unknown[][]) {
    this.queue(() => {
      const sheet = this.ref();
      const bounds = this.bounds();
      this.context.excel.assertAllowed(sheet, "allowFormatCells");
      this.eachInput(bounds, formats, (r, c, format) => {
        const current = sheet.cells[key(r, c)] ?? emptyCell();
        sheet.cells[key(r, c)] = { ...current, numberFormat: String(format) };
      });
    });
  }

  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  get rowIndex(): number {
    return this.read("rowIndex");
  }

  get columnIndex(): number {
    return this.read("columnIndex");
  }

  get address(): string {
    return this.read("address");
  }

  set columnHidden(hidden: boolean) {
    this.queue(() => {
      const sheet = this.ref();
      this.context.excel.assertAllowed(sheet, "allowFormatColumns");
      const bounds = this.bounds();
      for (let c = bounds.c1; c <= bounds.c2; c++) sheet.columns[c] = { ...sheet.columns[c], hidden };
    });
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this);
  }

  load(option?: string | string[]): this {
    const fields = FakeProxy.names(option);
    this.queue(() => {
      const areas = this.areasOf();
      this.loaded.set("isNullObject", areas === null);
      if (areas === null) return;
      const sheet = this.ref();
      const bounds = this.bounds();
      const rows = Array.from({ length: bounds.r2 - bounds.r1 + 1 }, (_, i) => bounds.r1 + i);
      const columns = Array.from({ length: bounds.c2 - bounds.c1 + 1 }, (_, i) => bounds.c1 + i);
      if (rows.length * columns.length > 1_000_000) throw new Error("The fake does not load whole sheets");
      const cell = (r: number, c: number) => sheet.cells[key(r, c)] ?? emptyCell();
      const all: Record<string, unknown> = {
        values: rows.map((r) => columns.map((c) => cell(r, c).value)),
        valueTypes: rows.map((r) => columns.map((c) => cell(r, c).valueType)),
        formulas: rows.map((r) => columns.map((c) => cell(r, c).formula ?? cell(r, c).value)),
        numberFormat: rows.map((r) => columns.map((c) => cell(r, c).numberFormat)),
        rowIndex: bounds.r1,
        columnIndex: bounds.c1,
        address: `${sheet.name}!${boundsAddress(bounds)}`,
      };
      for (const field of fields) {
        if (!(field in all)) throw new Error(`The fake does not load Range.${field}`);
        this.loaded.set(field, all[field]);
      }
    });
    return this;
  }

  merge(across = false): void {
    this.queue(() => {
      const sheet = this.ref();
      this.context.excel.assertAllowed(sheet, "never");
      if (across) throw new Error("The fake merges whole areas only");
      sheet.merges.push(boundsAddress(this.bounds()));
    });
  }

  select(): void {
    this.queue(() => {
      const sheet = this.ref();
      const excel = this.context.excel;
      if (excel.data.activeSheetId !== sheet.id)
        throw new FakeOfficeError("InvalidSelection", "Activate the sheet first");
      excel.data.selection = { sheetId: sheet.id, address: boundsAddress(this.bounds()) };
    });
  }

  setCellProperties(properties: Excel.SettableCellProperties[][]): void {
    this.queue(() => {
      const sheet = this.ref();
      const excel = this.context.excel;
      excel.assertAllowed(sheet, "allowFormatCells");
      this.eachInput(this.bounds(), properties, (r, c, input) => {
        const props = input as Excel.SettableCellProperties;
        const cell: FakeCell = { ...(sheet.cells[key(r, c)] ?? emptyCell()) };
        const format = props.format ?? {};
        if (format.protection?.locked !== undefined && format.protection.locked !== cell.locked) {
          excel.assertAllowed(sheet, "never");
          cell.locked = format.protection.locked;
        }
        if (format.font) cell.font = { ...cell.font, ...format.font };
        if (format.horizontalAlignment) cell.horizontalAlignment = format.horizontalAlignment;
        if (format.verticalAlignment) cell.verticalAlignment = format.verticalAlignment;
        if (format.wrapText !== undefined) cell.wrapText = format.wrapText;
        if (format.fill?.color) cell.fill = format.fill.color;
        if (format.borders) {
          cell.borders = Object.entries(format.borders)
            .filter(([, border]) => border && border.style && border.style !== "None")
            .map(([edge]) => edge)
            .sort();
        }
        if (props.textRuns) {
          const text = props.textRuns.map((run) => run.text).join("");
          if (text !== cell.value)
            throw new FakeOfficeError("InvalidArgument", "textRuns do not match the text");
          cell.textRuns = props.textRuns.map((run) => ({
            text: run.text,
            ...(run.font ? { font: { ...run.font } } : {}),
          }));
        }
        sheet.cells[key(r, c)] = cell;
      });
    });
  }

  private write(
    inputs: unknown[][],
    put: (sheet: FakeSheetData, r: number, c: number, value: string | number | boolean) => void,
  ): void {
    this.queue(() => {
      const sheet = this.ref();
      const bounds = this.bounds();
      this.context.excel.assertWritable(sheet, bounds);
      this.eachInput(bounds, inputs, (r, c, value) => {
        if (value === null || value === undefined) return;
        if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
          throw new FakeOfficeError("InvalidArgument", `Cannot write ${String(value)}`);
        }
        put(sheet, r, c, value);
      });
    });
  }

  /** Runs `each` over a 2-D input that must match the range's size, as Office.js requires. */
  eachInput(bounds: Bounds, inputs: unknown[][], each: (r: number, c: number, value: unknown) => void): void {
    const rows = bounds.r2 - bounds.r1 + 1;
    const columns = bounds.c2 - bounds.c1 + 1;
    if (inputs.length !== rows || inputs.some((row) => row.length !== columns)) {
      throw new FakeOfficeError("InvalidArgument", `The input is not ${rows}×${columns}`);
    }
    inputs.forEach((row, r) => row.forEach((value, c) => each(bounds.r1 + r, bounds.c1 + c, value)));
  }
}

class FakeRangeFormat {
  readonly font: { name: string; size: number };
  readonly protection: { locked: boolean };

  constructor(private readonly range: FakeRange) {
    const setColumnFont = (attribute: "name" | "size", value: string | number) =>
      this.onColumns("allowFormatCells", (sheet, c) => {
        sheet.columns[c] = { ...sheet.columns[c], font: { ...sheet.columns[c]?.font, [attribute]: value } };
      });
    this.font = {
      set name(name: string) {
        setColumnFont("name", name);
      },
      get name(): string {
        throw notLoaded("RangeFont", "name");
      },
      set size(size: number) {
        setColumnFont("size", size);
      },
      get size(): number {
        throw notLoaded("RangeFont", "size");
      },
    };
    this.protection = {
      set locked(_locked: boolean) {
        throw new Error("The adapter sets locks through setCellProperties");
      },
      get locked(): boolean {
        throw notLoaded("FormatProtection", "locked");
      },
    };
  }

  set columnWidth(width: number) {
    this.onColumns("allowFormatColumns", (sheet, c) => (sheet.columns[c] = { ...sheet.columns[c], width }));
  }

  set rowHeight(height: number) {
    this.range.context.enqueue(() => {
      const sheet = this.range.ref();
      this.range.context.excel.assertAllowed(sheet, "allowFormatRows");
      const bounds = this.range.bounds();
      if (bounds.c1 !== 0 || bounds.c2 !== MAX_COLUMN)
        throw new Error("The fake sets heights of whole rows only");
      for (let r = bounds.r1; r <= bounds.r2; r++) sheet.rows[r] = { height };
    });
  }

  /** Whole-column formats only: the adapter sets column defaults, and cell formats with setCellProperties. */
  private onColumns(
    permission: keyof Excel.WorksheetProtectionOptions,
    each: (sheet: FakeSheetData, column: number) => void,
  ): void {
    this.range.context.enqueue(() => {
      const sheet = this.range.ref();
      this.range.context.excel.assertAllowed(sheet, permission);
      const bounds = this.range.bounds();
      if (bounds.r1 !== 0 || bounds.r2 !== MAX_ROW) throw new Error("The fake formats whole columns only");
      for (let c = bounds.c1; c <= bounds.c2; c++) each(sheet, c);
    });
  }
}

class FakeDataValidation {
  constructor(private readonly range: FakeRange) {}

  private set<K extends keyof NonNullable<FakeCell["validation"]>>(
    field: K,
    value: NonNullable<FakeCell["validation"]>[K],
  ): void {
    this.range.context.enqueue(() => {
      const sheet = this.range.ref();
      this.range.context.excel.assertAllowed(sheet, "never");
      const bounds = this.range.bounds();
      for (let r = bounds.r1; r <= bounds.r2; r++) {
        for (let c = bounds.c1; c <= bounds.c2; c++) {
          const cell = sheet.cells[key(r, c)] ?? emptyCell();
          sheet.cells[key(r, c)] = {
            ...cell,
            validation: { ...cell.validation, [field]: structuredClone(value) },
          };
        }
      }
    });
  }

  set rule(rule: Excel.DataValidationRule) {
    this.set("rule", rule);
  }

  set prompt(prompt: Excel.DataValidationPrompt) {
    this.set("prompt", prompt);
  }

  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.set("errorAlert", alert);
  }

  set ignoreBlanks(ignore: boolean) {
    this.set("ignoreBlanks", ignore);
  }
}

class FakeConditionalFormatCollection extends FakeProxy {
  constructor(private readonly range: FakeRange) {
    super(range.context, "ConditionalFormatCollection");
  }

  get items(): FakeConditionalFormatProxy[] {
    return this.read("items");
  }

  load(option?: string | string[]): this {
    const fields = FakeProxy.names(option);
    for (const field of fields) {
      if (!["items/id", "items/type", "items/customOrNullObject/rule/formula"].includes(field)) {
        throw new Error(`The fake does not load ConditionalFormatCollection ${field}`);
      }
    }
    this.queue(() => {
      const sheet = this.range.ref();
      const areas = this.range.areas();
      const intersects = (format: FakeFormatData) =>
        format.areas.some((address) => {
          const a = parseArea(address);
          return areas.some((b) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2);
        });
      this.loaded.set(
        "items",
        sheet.conditionalFormats.filter(intersects).map((data) => {
          const proxy = new FakeConditionalFormatProxy(this.context, () => this.findFormat(data.id));
          proxy.fill(fields, data);
          return proxy;
        }),
      );
    });
    return this;
  }

  private findFormat(id: string): FakeFormatData {
    const found = this.range.ref().conditionalFormats.find((format) => format.id === id);
    if (!found) throw new FakeOfficeError("ItemNotFound", `No conditional format ${id}`);
    return found;
  }

  getItem(id: string): FakeConditionalFormatProxy {
    return new FakeConditionalFormatProxy(
      this.context,
      () => this.findFormat(id),
      () => this.range.ref(),
    );
  }

  add(type: string): FakeConditionalFormatProxy {
    const excel = this.context.excel;
    let id: string | undefined;
    this.queue(() => {
      const sheet = this.range.ref();
      excel.assertAllowed(sheet, "allowFormatCells");
      id = excel.nextId("cf");
      sheet.conditionalFormats.push({ id, type, areas: this.range.areas().map(boundsAddress) });
    });
    return new FakeConditionalFormatProxy(
      this.context,
      () => this.findFormat(id ?? ""),
      () => this.range.ref(),
    );
  }
}

class FakeConditionalFormatProxy extends FakeProxy {
  readonly custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string } };
  };

  constructor(
    context: FakeRequestContext,
    private readonly data: () => FakeFormatData,
    private readonly sheet?: SheetRef,
  ) {
    super(context, "ConditionalFormat");
    const update = (op: (format: FakeFormatData) => void) =>
      this.queue(() => {
        const sheet = this.sheet?.();
        if (sheet) context.excel.assertAllowed(sheet, "allowFormatCells");
        op(this.data());
      });
    this.custom = {
      rule: {
        set formula(formula: string) {
          update((format) => (format.formula = formula));
        },
        get formula(): string {
          throw notLoaded("ConditionalFormatRule", "formula");
        },
      },
      format: {
        fill: {
          set color(color: string) {
            update((format) => (format.fill = color));
          },
          get color(): string {
            throw notLoaded("ConditionalFillFormat", "color");
          },
        },
        font: {
          set color(color: string) {
            update((format) => (format.fontColor = color));
          },
          get color(): string {
            throw notLoaded("ConditionalRangeFont", "color");
          },
        },
      },
    };
  }

  fill(fields: readonly string[], data: FakeFormatData): void {
    if (fields.includes("items/id")) this.loaded.set("id", data.id);
    if (fields.includes("items/type")) this.loaded.set("type", data.type);
    if (fields.includes("items/customOrNullObject/rule/formula")) {
      const isCustom = data.type === "Custom";
      this.loaded.set("customOrNullObject", {
        isNullObject: !isCustom,
        rule: {
          get formula(): string {
            if (!isCustom) throw new FakeOfficeError("InvalidObjectPath", "A null object has no rule");
            return data.formula ?? "";
          },
        },
      });
    }
  }

  get id(): string {
    return this.read("id");
  }

  get type(): string {
    return this.read("type");
  }

  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string } } {
    return this.read("customOrNullObject");
  }

  load(option?: string | string[]): this {
    const fields = FakeProxy.names(option);
    this.queue(() =>
      this.fill(
        fields.map((field) => `items/${field}`),
        this.data(),
      ),
    );
    return this;
  }

  delete(): void {
    this.queue(() => {
      const sheet = this.sheet?.();
      if (!sheet) throw new Error("The fake deletes formats reached through a sheet");
      this.context.excel.assertAllowed(sheet, "allowFormatCells");
      const data = this.data();
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(data), 1);
    });
  }
}
