/** How serious a finding is. Only errors stop an appendix from being ready. */
export type Severity = "error" | "warning" | "info";

/** Percentages are held as integers in ten-thousandths of a percent: 12,5% is 125000. Never floating point. */
export const PERCENT_SCALE = 10_000;

/** A stated percentage as typed or shown: percent = scaled / 10^decimals (11,92% is { scaled: 1192, decimals: 2 }). */
export interface PercentValue {
  readonly scaled: number;
  readonly decimals: number;
}

/** What is wrong, or worth saying, about one value cell: the problem codes of value reading (DESIGN.md section 4). */
export type ReadingProblem =
  /** info: a number stored as text ("02", "64.073", "12,5%"); the value is read. */
  | "text_number"
  /** error: a number with decimals in a count row that looks like a dot typed as thousands separator (64.073). */
  | "not_whole_number"
  /** error: text that is almost a number but not one ("1.93673", "12.5.3"). */
  | "malformed_number"
  /** error: anything else that is not a whole number ≥ 0 in a count row (1.5, −3, "abc"). */
  | "not_a_count"
  /** error: text or a value that is not a percentage in a percent row ("abc"). */
  | "not_a_percent"
  /** warning: 1 (or a fraction below 1) without a % format: 1% or 100%? */
  | "ambiguous_percent"
  /** error: a percentage outside 0–100%. */
  | "percent_out_of_range"
  /** warning: a negative reduction rate (4.1.4.d, 4.2.5, 4.3.4), possible when staff grew. */
  | "negative_reduction"
  /** error: a coded row holding a value that is not in its legend. */
  | "not_in_legend"
  /** error: an Excel error value, a boolean or a date: not a value of this row. */
  | "not_a_value"
  /** error: a section or group row holding a value. */
  | "heading_has_value"
  /** error: a formula that links out of the workbook or out of Excel (external workbook, HYPERLINK, DDE). */
  | "unsafe_formula"
  /** error: two rows of the sheet carry the row's code with different values (found by locating, not reading). */
  | "conflicting_rows";

/** One problem found while reading a value, with the typed parameters its message needs. */
export interface ReadingIssue {
  readonly problem: ReadingProblem;
  readonly severity: Severity;
  /** The raw text as typed (or the number as stored, "." as decimal point), for machines. */
  readonly raw: string;
  /** The number as stored, when the cell holds one: messages quote it in each language's notation. */
  readonly stored?: number;
  /** A percentage as its cell shows it (1.5 under a % format shows 150%): messages quote this, not the fraction. */
  readonly shown?: PercentValue;
}

/**
 * The meaning of one value cell. `amount` is the value rules compute with: a count or a code as is, a percentage
 * in ten-thousandths of a percent (see PERCENT_SCALE).
 */
export type Reading =
  /** Not reported: never read as 0. */
  | { readonly state: "blank" }
  /** "-", "x", "Không phát sinh", "KPS": not applicable; rules that need it are not evaluated. */
  | { readonly state: "na"; readonly text: string }
  /** A usable value, maybe with an info or warning issue (text number, negative reduction). */
  | {
      readonly state: "value";
      readonly amount: number;
      readonly percent?: PercentValue;
      readonly issue?: ReadingIssue;
    }
  /** No usable value: rules treat it as unknown. `suggestion` is an amount the reader can propose on its own. */
  | { readonly state: "unreadable"; readonly issue: ReadingIssue; readonly suggestion?: number };
