/// <reference types="office-js" />
import type { CellScalar, SheetGrid } from "../domain/cell";
import { columnLetter } from "../domain/cell";
import type { Severity } from "../domain/values";
import type {
  CellStyle,
  CellValidation,
  CellWrite,
  Mark,
  Plan,
  PlanStep,
  SheetInfo,
  SheetSpec,
  SpecCell,
  TextRun,
  WorkbookPort,
} from "../workflows/port";
import type { LoadedBlock } from "./cells";
import { columnWidthPoints, excelInput, gridOf, parseCell } from "./cells";

/** A write that must not stand over a value someone typed: the range, and what it held just before. */
interface GuardedWrite {
  readonly range: Excel.Range;
  readonly before: Excel.Range;
}

// The WorkbookPort over Office.js, for one Excel.run (one RequestContext).
//
// Round trips. A use case costs a fixed number of context.sync() calls whatever the number of sheets or cells
// (DESIGN.md section 2): every call below queues all its work and syncs once or twice, never in a loop.
// - listSheets: 2 syncs. Office.js reaches a sheet's cells only through a Worksheet proxy, and the proxies of a
//   workbook's sheets exist only once their collection has been loaded; so the first sync loads the sheet list and
//   the second reads every sheet (its used range, which holds F1, and the conditional formats that are our marks).
//   What the second sync read is kept for this run, so that a readSheets of those sheets right after costs nothing.
// - readSheets: 0 syncs for sheets the listing just read, else 1.
// - apply: 1 sync. (One more only for a mark step on a sheet this run has never looked at, since replacing our
//   marks needs their ids; every use case lists the sheets before it marks them.)
// So validate with marks is 2 + 0 + 1 = 3 syncs, clearing marks 2 + 1, filling derived cells 2 + 0 + 1, install 2 +
// (0) + 1.
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

/** True when a conditional format's rule formula is one of our marks. */
export function isMarkFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.includes(`"${MARK_SENTINEL}:`);
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
}

interface SheetRead {
  readonly name: string;
  readonly used: Excel.Range;
  readonly formats: Excel.ConditionalFormatCollection;
}

const USED_RANGE_PROPERTIES = "values,valueTypes,formulas,numberFormat,rowIndex,columnIndex";
// customOrNullObject, not custom: `custom` fails the whole request on a format of any other type.
const FORMAT_PROPERTIES = "items/id,items/type,items/customOrNullObject/rule/formula";
const KEY_COLUMN = 5;

function isOurMark(format: Excel.ConditionalFormat): boolean {
  if (format.type !== "Custom") return false;
  const custom = format.customOrNullObject;
  return !custom.isNullObject && isMarkFormula(custom.rule.formula);
}

function keyHeaderOf(grid: SheetGrid): string | undefined {
  const value = grid.cells[0]?.[KEY_COLUMN]?.value;
  if (value === null || value === undefined || typeof value === "object") return undefined;
  const text = String(value).trim();
  return text || undefined;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const THIN: Excel.CellBorder = { style: "Continuous", weight: "Thin" };

/** Whole-cell bold or italic standing in for rich text where Excel has no text runs: what most of the text has. */
export function dominantRunStyle(runs: readonly TextRun[]): { bold: boolean; italic: boolean } {
  const total = runs.reduce((sum, run) => sum + run.text.trim().length, 0);
  const share = (pick: (run: TextRun) => boolean | undefined) =>
    runs.reduce((sum, run) => sum + (pick(run) ? run.text.trim().length : 0), 0);
  return { bold: share((run) => run.bold) * 2 > total, italic: share((run) => run.italic) * 2 > total };
}

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

function temporaryName(): string {
  return `cchc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The WorkbookPort of the add-in: one Excel.RequestContext, a fixed number of syncs per call (see the comment at
 * the top of this file), marks as our own conditional formats, and never an unprotected sheet.
 */
export class ExcelWorkbookPort implements WorkbookPort {
  private readonly grids = new Map<string, SheetGrid>();
  /** Ids of our marks on each sheet read in this run. */
  private readonly marks = new Map<string, string[]>();
  private readonly positions = new Map<string, number>();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: ExcelPortOptions = {},
  ) {}

  /** Every sheet with F1 (two syncs), reading each sheet's cells and marks on the way for the calls that follow. */
  async listSheets(): Promise<readonly SheetInfo[]> {
    const collection = this.context.workbook.worksheets;
    collection.load("items/id,items/name,items/visibility,items/position");
    await this.context.sync();
    const sheets = collection.items;
    const reads = sheets.map((sheet) => this.queueRead(sheet.name, sheet));
    await this.context.sync();
    this.grids.clear();
    this.marks.clear();
    this.positions.clear();
    reads.forEach((read) => this.keep(read));
    this.options.onSheetIds?.(new Map(sheets.map((sheet) => [sheet.id, sheet.name])));
    return sheets.map((sheet, index) => {
      this.positions.set(sheet.name, sheet.position);
      const keyHeader = keyHeaderOf(this.grids.get(reads[index]!.name)!);
      return {
        name: sheet.name,
        visible: sheet.visibility === "Visible",
        ...(keyHeader ? { keyHeader } : {}),
      };
    });
  }

  /** The used range of each named sheet from A1, in the order asked: at most one sync. */
  async readSheets(names: readonly string[]): Promise<readonly SheetGrid[]> {
    const missing = [...new Set(names.filter((name) => !this.grids.has(name)))];
    if (missing.length) {
      const sheets = this.context.workbook.worksheets;
      const reads = missing.map((name) => this.queueRead(name, sheets.getItem(name)));
      await this.context.sync();
      reads.forEach((read) => this.keep(read));
    }
    return names.map((name) => this.grids.get(name)!);
  }

  /** Applies a plan in one sync: every step queued in order, then one round trip. */
  async apply(plan: Plan): Promise<void> {
    if (!plan.steps.length) return;
    await this.learnMarksOf(plan.steps);
    const marked: string[] = [];
    const guarded: GuardedWrite[] = [];
    for (const step of plan.steps) {
      switch (step.kind) {
        case "addSheet":
          this.queueAddSheet(step.spec, step.values ?? [], step.replace === true);
          break;
        case "write":
          this.queueWrites(this.context.workbook.worksheets.getItem(step.sheet), step.cells, guarded);
          break;
        case "mark":
          this.queueMarks(step.sheet, step.marks);
          marked.push(step.sheet);
          break;
        case "select": {
          const sheet = this.context.workbook.worksheets.getItem(step.sheet);
          sheet.activate();
          sheet.getRange(step.address).select();
          break;
        }
      }
    }
    await this.context.sync();
    await this.restoreTypedOver(guarded);
    // Ids read back right after each add() are positions that later adds shifted: a later mark step in this run
    // learns them again rather than trusting these.
    marked.forEach((sheet) => this.marks.delete(sheet));
    for (const step of plan.steps) {
      if (step.kind === "addSheet" || step.kind === "write") {
        this.grids.delete(step.kind === "addSheet" ? step.spec.name : step.sheet);
      }
      if (step.kind === "addSheet" && !marked.includes(step.spec.name)) this.marks.set(step.spec.name, []);
    }
  }

  private queueRead(name: string, sheet: Excel.Worksheet): SheetRead {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(USED_RANGE_PROPERTIES);
    const formats = sheet.getRange().conditionalFormats;
    formats.load(FORMAT_PROPERTIES);
    return { name, used, formats };
  }

  private keep(read: SheetRead): void {
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
    this.grids.set(read.name, gridOf(read.name, block));
    this.marks.set(
      read.name,
      read.formats.items.filter(isOurMark).map((format) => format.id),
    );
  }

  /** The ids of our marks on sheets a mark step replaces them on, when this run has not read those sheets yet. */
  private async learnMarksOf(steps: readonly PlanStep[]): Promise<void> {
    const added = new Set(steps.flatMap((step) => (step.kind === "addSheet" ? [step.spec.name] : [])));
    const unknown = [
      ...new Set(
        steps.flatMap((step) =>
          step.kind === "mark" && !this.marks.has(step.sheet) && !added.has(step.sheet) ? [step.sheet] : [],
        ),
      ),
    ];
    if (!unknown.length) return;
    const sheets = this.context.workbook.worksheets;
    const reads = unknown.map((name) => {
      const formats = sheets.getItem(name).getRange().conditionalFormats;
      formats.load(FORMAT_PROPERTIES);
      return { name, formats };
    });
    await this.context.sync();
    for (const read of reads)
      this.marks.set(
        read.name,
        read.formats.items.filter(isOurMark).map((f) => f.id),
      );
  }

  private queueMarks(name: string, marks: readonly Mark[]): void {
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
   * their value goes back at once. That costs one more sync, only when it happens.
   */
  private async restoreTypedOver(guarded: readonly GuardedWrite[]): Promise<void> {
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
    if (restored) await this.context.sync();
  }

  private queueWrites(
    sheet: Excel.Worksheet,
    cells: readonly CellWrite[],
    guarded: GuardedWrite[] = [],
  ): void {
    for (const write of cells) {
      const range = sheet.getRange(write.address);
      // Loaded before the write in the same batch, so it holds what the cell had just before we wrote.
      if (write.onlyIfEmpty) guarded.push({ range, before: range.load("values,formulas,numberFormat") });
      if (write.numberFormat !== undefined) range.numberFormat = [[write.numberFormat]];
      if (write.formula !== undefined) range.formulas = [[write.formula]];
      else if (write.value !== undefined) range.values = [[excelInput(write.value)]];
    }
  }

  /**
   * A template sheet. Re-installing cannot rewrite the locked cells of a protected sheet without unprotecting it,
   * so the new sheet is written beside the old one under a temporary name, then takes the old one's name and place
   * once the old one is deleted (a protected sheet can be deleted; the workbook keeps a visible sheet throughout).
   */
  private queueAddSheet(spec: SheetSpec, values: readonly CellWrite[], replace: boolean): void {
    const sheets = this.context.workbook.worksheets;
    if (!replace) {
      this.queueSheetSpec(sheets.add(spec.name), spec, values);
      return;
    }
    const old = sheets.getItem(spec.name);
    const sheet = sheets.add(temporaryName());
    this.queueSheetSpec(sheet, spec, values);
    old.delete();
    sheet.name = spec.name;
    const position = this.positions.get(spec.name);
    if (position !== undefined) sheet.position = position;
  }

  private queueSheetSpec(sheet: Excel.Worksheet, spec: SheetSpec, values: readonly CellWrite[]): void {
    const richText = this.options.richText === true;
    const lastColumn = columnLetter(Math.max(spec.columns.length, 1) - 1);
    const columns = sheet.getRange(`A:${lastColumn}`);
    columns.format.font.name = spec.font.name;
    columns.format.font.size = spec.font.size;
    spec.columns.forEach((column, index) => {
      const letter = columnLetter(index);
      const range = sheet.getRange(`${letter}:${letter}`);
      range.format.columnWidth = columnWidthPoints(column.width);
      if (column.hidden) range.columnHidden = true;
    });
    // Merged before anything is written: merging keeps only the top-left content, which is where the spec puts it.
    for (const merge of spec.merges) sheet.getRange(merge).merge(false);

    for (const cell of spec.cells) {
      const range = sheet.getRange(cell.address);
      if (cell.numberFormat !== undefined) range.numberFormat = [[cell.numberFormat]];
      if (cell.formula !== undefined) range.formulas = [[cell.formula]];
      else if (cell.richText) range.values = [[excelInput(cell.richText.map((run) => run.text).join(""))]];
      else if (cell.value !== undefined) range.values = [[excelInput(cell.value)]];
      if (cell.validation) {
        const validation = range.dataValidation;
        validation.rule = validationRule(cell.validation);
        validation.ignoreBlanks = true;
        validation.prompt = { showPrompt: true, ...cell.validation.prompt };
        validation.errorAlert = { showAlert: true, style: "Stop", ...cell.validation.error };
      }
    }
    // Every cell's style and lock in one command over the block the spec covers (ExcelApi 1.9).
    const box = boundingBox(spec.cells);
    if (box.rows && box.columns) {
      const byAddress = new Map(
        spec.cells.map((cell) => [cell.address.replace(/\$/g, "").toUpperCase(), cell]),
      );
      const properties = Array.from({ length: box.rows }, (_, row) =>
        Array.from({ length: box.columns }, (_, column) =>
          cellProperties(spec, byAddress.get(`${columnLetter(column)}${row + 1}`), richText),
        ),
      );
      sheet.getRange(`A1:${columnLetter(box.columns - 1)}${box.rows}`).setCellProperties(properties);
    }
    for (const [row, height] of Object.entries(spec.rowHeights)) {
      sheet.getRange(`${row}:${row}`).format.rowHeight = height;
    }
    // Notes before the protection: a protected sheet refuses them.
    if (this.options.notes) {
      for (const cell of spec.cells) if (cell.note) sheet.notes.add(cell.address, cell.note);
    }
    if (spec.frozenRows) sheet.freezePanes.freezeRows(spec.frozenRows);
    this.queueWrites(sheet, values);
    if (spec.print) this.queuePageLayout(sheet, spec, spec.print);
    if (!spec.protection) return;
    const formatting = spec.protection.allowFormatting;
    sheet.protection.protect({
      allowFormatCells: formatting,
      allowFormatColumns: formatting,
      allowFormatRows: formatting,
    });
  }

  private queuePageLayout(
    sheet: Excel.Worksheet,
    spec: SheetSpec,
    print: NonNullable<SheetSpec["print"]>,
  ): void {
    const layout = sheet.pageLayout;
    layout.orientation = "Portrait";
    layout.paperSize = "A4";
    // A height of 0 pages is "as many as needed", as in the file format's fitToHeight; only the width is fixed.
    layout.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight };
    layout.centerHorizontally = true;
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
  }
}
