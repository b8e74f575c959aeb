import type { Derived } from "./catalogue";
import type { AmountOf } from "./rules";
import type { PercentValue } from "./values";

/** A derived percentage recomputed from its counts, kept as an exact ratio of integers. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/** Why a derived percentage cannot be recomputed: an input is missing, or the denominator is 0. */
export type NoRatio =
  { readonly reason: "missing"; readonly missing: readonly string[] } | { readonly reason: "zero" };

/** Recomputes (Σ plus − Σ minus) / denominator from the counts, or says why it cannot. */
export function recompute(derived: Derived, amountOf: AmountOf): Ratio | NoRatio {
  const missing: string[] = [];
  const read = (code: string) => {
    const amount = amountOf(code);
    if (amount === undefined) missing.push(code);
    return amount ?? 0;
  };
  let numerator = 0;
  for (const code of derived.plus) numerator += read(code);
  for (const code of derived.minus) numerator -= read(code);
  const denominator = read(derived.denominator);
  if (missing.length) return { reason: "missing", missing };
  if (denominator === 0) return { reason: "zero" };
  return { numerator, denominator };
}

/** True when recompute gave a ratio. */
export function isRatio(result: Ratio | NoRatio): result is Ratio {
  return "numerator" in result;
}

const TEN = [1n, 10n, 100n, 1000n, 10000n, 100000n, 1000000n];

/**
 * The ratio as a percentage with `decimals` decimals, truncated toward zero or rounded half away from zero, in
 * exact integer arithmetic: 758 / 6356 at 2 decimals is 1192 truncated and 1193 rounded (11,92% / 11,93%).
 */
export function percentOf(ratio: Ratio, decimals: number, mode: "truncate" | "round"): PercentValue {
  const scale = TEN[Math.min(Math.max(decimals, 0), 6)]!;
  const negative = ratio.numerator < 0 !== ratio.denominator < 0;
  const numerator = BigInt(Math.abs(ratio.numerator)) * 100n * scale;
  const denominator = BigInt(Math.abs(ratio.denominator));
  let quotient = numerator / denominator;
  if (mode === "round" && (numerator % denominator) * 2n >= denominator) quotient += 1n;
  const scaled = Number(quotient);
  return { scaled: negative && scaled !== 0 ? -scaled : scaled, decimals };
}
