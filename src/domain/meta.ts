import type { Level } from "./catalogue";
import { BilingualError } from "./messages/error";
import { remembered } from "./remembered";

// Row 4 of an appendix sheet holds the reporting unit's level and the period as people write them ("Sở, ngành",
// "Quý III/2021"); tools and the CLI speak in short ids ("so", "2021-Q3"). Every host converts through here so
// that what one writes, the others read back.

/** A reporting unit's level or a period that cannot be printed: the caller passed something malformed. */
export class InvalidMetaError extends BilingualError {
  constructor(
    readonly field: "level" | "period",
    readonly input: string,
  ) {
    const bilingual =
      field === "level"
        ? {
            vi: `Cấp "${input}" không hợp lệ: dùng so (Sở, ngành), huyen (Huyện) hoặc xa (Xã).`,
            en: `Invalid level "${input}": use so (department), huyen (district) or xa (commune).`,
          }
        : {
            vi: `Kỳ báo cáo "${input}" không hợp lệ: dùng dạng 2021-Q3 (Quý III/2021), 2021-H1 (6 tháng/2021) hoặc 2021 (Năm 2021).`,
            en: `Invalid period "${input}": use 2021-Q3 (third quarter), 2021-H1 (first half) or 2021 (full year).`,
          };
    super(bilingual, `meta:${field}`, { input });
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
