import type { Bilingual, LoadedCatalogue } from "../domain/catalogue";
import type { SheetValidation } from "../domain/engine";
import { catalogue as defaultCatalogue } from "../domain/catalogue";
import type { FileReport } from "../workflows/report";
import type { Lang } from "../domain/messages";
import type { Place, WordReport } from "./report";
import { paragraphPlace, WORD_SHEET_NAMES } from "./report";
import { labelText } from "../domain/messages/labels";

// A Word report's findings pointed at the document rather than at grid cells: "'bảng phụ lục'!D15" becomes
// "bảng phụ lục, dòng 3.4.1" or the paragraph the figure came from, quoted; and the body's clauses that were not
// read (a row with two numbers, a number for two rows) are said, so that nobody takes their silence for a pass.

type SheetReport = FileReport["sheets"][number];
type FindingReport = SheetReport["findings"][number];

/** The rule id of the body's figures that were not read. */
export const BODY_RULE = "docx:body";

/** The rule id of a Word report in which no appendix table was found. */
export const TABLE_RULE = "docx:table";

const ROW = /!D(\d+)$/;
const MAX_PLACES = 3;

function placeOf(report: WordReport, address: string): Place | undefined {
  const row = ROW.exec(address)?.[1];
  return row === undefined ? undefined : report.places.get(Number(row));
}

/** What a finding holds that says where it is: the same in the domain's findings and in the JSON report's. */
interface Locatable {
  readonly kind: string;
  readonly codes: readonly string[];
  readonly cells: readonly string[];
  readonly params?: Readonly<Record<string, unknown>>;
  readonly message: Bilingual;
  readonly suggestion?: { readonly cell: string };
}

/**
 * A code stated twice, said as the user sees the document: the two values as written, each with its table row or
 * paragraph, instead of the rows of a grid nobody has.
 */
function conflictMessage(
  finding: Locatable,
  report: WordReport,
  catalogue: LoadedCatalogue,
): Bilingual | undefined {
  const rows = finding.params?.rows;
  const code = finding.codes[0];
  if (finding.kind !== "conflicting_rows" || !Array.isArray(rows) || rows.length !== 2 || !code)
    return undefined;
  const [first, second] = rows.map((row) =>
    typeof row === "number" ? { place: report.places.get(row), value: report.written.get(row) } : {},
  );
  if (!first?.place || !second?.place) return undefined;
  const label = catalogue.byCode.get(code)?.label;
  const name = (lang: "vi" | "en") => `${label?.[lang] ?? code} (${code})`;
  return labelText("docx_twice", {
    indicator: name("vi"),
    indicatorEn: name("en"),
    ...(first.value === undefined ? {} : { first: first.value }),
    firstAt: first.place.vi,
    firstAtEn: first.place.en,
    ...(second.value === undefined ? {} : { second: second.value }),
    secondAt: second.place.vi,
    secondAtEn: second.place.en,
  });
}

function placed<F extends Locatable>(
  finding: F,
  report: WordReport,
  catalogue: LoadedCatalogue = defaultCatalogue,
  lang: Lang = "vi",
): F {
  const conflict = conflictMessage(finding, report, catalogue);
  const cellPlaces = finding.cells.map((cell) => placeOf(report, cell));
  const distinct = [...new Map(cellPlaces.flatMap((place) => (place ? [[place.vi, place]] : []))).values()];
  // A few places are said; a finding over many rows (a copied block, the rows left blank) lists their codes already.
  const where = (lang: "vi" | "en") =>
    distinct.length && distinct.length <= MAX_PLACES
      ? ` — ${distinct.map((place) => place[lang]).join("; ")}`
      : "";
  const suggestionPlace = finding.suggestion ? placeOf(report, finding.suggestion.cell) : undefined;
  return {
    ...finding,
    cells: finding.cells.map((cell, index) => cellPlaces[index]?.[lang] ?? cell),
    message: conflict ?? {
      vi: `${finding.message.vi}${where("vi")}`,
      en: `${finding.message.en}${where("en")}`,
    },
    ...(finding.suggestion
      ? { suggestion: { ...finding.suggestion, cell: suggestionPlace?.[lang] ?? finding.suggestion.cell } }
      : {}),
  };
}

/**
 * A Word report's validation with its findings pointed at the document, for the consolidation: its correction
 * request then names the table row or quotes the paragraph instead of a cell of a sheet nobody has.
 */
export function placeValidation(
  validation: SheetValidation,
  report: WordReport,
  catalogue: LoadedCatalogue = defaultCatalogue,
): SheetValidation {
  return {
    ...validation,
    findings: validation.findings.map((finding) => placed(finding, report, catalogue)),
  };
}

function unreadFindings(report: WordReport, catalogue: LoadedCatalogue, lang: Lang): FindingReport[] {
  return report.unread.map((unread) => {
    const place = paragraphPlace(unread.paragraph, unread.numbers[0]);
    const labels = (lang: "vi" | "en") =>
      unread.codes.map((code) => `${catalogue.byCode.get(code)?.label[lang] ?? code} (${code})`);
    const numbers = unread.numbers.join("; ");
    const said = {
      labels: labels("vi"),
      labelsEn: labels("en"),
      numbers,
      place: place.vi,
      placeEn: place.en,
    };
    const message =
      unread.reason === "numbers"
        ? labelText("docx_numbers_unclear", { ...said, count: unread.numbers.length })
        : labelText("docx_owner_unclear", said);
    return {
      rule: BODY_RULE,
      kind: "body_not_read",
      severity: "info" as const,
      codes: [...unread.codes],
      cells: [place[lang]],
      params: { paragraph: unread.paragraph, numbers: [...unread.numbers] },
      message,
    };
  });
}

/**
 * A warning that the report has no appendix table, when it has none: its rows left blank are then the table not
 * found rather than rows the unit left out, and the unit is told how to send it.
 */
function noTableFinding(report: WordReport): FindingReport | undefined {
  if (report.hasTable) return undefined;
  return {
    rule: TABLE_RULE,
    kind: "no_appendix_table",
    severity: "warning",
    codes: [],
    cells: [],
    params: { fromText: report.figures.length },
    message: labelText("docx_no_table", { fromText: report.figures.length }),
  };
}

/**
 * A Word report's sheet report with its findings pointed at the table row or the paragraph each value came from,
 * a warning first when it has no appendix table, and an info finding for every clause of the body that named rows
 * and numbers but was not read. The sheet and the places are named in `lang`: they are the report's, not a
 * workbook's that the user could look up.
 */
export function placeFindings(
  sheet: SheetReport,
  report: WordReport,
  catalogue: LoadedCatalogue = defaultCatalogue,
  lang: Lang = "vi",
): SheetReport {
  const extra = unreadFindings(report, catalogue, lang);
  const noTable = noTableFinding(report);
  const rules = [
    ...sheet.summary.rules,
    ...(noTable ? [{ rule: TABLE_RULE, passed: 0, failed: 1, notEvaluated: 0 }] : []),
    ...(extra.length ? [{ rule: BODY_RULE, passed: 0, failed: extra.length, notEvaluated: 0 }] : []),
  ];
  return {
    ...sheet,
    sheet: WORD_SHEET_NAMES[lang],
    findings: [
      ...(noTable ? [noTable] : []),
      ...sheet.findings.map((finding) => placed(finding, report, catalogue, lang)),
      ...extra,
    ],
    summary: {
      ...sheet.summary,
      counts: {
        ...sheet.summary.counts,
        warning: sheet.summary.counts.warning + (noTable ? 1 : 0),
        info: sheet.summary.counts.info + extra.length,
      },
      rules,
    },
  };
}
