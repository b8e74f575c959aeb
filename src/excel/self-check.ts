/// <reference types="office-js" />
import type { Severity } from "../domain/values";
import type { WorkbookPort } from "../workflows/port";
import type {
  ApiSetSupport,
  HostFacts,
  MarkCounts,
  RequestTally,
  SelfCheckHost,
  SelfCheckSession,
  WireRecord,
} from "../workflows/self-check";
import { markFormula } from "./excel-port";

// The Excel side of the self-check (src/workflows/self-check.ts): what Excel says about itself, its requirement sets,
// the add-in's marks on a sheet, a sheet activated or deleted, and a count of the requests the adapter sends.

/** The requirement sets the report lists: every numbered ExcelApi, and the two platform-only sets. */
export const API_SETS_CHECKED: readonly { readonly name: string; readonly version: string }[] = [
  ...Array.from({ length: 20 }, (_, index) => ({ name: "ExcelApi", version: `1.${index + 1}` })),
  { name: "ExcelApiOnline", version: "1.1" },
  { name: "ExcelApiDesktop", version: "1.1" },
];

/** What the facts are read from: Office.context, or its stand-in. */
export interface OfficeContextLike {
  readonly diagnostics?: { readonly host?: unknown; readonly platform?: unknown; readonly version?: unknown };
  readonly displayLanguage?: string;
  readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}

/** What Excel says about itself: Office.context.diagnostics (host, platform, version) and the sets it supports. */
export function hostFacts(context: OfficeContextLike): HostFacts {
  const diagnostics = context.diagnostics;
  const application = text(diagnostics?.host);
  const platform = text(diagnostics?.platform);
  const version = text(diagnostics?.version);
  const apiSets: ApiSetSupport[] = API_SETS_CHECKED.map((set) => {
    let supported = false;
    try {
      supported = context.requirements.isSetSupported(set.name, set.version);
    } catch {
      // An Office that cannot answer for a set does not have it.
    }
    return { ...set, supported };
  });
  return {
    ...(application ? { application } : {}),
    ...(platform ? { platform } : {}),
    ...(version ? { version } : {}),
    ...(context.displayLanguage ? { displayLanguage: context.displayLanguage } : {}),
    apiSets,
  };
}

const SEVERITY_BY_FORMULA = new Map<string, Severity>(
  (["error", "warning", "info"] as const).map((severity) => [markFormula(severity), severity]),
);

/**
 * Counts the context.sync() calls a batch makes while it runs. Office.js has no hook on its requests, so the
 * context's own sync is wrapped for the batch's duration: the sync Excel.run makes after the batch (which sends
 * nothing once the batch has synced) and its release request are not counted.
 */
export class SyncCounter {
  runs = 0;
  syncs = 0;

  async during<T>(context: Excel.RequestContext, batch: () => Promise<T>): Promise<T> {
    this.runs++;
    const own = Object.prototype.hasOwnProperty.call(context, "sync");
    const sync = context.sync;
    let open = true;
    context.sync = ((value?: unknown) => {
      if (open) this.syncs++;
      return sync.call(context, value);
    }) as typeof context.sync;
    try {
      return await batch();
    } finally {
      open = false;
      if (own) context.sync = sync;
      else delete (context as { sync?: unknown }).sync;
    }
  }
}

/** What the host gives the self-check: its runs, each counted by the counter passed. */
export interface CountedRuns {
  /** AddinHost.run, counted. */
  runPort<T>(useCase: (port: WorkbookPort) => Promise<T>, counter: SyncCounter): Promise<T>;
  /** A batch of Office.js work through the host's Excel.run (retry, explained errors), counted. */
  runBatch<T>(batch: (context: Excel.RequestContext) => Promise<T>, counter: SyncCounter): Promise<T>;
  /** Every request the host bridge saw so far, where the add-in can see it (the preview); absent in Excel. */
  readonly wire?: () => readonly WireRecord[];
  readonly office: () => OfficeContextLike;
}

/** The self-check's host over Excel: facts from Office.context, sessions over the host's counted runs. */
export function excelSelfCheckHost(runs: CountedRuns): SelfCheckHost {
  return {
    facts: () => hostFacts(runs.office()),
    session(): SelfCheckSession {
      const counter = new SyncCounter();
      const wireStart = runs.wire?.().length ?? 0;
      return {
        run: (useCase) => runs.runPort(useCase, counter),
        marks: (sheet) =>
          runs.runBatch(async (context) => {
            const formats = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
            formats.load("items/type,items/customOrNullObject/rule/formula");
            await context.sync();
            const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
            for (const format of formats.items) {
              const custom = format.type === "Custom" ? format.customOrNullObject : undefined;
              const severity =
                custom && !custom.isNullObject && SEVERITY_BY_FORMULA.get(custom.rule.formula.trim());
              if (severity) counts[severity]++;
            }
            return counts as MarkCounts;
          }, counter),
        activateSheet: (sheet) =>
          runs.runBatch(async (context) => {
            context.workbook.worksheets.getItem(sheet).activate();
            await context.sync();
          }, counter),
        deleteSheet: (sheet) =>
          runs.runBatch(async (context) => {
            context.workbook.worksheets.getItem(sheet).delete();
            await context.sync();
          }, counter),
        tally(): RequestTally {
          const wire = runs.wire?.().slice(wireStart);
          return { runs: counter.runs, syncs: counter.syncs, ...(wire ? { wire } : {}) };
        },
      };
    },
  };
}
