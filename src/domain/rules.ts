import type { RelationRule } from "./catalogue";
import type { Severity } from "./values";
import { PERCENT_SCALE } from "./values";

/** The outcome of one rule: pass, fail (with the severity it fails at), or not evaluated for want of inputs. */
export type Outcome =
  | { readonly status: "pass" }
  | { readonly status: "notEvaluated"; readonly missing: readonly string[] }
  | {
      readonly status: "fail";
      readonly severity: Severity;
      /** "over": the left side exceeds (or differs from) the right; "short": parts fall short of their total. */
      readonly direction: "over" | "short";
      readonly left: number;
      readonly right: number;
    };

/** Reads the amount rules compute with for a code, or undefined when it is blank, not applicable or unreadable. */
export type AmountOf = (code: string) => number | undefined;

/** Σ left against Σ right (or a constant percentage) for a relation rule: balance, of-which, stock or order. */
export function evaluateRelation(rule: RelationRule, amountOf: AmountOf): Outcome {
  // Evaluated thousands of times a second: no closure or array unless an input is missing.
  let left = 0;
  let missing: string[] | undefined;
  for (const code of rule.left) {
    const amount = amountOf(code);
    if (amount === undefined) (missing ??= []).push(code);
    else left += amount;
  }
  let right = 0;
  if (rule.rightPercent !== undefined) right = rule.rightPercent * PERCENT_SCALE;
  else {
    for (const code of rule.right) {
      const amount = amountOf(code);
      if (amount === undefined) (missing ??= []).push(code);
      else right += amount;
    }
  }
  if (missing) return { status: "notEvaluated", missing };
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

const PASS: Outcome = { status: "pass" };

/**
 * The value a code would need for a failing relation to hold, all other inputs as they are: the exact value for a
 * balance, the boundary for an inequality. Undefined when the code is not in the rule or the value is negative.
 */
export function impliedValue(rule: RelationRule, code: string, amountOf: AmountOf): number | undefined {
  const onLeft = rule.left.includes(code);
  const onRight = rule.right.includes(code);
  if (onLeft === onRight) return undefined;
  const others = (codes: readonly string[]) => {
    let total = 0;
    for (const other of codes) {
      if (other === code) continue;
      const amount = amountOf(other);
      if (amount === undefined) return undefined;
      total += amount;
    }
    return total;
  };
  const leftOthers = others(rule.left);
  const rightOthers =
    rule.rightPercent !== undefined ? rule.rightPercent * PERCENT_SCALE : others(rule.right);
  if (leftOthers === undefined || rightOthers === undefined) return undefined;
  const implied = onLeft ? rightOthers - leftOthers : leftOthers - rightOthers;
  return implied >= 0 ? implied : undefined;
}
