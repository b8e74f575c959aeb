import type { Level, LoadedCatalogue, RelationRule, RowDef } from "./catalogue";
import { catalogue as defaultCatalogue } from "./catalogue";
import type { Ratio } from "./derive";
import { isRatio, percentOf, recompute } from "./derive";
import type { Finding, RuleSummary, SeverityCounts, Suggestion, Verdict } from "./findings";
import { countBySeverity, SEVERITY_ORDER } from "./findings";
import { formatAmount, formatCount, formatPercent, percentFromAmount } from "./format";
import { derivedFormula, sheetLayout } from "./layout";
import type { AppendixSheet, LocatedCell } from "./locate";
import type { Lang } from "./messages";
import { bilingual, labelOf, nameOf, readingMessage } from "./messages";
import { readValue } from "./reading";
import type { AmountOf, Outcome } from "./rules";
import { evaluateRelation, impliedValue } from "./rules";
import type { Reading, ReadingIssue } from "./values";
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

/** Rule outcomes in the order rules are evaluated; each rule is evaluated once per sheet but the unit rule. */
class Tally {
  private readonly rules: RuleSummary[] = [];
  set(rule: string, counts: { passed: number; failed: number; notEvaluated: number }): void {
    this.rules.push({ rule, ...counts });
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

/** The value cell of a row, or, for a row the sheet lacks, its code on that sheet, so a finding points somewhere. */
function addressOf(state: CellState | undefined, sheet: string, code: string): string {
  return state?.located?.address ?? `'${sheet}'!${code}`;
}

/** The Excel value of an amount: counts and codes as they are, percentages as fractions (12,5% → 0.125). */
function excelValue(row: RowDef, amount: number): number {
  return row.kind === "percent" ? amount / (100 * PERCENT_SCALE) : amount;
}

/** The Excel number format showing a percentage with the given decimals: 0 → "0%", 2 → "0.00%". */
export function percentFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%";
}

function suggestionFor(state: CellState, amount: number, address: string): Suggestion {
  return {
    code: state.row.code,
    cell: address,
    value: excelValue(state.row, amount),
    ...(state.row.kind === "percent"
      ? { numberFormat: percentFormat(percentFromAmount(amount).decimals) }
      : {}),
    display: bilingual((lang) => formatAmount(amount, kindOf(state.row), lang)),
  };
}

const BLANK: Reading = { state: "blank" };

/** Reads by code what a validation knows of each row. */
interface CodeLookup<T> {
  get(code: string): T | undefined;
}

/**
 * Per-validation values by code, held in an array laid out like the catalogue's rows: filling a Map of a hundred
 * entries on every validation costs more than all the rules together.
 */
class CodeTable<T> implements CodeLookup<T> {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly items: (T | undefined)[],
  ) {}
  get(code: string): T | undefined {
    const at = this.index.get(code);
    return at === undefined ? undefined : this.items[at];
  }
  set(code: string, value: T): void {
    const at = this.index.get(code);
    if (at !== undefined) this.items[at] = value;
  }
}

const rowIndexes = new WeakMap<LoadedCatalogue, ReadonlyMap<string, number>>();

type DerivedRow = LoadedCatalogue["derivedRows"][number];

/** The catalogue's rules by the codes they read, built once, so that trying a value touches only its rules. */
interface RuleIndex {
  readonly relations: readonly RelationRule[];
  readonly codesOf: ReadonlyMap<string, readonly string[]>;
  readonly relationsOf: ReadonlyMap<string, readonly RelationRule[]>;
  readonly balanceOf: ReadonlyMap<string, RelationRule>;
  readonly derivedOf: ReadonlyMap<string, readonly DerivedRow[]>;
}

const ruleIndexes = new WeakMap<LoadedCatalogue, RuleIndex>();

function ruleIndex(catalogue: LoadedCatalogue): RuleIndex {
  let index = ruleIndexes.get(catalogue);
  if (index) return index;
  const codesOf = new Map<string, readonly string[]>();
  const relationsOf = new Map<string, RelationRule[]>();
  const balanceOf = new Map<string, RelationRule>();
  const derivedOf = new Map<string, DerivedRow[]>();
  const push = <T>(map: Map<string, T[]>, code: string, item: T) =>
    map.set(code, [...(map.get(code) ?? []), item]);
  for (const rule of catalogue.relations) {
    const codes = [...rule.left, ...rule.right];
    codesOf.set(rule.id, codes);
    for (const code of codes) {
      push(relationsOf, code, rule);
      if (rule.kind === "balance" && !balanceOf.has(code)) balanceOf.set(code, rule);
    }
  }
  for (const row of catalogue.derivedRows) {
    for (const code of new Set([...row.derived.plus, ...row.derived.minus, row.derived.denominator])) {
      push(derivedOf, code, row);
    }
  }
  index = { relations: catalogue.relations, codesOf, relationsOf, balanceOf, derivedOf };
  ruleIndexes.set(catalogue, index);
  return index;
}

function rowIndex(catalogue: LoadedCatalogue): ReadonlyMap<string, number> {
  let index = rowIndexes.get(catalogue);
  if (!index) rowIndexes.set(catalogue, (index = new Map(catalogue.rows.map((row, at) => [row.code, at]))));
  return index;
}

function unitFinding(state: CellState, located: LocatedCell, issue: ReadingIssue): Finding {
  const { reading, row } = state;
  const amount =
    reading.state === "value"
      ? reading.amount
      : reading.state === "unreadable"
        ? reading.suggestion
        : undefined;
  const shown = (lang: Lang): string | undefined => {
    if (issue.problem === "ambiguous_percent") {
      const asTyped = Number(issue.raw);
      const other = formatCount(asTyped * 100, lang);
      return lang === "vi" ? `${issue.raw}% hay ${other}%` : `${issue.raw}% or ${other}%`;
    }
    return amount === undefined ? undefined : formatAmount(amount, kindOf(row), lang);
  };
  return {
    rule: UNIT_RULE,
    kind: issue.problem,
    severity: issue.severity,
    codes: [row.code],
    cells: [located.address],
    params: { raw: issue.raw, ...(amount !== undefined ? { value: excelValue(row, amount) } : {}) },
    message: bilingual((lang) => readingMessage(issue.problem, row, issue.raw, shown(lang), lang)),
    ...(amount !== undefined && FIXABLE.has(issue.problem)
      ? { suggestion: suggestionFor(state, amount, located.address) }
      : {}),
  };
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
 * Validates one appendix against every rule of its catalogue: value reading, derived percentages, relations,
 * patterns and completeness, then points at the cell most likely wrong for each failing relation.
 */
export function validateAppendix(
  sheet: AppendixSheet,
  catalogue: LoadedCatalogue = defaultCatalogue,
): SheetValidation {
  const layout = sheetLayout(catalogue);
  const findings: Finding[] = [];
  const tally = new Tally();
  const cellOf = (code: string) => addressOf(states.get(code), sheet.sheet, code);

  // One pass over the rows: read every value, keep the amounts rules compute with, and judge each value cell.
  const index = rowIndex(catalogue);
  const stateList: CellState[] = new Array<CellState>(catalogue.rows.length);
  const states = new CodeTable(index, stateList);
  const amounts = new CodeTable(index, new Array<number | undefined>(catalogue.rows.length));
  const unitOutcomes = { passed: 0, failed: 0, notEvaluated: 0 };
  for (let at = 0; at < catalogue.rows.length; at++) {
    const row = catalogue.rows[at]!;
    const located = sheet.cells.get(row.code);
    const reading = located ? readValue(row, located.cell) : BLANK;
    const state: CellState = { row, located, reading };
    stateList[at] = state;
    if (reading.state === "value") amounts.set(row.code, reading.amount);
    if (!located) continue;
    if (reading.state === "blank" || reading.state === "na") {
      unitOutcomes.notEvaluated++;
      continue;
    }
    const issue = reading.issue;
    if (!issue) {
      unitOutcomes.passed++;
      continue;
    }
    unitOutcomes.failed++;
    findings.push(unitFinding(state, located, issue));
  }
  tally.set(UNIT_RULE, unitOutcomes);

  // Derived percentages: the stated value against the one recomputed from the source counts.
  const amountOf: AmountOf = (code) => amounts.get(code);
  for (const row of catalogue.derivedRows) {
    const state = states.get(row.code)!;
    const rule = `derived:${row.code}`;
    const ratio = recompute(row.derived, amountOf);
    const reading = state.reading;
    const hasOwnFormula = Boolean(state.located?.cell?.formula);
    if (!isRatio(ratio) || reading.state !== "value" || !reading.percent) {
      // A formula cell without a cached value (a file filled by a tool that never recalculated) holds the
      // recomputed value by construction, for the rules that read it.
      if (isRatio(ratio) && hasOwnFormula && reading.state === "blank") {
        amounts.set(row.code, percentOf(ratio, 4, "round").scaled);
      }
      tally.count(rule, "notEvaluated");
      continue;
    }
    const stated = reading.percent;
    const rounded = percentOf(ratio, stated.decimals, "round");
    const truncated = percentOf(ratio, stated.decimals, "truncate");
    const address = addressOf(state, sheet.sheet, row.code);
    const params = derivedParams(row, ratio, stated.scaled, stated.decimals, rounded.scaled);
    if (stated.scaled === rounded.scaled) {
      tally.count(rule, "passed");
      continue;
    }
    tally.count(rule, "failed");
    const byTruncation = stated.scaled === truncated.scaled;
    const inputs = [...row.derived.plus, ...row.derived.minus, row.derived.denominator];
    findings.push({
      rule,
      kind: byTruncation ? "derived_truncated" : "derived_mismatch",
      severity: byTruncation ? "info" : "error",
      codes: [row.code, ...inputs],
      cells: [address, ...inputs.map((code) => cellOf(code))],
      params: { ...params, truncated: byTruncation },
      message: bilingual((lang) => derivedMessage(row, stated, rounded, ratio, byTruncation, lang)),
      ...(byTruncation
        ? {}
        : {
            suggestion: {
              code: row.code,
              cell: address,
              value: ratio.numerator / ratio.denominator,
              formula: `=${derivedFormula(layout, row)}`,
              numberFormat: percentFormat(Math.max(stated.decimals, 2)),
              display: bilingual((lang) => formatPercent(rounded, lang)),
            },
          }),
    });
  }

  // Relations: balances, of-which, stock and order rules.
  const outcomes = new Map<string, Outcome>();
  for (const rule of catalogue.relations) {
    const outcome = evaluateRelation(rule, amountOf);
    outcomes.set(rule.id, outcome);
    tally.count(
      rule.id,
      outcome.status === "pass" ? "passed" : outcome.status === "fail" ? "failed" : "notEvaluated",
    );
  }
  const rules = ruleIndex(catalogue);
  const suspects = localise(rules, outcomes, amounts, states);
  for (const rule of catalogue.relations) {
    const outcome = outcomes.get(rule.id)!;
    if (outcome.status !== "fail") continue;
    const suspect = suspects.get(rule.id);
    const ruleCells = rules.codesOf.get(rule.id)!.map((code) => cellOf(code));
    const suspectCell = suspect?.code ? cellOf(suspect.code) : undefined;
    const cells = suspectCell
      ? [suspectCell, ...ruleCells.filter((cell) => cell !== suspectCell)]
      : ruleCells;
    const suspectState = suspect?.code ? states.get(suspect.code) : undefined;
    findings.push({
      rule: rule.id,
      kind: relationKind(rule, outcome),
      severity: outcome.severity,
      codes: [...rule.left, ...rule.right],
      cells,
      params: {
        left: outcome.left,
        right: outcome.right,
        difference: Math.abs(outcome.left - outcome.right),
        ...(suspect?.candidates.length ? { candidates: suspect.candidates } : {}),
      },
      message: bilingual((lang) => relationMessage(rule, outcome, states, lang, suspect)),
      ...(suspectState && suspectCell && suspect?.value !== undefined
        ? { suggestion: suggestionFor(suspectState, suspect.value, suspectCell) }
        : {}),
    });
  }
  settleUnitSuggestions(rules, amounts, states, findings);

  // Patterns: a block equal to another pair by pair, not all zero, is a likely copy-paste.
  for (const rule of catalogue.patterns) {
    const pairs = rule.pairs.map(([a, b]) => [amounts.get(a), amounts.get(b)] as const);
    if (pairs.some(([a, b]) => a === undefined || b === undefined)) {
      tally.count(rule.id, "notEvaluated");
      continue;
    }
    const equal = pairs.every(([a, b]) => a === b);
    const allZero = pairs.every(([a, b]) => a === 0 && b === 0);
    if (!equal || allZero) {
      tally.count(rule.id, "passed");
      continue;
    }
    tally.count(rule.id, "failed");
    const codes = rule.pairs.flat();
    findings.push({
      rule: rule.id,
      kind: "pattern_copy",
      severity: "info",
      codes,
      cells: codes.map((code) => cellOf(code)),
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
    });
  }

  // Completeness: rows expected from this level left blank, and an appendix with no value at all.
  const blankExpected: string[] = [];
  let anyValue = false;
  for (const state of stateList) {
    if (state.reading.state !== "blank") {
      if (state.located && state.row.kind !== "none") anyValue = true;
      continue;
    }
    if (sheet.level && state.row.block === "appendix" && state.row.scope.includes(sheet.level)) {
      blankExpected.push(state.row.code);
    }
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
      cells: blankExpected.map((code) => cellOf(code)),
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

  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const counts = countBySeverity(findings);
  return {
    sheet: sheet.sheet,
    unit: sheet.unit,
    level: sheet.level,
    period: sheet.period,
    templateVersion: sheet.templateVersion,
    verdict: counts.error === 0 && anyValue ? "ready" : "not_ready",
    findings,
    counts,
    rules: tally.summary(),
    blankExpected,
  };
}

function derivedParams(row: RowDef, ratio: Ratio, stated: number, decimals: number, recomputed: number) {
  return {
    numerator: ratio.numerator,
    denominator: ratio.denominator,
    stated: stated / 10 ** decimals,
    recomputed: recomputed / 10 ** decimals,
    decimals,
    code: row.code,
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
      ? ` Ô có khả năng sai: ${nameOf(row, lang)}; đề xuất ${formatAmount(suspect.value, kindOf(row), lang)}.`
      : ` Most likely wrong: ${nameOf(row, lang)}; suggested ${formatAmount(suspect.value, kindOf(row), lang)}.`;
  } else if (suspect?.candidates.length) {
    text += vi
      ? ` Không xác định được ô sai; kiểm tra: ${suspect.candidates.join(", ")}.`
      : ` The wrong cell cannot be told apart; check: ${suspect.candidates.join(", ")}.`;
  }
  return text;
}

interface Suspect {
  readonly code?: string;
  readonly value?: number;
  readonly candidates: readonly string[];
}

interface Candidate {
  readonly code: string;
  readonly value: number;
  readonly resolves: ReadonlySet<string>;
}

/** True when a stated percentage disagrees with its counts beyond rounding or truncation. */
function derivedFails(
  row: LoadedCatalogue["derivedRows"][number],
  amountOf: AmountOf,
  states: CodeLookup<CellState>,
): boolean {
  const reading = states.get(row.code)?.reading;
  if (reading?.state !== "value" || !reading.percent) return false;
  const ratio = recompute(row.derived, amountOf);
  if (!isRatio(ratio)) return false;
  const stated = reading.percent;
  return (
    stated.scaled !== percentOf(ratio, stated.decimals, "round").scaled &&
    stated.scaled !== percentOf(ratio, stated.decimals, "truncate").scaled
  );
}

/** True when changing one count (as `trial` reads it) makes a stated percentage that agreed disagree. */
function breaksDerived(
  code: string,
  trial: AmountOf,
  amountOf: AmountOf,
  rules: RuleIndex,
  states: CodeLookup<CellState>,
): boolean {
  const rows = rules.derivedOf.get(code);
  return (
    rows !== undefined &&
    rows.some((row) => !derivedFails(row, amountOf, states) && derivedFails(row, trial, states))
  );
}

function isBlocking(outcome: Outcome | undefined): boolean {
  return outcome?.status === "fail" && outcome.severity !== "info";
}

/**
 * Error localisation (DESIGN.md section 5): every cell of a failing relation is a candidate with the value that
 * rule implies; a candidate is kept when it creates no new error or warning, and the suspect of each failing rule
 * is the kept candidate that resolves the most failing rules. A tie gives no suggestion but lists the candidates.
 */
function localise(
  rules: RuleIndex,
  outcomes: ReadonlyMap<string, Outcome>,
  amounts: CodeLookup<number>,
  states: CodeLookup<CellState>,
): Map<string, Suspect> {
  const failing = rules.relations.filter((rule) => isBlocking(outcomes.get(rule.id)));
  const suspects = new Map<string, Suspect>();
  if (!failing.length) return suspects;
  const amountOf: AmountOf = (code) => amounts.get(code);
  const candidates: Candidate[] = [];
  const tried = new Set<string>();
  for (const rule of failing) {
    for (const code of rules.codesOf.get(rule.id)!) {
      if (states.get(code)?.row.kind !== "count") continue;
      const value = impliedValue(rule, code, amountOf);
      if (value === undefined || value === amounts.get(code) || tried.has(`${code}=${value}`)) continue;
      tried.add(`${code}=${value}`);
      const trial: AmountOf = (other) => (other === code ? value : amounts.get(other));
      const resolves = new Set<string>();
      let breaks = breaksDerived(code, trial, amountOf, rules, states);
      for (const other of rules.relationsOf.get(code) ?? []) {
        const before = isBlocking(outcomes.get(other.id));
        const after = isBlocking(evaluateRelation(other, trial));
        if (before && !after) resolves.add(other.id);
        if (!before && after) breaks = true;
      }
      if (!breaks && resolves.size) candidates.push({ code, value, resolves });
    }
  }
  for (const rule of failing) {
    const fixing = candidates.filter((candidate) => candidate.resolves.has(rule.id));
    if (!fixing.length) continue;
    const best = Math.max(...fixing.map((candidate) => candidate.resolves.size));
    const top = fixing.filter((candidate) => candidate.resolves.size === best);
    suspects.set(
      rule.id,
      top.length === 1
        ? { code: top[0]!.code, value: top[0]!.value, candidates: [] }
        : { candidates: top.map((candidate) => candidate.code) },
    );
  }
  return suspects;
}

/**
 * Settles the suggestions of unreadable values. A malformed value is unknown, not wrong by a little: where a
 * balance holds everything else, it tells the value (DV.4.1 = DV.4 − DV.4.2 = 1.936 in the seed), and that
 * replaces the reader's own guess. A suggestion that would create a new error or warning is withheld: the message
 * still says what the value might be, but no click writes it.
 */
function settleUnitSuggestions(
  rules: RuleIndex,
  amounts: CodeLookup<number>,
  states: CodeLookup<CellState>,
  findings: Finding[],
): void {
  const amountOf: AmountOf = (code) => amounts.get(code);
  const breaks = (code: string, value: number) => {
    const trial: AmountOf = (other) => (other === code ? value : amounts.get(other));
    return (
      breaksDerived(code, trial, amountOf, rules, states) ||
      (rules.relationsOf.get(code) ?? []).some((rule) => isBlocking(evaluateRelation(rule, trial)))
    );
  };
  for (let index = 0; index < findings.length; index++) {
    const finding = findings[index]!;
    if (finding.rule !== UNIT_RULE) continue;
    const code = finding.codes[0]!;
    const state = states.get(code)!;
    const reading = state.reading;
    if (reading.state !== "unreadable") continue;
    const balance = state.row.kind === "count" ? rules.balanceOf.get(code) : undefined;
    const solved = balance ? impliedValue(balance, code, amountOf) : undefined;
    if (solved !== undefined && !breaks(code, solved)) {
      const issue = reading.issue;
      findings[index] = {
        ...finding,
        params: { ...finding.params, value: solved, solvedFrom: balance!.id },
        message: bilingual((lang) =>
          readingMessage(issue.problem, state.row, issue.raw, formatAmount(solved, "count", lang), lang),
        ),
        suggestion: suggestionFor(state, solved, finding.cells[0]!),
      };
    } else if (finding.suggestion && reading.suggestion !== undefined && breaks(code, reading.suggestion)) {
      const { suggestion: _withheld, ...rest } = finding;
      findings[index] = rest;
    }
  }
}
