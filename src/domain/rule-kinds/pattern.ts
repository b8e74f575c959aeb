import type { LoadedCatalogue } from "../catalogue";
import type { Finding, RuleSummary } from "../findings";
import { findingMessage } from "../messages";
import type { CompiledRule, SheetValues, Status } from "./kind";
import { summariesOf, summaryOf } from "./kind";
import { rowIndexOf } from "./rows";

// Copy-paste patterns: a block equal to another pair by pair (4.3.1 = 4.2.1, …), not all zero, is likely copied.

type PatternRule = LoadedCatalogue["patterns"][number];

/** A copy-paste pattern, its pairs by row index. */
export interface PatternCheck extends CompiledRule {
  readonly rule: PatternRule;
  readonly pairs: readonly (readonly [number, number])[];
  /** Codes of the pairs, pair by pair, for findings. */
  readonly codes: readonly string[];
  /** Row indexes of codes. */
  readonly keys: readonly number[];
  /** The blocks the first pair's rows belong to (4.2, 4.3), or the rows when they have none, for the message. */
  readonly blocks: readonly string[];
  /** The pairs as the message quotes them ("4.3.1=4.2.1"), made once with the rule. */
  readonly pairTexts: readonly string[];
  readonly summaries: Readonly<Record<Status, RuleSummary>>;
}

/** Compiles a pattern of `catalogue` to row indexes. */
export function compile(rule: PatternRule, catalogue: LoadedCatalogue): PatternCheck {
  const indexOf = rowIndexOf(catalogue);
  // Catalogue integrity guarantees every code a pattern names is a row.
  const at = (code: string) => indexOf.get(code)!;
  const codes = rule.pairs.flat();
  const [first, second] = [rule.pairs[0]![0], rule.pairs[0]![1]];
  const blockOf = (code: string) => catalogue.byCode.get(code)?.parent ?? code;
  const check: PatternCheck = {
    id: rule.id,
    rule,
    pairs: rule.pairs.map(([a, b]) => [at(a), at(b)] as const),
    codes,
    keys: codes.map(at),
    blocks: [blockOf(first), blockOf(second)],
    pairTexts: rule.pairs.map(([a, b]) => `${a}=${b}`),
    summaries: summariesOf(rule.id),
    evaluate: (values) => evaluate(check, values),
    findings: (values, out) => {
      if (statusOf(check, values) === "failed") out.push(patternFinding(check, values));
    },
  };
  return check;
}

/** The pattern as a person writes it: "4.3.1 = 4.2.1, 4.3.2 = 4.2.2". */
export function describe(rule: PatternRule): string {
  return rule.pairs.map(([a, b]) => `${a} = ${b}`).join(", ");
}

/** Failed when every pair is equal and not all are zero; not evaluated while any figure is missing. */
export function evaluate(check: PatternCheck, values: SheetValues): RuleSummary {
  return summaryOf(check.summaries, statusOf(check, values));
}

function statusOf(check: PatternCheck, values: SheetValues): Status {
  let complete = true;
  let equal = true;
  let allZero = true;
  for (const [a, b] of check.pairs) {
    const left = values.amounts[a];
    const right = values.amounts[b];
    if (left === undefined || right === undefined) complete = false;
    else {
      if (left !== right) equal = false;
      if (left !== 0 || right !== 0) allZero = false;
    }
  }
  if (!complete) return "notEvaluated";
  return !equal || allZero ? "passed" : "failed";
}

function patternFinding(check: PatternCheck, values: SheetValues): Finding {
  const params = { pairs: check.pairTexts, blocks: check.blocks };
  const kind = "pattern_copy";
  return {
    rule: check.id,
    kind,
    severity: "info",
    codes: check.codes,
    cells: check.keys.map((at) => values.cellAt(at)),
    params,
    message: findingMessage({ kind, params, codes: check.codes }, values.byCode),
  };
}
