import { parseFormKey } from "../domain/catalogue";
import type { SheetValidation } from "../domain/engine";
import type { FileReport } from "./report";

// Kept apart from the report's zod schema (./report), so that a validation builds its report without loading zod.

/** The report entry of one validated sheet. */
export function sheetReport(result: SheetValidation): FileReport["sheets"][number] {
  // F1 names a definition's sheet "ID#hash": the report gives the version as the version and the hash beside it.
  const key = result.templateVersion === undefined ? undefined : parseFormKey(result.templateVersion);
  return {
    sheet: result.sheet,
    unit: result.unit ?? null,
    level: result.level ?? null,
    period: result.period ?? null,
    templateVersion: key?.id ?? result.templateVersion ?? null,
    templateHash: key?.hash ?? null,
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
