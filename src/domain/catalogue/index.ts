import { periodMonths, periodReaches } from "../meta";
import { CCHC_PL_2021 } from "./cchc-pl-2021";
import { FormRegistry } from "./registry";
import type { Catalogue, CatalogueInput, Level, RelationRule, RowDef } from "./schema";

// The built-in catalogue is checked against its zod schema by the tests (test/domain/catalogue), not each time a
// tool starts: this module never loads zod. Definitions read at run time go through loadCatalogue (./load).
export type * from "./schema";
export { ALL_LEVELS, isLevel, LEVEL_NOT_FROM, LEVELS, REFORM_PERIOD } from "./constants";
export { foldedName, roleApplies, roleByName, roleIn, roleNamesIn, rolesIn } from "./roles";
export { CCHC_PL_2021_VERSION } from "./cchc-pl-2021";
export { CODE_PATTERN, isCode, normaliseCode } from "./code";
export type { FormEntry, FormKey, FormLookup } from "./registry";
export { formKeyText, FormRegistry, parseFormKey } from "./registry";

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

/** A catalogue that breaks its own integrity: the message lists every problem. */
export class CatalogueIntegrityError extends Error {
  constructor(readonly problems: string[]) {
    super(`Catalogue integrity: ${problems.join("; ")}`);
  }
}

/** Problems with a catalogue's references and structure; an empty list means it is sound. */
export function catalogueProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, RowDef>();
  for (const row of catalogue.rows) {
    if (byCode.has(row.code)) problems.push(`duplicate code ${row.code}`);
    byCode.set(row.code, row);
  }
  const known = (code: string, where: string) => {
    if (!byCode.has(code)) problems.push(`${where} names unknown code ${code}`);
  };
  problems.push(...formProblems(catalogue), ...roleProblems(catalogue.roles));
  const levels = new Set(catalogue.levels);
  const roleIds = new Set(catalogue.roles.map((role) => role.id));
  for (const row of catalogue.rows) {
    if (row.parent !== undefined) known(row.parent, `parent of ${row.code}`);
    if (row.role !== undefined && !roleIds.has(row.role))
      problems.push(`${row.code} names role ${row.role}, which the form does not declare`);
    for (const level of row.scope) {
      if (!levels.has(level))
        problems.push(`${row.code} is filled at level ${level}, which does not report on the form`);
    }
    if (row.carriedFrom !== undefined) {
      known(row.carriedFrom, `carriedFrom of ${row.code}`);
      const from = byCode.get(row.carriedFrom);
      if (row.kind !== "count" || (from && from.kind !== "count"))
        problems.push(`${row.code} is carried from ${row.carriedFrom}, and both must be counts`);
    }
    if (row.reportWordings?.underParent.length && row.parent === undefined)
      problems.push(`${row.code} has wordings under its parent but no parent`);
    if (row.kind !== "none" && !row.unit)
      problems.push(`${row.code} holds a value but has no unit of measure`);
    if (row.kind === "coded" && !row.codes?.length) problems.push(`${row.code} is coded without a legend`);
    if (row.kind !== "coded" && row.codes) problems.push(`${row.code} has a legend but is not coded`);
    if (row.kind === "percent" && row.unit?.vi !== "%")
      problems.push(`${row.code} is a percentage without "%"`);
    if (row.kind === "count" && row.unit?.vi === "%") problems.push(`${row.code} is a count measured in "%"`);
    if (row.plausible) {
      const { max, min } = row.plausible;
      if (row.kind !== "count" && row.kind !== "percent")
        problems.push(`${row.code} has plausible bounds but holds no count or rate`);
      for (const bound of Object.values(max ?? {})) {
        if (min !== undefined && bound < min)
          problems.push(`${row.code}'s plausible maximum is below its minimum`);
      }
    }
    if (row.notApplicableFrom !== undefined && !periodMonths(row.notApplicableFrom))
      problems.push(`${row.code} is not applicable from "${row.notApplicableFrom}", which is no period`);
    if (row.derived) {
      if (row.kind !== "percent") problems.push(`${row.code} is derived but not a percentage`);
      for (const input of [...row.derived.plus, ...row.derived.minus, ...row.derived.denominator]) {
        known(input, `derived ${row.code}`);
        const inputRow = byCode.get(input);
        if (inputRow && inputRow.kind !== "count")
          problems.push(`derived ${row.code} reads ${input}, not a count`);
      }
    }
  }
  for (const row of catalogue.rows) {
    const seen = new Set<string>();
    let cursor: RowDef | undefined = row;
    while (cursor?.parent !== undefined) {
      if (seen.has(cursor.code)) {
        problems.push(`parent cycle through ${row.code}`);
        break;
      }
      seen.add(cursor.code);
      cursor = byCode.get(cursor.parent);
    }
  }
  const ruleIds = new Set<string>();
  for (const rule of [...catalogue.relations, ...catalogue.patterns]) {
    if (ruleIds.has(rule.id)) problems.push(`duplicate rule id ${rule.id}`);
    ruleIds.add(rule.id);
  }
  for (const rule of catalogue.relations) {
    for (const code of [...rule.left, ...rule.right]) known(code, `rule ${rule.id}`);
    if (rule.right.length === 0 && rule.rightPercent === undefined)
      problems.push(`rule ${rule.id} has no right side`);
  }
  for (const rule of catalogue.patterns) {
    for (const [a, b] of rule.pairs) {
      known(a, `rule ${rule.id}`);
      known(b, `rule ${rule.id}`);
    }
  }
  return problems;
}

/** Problems of the form's own data: its periods and its levels. */
function formProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const from = periodMonths(catalogue.appliesFrom);
  const to = catalogue.appliesTo === undefined ? undefined : periodMonths(catalogue.appliesTo);
  if (!from) problems.push(`the form applies from "${catalogue.appliesFrom}", which is no period`);
  if (catalogue.appliesTo !== undefined && !to)
    problems.push(`the form applies to "${catalogue.appliesTo}", which is no period`);
  if (from && to && to.end < from.start) problems.push("the form stops applying before it begins");
  if (catalogue.levels.length === 0) problems.push("no level reports on the form");
  if (new Set(catalogue.levels).size !== catalogue.levels.length)
    problems.push("the form lists a level twice");
  return problems;
}

/** Problems of the role declarations: periods that are none or run backwards, one id declared twice at once. */
function roleProblems(roles: Catalogue["roles"]): string[] {
  const problems: string[] = [];
  for (const role of roles) {
    for (const [field, period] of [
      ["from", role.from],
      ["until", role.until],
    ] as const) {
      if (period !== undefined && !periodMonths(period))
        problems.push(`role ${role.id} applies ${field} "${period}", which is no period`);
    }
    const from = role.from === undefined ? undefined : periodMonths(role.from);
    const until = role.until === undefined ? undefined : periodMonths(role.until);
    if (from && until && until.end < from.start) problems.push(`role ${role.id} ends before it begins`);
  }
  roles.forEach((role, at) => {
    const overlapping = roles
      .slice(at + 1)
      .some((other) => other.id === role.id && !successive(role, other) && !successive(other, role));
    if (overlapping) problems.push(`role ${role.id} is declared twice for the same periods`);
  });
  return problems;
}

/** True when `earlier` ends before `later` begins. */
function successive(earlier: Catalogue["roles"][number], later: Catalogue["roles"][number]): boolean {
  const end = earlier.until === undefined ? undefined : periodMonths(earlier.until)?.end;
  const start = later.from === undefined ? undefined : periodMonths(later.from)?.start;
  return end !== undefined && start !== undefined && end < start;
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

function builtIn(input: CatalogueInput): LoadedCatalogue {
  const checked = withDefaults(input);
  const problems = catalogueProblems(checked);
  if (problems.length) throw new CatalogueIntegrityError(problems);
  return shapeCatalogue(checked);
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
