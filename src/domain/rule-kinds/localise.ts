import type { AmountOf, Outcome } from "../rules";
import { failsBlocking, impliedValue } from "../rules";
import type { DerivedCheck } from "./derived";
import { fails } from "./derived";
import type { SheetValues, Suspect } from "./kind";
import { outOfBounds } from "./plausible";

// Finding the wrong cell (DESIGN.md section 5), over the relations' outcomes a validation has just evaluated.

interface Candidate {
  /** Row index of the candidate cell. */
  readonly at: number;
  readonly value: number;
  /** Indexes of the failing rules the value resolves. */
  readonly resolves: readonly number[];
}

/**
 * The sheet's amounts as they are but one row's, which reads the value tried: one reader, moved from trial to trial,
 * and whether each derived percentage fails as the sheet stands, worked out once for all trials.
 */
class Trials {
  at = -1;
  value = 0;
  readonly amountAt: AmountOf<number>;
  /** By derived check's index: whether it fails as the sheet stands, once asked. */
  private readonly failing: (boolean | undefined)[] = [];
  constructor(readonly values: SheetValues) {
    const amounts = values.amounts;
    this.amountAt = (other) => (other === this.at ? this.value : amounts[other]);
  }
  /** Moves the trial to row `at` reading `value`. */
  set(at: number, value: number): AmountOf<number> {
    this.at = at;
    this.value = value;
    return this.amountAt;
  }
  failsNow(check: DerivedCheck): boolean {
    return (this.failing[check.index] ??= fails(check, this.values, this.values.amountAt));
  }
}

/** True when changing one count (as the trial reads it) makes a stated percentage that agreed disagree. */
function breaksDerived(at: number, trials: Trials): boolean {
  for (const check of trials.values.plan.derivedAt[at]!) {
    if (!trials.failsNow(check) && fails(check, trials.values, trials.amountAt)) return true;
  }
  return false;
}

/** True when row `at` = `value` makes any rule reading it fail at error or warning level. */
export function breaksAny(at: number, value: number, values: SheetValues): boolean {
  const plan = values.plan;
  if (outOfBounds(plan.plausible, at, value, values.level)) return true;
  const trials = new Trials(values);
  const trial = trials.set(at, value);
  if (breaksDerived(at, trials)) return true;
  for (const index of plan.relationsAt[at]!) {
    if (failsBlocking(plan.relations[index]!.relation, trial)) return true;
  }
  return false;
}

function isBlocking(outcome: Outcome | undefined): boolean {
  return outcome?.status === "fail" && outcome.severity !== "info";
}

/** True when row `at` was tried with `value` already: the pairs tried, at then value, in one flat array. */
function triedBefore(tried: readonly number[], at: number, value: number): boolean {
  for (let index = 0; index < tried.length; index += 2) {
    if (tried[index] === at && tried[index + 1] === value) return true;
  }
  return false;
}

/**
 * Error localisation: every cell of a failing relation is a candidate with the value that rule implies; a
 * candidate is kept when it creates no new error or warning, and the suspect of each failing rule is the kept
 * candidate that resolves the most failing rules. A tie gives no suggestion but lists the candidates. The suspects
 * come back by relation index.
 */
export function localise(values: SheetValues): (Suspect | undefined)[] {
  const { plan, amounts, outcomes } = values;
  const suspects = new Array<Suspect | undefined>(outcomes.length).fill(undefined);
  const failing: number[] = [];
  for (let index = 0; index < outcomes.length; index++) if (isBlocking(outcomes[index])) failing.push(index);
  if (!failing.length) return suspects;
  const candidates: Candidate[] = [];
  const tried: number[] = [];
  const trials = new Trials(values);
  for (const ruleIndex of failing) {
    const relation = plan.relations[ruleIndex]!.relation;
    for (const at of plan.relations[ruleIndex]!.keys) {
      if (plan.rows[at]!.kind !== "count") continue;
      const value = impliedValue(relation, at, values.amountAt);
      if (value === undefined || value === amounts[at]) continue;
      if (triedBefore(tried, at, value)) continue;
      tried.push(at, value);
      const trial = trials.set(at, value);
      // A value that breaks anything is no candidate: the rules it resolves are not looked for further.
      if (breaksDerived(at, trials) || outOfBounds(plan.plausible, at, value, values.level)) continue;
      let resolves: number[] | undefined;
      let breaks = false;
      for (const other of plan.relationsAt[at]!) {
        const before = isBlocking(outcomes[other]);
        const after = failsBlocking(plan.relations[other]!.relation, trial);
        if (before && !after) (resolves ??= []).push(other);
        if (!before && after) {
          breaks = true;
          break;
        }
      }
      if (!breaks && resolves) candidates.push({ at, value, resolves });
    }
  }
  if (!candidates.length) return suspects;
  for (const ruleIndex of failing) {
    // The candidates resolving the rule that resolve the most rules: the first, and how many tie with it.
    let best: Candidate | undefined;
    let ties = 0;
    for (const candidate of candidates) {
      if (!candidate.resolves.includes(ruleIndex)) continue;
      if (!best || candidate.resolves.length > best.resolves.length) {
        best = candidate;
        ties = 1;
      } else if (candidate.resolves.length === best.resolves.length) ties++;
    }
    if (!best) continue;
    if (ties === 1) {
      suspects[ruleIndex] = {
        code: plan.rows[best.at]!.code,
        at: best.at,
        value: best.value,
        candidates: [],
      };
      continue;
    }
    const most = best.resolves.length;
    const tied: string[] = [];
    for (const candidate of candidates) {
      if (candidate.resolves.length === most && candidate.resolves.includes(ruleIndex)) {
        tied.push(plan.rows[candidate.at]!.code);
      }
    }
    suspects[ruleIndex] = { candidates: tied };
  }
  return suspects;
}
