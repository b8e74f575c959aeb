import type { Bilingual } from "./catalogue";
import type { FindingKind, FindingParamsByKind } from "./messages";
import type { Severity } from "./values";

/** A parameter value a finding carries for its messages and for machines (numbers stay numbers). */
export type FindingParam = string | number | boolean | readonly string[] | readonly number[];

/**
 * A fix the user may apply with one click: write `value` (a number as Excel stores it: a percentage as a
 * fraction) or, for a derived percentage, restore `formula`. Never applied without the user's click.
 */
export interface Suggestion {
  readonly code: string;
  readonly cell: string;
  readonly value: number;
  /** The derived formula to restore instead of a typed value, with its leading "=". */
  readonly formula?: string;
  /** The number format to write with a percentage, so that the fraction shows as one ("0.0%"). */
  readonly numberFormat?: string;
  /** The value as the message shows it, in both languages. */
  readonly display: Bilingual;
}

/**
 * One finding: data first, prose second (DESIGN.md section 6). `cells[0]` is the suspect, the cell a click selects.
 * `kind` names the message template and `params` are its typed parameters; `message` is rendered from the two
 * (messages/renderFinding), never written where the problem is found.
 */
export type FindingOf<K extends FindingKind> = {
  readonly rule: string;
  readonly kind: K;
  readonly severity: Severity;
  readonly codes: readonly string[];
  readonly cells: readonly string[];
  readonly params: FindingParamsByKind[K];
  readonly message: Bilingual;
  readonly suggestion?: Suggestion;
};

/** A finding of any kind, told apart by `kind`. */
export type Finding = { readonly [K in FindingKind]: FindingOf<K> }[FindingKind];

/** Outcome counts of one rule over a sheet, as R validate's summary. */
export interface RuleSummary {
  readonly rule: string;
  readonly passed: number;
  readonly failed: number;
  readonly notEvaluated: number;
}

/** Counts of findings by severity. */
export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

/** `ready` when there is no error and the appendix holds values; anything else is `not_ready`. */
export type Verdict = "ready" | "not_ready";

/** Severity order for sorting: errors first. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Counts findings by severity. */
export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  let error = 0;
  let warning = 0;
  let info = 0;
  // Compared, not used as a key: a key that varies sends every count through a generic lookup.
  for (const finding of findings) {
    const severity = finding.severity;
    if (severity === "error") error++;
    else if (severity === "warning") warning++;
    else info++;
  }
  return { error, warning, info };
}
