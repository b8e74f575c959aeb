import type { Level, RowDef } from "./catalogue";
import { formatAmount, formatPercent } from "./format";
import type { Lang } from "./messages";
import { nameOf } from "./messages";
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

const LEVEL_WORDS: Readonly<Record<Lang, Readonly<Record<Level, string>>>> = {
  vi: { so: "sở, ngành", huyen: "huyện", xa: "xã" },
  en: { so: "department", huyen: "district", xa: "commune" },
};

function kindOf(row: RowDef): "count" | "percent" | "coded" {
  return row.kind === "none" ? "count" : row.kind;
}

/**
 * The warning of an implausible figure, showing it: `computed` when it is the rate recomputed from the source
 * counts rather than the figure typed, `province` for a province's total.
 */
export function implausibleMessage(
  row: RowDef,
  amount: number,
  found: Implausible,
  lang: Lang,
  context: { readonly computed?: boolean; readonly province?: boolean } = {},
): string {
  const vi = lang === "vi";
  const kind = kindOf(row);
  // A computed rate as its cell shows it (two decimals), not to the ten-thousandth the rules hold it at.
  const figure =
    context.computed && kind === "percent"
      ? formatPercent({ scaled: Math.sign(amount) * Math.round(Math.abs(amount) / 100), decimals: 2 }, lang)
      : formatAmount(amount, kind, lang);
  const limit = formatAmount(found.limit, kind, lang);
  const lead = `${context.province ? (vi ? "Toàn tỉnh: " : "Province: ") : ""}${nameOf(row, lang)}`;
  const what = context.computed
    ? vi
      ? `tính từ số liệu chi tiết được ${figure}`
      : `the counts give ${figure}`
    : vi
      ? `ghi ${figure}`
      : `stated ${figure}`;
  if (found.bound === "min") {
    const why =
      row.mayBeNegative && found.limit === -100 * PERCENT_SCALE
        ? vi
          ? ": số hiện nay hơn gấp đôi năm 2015 (có thể do sáp nhập); kiểm tra lại số liệu."
          : ": more than twice the 2015 figure (a merger?); check the counts."
        : vi
          ? ": kiểm tra lại số liệu."
          : ": check the figure.";
    return vi
      ? `${lead}: ${what}, thấp hơn mức hợp lý ${limit}${why}`
      : `${lead}: ${what}, below the plausible ${limit}${why}`;
  }
  const at = found.level ? LEVEL_WORDS[lang][found.level] : undefined;
  return vi
    ? `${lead}: ${what}, vượt mức hợp lý ${limit}${at ? ` của một đơn vị cấp ${at}` : ""}: có thể gõ nhầm (dấu phân cách hàng nghìn, số của chỉ tiêu khác); kiểm tra lại.`
    : `${lead}: ${what}, above the plausible ${limit}${at ? ` for a ${at}` : ""}: possibly mistyped (a thousands separator, another row's figure); check it.`;
}
