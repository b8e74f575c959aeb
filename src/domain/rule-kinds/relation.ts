import type { LoadedCatalogue, RelationRule } from "../catalogue";
import type { Finding, RuleSummary } from "../findings";
import type { DomainFindingParams, RelationParams } from "../messages";
import { findingMessage } from "../messages";
import type { Outcome, Relation } from "../rules";
import { evaluateRelation } from "../rules";
import type { CompiledRule, Draft, SheetValues, Status } from "./kind";
import { suggestionFor, summariesOf, summaryOf } from "./kind";
import { rowIndexOf } from "./rows";

// What the four relation kinds (balance, of-which, stock, order) share: Σ left against Σ right (or a constant
// percentage), compiled to row indexes; each kind's module says what its failure is called and how it reads.

/** The kinds of finding a failing relation makes. */
export type RelationFindingKind = {
  [K in keyof DomainFindingParams]: DomainFindingParams[K] extends RelationParams ? K : never;
}[keyof DomainFindingParams];

/** A failing relation's outcome. */
export type Failure = Extract<Outcome, { status: "fail" }>;

/** A relation rule as declared, and compiled to row indexes for evaluation. */
export interface RelationCheck extends CompiledRule {
  readonly rule: RelationRule;
  readonly relation: Relation<number>;
  /** Codes of both sides, left first, for findings. */
  readonly codes: readonly string[];
  /** Row indexes of both sides, left first. */
  readonly keys: readonly number[];
  /** Its index among the catalogue's relations, where a validation keeps its outcome. */
  readonly index: number;
  readonly summaries: Readonly<Record<Status, RuleSummary>>;
}

/** The module of one relation kind: compile, evaluate, describe, and the finding a failure makes. */
export interface RelationKind<K extends RelationRule["kind"] = RelationRule["kind"]> {
  readonly kind: K;
  compile(rule: RelationRule & { readonly kind: K }, catalogue: LoadedCatalogue): RelationCheck;
  evaluate(check: RelationCheck, values: SheetValues): RuleSummary;
  /** The rule as a person writes it: "HS.1 = HS.1.1 + HS.1.2". */
  describe(rule: RelationRule & { readonly kind: K }): string;
}

/** How a relation's comparison is written, for describe. */
const SYMBOLS: Readonly<Record<RelationRule["relation"], string>> = { eq: "=", le: "≤" };

/** A relation kind's module: what is shared, with the kind's own name for a failure (`failure`). */
export function relationKind<K extends RelationRule["kind"]>(
  kind: K,
  failure: (outcome: Failure) => RelationFindingKind,
): RelationKind<K> {
  const evaluate = (check: RelationCheck, values: SheetValues): RuleSummary => {
    const outcome = evaluateRelation(check.relation, values.amountAt);
    values.outcomes[check.index] = outcome;
    return summaryOf(check.summaries, statusOf(outcome));
  };
  return {
    kind,
    compile(rule, catalogue) {
      const indexOf = rowIndexOf(catalogue);
      // Catalogue integrity guarantees every code a rule names is a row.
      const at = (code: string) => indexOf.get(code)!;
      const codes = [...rule.left, ...rule.right];
      const check: RelationCheck = {
        id: rule.id,
        rule,
        relation: {
          left: rule.left.map(at),
          right: rule.right.map(at),
          rightPercent: rule.rightPercent,
          relation: rule.relation,
          severity: rule.severity,
          shortfall: rule.shortfall,
        },
        codes,
        keys: codes.map(at),
        index: catalogue.relations.indexOf(rule),
        summaries: summariesOf(rule.id),
        evaluate: (values) => evaluate(check, values),
        findings: (values, out) => {
          const outcome = values.outcomes[check.index];
          if (outcome?.status === "fail") out.push(relationFinding(check, outcome, failure(outcome), values));
        },
      };
      return check;
    },
    evaluate,
    describe(rule) {
      const right = rule.rightPercent !== undefined ? `${rule.rightPercent}%` : rule.right.join(" + ");
      return `${rule.left.join(" + ")} ${SYMBOLS[rule.relation]} ${right}`;
    },
  };
}

function statusOf(outcome: Outcome): Status {
  return outcome.status === "pass" ? "passed" : outcome.status === "fail" ? "failed" : "notEvaluated";
}

/** The amounts of one side of a relation that failed, which read every amount. */
function amountsOf(keys: readonly number[], values: SheetValues): number[] {
  const amounts = new Array<number>(keys.length);
  for (let index = 0; index < keys.length; index++) amounts[index] = values.amounts[keys[index]!]!;
  return amounts;
}

/**
 * The cells of a relation's rows, the suspect's (at `suspectAt`) first: in an array of their number, as an array's
 * first push reserves sixteen places.
 */
function cellsOf(
  keys: readonly number[],
  suspectAt: number | undefined,
  suspectCell: string | undefined,
  values: SheetValues,
): string[] {
  let count = suspectCell === undefined ? 0 : 1;
  for (const at of keys) if (at !== suspectAt) count++;
  const cells = new Array<string>(count);
  let next = 0;
  if (suspectCell !== undefined) cells[next++] = suspectCell;
  for (const at of keys) if (at !== suspectAt) cells[next++] = values.cellAt(at);
  return cells;
}

/**
 * The finding of a failing relation, its suspect cell first. The suspect is told from the other cells by its row
 * index: comparing the addresses, strings built by joining, would flatten each of them.
 */
function relationFinding(
  check: RelationCheck,
  outcome: Failure,
  kind: RelationFindingKind,
  values: SheetValues,
): Finding {
  const rule = check.rule;
  const suspect = values.suspects[check.index];
  const suspectAt = suspect?.at;
  const suspectCell = suspectAt === undefined ? undefined : values.cellAt(suspectAt);
  const cells = cellsOf(check.keys, suspectAt, suspectCell, values);
  const params: { -readonly [P in keyof RelationParams]: RelationParams[P] } = {
    left: outcome.left,
    right: outcome.right,
    difference: Math.abs(outcome.left - outcome.right),
    leftCodes: rule.left,
    // A relation fails only when it read every amount.
    leftAmounts: amountsOf(check.relation.left, values),
    rightCodes: rule.right,
    rightAmounts: amountsOf(check.relation.right, values),
  };
  if (rule.rightPercent !== undefined) params.rightPercent = rule.rightPercent;
  if (suspect?.code !== undefined && suspect.value !== undefined) {
    params.suspect = suspect.code;
    params.suggested = suspect.value;
  }
  if (suspect?.candidates.length) params.candidates = suspect.candidates;
  const finding: Draft<typeof kind> = {
    rule: rule.id,
    kind,
    severity: outcome.severity,
    codes: check.codes,
    cells,
    params,
    message: findingMessage({ kind, params, codes: check.codes }, values.byCode),
  };
  if (suspectAt !== undefined && suspectCell !== undefined && suspect?.value !== undefined) {
    finding.suggestion = suggestionFor(values.plan.rows[suspectAt]!, suspect.value, suspectCell);
  }
  return finding;
}
