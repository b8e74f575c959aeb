import type { Level, RowDef } from "./catalogue";
import { PERCENT_SCALE } from "./values";

/** A figure outside its row's plausible bounds: which bound, and the bound as an amount (values.ts). */
export interface Implausible {
  readonly bound: "max" | "min";
  /** The bound in the row's amounts: a count, or ten-thousandths of a percent for a rate. */
  readonly limit: number;
  /** The level whose maximum it is; undefined when the level is unknown (the highest maximum of any level). */
  readonly level?: Level;
}

function toAmount(row: RowDef, bound: number): number {
  return row.kind === "percent" ? Math.round(bound * PERCENT_SCALE) : bound;
}

type LevelMaxima = NonNullable<NonNullable<RowDef["plausible"]>["max"]>;
const highest = new WeakMap<LevelMaxima, number | undefined>();

/** The highest maximum of any level, worked out once per row's bounds (every figure of a sheet is checked). */
function highestMax(max: LevelMaxima): number | undefined {
  if (highest.has(max)) return highest.get(max);
  const found = Object.values(max).reduce<number | undefined>(
    (a, b) => (a === undefined ? b : Math.max(a, b)),
    undefined,
  );
  highest.set(max, found);
  return found;
}

/**
 * Whether an amount lies outside its row's plausible bounds (the catalogue's `giới hạn`), at the unit's level. With
 * no level the highest maximum of any level applies; `level: null` checks the level-free minimum only (a province's
 * total, which no level's maximum describes).
 */
export function implausible(
  row: RowDef,
  amount: number,
  level: Level | null | undefined,
): Implausible | undefined {
  const bounds = row.plausible;
  if (!bounds) return undefined;
  if (bounds.min !== undefined && amount < toAmount(row, bounds.min)) {
    return { bound: "min", limit: toAmount(row, bounds.min) };
  }
  if (!bounds.max || level === null) return undefined;
  const max = level !== undefined ? bounds.max[level] : highestMax(bounds.max);
  if (max === undefined || amount <= toAmount(row, max)) return undefined;
  return { bound: "max", limit: toAmount(row, max), ...(level ? { level } : {}) };
}
