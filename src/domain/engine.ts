import type { Level, LoadedCatalogue } from "./catalogue";
import { catalogue as defaultCatalogue } from "./catalogue";
import type { Finding, RuleSummary, SeverityCounts, Verdict } from "./findings";
import { inputFindings } from "./inputs";
import type { AppendixSheet } from "./locate";
import { locatedRows } from "./locate";
import { validationPlan } from "./plan";
import { PERIOD_RULE, periodFindings } from "./reform";
import { SheetValues } from "./rule-kinds/kind";
import { localise } from "./rule-kinds/localise";
import * as unit from "./rule-kinds/unit";
import type { Reading } from "./values";

export { percentFormat } from "./rule-kinds/kind";
export { COMPLETE_RULE } from "./rule-kinds/complete";
export { PLAUSIBLE_RULE } from "./rule-kinds/plausible";
export { UNIT_RULE } from "./rule-kinds/unit";

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

/**
 * Validates one appendix against every rule of its catalogue: value reading, derived percentages, relations,
 * plausibility, patterns and completeness, then points at the cell most likely wrong for each failing relation.
 * The rules are the catalogue's, compiled once by their kinds' modules (src/domain/rule-kinds): every rule is
 * evaluated in order, the suspects of the failing relations found, and only then are findings made, by the rules
 * that failed.
 */
export function validateAppendix(
  sheet: AppendixSheet,
  catalogue: LoadedCatalogue = defaultCatalogue,
): SheetValidation {
  const plan = validationPlan(catalogue);
  const values = new SheetValues(plan, locatedRows(sheet, catalogue), sheet.sheet, sheet.level, sheet.period);
  const rules = plan.rules;
  // Sized once: a summary for the unit rule and one per rule.
  const summaries = new Array<RuleSummary>(rules.length + 1);
  summaries[0] = unit.evaluate(values);
  const evaluators = plan.evaluators;
  let failed = 0;
  for (let index = 0; index < evaluators.length; index++) {
    const summary = evaluators[index]!(values);
    summaries[index + 1] = summary;
    if (summary.failed) failed++;
  }
  values.suspects = localise(values);
  const findings: Finding[] = [];
  if (failed) {
    for (let index = 0; index < rules.length; index++) {
      if (summaries[index + 1]!.failed) rules[index]!.findings(values, findings);
    }
  }
  // The periods a level and its rows apply in (the 2025 reform) are checked only where the period gives something
  // to check, and row 4's level and period only where one reads as none, so that earlier periods and appendices
  // stating both keep their rule list; reported just before completeness, as it was declared.
  const byInputs = inputFindings(sheet, plan.byCode);
  const byPeriod = periodFindings(sheet, plan.rows, values.readings, plan.byCode);
  const byLevelAndPeriod = byInputs ? [...byInputs, ...(byPeriod ?? [])] : byPeriod;
  if (byLevelAndPeriod) {
    const period: RuleSummary = {
      rule: PERIOD_RULE,
      passed: byLevelAndPeriod.length ? 0 : 1,
      failed: byLevelAndPeriod.length ? 1 : 0,
      notEvaluated: 0,
    };
    summaries.splice(summaries.length - 1, 0, period);
    const completeAt = findings.findIndex((finding) => finding.rule === plan.complete.id);
    findings.splice(completeAt === -1 ? findings.length : completeAt, 0, ...byLevelAndPeriod);
  }
  const unitFindings: Finding[] = [];
  if (summaries[0]!.failed) unit.findings(values, unitFindings);

  const { ordered, counts } = bySeverity(unitFindings, findings);
  return {
    sheet: sheet.sheet,
    unit: sheet.unit,
    level: sheet.level,
    period: sheet.period,
    templateVersion: sheet.templateVersion,
    verdict: counts.error === 0 && values.anyValue ? "ready" : "not_ready",
    findings: ordered,
    counts,
    rules: summaries,
    blankExpected: values.blankExpected,
    readings: values.readings,
    amounts: values.amounts,
  };
}

// The severity ranks of the findings bySeverity orders, reused by every validation (they run one at a time).
let ranks = new Uint8Array(64);

/**
 * Findings errors first, then warnings, then infos, each in the order the rules ran (a stable sort), and their
 * counts. Each finding's severity is read once (findings of a dozen kinds, each its own shape, make every read of it
 * a generic lookup) into `ranks`, and the findings are then placed in one array of their number, where three arrays
 * grown by pushes and joined cost several copies.
 */
function bySeverity(
  unitFindings: readonly Finding[],
  ruleFindings: readonly Finding[],
): { ordered: Finding[]; counts: SeverityCounts } {
  const total = unitFindings.length + ruleFindings.length;
  if (ranks.length < total) ranks = new Uint8Array(Math.max(total, 2 * ranks.length));
  let error = 0;
  let warning = 0;
  for (let index = 0; index < total; index++) {
    const finding =
      index < unitFindings.length ? unitFindings[index]! : ruleFindings[index - unitFindings.length]!;
    const severity = finding.severity;
    const rank = severity === "error" ? 0 : severity === "warning" ? 1 : 2;
    ranks[index] = rank;
    if (rank === 0) error++;
    else if (rank === 1) warning++;
  }
  const ordered = new Array<Finding>(total);
  const next = [0, error, error + warning];
  for (let index = 0; index < total; index++) {
    const finding =
      index < unitFindings.length ? unitFindings[index]! : ruleFindings[index - unitFindings.length]!;
    ordered[next[ranks[index]!]!++] = finding;
  }
  return { ordered, counts: { error, warning, info: total - error - warning } };
}
