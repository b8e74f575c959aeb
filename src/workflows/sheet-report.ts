import type { SheetValidation } from "../domain/engine";
import type { FileReport } from "./report";

// Kept apart from the report's zod schema (./report), so that a validation builds its report without loading zod.

/** The report entry of one validated sheet. */
export function sheetReport(result: SheetValidation): FileReport["sheets"][number] {
  return {
    sheet: result.sheet,
    unit: result.unit ?? null,
    level: result.level ?? null,
    period: result.period ?? null,
    templateVersion: result.templateVersion ?? null,
    verdict: result.verdict,
    findings: result.findings.map((finding) => ({
      ...finding,
      codes: [...finding.codes],
      cells: [...finding.cells],
      params: Object.fromEntries(
        Object.entries(finding.params).map(([key, value]) => [
          key,
          Array.isArray(value) ? [...value] : value,
        ]),
      ) as FileReport["sheets"][number]["findings"][number]["params"],
    })),
    summary: {
      counts: result.counts,
      blankExpected: result.blankExpected.length,
      rules: result.rules.map((rule) => ({ ...rule })),
    },
  };
}
