import type { LoadedCatalogue } from "../domain/catalogue";
import { catalogue as defaultCatalogue } from "../domain/catalogue";
import type { Finding } from "../domain/findings";
import type { Severity } from "../domain/values";
import type { Lang, Strings } from "./i18n";
import { cellPlace, isElsewhere } from "./open-sheet";

/** Findings of one section of the form (1…7, a source block, or the whole appendix). */
export interface SectionGroup {
  readonly key: string;
  readonly findings: readonly Finding[];
}

/** Findings of one severity, by section in the form's order. */
export interface SeverityGroup {
  readonly severity: Severity;
  readonly count: number;
  readonly sections: readonly SectionGroup[];
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const GENERAL = "general";

/**
 * The section a finding belongs to: the first segment of its first code ("3" for 3.4.1, "HS" for HS.1.2). A finding
 * about the whole appendix (nothing entered, rows still blank) has a section of its own.
 */
export function sectionOf(finding: Finding): string {
  if (finding.kind === "incomplete" || finding.kind === "empty_appendix") return GENERAL;
  const code = finding.suggestion?.code ?? finding.codes[0];
  return code ? code.split(".")[0]! : GENERAL;
}

function sectionOrder(key: string, catalogue: LoadedCatalogue): number {
  if (key === GENERAL) return -1;
  const index = catalogue.rows.findIndex((row) => row.code === key || row.code.startsWith(`${key}.`));
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

/** Findings grouped by severity (errors first), then by section in the form's order, each keeping its order. */
export function groupFindings(
  findings: readonly Finding[],
  catalogue: LoadedCatalogue = defaultCatalogue,
): SeverityGroup[] {
  return SEVERITIES.flatMap((severity) => {
    const ofSeverity = findings.filter((finding) => finding.severity === severity);
    if (!ofSeverity.length) return [];
    const sections = new Map<string, Finding[]>();
    for (const finding of ofSeverity) {
      const key = sectionOf(finding);
      sections.set(key, [...(sections.get(key) ?? []), finding]);
    }
    return [
      {
        severity,
        count: ofSeverity.length,
        sections: [...sections]
          .sort(([a], [b]) => sectionOrder(a, catalogue) - sectionOrder(b, catalogue))
          .map(([key, list]) => ({ key, findings: list })),
      },
    ];
  });
}

/** A section's title: "Mục 3. Cải cách thủ tục hành chính" from the catalogue's own heading, or a source block's. */
export function sectionTitle(
  key: string,
  t: Strings,
  lang: Lang,
  catalogue: LoadedCatalogue = defaultCatalogue,
): string {
  if (key === GENERAL) return t.findings.general;
  const source = t.findings.sources[key];
  if (source) return source;
  const heading = catalogue.byCode.get(key);
  const label = heading ? heading.label[lang].replace(/<\/?i>/g, "").replace(/[\s:.]+$/, "") : "";
  return label ? t.findings.section(key, label) : t.findings.section(key, "");
}

/** What the one-click fix of a finding does, if it has one: a value, a conversion to number, or a formula. */
export type FixKind = "value" | "number" | "formula";

/** The kind of a finding's fix, or undefined when it offers none. */
export function fixKind(finding: Finding): FixKind | undefined {
  if (!finding.suggestion) return undefined;
  if (finding.suggestion.formula) return "formula";
  if (finding.kind === "text_number") return "number";
  return "value";
}

/**
 * The label of a finding's fix button: "Sửa thành 44", "Chuyển thành số", "Khôi phục công thức"; on a sheet that is
 * not `openSheet`, with the cell it writes: "Sửa Sở TTTT!D120 thành 44".
 */
export function fixLabel(finding: Finding, t: Strings, lang: Lang, openSheet?: string): string | undefined {
  const kind = fixKind(finding);
  const suggestion = finding.suggestion;
  if (!kind || !suggestion) return undefined;
  if (!isElsewhere(suggestion.cell, openSheet)) {
    if (kind === "formula") return t.findings.fixFormula;
    if (kind === "number") return t.findings.fixNumber;
    return t.findings.fixValue(suggestion.display[lang]);
  }
  const place = cellPlace(suggestion.cell, openSheet);
  if (kind === "formula") return t.findings.fixFormulaAt(place);
  if (kind === "number") return t.findings.fixNumberAt(place);
  return t.findings.fixValueAt(place, suggestion.display[lang]);
}

/** The local address of a qualified one ('Sở TTTT'!D120 → D120), for showing. */
export function localAddress(qualified: string | undefined): string {
  if (!qualified) return "";
  return qualified.slice(qualified.lastIndexOf("!") + 1);
}

/** A key for each finding that stays the same while other findings come and go (React keeps focus and state). */
export function findingKeys(findings: readonly Finding[]): Map<Finding, string> {
  const seen = new Map<string, number>();
  const keys = new Map<Finding, string>();
  for (const finding of findings) {
    const base = `${finding.rule}|${finding.kind}|${finding.cells.join(",")}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    keys.set(finding, count ? `${base}#${count}` : base);
  }
  return keys;
}
