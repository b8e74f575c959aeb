import type { RelationKindName } from "../messages";

// The words of a definition's `loại` column (DESIGN.md section 11), written once: the expression reader, the
// definition's reader and writer, and the messages that name a rule's kind all take them from here.

/** A rule's kind as the catalogue names it. */
export type RuleKindName = RelationKindName | "pattern";

/** The `loại` word of each rule kind, as a definition writes it and a message quotes it. */
export const RULE_KIND_WORD: Readonly<Record<RuleKindName, string>> = {
  balance: "cân đối",
  ofWhich: "trong đó",
  stock: "tồn",
  order: "thứ tự",
  pattern: "sao chép",
};

/** The `loại` words of a definition's `Quy tắc` sheet and the rule kind each names. */
export const RULE_KIND_WORDS: Readonly<Record<string, RuleKindName>> = Object.fromEntries(
  Object.entries(RULE_KIND_WORD).map(([kind, word]) => [word, kind as RuleKindName]),
);

/**
 * The rule kind a `loại` cell names, whatever its case, spacing or Unicode composition ("Cân  đối"); undefined
 * for any other word.
 */
export function ruleKindOf(word: string): RuleKindName | undefined {
  const key = word.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  return Object.hasOwn(RULE_KIND_WORDS, key) ? RULE_KIND_WORDS[key] : undefined;
}
