import { useEffect, useMemo, useReducer, useRef } from "react";
import type { Catalogue, FormRegistry, Level } from "../domain/catalogue";
import type { SheetValidation } from "../domain/engine";
import type { Finding } from "../domain/findings";
import type { AddinHost } from "../workflows/host";
import type { WorkbookPort } from "../workflows/port";
import type { InstallOptions } from "../workflows/install";
import type { MissingForm } from "../workflows/validate";
import type { CheckProgress, CheckResult, StampStatus } from "../workflows/stamp";
import { ownSheetInMemory } from "../workflows/own-sheet";
import {
  applyFix,
  checkWorkbook,
  clearMarks,
  fillDerived,
  reviewWorkbook,
  selectFinding,
  splitAddress,
} from "../workflows/usecases";
import type { PaneError } from "./errors";
import { describeError, isCellEditing } from "./errors";
import { cellPlace } from "./open-sheet";
import type { Lang, Strings } from "./i18n";
import { STRINGS } from "./i18n";
import { loadBothStrings } from "./languages";

/** How long the pane waits after the last edit before checking again: fast enough to feel live, calm while typing. */
export const LIVE_CHECK_DELAY_MS = 300;

/**
 * How long an action runs before its progress shows: a check of one sheet is over sooner and renders its result
 * once, with no bar flashing by (its button goes disabled at once, which says the click was taken), while a long one
 * (many sheets, Excel on the web) shows its progress bar and phases from then on.
 */
export const PROGRESS_DELAY_MS = 300;

/**
 * How long the pane waits after the user opens another sheet before describing it: tabs gone through quickly (Ctrl+
 * Page Down held, clicks in a row) cost one description, of the sheet the user stopped on.
 */
export const FOLLOW_DELAY_MS = 150;

/**
 * How long the pane waits to describe a sheet opened while the user is editing a cell (Excel refuses every request
 * then; a formula that points at another sheet's cells opens that sheet mid-edit): it tries again quietly, up to
 * FOLLOW_RETRIES times, rather than interrupting the edit with an error bar.
 */
export const FOLLOW_RETRY_MS = 1_000;
export const FOLLOW_RETRIES = 30;

/** One appendix sheet as the pane knows it: its validation and its stamp. */
export interface SheetResult {
  readonly validation: SheetValidation;
  readonly stamp?: StampStatus;
}

/**
 * The appendix sheets the pane's checks went over: each checked sheet's result by name, and the sheets they read but
 * could not check because the workbook does not carry their form's definition, which must not pass for checked.
 */
export interface SheetResults extends ReadonlyMap<string, SheetResult> {
  readonly notChecked?: readonly MissingForm[];
}

/** A short message after an action, in both languages. */
export interface Notice {
  readonly tone: "success" | "info" | "warning";
  readonly text: PaneError;
}

/** What the pane is doing on the user's behalf; live checks run in the background and never block the buttons. */
export type Busy = "check" | "review" | "fill" | "clear" | "fix" | "install" | "consolidate";

/** The pane asking which appendix sheet is the user's: the one it proposes, and what it does once told. */
export interface OwnChoice {
  readonly proposed?: string;
  /** The sheet chosen before, no longer in the workbook. */
  readonly missing?: string;
  /** The button that asked, which then runs on the chosen sheet: Validate, or "Xóa đánh dấu". */
  readonly then?: "check" | "clear";
}

/** Everything the pane shows. */
export interface PaneState {
  /** Validated appendix sheets, by name, and those the checks could not validate. */
  readonly results: SheetResults;
  /** Their names in workbook order. */
  readonly order: readonly string[];
  /** True once a check over the workbook has run: the pane then shows its results. */
  readonly checked: boolean;
  readonly unknownVersions: readonly { readonly sheet: string; readonly version: string }[];
  /**
   * Sheets made from a form definition the workbook does not carry (F1 `ID#hash`, no such block), as the last
   * check or description found them: the pane asks for the definition file.
   */
  readonly missingForms: readonly MissingForm[];
  /** The sheet whose findings are shown. */
  readonly focus?: string;
  /** The sheet the user is on, and what the header shows about it before any check. */
  readonly active?: string;
  /**
   * The number of the read that told `active` (reads are numbered as they start): a read that started before it, and
   * answers after it, does not bring back the sheet the user has left.
   */
  readonly activeAt?: number;
  readonly described?: SheetResult;
  /** True once the pane knows which sheet is open and what it holds. */
  readonly ready: boolean;
  readonly busy?: Busy;
  /** True once the action running has lasted PROGRESS_DELAY_MS: its progress shows from then on. */
  readonly lasting?: boolean;
  readonly progress?: CheckProgress;
  readonly error?: PaneError;
  readonly notice?: Notice;
  /** What became of the stamp in the last check that could write one. */
  readonly stampNote?: Notice;
  /** The user's own appendix sheet in this workbook, once they said which. */
  readonly own?: string;
  /** The workbook's appendix sheets by their key, as last listed: the sheets one of which is the user's. */
  readonly appendices: readonly string[];
  /** Set while the pane asks which sheet is the user's. */
  readonly choosing?: OwnChoice;
  /** A sheet that is not the user's, ready after their fix or fill, whose stamp waits for their yes. */
  readonly stampOffer?: string;
}

/** What changes the pane's state. */
export type PaneAction =
  | { type: "start"; busy: Busy }
  | { type: "progress"; progress: CheckProgress }
  | { type: "lasting" }
  /**
   * `names`: every appendix sheet of a check over the whole workbook, which replaces what the pane knew; `at`: the
   * number of the read that told `active`.
   */
  | {
      type: "checked";
      result: CheckResult;
      names?: readonly string[];
      active?: string;
      at?: number;
      live?: boolean;
    }
  | {
      type: "described";
      active?: string;
      result?: SheetResult;
      appendices?: readonly string[];
      /** The check that described the sheet: which of the sheets it read miss their form's definition. */
      checked?: Pick<CheckResult, "sheets" | "missingForms" | "skipped" | "unknownVersions">;
      /** The number of the read, as it started. */
      at?: number;
    }
  /** The user is on `sheet`, which the pane opened itself (a finding selected there) in the run numbered `at`. */
  | { type: "activated"; sheet: string; at: number }
  | { type: "done"; notice?: Notice; stampNote?: Notice }
  | { type: "failed"; error: PaneError }
  | { type: "dismissError" }
  | { type: "focus"; sheet: string }
  | { type: "own"; sheet?: string }
  | { type: "choose"; choice?: OwnChoice }
  | { type: "offerStamp"; sheet?: string };

/** The pane before it knows anything. */
export const INITIAL_PANE: PaneState = {
  results: new Map(),
  order: [],
  checked: false,
  unknownVersions: [],
  missingForms: [],
  ready: false,
  appendices: [],
};

function merge(
  state: PaneState,
  result: CheckResult,
  names: readonly string[] | undefined,
): { results: Map<string, SheetResult>; order: readonly string[] } {
  const fresh = new Map<string, SheetResult>();
  for (const validation of result.sheets) {
    const stamp = result.stamps.get(validation.sheet);
    fresh.set(validation.sheet, { validation, ...(stamp ? { stamp } : {}) });
  }
  if (names) {
    // A check over the workbook replaces what the pane knew, except for a sheet a newer live check already holds.
    const results = new Map<string, SheetResult>();
    for (const name of names) {
      const known = fresh.get(name) ?? state.results.get(name);
      if (known) results.set(name, known);
    }
    return { results, order: [...results.keys()] };
  }
  const results = new Map([...state.results, ...fresh]);
  return {
    results,
    order: [...state.order, ...[...fresh.keys()].filter((name) => !state.order.includes(name))],
  };
}

/**
 * The sheets missing their form's definition once a check has read some sheets: those it read are as it found them
 * (a sheet now validated has its form), the others as they were.
 */
function missingAfter(
  known: readonly MissingForm[],
  checked: Pick<CheckResult, "sheets" | "missingForms" | "skipped" | "unknownVersions">,
): readonly MissingForm[] {
  const read = new Set([
    ...checked.sheets.map((sheet) => sheet.sheet),
    ...checked.missingForms.map((missing) => missing.sheet),
    ...checked.skipped,
    ...checked.unknownVersions.map((unknown) => unknown.sheet),
  ]);
  return [...known.filter((missing) => !read.has(missing.sheet)), ...checked.missingForms];
}

/** True when the read numbered `at` started no sooner than the one that told the open sheet: it may tell it again. */
function isNewest(state: PaneState, at: number | undefined): boolean {
  return at === undefined || at >= (state.activeAt ?? 0);
}

/** The pane on the sheet a read told open: its findings shown, if the pane has them, as when the pane opens on it. */
function opened(
  state: PaneState,
  sheet: string | undefined,
  at: number | undefined,
): Pick<PaneState, "active" | "activeAt" | "focus"> {
  const moved = sheet !== undefined && sheet !== state.active && state.results.has(sheet);
  return { active: sheet, activeAt: at ?? state.activeAt, focus: moved ? sheet : state.focus };
}

/** The pane's state after an action: pure, so that its merging of checks is tested on its own. */
export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "start":
      return {
        ...state,
        busy: action.busy,
        lasting: false,
        error: undefined,
        notice: undefined,
        stampNote: undefined,
        progress: undefined,
        stampOffer: undefined,
      };
    case "progress":
      return { ...state, progress: action.progress };
    case "lasting":
      return state.busy === undefined ? state : { ...state, lasting: true };
    case "checked": {
      const full = action.names !== undefined;
      const merged = merge(state, action.result, action.names);
      const { order } = merged;
      // A check over the workbook says which of its sheets it could not check; one of some sheets, which of those.
      const notChecked = full
        ? action.result.missingForms
        : missingAfter(state.results.notChecked ?? [], action.result);
      const results: SheetResults = notChecked.length
        ? Object.assign(merged.results, { notChecked })
        : merged.results;
      const tells = action.active !== undefined && isNewest(state, action.at);
      const active = tells ? action.active : state.active;
      const focus =
        (action.live && state.focus && results.has(state.focus) && state.focus) ||
        (active && results.has(active) ? active : undefined) ||
        (state.focus && results.has(state.focus) ? state.focus : undefined) ||
        order[0];
      return {
        ...state,
        results,
        order,
        checked: state.checked || full || action.result.sheets.length > 0,
        unknownVersions: full ? action.result.unknownVersions : state.unknownVersions,
        missingForms: missingAfter(state.missingForms, action.result),
        focus,
        active,
        activeAt: tells ? (action.at ?? state.activeAt) : state.activeAt,
        appendices: action.result.appendices ?? state.appendices,
      };
    }
    case "described":
      return {
        ...state,
        ...(isNewest(state, action.at)
          ? { ...opened(state, action.active, action.at), described: action.result }
          : {}),
        ready: true,
        ...(action.checked ? { missingForms: missingAfter(state.missingForms, action.checked) } : {}),
        appendices: action.appendices ?? state.appendices,
      };
    case "done":
      return {
        ...state,
        busy: undefined,
        lasting: false,
        progress: undefined,
        notice: action.notice,
        stampNote: action.stampNote,
      };
    case "failed":
      return { ...state, busy: undefined, lasting: false, progress: undefined, error: action.error };
    case "dismissError":
      return { ...state, error: undefined };
    case "activated":
      return isNewest(state, action.at) ? { ...state, ...opened(state, action.sheet, action.at) } : state;
    case "focus":
      return { ...state, focus: action.sheet };
    case "own":
      return { ...state, own: action.sheet };
    case "choose":
      return { ...state, choosing: action.choice };
    case "offerStamp":
      return { ...state, stampOffer: action.sheet };
  }
}

function both(render: (t: Strings) => string): PaneError {
  return { vi: render(STRINGS.vi), en: render(STRINGS.en) };
}

/** The stamp's outcome in a check that could write one, for the pane to say. */
function stampNoteOf(result: CheckResult): Notice | undefined {
  const failure = result.stampFailure;
  if (failure) {
    return {
      tone: "warning",
      text: {
        vi: STRINGS.vi.stamp.failed(failure.message.vi),
        en: STRINGS.en.stamp.failed(failure.message.en),
      },
    };
  }
  const first = result.stamped[0];
  const at = first ? result.stamps.get(first)?.stamp?.at : undefined;
  return at ? { tone: "success", text: both((t) => t.stamp.written(at)) } : undefined;
}

/** What the install form asks for. */
export interface InstallRequest {
  readonly unit: string;
  readonly level: Level;
  readonly period: string;
  readonly sheetName?: string;
  /** A form read from a definition file: the sheet is made from it and the workbook carries it. */
  readonly definition?: Catalogue;
}

/** The pane's actions, each one click of the user. */
export interface PaneActions {
  /** "Kiểm tra trước khi nộp": checks, marks and stamps the user's own sheet, asking first which it is. */
  check(): Promise<void>;
  /** The reviewer's "Kiểm tra tất cả": checks every appendix sheet, marks none and stamps none. */
  checkAll(): Promise<void>;
  fix(finding: Finding): Promise<void>;
  select(finding: Finding): Promise<void>;
  fill(): Promise<void>;
  clear(): Promise<void>;
  install(request: InstallRequest): Promise<boolean>;
  /**
   * For a sheet whose form's definition the workbook does not carry: embeds `definition` (the caller has checked
   * it is the one the sheet names) and checks that sheet.
   */
  embed(sheet: string, definition: Catalogue): Promise<boolean>;
  /** Says again which sheet is open and what it holds, after another part of the pane changed the workbook. */
  refresh(): Promise<void>;
  focus(sheet: string): void;
  dismissError(): void;
  /** Opens the question of which sheet is the user's, the active appendix sheet proposed. */
  changeOwn(): void;
  /** The user's answer: remembered for them and this workbook, then what the question was asked for. */
  chooseOwn(sheet: string): Promise<void>;
  cancelOwn(): void;
  /** The user's answer to the offer to stamp a sheet that is not theirs. */
  answerStampOffer(accept: boolean): Promise<void>;
}

/** The pane's work over a host, apart from React: what usePane runs, and what `npm run bench` drives. */
export interface Pane {
  readonly actions: PaneActions;
  /**
   * Says which sheet is open and what it holds, and recalls which sheet is the user's; the pane does it when it
   * opens. Never rejects.
   */
  describe(): Promise<void>;
  /**
   * Checks the user's own sheet again, LIVE_CHECK_DELAY_MS after the last edit of it, whoever made it (the user or
   * a co-author), marking cells but never selecting one; edits of other sheets are not checked, so nothing is
   * marked there. Returns the unsubscribe function.
   */
  watch(): () => void;
  /**
   * Describes the sheet the user opens, FOLLOW_DELAY_MS after the last sheet opened, unless the pane opened it
   * itself and already knows it. Returns the unsubscribe function.
   */
  follow(): () => void;
}

/**
 * The pane's actions over an injected host, telling `dispatch` what changes. Every action is one host.run (one
 * Excel.run), which also tells the sheet the user is on.
 */
export function createPane(host: AddinHost, dispatch: (action: PaneAction) => void): Pane {
  // Results are applied in the order their reads started, so a slow live check never overwrites a newer fix.
  let generation = 0;
  const applied = new Map<string, number>();
  const accept = (result: CheckResult, started: number): CheckResult => {
    const sheets = result.sheets.filter((sheet) => (applied.get(sheet.sheet) ?? 0) <= started);
    for (const sheet of sheets) applied.set(sheet.sheet, started);
    return { ...result, sheets };
  };
  // Every notice and error is written in both languages: English's texts are a chunk of their own, fetched once the
  // first verdict stands, so an action awaits them before it says anything (at once, once they are in).
  const texts = () => loadBothStrings().then(undefined, () => undefined);
  const fail = async (error: unknown) => {
    await texts();
    dispatch({ type: "failed", error: describeError(error, STRINGS) });
  };
  // Only for a host whose listing does not say which sheet is open; Excel's does, in the same request.
  const activeSheet = () => host.activeSheet();

  // Which sheet is the user's, and the workbook's appendix sheets, as the pane last learnt them: the live checks
  // need them synchronously, on every change event.
  const store = host.ownSheet ?? ownSheetInMemory();
  let own: string | undefined;
  let appendices: readonly string[] = [];
  let active: string | undefined;
  let recalled: Promise<void> | undefined;
  let choosing: OwnChoice | undefined;
  let offered: string | undefined;
  // The forms the last check read the sheets with (the built-in ones and those the workbook carries, read again by
  // every check that lists the workbook, so a changed `_cchc_mau` is seen by the next one): a fix, which lists
  // nothing, checks its sheet again with the forms its finding was found with.
  let forms: FormRegistry | undefined;
  // The sheets the checks read but could not check for want of their form's definition: focusing one opens it.
  const unchecked = new Set<string>();
  // The open sheet as the newest read told it (reads are numbered by `generation` as they start), as the reducer
  // keeps it: a slow read of the sheet the user has left does not bring it back.
  let activeAt = 0;
  const learn = (
    result: Partial<Pick<CheckResult, "appendices" | "active" | "forms" | "sheets" | "missingForms">>,
    started: number,
  ) => {
    if (result.appendices) appendices = result.appendices;
    if (result.active !== undefined && started >= activeAt) {
      active = result.active;
      activeAt = started;
    }
    if (result.forms) forms = result.forms;
    for (const sheet of result.sheets ?? []) unchecked.delete(sheet.sheet);
    for (const missing of result.missingForms ?? []) unchecked.add(missing.sheet);
  };
  // The last run that may have opened a sheet (a description, a finding selected): the activation it caused is news
  // only if that run, once answered, has not told the pane of the sheet.
  let opening: Promise<unknown> = Promise.resolve();
  const opens = <T>(run: Promise<T>): Promise<T> => {
    opening = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
  const recall = (): Promise<void> =>
    (recalled ??= store.recall().then(
      (sheet) => {
        own = sheet;
        dispatch({ type: "own", ...(sheet ? { sheet } : {}) });
      },
      // A workbook whose settings cannot be read is one whose pane asks again: nothing else depends on it.
      () => undefined,
    ));
  // A workbook of one appendix sheet (or of sheets typed by hand, without a key) has no colleague's sheet to spare:
  // its sheets are the user's, as they were before the pane knew of own sheets.
  const solo = () => own === undefined && appendices.length <= 1;
  const isMine = (sheet: string) => (own !== undefined ? sheet === own : solo());
  const proposal = (): string | undefined =>
    (active && appendices.includes(active) ? active : undefined) ??
    (own && appendices.includes(own) ? own : undefined) ??
    appendices[0];

  const perform = async (
    busy: Busy,
    work: () => Promise<PaneAction | undefined>,
    after?: () => PaneAction,
  ): Promise<boolean> => {
    dispatch({ type: "start", busy });
    try {
      await texts();
      const action = await work();
      if (action) dispatch(action);
      dispatch(after?.() ?? { type: "done" });
      return true;
    } catch (error) {
      await fail(error);
      return false;
    }
  };

  const describeIn = (port: WorkbookPort): Promise<PaneAction> => opens(readOpenSheet(port));
  const readOpenSheet = async (port: WorkbookPort): Promise<PaneAction> => {
    const started = ++generation;
    const result = await checkWorkbook(port, { sheets: "active", activeSheet });
    learn(result, started);
    const validation = result.sheets[0];
    const stamp = validation && result.stamps.get(validation.sheet);
    return {
      type: "described",
      active: result.active,
      at: started,
      checked: result,
      ...(result.appendices ? { appendices: result.appendices } : {}),
      ...(validation ? { result: { validation, ...(stamp ? { stamp } : {}) } } : {}),
    };
  };

  /**
   * Describes the open sheet. `quietWhileEditing`: a refusal because a cell is being edited is returned (false), not
   * shown — the pane asked on its own, not the user.
   */
  const describeOpen = async (quietWhileEditing: boolean): Promise<boolean> => {
    try {
      dispatch(await host.run(describeIn));
    } catch (error) {
      if (quietWhileEditing && isCellEditing(error)) return false;
      await fail(error);
    }
    await recall();
    return true;
  };

  const describe = async (): Promise<void> => {
    await describeOpen(false);
  };

  /** After a fix or fill of a sheet that is not the user's: the stamp is offered, never written unasked. */
  const offerStamp = (result: CheckResult, sheet: string): void => {
    if (isMine(sheet)) return;
    const validation = result.sheets.find((candidate) => candidate.sheet === sheet);
    const status = result.stamps.get(sheet);
    const current = status?.stamp && !status.valuesChanged && !status.rulesChanged;
    if (validation?.verdict === "ready" && validation.counts.error === 0 && !current) {
      offered = sheet;
      dispatch({ type: "offerStamp", sheet });
    }
  };

  const watch = (): (() => void) => {
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const edited = [...pending];
      pending.clear();
      const sheets = own !== undefined ? edited.filter((sheet) => sheet === own) : solo() ? edited : [];
      if (!sheets.length) return;
      const started = ++generation;
      host
        .run((port) => checkWorkbook(port, { sheets, mark: true, activeSheet }))
        .then((result) => {
          learn(result, started);
          const fresh = accept(result, started);
          if (fresh.sheets.length)
            dispatch({ type: "checked", result: fresh, live: true, active: result.active, at: started });
        })
        .catch(fail);
    };
    const stop = host.onCellsChanged((change) => {
      pending.add(change.sheet);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, LIVE_CHECK_DELAY_MS);
    });
    return () => {
      stop();
      if (timer !== undefined) clearTimeout(timer);
    };
  };

  const ask = (choice: OwnChoice): void => {
    const proposed = proposal();
    choosing = proposed ? { ...choice, proposed } : choice;
    dispatch({ type: "choose", choice: choosing });
  };

  /** Checks, marks and stamps these sheets (every sheet when undefined), as Validate does. */
  const validate = async (sheets: readonly string[] | undefined, notice?: Notice): Promise<void> => {
    let stampNote: Notice | undefined;
    await perform(
      "check",
      async () => {
        const started = ++generation;
        const result = await host.run((port) =>
          checkWorkbook(port, {
            ...(sheets ? { sheets } : {}),
            mark: true,
            stamp: true,
            activeSheet,
            onProgress: (progress) => dispatch({ type: "progress", progress }),
          }),
        );
        learn(result, started);
        const gone = own !== undefined && result.appendices && !result.appendices.includes(own);
        if (gone) {
          ask({ then: "check", missing: own! });
          return undefined;
        }
        stampNote = stampNoteOf(result);
        return {
          type: "checked",
          result: accept(result, started),
          names: result.sheets.map((sheet) => sheet.sheet),
          active: result.active,
          at: started,
        };
      },
      () => ({ type: "done", stampNote, ...(notice ? { notice } : {}) }),
    );
  };

  /** Opens a sheet in the workbook, and says what it holds. */
  const open = async (sheet: string): Promise<void> => {
    try {
      dispatch(
        await host.run(async (port) => {
          await port.apply({ steps: [{ kind: "select", sheet, address: "A1" }] });
          return describeIn(port);
        }),
      );
    } catch (error) {
      await fail(error);
    }
  };

  /** Clears the marks of the user's own sheet, or of every sheet in a workbook whose sheets are all theirs. */
  const clearOwn = async (): Promise<void> => {
    let sheets = 0;
    await perform(
      "clear",
      async () => {
        // A colleague's marks are theirs to clear.
        sheets = await host.run((port) => clearMarks(port, own !== undefined ? { sheets: [own] } : {}));
        return undefined;
      },
      () => ({ type: "done", notice: { tone: "info", text: both((t) => t.notices.cleared(sheets)) } }),
    );
  };

  const actions: PaneActions = {
    check: async () => {
      await recall();
      if (own !== undefined) return validate([own]);
      if (!solo()) return ask({ then: "check" });
      // One appendix sheet by its key is the one to check; none means sheets typed by hand, found only by reading.
      return validate(appendices.length === 1 ? appendices : undefined);
    },
    checkAll: async () => {
      let sheets = 0;
      let notChecked = 0;
      await perform(
        "review",
        async () => {
          const started = ++generation;
          const result = await host.run((port) =>
            reviewWorkbook(port, {
              activeSheet,
              onProgress: (progress) => dispatch({ type: "progress", progress }),
            }),
          );
          learn(result, started);
          sheets = result.sheets.length;
          notChecked = result.missingForms.length;
          return {
            type: "checked",
            result: accept(result, started),
            names: result.sheets.map((sheet) => sheet.sheet),
            active: result.active,
            at: started,
          };
        },
        () => ({
          type: "done",
          notice: notChecked
            ? { tone: "warning", text: both((t) => t.notices.reviewedNotAll(sheets, notChecked)) }
            : { tone: "info", text: both((t) => t.notices.reviewed(sheets)) },
        }),
      );
    },
    fill: async () => {
      await recall();
      let notice: Notice | undefined;
      let stampNote: Notice | undefined;
      let sheet: string | undefined;
      let check: CheckResult | undefined;
      await perform(
        "fill",
        async () => {
          const started = ++generation;
          // The sheet the fill works on is known only once listed: the marks and stamp of a sheet that is not the
          // user's are left to its owner, and its stamp offered.
          const filled = await host.run((port) =>
            fillDerived(port, { mark: true, stamp: true, activeSheet, mayWriteOn: isMine }),
          );
          learn(filled.check, started);
          const formulas = filled.outcomes.filter((outcome) => outcome.action === "formula").length;
          const kept = filled.outcomes.length - formulas;
          notice = { tone: "success", text: both((t) => t.notices.filled(formulas, kept)) };
          stampNote = stampNoteOf(filled.check);
          sheet = filled.sheet;
          check = filled.check;
          return {
            type: "checked",
            result: accept(filled.check, started),
            active: filled.check.active,
            at: started,
          };
        },
        () => ({ type: "done", notice, stampNote }),
      );
      if (check && sheet !== undefined) offerStamp(check, sheet);
    },
    fix: async (finding) => {
      const suggestion = finding.suggestion;
      if (!suggestion) return;
      await recall();
      const sheet = splitAddress(suggestion.cell).sheet;
      const mine = isMine(sheet);
      // A fix of a sheet the user is not on says which cell it wrote: the one they see has not changed.
      const place = active === undefined || sheet === active ? undefined : cellPlace(suggestion.cell, active);
      const fixed = (t: Strings, lang: Lang) =>
        place
          ? t.notices.fixedAt(place, suggestion.display[lang])
          : t.notices.fixed(suggestion.display[lang]);
      let result: CheckResult | undefined;
      let stampNote: Notice | undefined;
      await perform(
        "fix",
        async () => {
          const started = ++generation;
          result = await host.run((port) =>
            applyFix(port, finding, { mark: mine, stamp: mine, ...(forms ? { forms } : {}) }),
          );
          learn(result, started);
          stampNote = stampNoteOf(result);
          return { type: "checked", result: accept(result, started) };
        },
        () => ({
          type: "done",
          notice: {
            tone: "success",
            text: { vi: fixed(STRINGS.vi, "vi"), en: fixed(STRINGS.en, "en") },
          },
          stampNote,
        }),
      );
      if (result) offerStamp(result, sheet);
    },
    select: async (finding) => {
      const cell = finding.cells[0];
      const started = ++generation;
      try {
        await opens(
          host
            .run((port) => selectFinding(port, finding))
            .then(() => {
              if (cell === undefined) return;
              // The cell's sheet is open now: the header names it, and its activation is no news.
              const sheet = splitAddress(cell).sheet;
              learn({ active: sheet }, started);
              dispatch({ type: "activated", sheet, at: started });
            }),
        );
      } catch (error) {
        await fail(error);
      }
    },
    clear: async () => {
      await recall();
      if (own === undefined && !solo()) return ask({ then: "clear" });
      await clearOwn();
    },
    install: async (request) => {
      let sheetName = "";
      const options: InstallOptions = {
        unit: request.unit,
        level: request.level,
        period: request.period,
        ...(request.sheetName ? { sheetName: request.sheetName } : {}),
        ...(request.definition ? { definition: request.definition } : {}),
      };
      return perform(
        "install",
        async () => {
          // The template's definition is only for installing: it loads on the click (before Excel.run opens), not
          // with the pane.
          const { installAppendix } = await import("../workflows/install");
          return host.run(async (port) => {
            sheetName = (await installAppendix(port, options)).sheetName;
            // The install opens its sheet: the header then describes it, in the same Excel.run.
            return describeIn(port);
          });
        },
        () => ({ type: "done", notice: { tone: "success", text: both((t) => t.install.done(sheetName)) } }),
      );
    },
    embed: async (sheet, definition) => {
      await recall();
      const mine = isMine(sheet);
      return perform(
        "install",
        async () => {
          const { embedDefinition } = await import("../workflows/install");
          const started = ++generation;
          const result = await host.run(async (port) => {
            await embedDefinition(port, definition);
            // The sheet's form is now carried: the check reads it with the workbook's forms, as every check does.
            return checkWorkbook(port, { sheets: [sheet], mark: mine, activeSheet });
          });
          learn(result, started);
          return {
            type: "checked",
            result: accept(result, started),
            active: result.active,
            at: started,
          };
        },
        () => ({
          type: "done",
          notice: {
            tone: "success",
            text: both((t) => t.definition.embedded(definition.templateVersion, sheet)),
          },
        }),
      );
    },
    refresh: describe,
    focus: (sheet) => {
      dispatch({ type: "focus", sheet });
      // A sheet that could not be checked has no findings to show: it is opened, and the pane asks for its form's
      // definition there, as for any open sheet whose definition is missing (MissingDefinition).
      if (unchecked.has(sheet)) void open(sheet);
    },
    dismissError: () => dispatch({ type: "dismissError" }),
    changeOwn: () => ask({}),
    chooseOwn: async (sheet) => {
      const then = choosing?.then;
      own = sheet;
      recalled = Promise.resolve();
      choosing = undefined;
      dispatch({ type: "own", sheet });
      dispatch({ type: "choose" });
      // The choice holds for this pane whatever becomes of its storage; a failure only means asking again later.
      const saved = await store.remember(sheet).then(
        () => true,
        () => false,
      );
      if (!saved) await texts();
      const notice: Notice | undefined = saved
        ? undefined
        : { tone: "warning", text: both((t) => t.own.notSaved) };
      if (then === "check") await validate([sheet], notice);
      else if (then === "clear") await clearOwn();
      if (notice && then !== "check") dispatch({ type: "done", notice });
    },
    cancelOwn: () => {
      choosing = undefined;
      dispatch({ type: "choose" });
    },
    answerStampOffer: async (yes) => {
      const sheet = offered;
      offered = undefined;
      dispatch({ type: "offerStamp" });
      // Yes: the user checks that sheet on its unit's behalf, which is Validate of that sheet.
      if (yes && sheet !== undefined) await validate([sheet]);
    },
  };
  const follow = (): (() => void) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest: string | undefined;
    let following = false;
    let stopped = false;
    let retries = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // One description at a time, read once the pane's own run that may have opened the sheet has answered; sheets
    // opened meanwhile are caught up with after it, by one description of the last of them.
    const catchUp = (): void => {
      if (following || stopped || latest === undefined) return;
      const sheet = latest;
      latest = undefined;
      following = true;
      void opening
        .then(() => (stopped || sheet === active ? true : describeOpen(retries < FOLLOW_RETRIES)))
        .then((described) => {
          if (described) retries = 0;
          // Refused while a cell is edited: the same sheet again later, unless another was opened meanwhile.
          else if (latest === undefined && !stopped) {
            retries++;
            retry = setTimeout(() => {
              retry = undefined;
              latest ??= sheet;
              catchUp();
            }, FOLLOW_RETRY_MS);
          }
        })
        .finally(() => {
          following = false;
          catchUp();
        });
    };
    const stop = host.onSheetActivated((sheet) => {
      if (timer !== undefined) clearTimeout(timer);
      // A sheet opened while another waits for its retry: the newer one is described instead.
      if (retry !== undefined) clearTimeout(retry);
      retry = undefined;
      retries = 0;
      timer = setTimeout(() => {
        timer = undefined;
        latest = sheet;
        catchUp();
      }, FOLLOW_DELAY_MS);
    });
    return () => {
      stopped = true;
      stop();
      if (timer !== undefined) clearTimeout(timer);
      if (retry !== undefined) clearTimeout(retry);
    };
  };

  return { actions, describe, watch, follow };
}

/**
 * What tells React of the pane's actions (`send`): an action's progress is held until the action has lasted
 * PROGRESS_DELAY_MS, then told in the same task as `lasting` (one render), and at once after that; an action that
 * starts or ends makes the progress held stale.
 */
export function withLateProgress(send: (action: PaneAction) => void): (action: PaneAction) => void {
  let lasting = false;
  let progress: PaneAction | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
    lasting = false;
    progress = undefined;
  };
  return (action) => {
    if (action.type === "progress") {
      if (lasting) send(action);
      else progress = action;
      return;
    }
    if (action.type === "start" || action.type === "done" || action.type === "failed") stop();
    if (action.type === "start") {
      timer = setTimeout(() => {
        timer = undefined;
        lasting = true;
        send({ type: "lasting" });
        if (progress) send(progress);
        progress = undefined;
      }, PROGRESS_DELAY_MS);
    }
    send(action);
  };
}

/**
 * The pane's state and actions over an injected host (createPane, in React): it describes the open sheet when it
 * mounts and checks edited sheets live until it unmounts.
 */
export function usePane(host: AddinHost): [PaneState, PaneActions] {
  const [state, dispatch] = useReducer(paneReducer, INITIAL_PANE);
  const mounted = useRef(true);
  const pane = useMemo(() => {
    const send = (action: PaneAction) => {
      if (mounted.current) dispatch(action);
    };
    return createPane(host, withLateProgress(send));
  }, [host]);

  useEffect(() => {
    mounted.current = true;
    void pane.describe();
    return () => {
      mounted.current = false;
    };
  }, [pane]);

  useEffect(() => pane.watch(), [pane]);
  useEffect(() => pane.follow(), [pane]);

  return [state, pane.actions];
}
