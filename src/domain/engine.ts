import type { Level, LoadedCatalogue } from "./catalogue";
import { catalogue as defaultCatalogue } from "./catalogue";
import type { Finding, RuleSummary, SeverityCounts, Verdict } from "./findings";
import { countBySeverity, SEVERITY_ORDER } from "./findings";
import type { AppendixSheet } from "./locate";
import { locatedRows } from "./locate";
import { validationPlan } from "./plan";
import { SheetValues } from "./rule-kinds/kind";
import { localise } from "./rule-kinds/localise";
import * as unit from "./rule-kinds/unit";
import type { Reading, Severity } from "./values";

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
  const values = new SheetValues(plan, locatedRows(sheet, catalogue), sheet.sheet, sheet.level);
  const summaries: RuleSummary[] = [unit.evaluate(values)];
  const rules = plan.rules;
  let failed = 0;
  for (const rule of rules) {
    const summary = rule.evaluate(values);
    summaries.push(summary);
    if (summary.failed) failed++;
  }
  values.suspects = localise(values);
  const findings: Finding[] = [];
  if (failed) {
    for (let index = 0; index < rules.length; index++) {
      if (summaries[index + 1]!.failed) rules[index]!.findings(values, findings);
    }
  }
  const unitFindings: Finding[] = [];
  if (summaries[0]!.failed) unit.findings(values, unitFindings);

  const ordered = bySeverity(unitFindings, findings);
  const counts = countBySeverity(ordered);
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
