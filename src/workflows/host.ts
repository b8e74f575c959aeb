import type { WorkbookPort } from "./port";
import type { SelfCheckHost } from "./self-check";

/** A change to cells, as a host's change event reports it. */
export interface CellsChanged {
  readonly sheet: string;
  /** Local A1 address or range of what changed ("D15", "D15:D20"). */
  readonly address: string;
  /** "remote" for a co-author's edit in a shared workbook. */
  readonly source: "local" | "remote";
}

/**
 * Where the pane remembers which appendix sheet of a shared workbook is the user's own: for this user and this
 * workbook, never for every co-author (DESIGN.md section 1: one sheet per reporting unit in the province's workbook).
 */
export interface OwnSheetStore {
  /** The sheet this user chose in this workbook, if they chose one. */
  recall(): Promise<string | undefined>;
  /** Remembers the user's choice for the next time the pane opens on this workbook. */
  remember(sheet: string): Promise<void>;
}

/**
 * What the task pane gets injected: Excel through Office.js, or the in-browser preview. Every use case runs inside
 * `run`, which gives it a WorkbookPort for one session with the workbook (one Excel.run), retried once when the
 * host refuses because a cell is being edited.
 */
export interface AddinHost {
  run<T>(useCase: (port: WorkbookPort) => Promise<T>): Promise<T>;
  /** The name of the sheet the user is on. */
  activeSheet(): Promise<string | undefined>;
  /** Subscribes to cell changes on every sheet; returns the unsubscribe function. */
  onCellsChanged(listener: (change: CellsChanged) => void): () => void;
  /**
   * Subscribes to the user opening another sheet (its tab, or a use case that activated it), told by the sheet's
   * name; returns the unsubscribe function.
   */
  onSheetActivated(listener: (sheet: string) => void): () => void;
  /** The Office display language ("vi-VN", "en-US"), from which the pane picks its language. */
  readonly displayLanguage: string;
  /** Where the user's own sheet is remembered; without one the pane remembers it until it closes. */
  readonly ownSheet?: OwnSheetStore;
  /** Loads what the help menu's self-check needs of the host; absent on a host that cannot run it. */
  readonly selfCheck?: () => Promise<SelfCheckHost>;
}
