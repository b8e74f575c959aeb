import type { Bilingual, Level, LoadedCatalogue, RelationRule, RowDef } from "./catalogue";
import { appliesIn, catalogue as defaultCatalogue } from "./catalogue";
import type { Ratio } from "./derive";
import { isRatio, percentOf, recompute } from "./derive";
import type { Finding, FindingParam, RuleSummary, SeverityCounts, Suggestion, Verdict } from "./findings";
import { countBySeverity, SEVERITY_ORDER } from "./findings";
import { formatAmount, formatCount, formatPercent, percentFromAmount } from "./format";
import type { AppendixSheet, LocatedCell } from "./locate";
import type { Lang } from "./messages";
import { bilingual, labelOf, meantNumber, nameOf, quotedValue, readingMessage } from "./messages";
import type { DerivedCheck, PatternCheck, RelationCheck, ValidationPlan } from "./plan";
import { validationPlan } from "./plan";
import type { CellInput } from "./cell";
import { cellInput } from "./cell";
import type { Implausible } from "./plausible";
import { implausible, implausibleMessage } from "./plausible";
import { BLANK_READING, conflictingRowsReading, readValue } from "./reading";
import { PERIOD_RULE, periodFindings } from "./reform";
import type { AmountOf, Outcome } from "./rules";
import { evaluateRelation, impliedValue } from "./rules";
import type { Reading, ReadingIssue, Severity } from "./values";
import { PERCENT_SCALE } from "./values";

/** The result of validating one appendix sheet. */
export interface SheetValidation {
  readonly sheet: string;
  readonly unit?: string;
  readonly level?: Level;
  readonly period?: string;
  readonly templateVersion?: string;
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  readonly counts: SeverityCounts;
  readonly rules: readonly RuleSummary[];
  /** Codes of rows this unit's level is expected to fill that are still blank. */
  readonly blankExpected: readonly string[];
  /** How each row's cell reads, in the catalogue's row order. */
  readonly readings: readonly Reading[];
  /**
   * The amount rules computed with for each row, in the catalogue's row order; a derived cell whose formula was
   * never calculated holds the value recomputed from its counts.
   */
  readonly amounts: readonly (number | undefined)[];
}

/** Rule id of the value-reading checks, one evaluation per value cell. */
export const UNIT_RULE = "unit";
/** Rule id of the completeness check. */
export const COMPLETE_RULE = "complete";

interface CellState {
  readonly row: RowDef;
  readonly located: LocatedCell | undefined;
  readonly reading: Reading;
}

type Counts = { passed: number; failed: number; notEvaluated: number };

/** Rule outcomes in the order rules are evaluated; each rule is evaluated once per sheet but the unit rule. */
class Tally {
  private readonly rules: RuleSummary[] = [];
  set(rule: string, counts: Counts): void {
    this.rules.push({
      rule,
      passed: counts.passed,
      failed: counts.failed,
      notEvaluated: counts.notEvaluated,
    });
  }
  count(rule: string, outcome: "passed" | "failed" | "notEvaluated"): void {
    this.rules.push({
      rule,
      passed: outcome === "passed" ? 1 : 0,
      failed: outcome === "failed" ? 1 : 0,
      notEvaluated: outcome === "notEvaluated" ? 1 : 0,
    });
  }
  summary(): RuleSummary[] {
    return this.rules;
  }
}

/** A finding being built: a suggestion is added when there is one (a spread would copy the whole object). */
type Draft = { -readonly [K in keyof Finding]: Finding[K] };

/** The Excel value of an amount: counts and codes as they are, percentages as fractions (12,5% → 0.125). */
function excelValue(row: RowDef, amount: number): number {
  return row.kind === "percent" ? amount / (100 * PERCENT_SCALE) : amount;
}

/** The Excel number format showing a percentage with the given decimals: 0 → "0%", 2 → "0.00%". */
export function percentFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%";
}

function suggestionFor(state: CellState, amount: number, address: string, shown?: Bilingual): Suggestion {
  const row = state.row;
  const display = shown ?? bilingual((lang) => formatAmount(amount, kindOf(row), lang));
  const value = excelValue(row, amount);
  return row.kind === "percent"
    ? {
        code: row.code,
        cell: address,
        value,
        numberFormat: percentFormat(percentFromAmount(amount).decimals),
        display,
      }
    : { code: row.code, cell: address, value, display };
}

/** Reads by code what a validation knows of each row, for messages. */
interface CodeLookup<T> {
  get(code: string): T | undefined;
}

/**
 * What a validation knows of each row, in arrays laid out like the catalogue's rows (the plan's row indexes). A
 * row's state as one object is built only when a finding needs it.
 */
class SheetState implements CodeLookup<CellState> {
  readonly readings: Reading[] = [];
  readonly located: (LocatedCell | undefined)[] = [];
  readonly amounts: (number | undefined)[] = [];
  /** The amount rules compute with, by row index. */
  readonly amountAt: AmountOf<number> = (at) => this.amounts[at];
  /** Row indexes whose value was computed from the catalogue (a formula without a saved result). */
  readonly computed = new Set<number>();
  constructor(
    readonly plan: ValidationPlan,
    private readonly sheet: string,
    /** The unit's level, for the plausible bounds of its figures. */
    readonly level: Level | undefined,
  ) {}
  get(code: string): CellState | undefined {
    const at = this.plan.indexOf.get(code);
    return at === undefined ? undefined : this.at(at);
  }
  at(at: number): CellState {
    return { row: this.plan.rows[at]!, located: this.located[at], reading: this.readings[at]! };
  }
  /** The value cell of a row, or, for a row the sheet lacks, its code on that sheet, so a finding points somewhere. */
  cellOf(code: string): string {
    const at = this.plan.indexOf.get(code);
    return (at === undefined ? undefined : this.located[at]?.address) ?? `'${this.sheet}'!${code}`;
  }
}

/** Reading problems a click can fix: the value is known, only its form is wrong. */
const FIXABLE: ReadonlySet<ReadingIssue["problem"]> = new Set([
  "text_number",
  "not_whole_number",
  "malformed_number",
]);

function kindOf(row: RowDef): "count" | "percent" | "coded" {
  return row.kind === "none" ? "count" : row.kind;
}

/**
 * One pass over the rows: reads every value and keeps the amounts rules compute with. Values that read with a
 * problem are judged once the relations are known, which may tell what a malformed value should be.
 */
function readAll(sheet: AppendixSheet, known: SheetState) {
  const { readings, located: cells, amounts } = known;
  const rows = known.plan.rows;
  const unitOutcomes = { passed: 0, failed: 0, notEvaluated: 0 };
  const withIssue: number[] = [];
  for (let at = 0; at < rows.length; at++) {
    const row = rows[at]!;
    const located = sheet.cells.get(row.code);
    const conflict = located?.conflict;
    const reading = !located
      ? BLANK_READING
      : conflict
        ? conflictingRowsReading(`${located.address}; ${conflict.address}`)
        : readValue(row, located.cell);
    readings.push(reading);
    cells.push(located);
    amounts.push(reading.state === "value" ? reading.amount : undefined);
  }
  for (const check of known.plan.derived) computeUncalculated(check, known);
  for (let at = 0; at < rows.length; at++) {
    if (!cells[at]) continue;
    const reading = readings[at]!;
    if (reading.state === "blank" || reading.state === "na") unitOutcomes.notEvaluated++;
    else if (reading.issue) {
      unitOutcomes.failed++;
      withIssue.push(at);
    } else unitOutcomes.passed++;
  }
  return { unitOutcomes, withIssue };
}

/**
 * A derived cell that holds its formula but no result (a file written by a tool that never recalculates) is read as
 * Excel would show it once calculated: the catalogue's own definition over the counts, in the cell's own number
 * format. Its inputs are counts, read before it. While an input is blank or the denominator 0, the formula shows
 * nothing, and so it stays blank.
 */
function computeUncalculated(check: DerivedCheck, known: SheetState): void {
  const cell = known.located[check.at]?.cell;
  if (!cell?.formula || known.readings[check.at]!.state !== "blank") return;
  const ratio = recompute(check.inputs, known.amountAt);
  if (!isRatio(ratio)) return;
  const shown = readValue(
    check.row,
    cellInput(ratio.numerator / ratio.denominator, cell.numberFormat || "0.00%"),
  );
  if (shown.state !== "value") {
    known.readings[check.at] = shown;
    return;
  }
  // The amount is the exact rate (what a calculated cell holds), not the figure its format rounds it to.
  const exact = percentOf(ratio, 4, "round").scaled;
  known.readings[check.at] = { ...shown, amount: exact, percent: percentFromAmount(exact) };
  known.amounts[check.at] = exact;
  known.computed.add(check.at);
}

/**
 * The finding of a value that reads with a problem. A malformed value is unknown, not wrong by a little: where a
 * balance holds everything else, it tells the value (DV.4.1 = DV.4 − DV.4.2 = 1.936 in the seed), and that
 * replaces the reader's own guess. A suggestion that would create a new error or warning is withheld: the message
 * still says what the value might be, but no click writes it.
 */
function unitFinding(at: number, known: SheetState): Finding {
  const state = known.at(at);
  const { reading, row } = state;
  const located = state.located!;
  const issue = (reading as { readonly issue: ReadingIssue }).issue;
  if (located.conflict) return conflictFinding(row, located, located.conflict);
  let amount =
    reading.state === "value"
      ? reading.amount
      : reading.state === "unreadable"
        ? reading.suggestion
        : undefined;
  let solvedFrom: string | undefined;
  let suggest = amount !== undefined && FIXABLE.has(issue.problem);
  if (reading.state === "unreadable") {
    const balance = row.kind === "count" ? known.plan.balanceAt[at] : undefined;
    const solved = balance ? impliedValue(balance.relation, at, known.amountAt) : undefined;
    if (balance && solved !== undefined && !breaksAny(at, solved, known)) {
      amount = solved;
      solvedFrom = balance.rule.id;
      suggest = true;
    } else if (suggest && breaksAny(at, amount!, known)) {
      suggest = false;
    }
  }
  const raw = issue.raw;
  const shown = (lang: Lang): string | undefined => {
    if (issue.problem === "ambiguous_percent") {
      // Text "0,5" is the Vietnamese way of typing what a stored 0.5 is.
      const typed = issue.stored ?? Number(raw.replace(",", "."));
      const [asIs, times100] = [formatCount(typed, lang), formatCount(typed * 100, lang)];
      return lang === "vi" ? `${asIs}% hay ${times100}%` : `${asIs}% or ${times100}%`;
    }
    if (amount === undefined) return undefined;
    return issue.problem === "not_whole_number"
      ? meantNumber(amount, lang)
      : formatAmount(amount, kindOf(row), lang);
  };
  const params: Record<string, FindingParam> = { raw };
  if (amount !== undefined) params.value = excelValue(row, amount);
  if (solvedFrom !== undefined) params.solvedFrom = solvedFrom;
  const finding: Draft = {
    rule: UNIT_RULE,
    kind: issue.problem,
    severity: issue.severity,
    codes: [row.code],
    cells: [located.address],
    params,
    message: bilingual((lang) => readingMessage(issue, row, shown(lang), lang)),
  };
  if (suggest) {
    // The button says what it writes in a notation that cannot be read as what was typed: "Sửa thành 64073".
    const display =
      issue.problem === "not_whole_number"
        ? bilingual((lang) => (lang === "vi" ? String(amount) : formatCount(amount!, lang)))
        : undefined;
    finding.suggestion = suggestionFor(state, amount!, located.address, display);
  }
  return finding;
}

/** What a cell shows for a message naming it: its value read as the row reads it, or its content quoted. */
function cellShown(row: RowDef, cell: CellInput | undefined, lang: Lang): string {
  const reading = readValue(row, cell);
  if (reading.state === "value") return formatAmount(reading.amount, kindOf(row), lang);
  if (reading.state === "na") return `"${reading.text}"`;
  if (reading.state === "unreadable") return quotedValue(reading.issue, lang);
  return lang === "vi" ? "trống" : "blank";
}

/** Two rows carry one code with different values: an error naming both, and the figure is unknown. */
function conflictFinding(
  row: RowDef,
  located: LocatedCell,
  other: NonNullable<LocatedCell["conflict"]>,
): Finding {
  return {
    rule: UNIT_RULE,
    kind: "conflicting_rows",
    severity: "error",
    codes: [row.code],
    cells: [located.address, other.address],
    params: { rows: [located.row, other.row] },
    message: bilingual((lang) => {
      const first = cellShown(row, located.cell, lang);
      const second = cellShown(row, other.cell, lang);
      return lang === "vi"
        ? `${nameOf(row, lang)} được ghi ở hai dòng với số liệu khác nhau: dòng ${located.row} (${first}) và dòng ${other.row} (${second}); không xác định được số liệu nào đúng. Giữ một dòng, xóa dòng kia hoặc sửa lại mã của nó.`
        : `${nameOf(row, lang)} is on two rows with different values: row ${located.row} (${first}) and row ${other.row} (${second}); which one is right cannot be told. Keep one row, and delete the other or correct its code.`;
    }),
  };
}

/**
 * Validates one appendix against every rule of its catalogue: value reading, derived percentages, relations,
 * patterns and completeness, then points at the cell most likely wrong for each failing relation.
 */
export function validateAppendix(
  sheet: AppendixSheet,
  catalogue: LoadedCatalogue = defaultCatalogue,
): SheetValidation {
  const plan = validationPlan(catalogue);
  const tally = new Tally();
  const known = new SheetState(plan, sheet.sheet, sheet.level);
  const cellOf = (code: string) => known.cellOf(code);

  const { unitOutcomes, withIssue } = readAll(sheet, known);
  tally.set(UNIT_RULE, unitOutcomes);

  // Findings of every other rule, in the order rules run; value findings go first once known.
  const findings: Finding[] = [];
  for (const check of plan.derived) {
    const finding = checkDerived(check, known, tally);
    if (finding) findings.push(finding);
  }

  // Relations: balances, of-which, stock and order rules.
  const outcomes = plan.relations.map((check) => {
    const outcome = evaluateRelation(check.relation, known.amountAt);
    tally.count(
      check.rule.id,
      outcome.status === "pass" ? "passed" : outcome.status === "fail" ? "failed" : "notEvaluated",
    );
    return outcome;
  });
  const suspects = localise(outcomes, known);
  for (let at = 0; at < plan.relations.length; at++) {
    const outcome = outcomes[at]!;
    if (outcome.status === "fail")
      findings.push(relationFinding(plan.relations[at]!, outcome, suspects[at], known));
  }
  const plausibility = checkPlausible(known, tally);
  // A reduction below its plausible minimum gets one warning, the one that shows how far below it is.
  const unitFindings = withIssue
    .filter(
      (at) =>
        !(plausibility.stated.has(at) && readingIssue(known.readings[at]!)?.problem === "negative_reduction"),
    )
    .map((at) => unitFinding(at, known));
  findings.push(...plausibility.findings);

  for (const check of plan.patterns) {
    const finding = checkPattern(check, known, tally, catalogue);
    if (finding) findings.push(finding);
  }

  const byPeriod = periodFindings(sheet, plan.rows, known.readings);
  if (byPeriod) {
    tally.count(PERIOD_RULE, byPeriod.length ? "failed" : "passed");
    findings.push(...byPeriod);
  }

  // Completeness: rows expected from this level in this period left blank, and an appendix with no value at all.
  const blankExpected: string[] = [];
  let anyValue = false;
  for (let at = 0; at < plan.rows.length; at++) {
    const row = plan.rows[at]!;
    if (known.readings[at]!.state !== "blank") {
      if (known.located[at] && row.kind !== "none") anyValue = true;
      continue;
    }
    if (
      sheet.level &&
      row.block === "appendix" &&
      row.scope.includes(sheet.level) &&
      appliesIn(row, sheet.period)
    )
      blankExpected.push(row.code);
  }
  if (!anyValue) {
    tally.count(COMPLETE_RULE, "failed");
    findings.push({
      rule: COMPLETE_RULE,
      kind: "empty_appendix",
      severity: "error",
      codes: [],
      cells: [],
      params: {},
      message: bilingual((lang) =>
        lang === "vi" ? "Phụ lục chưa có số liệu nào." : "The appendix holds no value at all.",
      ),
    });
  } else if (blankExpected.length) {
    tally.count(COMPLETE_RULE, "failed");
    findings.push({
      rule: COMPLETE_RULE,
      kind: "incomplete",
      severity: "info",
      codes: blankExpected,
      cells: blankExpected.map(cellOf),
      params: { blank: blankExpected.length },
      message: bilingual((lang) =>
        lang === "vi"
          ? `Còn ${blankExpected.length} chỉ tiêu chưa nhập: ${blankExpected.join(", ")}.`
          : `${blankExpected.length} expected indicators are still blank: ${blankExpected.join(", ")}.`,
      ),
    });
  } else {
    tally.count(COMPLETE_RULE, sheet.level ? "passed" : "notEvaluated");
  }

  const ordered = bySeverity(unitFindings, findings);
  const counts = countBySeverity(ordered);
  return {
    sheet: sheet.sheet,
    unit: sheet.unit,
    level: sheet.level,
    period: sheet.period,
    templateVersion: sheet.templateVersion,
    verdict: counts.error === 0 && anyValue ? "ready" : "not_ready",
    findings: ordered,
    counts,
    rules: tally.summary(),
    blankExpected,
    readings: known.readings,
    amounts: known.amounts,
  };
}

/** Findings errors first, then warnings, then infos, each in the order the rules ran (a stable sort). */
function bySeverity(...groups: Finding[][]): Finding[] {
  const ordered: Finding[] = [];
  for (const severity of SEVERITIES) {
    for (const group of groups) {
      for (const finding of group) if (finding.severity === severity) ordered.push(finding);
    }
  }
  return ordered;
}

const SEVERITIES = (Object.keys(SEVERITY_ORDER) as Severity[]).sort(
  (a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b],
);

function readingIssue(reading: Reading): ReadingIssue | undefined {
  return reading.state === "value" || reading.state === "unreadable" ? reading.issue : undefined;
}

/** Rule id of the plausibility checks (the catalogue's bounds), one evaluation per bounded row. */
export const PLAUSIBLE_RULE = "plausible";

/**
 * The catalogue's plausible bounds over every figure the rules read: as typed, as computed from an uncalculated
 * formula, and a derived rate as its counts give it when that differs from the figure typed. Each figure outside
 * them is a warning showing it. Returns the findings and the rows whose own figure is implausible.
 */
function checkPlausible(known: SheetState, tally: Tally): { findings: Finding[]; stated: Set<number> } {
  const { plan, amounts } = known;
  const counts = { passed: 0, failed: 0, notEvaluated: 0 };
  const findings: Finding[] = [];
  const stated = new Set<number>();
  const recomputedAt = new Map<number, number>();
  for (const check of plan.derived) {
    const ratio = recompute(check.inputs, known.amountAt);
    if (isRatio(ratio)) recomputedAt.set(check.at, percentOf(ratio, 4, "round").scaled);
  }
  for (let at = 0; at < plan.rows.length; at++) {
    const row = plan.rows[at]!;
    if (!row.plausible) continue;
    const amount = amounts[at];
    const recomputed = recomputedAt.get(at);
    if (amount === undefined && recomputed === undefined) {
      counts.notEvaluated++;
      continue;
    }
    let failed = false;
    if (amount !== undefined) {
      const found = implausible(row, amount, known.level);
      if (found) {
        failed = true;
        stated.add(at);
        findings.push(plausibleFinding(known, at, amount, found, known.computed.has(at)));
      }
    }
    if (recomputed !== undefined && recomputed !== amount && !known.computed.has(at)) {
      const found = implausible(row, recomputed, known.level);
      if (found) {
        failed = true;
        findings.push(plausibleFinding(known, at, recomputed, found, true));
      }
    }
    if (failed) counts.failed++;
    else counts.passed++;
  }
  tally.set(PLAUSIBLE_RULE, counts);
  return { findings, stated };
}

function plausibleFinding(
  known: SheetState,
  at: number,
  amount: number,
  found: Implausible,
  computed: boolean,
): Finding {
  const row = known.plan.rows[at]!;
  const inputs = computed ? (known.plan.derived.find((check) => check.at === at)?.inputCodes ?? []) : [];
  const params: Record<string, FindingParam> = {
    value: excelValue(row, amount),
    limit: excelValue(row, found.limit),
    bound: found.bound,
    computed,
  };
  if (found.level) params.level = found.level;
  return {
    rule: PLAUSIBLE_RULE,
    kind: found.bound === "max" ? "implausible_high" : "implausible_low",
    severity: "warning",
    codes: [row.code, ...inputs],
    cells: [known.cellOf(row.code), ...inputs.map((code) => known.cellOf(code))],
    params,
    message: bilingual((lang) => implausibleMessage(row, amount, found, lang, { computed })),
  };
}

/** A derived percentage: the stated value against the one recomputed from the source counts. */
function checkDerived(check: DerivedCheck, known: SheetState, tally: Tally): Finding | undefined {
  const ratio = recompute(check.inputs, known.amountAt);
  const reading = known.readings[check.at]!;
  if (!isRatio(ratio) || reading.state !== "value" || !reading.percent) {
    tally.count(check.rule, "notEvaluated");
    return undefined;
  }
  const stated = reading.percent;
  const rounded = percentOf(ratio, stated.decimals, "round");
  if (stated.scaled === rounded.scaled) {
    tally.count(check.rule, "passed");
    return undefined;
  }
  tally.count(check.rule, "failed");
  const row = check.row;
  const byTruncation = stated.scaled === percentOf(ratio, stated.decimals, "truncate").scaled;
  const address = known.cellOf(row.code);
  const finding: Draft = {
    rule: check.rule,
    kind: byTruncation ? "derived_truncated" : "derived_mismatch",
    severity: byTruncation ? "info" : "error",
    codes: [row.code, ...check.inputCodes],
    cells: [address, ...check.inputCodes.map((code) => known.cellOf(code))],
    params: {
      numerator: ratio.numerator,
      denominator: ratio.denominator,
      stated: stated.scaled / 10 ** stated.decimals,
      recomputed: rounded.scaled / 10 ** stated.decimals,
      decimals: stated.decimals,
      code: row.code,
      truncated: byTruncation,
    },
    message: bilingual((lang) => derivedMessage(row, stated, rounded, ratio, byTruncation, lang)),
  };
  const recomputedAmount = percentOf(ratio, 4, "round").scaled;
  // No click writes a rate that cannot be (over 100%) or that the catalogue finds implausible: the counts behind
  // it are more likely wrong, and their own findings say so.
  const possible = recomputedAmount <= 100 * PERCENT_SCALE && (recomputedAmount >= 0 || row.mayBeNegative);
  if (!byTruncation && possible && !implausible(row, recomputedAmount, known.level)) {
    finding.suggestion = {
      code: row.code,
      cell: address,
      value: ratio.numerator / ratio.denominator,
      formula: check.formula,
      numberFormat: percentFormat(Math.max(stated.decimals, 2)),
      display: bilingual((lang) => formatPercent(rounded, lang)),
    };
  }
  return finding;
}

/** The finding of a failing relation, its suspect cell first. */
function relationFinding(
  check: RelationCheck,
  outcome: Extract<Outcome<number>, { status: "fail" }>,
  suspect: Suspect | undefined,
  known: SheetState,
): Finding {
  const rule = check.rule;
  const ruleCells = check.codes.map((code) => known.cellOf(code));
  const suspectCell = suspect?.code ? known.cellOf(suspect.code) : undefined;
  const cells = suspectCell ? [suspectCell, ...ruleCells.filter((cell) => cell !== suspectCell)] : ruleCells;
  const params: Record<string, FindingParam> = {
    left: outcome.left,
    right: outcome.right,
    difference: Math.abs(outcome.left - outcome.right),
  };
  if (suspect?.candidates.length) params.candidates = suspect.candidates;
  const finding: Draft = {
    rule: rule.id,
    kind: relationKind(rule, outcome),
    severity: outcome.severity,
    codes: check.codes,
    cells,
    params,
    message: bilingual((lang) => relationMessage(rule, outcome, known, lang, suspect)),
  };
  const suspectState = suspect?.code ? known.get(suspect.code) : undefined;
  if (suspectState && suspectCell && suspect?.value !== undefined) {
    finding.suggestion = suggestionFor(suspectState, suspect.value, suspectCell);
  }
  return finding;
}

/** A block equal to another pair by pair, not all zero, is a likely copy-paste. */
function checkPattern(
  check: PatternCheck,
  known: SheetState,
  tally: Tally,
  catalogue: LoadedCatalogue,
): Finding | undefined {
  const rule = check.rule;
  let complete = true;
  let equal = true;
  let allZero = true;
  for (const [a, b] of check.pairs) {
    const left = known.amounts[a];
    const right = known.amounts[b];
    if (left === undefined || right === undefined) complete = false;
    else {
      if (left !== right) equal = false;
      if (left !== 0 || right !== 0) allZero = false;
    }
  }
  if (!complete) {
    tally.count(rule.id, "notEvaluated");
    return undefined;
  }
  if (!equal || allZero) {
    tally.count(rule.id, "passed");
    return undefined;
  }
  tally.count(rule.id, "failed");
  return {
    rule: rule.id,
    kind: "pattern_copy",
    severity: "info",
    codes: check.codes,
    cells: check.codes.map((code) => known.cellOf(code)),
    params: { pairs: rule.pairs.map(([a, b]) => `${a}=${b}`) },
    message: bilingual((lang) => {
      const [first, second] = [rule.pairs[0]![0], rule.pairs[0]![1]];
      const blockA = catalogue.byCode.get(catalogue.byCode.get(first)?.parent ?? "");
      const blockB = catalogue.byCode.get(catalogue.byCode.get(second)?.parent ?? "");
      const a = blockA ? nameOf(blockA, lang) : first;
      const b = blockB ? nameOf(blockB, lang) : second;
      return lang === "vi"
        ? `Số liệu mục ${a} trùng khớp từng dòng với mục ${b}: có thể đã sao chép nhầm.`
        : `Block ${a} equals block ${b} row by row: possibly copied by mistake.`;
    }),
  };
}

function derivedMessage(
  row: RowDef,
  stated: { scaled: number; decimals: number },
  rounded: { scaled: number; decimals: number },
  ratio: Ratio,
  byTruncation: boolean,
  lang: Lang,
): string {
  const name = nameOf(row, lang);
  const typed = formatPercent(stated, lang);
  const computed = formatPercent(rounded, lang);
  const from =
    formatAmount(ratio.numerator, "count", lang) + "/" + formatAmount(ratio.denominator, "count", lang);
  if (byTruncation) {
    return lang === "vi"
      ? `${name}: ${typed} khớp với ${from} khi cắt bớt chữ số thập phân; làm tròn đúng là ${computed}.`
      : `${name}: ${typed} agrees with ${from} by truncation; rounded it is ${computed}.`;
  }
  return lang === "vi"
    ? `${name}: ghi ${typed} nhưng tính từ số liệu chi tiết ${from} được ${computed}.`
    : `${name}: stated ${typed} but the counts give ${from} = ${computed}.`;
}

function relationKind(rule: RelationRule, outcome: Extract<Outcome, { status: "fail" }>): string {
  if (rule.kind === "balance") return "balance_mismatch";
  if (rule.kind === "order") return "order_violated";
  return outcome.direction === "short" ? `${rule.kind}_shortfall` : `${rule.kind}_exceeded`;
}

function sideText(codes: readonly string[], states: CodeLookup<CellState>, lang: Lang): string {
  return codes
    .map((code) => {
      const state = states.get(code)!;
      const amount = state.reading.state === "value" ? state.reading.amount : undefined;
      return `${labelOf(state.row, lang)} (${amount === undefined ? "?" : formatAmount(amount, kindOf(state.row), lang)})`;
    })
    .join(" + ");
}

function relationMessage(
  rule: RelationRule,
  outcome: Extract<Outcome, { status: "fail" }>,
  states: CodeLookup<CellState>,
  lang: Lang,
  suspect: Suspect | undefined,
): string {
  const vi = lang === "vi";
  const percent = rule.rightPercent !== undefined || states.get(rule.left[0]!)?.row.kind === "percent";
  const fmt = (amount: number) => formatAmount(amount, percent ? "percent" : "count", lang);
  const left = sideText(rule.left, states, lang);
  const right =
    rule.rightPercent !== undefined
      ? fmt(rule.rightPercent * PERCENT_SCALE)
      : sideText(rule.right, states, lang);
  const difference = fmt(Math.abs(outcome.left - outcome.right));
  let text: string;
  switch (relationKind(rule, outcome)) {
    case "balance_mismatch":
      text = vi
        ? `${left} khác ${right}: chênh lệch ${difference}.`
        : `${left} differs from ${right}: a difference of ${difference}.`;
      break;
    case "ofWhich_shortfall":
      text = vi
        ? `Tổng các dòng "trong đó" ${left} = ${fmt(outcome.left)} nhỏ hơn ${right}: còn ${difference} chưa phân loại.`
        : `The "of which" rows ${left} = ${fmt(outcome.left)} are below ${right}: ${difference} unaccounted for.`;
      break;
    case "stock_shortfall":
      text = vi
        ? `${left} = ${fmt(outcome.left)} nhỏ hơn ${right}: còn ${difference} hồ sơ (trả lại hoặc rút hồ sơ?).`
        : `${left} = ${fmt(outcome.left)} is below ${right}: ${difference} dossiers left (returned or withdrawn?).`;
      break;
    default:
      text = vi
        ? `${left}${rule.left.length > 1 ? ` = ${fmt(outcome.left)}` : ""} lớn hơn ${right}${rule.right.length > 1 ? ` = ${fmt(outcome.right)}` : ""}: vượt ${difference}.`
        : `${left}${rule.left.length > 1 ? ` = ${fmt(outcome.left)}` : ""} exceeds ${right}${rule.right.length > 1 ? ` = ${fmt(outcome.right)}` : ""} by ${difference}.`;
  }
  if (suspect?.value !== undefined && suspect.code) {
    const row = states.get(suspect.code)!.row;
    text += vi
      ? ` Chỉ tiêu có khả năng sai: ${nameOf(row, lang)}; đề xuất ${formatAmount(suspect.value, kindOf(row), lang)}.`
      : ` Most likely wrong: ${nameOf(row, lang)}; suggested ${formatAmount(suspect.value, kindOf(row), lang)}.`;
  } else if (suspect?.candidates.length) {
    // The candidates are named here once: the pane and the CLI show this message and nothing else about them.
    const names = suspect.candidates.map((code) => nameOf(states.get(code)!.row, lang)).join("; ");
    text += vi
      ? ` Không xác định được chỉ tiêu nào sai; có thể là một trong các chỉ tiêu: ${names}.`
      : ` Which indicator is wrong cannot be told; it may be any of: ${names}.`;
  }
  return text;
}

interface Suspect {
  readonly code?: string;
  readonly value?: number;
  readonly candidates: readonly string[];
}

interface Candidate {
  /** Row index of the candidate cell. */
  readonly at: number;
  readonly value: number;
  /** Indexes of the failing rules the value resolves. */
  readonly resolves: readonly number[];
}

/** True when a stated percentage disagrees with its counts beyond rounding or truncation. */
function derivedFails(check: DerivedCheck, amountAt: AmountOf<number>, known: SheetState): boolean {
  const reading = known.readings[check.at]!;
  if (reading.state !== "value" || !reading.percent) return false;
  const ratio = recompute(check.inputs, amountAt);
  if (!isRatio(ratio)) return false;
  const stated = reading.percent;
  return (
    stated.scaled !== percentOf(ratio, stated.decimals, "round").scaled &&
    stated.scaled !== percentOf(ratio, stated.decimals, "truncate").scaled
  );
}

/** True when changing one count (as `trial` reads it) makes a stated percentage that agreed disagree. */
function breaksDerived(at: number, trial: AmountOf<number>, known: SheetState): boolean {
  for (const check of known.plan.derivedAt[at]!) {
    if (!derivedFails(check, known.amountAt, known) && derivedFails(check, trial, known)) return true;
  }
  return false;
}

/** Reads the amounts as they are but one row's, which reads `value`. */
function trialOf(at: number, value: number, known: SheetState): AmountOf<number> {
  const amounts = known.amounts;
  return (other) => (other === at ? value : amounts[other]);
}

/** True when row `at` = `value` makes any rule reading it fail at error or warning level. */
function breaksAny(at: number, value: number, known: SheetState): boolean {
  if (implausible(known.plan.rows[at]!, value, known.level)) return true;
  const trial = trialOf(at, value, known);
  if (breaksDerived(at, trial, known)) return true;
  for (const index of known.plan.relationsAt[at]!) {
    if (isBlocking(evaluateRelation(known.plan.relations[index]!.relation, trial))) return true;
  }
  return false;
}

function isBlocking(outcome: Outcome<number> | undefined): boolean {
  return outcome?.status === "fail" && outcome.severity !== "info";
}

/**
 * Error localisation (DESIGN.md section 5): every cell of a failing relation is a candidate with the value that
 * rule implies; a candidate is kept when it creates no new error or warning, and the suspect of each failing rule
 * is the kept candidate that resolves the most failing rules. A tie gives no suggestion but lists the candidates.
 * The suspects come back by rule index.
 */
function localise(outcomes: readonly Outcome<number>[], known: SheetState): (Suspect | undefined)[] {
  const { plan, amounts } = known;
  const suspects = new Array<Suspect | undefined>(outcomes.length).fill(undefined);
  const failing: number[] = [];
  for (let index = 0; index < outcomes.length; index++) if (isBlocking(outcomes[index])) failing.push(index);
  if (!failing.length) return suspects;
  const candidates: Candidate[] = [];
  const tried: { at: number; value: number }[] = [];
  for (const ruleIndex of failing) {
    const relation = plan.relations[ruleIndex]!.relation;
    for (const at of plan.relations[ruleIndex]!.keys) {
      if (plan.rows[at]!.kind !== "count") continue;
      const value = impliedValue(relation, at, known.amountAt);
      if (value === undefined || value === amounts[at]) continue;
      if (tried.some((trial) => trial.at === at && trial.value === value)) continue;
      tried.push({ at, value });
      const trial = trialOf(at, value, known);
      const resolves: number[] = [];
      let breaks =
        breaksDerived(at, trial, known) || implausible(plan.rows[at]!, value, known.level) !== undefined;
      for (const other of plan.relationsAt[at]!) {
        const before = isBlocking(outcomes[other]);
        const after = isBlocking(evaluateRelation(plan.relations[other]!.relation, trial));
        if (before && !after) resolves.push(other);
        if (!before && after) breaks = true;
      }
      if (!breaks && resolves.length) candidates.push({ at, value, resolves });
    }
  }
  for (const ruleIndex of failing) {
    const fixing = candidates.filter((candidate) => candidate.resolves.includes(ruleIndex));
    if (!fixing.length) continue;
    const best = Math.max(...fixing.map((candidate) => candidate.resolves.length));
    const top = fixing.filter((candidate) => candidate.resolves.length === best);
    suspects[ruleIndex] =
      top.length === 1
        ? { code: plan.rows[top[0]!.at]!.code, value: top[0]!.value, candidates: [] }
        : { candidates: top.map((candidate) => plan.rows[candidate.at]!.code) };
  }
  return suspects;
}
