import type { CodeOption, RowDef } from "../catalogue";
import { formatAmount, formatCount, formatPercent } from "../format";
import { MONTHS_EN, periodLabel } from "../meta";
import { PERCENT_SCALE } from "../values";
import type { Lang, MessageContext, ReadingParams } from "./kinds";

// The pieces both languages' templates are made of: how an indicator, a value and a legend are written.

/** An indicator's label as messages show it: without markup or trailing punctuation. */
export function labelOf(row: RowDef, lang: Lang): string {
  return row.label[lang].replace(/<\/?i>/g, "").replace(/[\s:.]+$/, "");
}

/** An indicator as messages name it: its label, then its code. */
export function nameOf(row: RowDef, lang: Lang): string {
  return `${labelOf(row, lang)} (${row.code})`;
}

/** An indicator named by code: its label and code, or the code alone when the form has no such row. */
export function nameOfCode(context: MessageContext, code: string, lang: Lang): string {
  const row = context.rows.get(code);
  return row ? nameOf(row, lang) : code;
}

/** An indicator's label by code, or the code when the form has no such row. */
export function labelOfCode(context: MessageContext, code: string, lang: Lang): string {
  const row = context.rows.get(code);
  return row ? labelOf(row, lang) : code;
}

/** How an amount of a row is written: a count or code as is, a percentage by its scale. */
export function kindOf(row: RowDef | undefined): "count" | "percent" | "coded" {
  return !row || row.kind === "none" ? "count" : row.kind;
}

/** A row's amount (values.ts) from its value as Excel stores it: a percentage's fraction back to ten-thousandths. */
export function amountOfValue(row: RowDef | undefined, value: number): number {
  return row?.kind === "percent" ? Math.round(value * 100 * PERCENT_SCALE) : value;
}

/** An amount of the row named by `code`, written for `lang`. */
export function amountText(context: MessageContext, code: string, amount: number, lang: Lang): string {
  return formatAmount(amount, kindOf(context.rows.get(code)), lang);
}

/** A row's legend as messages list it: "1 = Có; 0 = Không". */
export function legendText(codes: readonly CodeOption[] | undefined, lang: Lang): string {
  return (codes ?? []).map((option) => `${option.value} = ${option.label[lang]}`).join("; ");
}

/**
 * A cell's content as a message quotes it in `lang`: a percentage as its cell shows it (150%, not the fraction
 * 1.5), a stored number in the language's notation (64,073 in Vietnamese is a decimal, as 64.073 is in English),
 * text in quotes exactly as typed.
 */
export function quotedValue(params: ReadingParams, lang: Lang): string {
  if (params.shownScaled !== undefined)
    return formatPercent({ scaled: params.shownScaled, decimals: params.shownDecimals ?? 0 }, lang);
  if (params.stored !== undefined) return formatCount(params.stored, lang);
  return `"${params.raw}"`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * What a cell holds as a message quotes it: a date (read as "2021-09-30") the way each language writes dates,
 * "30/09/2021" and "30 September 2021", as the messages write the reform's date; anything else as read.
 */
export function rawShown(raw: string, lang: Lang): string {
  const date = ISO_DATE.exec(raw);
  const month = date ? MONTHS_EN[Number(date[2]) - 1] : undefined;
  if (!date || month === undefined) return raw;
  const [, year, monthDigits, day] = date;
  return lang === "vi" ? `${day}/${monthDigits}/${year}` : `${Number(day)} ${month} ${year}`;
}

/** A period id as users read it: "Quý III/2021"; the id itself in English ("2021-Q3"); "" or none is unknown. */
export function periodName(period: string | undefined, lang: Lang): string {
  if (!period) return lang === "vi" ? "chưa rõ kỳ" : "unknown period";
  return lang === "vi" ? periodLabel(period) : period;
}

/** How many names a message lists before it counts the rest. */
export const NAMES_SHOWN = 5;

/** Names of units (or codes of indicators) joined for a message, cut after a few with how many more. */
export function nameList(
  names: readonly string[],
  lang: Lang,
  shown = NAMES_SHOWN,
  what: "units" | "indicators" = "units",
): string {
  const head = names.slice(0, shown).join(", ");
  const rest = names.length - shown;
  if (rest <= 0) return head;
  if (lang === "en") return `${head} and ${rest} more`;
  return `${head} và ${rest} ${what === "units" ? "đơn vị" : "chỉ tiêu"} khác`;
}

/**
 * An office by its role, as the consolidation's roles name it, or the role id. A form names its offices as a list
 * shows them ("Department of Home Affairs"); in an English sentence an office takes "the".
 */
export function roleNameIn(context: MessageContext, role: string, lang: Lang): string {
  const name = context.roles?.get(role)?.[lang];
  if (name === undefined) return role;
  return lang === "en" ? `the ${name}` : name;
}
