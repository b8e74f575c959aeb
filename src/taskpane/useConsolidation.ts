import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ProvinceRole } from "../domain/catalogue";
import type {
  ConsolidateProgress,
  consolidateWorkbook,
  PickedWorkbook,
  WorkbookConsolidation,
} from "../workflows/consolidate-workbook";
import type { parseExpected, previousPeriodOf, ProvinceFigures } from "../workflows/consolidate";
import type { readWorkbookOrReport } from "../docx/input";
import type { AddinHost } from "../workflows/host";
import type { PaneError } from "./errors";
import { describeError } from "./errors";
import { STRINGS } from "./i18n";
import { bytesOf } from "./file-bytes";
import { loadBothLanguages } from "./languages";

const EXPECTED_KEY = "cchc-appendix.expected";

/** The file being read among those picked, for the progress bar. */
export interface ReadingProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

/** The previous period's file the user picked: its figures, or why it cannot serve. */
export type PreviousPeriod =
  | { readonly file: string; readonly figures: ProvinceFigures }
  | { readonly file: string; readonly error: PaneError };

/** Everything the "Tổng hợp" section shows. */
export interface ConsolidationState {
  /** Workbooks picked from disk, read as they were picked: their sheets, or why they could not be read. */
  readonly files: readonly PickedWorkbook[];
  readonly reading?: ReadingProgress;
  readonly running: boolean;
  readonly progress?: ConsolidateProgress;
  readonly result?: WorkbookConsolidation;
  readonly error?: PaneError;
  /**
   * Roles the user set, by unit key; null: no role. Units not in it get their defaultRole, the one the CLI gives
   * them too, so that the pane and the CLI make the same summary of the same files.
   */
  readonly choices: ReadonlyMap<string, ProvinceRole | null>;
  /** The units expected to report, one per line, as typed. */
  readonly expected: string;
  /** The previous period's summary or appendices, for the cross-period warnings. */
  readonly previous?: PreviousPeriod;
  /** The previous period's file is being read. */
  readonly readingPrevious: boolean;
  /** The user chose to rewrite the summary an earlier run wrote rather than add new sheets beside it. */
  readonly replaceSummary: boolean;
}

/** What the user does in the section. */
export interface ConsolidationActions {
  pick(files: readonly File[]): Promise<void>;
  clearFiles(): void;
  run(): Promise<void>;
  setRole(key: string, role: ProvinceRole | null): void;
  setExpected(text: string): void;
  pickPrevious(file: File): Promise<void>;
  clearPrevious(): void;
  setReplaceSummary(replace: boolean): void;
  dismissError(): void;
}

/** Why a picked file could not be read: the reader's own bilingual reason, else what the browser said. */
function readFailure(failure: unknown): PaneError {
  if (typeof failure === "object" && failure !== null && "bilingual" in failure) {
    return describeError(failure, STRINGS);
  }
  const detail = failure instanceof Error ? failure.message : String(failure);
  return { vi: detail, en: detail };
}

type Reader = typeof readWorkbookOrReport;

// The reader of workbooks and Word reports (src/xlsx and src/docx, the CLI's too) is loaded on the first pick only,
// never in the pane's first bundle (test/browser and scripts/bench-bundle.ts check it).
// Both languages come with it: a consolidation's findings and summary are written in both.
async function loadReader(): Promise<Reader> {
  const [{ readWorkbookOrReport }] = await Promise.all([import("../docx/input"), loadBothLanguages()]);
  return readWorkbookOrReport;
}

// The consolidation and the summary's sheets serve Sở Nội vụ alone: loaded on its first click, so that the pane
// every department opens stays small (≤ 200 KB gzipped up front).
async function loadConsolidation(): Promise<{
  consolidateWorkbook: typeof consolidateWorkbook;
  parseExpected: typeof parseExpected;
  previousPeriodOf: typeof previousPeriodOf;
}> {
  const [{ consolidateWorkbook }, { parseExpected, previousPeriodOf }] = await Promise.all([
    import("../workflows/consolidate-workbook"),
    import("../workflows/consolidate"),
    loadBothLanguages(),
  ]);
  return { consolidateWorkbook, parseExpected, previousPeriodOf };
}

// Built when said, not when this module loads: English's texts come later (./languages.ts).
function loadFailed(): PaneError {
  return { vi: STRINGS.vi.errors.loadFailed, en: STRINGS.en.errors.loadFailed };
}

function stored(): string {
  try {
    return globalThis.localStorage?.getItem(EXPECTED_KEY) ?? "";
  } catch {
    return "";
  }
}

function store(text: string): void {
  try {
    globalThis.localStorage?.setItem(EXPECTED_KEY, text);
  } catch {
    // A host that refuses storage just forgets the list after this session.
  }
}

/**
 * The state and actions of "Tổng hợp": files picked are read one at a time (bounded memory, a progress bar), the
 * consolidation runs inside host.run like every use case, and `onWritten` is told once the summary is in the
 * workbook (the pane then says which sheet is open).
 */
export function useConsolidation(
  host: AddinHost,
  onWritten?: () => void,
): [ConsolidationState, ConsolidationActions] {
  const [files, setFiles] = useState<readonly PickedWorkbook[]>([]);
  const [reading, setReading] = useState<ReadingProgress>();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ConsolidateProgress>();
  const [result, setResult] = useState<WorkbookConsolidation>();
  const [error, setError] = useState<PaneError>();
  const [choices, setChoices] = useState<ReadonlyMap<string, ProvinceRole | null>>(new Map());
  const [expected, setExpectedText] = useState(stored);
  const [previous, setPrevious] = useState<PreviousPeriod>();
  const [readingPrevious, setReadingPrevious] = useState(false);
  const [replaceSummary, setReplaceSummary] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const pick = useCallback(async (picked: readonly File[]) => {
    if (!picked.length) return;
    setError(undefined);
    let read: Reader;
    try {
      read = await loadReader();
    } catch {
      setError(loadFailed());
      return;
    }
    const done: PickedWorkbook[] = [];
    for (const [index, file] of picked.entries()) {
      if (!mounted.current) return;
      setReading({ done: index + 1, total: picked.length, file: file.name });
      try {
        const input = await read(await bytesOf(file));
        // A Word report's findings point at its table rows and paragraphs, as the CLI's do.
        done.push({ file: file.name, grids: input.sheets, ...(input.word ? { place: input.place } : {}) });
      } catch (failure) {
        done.push({ file: file.name, error: readFailure(failure) });
      }
    }
    if (!mounted.current) return;
    const names = new Set(done.map((entry) => entry.file));
    // A file picked again replaces the one read before under its name.
    setFiles((before) => [...before.filter((entry) => !names.has(entry.file)), ...done]);
    setReading(undefined);
  }, []);

  const pickPrevious = useCallback(async (file: File) => {
    setReadingPrevious(true);
    let next: PreviousPeriod;
    try {
      const [read, loaded] = await Promise.all([loadReader(), loadConsolidation()]);
      try {
        const figures = await loaded.previousPeriodOf((await read(await bytesOf(file))).sheets, file.name);
        next = { file: file.name, figures };
      } catch (failure) {
        next = { file: file.name, error: readFailure(failure) };
      }
    } catch {
      next = { file: file.name, error: loadFailed() };
    }
    if (!mounted.current) return;
    setPrevious(next);
    setReadingPrevious(false);
  }, []);

  const run = useCallback(async () => {
    setRunning(true);
    setError(undefined);
    setProgress(undefined);
    let loaded: Awaited<ReturnType<typeof loadConsolidation>>;
    try {
      loaded = await loadConsolidation();
    } catch {
      if (mounted.current) {
        setError(loadFailed());
        setRunning(false);
      }
      return;
    }
    const names = loaded.parseExpected(expected);
    try {
      const outcome = await host.run((port) =>
        loaded.consolidateWorkbook(port, {
          files,
          roles: choices,
          ...(names.length ? { expected: names } : {}),
          ...(previous && "figures" in previous ? { previous: previous.figures } : {}),
          replaceSummary,
          onProgress: (next) => {
            if (mounted.current) setProgress(next);
          },
        }),
      );
      if (!mounted.current) return;
      setResult(outcome);
      onWritten?.();
    } catch (failure) {
      if (mounted.current) setError(describeError(failure, STRINGS));
    } finally {
      if (mounted.current) {
        setRunning(false);
        setProgress(undefined);
      }
    }
  }, [host, onWritten, files, choices, expected, previous, replaceSummary]);

  const actions = useMemo<ConsolidationActions>(
    () => ({
      pick,
      run,
      clearFiles: () => setFiles([]),
      setRole: (key, role) => setChoices((before) => new Map(before).set(key, role)),
      setExpected: (text) => {
        setExpectedText(text);
        store(text);
      },
      pickPrevious,
      clearPrevious: () => setPrevious(undefined),
      setReplaceSummary,
      dismissError: () => setError(undefined),
    }),
    [pick, run, pickPrevious],
  );

  return [
    {
      files,
      ...(reading ? { reading } : {}),
      running,
      ...(progress ? { progress } : {}),
      ...(result ? { result } : {}),
      ...(error ? { error } : {}),
      choices,
      expected,
      ...(previous ? { previous } : {}),
      readingPrevious,
      replaceSummary,
    },
    actions,
  ];
}
