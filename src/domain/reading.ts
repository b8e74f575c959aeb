import type { RowDef } from "./catalogue/schema";
import type { CellInput } from "./cell";
import type { PercentValue, Reading, ReadingIssue, ReadingProblem, Severity } from "./values";

// How a value cell is read: DESIGN.md section 4. Everything here is on the hot path of a validation (~130 cells in
// well under 50 µs), so nothing is compiled or built per call: numbers are read with arithmetic, text is scanned
// character by character, number formats are parsed once and cached, and percentages end as integers. A double is
// never compared for equality.

const SEVERITY: Readonly<Record<ReadingProblem, Severity>> = {
  text_number: "info",
  not_whole_number: "error",
  malformed_number: "error",
  not_a_count: "error",
  not_a_percent: "error",
  ambiguous_percent: "warning",
  percent_out_of_range: "error",
  negative_reduction: "warning",
  not_in_legend: "error",
  not_a_value: "error",
  heading_has_value: "error",
  unsafe_formula: "error",
  conflicting_rows: "error",
};

/** Amounts hold four decimals of a percent (PERCENT_SCALE); a stated percentage never keeps more. */
const MAX_DECIMALS = 4;
/** Whole percent digits read exactly: amounts of reduction rates down to −10^10 % stay exact integers. */
const WHOLE_PERCENT_CAP = 10_000_000_000;

/** The reading of a blank cell, and of a row a sheet lacks. */
export const BLANK_READING: Reading = shaped("blank", undefined, undefined, undefined, undefined, undefined);
const BLANK = BLANK_READING;

// "-" may arrive as an en or em dash when a text was pasted from Word, where autocorrect turns it into one.
const NOT_APPLICABLE = new Set(["-", "\u2013", "\u2014", "x", "không phát sinh", "kps"]);
const NOT_APPLICABLE_MAX_LENGTH = 24;
const SPACE_RUNS = /\s+/g;

// Text numbers are scanned by hand, one pass over the character codes: a regex with captures and Number() cost
// several times more, and a workbook typed by hand may hold every value as text.
const ZERO_CODE = 48;
const NINE_CODE = 57;
const DOT_CODE = 46;
const COMMA_CODE = 44;
const PERCENT_CODE = 37;
const HYPHEN_CODE = 45;
const MINUS_SIGN_CODE = 0x2212;
const FIVE_CODE = 53;

/** Spaces that separate thousands in pasted text: space, no-break space, narrow no-break space, thin space. */
function isGroupSpace(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

// Number formats: quoted literals, escapes, [colour]/[locale] tags and padding are not placeholders.
const FORMAT_LITERALS = /"[^"]*"|\\.|\[[^\]]*\]|[_*]./g;
const DECIMAL_PLACEHOLDERS = /^\.([0#?]*)/;
const DATE_TOKENS = /[dmyhs]/i;

interface FormatInfo {
  /** The format multiplies by 100 and shows "%": the stored number is a fraction. */
  readonly percent: boolean;
  /** Decimals the format shows, capped at MAX_DECIMALS. */
  readonly decimals: number;
  /** General shows what the number holds, so a rounded reading drops its trailing zeros. */
  readonly general: boolean;
  /** A date or time format: the number is a date serial, not a value of any row. */
  readonly date: boolean;
}

const GENERAL_FORMAT: FormatInfo = { percent: false, decimals: MAX_DECIMALS, general: true, date: false };
const FORMAT_CACHE = new Map<string, FormatInfo>();
const FORMAT_CACHE_LIMIT = 256;

/**
 * Reads one value cell as the indicator `row` expects it (DESIGN.md section 4): blank, not applicable, a value
 * (maybe with an info or warning issue), or unreadable with the problem and, where the reader alone can tell, a
 * suggested amount. Percentages come back as amounts in ten-thousandths of a percent plus the percentage as
 * stated (what the cell shows, at most 4 decimals), with `amount === amountFromPercent(percent)`. Never throws.
 */
export function readValue(row: RowDef, cell: CellInput | undefined): Reading {
  try {
    return read(row, cell);
  } catch {
    // Only a hostile object (a throwing getter or toString) gets here; it is still not a value of the row.
    return unreadable("not_a_value", "");
  }
}

/**
 * The reading of a row whose code two rows of the sheet carry with different values: unknown, whichever it is.
 * `raw` names both cells.
 */
export function conflictingRowsReading(raw: string): Reading {
  return unreadable("conflicting_rows", raw);
}

/**
 * Formulas that reach outside the workbook or out of Excel: an external workbook ([1]Sheet!A1, 'C:\\[x.xlsx]'),
 * links and web calls, and DDE (cmd|'/c calc'!A0). Their cached value is not a figure anyone typed or can check.
 */
const UNSAFE_FORMULA = /\[[^\]]*\]|\b(?:HYPERLINK|WEBSERVICE|FILTERXML|RTD|CALL|REGISTER\.ID|IMAGE)\s*\(|\|/i;

function read(row: RowDef, cell: CellInput | undefined): Reading {
  const input: unknown = cell;
  if (typeof input !== "object" || input === null) return BLANK;
  const formula: unknown = (input as { formula?: unknown }).formula;
  if (typeof formula === "string" && UNSAFE_FORMULA.test(formula)) {
    return unreadable("unsafe_formula", formula.startsWith("=") ? formula : `=${formula}`);
  }
  const value: unknown = (input as { value?: unknown }).value;
  if (value === null || value === undefined) return BLANK;
  if (typeof value === "number") {
    return readNumber(row, value, (input as { numberFormat?: unknown }).numberFormat);
  }
  if (typeof value === "string") return readText(row, value);
  if (typeof value === "boolean") return unreadable("not_a_value", value ? "TRUE" : "FALSE");
  return unreadable("not_a_value", describe(value));
}

/** Raw text of a value that is no number and no text: an Excel error, a date, or anything a caller slipped in. */
function describe(value: unknown): string {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? "Invalid Date" : value.toISOString().slice(0, 10);
  }
  if (typeof value === "object" && value !== null && "error" in value) return String(value.error);
  return String(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers as stored
//
// A stored number is a double: 0.1192 × 100 is 11.920000000000002 and a formula's 1936 may be 1935.9999999999998.
// Building its decimal digits with toPrecision costs about a microsecond, the whole budget of eight cells, so
// numbers are scaled by powers of ten and snapped to the nearest integer when within a relative 1e-12 of it: the
// numeric form of a toPrecision(12) cleanup, and never an equality test between doubles. Whatever survives the
// snap is an integer, and everything after it is integer arithmetic.

/** Relative distance under which a scaled double is taken for the integer a person typed (12 digits). */
const NOISE = 1e-12;
const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/** The integer `x` (≥ 0) stands for, once float noise is dropped, or -1 when `x` has a real fraction. */
function snap(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= x * NOISE ? nearest : -1;
}

function readNumber(row: RowDef, n: number, numberFormat: unknown): Reading {
  if (!Number.isFinite(n)) return unreadable("not_a_value", String(n));
  const format = formatInfo(numberFormat);
  // The Excel add-in API hands dates over as serial numbers; only their format tells them apart.
  if (format.date) return unreadable("not_a_value", serialDate(n));
  switch (row.kind) {
    case "count":
      return countFromNumber(n);
    case "percent":
      return percentFromNumber(row, n, format);
    case "coded":
      return codedFromNumber(row, n);
    default:
      return unreadableNumber("heading_has_value", n);
  }
}

function countFromNumber(n: number): Reading {
  // `+ 0` turns -0 into 0.
  if (Number.isSafeInteger(n)) return n >= 0 ? wholeReading(n + 0) : notACount(n);
  if (n > 0) {
    for (let decimals = 0; decimals <= 3; decimals++) {
      const scaled = snap(n * (POW10[decimals] ?? 1));
      if (scaled < 0) continue;
      // Decimals 0: float noise of a formula (1935.9999999999998) is the whole number Excel shows.
      if (decimals === 0) {
        return Number.isSafeInteger(scaled) ? wholeReading(scaled) : notACount(n);
      }
      // 64.073 in a count row: "." typed as the Vietnamese thousands separator into an en-US Excel. Only 1–3
      // whole digits and exactly three decimals read that way; 1.5, 64.07 or 0.125 do not.
      if (decimals === 3 && n >= 1 && n < 1000) return unreadableNumber("not_whole_number", n, scaled);
      break;
    }
  }
  return notACount(n);
}

function notACount(n: number): Reading {
  return unreadableNumber("not_a_count", n);
}

function codedFromNumber(row: RowDef, n: number): Reading {
  const code = Number.isSafeInteger(n) ? n + 0 : n > 0 ? snap(n) : -1;
  return code >= 0 && inLegend(row, code) ? wholeReading(code) : unreadableNumber("not_in_legend", n);
}

function inLegend(row: RowDef, code: number): boolean {
  const codes = row.codes;
  if (!codes) return false;
  for (const option of codes) if (option.value === code) return true;
  return false;
}

function percentFromNumber(row: RowDef, n: number, format: FormatInfo): Reading {
  const negative = n < 0;
  // The percentage itself: 0.125 under a % format, 12.5 without one.
  const magnitude = format.percent ? Math.abs(n) * 100 : Math.abs(n);
  // Below anything a person states: a zero, or a formula's zero with float noise (0.3 − 0.1 − 0.2).
  if (magnitude < NOISE) return ZERO_PERCENT;
  if (!format.percent && magnitude <= 1 + NOISE) return plainPercent(row, negative, plainNumber(n), n);
  // A reduction rate has no lower bound: after a merger a unit may hold more than twice its 2015 staff. How far
  // below zero is plausible is the catalogue's to say (its limits), not the reader's.
  const over = magnitude > 100 * (1 + NOISE);
  if (
    (over && !(negative && row.mayBeNegative)) ||
    magnitude >= WHOLE_PERCENT_CAP ||
    (negative && !row.mayBeNegative)
  ) {
    return unreadableNumber(
      "percent_out_of_range",
      n,
      undefined,
      format.percent ? shownPercent(magnitude, negative, format) : undefined,
    );
  }
  // As many decimals as the value has, but no more than its format shows (rounded half-up, as Excel shows it).
  let decimals = format.decimals;
  let scaled = -1;
  for (let d = 0; d <= format.decimals; d++) {
    scaled = snap(magnitude * (POW10[d] ?? 1));
    if (scaled >= 0) {
      decimals = d;
      break;
    }
  }
  if (scaled < 0) {
    const x = magnitude * (POW10[decimals] ?? 1);
    const whole = Math.floor(x);
    // A tie within float noise is a tie in the decimal the person typed: half-up.
    scaled = x - whole >= 0.5 - x * NOISE ? whole + 1 : whole;
    // General shows no trailing zeros, so a value rounded to 12.0000 states 12%.
    if (format.general) {
      while (decimals > 0 && scaled % 10 === 0) {
        scaled /= 10;
        decimals--;
      }
    }
  }
  return percentReading(negative, scaled, decimals, n, false);
}

const ZERO: PercentValue = { scaled: 0, decimals: 0 };
const ZERO_PERCENT: Reading = valueReading(0, ZERO);

/**
 * A percentage typed without "%" (a number without a % format, or text without "%") and at most 1: 12.5 is 12,5%,
 * but 1 or 0.5 could as well be a fraction (100%, 50%), so it is not guessed.
 */
function plainPercent(row: RowDef, negative: boolean, raw: string, stored?: number): Reading {
  // −0.5 in a row that cannot be negative is out of range whichever way it is read.
  const problem = !negative || row.mayBeNegative ? "ambiguous_percent" : "percent_out_of_range";
  return shaped("unreadable", undefined, undefined, issue(problem, raw, stored), undefined, undefined);
}

/**
 * An out-of-range percentage (`magnitude` in percent) as a cell with `format` shows it, rounded half-up at its
 * decimals; with more decimals where the shown figure would itself look in range (1.00001 under "0%" shows 100%,
 * quoted 100,001%).
 */
function shownPercent(magnitude: number, negative: boolean, format: FormatInfo): PercentValue | undefined {
  for (let decimals = format.decimals; decimals < POW10.length; decimals++) {
    const power = POW10[decimals] ?? 1;
    const scaled = Math.round(magnitude * power);
    if (scaled > 100 * power || (negative && scaled !== 0)) {
      return { scaled: negative ? -scaled : scaled, decimals };
    }
  }
  return undefined;
}

function quote(raw: string | number): string {
  return typeof raw === "number" ? plainNumber(raw) : raw;
}

/**
 * The value reading of a percentage already checked for range: `scaled` ≥ 0 at `decimals` ≤ 4. A stored number
 * is quoted (`raw`) only when an issue needs it, because quoting it costs more than reading it.
 */
function percentReading(
  negative: boolean,
  scaled: number,
  decimals: number,
  raw: string | number,
  storedAsText: boolean,
): Reading {
  if (scaled === 0) {
    return storedAsText ? valueReading(0, ZERO, issue("text_number", quote(raw))) : ZERO_PERCENT;
  }
  if (!negative && !storedAsText) return sharedPercentReading(scaled, decimals);
  const percent: PercentValue = { scaled: negative ? -scaled : scaled, decimals };
  const amount = (negative ? -scaled : scaled) * (POW10[MAX_DECIMALS - decimals] ?? 1);
  // A reduction rate below zero (staff grew since 2015) is possible but worth a look; it outranks "stored as text".
  if (negative) return valueReading(amount, percent, issue("negative_reduction", quote(raw)));
  return valueReading(amount, percent, issue("text_number", quote(raw)));
}

/**
 * By decimals (0–2), by scaled (0–100%): the readings of stored percentages without issue, made when first met and
 * shared like WHOLE_READINGS: a sheet holds a score of rates, mostly whole or with a decimal or two.
 */
const PERCENT_READINGS: (Reading | undefined)[][] = [0, 1, 2].map((decimals) =>
  new Array<Reading | undefined>(100 * (POW10[decimals] ?? 1) + 1).fill(undefined),
);

/** The reading of a stored percentage in range (`scaled` > 0 at `decimals`) without issue. */
function sharedPercentReading(scaled: number, decimals: number): Reading {
  const amount = scaled * (POW10[MAX_DECIMALS - decimals] ?? 1);
  const byScaled = PERCENT_READINGS[decimals];
  if (!byScaled || scaled >= byScaled.length) return valueReading(amount, { scaled, decimals });
  return (byScaled[scaled] ??= valueReading(amount, { scaled, decimals }));
}

// ---------------------------------------------------------------------------------------------------------------
// Text

function readText(row: RowDef, text: string): Reading {
  const trimmed = text.trim();
  if (trimmed === "") return BLANK;
  if (isNotApplicable(trimmed)) return shaped("na", undefined, undefined, undefined, undefined, trimmed);
  switch (row.kind) {
    case "count":
      return countFromText(trimmed);
    case "percent":
      return percentFromText(row, trimmed);
    case "coded":
      return codedFromText(row, trimmed);
    default:
      return unreadable("heading_has_value", trimmed);
  }
}

function isNotApplicable(trimmed: string): boolean {
  if (trimmed.length > NOT_APPLICABLE_MAX_LENGTH) return false;
  const first = trimmed.charCodeAt(0);
  if (first >= ZERO_CODE && first <= NINE_CODE) return false; // starts with a digit: a number, skip the normalisation
  // NFC because text pasted from the web or a Mac may carry decomposed Vietnamese diacritics.
  return NOT_APPLICABLE.has(trimmed.normalize("NFC").toLowerCase().replace(SPACE_RUNS, " "));
}

/**
 * Count text. Vietnamese groups thousands with "." (64.073); pasted text may group with spaces. A single ","
 * group is a decimal comma to a Vietnamese reader (64,073 is 64.073 in en-US), the very slip the number 64.073 is:
 * not whole, with the thousands reading as its suggestion. Two or more "," groups (1,234,567) can only be en-US
 * thousands, so they are read. Only digits, dots and spaces grouped wrongly ("1.93673", "12.5.3") are a mistyped
 * number; anything else is just not a count.
 */
function countFromText(text: string): Reading {
  let amount = 0;
  let digits = 0; // in the current group
  let groups = 0; // separators seen
  let separator = 0; // character code of the first separator, spaces all counted as 32
  let grouped = true;
  let dotsAndSpaces = true;
  let anyDigit = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= ZERO_CODE && code <= NINE_CODE) {
      amount = amount * 10 + (code - ZERO_CODE);
      digits++;
      anyDigit = true;
      continue;
    }
    const kind = code === DOT_CODE || code === COMMA_CODE ? code : isGroupSpace(code) ? 32 : 0;
    if (kind === 0) return unreadable("not_a_count", text);
    if (kind === COMMA_CODE) dotsAndSpaces = false;
    if (groups === 0 ? digits < 1 || digits > 3 : digits !== 3) grouped = false;
    if (separator === 0) separator = kind;
    else if (separator !== kind) grouped = false;
    groups++;
    digits = 0;
  }
  if (groups > 0 && digits !== 3) grouped = false;
  if (anyDigit && grouped) {
    // Past 2^53 the sum above is no longer exact; such a "count" is no count anyway.
    if (!Number.isSafeInteger(amount)) return unreadable("not_a_count", text);
    if (separator === COMMA_CODE && groups === 1) return unreadable("not_whole_number", text, amount);
    return valueReading(amount, undefined, issue("text_number", text));
  }
  return unreadable(anyDigit && dotsAndSpaces ? "malformed_number" : "not_a_count", text);
}

/** The value of text made only of digits (at most 15, so exact), or -1. */
function digitsValue(text: string): number {
  if (text.length > 15) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < ZERO_CODE || code > NINE_CODE) return -1;
    value = value * 10 + (code - ZERO_CODE);
  }
  return value;
}

function codedFromText(row: RowDef, text: string): Reading {
  const code = digitsValue(text);
  return code >= 0 && inLegend(row, code)
    ? valueReading(code, undefined, issue("text_number", text))
    : unreadable("not_in_legend", text);
}

/**
 * Percent text: an optional sign, digits with at most one decimal separator ("," the Vietnamese way, "." as
 * pasted from English), an optional "%", spaces around the sign and before "%".
 */
function percentFromText(row: RowDef, text: string): Reading {
  const length = text.length;
  let i = 0;
  let code = text.charCodeAt(0);
  const signed = code === HYPHEN_CODE || code === MINUS_SIGN_CODE;
  if (signed) {
    i++;
    while (i < length && isGroupSpace(text.charCodeAt(i))) i++;
  }
  // Whole digits; beyond WHOLE_PERCENT_CAP their exact value no longer matters, only that it is out of range.
  let whole = 0;
  let wholeDigits = 0;
  for (; i < length; i++) {
    code = text.charCodeAt(i);
    if (code < ZERO_CODE || code > NINE_CODE) break;
    if (whole < WHOLE_PERCENT_CAP) whole = whole * 10 + (code - ZERO_CODE);
    wholeDigits++;
  }
  // Fraction digits: the first four are kept, the fifth rounds, the rest only say whether it is exactly zero.
  let fraction = 0;
  let fractionDigits = 0;
  let roundsUp = false;
  let fractionNonZero = false;
  if (i < length && (code === COMMA_CODE || code === DOT_CODE)) {
    for (i++; i < length; i++) {
      code = text.charCodeAt(i);
      if (code < ZERO_CODE || code > NINE_CODE) break;
      if (fractionDigits < MAX_DECIMALS) fraction = fraction * 10 + (code - ZERO_CODE);
      else if (fractionDigits === MAX_DECIMALS) roundsUp = code >= FIVE_CODE;
      if (code !== ZERO_CODE) fractionNonZero = true;
      fractionDigits++;
    }
    if (fractionDigits === 0) return unreadable("not_a_percent", text);
  }
  while (i < length && isGroupSpace(text.charCodeAt(i))) i++;
  const hasPercent = i < length && text.charCodeAt(i) === PERCENT_CODE;
  if (hasPercent) i++;
  if (i !== length || wholeDigits + fractionDigits === 0) return unreadable("not_a_percent", text);

  const zero = whole === 0 && !fractionNonZero;
  const negative = signed && !zero;
  if (!hasPercent && !zero && (whole === 0 || (whole === 1 && !fractionNonZero))) {
    return plainPercent(row, negative, text);
  }
  // Range on the digits as typed, before any rounding: "100,001%" is over 100%.
  const over = whole > 100 || (whole === 100 && fractionNonZero);
  if (
    (over && !(negative && row.mayBeNegative)) ||
    whole >= WHOLE_PERCENT_CAP ||
    (negative && !row.mayBeNegative)
  ) {
    return unreadable("percent_out_of_range", text);
  }
  // Decimals as typed ("12,50%" states two), so the engine compares at the precision the person chose; more than
  // four cannot be held in an amount and are rounded half-up.
  const decimals = fractionDigits < MAX_DECIMALS ? fractionDigits : MAX_DECIMALS;
  const scaled = whole * (POW10[decimals] ?? 1) + fraction + (roundsUp ? 1 : 0);
  return percentReading(negative, scaled, decimals, text, true);
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function issue(problem: ReadingProblem, raw: string, stored?: number, shown?: PercentValue): ReadingIssue {
  return { problem, severity: SEVERITY[problem], raw, stored, shown };
}

/** An unreadable stored number: quoted by messages in each language's notation, or as its cell shows it. */
function unreadableNumber(
  problem: ReadingProblem,
  n: number,
  suggestion?: number,
  shown?: PercentValue,
): Reading {
  return shaped(
    "unreadable",
    undefined,
    undefined,
    issue(problem, plainNumber(n), n, shown),
    suggestion,
    undefined,
  );
}

function unreadable(problem: ReadingProblem, raw: string, suggestion?: number): Reading {
  return shaped("unreadable", undefined, undefined, issue(problem, raw), suggestion, undefined);
}

/**
 * Readings of the whole numbers most cells hold (counts and codes below SHARED_WHOLES), made once and shared:
 * a reading is never changed once made, and a validation reads a hundred of them.
 */
const SHARED_WHOLES = 1024;
const WHOLE_READINGS: readonly Reading[] = Array.from({ length: SHARED_WHOLES }, (_, n) => valueReading(n));

/** The reading of a whole number ≥ 0 without issue. */
function wholeReading(n: number): Reading {
  return n < SHARED_WHOLES ? WHOLE_READINGS[n]! : valueReading(n);
}

function valueReading(amount: number, percent?: PercentValue, valueIssue?: ReadingIssue): Reading {
  return shaped("value", amount, percent, valueIssue, undefined, undefined);
}

/**
 * Every reading has one runtime shape, its absent fields undefined: the engine reads the fields of a hundred
 * readings per validation, and readings of one shape are read directly where a dozen shapes (one per mix of
 * fields) go through a generic lookup that costs several times more. The type stays the precise union.
 */
function shaped(
  state: Reading["state"],
  amount: number | undefined,
  percent: PercentValue | undefined,
  readingIssue: ReadingIssue | undefined,
  suggestion: number | undefined,
  text: string | undefined,
): Reading {
  return { state, amount, percent, issue: readingIssue, suggestion, text } as Reading;
}

/**
 * A stored number as messages quote it: "." as decimal point, float noise cleaned to Excel's 15 digits, exponent
 * notation only for absurd magnitudes (≥ 1e21 or < 1e-6) that no one typed into this form on purpose.
 */
function plainNumber(n: number): string {
  if (Number.isSafeInteger(n)) return String(n + 0);
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(15)) + 0);
}

// The format read last: a sheet's value cells share a few formats, most often the one the cell before had.
let lastFormat = "";
let lastInfo = GENERAL_FORMAT;

function formatInfo(format: unknown): FormatInfo {
  if (typeof format !== "string" || format === "") return GENERAL_FORMAT;
  if (format === lastFormat) return lastInfo;
  let info = FORMAT_CACHE.get(format);
  if (info === undefined) {
    info = parseFormat(format);
    // Workbooks use a handful of formats; the bound only guards against a caller feeding endless new ones.
    if (FORMAT_CACHE.size >= FORMAT_CACHE_LIMIT) FORMAT_CACHE.clear();
    FORMAT_CACHE.set(format, info);
  }
  lastFormat = format;
  lastInfo = info;
  return info;
}

function parseFormat(format: string): FormatInfo {
  // The first section is the one positive numbers (and, without a second section, all numbers) are shown with.
  const section = format.replace(FORMAT_LITERALS, "").split(";")[0] ?? "";
  const lower = section.trim().toLowerCase();
  if (lower === "" || lower === "general" || lower === "@") return GENERAL_FORMAT;
  const dot = section.indexOf(".");
  const placeholders = dot < 0 ? "" : (DECIMAL_PLACEHOLDERS.exec(section.slice(dot))?.[1] ?? "");
  return {
    percent: section.includes("%"),
    decimals: placeholders.length < MAX_DECIMALS ? placeholders.length : MAX_DECIMALS,
    general: false,
    date: DATE_TOKENS.test(section),
  };
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01; the largest serial is 9999-12-31. */
const UNIX_EPOCH_SERIAL = 25569;
const MAX_DATE_SERIAL = 2958465;
const MS_PER_DAY = 86_400_000;

/** A date serial as an ISO date for messages, or the number itself when it is no date Excel can show. */
function serialDate(serial: number): string {
  if (serial < 1 || serial > MAX_DATE_SERIAL) return plainNumber(serial);
  // Excel keeps Lotus 1-2-3's 29 February 1900 (serial 60), so serials before it are one day later than counted.
  if (serial >= 60 && serial < 61) return "1900-02-29";
  const days = serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((days - UNIX_EPOCH_SERIAL) * MS_PER_DAY)).toISOString().slice(0, 10);
}
