import type { AmountOf, Outcome } from "../rules";
import { failsBlocking, impliedValue } from "../rules";
import type { DerivedCheck } from "./derived";
import { fails } from "./derived";
import type { SheetValues, Suspect } from "./kind";
import { outOfBounds } from "./plausible";

// Finding the wrong cell (DESIGN.md section 5), over the relations' outcomes a validation has just evaluated.

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

// Localising's working lists, kept from one validation to the next (validations run one at a time, and what one
// returns holds none of them), each filled from its start with a count of what it holds: a validation tries a
// dozen values, and lists made for each of them, an array's first push reserving sixteen places, cost more than
// trying them.
/** Indexes of the relations failing at error or warning level. */
const failing: number[] = [];
/** The values tried, in pairs: row index, value. */
const tried: number[] = [];
/** The candidates, in fours: row index, value, and where in `resolved` the rules it resolves start and end. */
const candidates: number[] = [];
/** The failing relations each candidate resolves, one candidate's after another's. */
const resolved: number[] = [];

/** True when the first `count` numbers of `tried` hold the pair of row `at` and `value`. */
function triedBefore(count: number, at: number, value: number): boolean {
  for (let index = 0; index < count; index += 2) {
    if (tried[index] === at && tried[index + 1] === value) return true;
  }
  return false;
}

/** True when `resolved` from `start` to `end` holds relation `rule`. */
function resolves(start: number, end: number, rule: number): boolean {
  for (let index = start; index < end; index++) if (resolved[index] === rule) return true;
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
  let failingCount = 0;
  for (let index = 0; index < outcomes.length; index++) {
    if (isBlocking(outcomes[index])) failing[failingCount++] = index;
  }
  if (!failingCount) return suspects;
  let triedCount = 0;
  let candidateCount = 0;
  let resolvedCount = 0;
  const trials = new Trials(values);
  for (let failed = 0; failed < failingCount; failed++) {
    const check = plan.relations[failing[failed]!]!;
    for (const at of check.keys) {
      if (plan.rows[at]!.kind !== "count") continue;
      const value = impliedValue(check.relation, at, values.amountAt);
      if (value === undefined || value === amounts[at]) continue;
      if (triedBefore(triedCount, at, value)) continue;
      tried[triedCount++] = at;
      tried[triedCount++] = value;
      const trial = trials.set(at, value);
      // A value that breaks anything is no candidate: the rules it resolves are not looked for further.
      if (breaksDerived(at, trials) || outOfBounds(plan.plausible, at, value, values.level)) continue;
      const start = resolvedCount;
      let breaks = false;
      for (const other of plan.relationsAt[at]!) {
        const before = isBlocking(outcomes[other]);
        const after = failsBlocking(plan.relations[other]!.relation, trial);
        if (before && !after) resolved[resolvedCount++] = other;
        if (!before && after) {
          breaks = true;
          break;
        }
      }
      if (breaks || resolvedCount === start) {
        resolvedCount = start;
        continue;
      }
      candidates[candidateCount++] = at;
      candidates[candidateCount++] = value;
      candidates[candidateCount++] = start;
      candidates[candidateCount++] = resolvedCount;
    }
  }
  for (let failed = 0; candidateCount > 0 && failed < failingCount; failed++) {
    const ruleIndex = failing[failed]!;
    // The candidates resolving the rule that resolve the most rules: the first, and how many tie with it.
    let best = -1;
    let most = 0;
    let ties = 0;
    for (let candidate = 0; candidate < candidateCount; candidate += 4) {
      const start = candidates[candidate + 2]!;
      const end = candidates[candidate + 3]!;
      if (!resolves(start, end, ruleIndex)) continue;
      if (best < 0 || end - start > most) {
        best = candidate;
        most = end - start;
        ties = 1;
      } else if (end - start === most) ties++;
    }
    if (best < 0) continue;
    if (ties === 1) {
      const at = candidates[best]!;
      suspects[ruleIndex] = { code: plan.rows[at]!.code, at, value: candidates[best + 1]!, candidates: [] };
      continue;
    }
    const tied: string[] = [];
    for (let candidate = 0; candidate < candidateCount; candidate += 4) {
      const start = candidates[candidate + 2]!;
      const end = candidates[candidate + 3]!;
      if (end - start === most && resolves(start, end, ruleIndex))
        tied.push(plan.rows[candidates[candidate]!]!.code);
    }
    suspects[ruleIndex] = { candidates: tied };
  }
  return suspects;
}
