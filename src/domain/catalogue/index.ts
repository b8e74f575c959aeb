import { periodReaches } from "../meta";
import { CCHC_PL_2021 } from "./cchc-pl-2021";
import { FormRegistry } from "./registry";
import type { Catalogue, CatalogueInput, Level, RelationRule, RowDef } from "./schema";

// The built-in catalogue is checked against its zod schema and its integrity rules by the tests
// (test/domain/catalogue), not each time a tool starts: this module runs neither zod nor catalogueProblems, so the
// pane's first load and the CLI's start carry neither. Definitions read at run time go through loadCatalogue
// (./load), which runs both.
export type * from "./schema";
export { ALL_LEVELS, isLevel, LEVEL_NOT_FROM, LEVELS, REFORM_PERIOD } from "./constants";
export { foldedName, roleApplies, roleByName, roleIn, roleNamesIn, rolesIn } from "./roles";
export { CCHC_PL_2021_VERSION } from "./cchc-pl-2021";
export { CODE_PATTERN, isCode, normaliseCode } from "./code";
export type { FormEntry, FormKey, FormLookup } from "./registry";
export { formKeyText, FormRegistry, parseFormKey } from "./registry";
export type {
  CatalogueField,
  CatalogueProblem,
  CatalogueProblemKind,
  CatalogueProblemParams,
  CatalogueSubject,
} from "./integrity";

/** A catalogue parsed by its schema, with lookups built once. */
export interface LoadedCatalogue extends Catalogue {
  /** Every row by its normalised code. */
  readonly byCode: ReadonlyMap<string, RowDef>;
  /** Rows of the printed appendix, in the form's order. */
  readonly appendixRows: readonly RowDef[];
  /** Rows of the source block, in order. */
  readonly sourceRows: readonly RowDef[];
  /** Rows that hold a value (not section or group headings). */
  readonly valueRows: readonly RowDef[];
  /** Rows whose value is a derived percentage. */
  readonly derivedRows: readonly (RowDef & { derived: NonNullable<RowDef["derived"]> })[];
  /** The wordings of the rows that have some in report bodies, in the form's order, for reading Word reports. */
  readonly reportWordings: readonly ReportWording[];
}

/** The wordings of one row in report bodies (RowDef.reportWordings with its code). */
export interface ReportWording {
  readonly code: string;
  readonly anywhere: readonly string[];
  readonly underParent?: readonly string[];
}

/** A catalogue already checked (by its schema and catalogueProblems), with its lookups built. */
export function shapeCatalogue(checked: Catalogue): LoadedCatalogue {
  const parsed = {
    ...checked,
    rows: checked.rows.map(rowShape),
    relations: checked.relations.map(ruleShape),
  };
  const byCode = new Map(parsed.rows.map((row) => [row.code, row]));
  return {
    ...parsed,
    byCode,
    appendixRows: parsed.rows.filter((row) => row.block === "appendix"),
    sourceRows: parsed.rows.filter((row) => row.block === "source"),
    valueRows: parsed.rows.filter((row) => row.kind !== "none"),
    derivedRows: parsed.rows.filter((row): row is RowDef & { derived: NonNullable<RowDef["derived"]> } =>
      Boolean(row.derived),
    ),
    reportWordings: parsed.rows.flatMap((row) =>
      row.reportWordings ? [{ code: row.code, ...row.reportWordings }] : [],
    ),
  };
}

/**
 * The item with every field its schema declares, in the schema's order, absent ones undefined. Rows and rules are
 * read on every cell of every validation: items of one shape let the engine read their fields directly, where a
 * dozen shapes (one per mix of optional fields) send each read through a slow generic lookup.
 */
function sameShape<T extends object>(fields: readonly string[]): (item: T) => T {
  return (item) => {
    const shaped: Record<string, unknown> = {};
    for (const field of fields) shaped[field] = (item as Record<string, unknown>)[field];
    return shaped as T;
  };
}

/** RowDefSchema's fields in its order (a test compares them); `satisfies` keeps the list complete. */
export const ROW_FIELDS = Object.keys({
  code: true,
  printed: true,
  parent: true,
  block: true,
  label: true,
  unit: true,
  kind: true,
  codes: true,
  scope: true,
  role: true,
  aggregation: true,
  derived: true,
  mayBeNegative: true,
  cumulative: true,
  plausible: true,
  formNote: true,
  notApplicableFrom: true,
  reportWordings: true,
  carriedFrom: true,
} satisfies Record<keyof RowDef, true>);

/** RelationRuleSchema's fields in its order (a test compares them). */
export const RULE_FIELDS = Object.keys({
  id: true,
  kind: true,
  left: true,
  right: true,
  rightPercent: true,
  relation: true,
  severity: true,
  shortfall: true,
} satisfies Record<keyof RelationRule, true>);

const rowShape = sameShape<RowDef>(ROW_FIELDS);
const ruleShape = sameShape<RelationRule>(RULE_FIELDS);

/**
 * A catalogue written in source, with the defaults its schema would fill: what CatalogueSchema.parse returns for
 * it (a test checks they are equal), without loading zod.
 */
function withDefaults(input: CatalogueInput): Catalogue {
  return {
    templateVersion: input.templateVersion,
    title: input.title,
    levels: input.levels,
    appliesFrom: input.appliesFrom,
    ...(input.appliesTo !== undefined ? { appliesTo: input.appliesTo } : {}),
    roles: input.roles ?? [],
    rows: input.rows.map(({ derived, reportWordings, ...row }) => ({
      ...row,
      ...(derived ? { derived: { ...derived, minus: derived.minus ?? [] } } : {}),
      ...(reportWordings
        ? {
            reportWordings: {
              anywhere: reportWordings.anywhere ?? [],
              underParent: reportWordings.underParent ?? [],
            },
          }
        : {}),
      mayBeNegative: row.mayBeNegative ?? false,
      cumulative: row.cumulative ?? false,
    })),
    relations: input.relations.map((rule) => ({ ...rule, right: rule.right ?? [] })),
    patterns: input.patterns,
  };
}

/** The catalogue of the 2021 form, the one every tool uses unless a file says otherwise. */
export const catalogue: LoadedCatalogue = builtIn(CCHC_PL_2021);

// Sound by test (test/domain/catalogue: no integrity problem, equal to what loadCatalogue returns), so not
// checked again here: the source cannot change between the tests and a run.
function builtIn(input: CatalogueInput): LoadedCatalogue {
  return shapeCatalogue(withDefaults(input));
}

/** The built-in forms: the registry a host starts from, before adding the definitions it reads. */
export const BUILT_IN_FORMS: FormRegistry = new FormRegistry([catalogue]);

/**
 * True when the row is expected in `period`: it names no period from which it is not applicable, or the period
 * ends before that one begins (3.4.2, a district's rate, applies in 2025-H1 and not in 2025). A period not known
 * keeps every row.
 */
export function appliesIn(row: RowDef, period: string | undefined): boolean {
  const from = row.notApplicableFrom;
  return from === undefined || period === undefined || !periodReaches(period, from);
}

/**
 * True when a unit of `level` may fill the row: its scope names the level, or the row is reported once for the
 * province by an office (a role: every role is a provincial office, a department-level unit), or it names no
 * level and no role at all (3.4.4, 3.4.5 "at all 3 levels": whoever reports it); never a row that does not apply
 * in `period` (when given).
 */
export function filledAt(row: RowDef, level: Level, period?: string): boolean {
  if (!appliesIn(row, period)) return false;
  if (row.scope.includes(level)) return true;
  if (row.role !== undefined) return level === "so";
  return row.scope.length === 0;
}
