import type { LoadedCatalogue } from "../domain/catalogue";
import type { ReportWording } from "../domain/catalogue";
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

/**
 * The wordings as matchers, longest first, and one expression that finds where a wording starts: compiled once per
 * list of wordings (a catalogue's), so that a line is searched once for all of them rather than once per wording.
 */
interface Matchers {
  readonly list: readonly Matcher[];
  /** Any wording, longest first; global, so that it finds one place after another. */
  readonly any: RegExp;
}

const matcherCache = new WeakMap<readonly ReportWording[], Matchers>();

/** Text compared: NFC, lower case, white space collapsed. Lengths are kept, so positions stay those of the text. */
function folded(text: string): string {
  return (COMBINING.test(text) ? text.normalize("NFC") : text).toLowerCase().replace(/\s/g, " ");
}

/** Folded as `folded` does, for text whose white space is single spaces already. */
function lowered(text: string): string {
  return (COMBINING.test(text) ? text.normalize("NFC") : text).toLowerCase();
}

/** White space collapsed to single spaces, replacing only what is not a single space already. */
function collapsed(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, " ");
}

function matchers(wordings: readonly ReportWording[]): Matchers {
  let found = matcherCache.get(wordings);
  if (!found) {
    const list = wordings.flatMap((wording) => [
      ...wording.anywhere.map((text) => ({ key: folded(text), code: wording.code, underParent: false })),
      ...(wording.underParent ?? []).map((text) => ({
        key: folded(text),
        code: wording.code,
        underParent: true,
      })),
    ]);
    // Longest first: "trả quá hạn" is matched before the "quá hạn" inside it.
    list.sort((a, b) => b.key.length - a.key.length);
    const any = new RegExp(
      list.map((matcher) => matcher.key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
      "g",
    );
    found = { list, any };
    matcherCache.set(wordings, found);
  }
  return found;
}

/**
 * The matchers whose wording `text` holds at the start of a word, in the order of `list`: one search of the text
 * for all wordings, then at each place found the few wordings that start there. A wording held only inside a word
 * is left out, as readClause would pass it over; an empty list means the text names no row.
 */
function presentIn(text: string, { list, any }: Matchers): Matcher[] {
  let held: Set<Matcher> | undefined;
  any.lastIndex = 0;
  for (let match = any.exec(text); match; match = any.exec(text)) {
    const at = match.index;
    // Every place a wording starts is found, those overlapping the one found here included.
    any.lastIndex = at + 1;
    if (!isWordEdge(text, at - 1)) continue;
    held ??= new Set();
    for (const matcher of list) if (text.startsWith(matcher.key, at)) held.add(matcher);
  }
  return held ? list.filter((matcher) => held.has(matcher)) : [];
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
  // Text is taken a stretch at a time, from `from` to the next parenthesis or separator.
  let from = 0;
  let at = 0;
  while (at < text.length) {
    const char = text.charCodeAt(at);
    if (char === 0x28 /* ( */) {
      current.text += text.slice(from, at);
      let depth = 1;
      let end = at + 1;
      while (end < text.length && depth > 0) {
        const inner = text.charCodeAt(end);
        if (inner === 0x28) depth++;
        else if (inner === 0x29) depth--;
        end++;
      }
      const inner = text.slice(at + 1, depth === 0 ? end - 1 : end);
      // The parenthesis is read once the clause it follows is: its rows may need that clause's row.
      const children: Clause[] = [];
      clausesOf(inner, current, children);
      into.push(...children);
      current.text += " ";
      at = from = end;
      continue;
    }
    if (char === 0x3b /* ; */ || (char === 0x2c /* , */ && /\s/.test(text[at + 1] ?? ""))) {
      current.text += text.slice(from, at);
      current = { text: "", parent };
      into.push(current);
      at = from = at + 1;
      continue;
    }
    at++;
  }
  current.text += text.slice(from);
}

/**
 * Numbers of a clause that could be a count: not part of a date, a period, a document number or a level ("mức 3"),
 * not a percentage, not inside a wording.
 */
const NUMBER = /\d+(?:[.,]\d+)*/g;
const NOT_A_FIGURE_BEFORE = /(?:năm|quý|ngày|tháng|mức|mức độ|lần|giai đoạn|nghị định|quyết định|số)$/u;

/** Only the end of the text before a number is looked at: the longest word above and the spaces after it. */
const BEFORE_WINDOW = 16;

function numbersOf(text: string, taken: readonly [number, number][]): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some(([from, to]) => start < to && end > from)) continue;
    // Two characters, so that a letter beyond the basic plane is seen whole.
    if (/[\p{L}/\-–]$/u.test(text.slice(Math.max(0, start - 2), start))) continue;
    if (/^[\p{L}/\-–]/u.test(text.slice(end, end + 2))) continue;
    if (/^\s*%/.test(text.slice(end))) continue;
    let before = start;
    while (before > 0 && /\s/.test(text[before - 1]!)) before--;
    if (NOT_A_FIGURE_BEFORE.test(text.slice(Math.max(0, before - BEFORE_WINDOW), before))) continue;
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
  list: readonly Matcher[],
  catalogue: LoadedCatalogue,
) {
  // Clauses are cut from folded text: folded already.
  const text = clause.text;
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
  // A clause that names no row gives no figure: its numbers are not looked at.
  return { codes: [...codes], numbers: codes.size ? numbersOf(text, spans) : [] } satisfies ClauseReading;
}

const DIGIT = /\d/;

/** List markers typed before a line: "-", "–", "•", "*", and "+" for a sub-item. */
const MARKERS = /^[\s\-–—•*·+]+/u;

/**
 * A heading's outline number typed at the start of a line ("2.", "3.4.", "3.4", "II.", "II.2.", "a)"): where it is in
 * the report, never a figure, though a heading names a row ("2. Kết quả giải quyết thủ tục hành chính"). A count
 * has no closing "." or ")" and groups its thousands by three ("5.621 hồ sơ"), so neither is taken for one.
 */
const OUTLINE_NUMBER = /^(?:(?:[ivxlc]+|\d{1,2}|\p{L})(?:\.\d{1,2})*[.)]|\d{1,2}(?:\.\d{1,2})+)(?=\s)/iu;

/**
 * The source block's figures stated in the body's paragraphs, by the wordings of `wordings`; and every clause that
 * names a row and states numbers but not one of each, as not read.
 */
export function bodyFigures(
  paragraphs: readonly Paragraph[],
  wordings: readonly ReportWording[],
  catalogue: LoadedCatalogue,
): { figures: BodyFigure[]; unread: UnreadFigure[] } {
  const compiled = matchers(wordings);
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
    const raw = collapsed(paragraph.text).trim();
    const markers = MARKERS.exec(raw)?.[0] ?? "";
    const listLine = paragraph.listed || markers.trim() !== "";
    const subItem = markers.includes("+") || (paragraph.listed && paragraph.level > 0);
    // White space is collapsed already: folding is casing and composition only.
    const unmarked = raw.slice(markers.length);
    const line = lowered(unmarked.slice(OUTLINE_NUMBER.exec(unmarked)?.[0].length ?? 0));
    // Only the wordings the line holds are looked for clause by clause, in the order of the matchers; a line that
    // holds none gives no figure and is about no row. A clause is a stretch of the line, or stretches of it joined
    // where a parenthesis was taken out: those joins are looked through only in such a line.
    const parenthesis = line.includes("(");
    let present = parenthesis ? [] : presentIn(line, compiled);
    if (!parenthesis && !present.length) {
      if (!(listLine && subItem)) listParent = undefined;
      continue;
    }
    const clauses: Clause[] = [];
    clausesOf(line, undefined, clauses);
    if (parenthesis) present = presentIn(clauses.map((clause) => clause.text).join("\n"), compiled);
    const parents = new Set(clauses.map((clause) => clause.parent));
    let first: Clause | undefined;
    for (const clause of clauses) {
      // A clause without a number gives no figure: it is read only when it is what a parenthesis or a sub-item
      // below is about.
      const about = parents.has(clause) || (clause === clauses[0] && listLine && !subItem);
      if (!about && !DIGIT.test(clause.text)) continue;
      first ??= clause;
      const context = clause.parent ? clause.parent.code : subItem ? listParent : undefined;
      const reading = readClause(clause, context, present, catalogue);
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
