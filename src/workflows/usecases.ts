import type { FormRegistry } from "../domain/catalogue";
import { appliesIn, BUILT_IN_FORMS, filledAt } from "../domain/catalogue";
import type { SheetGrid } from "../domain/cell";
import { columnLetter } from "../domain/cell";
import type { Finding } from "../domain/findings";
import { derivedFormula, sheetLayout, COLUMNS } from "../domain/layout";
import { resolveAppendix } from "../domain/resolve";
import { BilingualError } from "../domain/messages/error";
import { stampMovedRefused } from "../domain/messages/stamp";
import type { CellWrite, Mark, Plan, PlanStep, SheetInfo, WorkbookPort } from "./port";
import { PartialPlanError } from "./port";
import type { CheckProgress, CheckResult, StampFailure, StampStatus } from "./stamp";
import {
  catalogueOfGrid,
  readStamp,
  stampPlace,
  stampRows,
  stampStatus,
  stampWrites,
  withStamp,
} from "./stamp";
import { SUMMARY_MARKER } from "./summary-marker";
import type { WorkbookValidation } from "./validate";
import { validateSheets } from "./validate";
import { carriesForms, formsOfGrids } from "./forms-of-workbook";
import { CARRIED_SHEET } from "../domain/forms/carried-sheet";

// The use cases behind the pane's buttons. Each costs a fixed number of round trips whatever the number of sheets
// (DESIGN.md section 2), and every check goes through checkSheets: validate what was read, then write its marks and
// stamps in one apply.

/** Which sheets a use case works on: every sheet of the workbook (by default), the one the user is on, or these. */
export interface SheetScope {
  readonly sheets?: readonly string[] | "active";
  /**
   * Asked for the sheet the user is on only when the port's listing does not say (a port written before
   * SheetInfo.active). Excel's listing always says, in its own round trip.
   */
  readonly activeSheet?: () => Promise<string | undefined>;
}

/** What a check does besides validating. */
export interface CheckOptions extends SheetScope {
  /** Marks the suspect cells (conditional formats owned by the add-in). */
  readonly mark?: boolean;
  /** Writes a stamp into every appendix sheet validated with no error. Live checks never stamp. */
  readonly stamp?: boolean;
  readonly now?: () => Date;
  /** East of UTC, in minutes; the machine's own by default. */
  readonly offsetMinutes?: number;
  readonly onProgress?: (progress: CheckProgress) => void;
  /** The forms the host knows: the built-in ones unless given. */
  readonly forms?: FormRegistry;
}

/** Splits a qualified address 'Sheet name'!D15 into its sheet and local address. */
export function splitAddress(qualified: string): { sheet: string; address: string } {
  const bang = qualified.lastIndexOf("!");
  const sheetPart = qualified.slice(0, bang);
  const sheet = sheetPart.startsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
  return { sheet, address: qualified.slice(bang + 1) };
}

/** The marks of a validation: one per suspect cell, at the most severe finding's severity. */
export function markPlan(validation: WorkbookValidation): Plan {
  const steps: PlanStep[] = [];
  for (const sheet of validation.sheets) {
    const marks = new Map<string, Mark>();
    for (const finding of sheet.findings) {
      if (finding.severity === "info" && finding.kind === "incomplete") continue;
      const cell = finding.cells[0];
      if (!cell) continue;
      const { sheet: name, address } = splitAddress(cell);
      if (name !== sheet.sheet || !/^[A-Z]+\d+$/.test(address)) continue;
      if (!marks.has(address)) marks.set(address, { address, severity: finding.severity });
    }
    steps.push({ kind: "mark", sheet: sheet.sheet, marks: [...marks.values()] });
  }
  return { steps };
}

/** The workbook's sheets, with the one the user is on; the active sheet read on the way when `readActive`. */
async function survey(
  port: WorkbookPort,
  scope: SheetScope,
  readActive: boolean,
): Promise<{ infos: readonly SheetInfo[]; active?: string }> {
  const infos = await port.listSheets({ readActive });
  const active = infos.find((info) => info.active)?.name ?? (await scope.activeSheet?.());
  return active && infos.some((info) => info.name === active) ? { infos, active } : { infos };
}

/** The sheets a scope names, among those listed. */
function inScope(infos: readonly SheetInfo[], scope: SheetScope["sheets"], active?: string): SheetInfo[] {
  if (scope === "active") return infos.filter((info) => info.name === active);
  return scope ? infos.filter((info) => scope.includes(info.name)) : [...infos];
}

/** An appendix by its key: F1 holds a form `forms` knows, on a sheet a person can see or unhide. */
function isKeyedAppendix(info: SheetInfo, forms: FormRegistry): boolean {
  return info.keyHeader !== undefined && forms.has(info.keyHeader) && info.visibility !== "veryHidden";
}

/** Worth reading for a check: a sheet with something on it that is not a province summary (never checked). */
function mayHoldAppendix(info: SheetInfo): boolean {
  return info.empty !== true && info.keyHeader !== SUMMARY_MARKER;
}

function reasonOf(error: unknown): StampFailure["message"] {
  const reason = error instanceof PartialPlanError ? error.reason : error;
  const bilingual = (reason as { bilingual?: { vi?: unknown; en?: unknown } } | null)?.bilingual;
  if (typeof bilingual?.vi === "string" && typeof bilingual.en === "string") {
    return { vi: bilingual.vi, en: bilingual.en };
  }
  const text = reason instanceof Error ? reason.message : String(reason);
  return { vi: text, en: text };
}

/** Why a stamp moved below a person's text was refused: where it went and why, then what the host said. */
function movedReason(
  place: { readonly taken: readonly number[]; readonly rows: readonly number[] },
  error: unknown,
): StampFailure["message"] {
  const column = columnLetter(COLUMNS.label);
  const range = (rows: readonly number[]) => `${column}${rows[0]!}:${column}${rows.at(-1)!}`;
  return stampMovedRefused(range(place.taken), range(place.rows), reasonOf(error));
}

/**
 * The check of sheets already read, which every use case that validates ends with: validates them, then writes the
 * marks and the stamps of the sheets with no error in one apply, marks first. Where the host refuses a stamp, the
 * marks still stand: Excel keeps what came before the failing step (PartialPlanError), and a host that applies a plan
 * all or nothing gets the marks again on their own, one round trip more on that failure path only.
 */
export async function checkSheets(
  port: WorkbookPort,
  grids: readonly SheetGrid[],
  options: CheckOptions = {},
): Promise<CheckResult> {
  const forms = options.forms ?? BUILT_IN_FORMS;
  const validation = validateSheets(grids, forms);
  const total = validation.sheets.length;
  options.onProgress?.({ phase: "checking", done: total, sheets: total });

  const gridByName = new Map(grids.map((grid) => [grid.name, grid]));
  const stamps = new Map<string, StampStatus>();
  const inPlace: PlanStep[] = [];
  const moved = new Map<string, { readonly taken: readonly number[]; readonly rows: readonly number[] }>();
  const movedSteps: PlanStep[] = [];
  for (const sheet of validation.sheets) {
    const grid = gridByName.get(sheet.sheet);
    const catalogue = grid && catalogueOfGrid(grid, forms);
    if (!grid || !catalogue) continue;
    let status = stampStatus(grid, catalogue);
    if (options.stamp && sheet.counts.error === 0 && sheet.verdict === "ready") {
      const now = options.now?.() ?? new Date();
      const place = stampPlace(grid, catalogue);
      const cells = stampWrites(
        grid,
        place.rows,
        sheet,
        status.valuesHash,
        catalogue,
        now,
        options.offsetMinutes,
      );
      const step: PlanStep = { kind: "write", sheet: sheet.sheet, cells };
      if (place.moved) {
        moved.set(sheet.sheet, { taken: stampRows(sheetLayout(catalogue)), rows: place.rows });
        movedSteps.push(step);
      } else inPlace.push(step);
      status = {
        stamp: readStamp(withStamp(grid, cells))!,
        valuesHash: status.valuesHash,
        valuesChanged: false,
        rulesChanged: false,
      };
    }
    stamps.set(sheet.sheet, status);
  }

  // A stamp moved off the template's place lands in cells the template locked, which a protected sheet refuses:
  // written last, so that its refusal leaves every other sheet's stamp standing.
  const stampSteps = [...inPlace, ...movedSteps];
  const markSteps = options.mark ? markPlan(validation).steps : [];
  const steps = [...markSteps, ...stampSteps];
  let stamped = stampSteps.map((step) => (step.kind === "write" ? step.sheet : ""));
  let stampFailure: StampFailure | undefined;
  if (steps.length) {
    options.onProgress?.({ phase: "writing", sheets: total });
    try {
      await port.apply({ steps });
    } catch (error) {
      const stampsStanding = error instanceof PartialPlanError ? error.applied - markSteps.length : undefined;
      if (!stampSteps.length || (stampsStanding !== undefined && stampsStanding < 0)) throw error;
      if (stampsStanding === undefined && markSteps.length) await port.apply({ steps: markSteps });
      const landed = Math.max(0, stampsStanding ?? 0);
      const failed = stamped.slice(landed);
      const place = moved.get(failed[0]!);
      stampFailure = { sheets: failed, message: place ? movedReason(place, error) : reasonOf(error) };
      for (const name of stampFailure.sheets) {
        const grid = gridByName.get(name)!;
        stamps.set(name, stampStatus(grid, catalogueOfGrid(grid, forms)!));
      }
      stamped = stamped.slice(0, landed);
    }
  }
  return { ...validation, stamps, stamped, forms, ...(stampFailure ? { stampFailure } : {}) };
}

/**
 * The check behind the pane's "Kiểm tra trước khi nộp", its live checks and its description of the open sheet:
 * validates the sheets in scope, marks them and stamps those with no error, as asked. Round trips do not grow with
 * the sheets: the listing, which in Excel also reads the sheet the user is on; one read of the other sheets in scope,
 * if any; one write of every mark and stamp. So on Excel the sheet the user is on costs one read and one write, and
 * 50 sheets one more read.
 */
export async function checkWorkbook(port: WorkbookPort, options: CheckOptions = {}): Promise<CheckResult> {
  const { infos, active } = await survey(port, options, true);
  const wanted = inScope(infos, options.sheets, active);
  const read = withCarried(
    wanted.filter(mayHoldAppendix).map((info) => info.name),
    infos,
  );
  options.onProgress?.({ phase: "reading", sheets: read.filter((name) => name !== CARRIED_SHEET).length });
  const { registry: forms, sheets: grids } = await formsOfGrids(
    read.length ? await port.readSheets(read) : [],
    options.forms ?? BUILT_IN_FORMS,
  );
  const result = await checkSheets(port, grids, { ...options, forms });
  const unread = wanted.filter((info) => !read.includes(info.name)).map((info) => info.name);
  return {
    ...result,
    skipped: [...result.skipped, ...unread],
    ...(active ? { active } : {}),
    appendices: infos.filter((info) => isKeyedAppendix(info, forms)).map((info) => info.name),
  };
}

/**
 * The sheets to read, with the workbook's carried definitions (`_cchc_mau`) when it has them: read in the same
 * round trip, so that a sheet made from a definition is checked against it at no cost in syncs.
 */
function withCarried(names: readonly string[], infos: readonly SheetInfo[]): string[] {
  return carriesForms(infos) && !names.includes(CARRIED_SHEET) ? [...names, CARRIED_SHEET] : [...names];
}

/**
 * The reviewer's "Kiểm tra tất cả": checks every appendix sheet of the workbook and writes nothing, neither marks
 * nor stamps. A stamp attests the sender's own check, and marks on a colleague's sheet would change the sheet under
 * their hands while they type; the findings are listed in the pane, sheet by sheet. The listing, one read, the
 * release: no more for 150 sheets than for one.
 */
export function reviewWorkbook(
  port: WorkbookPort,
  options: Pick<CheckOptions, "activeSheet" | "onProgress"> = {},
): Promise<CheckResult> {
  return checkWorkbook(port, { ...options, mark: false, stamp: false });
}

/** Removes the add-in's marks from the appendix sheets; the cells' own formats come back by construction. */
export async function clearMarks(port: WorkbookPort, scope: SheetScope = {}): Promise<number> {
  const infos = await port.listSheets();
  const sheets = infos.filter(
    (info) => info.keyHeader && (!scope.sheets || scope.sheets.includes(info.name)),
  );
  if (sheets.length)
    await port.apply({ steps: sheets.map((info) => ({ kind: "mark", sheet: info.name, marks: [] })) });
  return sheets.length;
}

/** A derived cell the fill restored, or left alone because a person typed a value there. */
export interface FillOutcome {
  readonly sheet: string;
  readonly code: string;
  readonly address: string;
  readonly action: "formula" | "kept_typed_value";
}

/**
 * The writes that put the live formula into every empty derived cell. A cell that holds a value a person typed is
 * never overwritten: it is reported, and the validation checks it against the recomputed value.
 */
export function fillDerivedPlan(
  grids: readonly SheetGrid[],
  forms: FormRegistry = BUILT_IN_FORMS,
): { plan: Plan; outcomes: FillOutcome[] } {
  const steps: PlanStep[] = [];
  const outcomes: FillOutcome[] = [];
  for (const grid of grids) {
    const resolved = resolveAppendix(grid, forms);
    if (resolved?.kind !== "appendix" || resolved.appendix.foundBy !== "key") continue;
    const { appendix: sheet, catalogue } = resolved;
    const layout = sheetLayout(catalogue);
    const cells: CellWrite[] = [];
    for (const row of catalogue.derivedRows) {
      // A rate that the sheet's level does not report gets no formula (a department's 3.4.2 is the districts'
      // rate); a sheet of no stated level keeps every formula, as the template writes them, but a rate its period
      // no longer asks for (3.4.2 after the 2025 reform).
      if (!appliesIn(row, sheet.period) || (sheet.level && !filledAt(row, sheet.level))) continue;
      const located = sheet.cells.get(row.code);
      if (!located || located.row !== layout.rowOf.get(row.code)) continue;
      const address = `${columnLetter(COLUMNS.value)}${located.row}`;
      const formula = `=${derivedFormula(layout, row)}`;
      const cell = located.cell;
      if (cell?.formula) continue;
      if (cell && cell.value !== null && cell.value !== "") {
        outcomes.push({ sheet: grid.name, code: row.code, address, action: "kept_typed_value" });
        continue;
      }
      cells.push({ address, formula, numberFormat: "0.00%", onlyIfEmpty: true });
      outcomes.push({ sheet: grid.name, code: row.code, address, action: "formula" });
    }
    if (cells.length) steps.push({ kind: "write", sheet: grid.name, cells });
  }
  return { plan: { steps }, outcomes };
}

/** What a fill wrote on its sheet, and the check of that sheet that followed. */
export interface FillResult {
  readonly sheet: string;
  readonly outcomes: readonly FillOutcome[];
  readonly check: CheckResult;
}

/** Which sheet a fill works on, and what its check does. */
export interface FillOptions extends Omit<CheckOptions, "sheets"> {
  /** The sheet to fill; by default the one the user is on, the sheet being worked on. */
  readonly sheet?: string;
  /**
   * Whether the check after the fill may mark and stamp the filled sheet, which is known only once listed: false
   * for a sheet that is not the user's own, whose marks and stamp are its owner's.
   */
  readonly mayWriteOn?: (sheet: string) => boolean;
}

/**
 * Fills the derived percentages of one sheet (the one the user is on, unless named) as live formulas where they are
 * empty, then checks that sheet: the listing, which reads the sheet; one write, which reads it back; one write of
 * its marks and stamp. Other sheets are neither written nor counted. Throws a BilingualError (code "fill:…") for a sheet that holds
 * no appendix of our template.
 */
export async function fillDerived(port: WorkbookPort, options: FillOptions = {}): Promise<FillResult> {
  const { infos, active } = await survey(port, options, options.sheet === undefined);
  const name = options.sheet ?? active;
  const carried = await formsOfGrids(
    name && infos.some((info) => info.name === name) ? await port.readSheets(withCarried([name], infos)) : [],
    options.forms ?? BUILT_IN_FORMS,
  );
  const forms = carried.registry;
  const [grid] = carried.sheets;
  const resolved = grid && resolveAppendix(grid, forms);
  const located = resolved?.kind === "appendix" ? resolved.appendix : undefined;
  if (!name) {
    throw BilingualError.fromKind("fill_no_sheet", {});
  }
  if (!grid || !located || located.foundBy !== "key") {
    throw BilingualError.fromKind("fill_not_appendix", { sheet: name });
  }
  const { plan, outcomes } = fillDerivedPlan([grid], forms);
  let grids: readonly SheetGrid[] = [grid];
  if (plan.steps.length) {
    await port.apply({ ...plan, readAfter: [name] });
    grids = await port.readSheets([name]);
  }
  const writes = options.mayWriteOn?.(name) ?? true;
  const checkOptions = writes ? { ...options, forms } : { ...options, forms, mark: false, stamp: false };
  return { sheet: name, outcomes, check: await checkSheets(port, grids, checkOptions) };
}

/** The write of a finding's suggestion: its value, or the derived formula it restores. */
export function fixPlan(finding: Finding): Plan {
  const suggestion = finding.suggestion;
  if (!suggestion) {
    throw BilingualError.fromKind("fix_no_suggestion", {});
  }
  const { sheet, address } = splitAddress(suggestion.cell);
  const numberFormat = suggestion.numberFormat ? { numberFormat: suggestion.numberFormat } : {};
  const write: CellWrite = suggestion.formula
    ? { address, formula: suggestion.formula, ...numberFormat }
    : { address, value: suggestion.value, ...numberFormat };
  return { steps: [{ kind: "write", sheet, cells: [write] }] };
}

/**
 * Applies a finding's suggested fix, on the user's click only, and checks its sheet again: the write, which reads
 * the sheet back in its own round trip, then the sheet's marks and stamp in one more. `options.forms` is the
 * registry the check that found it used (with the workbook's carried forms: formsOfWorkbook), since no listing
 * is made here.
 */
export async function applyFix(
  port: WorkbookPort,
  finding: Finding,
  options: Omit<CheckOptions, "sheets"> = {},
): Promise<CheckResult> {
  const plan = fixPlan(finding);
  const sheet = splitAddress(finding.suggestion!.cell).sheet;
  await port.apply({ ...plan, readAfter: [sheet] });
  return checkSheets(port, await port.readSheets([sheet]), options);
}

/** Selects a finding's suspect cell in the host, so the user lands on what to fix. */
export async function selectFinding(port: WorkbookPort, finding: Finding): Promise<void> {
  const cell = finding.cells[0];
  if (!cell) return;
  const { sheet, address } = splitAddress(cell);
  await port.apply({ steps: [{ kind: "select", sheet, address }] });
}
