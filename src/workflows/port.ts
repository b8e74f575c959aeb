import type { CellScalar, SheetGrid } from "../domain/cell";
import type { Severity } from "../domain/values";

// The WorkbookPort: the only way a use case reaches a workbook, whatever hosts it (Excel through Office.js, the
// in-browser preview, exceljs files). Each method is one round trip at most, so that a use case costs the same
// number of syncs whatever the number of sheets: list, read, apply (DESIGN.md section 2).

/** Whether a sheet is shown: "hidden" can be unhidden from Excel's menu, "veryHidden" only by code. */
export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** What listing a workbook tells about one sheet, in the same round trip. */
export interface SheetInfo {
  readonly name: string;
  /** F1 of the sheet: our template version id when the sheet is an appendix written by our template. */
  readonly keyHeader?: string;
  readonly visible: boolean;
  /** Which way a sheet that is not visible is hidden; absent: told by `visible` alone (hidden when false). */
  readonly visibility?: SheetVisibility;
  /** True for the sheet the user is on, where the host tells it in the listing's round trip. */
  readonly active?: boolean;
  /** True when the sheet holds no value and no formula: there is nothing on it to read. */
  readonly empty?: boolean;
}

/** What a listing reads besides the sheets' names and F1. */
export interface ListOptions {
  /**
   * Also reads the active sheet (its used range and the add-in's marks) in the same round trip, so that a
   * readSheets of it right after costs none: a check of the sheet the user is on needs no other read.
   */
  readonly readActive?: boolean;
}

/** A text run of a rich-text cell (labels with italic parts, the header). */
export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** Cell style the template sets; anything absent is the sheet's default (Times New Roman, 12 pt). */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle" | "bottom";
  readonly wrap?: boolean;
  /** A thin box around the cell. */
  readonly border?: boolean;
  /** Font colour as "#RRGGBB" (a summary's error counts in dark red). */
  readonly color?: string;
  /** Solid fill as "#RRGGBB" (a summary's table headers, and its totals that include a unit with errors). */
  readonly fill?: string;
}

/** Excel data validation of a cell, with its Vietnamese input and error messages (titles ≤ 32, texts ≤ 255). */
export interface CellValidation {
  readonly type: "whole" | "decimal" | "list";
  readonly min?: number;
  readonly max?: number;
  /** A list validation's source: a range on the same sheet, as "=$G$1:$G$3", or literal values. */
  readonly list?: string;
  readonly prompt: { readonly title: string; readonly message: string };
  readonly error: { readonly title: string; readonly message: string };
}

/** One cell of a sheet as the template writes it. `address` is local A1 ("D15"). */
export interface SpecCell {
  readonly address: string;
  readonly value?: string | number;
  readonly richText?: readonly TextRun[];
  /** A formula with its leading "=". */
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly style?: CellStyle;
  /** Cells are locked unless said otherwise: value, note and input cells are unlocked. */
  readonly locked?: boolean;
  readonly validation?: CellValidation;
  /** A note on the cell (Excel's note, once called a comment): why a summary total is marked. */
  readonly note?: string;
}

/**
 * A whole sheet as the add-in writes it (an appendix, a summary's form and tables): the same spec drives exceljs,
 * Office.js and the preview.
 */
export interface SheetSpec {
  readonly name: string;
  readonly font: { readonly name: string; readonly size: number };
  /** Widths in characters, from column A; hidden columns (the key column F) are marked. */
  readonly columns: readonly { readonly width: number; readonly hidden?: boolean }[];
  /** Row heights in points, by 1-based row. */
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly cells: readonly SpecCell[];
  /** Merged ranges, "A1:E1". */
  readonly merges: readonly string[];
  /** Rows kept in view while scrolling, from row 1 (a table's title and header). */
  readonly frozenRows?: number;
  /**
   * How the sheet is shown; absent: visible. The definitions a workbook carries (`_cchc_mau`) are "veryHidden", so
   * that no one edits them by accident and Excel's Unhide menu does not list them.
   */
  readonly visibility?: SheetVisibility;
  /**
   * Protected without a password; formatting cells, columns and rows stays allowed. Absent: left unprotected, as a
   * summary's tables are, so that their reader sorts, filters and annotates them.
   */
  readonly protection?: { readonly allowFormatting: boolean };
  /** The print set-up; absent: the host's default one. */
  readonly print?: {
    /** "A1:E115" */
    readonly area: string;
    /** Rows repeated at the top of every printed page, "5:6". */
    readonly titleRows: string;
    /** Columns repeated at the left of every printed page, "A:A" (a wide table's unit names). */
    readonly titleColumns?: string;
    readonly orientation: "portrait" | "landscape";
    readonly paper: "A4";
    /**
     * 1: the print area's width shrunk to one page; 0: as many pages across as the columns need, at `scale`.
     * Either way the pages down are as many as needed (0).
     */
    readonly fitToWidth: 1 | 0;
    readonly fitToHeight: 0;
    /** The print scale in percent when the width is not fitted (fitToWidth 0); 100 when absent. */
    readonly scale?: number;
  };
}

/** A value, formula or number format written into one cell. `address` is local A1. */
export interface CellWrite {
  readonly address: string;
  readonly value?: CellScalar;
  readonly formula?: string;
  readonly numberFormat?: string;
  /**
   * The plan wrote this for a cell it read empty (a fill). If someone, a co-author say, typed into it between the
   * read and the write, the host keeps what they typed.
   */
  readonly onlyIfEmpty?: boolean;
}

/** One mark: a conditional format owned by the add-in, so that clearing it restores the cell's own format. */
export interface Mark {
  readonly address: string;
  readonly severity: Severity;
}

/** One change a plan makes. A plan is applied in one round trip, all or nothing as far as the host allows. */
export type PlanStep =
  /**
   * Writes a template sheet: a new sheet, or with `replace` an existing sheet of that name rewritten in place
   * (re-installing a newer template); `values` are the values and notes a person typed, carried over by code.
   */
  | {
      readonly kind: "addSheet";
      readonly spec: SheetSpec;
      readonly values?: readonly CellWrite[];
      readonly replace?: boolean;
    }
  | { readonly kind: "write"; readonly sheet: string; readonly cells: readonly CellWrite[] }
  /** Replaces the add-in's marks on a sheet with these (an empty list clears them). */
  | { readonly kind: "mark"; readonly sheet: string; readonly marks: readonly Mark[] }
  | { readonly kind: "select"; readonly sheet: string; readonly address: string };

/** The writes of one use case, applied together. */
export interface Plan {
  readonly steps: readonly PlanStep[];
  /**
   * Sheets the use case reads again right after the plan (a fix checks the sheet it changed): a host that can reads
   * them in the plan's own round trip, after its steps, so that the readSheets that follows costs none.
   */
  readonly readAfter?: readonly string[];
}

/**
 * A plan the host applied in part, as Excel does when an action fails (it rolls nothing back): the first `applied`
 * steps stand, the step after them may stand in part, the rest did not happen. Thrown only when at least one step
 * stands; `reason` is the host's error, worded for users where the host words its errors.
 */
export class PartialPlanError extends Error {
  constructor(
    readonly applied: number,
    readonly reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = "PartialPlanError";
  }

  /** The reason in Vietnamese and English, when the host gave it so. */
  get bilingual(): { readonly vi: string; readonly en: string } | undefined {
    const reason = this.reason as { bilingual?: { vi?: unknown; en?: unknown } } | null;
    const bilingual = typeof reason === "object" && reason !== null ? reason.bilingual : undefined;
    return typeof bilingual?.vi === "string" && typeof bilingual.en === "string"
      ? { vi: bilingual.vi, en: bilingual.en }
      : undefined;
  }
}

/** The host behind every use case. Each method is one round trip. */
export interface WorkbookPort {
  /** The workbook's sheets in order, with F1 of each; never their whole contents. */
  listSheets(options?: ListOptions): Promise<readonly SheetInfo[]>;
  /** The used range of each named sheet from A1: values, formulas, number formats. */
  readSheets(names: readonly string[]): Promise<readonly SheetGrid[]>;
  /** Applies a plan. Nothing a person typed is touched unless the plan names that cell. */
  apply(plan: Plan): Promise<void>;
}

/** An empty plan, for use cases that find nothing to write. */
export const EMPTY_PLAN: Plan = { steps: [] };
