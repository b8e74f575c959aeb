import type { Catalogue, CodeOption, PatternRule, Plausible, RelationRule, RowDef } from "../catalogue";
import { LEVELS } from "../catalogue";
import {
  AGGREGATION_WORDS,
  BLOCK_WORDS,
  DEFINITION_SHEETS,
  FORM_HEADERS,
  FORM_KEYS,
  ITEM_SEPARATOR,
  KIND_WORDS,
  LIST_SEPARATOR,
  MINIMUM_WORD,
  ROLE_HEADERS,
  ROW_HEADERS,
  RULE_HEADERS,
  SEVERITY_WORDS,
  SHORTFALL_WORDS,
  TEXT_HEADERS,
  TRUE_WORD,
  UNDER_PARENT,
  wordOf,
} from "./definition-sheets";
import { formatDerived, formatRule, RULE_KIND_WORDS } from "./expression";

// A catalogue written out as its definition workbook (DESIGN.md section 11), as data: the sheets, their headers and
// every cell as the text a person would type, so that reading the export back (definition.ts) gives the same
// catalogue. A host writes the spec to a file (src/cli/xlsx/definition.ts); this module decides what is in it.

/** One sheet of a definition workbook: its headers (row 1), its rows of text, and how its columns are laid out. */
export interface DefinitionSheetSpec {
  readonly name: string;
  readonly headers: readonly string[];
  /** Each row's cells, one per header; "" is a blank cell. */
  readonly rows: readonly (readonly string[])[];
  /** Columns (0-based) of codes and expressions: formatted as Text, so that what is typed there stays text. */
  readonly textColumns: readonly number[];
  /** Each column's width in characters, from its content, within bounds that keep the sheet readable. */
  readonly widths: readonly number[];
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

function sheet(
  name: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): DefinitionSheetSpec {
  const widths = headers.map((header, column) => {
    const longest = Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
  const textColumns = headers.flatMap((header, column) => (TEXT_HEADERS.has(header) ? [column] : []));
  return { name, headers, rows, textColumns, widths };
}

/** A legend as `giá trị cho phép` writes it: "0 = Không / No; 1 = Có / Yes". */
export function formatLegend(codes: readonly CodeOption[]): string {
  return codes
    .map((option) => `${option.value} = ${option.label.vi} / ${option.label.en}`)
    .join(ITEM_SEPARATOR);
}

/** Plausible bounds as `giới hạn` writes them: "so 2000; huyen 1000; xa 300; tối thiểu -100". */
export function formatPlausible(plausible: Plausible): string {
  const entries = LEVELS.flatMap((level) => {
    const bound = plausible.max?.[level];
    return bound === undefined ? [] : [`${level} ${bound}`];
  });
  if (plausible.min !== undefined) entries.push(`${MINIMUM_WORD} ${plausible.min}`);
  return entries.join(ITEM_SEPARATOR);
}

/** Report wordings as `cách ghi trong báo cáo` writes them: those under the parent marked "+ ". */
export function formatWordings(wordings: NonNullable<RowDef["reportWordings"]>): string {
  const under = wordings.underParent.map((wording) => `${UNDER_PARENT}${wording}`);
  return [...wordings.anywhere, ...under].join(ITEM_SEPARATOR);
}

const flag = (value: boolean) => (value ? TRUE_WORD : "");

function rowCells(row: RowDef): Record<string, string> {
  const H = ROW_HEADERS;
  return {
    [H.code]: row.code,
    [H.printed]: row.printed,
    [H.parent]: row.parent ?? "",
    [H.block]: wordOf(BLOCK_WORDS, row.block),
    [H.label]: row.label.vi,
    [H.labelEn]: row.label.en,
    [H.unit]: row.unit?.vi ?? "",
    [H.unitEn]: row.unit?.en ?? "",
    [H.kind]: wordOf(KIND_WORDS, row.kind),
    [H.codes]: row.codes ? formatLegend(row.codes) : "",
    [H.scope]: row.scope.join(LIST_SEPARATOR),
    [H.role]: row.role ?? "",
    [H.aggregation]: wordOf(AGGREGATION_WORDS, row.aggregation),
    [H.derived]: row.derived ? formatDerived(row.derived) : "",
    [H.mayBeNegative]: flag(row.mayBeNegative),
    [H.cumulative]: flag(row.cumulative),
    [H.plausible]: row.plausible ? formatPlausible(row.plausible) : "",
    [H.notApplicableFrom]: row.notApplicableFrom ?? "",
    [H.reportWordings]: row.reportWordings ? formatWordings(row.reportWordings) : "",
    [H.carriedFrom]: row.carriedFrom ?? "",
    [H.formNote]: row.formNote ?? "",
  };
}

function ruleCells(rule: RelationRule | PatternRule): Record<string, string> {
  const H = RULE_HEADERS;
  return {
    [H.id]: rule.id,
    [H.kind]: wordOf(RULE_KIND_WORDS, rule.kind),
    [H.expression]: formatRule(rule),
    [H.severity]: rule.kind === "pattern" ? "" : wordOf(SEVERITY_WORDS, rule.severity),
    [H.shortfall]: rule.kind === "pattern" || !rule.shortfall ? "" : wordOf(SHORTFALL_WORDS, rule.shortfall),
  };
}

/** Every header's cell of a record, in the headers' order. */
function inOrder(headers: readonly string[], cells: Record<string, string>): string[] {
  return headers.map((header) => cells[header] ?? "");
}

/**
 * A catalogue's definition workbook as data: `Mẫu` (the form's id, title and validity), `Vai trò` (the offices of
 * its province-wide rows, where it has any), `Chỉ tiêu` (every row in the form's order), `Quy tắc` (every rule);
 * the starting point of a province's own form.
 */
export function exportDefinition(catalogue: Catalogue): DefinitionSheetSpec[] {
  const formRows: [string, string][] = [
    [FORM_KEYS.id, catalogue.templateVersion],
    [FORM_KEYS.title, catalogue.title.vi],
    [FORM_KEYS.titleEn, catalogue.title.en],
    [FORM_KEYS.appliesFrom, catalogue.appliesFrom],
    ...(catalogue.appliesTo === undefined
      ? []
      : [[FORM_KEYS.appliesTo, catalogue.appliesTo] as [string, string]]),
    [FORM_KEYS.levels, catalogue.levels.join(LIST_SEPARATOR)],
  ];
  const rowHeaders = Object.values(ROW_HEADERS);
  const ruleHeaders = Object.values(RULE_HEADERS);
  const roleHeaders = Object.values(ROLE_HEADERS);
  const roles = catalogue.roles.map((role) =>
    inOrder(roleHeaders, {
      [ROLE_HEADERS.id]: role.id,
      [ROLE_HEADERS.name]: role.name.vi,
      [ROLE_HEADERS.nameEn]: role.name.en,
      [ROLE_HEADERS.patterns]: role.patterns.join(ITEM_SEPARATOR),
      [ROLE_HEADERS.from]: role.from ?? "",
      [ROLE_HEADERS.until]: role.until ?? "",
    }),
  );
  return [
    sheet(DEFINITION_SHEETS.form, Object.values(FORM_HEADERS), formRows),
    ...(roles.length ? [sheet(DEFINITION_SHEETS.roles, roleHeaders, roles)] : []),
    sheet(
      DEFINITION_SHEETS.rows,
      rowHeaders,
      catalogue.rows.map((row) => inOrder(rowHeaders, rowCells(row))),
    ),
    sheet(
      DEFINITION_SHEETS.rules,
      ruleHeaders,
      [...catalogue.relations, ...catalogue.patterns].map((rule) => inOrder(ruleHeaders, ruleCells(rule))),
    ),
  ];
}
