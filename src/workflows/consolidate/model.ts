import type {
  Bilingual,
  FormRegistry,
  Level,
  LoadedCatalogue,
  ProvinceRole,
  RowDef,
} from "../../domain/catalogue";
import type { Ratio } from "../../domain/derive";
import type { SeverityCounts, Verdict } from "../../domain/findings";
import type { ConsolidationFindingParams, FindingParamsByKind, RowMismatch } from "../../domain/messages";
import type { Severity } from "../../domain/values";
import type { RoleMap } from "./names";

// The result: the consolidation as the summary sheets and the pane read it.

/** The province's figures of an earlier period, for the cross-period checks; amounts as values.ts defines them. */
export interface ProvinceFigures {
  readonly period?: string;
  /** Province totals by code. */
  readonly province: ReadonlyMap<string, number>;
  /** Per-unit amounts by unit key, when the earlier file has them (appendices, or a summary's figures sheet). */
  readonly units?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Options of a consolidation. */
export interface ConsolidateOptions {
  /**
   * Which unit is which office, for province-wide indicators, as a roles file or the user set it; a unit it does
   * not name gets its defaultRole (an empty map: every unit its default).
   */
  readonly roles: RoleMap;
  /**
   * Sum appendices that state another period than the consolidated one (with a warning each). By default they are
   * kept out of the summary, each with a line saying so.
   */
  readonly allowOtherPeriods?: boolean;
  /**
   * Who tells the user why an appendix was kept out, for the advice that ends the reason: the command line (the
   * default) names its options, the pane says what can be done in it. The summary's own sheets name neither.
   */
  readonly host?: "cli" | "pane";
  /** Names of the units expected to report. */
  readonly expected?: readonly string[];
  /** The previous period's figures, for the cross-period checks. */
  readonly previous?: ProvinceFigures;
  /** The forms the appendices may follow; its default is that of appendices typed by hand, without F1. */
  readonly forms?: FormRegistry;
}

/** One thing to fix or check in a unit's appendix, as its correction request lists it. */
export interface CorrectionItem {
  readonly severity: Severity;
  /** Local address of the cell ("D15"), when the item has one. */
  readonly cell?: string;
  readonly message: Bilingual;
  readonly suggestion?: Bilingual;
}

/** A letter asking one unit to correct its appendix, or only to look again at it, Vietnamese first. */
export interface CorrectionRequest {
  readonly unit: string;
  readonly file?: string;
  readonly sheet: string;
  readonly items: readonly CorrectionItem[];
  /** True for a letter to a unit whose appendix has no error: it asks to look again ("xem lại"), not to correct. */
  readonly review?: boolean;
  readonly text: Bilingual;
}

/**
 * What holds a unit's appendix, for a letter to say where to correct it: a workbook's sheet, or the appendix table
 * of a Word report (whose "sheet" is only the name the reader gave its table).
 */
export type AppendixSource = "sheet" | "word_report";

/** What is known of a unit's appendix: where it is, whose it is, and what its validation said. */
export interface UnitFacts {
  readonly file?: string;
  readonly sheet: string;
  /** Absent: a workbook's sheet. */
  readonly source?: AppendixSource;
  readonly level?: Level;
  readonly period?: string;
  readonly role?: ProvinceRole;
  readonly verdict: Verdict;
  readonly counts: SeverityCounts;
  /** Rules that failed at least once, by id. */
  readonly failedRules: readonly string[];
}

/** A unit as the summary's unit list shows it. */
export interface UnitSummary extends UnitFacts {
  readonly unit: string;
  /** The form its appendix follows, as F1 names it ("PL-THU-2026#3f9a1c2e"; a built-in form's id alone). */
  readonly form: string;
  /** False for an appendix left out of the totals (a duplicate of one already counted). */
  readonly included: boolean;
  /** The unit's amounts, aligned with Consolidation.valueCodes; undefined where it holds no usable value. */
  readonly amounts: readonly (number | undefined)[];
}

/** One indicator's consolidated figure. */
export interface RowTotal {
  readonly code: string;
  readonly aggregation: RowDef["aggregation"];
  /** The province's amount; undefined stays blank (nobody reported it, or it cannot be aggregated). */
  readonly amount?: number;
  /** A recomputed rate's summed numerator and denominator, exact. */
  readonly ratio?: Ratio;
  /** Units whose values are in the figure. */
  readonly contributors: readonly string[];
  /** Units expected to report it that left it blank. */
  readonly missing: readonly string[];
  /** Units whose value could not be read (an error in their appendix). */
  readonly unreadable: readonly string[];
  /** Contributors whose appendix still has errors: the figure is marked. */
  readonly withErrors: readonly string[];
  /** Units that reported it although it is not theirs to report (another level, another office's indicator). */
  readonly ignored: readonly string[];
  /** For a province-wide indicator, the office it is taken from. */
  readonly source?: string;
  readonly notes: readonly { readonly unit: string; readonly text: string }[];
  /** What the summary's note column says about the figure. */
  readonly remark: Bilingual;
  /** Why the figure is marked, when it includes a unit with errors. */
  readonly flag?: Bilingual;
}

/** A unit's value that is listed rather than aggregated: a rate without counts, or a coded status. */
export interface NonAggregable {
  readonly unit: string;
  readonly code: string;
  readonly kind: "percent" | "coded";
  readonly amount: number;
  readonly display: Bilingual;
  readonly reason: Bilingual;
}

/** A kind of the consolidation's own findings; a province's implausible figure is told as a sheet's is. */
export type ConsolidationIssueKind =
  keyof ConsolidationFindingParams | "implausible_high" | "implausible_low";

/**
 * A finding of the consolidation itself: across units or periods, about the files, or about one unit. Its message
 * is rendered from `kind` and `params` (domain/messages).
 */
export type ConsolidationIssueOf<K extends ConsolidationIssueKind> = {
  readonly severity: Severity;
  readonly kind: K;
  readonly unit?: string;
  readonly codes: readonly string[];
  /** Qualified address of the unit's cell, when it is about one. */
  readonly cell?: string;
  readonly params: FindingParamsByKind[K];
  readonly message: Bilingual;
};

/** A consolidation's finding of any kind, told apart by `kind`. */
export type ConsolidationIssue = {
  readonly [K in ConsolidationIssueKind]: ConsolidationIssueOf<K>;
}[ConsolidationIssueKind];

/** A file or sheet that was not consolidated, and why. */
export interface Excluded {
  readonly file?: string;
  readonly sheet?: string;
  /** Why, with the advice the host that says it can give (ConsolidateOptions.host). */
  readonly reason: Bilingual;
  /** Why, as the summary's "Thiếu" sheet records it, when its reader can follow less of that advice there. */
  readonly inSummary?: Bilingual;
}

/** A row of the summary's form left out because another form (its id) differs on it. */
export interface LeftOutRow {
  readonly code: string;
  readonly form: string;
  readonly reason: RowMismatch;
}

/** What a form consolidated beside the lead one shares with it and what it does not. */
export interface FormDifference {
  /** Its id, and the text F1 of its sheets holds. */
  readonly form: string;
  readonly key: string;
  /** How many units follow it. */
  readonly units: number;
  /** The lead's value rows it declares alike: summed over both forms. */
  readonly common: readonly string[];
  /** The lead's value rows it lacks. */
  readonly absent: readonly string[];
  /** The lead's value rows it declares otherwise, each with why (`reasons`, aligned). */
  readonly differs: readonly string[];
  readonly reasons: readonly RowMismatch[];
  /** Its value rows the lead form lacks: in no total. */
  readonly extra: readonly string[];
}

/** The province's summary. */
export interface Consolidation {
  /** The form the summary is laid out by: the one most units follow (the first met on a tie). */
  readonly catalogue: LoadedCatalogue;
  readonly templateVersion: string;
  /** Every form the units follow, the lead first, with how many units follow each. */
  readonly forms: readonly { readonly key: string; readonly units: number }[];
  /** Rows of the lead form left out because another form differs on them (none when all follow one form). */
  readonly leftOut: readonly LeftOutRow[];
  /** How each other form differs from the lead. */
  readonly differences: readonly FormDifference[];
  /** The period most units report for. */
  readonly period?: string;
  readonly units: readonly UnitSummary[];
  /** Codes of the value rows, in the form's order; UnitSummary.amounts follows it. */
  readonly valueCodes: readonly string[];
  /** One total per value row, in the form's order. */
  readonly totals: readonly RowTotal[];
  readonly issues: readonly ConsolidationIssue[];
  /** Expected units with no appendix. */
  readonly missingUnits: readonly string[];
  /** A correction request to each unit whose appendix has an error. */
  readonly requests: readonly CorrectionRequest[];
  /** A letter to each unit with no error but a warning, asking it to look again (counted apart from `requests`). */
  readonly reviews: readonly CorrectionRequest[];
  readonly nonAggregable: readonly NonAggregable[];
  /** Summary sheets set aside, unreadable files, sheets without an appendix. */
  readonly excluded: readonly Excluded[];
  /** Some counted unit has errors, or the consolidation found an error of its own. */
  readonly hasErrors: boolean;
}
