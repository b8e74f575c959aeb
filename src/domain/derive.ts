import type { AmountOf } from "./rules";
import type { PercentValue } from "./values";

/** A derived percentage recomputed from its counts, kept as an exact ratio of integers. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/** Why a derived percentage cannot be recomputed: an input is missing, or the denominator's sum is 0. */
export type NoRatio<K = string> =
  { readonly reason: "missing"; readonly missing: readonly K[] } | { readonly reason: "zero" };

/** A derived percentage's inputs, by code as declared or by row index once compiled. */
export interface DerivedInputs<K = string> {
  readonly plus: readonly K[];
  readonly minus: readonly K[];
  readonly denominator: readonly K[];
}

/** Recomputes (Σ plus − Σ minus) / Σ denominator from the counts, or says why it cannot. */
export function recompute<K>(derived: DerivedInputs<K>, amountOf: AmountOf<K>): Ratio | NoRatio<K> {
  // On every validation's hot path: no closure or array unless an input is missing.
  let missing: K[] | undefined;
  let numerator = 0;
  for (const key of derived.plus) {
    const amount = amountOf(key);
    if (amount === undefined) (missing ??= []).push(key);
    else numerator += amount;
  }
  for (const key of derived.minus) {
    const amount = amountOf(key);
    if (amount === undefined) (missing ??= []).push(key);
    else numerator -= amount;
  }
  let denominator = 0;
  for (const key of derived.denominator) {
    const amount = amountOf(key);
    if (amount === undefined) (missing ??= []).push(key);
    else denominator += amount;
  }
  if (missing) return { reason: "missing", missing };
  if (denominator === 0) return ZERO;
  return { numerator, denominator };
}

const ZERO = { reason: "zero" } as const;

/** True when recompute gave a ratio. */
export function isRatio<K>(result: Ratio | NoRatio<K>): result is Ratio {
  return "numerator" in result;
}

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
const TEN = POW10.map(BigInt);

/**
 * The ratio as a percentage with `decimals` decimals, truncated toward zero or rounded half away from zero, in
 * exact integer arithmetic: 758 / 6356 at 2 decimals is 1192 truncated and 1193 rounded (11,92% / 11,93%).
 */
export function percentOf(ratio: Ratio, decimals: number, mode: "truncate" | "round"): PercentValue {
  return { scaled: scaledPercentOf(ratio.numerator, ratio.denominator, decimals, mode), decimals };
}

/**
 * percentOf's `scaled` of numerator / denominator (denominator ≠ 0), without building a ratio or a percentage: the
 * engine compares a derived percentage with its counts several times per validation, and a validation of an
 * appendix allocating objects it throws away at once costs more than the comparisons.
 */
export function scaledPercentOf(
  numeratorSum: number,
  denominatorSum: number,
  decimals: number,
  mode: "truncate" | "round",
): number {
  const power = Math.min(Math.max(decimals, 0), 6);
  const negative = numeratorSum < 0 !== denominatorSum < 0;
  const denominator = Math.abs(denominatorSum);
  const numerator = Math.abs(numeratorSum) * 100 * POW10[power]!;
  let quotient: number;
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)) {
    // Doubles divide integers exactly enough here: the floor is off by at most one, and the remainder, an
    // integer below 2^53, says which way. BigInt gives the same answer at ten times the cost.
    quotient = Math.floor(numerator / denominator);
    let remainder = numerator - quotient * denominator;
    if (remainder < 0) {
      quotient -= 1;
      remainder += denominator;
    } else if (remainder >= denominator) {
      quotient += 1;
      remainder -= denominator;
    }
    if (mode === "round" && remainder * 2 >= denominator) quotient += 1;
  } else {
    const big = BigInt(Math.abs(numeratorSum)) * 100n * TEN[power]!;
    const bigDenominator = BigInt(denominator);
    let bigQuotient = big / bigDenominator;
    if (mode === "round" && (big % bigDenominator) * 2n >= bigDenominator) bigQuotient += 1n;
    quotient = Number(bigQuotient);
  }
  return negative && quotient !== 0 ? -quotient : quotient;
}
