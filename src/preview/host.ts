import type { AddinHost, CellsChanged } from "../workflows/host";
import type { Plan, SheetInfo, WorkbookPort } from "../workflows/port";
import type { SheetGrid } from "../domain/cell";
import type { MemoryWorkbook } from "./workbook";

/** How the preview host behaves: the language Office would report, and a delay per round trip to feel like Excel. */
export interface MemoryHostOptions {
  readonly displayLanguage?: string;
  /** Milliseconds each port call waits, as a round trip to Excel on the web would. 0 by default. */
  readonly latencyMs?: number;
}

function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/**
 * The AddinHost of the preview: every use case runs against the in-memory workbook, through a port that counts its
 * round trips and can be made to fail, so that tests see what the pane does when Excel refuses.
 */
export class MemoryHost implements AddinHost {
  readonly displayLanguage: string;
  /** Round trips so far (listSheets, readSheets, apply). */
  roundTrips = 0;
  private failure: Error | undefined;
  private readonly latencyMs: number;
  private readonly port: WorkbookPort;

  constructor(
    readonly workbook: MemoryWorkbook,
    options: MemoryHostOptions = {},
  ) {
    this.displayLanguage = options.displayLanguage ?? "vi-VN";
    this.latencyMs = options.latencyMs ?? 0;
    const trip = async <T>(call: () => Promise<T>): Promise<T> => {
      this.roundTrips++;
      await wait(this.latencyMs);
      const failure = this.failure;
      if (failure) {
        this.failure = undefined;
        throw failure;
      }
      return call();
    };
    this.port = {
      listSheets: (): Promise<readonly SheetInfo[]> => trip(() => workbook.listSheets()),
      readSheets: (names: readonly string[]): Promise<readonly SheetGrid[]> =>
        trip(() => workbook.readSheets(names)),
      apply: (plan: Plan): Promise<void> => trip(() => workbook.apply(plan)),
    };
  }

  run<T>(useCase: (port: WorkbookPort) => Promise<T>): Promise<T> {
    return useCase(this.port);
  }

  async activeSheet(): Promise<string | undefined> {
    return this.workbook.activeSheet;
  }

  onCellsChanged(listener: (change: CellsChanged) => void): () => void {
    return this.workbook.onCellsChanged(listener);
  }

  /** Makes the next round trip fail with this error, as Excel does when it refuses a request. */
  failNextCall(error: Error): void {
    this.failure = error;
  }
}
