import type { Severity } from "../../src/domain/values";
import { validateAppendix } from "../../src/domain/engine";
import { locateAppendix } from "../../src/domain/locate";
import type { TypedValue } from "../helpers/seed";
import { seedWith, templateGrid } from "../helpers/seed";

// Every finding kind and every value kind, each case a change to the corrected seed (ready to submit) that must
// give its own specific finding, on the cell it names, and never an exception.
const READY = { "HS.1.2": 44, "DV.4.1": 1936 } as const;
const pct = (percent: number, format = "0.00%"): TypedValue => ({ percent, format });

type Case = [string, Record<string, TypedValue | undefined>, string, string, Severity];

const CASES: Case[] = [
  ["count typed as text with a leading zero", { "1.1.3": "02" }, "text_number", "1.1.3", "info"],
  ["count typed as text with dots between thousands", { "1.1.3": "64.073" }, "text_number", "1.1.3", "info"],
  [
    "count typed as text with spaces between thousands",
    { "1.1.3": "64 073" },
    "text_number",
    "1.1.3",
    "info",
  ],
  [
    "count stored as 64.073 (a dot typed in an en-US Excel)",
    { "1.1.3": 64.073 },
    "not_whole_number",
    "1.1.3",
    "error",
  ],
  ["count text with a broken grouping", { "3.2.1": "1.93673" }, "malformed_number", "3.2.1", "error"],
  ["count text with two decimal points", { "1.1.3": "12.5.3" }, "malformed_number", "1.1.3", "error"],
  ["count with a fraction", { "1.1.3": 1.5 }, "not_a_count", "1.1.3", "error"],
  ["negative count", { "1.1.3": -3 }, "not_a_count", "1.1.3", "error"],
  ["count holding words", { "1.1.3": "abc" }, "not_a_count", "1.1.3", "error"],
  ["count holding a decimal comma", { "5.3.2": "1,5" }, "not_a_count", "5.3.2", "error"],
  ["percent as text with a decimal comma", { "7.4": "12,5%" }, "text_number", "7.4", "info"],
  ["percent as text with a space before %", { "7.4": "12,5 %" }, "text_number", "7.4", "info"],
  ["percent as text with a decimal point", { "7.4": "12.5%" }, "text_number", "7.4", "info"],
  ["percent 1 without a % format", { "7.4": 1 }, "ambiguous_percent", "7.4", "warning"],
  ["percent 0.5 without a % format", { "7.7.1": 0.5 }, "ambiguous_percent", "7.7.1", "warning"],
  ["percent above 100%", { "7.4": pct(1.2, "0%") }, "percent_out_of_range", "7.4", "error"],
  ["negative percent", { "7.7.2": pct(-0.05, "0%") }, "percent_out_of_range", "7.7.2", "error"],
  ["plain number above 100 in a percent row", { "7.7.3": 120 }, "percent_out_of_range", "7.7.3", "error"],
  ["negative reduction rate", { "4.2.5": pct(-0.05, "0%") }, "negative_reduction", "4.2.5", "warning"],
  ["percent holding words", { "7.4": "gần hết" }, "not_a_percent", "7.4", "error"],
  ["coded value outside its legend", { "1.2": 3 }, "not_in_legend", "1.2", "error"],
  ["coded text outside its legend", { "7.2": "5" }, "not_in_legend", "7.2", "error"],
  ["coded value typed as text", { "7.3": "2" }, "text_number", "7.3", "info"],
  ["coded value with a fraction", { "7.5": 1.5 }, "not_in_legend", "7.5", "error"],
  ["an Excel #DIV/0! in a count row", { "1.1.3": { error: "#DIV/0!" } }, "not_a_value", "1.1.3", "error"],
  ["an Excel #REF! in a percent row", { "7.4": { error: "#REF!" } }, "not_a_value", "7.4", "error"],
  ["TRUE in a count row", { "1.1.3": true }, "not_a_value", "1.1.3", "error"],
  ["a date in a coded row", { "1.2": new Date(2021, 8, 30) }, "not_a_value", "1.2", "error"],
  ["a value on a section row", { "1": 5 }, "heading_has_value", "1", "error"],
  ["text on a group row", { "3.1": "abc" }, "heading_has_value", "3.1", "error"],
  [
    "resolved dossiers not their parts",
    { "HS.2": 40, "3.4.1": undefined },
    "balance_mismatch",
    "HS.2",
    "error",
  ],
  ["pending dossiers not their parts", { "HS.3.2": 3 }, "balance_mismatch", "HS.3", "error"],
  ["level 3 dossiers not their parts", { "DV.3.1": 5000 }, "balance_mismatch", "DV.3", "error"],
  [
    "parts of 3.1.3 above it",
    { "3.1.3": 10, "3.1.3.a": 5, "3.1.3.b": 5, "3.1.3.c": 5 },
    "ofWhich_exceeded",
    "3.1.3.a",
    "error",
  ],
  [
    "parts of 3.1.3 below it",
    { "3.1.3": 20, "3.1.3.a": 5, "3.1.3.b": 5, "3.1.3.c": 5 },
    "ofWhich_shortfall",
    "3.1.3.a",
    "warning",
  ],
  [
    "parts of 4.1.4 above it",
    { "4.1.4": 2, "4.1.4.a": 1, "4.1.4.b": 1, "4.1.4.c": 1 },
    "ofWhich_exceeded",
    "4.1.4.a",
    "error",
  ],
  ["resolved and pending above the total", { "HS.3": 5, "HS.3.1": 5 }, "stock_exceeded", "HS.2", "error"],
  ["resolved and pending below the total", { "HS.2": 40, "HS.2.1": 40 }, "stock_shortfall", "HS.2", "info"],
  ["tasks completed above tasks planned", { "1.1.2": 9 }, "order_violated", "1.1.2", "error"],
  ["postal returns above resolved dossiers", { "HS.4": 50 }, "order_violated", "HS.4", "error"],
  [
    "procedures on the national portal above those updated",
    { "3.2.2": 40 },
    "order_violated",
    "3.2.2",
    "warning",
  ],
  [
    "staff in post above the staff assigned",
    { "4.3.2": 30, "4.2.2": 30 },
    "order_violated",
    "4.3.2",
    "warning",
  ],
  [
    "electronic document rates above 100% together",
    { "7.6.2.a": pct(0.9, "0%"), "7.6.2.b": pct(0.2, "0%") },
    "order_violated",
    "7.6.2.a",
    "warning",
  ],
  [
    "a stated rate that the counts do not give",
    { "7.8.3": pct(0.1195) },
    "derived_mismatch",
    "7.8.3",
    "error",
  ],
  ["a stated rate that agrees by truncation", { "7.8.4": pct(0.6555) }, "derived_truncated", "7.8.4", "info"],
  [
    "an internal-process rate against its counts",
    { "QT.1": 10, "QT.2": 5 },
    "derived_mismatch",
    "3.3.3",
    "error",
  ],
  ["a reduction rate against its 2015 base", { "BC.1": 30 }, "derived_mismatch", "4.2.5", "error"],
  [
    "a value linked from another workbook",
    { "1.1.3": { formula: "[1]Sheet1!D9", cached: 3 } },
    "unsafe_formula",
    "1.1.3",
    "error",
  ],
  [
    "a HYPERLINK formula in a value cell",
    { "5.3.2": { formula: 'HYPERLINK("http://x.example","1")', cached: "1" } },
    "unsafe_formula",
    "5.3.2",
    "error",
  ],
  [
    "a DDE formula in a value cell",
    { "7.8.1": { formula: "cmd|'/c calc'!A0", cached: 762 } },
    "unsafe_formula",
    "7.8.1",
    "error",
  ],
  ["block 4.3 copied from block 4.2", {}, "pattern_copy", "4.3.1", "info"],
  ["expected rows left blank", {}, "incomplete", "2.1", "info"],
];

describe("bad inputs each give their own finding", () => {
  it("has at least 40 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)("%s", (_name, changes, kind, code, severity) => {
    const sheet = locateAppendix(templateGrid(seedWith({ ...READY, ...changes })))!;
    const result = validateAppendix(sheet);
    const finding = result.findings.find(
      (candidate) => candidate.kind === kind && candidate.codes.includes(code),
    );
    expect(finding).toMatchObject({ kind, severity });
    expect(finding!.cells[0]).toMatch(/^'Sở TTTT'!D\d+$/);
    expect(finding!.message.vi.length).toBeGreaterThan(10);
    expect(finding!.message.en.length).toBeGreaterThan(10);
    expect(result.verdict).toBe(result.counts.error ? "not_ready" : "ready");
  });

  it("an empty appendix is an error, never ready", () => {
    const result = validateAppendix(locateAppendix(templateGrid({}))!);
    expect(result.findings).toMatchObject([{ kind: "empty_appendix", severity: "error" }]);
    expect(result.verdict).toBe("not_ready");
  });

  it("a not-applicable mark gives no finding and leaves its rules not evaluated", () => {
    const result = validateAppendix(locateAppendix(templateGrid(seedWith({ ...READY, "3.2.1": "KPS" })))!);
    expect(result.findings.filter((finding) => finding.codes.includes("3.2.1"))).toEqual([]);
    expect(result.rules.find((rule) => rule.rule === "order:3.2.2<=3.2.1")).toMatchObject({
      notEvaluated: 1,
    });
  });
});
