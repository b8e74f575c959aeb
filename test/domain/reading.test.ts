import fc from "fast-check";
import { catalogue } from "../../src/domain/catalogue";
import type { RowDef } from "../../src/domain/catalogue";
import type { CellInput, CellScalar } from "../../src/domain/cell";
import { amountFromPercent, formatCount } from "../../src/domain/format";
import { readValue } from "../../src/domain/reading";
import type { Reading, ReadingProblem, Severity } from "../../src/domain/values";

function row(code: string): RowDef {
  const found = catalogue.byCode.get(code);
  if (!found) throw new Error(`no row ${code} in the catalogue`);
  return found;
}

const COUNT = "3.1.1";
const PERCENT = "7.8.3";
const REDUCTION = "4.2.5";
const NO_YES = "1.2";
const PROGRESS = "7.2";
const HEADING = "3";

function cell(value: CellScalar, numberFormat?: string): CellInput {
  return numberFormat === undefined ? { value } : { value, numberFormat };
}

const blank: Reading = { state: "blank" };
const na = (text: string): Reading => ({ state: "na", text });
const count = (amount: number): Reading => ({ state: "value", amount });
const textCount = (amount: number, raw: string): Reading => ({
  state: "value",
  amount,
  issue: { problem: "text_number", severity: "info", raw },
});
const percent = (scaled: number, decimals: number, issue?: [ReadingProblem, Severity, string]): Reading => {
  const p = { scaled, decimals };
  const reading = { state: "value" as const, amount: amountFromPercent(p), percent: p };
  return issue ? { ...reading, issue: { problem: issue[0], severity: issue[1], raw: issue[2] } } : reading;
};
const textPercent = (scaled: number, decimals: number, raw: string) =>
  percent(scaled, decimals, ["text_number", "info", raw]);
const SEVERITY: Record<ReadingProblem, Severity> = {
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
/** The reading of a stored number that cannot be read: messages quote `stored`, or `shown` as its cell shows it. */
const unreadableNumber = (
  problem: ReadingProblem,
  raw: string,
  stored: number,
  more: { suggestion?: number; shown?: { scaled: number; decimals: number } } = {},
): Reading => ({
  state: "unreadable",
  issue: { problem, severity: SEVERITY[problem], raw, stored, ...(more.shown ? { shown: more.shown } : {}) },
  ...(more.suggestion !== undefined ? { suggestion: more.suggestion } : {}),
});
const unreadable = (problem: ReadingProblem, raw: string, suggestion?: number): Reading =>
  suggestion === undefined
    ? { state: "unreadable", issue: { problem, severity: SEVERITY[problem], raw } }
    : { state: "unreadable", issue: { problem, severity: SEVERITY[problem], raw }, suggestion };

// Decomposed (NFD) Vietnamese, as text pasted from a Mac or a web page may carry it.
const KPS_DECOMPOSED = "KHÔNG PHÁT SINH".normalize("NFD");

type Case = [name: string, code: string, input: CellInput | undefined, expected: Reading];

const CASES: Case[] = [
  // Blank is "not reported", never 0.
  ["reads a missing cell as blank", COUNT, undefined, blank],
  ["reads an empty cell as blank", COUNT, cell(null), blank],
  ["reads empty text as blank", COUNT, cell(""), blank],
  ["reads whitespace and no-break spaces as blank", PERCENT, cell("  \u00A0\t"), blank],
  ["reads a blank heading as blank", HEADING, cell(null), blank],
  ["reads a blank coded cell as blank", NO_YES, cell(" "), blank],

  // Formulas that reach outside the workbook are not figures anyone can check.
  [
    "refuses a count linked from another workbook",
    COUNT,
    { value: 3, formula: "[1]Sheet1!D9" },
    unreadable("unsafe_formula", "=[1]Sheet1!D9"),
  ],
  [
    "refuses a HYPERLINK in a percent row",
    PERCENT,
    { value: 0.5, formula: '=HYPERLINK("http://x.example",0.5)', numberFormat: "0%" },
    unreadable("unsafe_formula", '=HYPERLINK("http://x.example",0.5)'),
  ],
  [
    "refuses a DDE formula",
    COUNT,
    { value: 1, formula: "cmd|'/c calc'!A0" },
    unreadable("unsafe_formula", "=cmd|'/c calc'!A0"),
  ],
  [
    "reads the cached value of an ordinary formula",
    COUNT,
    { value: 12, formula: "SUM(D10:D12)" },
    expect.objectContaining({ state: "value", amount: 12 }),
  ],

  // Not applicable.
  ["reads a dash as not applicable", COUNT, cell("-"), na("-")],
  ["reads x as not applicable", COUNT, cell("x"), na("x")],
  ["reads X as not applicable in a percent row", PERCENT, cell(" X "), na("X")],
  ["reads Không phát sinh as not applicable", COUNT, cell("Không phát sinh"), na("Không phát sinh")],
  ["reads KPS in any case, trimmed, as not applicable", NO_YES, cell("  kps "), na("kps")],
  ["reads decomposed capitals as not applicable", COUNT, cell(KPS_DECOMPOSED), na(KPS_DECOMPOSED)],
  ["reads an en dash pasted from Word as not applicable", PERCENT, cell("\u2013"), na("\u2013")],
  ["reads a dash in a heading as not applicable, not a value", HEADING, cell("-"), na("-")],

  // Counts (DESIGN.md section 4, rows 1–6).
  ["reads a whole number as a count", COUNT, cell(2), count(2)],
  ["reads a count under a thousands format", COUNT, cell(1936, "#,##0"), count(1936)],
  ["reads zero as a count", COUNT, cell(0), count(0)],
  ["reads -0 as the count 0", COUNT, cell(-0), count(0)],
  ["reads a formula's float noise as the whole number shown", COUNT, cell(1935.9999999999998), count(1936)],
  ["reads text 02 as a count stored as text", COUNT, cell("02"), textCount(2, "02")],
  ["reads text 64.073 with dot thousands", COUNT, cell("64.073"), textCount(64073, "64.073")],
  ["reads text 64 073 with space thousands", COUNT, cell("64 073"), textCount(64073, "64 073")],
  ["reads no-break space thousands", COUNT, cell("64\u00A0073"), textCount(64073, "64\u00A0073")],
  ["reads text 1.936", COUNT, cell(" 1.936 "), textCount(1936, "1.936")],
  ["reads several dot groups", COUNT, cell("1.234.567"), textCount(1234567, "1.234.567")],
  [
    "reads several comma groups as en-US thousands",
    COUNT,
    cell("1,234,567"),
    textCount(1234567, "1,234,567"),
  ],
  [
    "flags the number 64.073 as not whole",
    COUNT,
    cell(64.073),
    unreadableNumber("not_whole_number", "64.073", 64.073, { suggestion: 64073 }),
  ],
  [
    "suggests 1936 for the number 1.936",
    COUNT,
    cell(1.936),
    unreadableNumber("not_whole_number", "1.936", 1.936, { suggestion: 1936 }),
  ],
  ["flags text 64,073 as not whole", COUNT, cell("64,073"), unreadable("not_whole_number", "64,073", 64073)],
  ["flags text 1.93673 as malformed", COUNT, cell("1.93673"), unreadable("malformed_number", "1.93673")],
  ["flags text 12.5.3 as malformed", COUNT, cell("12.5.3"), unreadable("malformed_number", "12.5.3")],
  ["flags a dot that groups nothing as malformed", COUNT, cell("1.5"), unreadable("malformed_number", "1.5")],
  [
    "flags spaces that group nothing as malformed",
    COUNT,
    cell("6 4073"),
    unreadable("malformed_number", "6 4073"),
  ],
  ["flags 1.5 as not a count", COUNT, cell(1.5), unreadableNumber("not_a_count", "1.5", 1.5)],
  ["flags two decimals as not a count", COUNT, cell(64.07), unreadableNumber("not_a_count", "64.07", 64.07)],
  ["flags 0.125 as not a count", COUNT, cell(0.125), unreadableNumber("not_a_count", "0.125", 0.125)],
  ["flags -3 as not a count", COUNT, cell(-3), unreadableNumber("not_a_count", "-3", -3)],
  ["flags text -3 as not a count", COUNT, cell("-3"), unreadable("not_a_count", "-3")],
  ["flags a decimal comma as not a count", COUNT, cell("1,5"), unreadable("not_a_count", "1,5")],
  ["flags text abc as not a count", COUNT, cell("abc"), unreadable("not_a_count", "abc")],
  ["flags a percentage as not a count", COUNT, cell("12%"), unreadable("not_a_count", "12%")],
  [
    "flags a count beyond exact integers",
    COUNT,
    cell(1e20),
    unreadableNumber("not_a_count", "100000000000000000000", 1e20),
  ],

  // Percentages stored as numbers with a % format.
  ["reads 0.125 with a % format as 12,5%", PERCENT, cell(0.125, "0.0%"), percent(125, 1)],
  ["reads 0.1192 at the two decimals shown", PERCENT, cell(0.1192, "0.00%"), percent(1192, 2)],
  ["reads a longer stored value as shown", PERCENT, cell(0.11923, "0.00%"), percent(1192, 2)],
  ["rounds the shown value half up", PERCENT, cell(0.11925, "0.00%"), percent(1193, 2)],
  ["reads a computed ratio as shown", PERCENT, cell(5 / 42, "0.00%"), percent(1190, 2)],
  ["keeps only significant decimals", PERCENT, cell(0.125, "0.00%"), percent(125, 1)],
  ["reads at the decimals a 0% format shows", PERCENT, cell(0.125, "0%"), percent(13, 0)],
  ["reads 1 with a % format as 100%", PERCENT, cell(1, "0%"), percent(100, 0)],
  ["reads 0 with a % format as 0%", PERCENT, cell(0, "0.00%"), percent(0, 0)],
  ["reads float noise as the value shown", PERCENT, cell(0.1 + 0.2, "0.00%"), percent(30, 0)],
  [
    "reads a format with colour and sections",
    PERCENT,
    cell(0.1192, "[Blue]0.00%;[Red]-0.00%"),
    percent(1192, 2),
  ],
  ["treats a quoted % as a literal, not a percent format", PERCENT, cell(12.5, '0.0"%"'), percent(125, 1)],
  [
    "flags 120% as out of range",
    PERCENT,
    cell(1.2, "0%"),
    unreadableNumber("percent_out_of_range", "1.2", 1.2, { shown: { scaled: 120, decimals: 0 } }),
  ],
  [
    "flags a barely-over 100% as out of range",
    PERCENT,
    cell(1.00001, "0%"),
    unreadableNumber("percent_out_of_range", "1.00001", 1.00001, { shown: { scaled: 100001, decimals: 3 } }),
  ],
  [
    "flags -5% as out of range",
    PERCENT,
    cell(-0.05, "0%"),
    unreadableNumber("percent_out_of_range", "-0.05", -0.05, { shown: { scaled: -5, decimals: 0 } }),
  ],

  // Percentages stored as plain numbers.
  ["reads 12.5 without a % format as 12,5%", PERCENT, cell(12.5), percent(125, 1)],
  ["reads 12.5 in General as 12,5%", PERCENT, cell(12.5, "General"), percent(125, 1)],
  ["reads 100 as 100%", PERCENT, cell(100), percent(100, 0)],
  ["reads 0 as 0%", PERCENT, cell(0), percent(0, 0)],
  ["reads General at four decimals at most", PERCENT, cell(11.923456), percent(119235, 4)],
  [
    "flags 1 without a % format as ambiguous",
    PERCENT,
    cell(1),
    unreadableNumber("ambiguous_percent", "1", 1),
  ],
  [
    "flags 0.5 without a % format as ambiguous",
    PERCENT,
    cell(0.5),
    unreadableNumber("ambiguous_percent", "0.5", 0.5),
  ],
  [
    "flags a ratio left in General as ambiguous",
    PERCENT,
    cell(0.1192, "General"),
    unreadableNumber("ambiguous_percent", "0.1192", 0.1192),
  ],
  ["flags 150 as out of range", PERCENT, cell(150), unreadableNumber("percent_out_of_range", "150", 150)],
  [
    "flags a huge number as out of range",
    PERCENT,
    cell(1e300),
    unreadableNumber("percent_out_of_range", "1e+300", 1e300),
  ],

  // Percentages as text.
  ["reads text 12,5%", PERCENT, cell("12,5%"), textPercent(125, 1, "12,5%")],
  ["reads text 12,5 % with a space", PERCENT, cell("12,5 %"), textPercent(125, 1, "12,5 %")],
  ["reads text 12.5% with a decimal point", PERCENT, cell("12.5%"), textPercent(125, 1, "12.5%")],
  ["reads text 0,02%", PERCENT, cell("0,02%"), textPercent(2, 2, "0,02%")],
  ["reads text 100%", PERCENT, cell("100%"), textPercent(100, 0, "100%")],
  ["reads text 12,5 without %", PERCENT, cell("12,5"), textPercent(125, 1, "12,5")],
  ["keeps decimals as typed", PERCENT, cell("12,50%"), textPercent(1250, 2, "12,50%")],
  [
    "rounds more than four typed decimals half up",
    PERCENT,
    cell("11,923456%"),
    textPercent(119235, 4, "11,923456%"),
  ],
  ["reads text 0 as 0%", PERCENT, cell("0"), textPercent(0, 0, "0")],
  ["flags text 1 without % as ambiguous", PERCENT, cell("1"), unreadable("ambiguous_percent", "1")],
  ["flags text 120% as out of range", PERCENT, cell("120%"), unreadable("percent_out_of_range", "120%")],
  ["flags text -5% as out of range", PERCENT, cell("-5%"), unreadable("percent_out_of_range", "-5%")],
  ["flags text abc as not a percentage", PERCENT, cell("abc"), unreadable("not_a_percent", "abc")],
  ["flags a lone % as not a percentage", PERCENT, cell("%"), unreadable("not_a_percent", "%")],
  [
    "flags two separators as not a percentage",
    PERCENT,
    cell("12,5,3%"),
    unreadable("not_a_percent", "12,5,3%"),
  ],

  // Reduction rates may be negative.
  ["reads 12,5% in a reduction row", REDUCTION, cell(0.125, "0.0%"), percent(125, 1)],
  [
    "warns on a negative reduction",
    REDUCTION,
    cell(-0.05, "0.00%"),
    percent(-5, 0, ["negative_reduction", "warning", "-0.05"]),
  ],
  [
    "warns on a negative reduction typed as text",
    REDUCTION,
    cell("−12,5%"),
    percent(-125, 1, ["negative_reduction", "warning", "−12,5%"]),
  ],
  [
    "warns on a negative plain number",
    REDUCTION,
    cell(-5),
    percent(-5, 0, ["negative_reduction", "warning", "-5"]),
  ],
  [
    "reads a reduction below -100% (possible after a merger) as a value: how far is plausible is the catalogue's",
    REDUCTION,
    cell(-1.2, "0%"),
    percent(-120, 0, ["negative_reduction", "warning", "-1.2"]),
  ],
  [
    "reads a reduction typed as -34412,37% exactly",
    REDUCTION,
    cell("-34412,37%"),
    percent(-3441237, 2, ["negative_reduction", "warning", "-34412,37%"]),
  ],
  [
    "flags a reduction above 100% as out of range, quoted as its cell shows it",
    REDUCTION,
    cell(1.5, "0.0%"),
    unreadableNumber("percent_out_of_range", "1.5", 1.5, { shown: { scaled: 1500, decimals: 1 } }),
  ],
  [
    "flags -0.5 without a % format as ambiguous",
    REDUCTION,
    cell(-0.5),
    unreadableNumber("ambiguous_percent", "-0.5", -0.5),
  ],

  // Coded rows.
  ["reads code 1", NO_YES, cell(1), count(1)],
  ["reads code 0", NO_YES, cell(0), count(0)],
  ["reads code 2 of a three-way legend", PROGRESS, cell(2), count(2)],
  ["reads a code typed as text", NO_YES, cell("1"), textCount(1, "1")],
  ["flags a code outside a 0/1 legend", NO_YES, cell(2), unreadableNumber("not_in_legend", "2", 2)],
  ["flags a code outside a 0/1/2 legend", PROGRESS, cell(3), unreadableNumber("not_in_legend", "3", 3)],
  [
    "flags a fraction as outside the legend",
    NO_YES,
    cell(0.5),
    unreadableNumber("not_in_legend", "0.5", 0.5),
  ],
  ["flags a label typed instead of its code", NO_YES, cell("Có"), unreadable("not_in_legend", "Có")],
  ["flags a negative code", PROGRESS, cell(-1), unreadableNumber("not_in_legend", "-1", -1)],

  // Headings hold no value.
  ["flags a number in a heading", HEADING, cell(5), unreadableNumber("heading_has_value", "5", 5)],
  ["flags text in a heading", HEADING, cell(" abc "), unreadable("heading_has_value", "abc")],

  // Not a value of any row.
  ["flags #DIV/0! in a count row", COUNT, cell({ error: "#DIV/0!" }), unreadable("not_a_value", "#DIV/0!")],
  ["flags #REF! in a percent row", PERCENT, cell({ error: "#REF!" }), unreadable("not_a_value", "#REF!")],
  ["flags #N/A in a heading", HEADING, cell({ error: "#N/A" }), unreadable("not_a_value", "#N/A")],
  ["flags TRUE in a coded row", NO_YES, cell(true), unreadable("not_a_value", "TRUE")],
  ["flags FALSE in a count row", COUNT, cell(false), unreadable("not_a_value", "FALSE")],
  ["flags a date", COUNT, cell(new Date(Date.UTC(2021, 8, 30))), unreadable("not_a_value", "2021-09-30")],
  ["flags an invalid date", PERCENT, cell(new Date(Number.NaN)), unreadable("not_a_value", "Invalid Date")],
  [
    "flags a date serial as Office.js hands it over",
    COUNT,
    cell(44469, "dd/mm/yyyy"),
    unreadable("not_a_value", "2021-09-30"),
  ],
  [
    "flags a date serial in a percent row",
    PERCENT,
    cell(44469, "[$-42A]d mmm yyyy"),
    unreadable("not_a_value", "2021-09-30"),
  ],
  ["flags NaN", COUNT, cell(Number.NaN), unreadable("not_a_value", "NaN")],
  ["flags Infinity", PERCENT, cell(Number.POSITIVE_INFINITY), unreadable("not_a_value", "Infinity")],
];

describe("readValue", () => {
  it.each(CASES)("%s", (_name, code, input, expected) => {
    expect(readValue(row(code), input)).toEqual(expected);
  });

  it("has a case for every reading problem, every value kind and every reading state", () => {
    // Keeps the table honest when values.ts or the catalogue grows.
    const problems = new Set<string>();
    for (const [, , , expected] of CASES) {
      if ("issue" in expected && expected.issue) problems.add(expected.issue.problem);
    }
    // Two rows with one code are found by locating the sheet, not by reading a cell (engine tests).
    problems.add("conflicting_rows");
    const kinds = new Set(CASES.map(([, code]) => row(code).kind));
    const states = new Set(CASES.map(([, , , expected]) => expected.state));
    expect(Object.keys(SEVERITY).filter((problem) => !problems.has(problem))).toEqual([]);
    expect([...kinds].sort()).toEqual(["coded", "count", "none", "percent"]);
    expect([...states].sort()).toEqual(["blank", "na", "unreadable", "value"]);
    expect(CASES.length).toBeGreaterThanOrEqual(45);
  });

  it("gives every reading the same fields in the same order, so the engine reads them all at one cost", () => {
    const fieldLists = new Set(
      CASES.map(([, code, input]) => Object.keys(readValue(row(code), input)).join(",")),
    );
    expect([...fieldLists]).toEqual(["state,amount,percent,issue,suggestion,text"]);
  });
});

describe("readValue properties", () => {
  const rows = catalogue.rows;
  const anyRow = fc.constantFrom(...rows);
  const numberText = fc
    .tuple(fc.stringMatching(/^[-−]?\d{0,7}([.,]\d{0,7})*\s?%?$/), fc.constantFrom("", " ", "\u00A0"))
    .map(([text, pad]) => pad + text + pad);
  const scalar: fc.Arbitrary<unknown> = fc.oneof(
    fc.anything(),
    fc.double(),
    fc.integer(),
    fc.constantFrom(0.125, 64.073, 1.936, 1, 0, -0, 12.5, 100, 1e300, -1e-300),
    numberText,
    fc.string(),
    fc.boolean(),
    fc.date(),
    fc.record({ error: fc.string() }),
  );
  const format = fc.option(
    fc.oneof(
      fc.constantFrom("0%", "0.00%", "General", '0"%"', "#,##0", "0.0000000%", "@", ";;;"),
      fc.string(),
    ),
    { nil: undefined },
  );

  it("never throws, whatever the cell holds", () => {
    fc.assert(
      fc.property(anyRow, scalar, format, (r, value, numberFormat) => {
        const input = { value, numberFormat } as unknown as CellInput;
        const reading = readValue(r, input);
        expect(["blank", "na", "value", "unreadable"]).toContain(reading.state);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on a cell that is not a cell at all", () => {
    fc.assert(
      fc.property(anyRow, fc.anything(), (r, input) => {
        expect(() => readValue(r, input as CellInput)).not.toThrow();
      }),
    );
  });

  it("reads every count as a whole number of at least 0", () => {
    const countRows = rows.filter((r) => r.kind === "count");
    fc.assert(
      fc.property(fc.constantFrom(...countRows), scalar, format, (r, value, numberFormat) => {
        const reading = readValue(r, { value, numberFormat } as unknown as CellInput);
        if (reading.state === "value") {
          expect(Number.isSafeInteger(reading.amount)).toBe(true);
          expect(reading.amount).toBeGreaterThanOrEqual(0);
          expect(Object.is(reading.amount, -0)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads every percentage as an exact amount, at most 100% and at most four decimals", () => {
    const percentRows = rows.filter((r) => r.kind === "percent");
    fc.assert(
      fc.property(fc.constantFrom(...percentRows), scalar, format, (r, value, numberFormat) => {
        const reading = readValue(r, { value, numberFormat } as unknown as CellInput);
        if (reading.state === "value") {
          const p = reading.percent;
          expect(p).toBeDefined();
          if (!p) return;
          expect(p.decimals).toBeGreaterThanOrEqual(0);
          expect(p.decimals).toBeLessThanOrEqual(4);
          expect(reading.amount).toBe(amountFromPercent(p));
          expect(reading.amount).toBeLessThanOrEqual(1_000_000);
          // A reduction rate may fall below −100% (more staff than in 2015 after a merger); amounts stay exact.
          if (r.mayBeNegative) expect(Number.isSafeInteger(reading.amount)).toBe(true);
          else expect(reading.amount).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back any count written the Vietnamese way", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(readValue(row(COUNT), cell(formatCount(n, "vi")))).toEqual(textCount(n, formatCount(n, "vi")));
      }),
    );
  });

  it("reads any percentage typed with a decimal comma exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (amount) => {
        const text = `${Math.floor(amount / 10_000)},${String(amount % 10_000).padStart(4, "0")}%`;
        const reading = readValue(row(PERCENT), cell(text));
        expect(reading.state === "value" ? reading.amount : undefined).toBe(amount);
      }),
    );
  });
});
