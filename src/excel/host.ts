/// <reference types="office-js" />
import type { AddinHost, CellsChanged } from "../workflows/host";
import type { KeyValueStorage, WorkbookIdentity } from "../workflows/own-sheet";
import { WORKBOOK_ID_SETTING, newWorkbookId, ownSheetStore } from "../workflows/own-sheet";
import type { WorkbookPort } from "../workflows/port";
import type { WireRecord } from "../workflows/self-check";
import { OfficeHostError, explainOfficeError, officeErrorCode } from "./errors";
import { ExcelWorkbookPort, preloadPlanWriter } from "./excel-port";
import type { SyncCounter } from "./self-check";

export { OfficeHostError } from "./errors";

/** The Excel API sets above the manifest's minimum (ExcelApi 1.9) that the add-in uses when they are there. */
export interface SupportedApis {
  /** ExcelApi 1.6: conditional formats, which our marks are. */
  readonly conditionalFormats: boolean;
  /** ExcelApi 1.8: Excel's own data validation on value cells. */
  readonly dataValidation: boolean;
  /**
   * ExcelApi 1.9: page layout, setCellProperties, RangeAreas, worksheets.onChanged and (from 1.7) onActivated: the
   * add-in's minimum.
   */
  readonly pageLayout: boolean;
  /** ExcelApi 1.13: Workbook.insertWorksheetsFromBase64, to import a sheet from an .xlsx file. */
  readonly insertWorksheetsFromBase64: boolean;
  /** ExcelApi 1.18: text runs in a cell (labels with italic parts); without it a label is italic whole or not at all. */
  readonly richText: boolean;
  /** ExcelApi 1.18: notes on cells (a summary's marked totals); absent where the caller did not ask. */
  readonly notes?: boolean;
}

/** The subset of Office.context.requirements that detection needs. */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Which Excel API sets this Excel has, asked at run time (Office.context.requirements by default). */
export function supportedApis(requirements?: RequirementChecker): SupportedApis {
  const checker = requirements ?? Office.context.requirements;
  const has = (version: string) => checker.isSetSupported("ExcelApi", version);
  return {
    conditionalFormats: has("1.6"),
    dataValidation: has("1.8"),
    pageLayout: has("1.9"),
    insertWorksheetsFromBase64: has("1.13"),
    richText: has("1.18"),
    notes: has("1.18"),
  };
}

/** A batch of Office.js work, as Excel.run takes it. */
export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;

/** What the host needs from Office; tests give an in-memory Excel instead. */
export interface ExcelHostDeps {
  /** Excel.run with a new request context. */
  run<T>(batch: ExcelBatch<T>): Promise<T>;
  /** Excel.run on an existing context: an event handler is removed through the context that added it. */
  runIn<T>(context: Excel.RequestContext, batch: ExcelBatch<T>): Promise<T>;
  readonly displayLanguage: string;
  readonly apis: SupportedApis;
  /** How long to let a person finish typing in a cell before the one retry. */
  readonly retryDelayMs: number;
  /** This user's storage, where their own sheet is remembered (the pane's localStorage); absent: none. */
  readonly storage?: KeyValueStorage;
  /** Office.context.partitionKey, the prefix Office asks add-ins to give their localStorage keys, where defined. */
  readonly partitionKey?: string;
  /** Every request the host bridge saw, where the page can see it (the preview's emulator); never in Excel. */
  readonly wire?: () => readonly WireRecord[];
}

// Web Storage can be missing or refused (a locked-down browser profile): the pane then asks for the user's sheet
// each time it opens, and loses nothing else.
function browserStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function officePartitionKey(): string | undefined {
  try {
    return Office.context.partitionKey || undefined;
  } catch {
    return undefined;
  }
}

// Script Lab waits 2 s and tries again when Excel refuses a batch in cell-edit mode (tryExcelRun in OfficeDev/
// script-lab-2017, src/client/app/helpers/utilities.ts; it loops, we retry once and then explain). The wait gives the
// person time to press Enter; a second refusal means they are still typing, and the message tells them what to do.
const RETRY_DELAY_MS = 1500;

function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/**
 * The AddinHost over Office.js: one Excel.run per use case, retried once when Excel refuses because a cell is being
 * edited; every Office error turned into an OfficeHostError with a Vietnamese and English message; changes to cells
 * reported with their source (a co-author's are "remote"). Changes the add-in itself made are not reported: the use
 * case that made them returns its own refreshed result.
 */
export function createExcelHost(overrides: Partial<ExcelHostDeps> = {}): AddinHost {
  // Office is touched only for what the caller did not give, so that tests run without it.
  const deps: ExcelHostDeps = {
    run: overrides.run ?? ((batch) => Excel.run(batch)),
    runIn: overrides.runIn ?? ((context, batch) => Excel.run(context, batch)),
    apis: overrides.apis ?? supportedApis(),
    displayLanguage: overrides.displayLanguage ?? Office.context.displayLanguage,
    retryDelayMs: overrides.retryDelayMs ?? RETRY_DELAY_MS,
  };
  // A test that gives no storage means none; one that says nothing gets the browser's, like the pane.
  const storage = "storage" in overrides ? overrides.storage : browserStorage();
  const partitionKey = "partitionKey" in overrides ? overrides.partitionKey : officePartitionKey();
  // Sheet names by id, refreshed at every listing, so that a change event names its sheet without a round trip.
  const sheetNames = new Map<string, string>();
  const rememberIds = (names: ReadonlyMap<string, string>) => {
    sheetNames.clear();
    names.forEach((name, id) => sheetNames.set(id, name));
  };

  // The self-check's instrumentation point: a batch run with a counter has its context.sync calls counted.
  async function runOnce<T>(work: ExcelBatch<T>, counter?: SyncCounter): Promise<T> {
    if (!deps.apis.pageLayout) throw new OfficeHostError("ApiNotAvailable", "ExcelApi 1.9 is required");
    const batch: ExcelBatch<T> = counter ? (context) => counter.during(context, () => work(context)) : work;
    try {
      return await deps.run(batch);
    } catch (error) {
      if (officeErrorCode(error) !== "InvalidOperationInCellEditMode") throw explainOfficeError(error);
    }
    await pause(deps.retryDelayMs);
    try {
      return await deps.run(batch);
    } catch (error) {
      throw explainOfficeError(error);
    }
  }

  async function sheetName(id: string): Promise<string | undefined> {
    const known = sheetNames.get(id);
    if (known !== undefined) return known;
    return runOnce(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(id);
      sheet.load("name");
      await context.sync();
      if (sheet.isNullObject) return undefined;
      sheetNames.set(id, sheet.name);
      return sheet.name;
    });
  }

  // The workbook's identity in Excel's own settings of the file (Workbook.settings, ExcelApi 1.4, within the
  // manifest's 1.9): read when the pane opens, written only when the user first says which sheet is theirs.
  const readId = async (context: Excel.RequestContext): Promise<string | undefined> => {
    const setting = context.workbook.settings.getItemOrNullObject(WORKBOOK_ID_SETTING);
    setting.load("value");
    await context.sync();
    const value: unknown = setting.isNullObject ? undefined : setting.value;
    return typeof value === "string" && value ? value : undefined;
  };
  const identity: WorkbookIdentity = {
    read: () => runOnce(readId),
    ensure: () =>
      runOnce(async (context) => {
        const known = await readId(context);
        if (known) return known;
        const id = newWorkbookId();
        context.workbook.settings.add(WORKBOOK_ID_SETTING, id);
        await context.sync();
        return id;
      }),
  };
  const ownSheet = ownSheetStore(identity, storage, partitionKey ? `${partitionKey}:` : "");

  // The port's writing half (./plan-writer.ts) is fetched once the pane's first run (the open sheet's first verdict)
  // has answered, when the page is next idle: the first check that marks finds it there, and the first verdict
  // never waits for it. Where the page has no requestIdleCallback (Safari, jsdom) the first plan fetches it.
  let writerFetched = false;
  const fetchWriterWhenIdle = (): void => {
    if (writerFetched || typeof requestIdleCallback !== "function") return;
    writerFetched = true;
    requestIdleCallback(() => preloadPlanWriter(), { timeout: 2_000 });
  };

  // The use cases in flight: their listings name the sheets they add, so a sheet opened that the host cannot name yet
  // (an install opens the sheet it has just added) is named once they have answered, not by a run of its own.
  const inFlight = new Set<Promise<unknown>>();
  const track = (done: Promise<unknown>): void => {
    inFlight.add(done);
    const settled = () => void inFlight.delete(done);
    done.then(settled, settled);
  };
  const afterUseCases = (): Promise<unknown> => Promise.allSettled([...inFlight]);

  /**
   * Adds an event handler, in a run of its own: a host that refuses one event keeps the others (Excel 2019 refused
   * onActivated with AccessDenied, OfficeDev/office-js #1103). Without events the pane still works through its
   * buttons, so a failed subscription is not an error to show. Returns what removes the handler, through the
   * context that added it.
   */
  function subscribe<T>(
    add: (context: Excel.RequestContext) => OfficeExtension.EventHandlerResult<T>,
  ): () => void {
    const subscription = runOnce(async (context) => {
      const result = add(context);
      await context.sync();
      return result;
    }).catch(() => undefined);
    return () => {
      void subscription.then((result) =>
        result
          ? deps
              .runIn(result.context as Excel.RequestContext, async (context) => {
                result.remove();
                await context.sync();
              })
              .catch(() => undefined)
          : undefined,
      );
    };
  }

  function runPort<T>(useCase: (port: WorkbookPort) => Promise<T>, counter?: SyncCounter): Promise<T> {
    return runOnce(
      (context) =>
        useCase(
          new ExcelWorkbookPort(context, {
            richText: deps.apis.richText,
            notes: deps.apis.notes === true,
            onSheetIds: rememberIds,
            sheetCount: sheetNames.size,
          }),
        ),
      counter,
    );
  }

  return {
    ownSheet,

    run: (useCase) => {
      const done = runPort(useCase);
      track(done);
      done.then(fetchWriterWhenIdle, () => undefined);
      return done;
    },

    // Loaded on demand: the pane's first load stays within its budget (README, taskpane_js_gzip_kb).
    selfCheck: async () =>
      (await import("./self-check")).excelSelfCheckHost({
        runPort,
        runBatch: runOnce,
        office: () => Office.context,
        ...(overrides.wire ? { wire: overrides.wire } : {}),
      }),

    activeSheet(): Promise<string | undefined> {
      return runOnce(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load("name");
        await context.sync();
        return sheet.name;
      });
    },

    onCellsChanged(listener: (change: CellsChanged) => void): () => void {
      let removed = false;
      const handle = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
        // ExcelApi 1.14 tells the add-in's own writes apart; older Excel leaves triggerSource undefined.
        if (removed || args.triggerSource === "ThisLocalAddin") return;
        // An event handler shows nothing but a refreshed result: a sheet deleted meanwhile, or Excel busy, is
        // simply not reported, and the next change or the Validate button brings the pane up to date.
        const sheet = await sheetName(args.worksheetId).catch(() => undefined);
        if (sheet === undefined || removed) return;
        listener({ sheet, address: args.address, source: args.source === "Remote" ? "remote" : "local" });
      };
      const unsubscribe = subscribe((context) => context.workbook.worksheets.onChanged.add(handle));
      return () => {
        removed = true;
        unsubscribe();
      };
    },

    onSheetActivated(listener: (sheet: string) => void): () => void {
      let removed = false;
      // Excel tells every activation, the add-in's own too (Worksheet.activate): the pane knows which sheet it
      // opened itself. Named as a change's sheet is, and, like a change, not told when it cannot be named.
      const handle = async (args: Excel.WorksheetActivatedEventArgs): Promise<void> => {
        if (removed) return;
        if (!sheetNames.has(args.worksheetId)) await afterUseCases();
        const sheet = await sheetName(args.worksheetId).catch(() => undefined);
        if (sheet !== undefined && !removed) listener(sheet);
      };
      const unsubscribe = subscribe((context) => context.workbook.worksheets.onActivated.add(handle));
      return () => {
        removed = true;
        unsubscribe();
      };
    },

    get displayLanguage(): string {
      return deps.displayLanguage;
    },
  };
}
