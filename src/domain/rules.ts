import type { RelationRule } from "./catalogue";
import type { Severity } from "./values";
import { PERCENT_SCALE } from "./values";

/**
 * The outcome of one rule: pass, fail (with the severity it fails at), or not evaluated for want of inputs. Only a
 * failure is an object of its own: a validation evaluates a score of relations, and half of them lack an input.
 */
export type Outcome =
  | { readonly status: "pass" }
  | { readonly status: "notEvaluated" }
  | {
      readonly status: "fail";
      readonly severity: Severity;
      /** "over": the left side exceeds (or differs from) the right; "short": parts fall short of their total. */
      readonly direction: "over" | "short";
      readonly left: number;
      readonly right: number;
    };

/**
 * Reads the amount rules compute with for a row, or undefined when it is blank, not applicable or unreadable.
 * Rows are named by code, or, in a relation compiled for one catalogue, by their index in it.
 */
export type AmountOf<K = string> = (key: K) => number | undefined;

/** What evaluating a relation reads of it: its sides, by code as declared or by row index once compiled. */
export type Relation<K = string> = Omit<RelationRule, "id" | "kind" | "left" | "right"> & {
  readonly left: readonly K[];
  readonly right: readonly K[];
};

/** Σ left against Σ right (or a constant percentage) for a relation rule: balance, of-which, stock or order. */
export function evaluateRelation<K>(rule: Relation<K>, amountOf: AmountOf<K>): Outcome {
  // Evaluated thousands of times a second: nothing allocated unless the relation fails.
  let left = 0;
  for (const key of rule.left) {
    const amount = amountOf(key);
    if (amount === undefined) return NOT_EVALUATED;
    left += amount;
  }
  let right = 0;
  if (rule.rightPercent !== undefined) right = rule.rightPercent * PERCENT_SCALE;
  else {
    for (const key of rule.right) {
      const amount = amountOf(key);
      if (amount === undefined) return NOT_EVALUATED;
      right += amount;
    }
  }
  if (rule.relation === "eq") {
    return left === right
      ? PASS
      : { status: "fail", severity: rule.severity, direction: "over", left, right };
  }
  if (left > right) return { status: "fail", severity: rule.severity, direction: "over", left, right };
  if (left < right && rule.shortfall)
    return { status: "fail", severity: rule.shortfall, direction: "short", left, right };
  return PASS;
}

const PASS = { status: "pass" } as const;
const NOT_EVALUATED = { status: "notEvaluated" } as const;

/**
 * True when evaluateRelation's outcome would be a failure at error or warning level: all that localising asks of
 * each value it tries, answered without building an outcome.
 */
export function failsBlocking<K>(rule: Relation<K>, amountOf: AmountOf<K>): boolean {
  let left = 0;
  for (const key of rule.left) {
    const amount = amountOf(key);
    if (amount === undefined) return false;
    left += amount;
  }
  let right = 0;
  if (rule.rightPercent !== undefined) right = rule.rightPercent * PERCENT_SCALE;
  else {
    for (const key of rule.right) {
      const amount = amountOf(key);
      if (amount === undefined) return false;
      right += amount;
    }
  }
  // A relation's own severity is an error or a warning; only a shortfall may be just worth a look (info).
  if (rule.relation === "eq") return left !== right;
  if (left > right) return true;
  return left < right && rule.shortfall !== undefined && rule.shortfall !== "info";
}

/**
 * The value a row would need for a failing relation to hold, all other inputs as they are: the exact value for a
 * balance, the boundary for an inequality. Undefined when the row is not in the rule or the value is negative.
 */
export function impliedValue<K>(rule: Relation<K>, key: K, amountOf: AmountOf<K>): number | undefined {
  const onLeft = rule.left.includes(key);
  const onRight = rule.right.includes(key);
  if (onLeft === onRight) return undefined;
  const leftOthers = sumOfOthers(rule.left, key, amountOf);
  const rightOthers =
    rule.rightPercent !== undefined
      ? rule.rightPercent * PERCENT_SCALE
      : sumOfOthers(rule.right, key, amountOf);
  if (leftOthers === undefined || rightOthers === undefined) return undefined;
  const implied = onLeft ? rightOthers - leftOthers : leftOthers - rightOthers;
  return implied >= 0 ? implied : undefined;
}

/**
 * The sum of `keys`' amounts but `key`'s, undefined when one is missing: a function of its own, not a closure made
 * on every call (localising asks impliedValue of every cell of every failing relation).
 */
function sumOfOthers<K>(keys: readonly K[], key: K, amountOf: AmountOf<K>): number | undefined {
  let total = 0;
  for (const other of keys) {
    if (other === key) continue;
    const amount = amountOf(other);
    if (amount === undefined) return undefined;
    total += amount;
  }
  return total;
}
