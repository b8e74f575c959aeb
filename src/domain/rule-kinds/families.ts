/**
 * Every family of rule a validation summarises, as its rule ids begin: a rule id is its family alone ("unit") or
 * the family and what it is about ("balance:HS.1=HS.1.1+HS.1.2"). Whatever names rules for people (the pane's
 * summary, in each language) names every family, so a family added here cannot reach them as a bare id.
 */
export const RULE_FAMILIES = [
  "unit",
  "complete",
  "balance",
  "ofWhich",
  "stock",
  "order",
  "derived",
  "pattern",
  "period",
  "plausible",
] as const;

/** One of RULE_FAMILIES. */
export type RuleFamily = (typeof RULE_FAMILIES)[number];

/** The family a rule id belongs to (the part before its first ":"), as written: possibly none of RULE_FAMILIES. */
export function familyOfRule(rule: string): string {
  const cut = rule.indexOf(":");
  return cut < 0 ? rule : rule.slice(0, cut);
}
