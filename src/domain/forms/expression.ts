import type { Derived, PatternRule, RelationRule } from "../catalogue";
// The code grammar alone, not the catalogue's index: reading an expression needs no built-in form.
import { normaliseCode } from "../catalogue/code";
import type {
  ExpectedToken,
  ExpressionProblem,
  ExpressionProblemKind,
  ExpressionProblemParams,
  RatioPart,
  RelationKindName,
} from "../messages";
import type { RuleKindName } from "./kind-words";

// The expressions of a form definition (DESIGN.md section 11: `biểu thức` of a rule, `công thức` of a derived rate),
// read by a tokenizer and a recursive-descent parser into the catalogue's rule fields, never evaluated as code.
// Codes follow the one code grammar of src/domain/catalogue: "7.2" is a code, never a number; the only constant is
// a percentage ("100%"). What the reader refuses is a problem as data (kind, offset, length, params), rendered per
// language by src/domain/messages; whether the codes exist is catalogueProblems' to say, not the grammar's.

export type { RuleKindName } from "./kind-words";
export { RULE_KIND_WORD, RULE_KIND_WORDS, ruleKindOf } from "./kind-words";

/** What a relation rule's expression gives: its sides, normalised to Σ left ≤ Σ right (or = for a balance). */
export type RelationExpression = Pick<RelationRule, "kind" | "left" | "right" | "rightPercent" | "relation">;

/** What a pattern rule's expression gives: its pairs, in order. */
export type PatternExpression = Pick<PatternRule, "kind" | "pairs">;

/** The fields of a rule its expression gives. */
export type RuleExpression = RelationExpression | PatternExpression;

/** What a reader returns: the value read, or the first problem met, left to right. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ExpressionProblem };

// ---------------------------------------------------------------------------------------------------------------
// Tokens

type TokenType =
  | "word"
  | "percent"
  | "plus"
  | "minus"
  | "times"
  | "divide"
  | "open"
  | "close"
  | "eq"
  | "le"
  | "ge"
  | "lt"
  | "gt"
  | "tilde"
  | "semicolon"
  | "other"
  | "end";

interface Token {
  readonly type: TokenType;
  readonly offset: number;
  readonly length: number;
  /** The token as typed. */
  readonly text: string;
  /** A word's code, normalised ("" when the word is no code). */
  readonly code: string;
  /** A percentage's value; NaN when its figure is no number ("1.2.3%"). */
  readonly value: number;
}

/** Characters that mean one operator whatever keyboard typed them (full-width forms are folded before). */
const SYMBOLS: Readonly<Record<string, TokenType>> = {
  "+": "plus",
  "-": "minus",
  "−": "minus",
  "–": "minus",
  "*": "times",
  "×": "times",
  "/": "divide",
  "÷": "divide",
  "(": "open",
  ")": "close",
  "=": "eq",
  "≤": "le",
  "≦": "le",
  "≥": "ge",
  "≧": "ge",
  "<": "lt",
  ">": "gt",
  "~": "tilde",
  "∼": "tilde",
  "↔": "tilde",
  ";": "semicolon",
};

/** Two-character comparisons, as people type them on a keyboard without ≤ and ≥. */
const PAIRS: Readonly<Record<string, TokenType>> = {
  "<=": "le",
  "=<": "le",
  ">=": "ge",
  "=>": "ge",
  "==": "eq",
};

// "$" for a cell's absolute address ("$D$21"), which a word holding it is told to be.
const WORD_CHAR = /^[\p{L}\p{M}\p{N}._$]$/u;
const CELL_ADDRESS = /^\$?[A-Za-z]{1,3}\$?\d+$/;
const SPACE = /^[\s\u200b]$/u;
const PERCENT_FIGURE = /^\d+(?:[.,]\d+)?$/;

/**
 * Each UTF-16 unit of `text` folded to its compatibility form where that is one unit (full-width "＝", "（", "１"
 * and the ideographic space become "=", "(", "1", " "), so offsets into the folded text are offsets into the text.
 */
function fold(text: string): string {
  let folded = "";
  for (const unit of text.split("")) {
    const compatible = unit.normalize("NFKC");
    folded += compatible.length === 1 ? compatible : unit;
  }
  return folded;
}

function tokenize(text: string): Token[] {
  const folded = fold(text);
  const tokens: Token[] = [];
  const token = (type: TokenType, offset: number, end: number, code = "", value = Number.NaN): Token => ({
    type,
    offset,
    length: end - offset,
    text: text.slice(offset, end),
    code,
    value,
  });
  let at = 0;
  while (at < folded.length) {
    const char = folded[at]!;
    if (SPACE.test(char)) {
      at += 1;
      continue;
    }
    const pair = PAIRS[folded.slice(at, at + 2)];
    if (pair) {
      tokens.push(token(pair, at, at + 2));
      at += 2;
      continue;
    }
    if (WORD_CHAR.test(char)) {
      let end = at;
      while (end < folded.length && WORD_CHAR.test(folded[end]!)) end += 1;
      let word = folded.slice(at, end);
      // "99,5%": a decimal comma, which only a percentage's figure may hold.
      const comma = /^,(\d+)\s*%/.exec(folded.slice(end));
      if (/^\d+$/.test(word) && comma) {
        word += `.${comma[1]!}`;
        end += 1 + comma[1]!.length;
      }
      let after = end;
      while (after < folded.length && SPACE.test(folded[after]!)) after += 1;
      if (folded[after] === "%") {
        const value = PERCENT_FIGURE.test(word) ? Number(word.replace(",", ".")) : Number.NaN;
        tokens.push(token("percent", at, after + 1, "", value));
        at = after + 1;
      } else {
        tokens.push(token("word", at, end, normaliseCode(word)));
        at = end;
      }
      continue;
    }
    // A character outside the BMP is one character to its reader: two units, one token.
    const low = folded[at + 1] ?? "";
    const width = char >= "\ud800" && char <= "\udbff" && low >= "\udc00" && low <= "\udfff" ? 2 : 1;
    tokens.push(token(SYMBOLS[char] ?? "other", at, at + width));
    at += width;
  }
  tokens.push(token("end", text.length, text.length));
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------------
// The reader

/** Thrown inside the reader to stop at the first problem; never leaves this module. */
class Refused extends Error {
  constructor(readonly problem: ExpressionProblem) {
    super(problem.kind);
  }
}

type ParamsWithoutText<K extends ExpressionProblemKind> = Omit<ExpressionProblemParams[K], "text">;

class Reader {
  private index = 0;
  private readonly tokens: Token[];

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
    // A leading "=" is what Excel users type before a formula; tolerated, as DESIGN.md section 11 says.
    if (this.tokens[0]?.type === "eq") this.index = 1;
    if (this.peek().type === "end") {
      throw new Refused({ kind: "expression_empty", offset: 0, length: text.length, params: { text } });
    }
  }

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }

  refuse<K extends ExpressionProblemKind>(
    kind: K,
    at: { readonly offset: number; readonly length: number },
    params: ParamsWithoutText<K>,
  ): never {
    const problem = { kind, offset: at.offset, length: at.length, params: { text: this.text, ...params } };
    throw new Refused(problem as ExpressionProblem);
  }

  /** The token is not what the grammar allows here: the most specific reason there is for it. */
  unexpected(token: Token, expected: readonly ExpectedToken[]): never {
    const found = token.text;
    switch (token.type) {
      case "other":
        return this.refuse("expression_bad_character", token, { found });
      case "lt":
      case "gt":
        return this.refuse("expression_strict_relation", token, { found });
      case "times":
        return this.refuse("expression_product", token, { found });
      case "percent":
        if (Number.isNaN(token.value)) return this.refuse("expression_bad_percent", token, { found });
        break;
      case "word":
        if (token.code === "") return this.notCode(token);
        break;
      default:
        break;
    }
    return this.refuse("expression_unexpected", token, { found, expected });
  }

  /** A word that is no code: a function's name when "(" follows it, else a mistyped code. */
  notCode(token: Token): never {
    if (this.tokens[this.tokens.indexOf(token) + 1]?.type === "open")
      return this.refuse("expression_function", token, { found: token.text });
    const folded = fold(token.text);
    // The code meant, when a letter's case or a source code's dot is all that is wrong: "hs.1", "3.1.A", "DVC1".
    const undotted = /^([A-Za-z]{2,4})(\d.*)$/.exec(folded);
    const suggestion = [
      folded.toUpperCase(),
      folded.toLowerCase(),
      undotted ? `${undotted[1]!.toUpperCase()}.${undotted[2]!}` : "",
    ]
      .map(normaliseCode)
      .find(Boolean);
    if (!suggestion && CELL_ADDRESS.test(folded))
      return this.refuse("expression_cell_reference", token, { found: token.text });
    return this.refuse("expression_not_code", token, {
      found: token.text,
      ...(suggestion ? { suggestion } : {}),
    });
  }

  /** A code, or the reason the next token is none. */
  code(expected: readonly ExpectedToken[] = ["code"]): string {
    const token = this.peek();
    if (token.type === "word" && token.code !== "") {
      this.next();
      if (this.peek().type === "open") this.refuse("expression_function", token, { found: token.text });
      return token.code;
    }
    return this.unexpected(token, expected);
  }
}

/** Runs a reader over `text`, turning its first refusal into the problem returned. */
function read<T>(text: string, body: (reader: Reader) => T): Parsed<T> {
  try {
    return { ok: true, value: body(new Reader(text)) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rules

type Operand =
  { readonly code: string; readonly token: Token } | { readonly percent: number; readonly token: Token };

const RELATIONS: Readonly<Partial<Record<TokenType, "eq" | "le" | "ge">>> = { eq: "eq", le: "le", ge: "ge" };

/** One side of a comparison: codes (and at most a percentage) added together. */
function side(reader: Reader, last: boolean): Operand[] {
  const operands: Operand[] = [];
  const follow: readonly ExpectedToken[] = last ? ["plus", "end"] : ["plus", "relation"];
  for (;;) {
    const token = reader.peek();
    if (token.type === "percent" && !Number.isNaN(token.value)) {
      reader.next();
      operands.push({ percent: token.value, token });
    } else {
      operands.push({ code: reader.code(["code", "percent"]), token });
    }
    const after = reader.peek();
    switch (after.type) {
      case "plus":
        reader.next();
        continue;
      case "minus":
        return reader.refuse("expression_minus_in_rule", after, { found: after.text });
      case "divide":
        return reader.refuse("expression_division_in_rule", after, { found: after.text });
      case "end":
        if (last) return operands;
        return reader.unexpected(after, follow);
      default:
        if (!last && RELATIONS[after.type]) return operands;
        return reader.unexpected(after, follow);
    }
  }
}

function relationRule(reader: Reader, kind: RelationKindName): RelationExpression {
  const written = side(reader, false);
  const symbol = reader.next();
  const comparison = RELATIONS[symbol.type]!;
  if ((kind === "balance") !== (comparison === "eq"))
    reader.refuse("expression_relation_kind", symbol, { found: symbol.text, kind });
  const other = side(reader, true);
  // The catalogue holds Σ left ≤ Σ right; a balance as written, its percentage (if any) on the right.
  const onlyPercent = (operands: Operand[]) => operands.length === 1 && "percent" in operands[0]!;
  const swap = comparison === "ge" || (comparison === "eq" && onlyPercent(written) && !onlyPercent(other));
  const [left, right] = swap ? [other, written] : [written, other];
  const misplaced =
    left.find((operand) => "percent" in operand) ??
    (right.length > 1 ? right.find((operand) => "percent" in operand) : undefined);
  if (misplaced)
    reader.refuse("expression_percent_misplaced", misplaced.token, { found: misplaced.token.text });
  const codes = (operands: Operand[]) =>
    operands.flatMap((operand) => ("code" in operand ? [operand.code] : []));
  const percent = right[0] && "percent" in right[0] ? right[0].percent : undefined;
  return {
    kind,
    left: codes(left),
    right: codes(right),
    ...(percent === undefined ? {} : { rightPercent: percent }),
    relation: comparison === "eq" ? "eq" : "le",
  };
}

function patternRule(reader: Reader): PatternExpression {
  const pairs: [string, string][] = [];
  for (;;) {
    const first = reader.code();
    const tilde = reader.peek();
    if (tilde.type !== "tilde") reader.unexpected(tilde, ["tilde"]);
    reader.next();
    pairs.push([first, reader.code()]);
    const after = reader.peek();
    if (after.type === "end") return { kind: "pattern", pairs };
    if (after.type !== "semicolon") reader.unexpected(after, ["semicolon", "end"]);
    reader.next();
    // A trailing ";" after the last pair is how a list is often typed.
    if (reader.peek().type === "end") return { kind: "pattern", pairs };
  }
}

/**
 * Reads a rule's `biểu thức` for its kind: "HS.1 = HS.1.1 + HS.1.2", "3.1.3 >= 3.1.3.a + 3.1.3.b",
 * "HS.2 + HS.3 <= HS.1", "7.6.2.a + 7.6.2.b <= 100%", a pattern "4.3.1 ~ 4.2.1; 4.3.2 ~ 4.2.2". A comparison is
 * held as Σ left ≤ Σ right: "a >= b" reads as b ≤ a.
 */
export function parseRule(text: string, kind: RuleKindName): Parsed<RuleExpression> {
  return read<RuleExpression>(text, (reader) =>
    kind === "pattern" ? patternRule(reader) : relationRule(reader, kind),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Derived rates

/** The terms of a sum, each added or (where `minus` is allowed) subtracted. */
interface Terms {
  readonly plus: string[];
  readonly minus: string[];
}

/**
 * A sum inside parentheses, the "(" already read: codes joined by "+" (and "-" unless `part` is the denominator)
 * up to the ")".
 */
function bracketed(reader: Reader, open: Token, part: RatioPart): Terms {
  const terms: Terms = { plus: [operand(reader)], minus: [] };
  const follow: readonly ExpectedToken[] =
    part === "numerator" ? ["plus", "minus", "close"] : ["plus", "close"];
  for (;;) {
    const token = reader.next();
    switch (token.type) {
      case "close":
        return terms;
      case "plus":
        terms.plus.push(operand(reader));
        continue;
      case "minus":
        if (part === "denominator")
          return reader.refuse("expression_minus_in_denominator", token, { found: token.text });
        terms.minus.push(operand(reader));
        continue;
      case "divide":
        return reader.refuse("expression_nested_division", token, { found: token.text });
      case "end":
        return reader.refuse("expression_unclosed", open, {});
      default:
        return reader.unexpected(token, follow);
    }
  }
}

/** A code of a rate's formula; a percentage there is a constant, which a formula of counts never holds. */
function operand(reader: Reader): string {
  const token = reader.peek();
  if (token.type === "percent" && !Number.isNaN(token.value))
    reader.refuse("expression_constant", token, { found: token.text });
  return reader.code();
}

function numerator(reader: Reader): Terms {
  const first = reader.peek();
  if (first.type === "open") {
    reader.next();
    return bracketed(reader, first, "numerator");
  }
  const terms: Terms = { plus: [operand(reader)], minus: [] };
  for (;;) {
    const token = reader.peek();
    switch (token.type) {
      case "plus":
        reader.next();
        terms.plus.push(operand(reader));
        continue;
      case "minus":
        reader.next();
        terms.minus.push(operand(reader));
        continue;
      case "divide":
        if (terms.plus.length + terms.minus.length > 1) {
          const end = reader.peek(-1);
          reader.refuse("expression_parentheses_needed", spanning(first, end), { part: "numerator" });
        }
        return terms;
      case "end":
        return reader.refuse("expression_not_ratio", { offset: 0, length: reader.text.length }, {});
      default:
        return reader.unexpected(token, ["plus", "minus", "divide"]);
    }
  }
}

function denominator(reader: Reader): string[] {
  const first = reader.peek();
  if (first.type === "open") {
    reader.next();
    return bracketed(reader, first, "denominator").plus;
  }
  if (first.type === "minus") return reader.unexpected(first, ["code", "open"]);
  const code = operand(reader);
  const after = reader.peek();
  switch (after.type) {
    case "plus":
      return reader.refuse("expression_parentheses_needed", spanning(first, lastBefore(reader, "end")), {
        part: "denominator",
      });
    case "minus":
      return reader.refuse("expression_minus_in_denominator", after, { found: after.text });
    default:
      return [code];
  }
}

/** The span from one token's start to another's end. */
function spanning(first: Token, last: Token): { offset: number; length: number } {
  return { offset: first.offset, length: last.offset + last.length - first.offset };
}

/** The last token before the first of `type` from the reader's position on (the end of a run of terms). */
function lastBefore(reader: Reader, type: TokenType): Token {
  let ahead = 0;
  while (reader.peek(ahead + 1).type !== type) ahead += 1;
  return reader.peek(ahead);
}

/**
 * Reads a derived rate's `công thức`: "HS.2.1 / HS.2", "(BC.1 - 4.2.1) / BC.1", "(a + b) / (c + d)"; a sum of
 * more than one code in parentheses, one division, no constant, product or function.
 */
export function parseDerived(text: string): Parsed<Derived> {
  return read<Derived>(text, (reader) => {
    const { plus, minus } = numerator(reader);
    const divide = reader.next();
    // "(a + b)" alone is a sum, no rate: said as "HS.2.1" alone is.
    if (divide.type === "end")
      reader.refuse("expression_not_ratio", { offset: 0, length: reader.text.length }, {});
    if (divide.type !== "divide") reader.unexpected(divide, ["divide"]);
    const below = denominator(reader);
    const after = reader.peek();
    if (after.type === "divide") reader.refuse("expression_nested_division", after, { found: after.text });
    if (after.type !== "end") reader.unexpected(after, ["end"]);
    return { plus, minus, denominator: below };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Writing expressions back

const sum = (codes: readonly string[]) => codes.join(" + ");

/** A percentage as the reader reads it back: "100%", "99.5%". */
const percentText = (value: number) => `${value}%`;

/**
 * A rule's expression as a definition writes it, which parseRule reads back to the same fields: a balance as
 * "total = parts", of-which as "total >= parts" (as people say it), the others as "smaller <= larger".
 */
export function formatRule(rule: RuleExpression): string {
  if (rule.kind === "pattern") return rule.pairs.map(([a, b]) => `${a} ~ ${b}`).join("; ");
  const right = rule.rightPercent === undefined ? sum(rule.right) : percentText(rule.rightPercent);
  if (rule.relation === "eq") return `${sum(rule.left)} = ${right}`;
  if (rule.kind === "ofWhich") return `${right} >= ${sum(rule.left)}`;
  return `${sum(rule.left)} <= ${right}`;
}

/** A derived rate's formula as a definition writes it, which parseDerived reads back to the same fields. */
export function formatDerived(derived: Derived): string {
  const terms = [sum(derived.plus), ...derived.minus].join(" - ");
  const numerator = derived.plus.length + derived.minus.length > 1 ? `(${terms})` : terms;
  const below = derived.denominator.length > 1 ? `(${sum(derived.denominator)})` : sum(derived.denominator);
  return `${numerator} / ${below}`;
}
