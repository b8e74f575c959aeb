import type { Bilingual, Level } from "./catalogue";
import { LEVEL_NOT_FROM, LEVELS, REFORM_PERIOD } from "./catalogue/constants";
import { BilingualError, errorText } from "./messages/error";
import { remembered } from "./remembered";

// Row 4 of an appendix sheet holds the reporting unit's level and the period as people write them ("Sở, ngành",
// "Quý III/2021"); tools and the CLI speak in short ids ("so", "2021-Q3"). Every host converts through here so
// that what one writes, the others read back.

/** A reporting unit's level or a period that cannot be printed: the caller passed something malformed. */
export class InvalidMetaError extends BilingualError {
  constructor(
    readonly field: "level" | "period",
    readonly input: string,
    /** Why, when the input is well formed but not allowed (a district level after the 2025 reform). */
    reason?: Bilingual,
  ) {
    const bilingual =
      reason ??
      (field === "level" ? errorText("invalid_level", { input }) : errorText("invalid_period", { input }));
    super(bilingual, reason ? `meta:${field}_not_in_period` : `meta:${field}`, { input });
    this.name = "InvalidMetaError";
  }
}

const LEVEL_LABELS: Readonly<Record<Level, string>> = { so: "Sở, ngành", huyen: "Huyện", xa: "Xã" };

/** The three level labels in the form's order, as an input list offers them. */
export const LEVEL_LABELS_IN_ORDER: readonly string[] = [
  LEVEL_LABELS.so,
  LEVEL_LABELS.huyen,
  LEVEL_LABELS.xa,
];

/** Lower case without Vietnamese diacritics, so that "Sở" and "so", "Quý" and "quy" compare equal. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/đ/g, "d")
    .replace(/\s+/g, " ")
    .trim();
}

/** The Vietnamese label of a level as row 4 shows it: "Sở, ngành", "Huyện" or "Xã". Throws InvalidMetaError. */
export function levelLabel(level: Level): string {
  const label = (LEVEL_LABELS as Record<string, string | undefined>)[level];
  if (label === undefined) throw new InvalidMetaError("level", String(level));
  return label;
}

/**
 * Reads a level from an id or a label, ignoring case, diacritics, spacing and the punctuation of "Sở, ngành" /
 * "Sở/ngành", and a leading "cấp". Returns undefined for anything else.
 */
export function parseLevel(text: string): Level | undefined {
  return remembered(levels, text, readLevel);
}

// Every appendix of a province states one of a few levels and periods: their readings are remembered.
const levels = new Map<string, Level | undefined>();
const periods = new Map<string, string | undefined>();

function readLevel(text: string): Level | undefined {
  const key = fold(text)
    .replace(/^cap\s+/, "")
    .replace(/[\s,/-]+/g, "");
  switch (key) {
    case "so":
    case "songanh":
      return "so";
    case "huyen":
      return "huyen";
    case "xa":
      return "xa";
    default:
      return undefined;
  }
}

const ROMAN = ["I", "II", "III", "IV"] as const;

// The canonical ids: a quarter, the first half-year, or a whole year.
const CANONICAL = /^(\d{4})(?:-(Q[1-4]|H1))?$/;

function validYear(year: string): boolean {
  const value = Number(year);
  return value >= 2000 && value <= 2099;
}

/**
 * The label of a period id as row 4 shows it: "2021-Q3" → "Quý III/2021", "2021-H1" → "6 tháng/2021",
 * "2021" → "Năm 2021". Throws InvalidMetaError for anything that is not such an id (years 2000–2099).
 */
export function periodLabel(period: string): string {
  const match = CANONICAL.exec(period);
  const year = match?.[1];
  if (!match || year === undefined || !validYear(year)) throw new InvalidMetaError("period", period);
  const part = match[2];
  if (part === undefined) return `Năm ${year}`;
  if (part === "H1") return `6 tháng/${year}`;
  return `Quý ${ROMAN[Number(part.slice(1)) - 1]}/${year}`;
}

const QUARTER_WORDS: Readonly<Record<string, number>> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};

// "/", "-", "năm" or a space between the part and the year: "Quý III/2021", "Quý 3 năm 2021", "6 tháng - 2021".
const TO_YEAR = String.raw`\s*(?:[/-]|\s|nam\b)\s*(?:nam\s*)?(\d{4})`;
const QUARTER = new RegExp(String.raw`^(?:quy|q)\s*(iv|iii|ii|i|[1-4])${TO_YEAR}$`);
const HALF = new RegExp(String.raw`^6\s*thang(?:\s*dau\s*nam)?${TO_YEAR}$`);
const YEAR = /^(?:nam\s*)?(\d{4})$/;

/**
 * Reads a period from its id ("2021-Q3", "2021-H1", "2021") or as people write it ("Quý III/2021", "Quý 3 năm
 * 2021", "6 tháng/2021", "6 tháng đầu năm 2021", "Năm 2021"), ignoring case and diacritics. Returns the id, or
 * undefined for anything else (including years outside 2000–2099).
 */
export function parsePeriod(text: string): string | undefined {
  return remembered(periods, text, readPeriod);
}

function readPeriod(text: string): string | undefined {
  const folded = fold(text);
  const canonical = CANONICAL.exec(folded.toUpperCase());
  if (canonical) return validYear(canonical[1] ?? "") ? canonical[0] : undefined;
  const quarter = QUARTER.exec(folded);
  if (quarter) {
    const number = QUARTER_WORDS[quarter[1] ?? ""];
    const year = quarter[2] ?? "";
    return number !== undefined && validYear(year) ? `${year}-Q${number}` : undefined;
  }
  const half = HALF.exec(folded);
  if (half) {
    const year = half[1] ?? "";
    return validYear(year) ? `${year}-H1` : undefined;
  }
  const whole = YEAR.exec(folded);
  if (whole) {
    const year = whole[1] ?? "";
    return validYear(year) ? year : undefined;
  }
  return undefined;
}

/**
 * The first and last month a period id covers, counted in months from year 0 (January 2021 is 2021 × 12), or
 * undefined for text that is not a period id.
 */
export function periodMonths(period: string): { start: number; end: number } | undefined {
  const match = CANONICAL.exec(period);
  if (!match) return undefined;
  const year = Number(match[1]) * 12;
  const part = match[2];
  if (part === undefined) return { start: year, end: year + 11 };
  if (part === "H1") return { start: year, end: year + 5 };
  const quarter = Number(part.slice(1));
  return { start: year + (quarter - 1) * 3, end: year + quarter * 3 - 1 };
}

/**
 * True when `period` reaches `from`: it ends in or after the first month of `from`, so that it holds months in
 * which what starts at `from` applies (the year 2025 reaches 2025-Q3; 2025-H1 and 2025-Q2 do not). False when
 * either is not a period id.
 */
export function periodReaches(period: string, from: string): boolean {
  const months = periodMonths(period);
  const start = periodMonths(from)?.start;
  return months !== undefined && start !== undefined && months.end >= start;
}

/**
 * True when a period is after the 2025 reform of local government: it ends after 30 June 2025 (the year 2025 is,
 * its first half is not). An unknown period (undefined, or not a period id) is not.
 */
export function afterReform(period: string | undefined): boolean {
  return period !== undefined && remembered(reformPeriods, period, reachesReform);
}

// Every appendix states one of a few periods, and each is validated against the reform: the answers are remembered.
const reformPeriods = new Map<string, boolean>();

function reachesReform(period: string): boolean {
  return periodReaches(period, REFORM_PERIOD);
}

/**
 * The levels a unit may report at for a period, in the form's order: all three before the reform, the department
 * and the commune after it. A period not known (undefined or not an id) keeps all three.
 */
export function levelsIn(period: string | undefined): readonly Level[] {
  if (period === undefined) return LEVELS;
  return LEVELS.filter((level) => {
    const end = LEVEL_NOT_FROM[level];
    return end === undefined || !periodReaches(period, end);
  });
}

/** The months' English names, January first: how English texts write a date. */
export const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/**
 * The first day of a period as a date people read: "01/7/2025" (the Vietnamese way legal texts write it),
 * "1 July 2025". Throws InvalidMetaError for text that is not a period id.
 */
export function periodStartText(period: string): Bilingual {
  const start = periodMonths(period)?.start;
  if (start === undefined) throw new InvalidMetaError("period", period);
  const year = Math.floor(start / 12);
  const month = start % 12;
  return { vi: `01/${month + 1}/${year}`, en: `1 ${MONTHS_EN[month]} ${year}` };
}

/**
 * Throws InvalidMetaError (field "level") when no unit of `level` reports for `period`: a district after the 2025
 * reform, with a message saying since when there are none and which levels remain.
 */
export function checkLevelInPeriod(level: Level, period: string): void {
  const levels = levelsIn(period);
  const end = LEVEL_NOT_FROM[level];
  if (levels.includes(level) || end === undefined) return;
  throw new InvalidMetaError(
    "level",
    level,
    errorText("level_gone", { level, period, from: end, levels: [...levels] }),
  );
}

/**
 * The level of a reporting unit from its name, for a file that does not state it: a department (Sở, Ban, Văn
 * phòng…), a district (huyện, quận, thị xã, thành phố; "Văn phòng UBND huyện …" is a district's office) or a
 * commune (xã, phường, thị trấn, đặc khu). For a period after the 2025 reform a "thành phố" is no district (the
 * cities that remain are provinces): undefined, as for any name that tells nothing.
 */
export function levelOfUnit(unit: string, period?: string): Level | undefined {
  const name = fold(unit)
    .replace(/[.,;:]+/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^(?:van phong )?(?:uy ban nhan dan|ubnd)\s+(?=(?:huyen|quan|thi xa|thanh pho)\b)/, "")
    .replace(/^(?:uy ban nhan dan|ubnd)\s+/, "");
  if (/^(so|ban|van phong|thanh tra|cuc|chi cuc)\b/.test(name)) return "so";
  if (/^(huyen|thi xa|quan)\b/.test(name)) return "huyen";
  if (/^thanh pho\b/.test(name)) return afterReform(period) ? undefined : "huyen";
  if (/^(xa|phuong|thi tran|dac khu)\b/.test(name)) return "xa";
  return undefined;
}
