import fc from "fast-check";
import type { Derived } from "../../../src/domain/catalogue";
import { catalogue, isCode } from "../../../src/domain/catalogue";
import type { RuleExpression, RuleKindName } from "../../../src/domain/forms/expression";
import {
  formatDerived,
  formatRule,
  parseDerived,
  parseRule,
  RULE_KIND_WORD,
  RULE_KIND_WORDS,
  ruleKindOf,
} from "../../../src/domain/forms/expression";
import type { ExpressionProblem, ExpressionProblemKind } from "../../../src/domain/messages";
import { expressionProblemMessage } from "../../../src/domain/messages";

// The expressions of a form definition read into the catalogue's rule fields, and every refusal as data whose
// message is rendered in both languages.

/** The fields of a catalogue rule its expression gives, absent ones left out (as the reader leaves them out). */
function expressionOf(rule: (typeof catalogue.relations)[number] | (typeof catalogue.patterns)[number]) {
  if (rule.kind === "pattern") return { kind: rule.kind, pairs: rule.pairs };
  const { kind, left, right, rightPercent, relation } = rule;
  return { kind, left, right, ...(rightPercent === undefined ? {} : { rightPercent }), relation };
}

describe("parseRule reads a rule's expression into the catalogue's fields", () => {
  it("reads a balance as written: the total left, its parts right", () => {
    expect(parseRule("HS.1 = HS.1.1 + HS.1.2", "balance")).toStrictEqual({
      ok: true,
      value: { kind: "balance", left: ["HS.1"], right: ["HS.1.1", "HS.1.2"], relation: "eq" },
    });
  });

  it("holds an of-which written total first as its parts ≤ the total, as the catalogue does", () => {
    const read = parseRule("3.1.3 >= 3.1.3.a + 3.1.3.b + 3.1.3.c", "ofWhich");
    expect(read).toStrictEqual({
      ok: true,
      value: { kind: "ofWhich", left: ["3.1.3.a", "3.1.3.b", "3.1.3.c"], right: ["3.1.3"], relation: "le" },
    });
    expect(parseRule("3.1.3.a + 3.1.3.b + 3.1.3.c <= 3.1.3", "ofWhich")).toStrictEqual(read);
  });

  it("reads a stock and an order as smaller ≤ larger", () => {
    expect(parseRule("HS.2 + HS.3 <= HS.1", "stock")).toStrictEqual({
      ok: true,
      value: { kind: "stock", left: ["HS.2", "HS.3"], right: ["HS.1"], relation: "le" },
    });
    expect(parseRule("2.2 + 2.3 >= 2.4", "order")).toStrictEqual({
      ok: true,
      value: { kind: "order", left: ["2.4"], right: ["2.2", "2.3"], relation: "le" },
    });
  });

  it("reads a constant percentage as the bound of the right side, whichever side it is written on", () => {
    const bound = {
      ok: true,
      value: { kind: "order", left: ["7.6.2.a", "7.6.2.b"], right: [], rightPercent: 100, relation: "le" },
    };
    expect(parseRule("7.6.2.a + 7.6.2.b <= 100%", "order")).toStrictEqual(bound);
    expect(parseRule("100% >= 7.6.2.a + 7.6.2.b", "order")).toStrictEqual(bound);
    expect(parseRule("100% = 7.6", "balance")).toStrictEqual({
      ok: true,
      value: { kind: "balance", left: ["7.6"], right: [], rightPercent: 100, relation: "eq" },
    });
    expect(parseRule("3.3.3 <= 99,5 %", "order")).toStrictEqual({
      ok: true,
      value: { kind: "order", left: ["3.3.3"], right: [], rightPercent: 99.5, relation: "le" },
    });
  });

  it("reads a pattern's pairs in order, a trailing semicolon tolerated", () => {
    const pairs = {
      ok: true,
      value: {
        kind: "pattern",
        pairs: [
          ["4.3.1", "4.2.1"],
          ["4.3.2", "4.2.2"],
        ],
      },
    };
    expect(parseRule("4.3.1 ~ 4.2.1; 4.3.2 ~ 4.2.2", "pattern")).toStrictEqual(pairs);
    expect(parseRule("4.3.1~4.2.1;4.3.2~4.2.2;", "pattern")).toStrictEqual(pairs);
    expect(parseRule("4.3.1 ↔ 4.2.1 ; 4.3.2 ～ 4.2.2", "pattern")).toStrictEqual(pairs);
  });

  it("reads codes of the whole code grammar: a letter segment a–z, a source prefix of two to four capitals", () => {
    expect(parseRule("DVC.1.2 = 5.1.e + HSO.3", "balance")).toStrictEqual({
      ok: true,
      value: { kind: "balance", left: ["DVC.1.2"], right: ["5.1.e", "HSO.3"], relation: "eq" },
    });
  });

  it("reads what Excel users type: a leading =, ≤ ≥ ＝, full-width forms, NBSP and ideographic spaces", () => {
    const balance = {
      ok: true,
      value: { kind: "balance", left: ["HS.1"], right: ["HS.1.1", "HS.1.2"], relation: "eq" },
    };
    for (const text of [
      "=HS.1 = HS.1.1 + HS.1.2",
      "  = HS.1=HS.1.1+HS.1.2  ",
      "HS.1\u00a0=\u00a0HS.1.1\u00a0+\u00a0HS.1.2",
      "HS.1\u3000＝\u3000HS.1.1＋HS.1.2",
      "ＨＳ．１ ＝ ＨＳ．１．１ ＋ ＨＳ．１．２",
      "HS.1 == HS.1.1 + HS.1.2",
      "\tHS.1 =\nHS.1.1 + HS.1.2\u200b",
    ]) {
      expect(parseRule(text, "balance")).toStrictEqual(balance);
    }
    const order = { ok: true, value: { kind: "order", left: ["1.1.2"], right: ["1.1.1"], relation: "le" } };
    for (const text of [
      "1.1.2 ≤ 1.1.1",
      "1.1.1 ≥ 1.1.2",
      "1.1.2 ＜＝ 1.1.1",
      "1.1.1 => 1.1.2",
      "1.1.2 =< 1.1.1",
    ]) {
      expect(parseRule(text, "order")).toStrictEqual(order);
    }
  });

  it("reads a code as printed, with its trailing dot, as the code", () => {
    expect(parseRule("1.1.2. <= 1.1.1.", "order")).toStrictEqual({
      ok: true,
      value: { kind: "order", left: ["1.1.2"], right: ["1.1.1"], relation: "le" },
    });
  });
});

describe("parseDerived reads a rate's formula", () => {
  it.each<[string, Derived]>([
    ["HS.2.1 / HS.2", { plus: ["HS.2.1"], minus: [], denominator: ["HS.2"] }],
    ["(BC.1 - 4.2.1) / BC.1", { plus: ["BC.1"], minus: ["4.2.1"], denominator: ["BC.1"] }],
    [
      "(HS.2.1 + HS.3.1) / (HS.2 + HS.3)",
      { plus: ["HS.2.1", "HS.3.1"], minus: [], denominator: ["HS.2", "HS.3"] },
    ],
    ["=DV.3.2/DV.3", { plus: ["DV.3.2"], minus: [], denominator: ["DV.3"] }],
    ["(QT.2) / (QT.1)", { plus: ["QT.2"], minus: [], denominator: ["QT.1"] }],
    ["(1 - 2 + 3) ÷ 4", { plus: ["1", "3"], minus: ["2"], denominator: ["4"] }],
    ["（ＢＣ．３ − 4.1.4）／ＢＣ．３", { plus: ["BC.3"], minus: ["4.1.4"], denominator: ["BC.3"] }],
  ])("reads %s", (text, derived) => {
    expect(parseDerived(text)).toStrictEqual({ ok: true, value: derived });
  });
});

describe("formatRule and formatDerived write what the readers read back", () => {
  it("writes every rule of the 2021 form as DESIGN.md writes it, and reads each back to the same fields", () => {
    const written = [...catalogue.relations, ...catalogue.patterns].map((rule) => {
      const text = formatRule(rule);
      expect(parseRule(text, rule.kind)).toStrictEqual({ ok: true, value: expressionOf(rule) });
      return text;
    });
    expect(written).toEqual([
      "HS.1 = HS.1.1 + HS.1.2",
      "HS.2 = HS.2.1 + HS.2.2",
      "HS.3 = HS.3.1 + HS.3.2",
      "DV.3 = DV.3.1 + DV.3.2",
      "DV.4 = DV.4.1 + DV.4.2",
      "3.1.3 >= 3.1.3.a + 3.1.3.b + 3.1.3.c",
      "4.1.4 >= 4.1.4.a + 4.1.4.b + 4.1.4.c",
      "HS.2 + HS.3 <= HS.1",
      "1.1.2 <= 1.1.1",
      "3.5.3 <= 3.5.1",
      "HS.4 <= HS.2",
      "HS.5 <= HS.1",
      "2.5 <= 2.4",
      "2.4 <= 2.2 + 2.3",
      "3.2.2 <= 3.2.1",
      "3.5.2 <= 3.5.1",
      "4.2.2 <= 4.2.1",
      "4.3.2 <= 4.3.1",
      "HS.5 <= HS.1.2",
      "7.6.2.a + 7.6.2.b <= 100%",
      "4.3.1 ~ 4.2.1; 4.3.2 ~ 4.2.2; 4.3.3 ~ 4.2.4; 4.3.4 ~ 4.2.5",
    ]);
  });

  it("writes every derived rate of the 2021 form and reads each back to the same formula", () => {
    const written = catalogue.derivedRows.map((row) => {
      const text = formatDerived(row.derived);
      expect(parseDerived(text)).toStrictEqual({ ok: true, value: row.derived });
      return `${row.code}: ${text}`;
    });
    expect(written).toEqual([
      "3.3.3: QT.2 / QT.1",
      "3.3.4: QT.3 / QT.2",
      "3.4.1: HS.2.1 / HS.2",
      "3.4.2: HS.2.1 / HS.2",
      "3.4.3: HS.2.1 / HS.2",
      "4.1.4.d: (BC.3 - 4.1.4) / BC.3",
      "4.2.5: (BC.1 - 4.2.1) / BC.1",
      "4.3.4: (BC.2 - 4.3.1) / BC.2",
      "7.6.2.a: VB.1 / 7.6.2",
      "7.6.2.b: VB.2 / 7.6.2",
      "7.8.3: DV.3.2 / DV.3",
      "7.8.4: DV.4.2 / DV.4",
    ]);
  });

  /** A code of the grammar: digit segments with an optional letter, or a source prefix and digit segments. */
  const code = fc.oneof(
    fc
      .tuple(
        fc.array(fc.integer({ min: 0, max: 19 }), { minLength: 1, maxLength: 4 }),
        fc.option(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), { nil: undefined }),
      )
      .map(([digits, letter]) => [...digits.map(String), ...(letter ? [letter] : [])].join(".")),
    fc
      .tuple(
        fc.stringMatching(/^[A-Z]{2,4}$/),
        fc.array(fc.integer({ min: 0, max: 19 }), { minLength: 1, maxLength: 3 }),
      )
      .map(([prefix, digits]) => [prefix, ...digits.map(String)].join(".")),
  );
  const codes = fc.array(code, { minLength: 1, maxLength: 4 });

  const relation: fc.Arbitrary<RuleExpression> = fc.oneof(
    fc.record({
      kind: fc.constant("balance" as const),
      left: codes,
      right: codes,
      relation: fc.constant("eq" as const),
    }),
    fc.record({
      kind: fc.constantFrom("ofWhich" as const, "stock" as const, "order" as const),
      left: codes,
      right: codes,
      relation: fc.constant("le" as const),
    }),
    fc
      .tuple(
        fc.constantFrom("ofWhich" as const, "stock" as const, "order" as const),
        codes,
        fc.integer({ min: 0, max: 10000 }).map((tenths) => tenths / 10),
      )
      .map(([kind, left, rightPercent]) => ({
        kind,
        left,
        right: [],
        rightPercent,
        relation: "le" as const,
      })),
    fc.record({
      kind: fc.constant("pattern" as const),
      pairs: fc.array(fc.tuple(code, code), { minLength: 1, maxLength: 5 }),
    }),
  );

  const derived: fc.Arbitrary<Derived> = fc.record({
    plus: codes,
    minus: fc.array(code, { maxLength: 3 }),
    denominator: codes,
  });

  /** The same expression as another keyboard types it: other spaces, symbols, full-width forms. */
  const VARIANTS: Readonly<Record<string, readonly string[]>> = {
    " ": ["", " ", "  ", "\u00a0", "\u3000", "\t"],
    "+": ["+", "＋"],
    "-": ["-", "−", "－"],
    "/": ["/", "／", "÷"],
    "(": ["(", "（"],
    ")": [")", "）"],
    "=": ["=", "＝"],
    "<=": ["<=", "≤", "＜＝", "=<"],
    ">=": [">=", "≥", "＞＝", "=>"],
    "~": ["~", "～", "↔"],
    ";": [";", "；"],
  };
  const retyped = (text: string, choices: readonly number[]) => {
    let at = 0;
    return text.replace(/<=|>=|[ +\-/()=~;]/g, (symbol) => {
      const options = VARIANTS[symbol]!;
      return options[(choices[at++ % choices.length] ?? 0) % options.length]!;
    });
  };
  const choices = fc.array(fc.nat(), { minLength: 1, maxLength: 12 });

  it("reads back every generated rule, however it is typed", () => {
    fc.assert(
      fc.property(relation, choices, (rule, picks) => {
        const text = retyped(formatRule(rule), picks);
        // fast-check's records have no prototype; the reader's values are plain objects.
        const value = { ...rule };
        expect(parseRule(text, rule.kind)).toStrictEqual({ ok: true, value });
        expect(parseRule(`=${text}`, rule.kind)).toStrictEqual({ ok: true, value });
      }),
      { numRuns: 300 },
    );
  });

  it("reads back every generated rate, however it is typed", () => {
    fc.assert(
      fc.property(derived, choices, (formula, picks) => {
        const text = retyped(formatDerived(formula), picks);
        expect(parseDerived(text)).toStrictEqual({ ok: true, value: { ...formula } });
      }),
      { numRuns: 300 },
    );
  });

  it("refuses, never throws, on any text, and points inside it", () => {
    const alphabet = fc.constantFrom(..."HS.1234abAZ+-*/()=<>~;%,@ \u00a0≤≥＝".split(""));
    const texts = fc.oneof(
      fc.array(alphabet, { maxLength: 30 }).map((chars) => chars.join("")),
      // Any UTF-16 at all, lone surrogates included, as a damaged file may hold.
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        for (const read of [parseDerived(text), parseRule(text, "order"), parseRule(text, "pattern")]) {
          if (read.ok) continue;
          expect(read.problem.offset).toBeGreaterThanOrEqual(0);
          expect(read.problem.offset + read.problem.length).toBeLessThanOrEqual(text.length);
          expect(read.problem.params.text).toBe(text);
          const message = expressionProblemMessage(read.problem);
          if (read.problem.kind !== "expression_empty") expect(message.vi).toContain(`«${text}»`);
          expect(message.en).toMatch(/^The (expression|formula) /);
        }
        // Whatever reads at all reads as the grammar's codes.
        const rate = parseDerived(text);
        if (rate.ok) {
          for (const item of [...rate.value.plus, ...rate.value.minus, ...rate.value.denominator])
            expect(isCode(item)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

type Refusal = readonly [
  text: string,
  as: RuleKindName | "derived",
  kind: ExpressionProblemKind,
  offset: number,
  length: number,
  vi: string,
  en: string,
];

function refusal(text: string, as: RuleKindName | "derived"): ExpressionProblem {
  const read = as === "derived" ? parseDerived(text) : parseRule(text, as);
  if (read.ok) throw new Error(`«${text}» was read: ${JSON.stringify(read.value)}`);
  return read.problem;
}

const RULE_REFUSALS: readonly Refusal[] = [
  [
    "HS.1 = *HS.2",
    "balance",
    "expression_product",
    7,
    1,
    "Biểu thức «HS.1 = *HS.2» không đọc được ở ký tự 8: không dùng phép nhân «*» (ô tỷ lệ đã định dạng %, không cần nhân 100).",
    `The expression "HS.1 = *HS.2" cannot be read at character 8: no multiplication "*" (a rate's cell is formatted as %, nothing is multiplied by 100).`,
  ],
  [
    "HS.1 = HS.1.1 HS.1.2",
    "balance",
    "expression_unexpected",
    14,
    6,
    "Biểu thức «HS.1 = HS.1.1 HS.1.2» không đọc được ở ký tự 15: cần «+» hoặc hết biểu thức, gặp «HS.1.2».",
    'The expression "HS.1 = HS.1.1 HS.1.2" cannot be read at character 15: expected "+" or the end, found "HS.1.2".',
  ],
  [
    "HS.1 HS.1.1",
    "balance",
    "expression_unexpected",
    5,
    6,
    "Biểu thức «HS.1 HS.1.1» không đọc được ở ký tự 6: cần «+» hoặc một dấu so sánh (=, <=, >=), gặp «HS.1.1».",
    'The expression "HS.1 HS.1.1" cannot be read at character 6: expected "+" or a comparison (=, <=, >=), found "HS.1.1".',
  ],
  [
    "HS.1 <=",
    "order",
    "expression_unexpected",
    7,
    0,
    "Biểu thức «HS.1 <=» không đọc được ở cuối: cần một mã chỉ tiêu hoặc một tỷ lệ như 100%, nhưng biểu thức đã hết.",
    'The expression "HS.1 <=" cannot be read at its end: expected an indicator code or a percentage such as 100%, found the end.',
  ],
  [
    "HS.5",
    "order",
    "expression_unexpected",
    4,
    0,
    "Biểu thức «HS.5» không đọc được ở cuối: cần «+» hoặc một dấu so sánh (=, <=, >=), nhưng biểu thức đã hết.",
    'The expression "HS.5" cannot be read at its end: expected "+" or a comparison (=, <=, >=), found the end.',
  ],
  [
    "2.5 <= 2.4 <= 2.2",
    "order",
    "expression_unexpected",
    11,
    2,
    "Biểu thức «2.5 <= 2.4 <= 2.2» không đọc được ở ký tự 12: cần «+» hoặc hết biểu thức, gặp «<=».",
    'The expression "2.5 <= 2.4 <= 2.2" cannot be read at character 12: expected "+" or the end, found "<=".',
  ],
  [
    "(HS.2 + HS.3) <= HS.1",
    "stock",
    "expression_unexpected",
    0,
    1,
    "Biểu thức «(HS.2 + HS.3) <= HS.1» không đọc được ở ký tự 1: cần một mã chỉ tiêu hoặc một tỷ lệ như 100%, gặp «(».",
    'The expression "(HS.2 + HS.3) <= HS.1" cannot be read at character 1: expected an indicator code or a percentage such as 100%, found "(".',
  ],
  [
    "",
    "balance",
    "expression_empty",
    0,
    0,
    "Biểu thức trống: ô chưa có biểu thức, hoặc chỉ có dấu «=».",
    'The expression is empty: the cell holds none, or only "=".',
  ],
  [
    " = ",
    "order",
    "expression_empty",
    0,
    3,
    "Biểu thức trống: ô chưa có biểu thức, hoặc chỉ có dấu «=».",
    'The expression is empty: the cell holds none, or only "=".',
  ],
  [
    "HS.1 ≠ HS.2",
    "order",
    "expression_bad_character",
    5,
    1,
    "Biểu thức «HS.1 ≠ HS.2» không đọc được ở ký tự 6: ký tự «≠» không dùng trong biểu thức (chỉ dùng mã chỉ tiêu, tỷ lệ như 100% và các dấu + - / ( ) = <= >= ~ ;).",
    'The expression "HS.1 ≠ HS.2" cannot be read at character 6: the character "≠" has no place in an expression (only indicator codes, a percentage such as 100% and + - / ( ) = <= >= ~ ;).',
  ],
  [
    "😀 HS.1 <= HS.2",
    "order",
    "expression_bad_character",
    0,
    2,
    "Biểu thức «😀 HS.1 <= HS.2» không đọc được ở ký tự 1: ký tự «😀» không dùng trong biểu thức (chỉ dùng mã chỉ tiêu, tỷ lệ như 100% và các dấu + - / ( ) = <= >= ~ ;).",
    'The expression "😀 HS.1 <= HS.2" cannot be read at character 1: the character "😀" has no place in an expression (only indicator codes, a percentage such as 100% and + - / ( ) = <= >= ~ ;).',
  ],
  [
    "1.1.2 <= 😀 + ?",
    "order",
    "expression_bad_character",
    9,
    2,
    "Biểu thức «1.1.2 <= 😀 + ?» không đọc được ở ký tự 10: ký tự «😀» không dùng trong biểu thức (chỉ dùng mã chỉ tiêu, tỷ lệ như 100% và các dấu + - / ( ) = <= >= ~ ;).",
    'The expression "1.1.2 <= 😀 + ?" cannot be read at character 10: the character "😀" has no place in an expression (only indicator codes, a percentage such as 100% and + - / ( ) = <= >= ~ ;).',
  ],
  [
    "hs.1 = HS.1.1 + HS.1.2",
    "balance",
    "expression_not_code",
    0,
    4,
    "Biểu thức «hs.1 = HS.1.1 + HS.1.2» không đọc được ở ký tự 1: «hs.1» không phải mã chỉ tiêu (mã là các số cách nhau bởi dấu chấm, có thể thêm một chữ thường a–z ở cuối như 3.1.3.a, hoặc 2–4 chữ in hoa rồi các số như HS.2.1); viết đúng là HS.1.",
    'The expression "hs.1 = HS.1.1 + HS.1.2" cannot be read at character 1: "hs.1" is not an indicator code (digits separated by dots, optionally ending in one lower-case letter a–z as 3.1.3.a, or 2–4 capital letters then digits as HS.2.1); write HS.1.',
  ],
  [
    "3.1.3 >= 3.1.3.A + 3.1.3.b",
    "ofWhich",
    "expression_not_code",
    9,
    7,
    "Biểu thức «3.1.3 >= 3.1.3.A + 3.1.3.b» không đọc được ở ký tự 10: «3.1.3.A» không phải mã chỉ tiêu (mã là các số cách nhau bởi dấu chấm, có thể thêm một chữ thường a–z ở cuối như 3.1.3.a, hoặc 2–4 chữ in hoa rồi các số như HS.2.1); viết đúng là 3.1.3.a.",
    'The expression "3.1.3 >= 3.1.3.A + 3.1.3.b" cannot be read at character 10: "3.1.3.A" is not an indicator code (digits separated by dots, optionally ending in one lower-case letter a–z as 3.1.3.a, or 2–4 capital letters then digits as HS.2.1); write 3.1.3.a.',
  ],
  [
    "Tổng <= HS.1",
    "order",
    "expression_not_code",
    0,
    4,
    "Biểu thức «Tổng <= HS.1» không đọc được ở ký tự 1: «Tổng» không phải mã chỉ tiêu (mã là các số cách nhau bởi dấu chấm, có thể thêm một chữ thường a–z ở cuối như 3.1.3.a, hoặc 2–4 chữ in hoa rồi các số như HS.2.1).",
    'The expression "Tổng <= HS.1" cannot be read at character 1: "Tổng" is not an indicator code (digits separated by dots, optionally ending in one lower-case letter a–z as 3.1.3.a, or 2–4 capital letters then digits as HS.2.1).',
  ],
  [
    "SUM(HS.1.1, HS.1.2) = HS.1",
    "balance",
    "expression_function",
    0,
    3,
    "Biểu thức «SUM(HS.1.1, HS.1.2) = HS.1» không đọc được ở ký tự 1: không dùng hàm «SUM»; biểu thức chỉ gồm mã chỉ tiêu, phép cộng, phép trừ và một phép chia.",
    'The expression "SUM(HS.1.1, HS.1.2) = HS.1" cannot be read at character 1: no function such as "SUM"; an expression holds only indicator codes, additions, subtractions and one division.',
  ],
  [
    "HS.4 / HS.2 <= 100%",
    "order",
    "expression_division_in_rule",
    5,
    1,
    "Biểu thức «HS.4 / HS.2 <= 100%» không đọc được ở ký tự 6: quy tắc không dùng phép chia «/»; tỷ lệ là một chỉ tiêu có công thức riêng.",
    'The expression "HS.4 / HS.2 <= 100%" cannot be read at character 6: a rule has no division "/"; a rate is an indicator with its own formula.',
  ],
  [
    "HS.1 - HS.2 >= HS.3",
    "stock",
    "expression_minus_in_rule",
    5,
    1,
    "Biểu thức «HS.1 - HS.2 >= HS.3» không đọc được ở ký tự 6: quy tắc chỉ cộng các mã, không trừ «-»; chuyển mã đó sang vế bên kia.",
    'The expression "HS.1 - HS.2 >= HS.3" cannot be read at character 6: a rule only adds codes, never subtracts "-"; move that code to the other side.',
  ],
  [
    "1.1.2 < 1.1.1",
    "order",
    "expression_strict_relation",
    6,
    1,
    "Biểu thức «1.1.2 < 1.1.1» không đọc được ở ký tự 7: không dùng so sánh ngặt «<»; dùng «<=», «>=» hoặc «=».",
    'The expression "1.1.2 < 1.1.1" cannot be read at character 7: no strict comparison "<"; use "<=", ">=" or "=".',
  ],
  [
    "HS.1 ≥ HS.1.1 + HS.1.2",
    "balance",
    "expression_relation_kind",
    5,
    1,
    "Biểu thức «HS.1 ≥ HS.1.1 + HS.1.2» không đọc được ở ký tự 6: quy tắc loại «cân đối» cần dấu «=», gặp «≥».",
    'The expression "HS.1 ≥ HS.1.1 + HS.1.2" cannot be read at character 6: a balance rule needs "=", found "≥".',
  ],
  [
    "3.1.3 = 3.1.3.a + 3.1.3.b",
    "ofWhich",
    "expression_relation_kind",
    6,
    1,
    "Biểu thức «3.1.3 = 3.1.3.a + 3.1.3.b» không đọc được ở ký tự 7: quy tắc loại «trong đó» cần dấu «<=» hoặc «>=», gặp «=».",
    'The expression "3.1.3 = 3.1.3.a + 3.1.3.b" cannot be read at character 7: an of-which rule needs "<=" or ">=", found "=".',
  ],
  [
    "HS.2 + HS.3 = HS.1",
    "stock",
    "expression_relation_kind",
    12,
    1,
    "Biểu thức «HS.2 + HS.3 = HS.1» không đọc được ở ký tự 13: quy tắc loại «tồn» cần dấu «<=» hoặc «>=», gặp «=».",
    'The expression "HS.2 + HS.3 = HS.1" cannot be read at character 13: a stock rule needs "<=" or ">=", found "=".',
  ],
  [
    "100% <= 7.6.2.a",
    "order",
    "expression_percent_misplaced",
    0,
    4,
    "Biểu thức «100% <= 7.6.2.a» không đọc được ở ký tự 1: tỷ lệ «100%» phải đứng một mình ở vế lớn hơn, đối diện các mã (ví dụ 7.6.2.a + 7.6.2.b <= 100%).",
    'The expression "100% <= 7.6.2.a" cannot be read at character 1: the percentage "100%" must stand alone on the larger side, facing codes (e.g. 7.6.2.a + 7.6.2.b <= 100%).',
  ],
  [
    "7.6.2.a <= 7.6.2.b + 50%",
    "order",
    "expression_percent_misplaced",
    21,
    3,
    "Biểu thức «7.6.2.a <= 7.6.2.b + 50%» không đọc được ở ký tự 22: tỷ lệ «50%» phải đứng một mình ở vế lớn hơn, đối diện các mã (ví dụ 7.6.2.a + 7.6.2.b <= 100%).",
    'The expression "7.6.2.a <= 7.6.2.b + 50%" cannot be read at character 22: the percentage "50%" must stand alone on the larger side, facing codes (e.g. 7.6.2.a + 7.6.2.b <= 100%).',
  ],
  [
    "7.6.2.a <= 1.2.3%",
    "order",
    "expression_bad_percent",
    11,
    6,
    "Biểu thức «7.6.2.a <= 1.2.3%» không đọc được ở ký tự 12: «1.2.3%» không phải một tỷ lệ phần trăm (ví dụ 100%, 99,5%).",
    'The expression "7.6.2.a <= 1.2.3%" cannot be read at character 12: "1.2.3%" is not a percentage (such as 100%, 99.5%).',
  ],
  [
    "4.3.1 = 4.2.1",
    "pattern",
    "expression_unexpected",
    6,
    1,
    "Biểu thức «4.3.1 = 4.2.1» không đọc được ở ký tự 7: cần «~», gặp «=».",
    'The expression "4.3.1 = 4.2.1" cannot be read at character 7: expected "~", found "=".',
  ],
  [
    "4.3.1 ~ 4.2.1, 4.3.2 ~ 4.2.2",
    "pattern",
    "expression_bad_character",
    13,
    1,
    "Biểu thức «4.3.1 ~ 4.2.1, 4.3.2 ~ 4.2.2» không đọc được ở ký tự 14: ký tự «,» không dùng trong biểu thức (chỉ dùng mã chỉ tiêu, tỷ lệ như 100% và các dấu + - / ( ) = <= >= ~ ;).",
    'The expression "4.3.1 ~ 4.2.1, 4.3.2 ~ 4.2.2" cannot be read at character 14: the character "," has no place in an expression (only indicator codes, a percentage such as 100% and + - / ( ) = <= >= ~ ;).',
  ],
  [
    "4.3.1 ~ 4.2.1 4.3.2 ~ 4.2.2",
    "pattern",
    "expression_unexpected",
    14,
    5,
    "Biểu thức «4.3.1 ~ 4.2.1 4.3.2 ~ 4.2.2» không đọc được ở ký tự 15: cần «;» hoặc hết biểu thức, gặp «4.3.2».",
    'The expression "4.3.1 ~ 4.2.1 4.3.2 ~ 4.2.2" cannot be read at character 15: expected ";" or the end, found "4.3.2".',
  ],
  [
    "4.3.1 ~ 4.2.1;; 4.3.2 ~ 4.2.2",
    "pattern",
    "expression_unexpected",
    14,
    1,
    "Biểu thức «4.3.1 ~ 4.2.1;; 4.3.2 ~ 4.2.2» không đọc được ở ký tự 15: cần một mã chỉ tiêu, gặp «;».",
    'The expression "4.3.1 ~ 4.2.1;; 4.3.2 ~ 4.2.2" cannot be read at character 15: expected an indicator code, found ";".',
  ],
  [
    "4.3.1 ~",
    "pattern",
    "expression_unexpected",
    7,
    0,
    "Biểu thức «4.3.1 ~» không đọc được ở cuối: cần một mã chỉ tiêu, nhưng biểu thức đã hết.",
    'The expression "4.3.1 ~" cannot be read at its end: expected an indicator code, found the end.',
  ],
];

const DERIVED_REFUSALS: readonly Refusal[] = [
  [
    "HS.2.1 / HS.2 * 100",
    "derived",
    "expression_product",
    14,
    1,
    "Biểu thức «HS.2.1 / HS.2 * 100» không đọc được ở ký tự 15: không dùng phép nhân «*» (ô tỷ lệ đã định dạng %, không cần nhân 100).",
    `The expression "HS.2.1 / HS.2 * 100" cannot be read at character 15: no multiplication "*" (a rate's cell is formatted as %, nothing is multiplied by 100).`,
  ],
  [
    "HS.2.1 × HS.2",
    "derived",
    "expression_product",
    7,
    1,
    "Biểu thức «HS.2.1 × HS.2» không đọc được ở ký tự 8: không dùng phép nhân «×» (ô tỷ lệ đã định dạng %, không cần nhân 100).",
    `The expression "HS.2.1 × HS.2" cannot be read at character 8: no multiplication "×" (a rate's cell is formatted as %, nothing is multiplied by 100).`,
  ],
  [
    "HS.2.1 / 100%",
    "derived",
    "expression_constant",
    9,
    4,
    "Biểu thức «HS.2.1 / 100%» không đọc được ở ký tự 10: công thức tỷ lệ không dùng hằng số «100%»; tử số và mẫu số chỉ gồm mã chỉ tiêu.",
    `The expression "HS.2.1 / 100%" cannot be read at character 10: a rate's formula has no constant "100%"; its numerator and denominator hold indicator codes only.`,
  ],
  [
    "(100% - 4.2.1) / BC.1",
    "derived",
    "expression_constant",
    1,
    4,
    "Biểu thức «(100% - 4.2.1) / BC.1» không đọc được ở ký tự 2: công thức tỷ lệ không dùng hằng số «100%»; tử số và mẫu số chỉ gồm mã chỉ tiêu.",
    `The expression "(100% - 4.2.1) / BC.1" cannot be read at character 2: a rate's formula has no constant "100%"; its numerator and denominator hold indicator codes only.`,
  ],
  [
    "HS.2.1 / HS.2 / HS.1",
    "derived",
    "expression_nested_division",
    14,
    1,
    "Biểu thức «HS.2.1 / HS.2 / HS.1» không đọc được ở ký tự 15: chỉ được một phép chia «/» (tử số / mẫu số, mỗi vế là một mã hoặc một tổng trong ngoặc).",
    'The expression "HS.2.1 / HS.2 / HS.1" cannot be read at character 15: only one division "/" (numerator / denominator, each a code or a sum in parentheses).',
  ],
  [
    "(HS.2.1 / HS.2) / HS.1",
    "derived",
    "expression_nested_division",
    8,
    1,
    "Biểu thức «(HS.2.1 / HS.2) / HS.1» không đọc được ở ký tự 9: chỉ được một phép chia «/» (tử số / mẫu số, mỗi vế là một mã hoặc một tổng trong ngoặc).",
    'The expression "(HS.2.1 / HS.2) / HS.1" cannot be read at character 9: only one division "/" (numerator / denominator, each a code or a sum in parentheses).',
  ],
  [
    "HS.2.1 / (HS.2 / HS.1)",
    "derived",
    "expression_nested_division",
    15,
    1,
    "Biểu thức «HS.2.1 / (HS.2 / HS.1)» không đọc được ở ký tự 16: chỉ được một phép chia «/» (tử số / mẫu số, mỗi vế là một mã hoặc một tổng trong ngoặc).",
    'The expression "HS.2.1 / (HS.2 / HS.1)" cannot be read at character 16: only one division "/" (numerator / denominator, each a code or a sum in parentheses).',
  ],
  [
    "BC.1 - 4.2.1 / BC.1",
    "derived",
    "expression_parentheses_needed",
    0,
    12,
    "Biểu thức «BC.1 - 4.2.1 / BC.1» không đọc được ở ký tự 1: tử số có nhiều mã phải đặt trong ngoặc, ví dụ (BC.1 - 4.2.1) / BC.1.",
    'The expression "BC.1 - 4.2.1 / BC.1" cannot be read at character 1: a numerator of several codes goes in parentheses, e.g. (BC.1 - 4.2.1) / BC.1.',
  ],
  [
    "HS.2.1 / HS.2 + HS.3",
    "derived",
    "expression_parentheses_needed",
    9,
    11,
    "Biểu thức «HS.2.1 / HS.2 + HS.3» không đọc được ở ký tự 10: mẫu số có nhiều mã phải đặt trong ngoặc, ví dụ HS.2.1 / (HS.2 + HS.3).",
    'The expression "HS.2.1 / HS.2 + HS.3" cannot be read at character 10: a denominator of several codes goes in parentheses, e.g. HS.2.1 / (HS.2 + HS.3).',
  ],
  [
    "HS.2.1 / (HS.2 - HS.3)",
    "derived",
    "expression_minus_in_denominator",
    15,
    1,
    "Biểu thức «HS.2.1 / (HS.2 - HS.3)» không đọc được ở ký tự 16: mẫu số là một mã hoặc tổng các mã, không trừ «-».",
    'The expression "HS.2.1 / (HS.2 - HS.3)" cannot be read at character 16: the denominator is a code or a sum of codes, never a difference "-".',
  ],
  [
    "HS.2.1 / HS.2 - HS.3",
    "derived",
    "expression_minus_in_denominator",
    14,
    1,
    "Biểu thức «HS.2.1 / HS.2 - HS.3» không đọc được ở ký tự 15: mẫu số là một mã hoặc tổng các mã, không trừ «-».",
    'The expression "HS.2.1 / HS.2 - HS.3" cannot be read at character 15: the denominator is a code or a sum of codes, never a difference "-".',
  ],
  [
    "HS.2.1 + HS.3.1",
    "derived",
    "expression_not_ratio",
    0,
    15,
    "Công thức «HS.2.1 + HS.3.1» không phải một tỷ lệ: cần tử số / mẫu số, ví dụ HS.2.1 / HS.2 hoặc (BC.1 - 4.2.1) / BC.1.",
    'The formula "HS.2.1 + HS.3.1" is not a rate: write numerator / denominator, e.g. HS.2.1 / HS.2 or (BC.1 - 4.2.1) / BC.1.',
  ],
  [
    "(HS.2.1 + HS.3.1)",
    "derived",
    "expression_not_ratio",
    0,
    17,
    "Công thức «(HS.2.1 + HS.3.1)» không phải một tỷ lệ: cần tử số / mẫu số, ví dụ HS.2.1 / HS.2 hoặc (BC.1 - 4.2.1) / BC.1.",
    'The formula "(HS.2.1 + HS.3.1)" is not a rate: write numerator / denominator, e.g. HS.2.1 / HS.2 or (BC.1 - 4.2.1) / BC.1.',
  ],
  [
    "(HS.2.1 + HS.3.1) HS.2",
    "derived",
    "expression_unexpected",
    18,
    4,
    "Biểu thức «(HS.2.1 + HS.3.1) HS.2» không đọc được ở ký tự 19: cần «/», gặp «HS.2».",
    'The expression "(HS.2.1 + HS.3.1) HS.2" cannot be read at character 19: expected "/", found "HS.2".',
  ],
  [
    "(BC.1 - 4.2.1 / BC.1",
    "derived",
    "expression_nested_division",
    14,
    1,
    "Biểu thức «(BC.1 - 4.2.1 / BC.1» không đọc được ở ký tự 15: chỉ được một phép chia «/» (tử số / mẫu số, mỗi vế là một mã hoặc một tổng trong ngoặc).",
    'The expression "(BC.1 - 4.2.1 / BC.1" cannot be read at character 15: only one division "/" (numerator / denominator, each a code or a sum in parentheses).',
  ],
  [
    "HS.2.1 / (HS.2 + HS.3",
    "derived",
    "expression_unclosed",
    9,
    1,
    "Biểu thức «HS.2.1 / (HS.2 + HS.3» không đọc được ở ký tự 10: dấu ngoặc «(» này chưa được đóng bằng «)».",
    'The expression "HS.2.1 / (HS.2 + HS.3" cannot be read at character 10: this "(" is never closed by ")".',
  ],
  [
    "HS.2.1 / HS.2)",
    "derived",
    "expression_unexpected",
    13,
    1,
    "Biểu thức «HS.2.1 / HS.2)» không đọc được ở ký tự 14: cần hết biểu thức, gặp «)».",
    'The expression "HS.2.1 / HS.2)" cannot be read at character 14: expected the end, found ")".',
  ],
  [
    "-HS.2.1 / HS.2",
    "derived",
    "expression_unexpected",
    0,
    1,
    "Biểu thức «-HS.2.1 / HS.2» không đọc được ở ký tự 1: cần một mã chỉ tiêu, gặp «-».",
    'The expression "-HS.2.1 / HS.2" cannot be read at character 1: expected an indicator code, found "-".',
  ],
  [
    "((BC.1 - 4.2.1)) / BC.1",
    "derived",
    "expression_unexpected",
    1,
    1,
    "Biểu thức «((BC.1 - 4.2.1)) / BC.1» không đọc được ở ký tự 2: cần một mã chỉ tiêu, gặp «(».",
    'The expression "((BC.1 - 4.2.1)) / BC.1" cannot be read at character 2: expected an indicator code, found "(".',
  ],
  [
    "HS.2.1 / ",
    "derived",
    "expression_unexpected",
    9,
    0,
    "Biểu thức «HS.2.1 / » không đọc được ở cuối: cần một mã chỉ tiêu, nhưng biểu thức đã hết.",
    'The expression "HS.2.1 / " cannot be read at its end: expected an indicator code, found the end.',
  ],
  [
    "HS.2.1 = HS.2",
    "derived",
    "expression_unexpected",
    7,
    1,
    "Biểu thức «HS.2.1 = HS.2» không đọc được ở ký tự 8: cần «+», «-» hoặc «/», gặp «=».",
    'The expression "HS.2.1 = HS.2" cannot be read at character 8: expected "+", "-" or "/", found "=".',
  ],
  [
    "ROUND(HS.2.1 / HS.2, 2)",
    "derived",
    "expression_function",
    0,
    5,
    "Biểu thức «ROUND(HS.2.1 / HS.2, 2)» không đọc được ở ký tự 1: không dùng hàm «ROUND»; biểu thức chỉ gồm mã chỉ tiêu, phép cộng, phép trừ và một phép chia.",
    'The expression "ROUND(HS.2.1 / HS.2, 2)" cannot be read at character 1: no function such as "ROUND"; an expression holds only indicator codes, additions, subtractions and one division.',
  ],
  [
    "=D21/D20",
    "derived",
    "expression_cell_reference",
    1,
    3,
    "Biểu thức «=D21/D20» không đọc được ở ký tự 2: «D21» là địa chỉ ô, không phải mã chỉ tiêu; biểu thức ghi theo mã chỉ tiêu (như HS.2.1 / HS.2), không theo ô.",
    'The expression "=D21/D20" cannot be read at character 2: "D21" is a cell\'s address, not an indicator code; an expression names codes (such as HS.2.1 / HS.2), never cells.',
  ],
  [
    "VB.1 / $H$40",
    "derived",
    "expression_cell_reference",
    7,
    5,
    "Biểu thức «VB.1 / $H$40» không đọc được ở ký tự 8: «$H$40» là địa chỉ ô, không phải mã chỉ tiêu; biểu thức ghi theo mã chỉ tiêu (như HS.2.1 / HS.2), không theo ô.",
    'The expression "VB.1 / $H$40" cannot be read at character 8: "$H$40" is a cell\'s address, not an indicator code; an expression names codes (such as HS.2.1 / HS.2), never cells.',
  ],
  [
    "DVC1 / DVC.2",
    "derived",
    "expression_not_code",
    0,
    4,
    "Biểu thức «DVC1 / DVC.2» không đọc được ở ký tự 1: «DVC1» không phải mã chỉ tiêu (mã là các số cách nhau bởi dấu chấm, có thể thêm một chữ thường a–z ở cuối như 3.1.3.a, hoặc 2–4 chữ in hoa rồi các số như HS.2.1); viết đúng là DVC.1.",
    'The expression "DVC1 / DVC.2" cannot be read at character 1: "DVC1" is not an indicator code (digits separated by dots, optionally ending in one lower-case letter a–z as 3.1.3.a, or 2–4 capital letters then digits as HS.2.1); write DVC.1.',
  ],
];

describe("refusals are data with the place and the reason, rendered in both languages", () => {
  it.each(RULE_REFUSALS)("refuses the rule «%s» (%s)", (text, as, kind, offset, length, vi, en) => {
    const problem = refusal(text, as);
    expect([problem.kind, problem.offset, problem.length]).toEqual([kind, offset, length]);
    expect(expressionProblemMessage(problem)).toEqual({ vi, en });
  });

  it.each(DERIVED_REFUSALS)("refuses the formula «%s»", (text, as, kind, offset, length, vi, en) => {
    const problem = refusal(text, as);
    expect([problem.kind, problem.offset, problem.length]).toEqual([kind, offset, length]);
    expect(expressionProblemMessage(problem)).toEqual({ vi, en });
  });

  it("has a refusal here of every kind of expression problem", () => {
    const seen = new Set([...RULE_REFUSALS, ...DERIVED_REFUSALS].map(([, , kind]) => kind));
    const every: Record<ExpressionProblemKind, true> = {
      expression_empty: true,
      expression_unexpected: true,
      expression_bad_character: true,
      expression_not_code: true,
      expression_cell_reference: true,
      expression_function: true,
      expression_product: true,
      expression_division_in_rule: true,
      expression_minus_in_rule: true,
      expression_strict_relation: true,
      expression_relation_kind: true,
      expression_percent_misplaced: true,
      expression_bad_percent: true,
      expression_constant: true,
      expression_parentheses_needed: true,
      expression_nested_division: true,
      expression_not_ratio: true,
      expression_minus_in_denominator: true,
      expression_unclosed: true,
    };
    expect([...seen].sort()).toEqual(Object.keys(every).sort());
  });

  it("points at the first problem from the left when there are several", () => {
    const problem = refusal("HS.1 * HS.2 @ HS.3", "order");
    expect([problem.kind, problem.offset]).toEqual(["expression_product", 5]);
  });
});

describe("the loại words of a definition's rules", () => {
  it("names every rule kind by one word, and each word names its kind back", () => {
    expect(RULE_KIND_WORDS).toEqual({
      "cân đối": "balance",
      "trong đó": "ofWhich",
      tồn: "stock",
      "thứ tự": "order",
      "sao chép": "pattern",
    });
    for (const [kind, word] of Object.entries(RULE_KIND_WORD)) expect(ruleKindOf(word)).toBe(kind);
  });

  it("reads a word whatever its case, spacing or Unicode composition, and no other word", () => {
    expect(ruleKindOf("  Cân   Đối ")).toBe("balance");
    expect(ruleKindOf("thứ tự".normalize("NFD"))).toBe("order");
    expect(ruleKindOf("TRONG ĐÓ")).toBe("ofWhich");
    expect(ruleKindOf("balance")).toBeUndefined();
    expect(ruleKindOf("toString")).toBeUndefined();
    expect(ruleKindOf("")).toBeUndefined();
  });
});
