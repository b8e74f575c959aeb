/// <reference types="office-js" />
import type { SheetGrid } from "../domain/cell";
import { columnLetter } from "../domain/cell";
import type { Severity } from "../domain/values";
import type { ListOptions, Plan, SheetInfo, SheetVisibility, TextRun, WorkbookPort } from "../workflows/port";
import type { LoadedBlock } from "./cells";
import { gridOf, parseCell } from "./cells";
import { WriterUnavailableError } from "./errors";
import type * as PlanWriterModule from "./plan-writer";
import type { PortState } from "./plan-writer";

// The WorkbookPort over Office.js, for one Excel.run (one RequestContext).
//
// Requests. A use case costs a fixed number of context.sync() calls whatever the number of sheets or cells
// (DESIGN.md section 2): every call below queues all its work and syncs once, never in a loop. Excel.run sends one
// more request after the batch, releasing the ranges it tracked.
// - listSheets: 1 sync. The sheets' names come from the collection; F1 of each, and whether it holds anything, from a
//   walk queued in the same request (getFirst, then getNextOrNullObject: a sheet's cells are reached only through a
//   Worksheet proxy, and the collection's proxies exist only once it has been loaded, a sync later). Never a whole
//   used range, except the active sheet's when asked (ListOptions.readActive), kept for the readSheets that follows.
//   One more sync only for a workbook with more sheets than the walk was long (WALK_LENGTH at first, then as many as
//   the last listing counted and WALK_SPARE more).
// - readSheets: 0 syncs for sheets this run has just read, else 1 for as many as answer within READ_BUDGET_BYTES
//   (50 template sheets; 300 take 5). A group that still answers too much is read in halves; a sheet that answers
//   too much on its own, in bands of rows (readInBands).
// - apply (./plan-writer.ts): 1 sync, which also reads back the plan's readAfter sheets, for a plan that fits in
//   WRITE_BUDGET_BYTES (every use case but a summary of many units, which takes one sync per request-sized batch).
//   One more for a mark step on a sheet this run has never read (replacing our marks needs their ids), and one more
//   only when a co-author typed into a cell a fill was writing (restoreTypedOver).
// So the pane's check of the sheet the user is on is 1 read + 1 write + the release; of 50 sheets 1 + 1 + 1 + the
// release; a fix 1 (write and read back) + 1 (marks and stamp) + the release.
//
// Atomic sheets. Excel rolls nothing back (DESIGN.md section 10): a sheet written in place fails half made. So every
// addSheet step builds its sheet on a very hidden staging sheet (STAGING_PREFIX, no key in F1, unprotected) and only
// once it is complete, in one request for all the plan's sheets, commits it: a new sheet gets F1, its protection, and
// is made visible under its name; a re-installed sheet (or a summary rewritten in place) is unprotected, has the
// staging sheet's cells pasted over its own (Range.copyFrom, ExcelApi 1.9, the manifest's minimum), is protected
// again, and the staging sheet is deleted. The sheet itself is never deleted, so formulas on other sheets that refer
// to it keep showing its values. The listing never shows a staging sheet, so no use case reads, checks, sums or
// stamps one; the plan's first staging deletes those an earlier failure left. After a failure the adapter deletes
// its staging sheets and re-protects a sheet it had unprotected, in one more request, and says what is left to do
// (SheetWriteError). Traces (context.trace) queued after each stage tell how far a failed request got.
//
// Marks. A mark is a conditional format of type Custom whose rule formula carries a sentinel string,
// =ISTEXT("cchc-mark:error"): always true, so the fill shows, and recognisable when the sheet is read back, so that
// clearing deletes our formats and only ours (a person's own conditional formats stay). Conditional formats rather
// than cell fills, because deleting them restores the cells' own formats by construction (DESIGN.md section 3); a
// sentinel in the rule rather than a list of marked cells kept in the sheet, because the rule travels with the
// format when a person inserts rows, copies the sheet or a co-author edits it, and needs no cell of its own. Adding
// and deleting conditional formats on a protected sheet needs the "format cells" permission, which the template
// grants; the sheet is never unprotected.

/** The text our conditional formats carry in their rule formula, so that we find them again. */
export const MARK_SENTINEL = "cchc-mark";

/** The rule formula of a mark of this severity: always true, and recognisable as ours. */
export function markFormula(severity: Severity): string {
  return `=ISTEXT("${MARK_SENTINEL}:${severity}")`;
}

const MARK_FORMULAS: ReadonlySet<string> = new Set(
  (["error", "warning", "info"] as const).map((severity) => markFormula(severity)),
);

/**
 * True when a conditional format's rule formula is one of our marks: the whole rule, as we write it, so that a
 * person's own rule that merely mentions the sentinel (`=D7="cchc-mark:error"`) is never taken for ours.
 */
export function isMarkFormula(formula: unknown): boolean {
  return typeof formula === "string" && MARK_FORMULAS.has(formula.trim());
}

/** Fill and font colours of a mark: Excel's own light red, light yellow and light blue highlight styles. */
export const MARK_COLOURS: Readonly<Record<Severity, { readonly fill: string; readonly font: string }>> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  info: { fill: "#DDEBF7", font: "#1F4E78" },
};

/** What the adapter needs to know about the Excel it runs in, and whom to tell about sheet ids. */
export interface ExcelPortOptions {
  /** ExcelApi 1.18: rich text runs through Range.setCellProperties({ textRuns }). */
  readonly richText?: boolean;
  /** ExcelApi 1.18: notes on cells (why a summary total is marked); without it the fill alone says so. */
  readonly notes?: boolean;
  /** Told the name of every sheet by its id each time the sheets are listed (for resolving change events). */
  readonly onSheetIds?: (names: ReadonlyMap<string, string>) => void;
  /** How many sheets the workbook had at the last listing, so that the next listing's walk reaches them all. */
  readonly sheetCount?: number;
}

/** A sheet's used range and conditional formats, queued for one sync. */
export interface SheetRead {
  readonly used: Excel.Range;
  readonly formats: Excel.ConditionalFormatCollection;
  /** False when the formats were read without their rules (a retry after Excel failed to read them). */
  readonly rules: boolean;
  /** The traces around the rules query (see rulesFailedIn). */
  readonly tag?: string;
}

/** What the listing reads of one sheet: its name, F1, and whether anything is on it. */
interface SheetKey {
  readonly sheet: Excel.Worksheet;
  readonly keyCell: Excel.Range;
  readonly used: Excel.Range;
}

// How far the listing's walk goes before the workbook's size is known: a province's shared workbook holds its units'
// sheets, some tens of them. Each step costs about 1 KB of request; once a listing has counted the sheets, the next
// walks that many and a few more (sheets added since).
const WALK_LENGTH = 64;
const WALK_SPARE = 8;

const USED_RANGE_PROPERTIES = "values,valueTypes,formulas,numberFormat,rowIndex,columnIndex";
// customOrNullObject, not custom: `custom` fails the whole request on a format of any other type.
export const FORMAT_PROPERTIES = "items/id,items/type,items/customOrNullObject/rule/formula";
// office-js reports (OfficeDev/office-js #6835, #6827, #5222) that once a person duplicates a rule, reading the
// collection's rules fails the whole request; ids and types still read. A sheet read that way has marks we cannot
// tell from a person's formats, so its formats are left as they are (see unreadableRules).
const FORMAT_PROPERTIES_WITHOUT_RULES = "items/id,items/type";

/** The traces a failed sync ran (context.trace), in order. */
export function tracesOf(error: unknown): readonly unknown[] {
  const traces = (error as { traceMessages?: unknown } | null)?.traceMessages;
  return Array.isArray(traces) ? traces : [];
}

/**
 * The reads whose rules query was the action that failed a sync: each such query is bracketed by two traces, and
 * the failing one is the query whose opening trace ran and closing trace did not. Any other failure names none.
 */
export function rulesFailedIn<T extends { readonly tag?: string }>(error: unknown, reads: readonly T[]): T[] {
  const traces = new Set(tracesOf(error));
  return reads.filter((read) => read.tag && traces.has(`${read.tag}<`) && !traces.has(`${read.tag}>`));
}
// Excel on the web refuses a response over 5 MB (the emulator's table cites it); reads are grouped to answer at most
// READ_BUDGET_BYTES each. A template sheet answers about 50 bytes a cell (values, value types, formulas and number
// formats of ~850 cells: 42 KB), so 64 is an estimate with room for a person's longer notes; a sheet whose used range
// the listing did not tell is taken for a template's. A group that still answers too much is read in halves.
const READ_BUDGET_BYTES = 3.5 * 2 ** 20;

const READ_BYTES_PER_CELL = 64;
const TEMPLATE_CELLS = 1000;

/** How many cells a used range's address ("'Sở 1'!A1:F142") covers. */
function cellsOf(address: string): number {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [first, last] = local.split(":");
  if (!first) return TEMPLATE_CELLS;
  const a = parseCell(first);
  const b = parseCell(last ?? first);
  return (Math.abs(b.row - a.row) + 1) * (Math.abs(b.column - a.column) + 1);
}

/** The last row and column (1-based) of a used range's address ("'Sở 1'!A1:F142" is 142 rows, 6 columns). */
function endOf(address: string): { rows: number; columns: number } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const last = parseCell(local.split(":").pop() ?? "A1");
  return { rows: last.row + 1, columns: last.column + 1 };
}

/** The key column's header: our template version id on an appendix sheet (DESIGN.md section 3). */
export const KEY_CELL = "F1";

/** Excel's names of a sheet's visibility, as the port states them. */
const SHEET_VISIBILITY = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
} as const satisfies Record<Excel.SheetVisibility, SheetVisibility>;

/** True for a conditional format that is one of our marks (MARK_SENTINEL). */
export function isOurMark(format: Excel.ConditionalFormat): boolean {
  if (format.type !== "Custom") return false;
  const custom = format.customOrNullObject;
  return !custom.isNullObject && isMarkFormula(custom.rule.formula);
}

function keyHeaderOf(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === "object") return undefined;
  const text = String(value).trim();
  return text || undefined;
}

/** Whole-cell bold or italic standing in for rich text where Excel has no text runs: what most of the text has. */
export function dominantRunStyle(runs: readonly TextRun[]): { bold: boolean; italic: boolean } {
  const total = runs.reduce((sum, run) => sum + run.text.trim().length, 0);
  const share = (pick: (run: TextRun) => boolean | undefined) =>
    runs.reduce((sum, run) => sum + (pick(run) ? run.text.trim().length : 0), 0);
  return { bold: share((run) => run.bold) * 2 > total, italic: share((run) => run.italic) * 2 > total };
}

/** The start of a staging sheet's name: a sheet being built, never listed, deleted by the next plan that builds one. */
export const STAGING_PREFIX = "cchc-tmp-";

/** True for a staging sheet's name (see "Atomic sheets" at the top of this file). */
export function isStagingName(name: string): boolean {
  return name.toLowerCase().startsWith(STAGING_PREFIX);
}

/**
 * The writing half of the port (./plan-writer.ts), loaded once: by the first plan applied, or ahead of it once the
 * pane has shown its first verdict (preloadPlanWriter).
 */
let planWriter: Promise<typeof PlanWriterModule> | undefined;

function loadPlanWriter(): Promise<typeof PlanWriterModule> {
  planWriter ??= import(/* webpackChunkName: "plan-writer" */ "./plan-writer").catch((error: unknown) => {
    // A failed fetch (the pane's server out of reach) is tried again by the next plan: webpack forgets a chunk
    // that failed, so the next import requests it anew.
    planWriter = undefined;
    throw new WriterUnavailableError(error);
  });
  return planWriter;
}

/** Fetches the port's writing half ahead of the first plan; a failure is left for that plan to meet. */
export function preloadPlanWriter(): void {
  loadPlanWriter().catch(() => undefined);
}

/**
 * The WorkbookPort of the add-in: one Excel.RequestContext, a fixed number of syncs per call (see the comment at
 * the top of this file), marks as our own conditional formats, and never an unprotected sheet.
 */
export class ExcelWorkbookPort implements WorkbookPort {
  private readonly grids = new Map<string, SheetGrid>();
  /** Ids of our marks on each sheet read in this run. */
  private readonly marks = new Map<string, string[]>();
  /** Staging sheets the last listing found: left by a failure, deleted by the next plan that builds a sheet. */
  private staleStaging: string[] = [];
  /** The used range's last row and column (1-based) of each sheet, as the last listing found them. */
  private readonly usedEnd = new Map<string, { rows: number; columns: number }>();
  /**
   * Sheets whose rules Excel failed to read: our marks on them cannot be told from a person's formats, so no mark
   * step deletes or adds any there (the findings are still answered). One extra request found this out.
   */
  private readonly unreadableRules = new Set<string>();
  private traceCount = 0;
  /** Cells of each sheet's used range, as the last listing found them: what reading it will answer. */
  private readonly usedCells = new Map<string, number>();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: ExcelPortOptions = {},
  ) {}

  /** Every sheet with F1, in one sync (see the comment at the top of this file); the active one read when asked. */
  async listSheets(options: ListOptions = {}): Promise<readonly SheetInfo[]> {
    return this.listSheetsOnce(options, true);
  }

  private async listSheetsOnce(options: ListOptions, rules: boolean): Promise<readonly SheetInfo[]> {
    const worksheets = this.context.workbook.worksheets;
    worksheets.load("items/id,items/name,items/visibility");
    const active = worksheets.getActiveWorksheet().load("name");
    const activeRead = options.readActive ? this.queueRead(active, rules) : undefined;
    const walk: SheetKey[] = [];
    const known = this.options.sheetCount;
    const length = known ? known + WALK_SPARE : WALK_LENGTH;
    let sheet = worksheets.getFirst();
    for (let step = 0; step < length; step++) {
      walk.push(this.queueKey(sheet));
      sheet = sheet.getNextOrNullObject();
    }
    try {
      await this.context.sync();
    } catch (error) {
      // The listing writes nothing: when the active sheet's rules failed it, list again without them.
      if (activeRead && rulesFailedIn(error, [activeRead]).length) return this.listSheetsOnce(options, false);
      throw error;
    }
    const sheets = worksheets.items;
    const keys = new Map(walk.filter((key) => !key.sheet.isNullObject).map((key) => [key.sheet.name, key]));
    const beyond = sheets.filter((item) => !keys.has(item.name));
    if (beyond.length) {
      // More sheets than the walk reached: the collection's proxies now exist, so one sync reads the rest.
      const rest = beyond.map((item) => this.queueKey(item));
      await this.context.sync();
      rest.forEach((key, index) => keys.set(beyond[index]!.name, key));
    }
    this.grids.clear();
    this.marks.clear();
    this.unreadableRules.clear();
    this.usedCells.clear();
    this.usedEnd.clear();
    for (const [name, key] of keys) {
      this.usedCells.set(name, key.used.isNullObject ? 0 : cellsOf(key.used.address));
      if (!key.used.isNullObject) this.usedEnd.set(name, endOf(key.used.address));
    }
    if (activeRead) this.keep(active.name, activeRead);
    const listed = sheets.filter((item) => !isStagingName(item.name));
    this.staleStaging = sheets.filter((item) => isStagingName(item.name)).map((item) => item.name);
    this.options.onSheetIds?.(new Map(listed.map((item) => [item.id, item.name])));
    return listed.map((item) => {
      const key = keys.get(item.name)!;
      const keyHeader = keyHeaderOf(key.keyCell.values[0]?.[0]);
      return {
        name: item.name,
        visible: item.visibility === "Visible",
        visibility: SHEET_VISIBILITY[item.visibility],
        ...(keyHeader ? { keyHeader } : {}),
        ...(item.name === active.name ? { active: true } : {}),
        ...(key.used.isNullObject ? { empty: true } : {}),
      };
    });
  }

  /**
   * The used range of each named sheet from A1, in the order asked: one sync for as many sheets as answer within
   * READ_BUDGET_BYTES (50 template sheets in one), none for sheets this run has just read.
   */
  async readSheets(names: readonly string[]): Promise<readonly SheetGrid[]> {
    const missing = [...new Set(names.filter((name) => !this.grids.has(name)))];
    const groups = this.readGroups(missing);
    while (groups.length) {
      const group = groups.shift()!;
      let reads: SheetRead[];
      try {
        reads = await this.syncReads(group);
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if (code !== "ResponsePayloadSizeLimitExceeded") throw error;
        if (group.length < 2) {
          await this.readInBands(group[0]!);
          continue;
        }
        const half = Math.ceil(group.length / 2);
        groups.unshift(group.slice(0, half), group.slice(half));
        continue;
      }
      reads.forEach((read, index) => this.keep(group[index]!, read));
    }
    return names.map((name) => this.grids.get(name)!);
  }

  /** Sheets in order, grouped so that each group's read answers within READ_BUDGET_BYTES by estimate. */
  private readGroups(names: readonly string[]): string[][] {
    const groups: string[][] = [];
    let bytes = Infinity;
    for (const name of names) {
      const estimate = (this.usedCells.get(name) ?? TEMPLATE_CELLS) * READ_BYTES_PER_CELL;
      if (bytes + estimate > READ_BUDGET_BYTES) {
        groups.push([]);
        bytes = 0;
      }
      groups[groups.length - 1]!.push(name);
      bytes += estimate;
    }
    return groups;
  }

  /**
   * Applies a plan in one sync, or in request-sized batches when it is larger: every step queued in order, each
   * followed by a trace so that a failure tells how many steps stand (PartialPlanError); then the plan's readAfter
   * sheets, read in the last sync (./plan-writer.ts). The writer is a chunk of its own, fetched once the pane has
   * shown its first verdict (createExcelHost): awaiting it here queues nothing and sends nothing.
   */
  async apply(plan: Plan): Promise<void> {
    if (!plan.steps.length && !plan.readAfter?.length) return;
    const { PlanWriter } = await loadPlanWriter();
    return new PlanWriter(this.writerState()).apply(plan);
  }

  /** What a plan's writer reads and changes of this port. */
  private writerState(): PortState {
    // The state's staleStaging stands for this port's own: the writer deletes what the listing found.
    const stale = {
      read: () => this.staleStaging,
      write: (names: string[]) => void (this.staleStaging = names),
    };
    return {
      context: this.context,
      options: this.options,
      grids: this.grids,
      marks: this.marks,
      unreadableRules: this.unreadableRules,
      usedEnd: this.usedEnd,
      get staleStaging() {
        return stale.read();
      },
      set staleStaging(names: string[]) {
        stale.write(names);
      },
      rulesQueryTag: () => this.rulesQueryTag(),
      queueReads: (names) => this.queueReads(names),
      syncReads: (names, withoutRules) => this.syncReads(names, withoutRules),
      keep: (name, read) => this.keep(name, read),
    };
  }

  private queueKey(sheet: Excel.Worksheet): SheetKey {
    sheet.load("name");
    const keyCell = sheet.getRange(KEY_CELL).load("values");
    const used = sheet.getUsedRangeOrNullObject(true).load("address");
    return { sheet, keyCell, used };
  }

  private queueRead(sheet: Excel.Worksheet, rules = true): SheetRead {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(USED_RANGE_PROPERTIES);
    const formats = sheet.getRange().conditionalFormats;
    if (!rules) {
      formats.load(FORMAT_PROPERTIES_WITHOUT_RULES);
      return { used, formats, rules };
    }
    const tag = this.rulesQueryTag();
    formats.load(FORMAT_PROPERTIES);
    this.context.trace(`${tag}>`);
    return { used, formats, rules, tag };
  }

  /** Opens the traces around a rules query: queued just before it. */
  private rulesQueryTag(): string {
    const tag = `rules-${++this.traceCount}`;
    this.context.trace(`${tag}<`);
    return tag;
  }

  private queueReads(
    names: readonly string[],
    withoutRules: ReadonlySet<string> = this.unreadableRules,
  ): SheetRead[] {
    const sheets = this.context.workbook.worksheets;
    return names.map((name) => this.queueRead(sheets.getItem(name), !withoutRules.has(name)));
  }

  /**
   * Reads sheets in one sync; when Excel fails to read a sheet's rules (office-js reports it once a person
   * duplicates a rule), reads again with that sheet's formats read without them: one more sync per such sheet.
   */
  private async syncReads(
    names: readonly string[],
    withoutRules: ReadonlySet<string> = this.unreadableRules,
  ): Promise<SheetRead[]> {
    const skip = new Set(withoutRules);
    for (;;) {
      const reads = this.queueReads(names, skip);
      try {
        await this.context.sync();
        return reads;
      } catch (error) {
        const failed = rulesFailedIn(error, reads);
        if (!failed.length) throw error;
        for (const read of failed) skip.add(names[reads.indexOf(read)]!);
      }
    }
  }

  private keep(name: string, read: SheetRead): void {
    const block: LoadedBlock | undefined = read.used.isNullObject
      ? undefined
      : {
          rowIndex: read.used.rowIndex,
          columnIndex: read.used.columnIndex,
          values: read.used.values,
          valueTypes: read.used.valueTypes,
          formulas: read.used.formulas,
          numberFormat: read.used.numberFormat,
        };
    this.keepBlock(name, block, read.formats, read.rules);
  }

  private keepBlock(
    name: string,
    block: LoadedBlock | undefined,
    formats: Excel.ConditionalFormatCollection,
    rules: boolean,
  ): void {
    this.grids.set(name, gridOf(name, block));
    if (!rules) {
      this.unreadableRules.add(name);
      this.marks.delete(name);
      return;
    }
    this.unreadableRules.delete(name);
    this.marks.set(
      name,
      formats.items.filter(isOurMark).map((format) => format.id),
    );
  }

  /**
   * One sheet whose read answers over Excel's limit on its own (notes of thousands of words): its used range's
   * address and its conditional formats in one sync, then its cells from A1 in bands of rows, each band halved until
   * it answers; one sync per band, a bounded loop over the sheet's halvings.
   */
  private async readInBands(name: string): Promise<void> {
    const sheets = this.context.workbook.worksheets;
    let rules = !this.unreadableRules.has(name);
    let outline: { used: Excel.Range; formats: Excel.ConditionalFormatCollection } | undefined;
    while (!outline) {
      const sheet = sheets.getItem(name);
      const used = sheet.getUsedRangeOrNullObject(true).load("address");
      const formats = sheet.getRange().conditionalFormats;
      const tag = rules ? this.rulesQueryTag() : undefined;
      formats.load(rules ? FORMAT_PROPERTIES : FORMAT_PROPERTIES_WITHOUT_RULES);
      if (tag) this.context.trace(`${tag}>`);
      try {
        await this.context.sync();
        outline = { used, formats };
      } catch (error) {
        if (!tag || !rulesFailedIn(error, [{ tag }]).length) throw error;
        rules = false;
      }
    }
    if (outline.used.isNullObject) return this.keepBlock(name, undefined, outline.formats, rules);
    const end = endOf(outline.used.address);
    const last = columnLetter(end.columns - 1);
    const middle = Math.floor((1 + end.rows) / 2);
    // The whole sheet answered too much: its halves first.
    const bands: [number, number][] =
      end.rows > 1
        ? [
            [1, middle],
            [middle + 1, end.rows],
          ]
        : [[1, 1]];
    const block = {
      values: [] as unknown[][],
      valueTypes: [] as string[][],
      formulas: [] as unknown[][],
      numberFormat: [] as unknown[][],
    };
    while (bands.length) {
      const [top, bottom] = bands.shift()!;
      const range = sheets
        .getItem(name)
        .getRange(`A${top}:${last}${bottom}`)
        .load("values,valueTypes,formulas,numberFormat");
      try {
        await this.context.sync();
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if (code !== "ResponsePayloadSizeLimitExceeded" || top === bottom) throw error;
        const half = Math.floor((top + bottom) / 2);
        bands.unshift([top, half], [half + 1, bottom]);
        continue;
      }
      block.values.push(...range.values);
      block.valueTypes.push(...(range.valueTypes as string[][]));
      block.formulas.push(...range.formulas);
      block.numberFormat.push(...range.numberFormat);
    }
    this.keepBlock(name, { rowIndex: 0, columnIndex: 0, ...block }, outline.formats, rules);
  }
}
