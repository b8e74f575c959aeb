import type { CellScalar } from "../domain/cell";
import { isCellError } from "../domain/cell";

// The preview stands in for Excel on a Vietnamese machine (vi-VN): "." groups thousands and "," marks decimals, both
// when a person types and when a cell is shown. That is also why the seed's "1.93673" was text: it is not a number
// in vi-VN, so Excel kept it as typed.

/** What typing a text into a cell stores: a value, and a number format Excel infers (a percentage) or a formula. */
export interface TypedInput {
  readonly value: CellScalar;
  readonly numberFormat?: string;
  readonly formula?: string;
}

// A vi-VN number: digits grouped by "." in threes (or not grouped), then "," and decimals.
const VI_NUMBER = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
const VI_PERCENT = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s?%$/;

function numberFrom(sign: string, whole: string, decimals: string | undefined): number {
  const value = Number(`${whole.replace(/\./g, "")}.${decimals ?? "0"}`);
  return sign === "-" ? -value : value;
}

/** The format Excel gives a typed percentage: as many decimals as typed. */
function percentFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%";
}

/**
 * Reads what a person typed as Excel in vi-VN stores it: "" clears the cell; "'…" is text; "=…" a formula; a vi-VN
 * number a number ("02" becomes 2, "1.936" becomes 1936); "12,5%" the fraction 0.125 with a percent format; in a cell
 * already formatted as a percentage, a plain number is a percentage too (Excel's automatic percent entry). Anything
 * else is kept as text, as typed.
 */
export function parseTyped(text: string, currentFormat?: string): TypedInput {
  const trimmed = text.trim();
  if (!trimmed) return { value: null };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (trimmed.startsWith("=") && trimmed.length > 1) return { value: null, formula: trimmed };
  const percent = VI_PERCENT.exec(trimmed);
  if (percent) {
    const [, sign = "", whole = "", decimals] = percent;
    return {
      value: numberFrom(sign, whole, decimals) / 100,
      numberFormat: percentFormat(decimals?.length ?? 0),
    };
  }
  const number = VI_NUMBER.exec(trimmed);
  if (number) {
    const [, sign = "", whole = "", decimals] = number;
    const value = numberFrom(sign, whole, decimals);
    return currentFormat?.includes("%") ? { value: value / 100 } : { value };
  }
  return { value: text };
}

/** A text as vi-VN Excel's arithmetic reads it ("02" → 2, "1.936" → 1936, "12,5" → 12.5), or undefined. */
export function viNumber(text: string): number | undefined {
  const number = VI_NUMBER.exec(text.trim());
  if (!number) return undefined;
  const [, sign = "", whole = "", decimals] = number;
  return numberFrom(sign, whole, decimals);
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

function fixedVi(value: number, decimals: number, grouped: boolean): string {
  const negative = value < 0;
  const [whole = "0", fraction] = Math.abs(value).toFixed(decimals).split(".");
  const text = (grouped ? group(whole) : whole) + (fraction ? `,${fraction}` : "");
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

function generalVi(value: number): string {
  // Excel's General shows up to 11 significant digits and no grouping.
  const text = String(Number(value.toPrecision(11)));
  return text.includes("e") ? text : text.replace(".", ",");
}

/** A cell's value as a vi-VN Excel shows it under its number format. */
export function displayValue(value: CellScalar, numberFormat?: string): string {
  if (value === null || value === "") return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toLocaleDateString("vi-VN");
  if (isCellError(value)) return value.error;
  if (!Number.isFinite(value)) return "#NUM!";
  const format = numberFormat ?? "General";
  const decimals = /0\.(0+)/.exec(format)?.[1]?.length ?? 0;
  if (format.includes("%")) return `${fixedVi(value * 100, decimals, true)}%`;
  if (format === "General" || !/[0#]/.test(format)) return generalVi(value);
  return fixedVi(value, decimals, format.includes(","));
}

/** A cell's content as the formula bar shows it, ready to edit: the formula, or the value as it would be typed. */
export function editText(value: CellScalar, numberFormat?: string, formula?: string): string {
  if (formula) return formula;
  if (typeof value === "number" && numberFormat?.includes("%")) {
    return `${generalVi(Number((value * 100).toPrecision(12)))}%`;
  }
  if (typeof value === "number") return generalVi(value);
  return displayValue(value, numberFormat);
}
