import type { Bilingual } from "../domain/catalogue";
import { catalogue } from "../domain/catalogue";
import type { CellScalar, SheetGrid } from "../domain/cell";
import { columnLetter } from "../domain/cell";
import type { Finding } from "../domain/findings";
import { COLUMNS, sheetLayout } from "../domain/layout";
import type { Severity } from "../domain/values";
import { labelIn, labelText } from "../domain/messages/labels";
import { installAppendix } from "./install";
import type { Plan, PlanStep, SheetInfo, WorkbookPort } from "./port";
import { PartialPlanError } from "./port";
import { applyFix, checkWorkbook, clearMarks, fillDerived, splitAddress } from "./usecases";
import { uniqueSheetName } from "./template-spec";

// The self-check "Tự kiểm tra": the pane's own use cases, run once through the host on a scratch sheet, so that the
// province's IT person can tell from one copied text how the add-in behaves in their Excel (web, Windows, Mac), where
// nobody on the project can run it. The scratch sheet is the only one written; the workbook is left as found.

/** One request as the host bridge saw it, where the add-in can see the bridge (the preview's emulator). */
export interface WireRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
}

/** What a self-check session has counted of its own requests so far. */
export interface RequestTally {
  /** Sessions with the workbook (Excel.run): each may end with one more request, releasing what it tracked. */
  readonly runs: number;
  /** context.sync() calls the adapter made: each is one request to Excel. */
  readonly syncs: number;
  /** Every request the host bridge saw since the session began; absent where the add-in cannot see it (Excel). */
  readonly wire?: readonly WireRecord[];
}

/** Whether Excel has one requirement set, as Office.context.requirements.isSetSupported answers. */
export interface ApiSetSupport {
  readonly name: string;
  readonly version: string;
  readonly supported: boolean;
}

/** What Excel says about itself (Office.context.diagnostics); absent fields are what it did not say. */
export interface HostFacts {
  /** Office.context.diagnostics.host: "Excel". */
  readonly application?: string;
  /** Office.context.diagnostics.platform: "OfficeOnline", "PC", "Mac", "iOS"… */
  readonly platform?: string;
  /** Office.context.diagnostics.version: "16.0.19231.20156" on Windows. */
  readonly version?: string;
  readonly displayLanguage?: string;
  readonly apiSets: readonly ApiSetSupport[];
}

/** The add-in's marks on one sheet, by severity. */
export type MarkCounts = Readonly<Record<Severity, number>>;

/** One self-check's work with the workbook, each call counted into its tally. */
export interface SelfCheckSession {
  /** A use case over the workbook, as AddinHost.run runs the pane's. */
  run<T>(useCase: (port: WorkbookPort) => Promise<T>): Promise<T>;
  /** How many of the add-in's marks (its conditional formats) the sheet holds. */
  marks(sheet: string): Promise<MarkCounts>;
  /** Makes this sheet the one the user is on, leaving its selection as it was. */
  activateSheet(sheet: string): Promise<void>;
  deleteSheet(sheet: string): Promise<void>;
  /** The requests counted since the session began. */
  tally(): RequestTally;
}

/** What the self-check needs of a host beyond AddinHost: Excel's facts, and counted sessions. */
export interface SelfCheckHost {
  facts(): HostFacts;
  session(): SelfCheckSession;
}

/** The steps of a self-check, in order. */
export const SELF_CHECK_STEPS = [
  "install",
  "type",
  "validate",
  "marks",
  "fix",
  "fill",
  "clear",
  "restore",
  "delete",
  "unchanged",
] as const;

export type SelfCheckStepId = (typeof SELF_CHECK_STEPS)[number];

/** The requests one step (or the whole self-check) cost, as far as the host can tell. */
export interface RequestFigures {
  readonly runs: number;
  readonly syncs: number;
  /** Measured at the host bridge; absent: not measurable (in Excel the add-in cannot see the wire). */
  readonly wire?: {
    readonly requests: number;
    readonly largestRequestBytes: number;
    readonly largestResponseBytes: number;
  };
}

/** What became of one step: passed with what it saw, failed with why, or skipped after an earlier failure. */
export interface SelfCheckStep {
  readonly id: SelfCheckStepId;
  readonly status: "passed" | "failed" | "skipped";
  /** What the step saw (passed) or what went wrong (failed). */
  readonly detail?: Bilingual;
  /** Excel's error code, when Excel refused. */
  readonly code?: string;
  readonly requests: RequestFigures;
}

/** A whole self-check: each step, the requests, and Excel's facts. */
export interface SelfCheckResult {
  readonly passed: boolean;
  readonly startedAt: Date;
  readonly scratchSheet: string;
  readonly steps: readonly SelfCheckStep[];
  readonly requests: RequestFigures;
  readonly facts: HostFacts;
  /** Set when the scratch sheet could not be deleted: the sheet the person must delete by hand. */
  readonly leftBehind?: string;
}

/** A step's outcome not as expected: what was expected and what came, in both languages. */
export class SelfCheckFailure extends Error {
  constructor(
    readonly bilingual: Bilingual,
    /** Excel's error code behind it, if any. */
    readonly code?: string,
  ) {
    super(bilingual.en);
    this.name = "SelfCheckFailure";
  }
}

const LAYOUT = sheetLayout(catalogue);

function valueCell(code: string): string {
  const row = LAYOUT.rowOf.get(code);
  if (row === undefined) throw new Error(`The catalogue has no row ${code}`);
  return `${columnLetter(COLUMNS.value)}${row}`;
}

/**
 * What the self-check types, as a person pastes it: the seed's online-service counts with a mistake of the seed's
 * kind ("1.93681" for 1.936, which the balance DV.4 = DV.4.1 + DV.4.2 corrects; not the seed's own "1.93673", which
 * only the preview's sample carries); "02" typed as text, which stays marked as info after the fix so that clearing
 * has marks to clear; and the rate 7.8.4 emptied (its formula deleted, as a person pressing Delete does), which the
 * fill puts back.
 */
export const SELF_CHECK_VALUES: readonly { readonly code: string; readonly value: CellScalar }[] = [
  { code: "DV.4", value: 5621 },
  { code: "DV.4.1", value: "1.93681" },
  { code: "DV.4.2", value: 3685 },
  { code: "1.1.1", value: "02" },
  { code: "7.8.4", value: null },
];
const MISTAKE = "DV.4.1";
const CORRECTED = 1936;
const DERIVED = "7.8.4";

/** The scratch sheet's name: ours by its words, unique by its suffix, and checked against the workbook's names. */
export function scratchSheetName(existing: readonly string[], random: () => number = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0");
  // A sheet has one name: the Vietnamese one.
  return uniqueSheetName(labelIn("selfcheck_scratch_sheet", { suffix }, "vi"), existing);
}

/** The sheet a plan step writes. */
function sheetOf(step: PlanStep): string {
  return step.kind === "addSheet" ? step.spec.name : step.sheet;
}

/**
 * The port the self-check's use cases get: it passes on what reads or writes the scratch sheet and refuses, before
 * anything reaches Excel, whatever would write or read another sheet. The listing, which writes nothing, passes.
 */
export function scratchOnly(port: WorkbookPort, scratch: string): WorkbookPort {
  const refuse = (sheet: string): never => {
    throw new SelfCheckFailure(labelText("selfcheck_blocked", { sheet, scratch }));
  };
  return {
    listSheets: (options) => port.listSheets(options),
    readSheets: async (names) => {
      names.filter((name) => name !== scratch).forEach(refuse);
      return port.readSheets(names);
    },
    apply: async (plan: Plan) => {
      for (const step of plan.steps) {
        if (sheetOf(step) !== scratch || (step.kind === "addSheet" && step.replace)) refuse(sheetOf(step));
      }
      (plan.readAfter ?? []).filter((name) => name !== scratch).forEach(refuse);
      return port.apply(plan);
    },
  };
}

function figures(from: RequestTally, to: RequestTally): RequestFigures {
  const records = to.wire?.slice(from.wire?.length ?? 0);
  return {
    runs: to.runs - from.runs,
    syncs: to.syncs - from.syncs,
    ...(records
      ? {
          wire: {
            requests: records.length,
            largestRequestBytes: Math.max(0, ...records.map((record) => record.requestBytes)),
            largestResponseBytes: Math.max(0, ...records.map((record) => record.responseBytes)),
          },
        }
      : {}),
  };
}

function codeOf(error: unknown): string | undefined {
  const reason = error instanceof PartialPlanError ? error.reason : error;
  const code = (reason as { code?: unknown } | null)?.code;
  return typeof code === "string" && code ? code : undefined;
}

/** Why a step failed, in both languages: our own and the host's errors carry their words; anything else its text. */
export function reasonOf(error: unknown): Bilingual {
  for (const candidate of [error, error instanceof PartialPlanError ? error.reason : undefined]) {
    const bilingual = (candidate as { bilingual?: { vi?: unknown; en?: unknown } } | null)?.bilingual;
    if (typeof bilingual?.vi === "string" && typeof bilingual.en === "string")
      return { vi: bilingual.vi, en: bilingual.en };
  }
  const text = error instanceof Error ? error.message : String(error);
  return labelText("selfcheck_unexpected", { detail: text });
}

function demand(condition: boolean, failure: Bilingual): asserts condition {
  if (!condition) throw new SelfCheckFailure(failure);
}

/** The value cell of an indicator as a read grid holds it. */
function valueCellOf(grid: SheetGrid | undefined, code: string) {
  const row = LAYOUT.rowOf.get(code);
  return row === undefined ? undefined : grid?.cells[row - 1]?.[COLUMNS.value];
}

/** The sheets as a step's text lists them: their names, the open one, the hidden ones. */
function sheetsListed(infos: readonly SheetInfo[]) {
  const open = infos.find((info) => info.active)?.name;
  return {
    sheets: infos.map((info) => info.name),
    ...(open === undefined ? {} : { open }),
    hidden: infos.filter((info) => !info.visible).map((info) => info.name),
  };
}

function sameWorkbook(before: readonly SheetInfo[], after: readonly SheetInfo[]): boolean {
  const key = (infos: readonly SheetInfo[]) =>
    JSON.stringify(infos.map((info) => [info.name, info.visibility ?? info.visible, info.active === true]));
  return key(before) === key(after);
}

/** Marks or findings by severity, as the steps' texts count them. */
function severities(counts: MarkCounts) {
  return { errors: counts.error, warnings: counts.warning, info: counts.info };
}

/** Excel's facts, or none where asking for them fails: the report still goes out. */
function factsOf(host: SelfCheckHost): HostFacts {
  try {
    return host.facts();
  } catch {
    return { apiSets: [] };
  }
}

const total = (counts: MarkCounts) => counts.error + counts.warning + counts.info;

/**
 * Runs the self-check: on a scratch sheet it installs the appendix, types values with a mistake, validates and marks,
 * checks the marks are there, applies the one-click fix, fills the derived formulas and clears the marks; then, even
 * when a step failed, puts the user back on their sheet, deletes the scratch sheet and checks that the workbook's
 * sheets are those it found. A step after a failed one is skipped, except those three. Never throws.
 */
export async function runSelfCheck(
  host: SelfCheckHost,
  options: {
    readonly now?: () => Date;
    readonly random?: () => number;
    /** Told each step's outcome as soon as it is known, for the pane to show the self-check going. */
    readonly onStep?: (step: SelfCheckStep) => void;
  } = {},
): Promise<SelfCheckResult> {
  const startedAt = options.now?.() ?? new Date();
  const session = host.session();
  const start = session.tally();
  const steps: SelfCheckStep[] = [];
  let failed = false;
  let before: readonly SheetInfo[] = [];
  let scratch = "";
  let finding: Finding | undefined;

  const record = (outcome: SelfCheckStep) => {
    steps.push(outcome);
    options.onStep?.(outcome);
  };
  const step = async (id: SelfCheckStepId, work: () => Promise<Bilingual>, always = false): Promise<void> => {
    const from = session.tally();
    if (failed && !always) {
      record({ id, status: "skipped", requests: figures(from, from) });
      return;
    }
    try {
      const detail = await work();
      record({ id, status: "passed", detail, requests: figures(from, session.tally()) });
    } catch (error) {
      failed = true;
      const code = codeOf(error);
      record({
        id,
        status: "failed",
        detail: reasonOf(error),
        ...(code ? { code } : {}),
        requests: figures(from, session.tally()),
      });
    }
  };
  const onScratch = <T>(useCase: (port: WorkbookPort) => Promise<T>) =>
    session.run((port) => useCase(scratchOnly(port, scratch)));

  await step("install", async () => {
    before = await session.run((port) => port.listSheets());
    scratch = scratchSheetName(
      before.map((info) => info.name),
      options.random,
    );
    const { sheetName, listed } = await onScratch(async (port) => {
      const outcome = await installAppendix(port, {
        unit: labelIn("selfcheck_unit", {}, "vi"),
        level: "so",
        period: "2021-Q3",
        sheetName: scratch,
      });
      return { sheetName: outcome.sheetName, listed: await port.listSheets() };
    });
    const made = listed.find((info) => info.name === scratch);
    const version = catalogue.templateVersion;
    demand(
      sheetName === scratch && made?.keyHeader === version,
      labelText("selfcheck_install_missing", { scratch, version, ...sheetsListed(listed) }),
    );
    return labelText("selfcheck_installed", { scratch, version });
  });

  await step("type", async () => {
    const grid = await onScratch(async (port) => {
      const cells = SELF_CHECK_VALUES.map(({ code, value }) => ({ address: valueCell(code), value }));
      await port.apply({ steps: [{ kind: "write", sheet: scratch, cells }], readAfter: [scratch] });
      return (await port.readSheets([scratch]))[0];
    });
    const wrong = SELF_CHECK_VALUES.filter(({ code, value }) => {
      const read = valueCellOf(grid, code);
      return value === null
        ? read?.formula !== undefined || (read?.value ?? null) !== null
        : read?.value !== value;
    });
    demand(
      wrong.length === 0,
      labelText("selfcheck_type_missing", { cells: wrong.map(({ code }) => `${code} (${valueCell(code)})`) }),
    );
    return labelText("selfcheck_typed", {
      cells: SELF_CHECK_VALUES.map(({ code }) => `${code} ${valueCell(code)}`),
      values: SELF_CHECK_VALUES.map(({ value }) => (value === null ? "" : JSON.stringify(value))),
    });
  });

  await step("validate", async () => {
    const result = await onScratch((port) => checkWorkbook(port, { sheets: [scratch], mark: true }));
    const sheet = result.sheets.find((item) => item.sheet === scratch);
    const target = `${valueCell(MISTAKE)}`;
    finding = sheet?.findings.find(
      (item) =>
        item.suggestion && splitAddress(item.suggestion.cell).address === target && item.severity === "error",
    );
    demand(
      finding?.suggestion?.value === CORRECTED,
      labelText("selfcheck_validate_missing", {
        code: MISTAKE,
        cell: target,
        value: CORRECTED,
        ...(sheet ? severities(sheet.counts) : {}),
      }),
    );
    const found = finding;
    return labelText("selfcheck_validated", {
      cell: target,
      message: found.message.vi,
      messageEn: found.message.en,
      ...severities(sheet!.counts),
    });
  });

  await step("marks", async () => {
    const counts = await session.marks(scratch);
    demand(counts.error >= 1 && counts.info >= 1, labelText("selfcheck_marks_missing", severities(counts)));
    return labelText("selfcheck_marks", severities(counts));
  });

  await step("fix", async () => {
    const fix = finding!;
    const { result, grid } = await onScratch(async (port) => ({
      result: await applyFix(port, fix, { mark: true }),
      grid: (await port.readSheets([scratch]))[0],
    }));
    const errors = result.sheets.find((item) => item.sheet === scratch)?.counts.error;
    const value = valueCellOf(grid, MISTAKE)?.value;
    demand(
      value === CORRECTED && errors === 0,
      labelText("selfcheck_fix_failed", {
        cell: valueCell(MISTAKE),
        found: String(JSON.stringify(value)),
        value: CORRECTED,
        ...(errors === undefined ? {} : { errors }),
      }),
    );
    return labelText("selfcheck_fixed", { cell: valueCell(MISTAKE), value: CORRECTED });
  });

  await step("fill", async () => {
    const { result, grid } = await onScratch(async (port) => ({
      result: await fillDerived(port, { sheet: scratch, mark: true }),
      grid: (await port.readSheets([scratch]))[0],
    }));
    const formulas = result.outcomes.filter((outcome) => outcome.action === "formula");
    const derived = valueCellOf(grid, DERIVED)?.formula;
    const restored = formulas.some((outcome) => outcome.code === DERIVED);
    demand(
      restored && typeof derived === "string" && derived.startsWith("="),
      labelText("selfcheck_fill_failed", {
        code: DERIVED,
        cell: valueCell(DERIVED),
        formulas: formulas.length,
      }),
    );
    return labelText("selfcheck_filled", {
      formulas: formulas.length,
      cell: valueCell(DERIVED),
      formula: derived,
    });
  });

  await step("clear", async () => {
    const marked = await session.marks(scratch);
    demand(total(marked) > 0, labelText("selfcheck_clear_nothing", {}));
    await onScratch((port) => clearMarks(port, { sheets: [scratch] }));
    const left = await session.marks(scratch);
    demand(total(left) === 0, labelText("selfcheck_clear_left", { marks: total(left) }));
    return labelText("selfcheck_cleared", { marks: total(marked) });
  });

  const active = before.find((info) => info.active)?.name;
  await step(
    "restore",
    async () => {
      if (!active) return labelText("selfcheck_restore_unknown", {});
      await session.activateSheet(active);
      return labelText("selfcheck_restored", { sheet: active });
    },
    true,
  );

  let leftBehind: string | undefined;
  await step(
    "delete",
    async () => {
      if (!scratch) return labelText("selfcheck_delete_none", {});
      try {
        const listed = await session.run((port) => port.listSheets());
        if (!listed.some((info) => info.name === scratch)) {
          return labelText("selfcheck_delete_absent", { sheet: scratch });
        }
        await session.deleteSheet(scratch);
      } catch (error) {
        leftBehind = scratch;
        const reason = reasonOf(error);
        throw new SelfCheckFailure(
          labelText("selfcheck_delete_failed", { sheet: scratch, reason: reason.vi, reasonEn: reason.en }),
          codeOf(error),
        );
      }
      return labelText("selfcheck_deleted", { sheet: scratch });
    },
    true,
  );

  await step(
    "unchanged",
    async () => {
      demand(before.length > 0, labelText("selfcheck_unchanged_unknown", {}));
      const after = await session.run((port) => port.listSheets());
      const [was, is] = [sheetsListed(before), sheetsListed(after)];
      demand(
        sameWorkbook(before, after),
        labelText("selfcheck_changed", {
          before: was.sheets,
          ...(was.open === undefined ? {} : { beforeOpen: was.open }),
          beforeHidden: was.hidden,
          after: is.sheets,
          ...(is.open === undefined ? {} : { afterOpen: is.open }),
          afterHidden: is.hidden,
        }),
      );
      return labelText("selfcheck_unchanged", {
        sheets: after.length,
        ...(active === undefined ? {} : { open: active }),
      });
    },
    true,
  );

  return {
    passed: steps.every((item) => item.status === "passed"),
    startedAt,
    scratchSheet: scratch,
    steps,
    requests: figures(start, session.tally()),
    facts: factsOf(host),
    ...(leftBehind ? { leftBehind } : {}),
  };
}
