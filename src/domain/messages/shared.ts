import { formatAmount, formatCount, formatPercent } from "../format";
import { PERCENT_SCALE } from "../values";
import type {
  ConflictParams,
  DerivedParams,
  Lang,
  MessageContext,
  PlausibleParams,
  ReadingParams,
  RelationParams,
  RowMismatch,
} from "./kinds";
import { amountOfValue, amountText, kindOf, labelOfCode } from "./words";

// The figures both languages' templates show, computed once from the parameters: only the words differ.

/** The value a reading problem read or solved, as the row writes it; undefined when none is known. */
export function readingShown(params: ReadingParams, context: MessageContext, lang: Lang): string | undefined {
  if (params.value === undefined) return undefined;
  const row = context.rows.get(params.code);
  return formatAmount(amountOfValue(row, params.value), kindOf(row), lang);
}

/** The two conflicting cells as the message shows them: a value as its row writes it, text quoted, or `blank`. */
export function conflictShown(
  params: ConflictParams,
  context: MessageContext,
  lang: Lang,
  blank: string,
): [string, string] {
  const shown = (amount: number | undefined, stored: number | undefined, text: string | undefined) => {
    if (amount !== undefined) return amountText(context, params.code, amount, lang);
    if (stored !== undefined) return formatCount(stored, lang);
    return text !== undefined ? `"${text}"` : blank;
  };
  return [
    shown(params.firstAmount, params.firstStored, params.firstText),
    shown(params.secondAmount, params.secondStored, params.secondText),
  ];
}

/** A derived rate's stated and recomputed percentages and the counts it comes from ("758/6.356"). */
export function derivedFigures(
  params: DerivedParams,
  lang: Lang,
): { typed: string; computed: string; from: string } {
  const scale = 10 ** params.decimals;
  const percent = (rate: number) =>
    formatPercent({ scaled: Math.round(rate * scale), decimals: params.decimals }, lang);
  return {
    typed: percent(params.stated),
    computed: percent(params.recomputed),
    from: `${formatCount(params.numerator, lang)}/${formatCount(params.denominator, lang)}`,
  };
}

/**
 * An implausible figure and its bound as the row writes them; a computed rate as its cell shows it (two decimals),
 * not to the ten-thousandth the rules hold it at. `lowBound` is the bound as an amount.
 */
export function implausibleFigures(
  params: PlausibleParams,
  context: MessageContext,
  lang: Lang,
): { figure: string; limit: string; lowBound: number } {
  const row = context.rows.get(params.code);
  const kind = kindOf(row);
  const amount = amountOfValue(row, params.value);
  const bound = amountOfValue(row, params.limit);
  const figure =
    params.computed && kind === "percent"
      ? formatPercent({ scaled: Math.sign(amount) * Math.round(Math.abs(amount) / 100), decimals: 2 }, lang)
      : formatAmount(amount, kind, lang);
  return { figure, limit: formatAmount(bound, kind, lang), lowBound: bound };
}

/** A failing relation's sides as "label (amount) + …", its sums' notation, and their difference. */
export function relationSides(
  params: RelationParams,
  context: MessageContext,
  lang: Lang,
): { left: string; right: string; fmt: (amount: number) => string; difference: string } {
  const first = params.leftCodes[0];
  const percent =
    params.rightPercent !== undefined ||
    (first !== undefined && kindOf(context.rows.get(first)) === "percent");
  const fmt = (amount: number) => formatAmount(amount, percent ? "percent" : "count", lang);
  const side = (codes: readonly string[], amounts: readonly number[]) =>
    codes
      .map((code, at) => {
        const amount = amounts[at];
        return `${labelOfCode(context, code, lang)} (${amount === undefined ? "?" : amountText(context, code, amount, lang)})`;
      })
      .join(" + ");
  return {
    left: side(params.leftCodes, params.leftAmounts),
    right:
      params.rightPercent !== undefined
        ? fmt(params.rightPercent * PERCENT_SCALE)
        : side(params.rightCodes, params.rightAmounts),
    fmt,
    difference: fmt(params.difference),
  };
}

/**
 * The character of its text an expression problem is at, counted from 1 as a person counts characters (one for a
 * character outside the BMP); undefined for a problem at the end of the text.
 */
export function characterAt(problem: {
  readonly offset: number;
  readonly params: { readonly text: string };
}) {
  const { text } = problem.params;
  return problem.offset >= text.length ? undefined : [...text.slice(0, problem.offset)].length + 1;
}

/** Items joined as a list is written in `lang`: "a, b hoặc c", "a, b or c". */
export function alternatives(items: readonly string[], lang: Lang): string {
  const or = lang === "vi" ? " hoặc " : " or ";
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")}${or}${items.at(-1) ?? ""}`;
}

/** Left-out rows grouped by why, in the order the reasons first appear: what a list of them shows. */
export function mismatchGroups(
  codes: readonly string[],
  reasons: readonly RowMismatch[],
): [Exclude<RowMismatch, "absent">, string[]][] {
  const groups = new Map<Exclude<RowMismatch, "absent">, string[]>();
  codes.forEach((code, at) => {
    const reason = reasons[at];
    if (reason === undefined || reason === "absent") return;
    groups.set(reason, [...(groups.get(reason) ?? []), code]);
  });
  return [...groups];
}
