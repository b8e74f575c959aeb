/// <reference types="office-js" />
import type { CellScalar, SheetGrid } from "../domain/cell";
import { columnLetter } from "../domain/cell";
import type { Bilingual } from "../domain/catalogue";
import type { Severity } from "../domain/values";
import type {
  CellStyle,
  CellValidation,
  CellWrite,
  Mark,
  Plan,
  PlanStep,
  SheetSpec,
  SheetVisibility,
  SpecCell,
} from "../workflows/port";
import { PartialPlanError } from "../workflows/port";
import { columnWidthPoints, excelInput, parseCell } from "./cells";
import { OfficeHostError, SheetWriteError, explainOfficeError } from "./errors";
import type { ExcelPortOptions, SheetRead } from "./excel-port";
import {
  FORMAT_PROPERTIES,
  KEY_CELL,
  MARK_COLOURS,
  STAGING_PREFIX,
  dominantRunStyle,
  isOurMark,
  markFormula,
  rulesFailedIn,
  tracesOf,
} from "./excel-port";

// The writing half of the WorkbookPort over Office.js (ExcelWorkbookPort.apply): its own chunk, which the pane loads
// after the open sheet's first verdict, since describing that sheet only reads (issue 16). Requests, atomic sheets
// and marks are as the comment at the top of ./excel-port.ts says; this module holds no state of its own between
// plans: a PlanWriter lives for one apply, over what the port knows of the sheets (PortState).

/** A write that must not stand over a value someone typed: the range, and what it held just before. */
interface GuardedWrite {
  readonly range: Excel.Range;
  readonly before: Excel.Range;
}

// As reads answer within READ_BUDGET_BYTES (./excel-port.ts), requests are held under 4 MB: a plan's work is queued in
// units (a cell, a band of rows' formats, a sheet's set-up), each with an estimate of what it adds to the request, and
// the batch is sent before a unit that would take it past WRITE_BUDGET_BYTES. Measured through the library: a cell
// written through its own range costs about 500 bytes of object paths and actions besides its content (counted in UTF-8
// bytes). Such a range is released (untrack) in the batch that writes it: Excel.run would otherwise release every one
// in a last request of its own, 3.6 MB for a 1,000-unit summary.
const WRITE_BUDGET_BYTES = 3 * 2 ** 20;
const BYTES_PER_CELL_ACTION = 600;
/**
 * Cells of one 2-D write: the library splits a larger array into ranges of its own, each after a
 * Range._ValidateArraySize call (excel-web-16.00.js, over 1,500 cells); bands this size are sent as they are.
 */
const ARRAY_CHUNK_CELLS = 1500;
/** Rows of a sheet's cell formats set in one setCellProperties: a unit small enough to budget. */
const PROPERTY_BAND_ROWS = 50;

const UTF8 = new TextEncoder();

function contentBytes(value: unknown): number {
  return value === undefined ? 0 : UTF8.encode(JSON.stringify(value)).length;
}

/** The port's visibility as Excel names it (Worksheet.visibility: read from ExcelApi 1.1, set from 1.2). */
const EXCEL_VISIBILITY = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
} as const satisfies Record<SheetVisibility, `${Excel.SheetVisibility}`>;

/**
 * The error of a sync that ran part of a plan: the traces queued after each step that ran say how many steps stand
 * (Excel rolls nothing back). Nothing stood: the error as it was, so that the host still retries a cell-edit refusal.
 */
function partialPlanError(error: unknown, stoodBefore = 0): unknown {
  // A step's trace is its number; the rules queries' traces are not counted.
  const applied =
    stoodBefore + tracesOf(error).filter((trace) => typeof trace === "string" && /^\d+$/.test(trace)).length;
  return applied > 0 ? new PartialPlanError(applied, explainOfficeError(error)) : error;
}

/** A run of value writes down one column, in consecutive rows: one range and one action instead of one per cell. */
function columnRuns(cells: readonly CellWrite[]): CellWrite[][] {
  const runs: CellWrite[][] = [];
  const plain = (write: CellWrite) =>
    write.value !== undefined &&
    write.formula === undefined &&
    write.numberFormat === undefined &&
    write.onlyIfEmpty !== true;
  for (const write of cells) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && plain(write) && plain(last)) {
      const a = parseCell(last.address);
      const b = parseCell(write.address);
      if (a.column === b.column && b.row === a.row + 1) {
        run.push(write);
        continue;
      }
    }
    runs.push([write]);
  }
  return runs;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const THIN: Excel.CellBorder = { style: "Continuous", weight: "Thin" };

function cellProperties(
  spec: SheetSpec,
  cell: SpecCell | undefined,
  richText: boolean,
): Excel.SettableCellProperties {
  if (!cell) return {};
  const style: CellStyle = cell.style ?? {};
  const runs = cell.richText;
  const fallback = runs && !richText ? dominantRunStyle(runs) : undefined;
  const font: Excel.CellPropertiesFont = {
    name: spec.font.name,
    size: style.size ?? spec.font.size,
    bold: Boolean(style.bold || fallback?.bold),
    italic: Boolean(style.italic || fallback?.italic),
    ...(style.color ? { color: style.color } : {}),
  };
  const format: Excel.CellPropertiesFormat = {
    font,
    protection: { locked: cell.locked !== false },
    ...(style.horizontal ? { horizontalAlignment: HORIZONTAL[style.horizontal] } : {}),
    ...(style.vertical ? { verticalAlignment: VERTICAL[style.vertical] } : {}),
    ...(style.wrap ? { wrapText: true } : {}),
    ...(style.border ? { borders: { top: THIN, bottom: THIN, left: THIN, right: THIN } } : {}),
    ...(style.fill ? { fill: { color: style.fill } } : {}),
  };
  const textRuns =
    runs && richText
      ? runs.map((run) => ({
          text: run.text,
          // A run carries its own emphasis, as the CLI writes it (src/cli/xlsx/template.ts).
          font: { ...font, bold: Boolean(run.bold), italic: Boolean(run.italic) },
        }))
      : undefined;
  return { format, ...(textRuns ? { textRuns } : {}) };
}

function validationRule(validation: CellValidation): Excel.DataValidationRule {
  if (validation.type === "list") {
    const list = validation.list ?? "";
    // A range source keeps its "="; literal values are a comma-separated list without quotes.
    return {
      list: { inCellDropDown: true, source: list.startsWith("=") ? list : list.replace(/^"|"$/g, "") },
    };
  }
  const { min, max } = validation;
  const basic: Excel.BasicDataValidation =
    min !== undefined && max !== undefined
      ? { operator: "Between", formula1: min, formula2: max }
      : min !== undefined
        ? { operator: "GreaterThanOrEqualTo", formula1: min }
        : { operator: "LessThanOrEqualTo", formula1: max ?? 0 };
  return validation.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

/** Cells down one column, in consecutive rows, with the same data validation: "D7:D20" and its rule. */
function validationRuns(cells: readonly SpecCell[]): { address: string; validation: CellValidation }[] {
  const runs: {
    first: string;
    last: string;
    column: number;
    row: number;
    key: string;
    validation: CellValidation;
  }[] = [];
  const ordered = cells
    .filter((cell): cell is SpecCell & { validation: CellValidation } => cell.validation !== undefined)
    .map((cell) => ({ cell, at: parseCell(cell.address) }))
    .sort((a, b) => a.at.column - b.at.column || a.at.row - b.at.row);
  for (const { cell, at } of ordered) {
    const key = JSON.stringify(cell.validation);
    const run = runs[runs.length - 1];
    if (run && run.column === at.column && run.row + 1 === at.row && run.key === key) {
      run.last = cell.address;
      run.row = at.row;
      continue;
    }
    runs.push({
      first: cell.address,
      last: cell.address,
      column: at.column,
      row: at.row,
      key,
      validation: cell.validation,
    });
  }
  return runs.map((run) => ({
    address: run.first === run.last ? run.first : `${run.first}:${run.last}`,
    validation: run.validation,
  }));
}

function boundingBox(cells: readonly SpecCell[]): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (const cell of cells) {
    const { row, column } = parseCell(cell.address);
    rows = Math.max(rows, row + 1);
    columns = Math.max(columns, column + 1);
  }
  return { rows, columns };
}

function stagingName(): string {
  return `${STAGING_PREFIX}${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** An addSheet step of the plan being applied, and how far it got (each stage confirmed by its trace). */
interface StagedSheet {
  readonly step: number;
  readonly spec: SheetSpec;
  readonly staging: string;
  readonly replace: boolean;
  /** The spec's key cell, written only when the sheet is complete. */
  readonly key?: SpecCell;
  /** The staging sheet exists. */
  staged: boolean;
  /** The sheet re-installed in place was unprotected for the paste. */
  unprotected: boolean;
  /** The staging sheet's cells were pasted over the re-installed sheet's. */
  copied: boolean;
  /** The re-installed sheet was protected again. */
  protected: boolean;
  /** The sheet stands complete under its name, and no staging sheet of it is left. */
  committed: boolean;
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `“${name}”`).join(", ");
}

/**
 * What a failure left of the plan's sheets, for the user: which sheets to delete (new ones written when others of
 * the same set were not), which still hold their earlier content, which hidden working sheets remain, or that
 * nothing changed.
 */
function aftermath(
  sheets: readonly StagedSheet[],
  stagingLeft: readonly string[],
  unprotectedLeft: readonly string[],
  anyStepStood: boolean,
): { text: Bilingual; toDelete: string[] } {
  const complete = sheets.every((sheet) => sheet.committed);
  const toDelete = complete
    ? []
    : sheets.filter((sheet) => !sheet.replace && sheet.committed).map((sheet) => sheet.spec.name);
  const rewritten = sheets.filter((sheet) => sheet.replace && sheet.copied).map((sheet) => sheet.spec.name);
  const unchanged = sheets.filter((sheet) => sheet.replace && !sheet.copied).map((sheet) => sheet.spec.name);
  const vi: string[] = [];
  const en: string[] = [];
  if (toDelete.length) {
    vi.push(
      `Đã ghi trang ${quoted(toDelete)} nhưng chưa ghi xong các trang còn lại: hãy xóa trang đó rồi làm lại.`,
    );
    en.push(`Sheet ${quoted(toDelete)} was written but the others were not: delete it, then try again.`);
  }
  if (rewritten.length && unchanged.length) {
    vi.push(
      `Trang ${quoted(rewritten)} đã được ghi lại, trang ${quoted(unchanged)} vẫn giữ nội dung cũ: hãy làm lại.`,
    );
    en.push(
      `Sheet ${quoted(rewritten)} was rewritten, ${quoted(unchanged)} still holds the earlier content: try again.`,
    );
  }
  if (unprotectedLeft.length) {
    vi.push(
      `Trang ${quoted(unprotectedLeft)} đang không được bảo vệ: hãy cài lại, hoặc bảo vệ trang (Xem lại > Bảo vệ trang tính).`,
    );
    en.push(
      `Sheet ${quoted(unprotectedLeft)} is left unprotected: install again, or protect it (Review > Protect Sheet).`,
    );
  }
  if (stagingLeft.length) {
    vi.push(
      `Còn lại trang tạm ẩn ${quoted(stagingLeft)}: đó không phải phụ lục, phần bổ trợ bỏ qua nó và lần cài đặt sau sẽ tự xóa.`,
    );
    en.push(
      `A hidden working sheet ${quoted(stagingLeft)} is left: it is not an appendix, the add-in ignores it, and the next install removes it.`,
    );
  }
  if (!vi.length && !anyStepStood && !rewritten.length && !sheets.some((sheet) => sheet.committed)) {
    vi.push("Không trang tính nào bị thay đổi: có thể làm lại.");
    en.push("No sheet was changed: you can try again.");
  }
  return { text: { vi: vi.join(" "), en: en.join(" ") }, toDelete };
}

/** Protects a sheet without a password, formatting allowed as the spec says (never a password: DESIGN.md section 3). */
function queueProtect(
  protection: Excel.WorksheetProtection,
  options: { readonly allowFormatting: boolean },
): void {
  const formatting = options.allowFormatting;
  protection.protect({
    allowFormatCells: formatting,
    allowFormatColumns: formatting,
    allowFormatRows: formatting,
  });
}

/** An error's message in Vietnamese and English: its own where it has them, else its text in both. */
function bilingualOf(error: unknown): Bilingual {
  const bilingual = (error as { bilingual?: { vi?: unknown; en?: unknown } } | null)?.bilingual;
  if (typeof bilingual?.vi === "string" && typeof bilingual.en === "string")
    return { vi: bilingual.vi, en: bilingual.en };
  const text = error instanceof Error ? error.message : String(error);
  return { vi: text, en: text };
}

/** What a plan's writer shares with the port it writes for: the run's context, what the port knows of the sheets. */
export interface PortState {
  readonly context: Excel.RequestContext;
  readonly options: ExcelPortOptions;
  readonly grids: Map<string, SheetGrid>;
  readonly marks: Map<string, string[]>;
  readonly unreadableRules: Set<string>;
  readonly usedEnd: ReadonlyMap<string, { rows: number; columns: number }>;
  /** Staging sheets the last listing found (see ExcelWorkbookPort.staleStaging). */
  staleStaging: string[];
  rulesQueryTag(): string;
  queueReads(names: readonly string[]): SheetRead[];
  syncReads(names: readonly string[], withoutRules?: ReadonlySet<string>): Promise<SheetRead[]>;
  keep(name: string, read: SheetRead): void;
}

/** One plan applied (ExcelWorkbookPort.apply): its batches, its staging sheets and what a failure left. */
export class PlanWriter {
  private readonly context: Excel.RequestContext;
  private readonly options: ExcelPortOptions;
  private readonly grids: Map<string, SheetGrid>;
  private readonly marks: Map<string, string[]>;
  private readonly unreadableRules: Set<string>;
  private readonly usedEnd: ReadonlyMap<string, { rows: number; columns: number }>;
  /** The addSheet steps of the plan being applied. */
  private staged: StagedSheet[] = [];
  /** Built and waiting for their commit, which the plan's sheets share in one request. */
  private toCommit: StagedSheet[] = [];
  /** Stages queued in the batch being built, confirmed when it succeeds or when the failed one's traces name them. */
  private pendingStages: { readonly tag: string; readonly confirm: () => void }[] = [];
  /** What the batch being queued is estimated to send (see WRITE_BUDGET_BYTES). */
  private pendingBytes = 0;
  /** Steps of the plan being applied that stood in batches already sent. */
  private stepsSent = 0;
  private stepsQueued = 0;

  constructor(private readonly port: PortState) {
    this.context = port.context;
    this.options = port.options;
    this.grids = port.grids;
    this.marks = port.marks;
    this.unreadableRules = port.unreadableRules;
    this.usedEnd = port.usedEnd;
  }

  private get staleStaging(): string[] {
    return this.port.staleStaging;
  }

  private set staleStaging(names: string[]) {
    this.port.staleStaging = names;
  }

  private rulesQueryTag(): string {
    return this.port.rulesQueryTag();
  }

  private queueReads(names: readonly string[]): SheetRead[] {
    return this.port.queueReads(names);
  }

  private syncReads(names: readonly string[], withoutRules?: ReadonlySet<string>): Promise<SheetRead[]> {
    return this.port.syncReads(names, withoutRules);
  }

  private keep(name: string, read: SheetRead): void {
    this.port.keep(name, read);
  }

  /**
   * Applies a plan in one sync, or in request-sized batches when it is larger (see spend): every step queued in
   * order, each followed by a trace so that a failure tells how many steps stand (PartialPlanError); then the plan's
   * readAfter sheets, read in the last sync.
   */
  async apply(plan: Plan): Promise<void> {
    const after = [...new Set(plan.readAfter ?? [])];
    if (!plan.steps.length && !after.length) return;
    await this.learnMarksOf(plan.steps);
    const guarded: GuardedWrite[] = [];
    this.pendingBytes = 0;
    this.stepsSent = 0;
    this.stepsQueued = 0;
    this.staged = [];
    this.toCommit = [];
    this.pendingStages = [];
    try {
      await this.queueSteps(plan.steps, guarded);
    } catch (error) {
      this.forget(plan.steps, true);
      throw await this.afterFailure(error);
    }
    let reads = this.queueReads(after);
    try {
      await this.syncBatch();
    } catch (error) {
      const failure = partialPlanError(error, this.stepsSent);
      const stood = failure instanceof PartialPlanError ? failure.applied : 0;
      const failed = rulesFailedIn(error, reads);
      // Every step stood and only the reading back failed on a sheet's rules: read back again without them.
      if (!(stood === plan.steps.length && failed.length)) {
        this.forget(plan.steps, true);
        throw await this.afterFailure(error);
      }
      this.forget(plan.steps, false);
      reads = await this.syncReads(after, new Set(failed.map((read) => after[reads.indexOf(read)]!)));
    }
    this.forget(plan.steps, false);
    const again = await this.restoreTypedOver(guarded, after);
    (again ?? reads).forEach((read, index) => this.keep(after[index]!, read));
  }

  /** Sends the batch of a plan, confirming the stages whose traces ran (all of them when it succeeds). */
  private async syncBatch(): Promise<void> {
    try {
      await this.context.sync();
    } catch (error) {
      const traces = new Set(tracesOf(error));
      for (const stage of this.pendingStages) if (traces.has(stage.tag)) stage.confirm();
      this.pendingStages = [];
      throw error;
    }
    for (const stage of this.pendingStages) stage.confirm();
    this.pendingStages = [];
  }

  /** Marks a stage of an addSheet step with a trace, so that a failed request tells whether it was reached. */
  private stage(tag: string, confirm: () => void): void {
    this.context.trace(tag);
    this.pendingStages.push({ tag, confirm });
  }

  /**
   * The error to throw for a failed plan. When the plan built sheets, one more request deletes its staging sheets
   * and protects again a sheet it had unprotected, and the error says what is left to do (SheetWriteError). A
   * request Excel refused whole while a cell is edited built nothing: its error goes as it is, for the host's retry.
   */
  private async afterFailure(error: unknown): Promise<unknown> {
    const failure = partialPlanError(error, this.stepsSent);
    const open = this.staged.filter((sheet) => !sheet.committed);
    if (!open.length) return failure;
    const code = (error as { code?: unknown } | null)?.code;
    if (!this.staged.some((sheet) => sheet.staged) && code === "InvalidOperationInCellEditMode")
      return failure;
    const sheets = this.context.workbook.worksheets;
    const unprotected = open.filter(
      (sheet) => sheet.unprotected && !sheet.protected && sheet.spec.protection,
    );
    for (const sheet of unprotected) {
      const protection = sheets.getItem(sheet.spec.name).protection;
      // Unprotected first: a failure right after protecting is not told apart from one just before it.
      protection.unprotect();
      queueProtect(protection, sheet.spec.protection!);
    }
    for (const sheet of open) sheets.getItemOrNullObject(sheet.staging).delete();
    let stagingLeft: string[] = [];
    let unprotectedLeft: string[] = [];
    try {
      await this.context.sync();
      this.staleStaging = this.staleStaging.filter((name) => !open.some((sheet) => sheet.staging === name));
    } catch {
      stagingLeft = open.filter((sheet) => sheet.staged).map((sheet) => sheet.staging);
      unprotectedLeft = unprotected.map((sheet) => sheet.spec.name);
      this.staleStaging = [...new Set([...this.staleStaging, ...stagingLeft])];
    }
    const stood = failure instanceof PartialPlanError ? failure.applied : 0;
    const { text, toDelete } = aftermath(this.staged, stagingLeft, unprotectedLeft, stood > 0);
    const reason = explainOfficeError(failure instanceof PartialPlanError ? failure.reason : failure);
    const told = bilingualOf(reason);
    const explained = new SheetWriteError(
      reason instanceof OfficeHostError ? reason.code : "GeneralException",
      reason instanceof OfficeHostError
        ? reason.detail
        : reason instanceof Error
          ? reason.message
          : undefined,
      text.vi ? { vi: `${told.vi} ${text.vi}`, en: `${told.en} ${text.en}` } : told,
      toDelete,
      stagingLeft,
    );
    return stood > 0 ? new PartialPlanError(stood, explained) : explained;
  }

  /**
   * Makes room in the batch for a unit of work estimated at `bytes`: when it would take the request past
   * WRITE_BUDGET_BYTES, sends what is queued first. A bounded loop over request-sized chunks, never a sync per cell.
   */
  private async spend(bytes: number): Promise<void> {
    if (this.pendingBytes > 0 && this.pendingBytes + bytes > WRITE_BUDGET_BYTES) {
      const queued = this.stepsQueued;
      await this.syncBatch();
      this.stepsSent = queued;
      this.pendingBytes = 0;
    }
    this.pendingBytes += bytes;
  }

  private async queueSteps(steps: readonly PlanStep[], guarded: GuardedWrite[]): Promise<void> {
    for (const [index, step] of steps.entries()) {
      if (step.kind === "addSheet") {
        // Its trace follows its commit, which the plan's sheets share (queueCommits).
        await this.queueStaging(index, step.spec, step.values ?? [], step.replace === true);
        continue;
      }
      await this.queueCommits();
      switch (step.kind) {
        case "write":
          await this.queueWrites(this.context.workbook.worksheets.getItem(step.sheet), step.cells, guarded);
          break;
        case "mark":
          this.queueMarks(step.sheet, step.marks);
          break;
        case "select": {
          const sheet = this.context.workbook.worksheets.getItem(step.sheet);
          sheet.activate();
          sheet.getRange(step.address).select();
          break;
        }
      }
      this.context.trace(String(index + 1));
      this.stepsQueued = index + 1;
    }
    await this.queueCommits();
  }

  /**
   * What a plan made stale: the grids of the sheets it wrote and the ids of the marks it replaced (ids read back
   * right after each add() are positions that later adds shifted: a later mark step learns them again).
   */
  private forget(steps: readonly PlanStep[], failed: boolean): void {
    for (const step of steps) {
      if (step.kind === "mark") this.marks.delete(step.sheet);
      if (step.kind === "write") this.grids.delete(step.sheet);
      if (step.kind === "addSheet") {
        const name = step.spec.name;
        this.grids.delete(name);
        // A sheet this plan made has no marks but those the plan put on it; after a failure nothing is known.
        const marked = steps.some((other) => other.kind === "mark" && other.sheet === name);
        if (failed || marked) this.marks.delete(name);
        else this.marks.set(name, []);
      }
    }
  }

  /** The ids of our marks on sheets a mark step replaces them on, when this run has not read those sheets yet. */
  private async learnMarksOf(steps: readonly PlanStep[]): Promise<void> {
    const added = new Set(steps.flatMap((step) => (step.kind === "addSheet" ? [step.spec.name] : [])));
    const unknown = [
      ...new Set(
        steps.flatMap((step) =>
          step.kind === "mark" &&
          !this.marks.has(step.sheet) &&
          !added.has(step.sheet) &&
          !this.unreadableRules.has(step.sheet)
            ? [step.sheet]
            : [],
        ),
      ),
    ];
    if (!unknown.length) return;
    const sheets = this.context.workbook.worksheets;
    const reads = unknown.map((name) => {
      const formats = sheets.getItem(name).getRange().conditionalFormats;
      const tag = this.rulesQueryTag();
      formats.load(FORMAT_PROPERTIES);
      this.context.trace(`${tag}>`);
      return { name, formats, tag };
    });
    try {
      await this.context.sync();
    } catch (error) {
      const failed = rulesFailedIn(error, reads);
      if (!failed.length) throw error;
      // The sheets whose rules failed are left as they are; the others are learnt again.
      for (const read of failed) this.unreadableRules.add(read.name);
      return this.learnMarksOf(steps);
    }
    for (const read of reads)
      this.marks.set(
        read.name,
        read.formats.items.filter(isOurMark).map((f) => f.id),
      );
  }

  private queueMarks(name: string, marks: readonly Mark[]): void {
    if (this.unreadableRules.has(name)) return;
    const sheet = this.context.workbook.worksheets.getItem(name);
    const formats = sheet.getRange().conditionalFormats;
    // Excel documents a format's id as its priority in the collection: deleting one shifts the ids after it, so
    // the highest go first. Where ids are stable instead, the order does not matter.
    const ids = [...(this.marks.get(name) ?? [])].sort((a, b) => Number(b) - Number(a));
    for (const id of ids) formats.getItem(id).delete();
    const bySeverity = new Map<Severity, string[]>();
    for (const mark of marks)
      bySeverity.set(mark.severity, [...(bySeverity.get(mark.severity) ?? []), mark.address]);
    for (const [severity, addresses] of bySeverity) {
      // One format per severity over all its cells (RangeAreas, ExcelApi 1.9): a short list in Manage Rules.
      const format = sheet.getRanges(addresses.join(",")).conditionalFormats.add("Custom");
      format.custom.rule.formula = markFormula(severity);
      format.custom.format.fill.color = MARK_COLOURS[severity].fill;
      format.custom.format.font.color = MARK_COLOURS[severity].font;
    }
  }

  /**
   * Office.js cannot write a cell only if it is still empty, and a co-author may type into a cell between our read
   * and our write. A guarded write reads the cell in the same batch just before writing it; where someone had typed,
   * their value goes back at once, and the sheets the plan reads back are read again after it. That costs one more
   * sync, only when it happens; the reads it made, if any, are returned.
   */
  private async restoreTypedOver(
    guarded: readonly GuardedWrite[],
    after: readonly string[],
  ): Promise<SheetRead[] | undefined> {
    let restored = 0;
    for (const { range, before } of guarded) {
      const formula: unknown = before.formulas[0]?.[0];
      const value: unknown = before.values[0]?.[0];
      if ((formula === "" || formula === undefined || formula === null) && (value === "" || value === null))
        continue;
      range.numberFormat = before.numberFormat;
      if (typeof formula === "string" && formula.startsWith("=")) range.formulas = [[formula]];
      else range.values = [[excelInput(value as CellScalar)]];
      restored++;
    }
    if (!restored) return undefined;
    return this.syncReads(after);
  }

  private async queueWrites(
    sheet: Excel.Worksheet,
    cells: readonly CellWrite[],
    guarded: GuardedWrite[] = [],
  ): Promise<void> {
    for (const run of columnRuns(cells)) {
      await this.spend(
        BYTES_PER_CELL_ACTION +
          run.reduce((sum, write) => sum + contentBytes(write.value) + contentBytes(write.formula), 0),
      );
      if (run.length > 1) {
        // One action for the run: Excel writes all of it or, refusing one cell, none (a stamp's four lines).
        const range = sheet.getRange(`${run[0]!.address}:${run[run.length - 1]!.address}`);
        range.values = run.map((write) => [excelInput(write.value!)]);
        range.untrack();
        continue;
      }
      const write = run[0]!;
      const range = sheet.getRange(write.address);
      // Loaded before the write in the same batch, so it holds what the cell had just before we wrote.
      if (write.onlyIfEmpty) guarded.push({ range, before: range.load("values,formulas,numberFormat") });
      if (write.numberFormat !== undefined) range.numberFormat = [[write.numberFormat]];
      if (write.formula !== undefined) range.formulas = [[write.formula]];
      else if (write.value !== undefined) range.values = [[excelInput(write.value)]];
      if (!write.onlyIfEmpty) range.untrack();
    }
  }

  /**
   * Builds an addSheet step's sheet on a new staging sheet, very hidden, without its key and unprotected (see
   * "Atomic sheets" at the top of this file); the plan's first one also deletes the staging sheets an earlier failure
   * left. A new sheet's frame (widths, heights, print set-up) is set on the staging sheet, which becomes the sheet; a
   * re-installed sheet gets its frame at the commit, since pasting cells carries no widths or heights.
   */
  private async queueStaging(
    step: number,
    spec: SheetSpec,
    values: readonly CellWrite[],
    replace: boolean,
  ): Promise<void> {
    const sheets = this.context.workbook.worksheets;
    const stale = this.staged.length ? [] : this.staleStaging;
    const key = spec.cells.find((cell) => cell.address === KEY_CELL);
    const entry: StagedSheet = {
      step,
      spec,
      staging: stagingName(),
      replace,
      ...(key ? { key } : {}),
      staged: false,
      unprotected: false,
      copied: false,
      protected: false,
      committed: false,
    };
    this.staged.push(entry);
    await this.spend(BYTES_PER_CELL_ACTION * (stale.length + 3));
    if (stale.length) {
      for (const name of stale) sheets.getItemOrNullObject(name).delete();
      this.stage(`stale-${step}`, () => {
        this.staleStaging = this.staleStaging.filter((name) => !stale.includes(name));
      });
    }
    const sheet = sheets.add(entry.staging);
    this.stage(`staged-${step}`, () => (entry.staged = true));
    sheet.visibility = "VeryHidden";
    if (!replace) await this.queueFrame(sheet, spec);
    await this.queueCells(sheet, spec, values);
    this.toCommit.push(entry);
  }

  /**
   * Commits the sheets built so far, together: one request for all of them, so that a summary's sheets stand
   * together or (but for a failure inside that request) not at all.
   */
  private async queueCommits(): Promise<void> {
    if (!this.toCommit.length) return;
    const commits = this.toCommit;
    this.toCommit = [];
    const frameActions = (spec: SheetSpec) =>
      spec.columns.length * 2 + Object.keys(spec.rowHeights).length + 24;
    await this.spend(
      commits.reduce(
        (sum, entry) =>
          sum +
          BYTES_PER_CELL_ACTION * (entry.replace ? frameActions(entry.spec) : 0) +
          8 * BYTES_PER_CELL_ACTION,
        0,
      ),
    );
    for (const entry of commits) {
      this.queueCommit(entry);
      this.context.trace(String(entry.step + 1));
      this.stepsQueued = entry.step + 1;
    }
  }

  /**
   * A complete staging sheet gets its key. A new sheet is then protected, shown and named; the last stage renames
   * it, so that a failure before leaves a staging sheet, never listed, which the cleanup deletes. A re-installed
   * sheet is unprotected, framed, has the staging sheet's cells pasted over its own whole columns (values, formulas,
   * formats, locks, validation, merges: everything a person typed was carried into them), is protected again, and
   * the staging sheet is deleted. The sheet stays the same sheet: references to it from other sheets hold.
   */
  private queueCommit(entry: StagedSheet): void {
    const { spec, step } = entry;
    const sheets = this.context.workbook.worksheets;
    const staging = sheets.getItem(entry.staging);
    const key = entry.key;
    if (key?.value !== undefined) staging.getRange(KEY_CELL).untrack().values = [[excelInput(key.value)]];
    if (!entry.replace) {
      if (spec.protection) queueProtect(staging.protection, spec.protection);
      // The staging sheet is very hidden already: a sheet meant to stay so is never shown, not even for an instant.
      if (spec.visibility !== "veryHidden")
        staging.visibility = EXCEL_VISIBILITY[spec.visibility ?? "visible"];
      staging.name = spec.name;
      this.stage(`committed-${step}`, () => (entry.committed = true));
      return;
    }
    const sheet = sheets.getItem(spec.name);
    sheet.protection.unprotect();
    this.stage(`unprotected-${step}`, () => (entry.unprotected = true));
    this.frame(sheet, spec, true);
    const end = this.usedEnd.get(spec.name);
    const columns = Math.max(spec.columns.length, boundingBox(spec.cells).columns, end?.columns ?? 0, 1);
    const area = `A:${columnLetter(columns - 1)}`;
    sheet.getRange(area).untrack().copyFrom(staging.getRange(area).untrack(), "All", false, false);
    this.stage(`copied-${step}`, () => (entry.copied = true));
    if (spec.protection) queueProtect(sheet.protection, spec.protection);
    this.stage(`protected-${step}`, () => (entry.protected = true));
    staging.delete();
    this.stage(`committed-${step}`, () => (entry.committed = true));
  }

  /** A sheet's frame (see frame), in as many batches as its rows' heights need. */
  private async queueFrame(sheet: Excel.Worksheet, spec: SheetSpec): Promise<void> {
    await this.spend(
      BYTES_PER_CELL_ACTION * (spec.columns.length * 2 + Object.keys(spec.rowHeights).length + 18),
    );
    this.frame(sheet, spec);
  }

  /**
   * A sheet's frame: the columns' font, widths and hiding, row heights, frozen rows, the print set-up. Over a sheet
   * re-installed in place (`over`), columns the spec does not hide are shown again.
   */
  private frame(sheet: Excel.Worksheet, spec: SheetSpec, over = false): void {
    const lastColumn = columnLetter(Math.max(spec.columns.length, 1) - 1);
    const columns = sheet.getRange(`A:${lastColumn}`);
    columns.format.font.name = spec.font.name;
    columns.format.font.size = spec.font.size;
    spec.columns.forEach((column, index) => {
      const letter = columnLetter(index);
      const range = sheet.getRange(`${letter}:${letter}`);
      range.format.columnWidth = columnWidthPoints(column.width);
      if (column.hidden || over) range.columnHidden = Boolean(column.hidden);
    });
    for (const [row, height] of Object.entries(spec.rowHeights))
      sheet.getRange(`${row}:${row}`).untrack().format.rowHeight = height;
    if (spec.frozenRows) sheet.freezePanes.freezeRows(spec.frozenRows);
    if (spec.print) this.queuePageLayout(sheet, spec, spec.print);
  }

  /** A sheet's cells: merges, contents, styles and locks, validation, notes, and the values carried over. */
  private async queueCells(
    sheet: Excel.Worksheet,
    spec: SheetSpec,
    values: readonly CellWrite[],
  ): Promise<void> {
    const richText = this.options.richText === true;
    const box = boundingBox(spec.cells);
    const byAddress = new Map(
      spec.cells.map((cell) => [cell.address.replace(/\$/g, "").toUpperCase(), cell]),
    );
    // Contents and number formats as 2-D blocks, a band of rows at a time: two actions a band, not one a cell. The
    // key is left out: it is written at the commit, a sheet bearing it only once it is complete.
    const bandRows = Math.max(1, Math.min(PROPERTY_BAND_ROWS, Math.floor(ARRAY_CHUNK_CELLS / box.columns)));
    for (let top = 0; top < box.rows; top += bandRows) {
      const rows = Math.min(bandRows, box.rows - top);
      const cellAt = (row: number, column: number) => {
        const address = `${columnLetter(column)}${top + row + 1}`;
        return address === KEY_CELL ? undefined : byAddress.get(address);
      };
      const grid = <T>(pick: (cell: SpecCell | undefined) => T): T[][] =>
        Array.from({ length: rows }, (_, row) =>
          Array.from({ length: box.columns }, (_, column) => pick(cellAt(row, column))),
        );
      const formats = grid((cell) => cell?.numberFormat ?? "General");
      const contents = grid((cell) =>
        cell?.formula !== undefined
          ? cell.formula
          : cell?.richText
            ? excelInput(cell.richText.map((run) => run.text).join(""))
            : cell?.value !== undefined
              ? excelInput(cell.value)
              : "",
      );
      await this.spend(BYTES_PER_CELL_ACTION * 2 + contentBytes(formats) + contentBytes(contents));
      const band = sheet.getRange(`A${top + 1}:${columnLetter(box.columns - 1)}${top + rows}`);
      band.numberFormat = formats;
      band.formulas = contents;
      band.untrack();
    }
    // Merged once the contents stand: only a merge's top-left cell holds anything, which merging keeps.
    await this.spend(BYTES_PER_CELL_ACTION * (spec.merges.length + 1));
    for (const merge of spec.merges) sheet.getRange(merge).merge(false);
    // Excel's data validation over runs of cells down a column that share one rule: one range a run.
    for (const run of validationRuns(spec.cells)) {
      const rule = run.validation;
      await this.spend(BYTES_PER_CELL_ACTION * 5 + contentBytes(rule));
      const validation = sheet.getRange(run.address).dataValidation;
      validation.rule = validationRule(rule);
      validation.ignoreBlanks = true;
      validation.prompt = { showPrompt: true, ...rule.prompt };
      validation.errorAlert = { showAlert: true, style: "Stop", ...rule.error };
    }
    // Every cell's style and lock in one command over the block the spec covers (ExcelApi 1.9).
    if (box.rows && box.columns) {
      for (let top = 0; top < box.rows; top += PROPERTY_BAND_ROWS) {
        const rows = Math.min(PROPERTY_BAND_ROWS, box.rows - top);
        const properties = Array.from({ length: rows }, (_, row) =>
          Array.from({ length: box.columns }, (_, column) =>
            cellProperties(spec, byAddress.get(`${columnLetter(column)}${top + row + 1}`), richText),
          ),
        );
        await this.spend(BYTES_PER_CELL_ACTION + contentBytes(properties));
        sheet
          .getRange(`A${top + 1}:${columnLetter(box.columns - 1)}${top + rows}`)
          .untrack()
          .setCellProperties(properties);
      }
    }
    if (this.options.notes) {
      for (const cell of spec.cells) if (cell.note) sheet.notes.add(cell.address, cell.note);
    }
    await this.queueWrites(sheet, values);
  }

  private queuePageLayout(
    sheet: Excel.Worksheet,
    spec: SheetSpec,
    print: NonNullable<SheetSpec["print"]>,
  ): void {
    const layout = sheet.pageLayout;
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    // A height of 0 pages is "as many as needed", as in the file format's fitToHeight; a wide table that is not
    // fitted to one page across prints at its scale instead. Only a fitted page is centred, as the CLI writes it.
    layout.zoom = print.fitToWidth
      ? { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight }
      : { scale: print.scale ?? 100 };
    layout.centerHorizontally = print.fitToWidth === 1;
    // The margins and footer the CLI writes (src/cli/xlsx/template.ts), so that both print the same page.
    layout.setPrintMargins("Inches", {
      left: 0.7,
      right: 0.5,
      top: 0.6,
      bottom: 0.6,
      header: 0.3,
      footer: 0.3,
    });
    layout.headersFooters.defaultForAllPages.centerFooter = `&"${spec.font.name}"&10Trang &P/&N`;
    layout.setPrintArea(print.area);
    const [top, bottom] = print.titleRows.split(":");
    layout.setPrintTitleRows(`$${top}:$${bottom ?? top}`);
    if (print.titleColumns) {
      const [left, right] = print.titleColumns.split(":");
      layout.setPrintTitleColumns(`$${left}:$${right ?? left}`);
    }
  }
}
