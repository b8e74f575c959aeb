import type { Level, LoadedCatalogue, RowDef } from "../catalogue";
import { LEVELS } from "../catalogue";
import type { Finding, RuleSummary } from "../findings";
import type { PlausibleParams } from "../messages";
import { findingMessage } from "../messages";
import type { Implausible } from "../plausible";
import { implausible } from "../plausible";
import type { CompiledRule, SheetValues } from "./kind";
import { excelValue } from "./kind";
import type { DerivedCheck } from "./derived";
import { recomputedAmount } from "./derived";

// The catalogue's plausible bounds (`giới hạn`) over every figure the rules read: as typed, as computed from an
// uncalculated formula, and a derived rate as its counts give it when that differs from the figure typed.

/** Rule id of the plausibility checks, one evaluation per bounded row. */
export const PLAUSIBLE_RULE = "plausible";

/** The plausibility check of a catalogue: its bounded rows by index, each with its rate's check if it is derived. */
export interface PlausibleCheck extends CompiledRule {
  readonly bounded: readonly { readonly at: number; readonly row: RowDef; readonly derived?: DerivedCheck }[];
  /** By bounded row: its minimum as an amount, -Infinity for none. */
  readonly lows: Float64Array;
  /**
   * By the unit's level ("" when unknown: the highest maximum of any level), by bounded row: its maximum as an
   * amount, Infinity for none. What `implausible` finds, worked out once, so that evaluating compares numbers.
   */
  readonly highs: Readonly<Record<Level | "", Float64Array>>;
  /** By row index: its index in `bounded`, -1 for a row without bounds. */
  readonly boundAt: Int32Array;
}

/** Compiles the plausibility check over every row of `catalogue` that has bounds. */
export function compile(catalogue: LoadedCatalogue, derived: readonly DerivedCheck[]): PlausibleCheck {
  const bounded = catalogue.rows.flatMap((row, at) =>
    row.plausible ? [{ at, row, derived: derived.find((check) => check.at === at) }] : [],
  );
  // implausible() of any amount below its minimum, or above its level's maximum, is a finding: its limits.
  const lows = Float64Array.from(
    bounded,
    ({ row }) => implausible(row, -Infinity, undefined)?.limit ?? -Infinity,
  );
  const highsAt = (level: Level | undefined) =>
    Float64Array.from(bounded, ({ row }) => {
      const found = implausible(row, Infinity, level);
      return found?.bound === "max" ? found.limit : Infinity;
    });
  const highs = {
    "": highsAt(undefined),
    ...(Object.fromEntries(LEVELS.map((level) => [level, highsAt(level)])) as Record<Level, Float64Array>),
  };
  const boundAt = new Int32Array(catalogue.rows.length).fill(-1);
  bounded.forEach(({ at }, index) => (boundAt[at] = index));
  const check: PlausibleCheck = {
    id: PLAUSIBLE_RULE,
    bounded,
    lows,
    highs,
    boundAt,
    evaluate: (values) => evaluate(check, values),
    findings: (values, out) => findings(check, values, out),
  };
  return check;
}

/**
 * True when `amount` lies outside row `at`'s plausible bounds at `level`, as `implausible` finds, by the limits
 * compiled with the check: localising asks it of every value it tries.
 */
export function outOfBounds(
  check: PlausibleCheck,
  at: number,
  amount: number,
  level: Level | undefined,
): boolean {
  const index = check.boundAt[at]!;
  if (index < 0) return false;
  return amount < check.lows[index]! || amount > check.highs[level ?? ""][index]!;
}

/** The bounds of a row as a person writes them: "0 ≤ 1.1.1 ≤ 500 (so)". */
export function describe(row: RowDef): string {
  const bounds = row.plausible;
  if (!bounds) return row.code;
  const maxima = Object.entries(bounds.max ?? {}).map(([level, max]) => `${max} (${level})`);
  return `${bounds.min !== undefined ? `${bounds.min} ≤ ` : ""}${row.code}${maxima.length ? ` ≤ ${maxima.join(", ")}` : ""}`;
}

/** Each bounded figure in turn: its stated figure, and its rate as the counts give it when that differs. */
function each(
  check: PlausibleCheck,
  values: SheetValues,
  visit: (at: number, amount: number, found: Implausible, computed: boolean) => void,
): { passed: number; failed: number; notEvaluated: number } {
  const counts = { passed: 0, failed: 0, notEvaluated: 0 };
  for (const { at, row, derived } of check.bounded) {
    const amount = values.amounts[at];
    const recomputed = derived ? recomputedAmount(derived, values) : undefined;
    if (amount === undefined && recomputed === undefined) {
      counts.notEvaluated++;
      continue;
    }
    let failed = false;
    const computed = values.computed.length > 0 && values.computed.includes(at);
    if (amount !== undefined) {
      const found = implausible(row, amount, values.level);
      if (found) {
        failed = true;
        if (!values.implausibleStated.includes(at)) values.implausibleStated.push(at);
        visit(at, amount, found, computed);
      }
    }
    if (recomputed !== undefined && recomputed !== amount && !computed) {
      const found = implausible(row, recomputed, values.level);
      if (found) {
        failed = true;
        visit(at, recomputed, found, true);
      }
    }
    if (failed) counts.failed++;
    else counts.passed++;
  }
  return counts;
}

/**
 * Counts the bounded figures that pass and fail, and keeps the rows whose own figure is implausible: each's counts,
 * by the limits compiled with the check (findings, rarely needed, go through `implausible` for what they say).
 */
export function evaluate(check: PlausibleCheck, values: SheetValues): RuleSummary {
  const { bounded, lows } = check;
  const highs = check.highs[values.level ?? ""];
  const { amounts, computed } = values;
  let passed = 0;
  let failed = 0;
  let notEvaluated = 0;
  for (let index = 0; index < bounded.length; index++) {
    const { at, derived } = bounded[index]!;
    const low = lows[index]!;
    const high = highs[index]!;
    const amount = amounts[at];
    const recomputed = derived ? recomputedAmount(derived, values) : undefined;
    if (amount === undefined && recomputed === undefined) {
      notEvaluated++;
      continue;
    }
    let wrong = false;
    if (amount !== undefined && (amount < low || amount > high)) {
      wrong = true;
      if (!values.implausibleStated.includes(at)) values.implausibleStated.push(at);
    }
    if (
      recomputed !== undefined &&
      recomputed !== amount &&
      (recomputed < low || recomputed > high) &&
      !(computed.length > 0 && computed.includes(at))
    ) {
      wrong = true;
    }
    if (wrong) failed++;
    else passed++;
  }
  return { rule: PLAUSIBLE_RULE, passed, failed, notEvaluated };
}

/** A warning showing each figure outside its bounds. */
function findings(check: PlausibleCheck, values: SheetValues, out: Finding[]): void {
  each(check, values, (at, amount, found, computed) =>
    out.push(plausibleFinding(check, values, at, amount, found, computed)),
  );
}

function plausibleFinding(
  check: PlausibleCheck,
  values: SheetValues,
  at: number,
  amount: number,
  found: Implausible,
  computed: boolean,
): Finding {
  const row = values.plan.rows[at]!;
  const derived = computed ? check.bounded.find((one) => one.at === at)?.derived : undefined;
  const inputs = derived?.inputCodes ?? [];
  const params: { -readonly [P in keyof PlausibleParams]: PlausibleParams[P] } = {
    code: row.code,
    value: excelValue(row, amount),
    limit: excelValue(row, found.limit),
    bound: found.bound,
    computed,
  };
  if (found.level) params.level = found.level;
  const kind = found.bound === "max" ? "implausible_high" : "implausible_low";
  const codes = [row.code, ...inputs];
  return {
    rule: PLAUSIBLE_RULE,
    kind,
    severity: "warning",
    codes,
    cells: [values.cellAt(at), ...(derived?.inputKeys ?? []).map((key) => values.cellAt(key))],
    params,
    message: findingMessage({ kind, params, codes }, values.byCode),
  };
}
