import type { PercentValue } from "./values";
import { PERCENT_SCALE } from "./values";

// Vietnamese groups thousands with "." and writes decimals with ","; English the other way round.
type NumberLang = "vi" | "en";

// Powers of ten that stay exact doubles; amounts and scaled percentages never need more.
const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];
const AMOUNT_DECIMALS = Math.round(Math.log10(PERCENT_SCALE));

const TRAILING_ZEROS = /0+$/;

function pow10(exponent: number): number {
  return POW10[exponent] ?? 10 ** exponent;
}

/** Digits of a non-negative integer string with a separator between groups of three, from the right. */
function group(digits: string, separator: string): string {
  if (digits.length <= 3) return digits;
  let head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (; head < digits.length; head += 3) out += separator + digits.slice(head, head + 3);
  return out;
}

/**
 * A non-negative finite number as its whole digits and fraction digits (no exponent, no trailing zeros): 64.073 →
 * ["64", "073"]. Messages quote the decimal a person typed, never the binary double.
 */
function decimalDigits(n: number): readonly [whole: string, fraction: string] {
  // toPrecision(15) is what Excel shows at most, and it drops float noise such as 0.30000000000000004.
  let text = n.toPrecision(15);
  const e = text.indexOf("e");
  if (e >= 0) {
    const exponent = Number(text.slice(e + 1));
    const mantissa = text.slice(0, e).replace(".", "");
    text =
      exponent >= 0
        ? mantissa.padEnd(exponent + 1, "0").slice(0, exponent + 1) + "." + mantissa.slice(exponent + 1)
        : "0." + "0".repeat(-exponent - 1) + mantissa;
  }
  const dot = text.indexOf(".");
  if (dot < 0) return [text, ""];
  return [text.slice(0, dot), text.slice(dot + 1).replace(TRAILING_ZEROS, "")];
}

/**
 * A count (or any number) for a message: 1.936 and 64.073 in Vietnamese, 1,936 in English. Counts are whole, but
 * a fraction is still written the reader's way (1,5 / 1.5) rather than hidden, because messages quote bad values.
 */
export function formatCount(n: number, lang: NumberLang): string {
  if (!Number.isFinite(n)) return String(n);
  const thousands = lang === "vi" ? "." : ",";
  if (Number.isSafeInteger(n)) {
    const text = group(String(Math.abs(n)), thousands);
    return n < 0 ? "-" + text : text;
  }
  const [whole, fraction] = decimalDigits(Math.abs(n));
  const text = group(whole, thousands) + (fraction ? (lang === "vi" ? "," : ".") + fraction : "");
  return n < 0 && (whole !== "0" || fraction !== "") ? "-" + text : text;
}

/** A stated percentage with exactly its own decimals: 11,92%, 12,5%, 100% in Vietnamese; 11.92% in English. */
export function formatPercent(p: PercentValue, lang: NumberLang): string {
  const decimals = Number.isSafeInteger(p.decimals) && p.decimals > 0 ? p.decimals : 0;
  if (!Number.isFinite(p.scaled)) return String(p.scaled) + "%";
  const magnitude = Math.abs(Math.round(p.scaled));
  const digits = Number.isSafeInteger(magnitude) ? String(magnitude) : decimalDigits(magnitude)[0];
  const padded = digits.padStart(decimals + 1, "0");
  const cut = padded.length - decimals;
  const whole = group(padded.slice(0, cut), lang === "vi" ? "." : ",");
  const text = decimals > 0 ? whole + (lang === "vi" ? "," : ".") + padded.slice(cut) : whole;
  return (p.scaled < 0 && magnitude !== 0 ? "-" : "") + text + "%";
}

/**
 * An amount as values.ts defines it, for a message: counts and codes as whole numbers, percentages (held in
 * ten-thousandths of a percent) with the fewest decimals that show them exactly (125000 → 12,5%).
 */
export function formatAmount(amount: number, kind: "count" | "percent" | "coded", lang: NumberLang): string {
  return kind === "percent" ? formatPercent(percentFromAmount(amount), lang) : formatCount(amount, lang);
}

/** The percentage an amount stands for, with the fewest decimals (0–4) that state it exactly: 125000 → 12,5%. */
export function percentFromAmount(amount: number): PercentValue {
  // Amounts are integers by contract; rounding half away from zero keeps a stray fraction from leaking out.
  let scaled = amount < 0 ? -Math.round(-amount) : Math.round(amount);
  let decimals = AMOUNT_DECIMALS;
  while (decimals > 0 && scaled % 10 === 0) {
    scaled /= 10;
    decimals--;
  }
  return { scaled: scaled === 0 ? 0 : scaled, decimals };
}

/**
 * The amount (ten-thousandths of a percent) of a stated percentage, exactly. More than four decimals cannot be
 * held, so they are rounded half away from zero (Excel's ROUND, i.e. half-up on the magnitude).
 */
export function amountFromPercent(p: PercentValue): number {
  const decimals = Number.isSafeInteger(p.decimals) && p.decimals > 0 ? p.decimals : 0;
  const negative = p.scaled < 0;
  const magnitude = Math.abs(p.scaled);
  let amount: number;
  if (decimals <= AMOUNT_DECIMALS) {
    amount = magnitude * pow10(AMOUNT_DECIMALS - decimals);
  } else {
    const divisor = pow10(decimals - AMOUNT_DECIMALS);
    const quotient = Math.floor(magnitude / divisor);
    const rest = magnitude - quotient * divisor;
    amount = rest * 2 >= divisor ? quotient + 1 : quotient;
  }
  return negative && amount !== 0 ? -amount : amount;
}
