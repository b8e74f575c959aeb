import type { Level, LoadedCatalogue } from "./catalogue";
import { catalogue as defaultCatalogue } from "./catalogue";
import type { Finding, RuleSummary, SeverityCounts, Verdict } from "./findings";
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
  // to check, so that earlier periods keep their rule list; reported just before completeness, as it was declared.
  const byPeriod = periodFindings(sheet, plan.rows, values.readings, plan.byCode);
  if (byPeriod) {
    const period: RuleSummary = {
      rule: PERIOD_RULE,
      passed: byPeriod.length ? 0 : 1,
      failed: byPeriod.length ? 1 : 0,
      notEvaluated: 0,
    };
    summaries.splice(summaries.length - 1, 0, period);
    const completeAt = findings.findIndex((finding) => finding.rule === plan.complete.id);
    findings.splice(completeAt === -1 ? findings.length : completeAt, 0, ...byPeriod);
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

/**
 * Findings errors first, then warnings, then infos, each in the order the rules ran (a stable sort), and their
 * counts: one pass, each finding's severity read once (findings of a dozen kinds, each its own shape, make every
 * read of it a generic lookup).
 */
function bySeverity(
  unitFindings: readonly Finding[],
  ruleFindings: readonly Finding[],
): { ordered: Finding[]; counts: SeverityCounts } {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const infos: Finding[] = [];
  for (const group of [unitFindings, ruleFindings]) {
    for (const finding of group) {
      const severity = finding.severity;
      if (severity === "error") errors.push(finding);
      else if (severity === "warning") warnings.push(finding);
      else infos.push(finding);
    }
  }
  const counts = { error: errors.length, warning: warnings.length, info: infos.length };
  for (const finding of warnings) errors.push(finding);
  for (const finding of infos) errors.push(finding);
  return { ordered: errors, counts };
}
