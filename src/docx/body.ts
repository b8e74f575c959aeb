import type { LoadedCatalogue } from "../domain/catalogue";
import type { ReportWording } from "../domain/catalogue/report-wordings-2021";
import type { Paragraph } from "./document";

// The source block's figures as a report's body states them (DESIGN.md section 13): a figure is taken only when a
// whole wording of one row and one number stand in the same list line or the same clause. A clause is a stretch of
// a paragraph between ";" and ", " at one depth of parentheses; a parenthesis is a clause of its own under the
// clause it follows ("5.621 hồ sơ mức 4 (1.93673 trực tiếp, 3.685 trực tuyến …)"), and a "+" line is under the
// list line above it. A number that could belong to two rows, or a row with two numbers, is reported as not read,
// never guessed; dates, periods and document numbers ("quý III/2021", "61/2018/NĐ-CP") are not figures.

/** A figure taken from the body: the row it is, the number as written, and the paragraph it stands in. */
export interface BodyFigure {
  readonly code: string;
  readonly written: string;
  readonly paragraph: string;
}

/** A clause of the body that names rows and states numbers but not one of each: not read. */
export interface UnreadFigure {
  readonly codes: readonly string[];
  readonly numbers: readonly string[];
  readonly paragraph: string;
  /** Two or more numbers for one row, or one number for two or more rows. */
  readonly reason: "numbers" | "rows";
}

interface Clause {
  text: string;
  readonly parent: Clause | undefined;
  /** The one row this clause names, once read: what a parenthesis or a "+" line under it is about. */
  code?: string;
}

interface Matcher {
  readonly key: string;
  readonly code: string;
  readonly underParent: boolean;
}

const COMBINING = /[\u0300-\u036f]/;

const matcherCache = new WeakMap<readonly ReportWording[], Matcher[]>();

/** Text compared: NFC, lower case, white space collapsed. Lengths are kept, so positions stay those of the text. */
function folded(text: string): string {
  return (COMBINING.test(text) ? text.normalize("NFC") : text).toLowerCase().replace(/\s/g, " ");
}

function matchers(wordings: readonly ReportWording[]): Matcher[] {
  let list = matcherCache.get(wordings);
  if (!list) {
    list = wordings.flatMap((wording) => [
      ...wording.anywhere.map((text) => ({ key: folded(text), code: wording.code, underParent: false })),
      ...(wording.underParent ?? []).map((text) => ({
        key: folded(text),
        code: wording.code,
        underParent: true,
      })),
    ]);
    // Longest first: "trả quá hạn" is matched before the "quá hạn" inside it.
    list.sort((a, b) => b.key.length - a.key.length);
    matcherCache.set(wordings, list);
  }
  return list;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordEdge(text: string, at: number): boolean {
  const char = text[at];
  return char === undefined || !LETTER_OR_DIGIT.test(char);
}

/** Splits a text into clauses at "; " and ", " outside parentheses; each parenthesis is a clause under its own. */
function clausesOf(text: string, parent: Clause | undefined, into: Clause[]): void {
  let current: Clause = { text: "", parent };
  into.push(current);
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (char === "(") {
      let depth = 1;
      let end = at + 1;
      while (end < text.length && depth > 0) {
        if (text[end] === "(") depth++;
        else if (text[end] === ")") depth--;
        end++;
      }
      const inner = text.slice(at + 1, depth === 0 ? end - 1 : end);
      // The parenthesis is read once the clause it follows is: its rows may need that clause's row.
      const children: Clause[] = [];
      clausesOf(inner, current, children);
      into.push(...children);
      current.text += " ";
      at = end;
      continue;
    }
    if (char === ";" || (char === "," && /\s/.test(text[at + 1] ?? ""))) {
      current = { text: "", parent };
      into.push(current);
      at++;
      continue;
    }
    current.text += char;
    at++;
  }
}

/**
 * Numbers of a clause that could be a count: not part of a date, a period, a document number or a level ("mức 3"),
 * not a percentage, not inside a wording.
 */
const NUMBER = /\d+(?:[.,]\d+)*/g;
const NOT_A_FIGURE_BEFORE = /(?:năm|quý|ngày|tháng|mức|mức độ|lần|giai đoạn|nghị định|quyết định|số)\s*$/u;

function numbersOf(text: string, taken: readonly [number, number][]): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some(([from, to]) => start < to && end > from)) continue;
    const before = text.slice(0, start);
    const after = text.slice(end);
    if (/[\p{L}/\-–]$/u.test(before) || /^[\p{L}/\-–]/u.test(after)) continue;
    if (/^\s*%/.test(after)) continue;
    if (NOT_A_FIGURE_BEFORE.test(before)) continue;
    found.push(match[0]);
  }
  return found;
}

interface ClauseReading {
  readonly codes: string[];
  readonly numbers: string[];
}

function readClause(
  clause: Clause,
  context: string | undefined,
  list: Matcher[],
  catalogue: LoadedCatalogue,
) {
  const text = folded(clause.text);
  const spans: [number, number][] = [];
  const codes = new Set<string>();
  for (const matcher of list) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(matcher.key, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + matcher.key.length;
      if (!isWordEdge(text, at - 1) || !isWordEdge(text, end)) continue;
      if (spans.some(([start, stop]) => at < stop && end > start && !(at === start && end === stop)))
        continue;
      if (!spans.some(([start, stop]) => start === at && stop === end)) spans.push([at, end]);
      if (matcher.underParent && catalogue.byCode.get(matcher.code)?.parent !== context) continue;
      codes.add(matcher.code);
    }
  }
  return { codes: [...codes], numbers: numbersOf(text, spans) } satisfies ClauseReading;
}

const DIGIT = /\d/;

/** List markers typed before a line: "-", "–", "•", "*", and "+" for a sub-item. */
const MARKERS = /^[\s\-–—•*·+]+/u;

/**
 * The source block's figures stated in the body's paragraphs, by the wordings of `wordings`; and every clause that
 * names a row and states numbers but not one of each, as not read.
 */
export function bodyFigures(
  paragraphs: readonly Paragraph[],
  wordings: readonly ReportWording[],
  catalogue: LoadedCatalogue,
): { figures: BodyFigure[]; unread: UnreadFigure[] } {
  const list = matchers(wordings);
  const figures: BodyFigure[] = [];
  const unread: UnreadFigure[] = [];
  // The row of the last list line that was no sub-item: what a "+" line below it is about.
  let listParent: string | undefined;
  for (const paragraph of paragraphs) {
    if (!DIGIT.test(paragraph.text)) {
      const raw = paragraph.text.trim();
      if (raw && !paragraph.listed && !MARKERS.test(raw)) listParent = undefined;
      continue;
    }
    const raw = paragraph.text.replace(/\s+/g, " ").trim();
    const markers = MARKERS.exec(raw)?.[0] ?? "";
    const listLine = paragraph.listed || markers.trim() !== "";
    const subItem = markers.includes("+") || (paragraph.listed && paragraph.level > 0);
    const clauses: Clause[] = [];
    clausesOf(folded(raw.slice(markers.length)), undefined, clauses);
    const parents = new Set(clauses.map((clause) => clause.parent));
    let first: Clause | undefined;
    for (const clause of clauses) {
      // A clause without a number gives no figure: it is read only when it is what a parenthesis or a sub-item
      // below is about.
      const about = parents.has(clause) || (clause === clauses[0] && listLine && !subItem);
      if (!about && !DIGIT.test(clause.text)) continue;
      const context = clause.parent ? clause.parent.code : subItem ? listParent : undefined;
      const reading = readClause(clause, context, list, catalogue);
      first ??= clause;
      if (reading.codes.length === 1) clause.code = reading.codes[0];
      if (!reading.codes.length || !reading.numbers.length) continue;
      if (reading.codes.length === 1 && reading.numbers.length === 1) {
        figures.push({ code: reading.codes[0]!, written: reading.numbers[0]!, paragraph: raw });
      } else {
        unread.push({
          codes: reading.codes,
          numbers: reading.numbers,
          paragraph: raw,
          reason: reading.codes.length > 1 ? "rows" : "numbers",
        });
      }
    }
    if (listLine && !subItem) listParent = first?.code;
    else if (!listLine) listParent = undefined;
  }
  return { figures, unread };
}
