import type { DefinitionProblemParams } from "../messages";
import { periodMonths } from "../meta";
import type { Catalogue, PatternRule, RelationRule, RoleDef, RowDef } from "./schema";

// A catalogue's integrity: the references and structure its schema cannot check. Problems are data, in the kinds of
// a form definition's problems (src/domain/messages), so that the definition reader places each at the cell that
// declared it and every language renders it; developers read them in the error's English message.

/** The kinds of problem a catalogue's integrity has: a form definition's problem kinds, for the reader to place. */
export type CatalogueProblemKind =
  | "code_twice"
  | "code_unknown"
  | "parent_cycle"
  | "unit_missing"
  | "legend_missing"
  | "legend_not_coded"
  | "percent_unit"
  | "count_unit_percent"
  | "limit_not_figure"
  | "limit_order"
  | "derived_not_percent"
  | "derived_reads_non_count"
  | "rule_twice"
  | "rule_one_sided"
  | "carried_not_count"
  | "level_not_on_form"
  | "level_twice"
  | "wording_without_parent"
  | "role_unknown"
  | "role_order"
  | "role_twice"
  | "period_invalid"
  | "period_order"
  | "list_empty";

/**
 * The parameters of each kind, as its message takes them, but for what only a workbook knows: the row of a first
 * declaration (`first`), which the definition reader adds.
 */
export type CatalogueProblemParams = {
  readonly [K in CatalogueProblemKind]: Omit<DefinitionProblemParams[K], "first">;
};

/** What declared the fault: a row by its code, a rule or a role by its id, or the form's own data. */
export type CatalogueSubject =
  { readonly row: string } | { readonly rule: string } | { readonly role: string } | { readonly form: true };

/** A field of the schema, of the item the subject names. */
export type CatalogueField =
  keyof RowDef | keyof RelationRule | keyof PatternRule | keyof RoleDef | keyof Catalogue;

/** One integrity problem: its kind and parameters, what declared it and the field at fault. */
export type CatalogueProblem = {
  readonly [K in CatalogueProblemKind]: {
    readonly kind: K;
    readonly subject: CatalogueSubject;
    readonly field: CatalogueField;
    readonly params: CatalogueProblemParams[K];
  };
}[CatalogueProblemKind];

/** The problems found so far, each once (a rule naming one unknown code twice has one problem). */
class Found {
  readonly list: CatalogueProblem[] = [];
  private readonly seen = new Set<string>();

  add<K extends CatalogueProblemKind>(
    kind: K,
    subject: CatalogueSubject,
    field: CatalogueField,
    params: CatalogueProblemParams[K],
  ): void {
    const problem = { kind, subject, field, params } as CatalogueProblem;
    const key = JSON.stringify(problem);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(problem);
  }

  row<K extends CatalogueProblemKind>(
    row: RowDef,
    field: keyof RowDef,
    kind: K,
    params: CatalogueProblemParams[K],
  ): void {
    this.add(kind, { row: row.code }, field, params);
  }

  rule<K extends CatalogueProblemKind>(
    rule: RelationRule | PatternRule,
    field: keyof RelationRule | keyof PatternRule,
    kind: K,
    params: CatalogueProblemParams[K],
  ): void {
    this.add(kind, { rule: rule.id }, field, params);
  }

  role<K extends CatalogueProblemKind>(
    role: RoleDef,
    field: keyof RoleDef,
    kind: K,
    params: CatalogueProblemParams[K],
  ): void {
    this.add(kind, { role: role.id }, field, params);
  }

  form<K extends CatalogueProblemKind>(
    field: keyof Catalogue,
    kind: K,
    params: CatalogueProblemParams[K],
  ): void {
    this.add(kind, { form: true }, field, params);
  }
}

/**
 * A problem in English for developers, from its data alone: what declared it, the field, the kind and its
 * parameters ("row 1.1, parent: code unknown (code 9.9)").
 */
export function describeCatalogueProblem(problem: CatalogueProblem): string {
  const [what, id] = Object.entries(problem.subject)[0] ?? ["form", true];
  const subject = what === "form" ? "the form" : `${what} ${String(id)}`;
  const params = Object.entries(problem.params)
    .map(([name, value]) => `${name} ${Array.isArray(value) ? value.join(", ") : String(value)}`)
    .join(", ");
  return `${subject}, ${problem.field}: ${problem.kind.replace(/_/g, " ")}${params ? ` (${params})` : ""}`;
}

/** A catalogue that breaks its own integrity: every problem as data, and in the message for developers. */
export class CatalogueIntegrityError extends Error {
  constructor(readonly problems: readonly CatalogueProblem[]) {
    super(`Catalogue integrity: ${problems.map(describeCatalogueProblem).join("; ")}`);
  }
}

/** Problems with a catalogue's references and structure; an empty list means it is sound. */
export function catalogueProblems(catalogue: Catalogue): CatalogueProblem[] {
  const found = new Found();
  const byCode = new Map<string, RowDef>();
  for (const row of catalogue.rows) {
    if (byCode.has(row.code)) found.row(row, "code", "code_twice", { code: row.code });
    byCode.set(row.code, row);
  }
  formProblems(catalogue, found);
  roleProblems(catalogue.roles, found);
  const known = (code: string, report: (params: { code: string }) => void) => {
    if (!byCode.has(code)) report({ code });
  };
  const levels = new Set(catalogue.levels);
  const roleIds = [...new Set(catalogue.roles.map((role) => role.id))];
  for (const row of catalogue.rows) {
    rowProblems(row, byCode, levels, roleIds, found);
  }
  parentCycles(catalogue.rows, byCode, found);
  const ruleIds = new Set<string>();
  for (const rule of [...catalogue.relations, ...catalogue.patterns]) {
    if (ruleIds.has(rule.id)) found.rule(rule, "id", "rule_twice", { id: rule.id });
    ruleIds.add(rule.id);
  }
  for (const rule of catalogue.relations) {
    for (const side of ["left", "right"] as const) {
      for (const code of rule[side]) known(code, (params) => found.rule(rule, side, "code_unknown", params));
    }
    if (rule.right.length === 0 && rule.rightPercent === undefined)
      found.rule(rule, "right", "rule_one_sided", { id: rule.id });
  }
  for (const rule of catalogue.patterns) {
    for (const code of rule.pairs.flat())
      known(code, (params) => found.rule(rule, "pairs", "code_unknown", params));
  }
  return found.list;
}

/** The problems of one row's own fields and of the codes, levels and role it names. */
function rowProblems(
  row: RowDef,
  byCode: ReadonlyMap<string, RowDef>,
  levels: ReadonlySet<string>,
  roleIds: readonly string[],
  found: Found,
): void {
  const { code } = row;
  const known = (named: string, field: keyof RowDef) => {
    if (!byCode.has(named)) found.row(row, field, "code_unknown", { code: named });
  };
  if (row.parent !== undefined) known(row.parent, "parent");
  if (row.role !== undefined && !roleIds.includes(row.role))
    found.row(row, "role", "role_unknown", { code, role: row.role, known: roleIds });
  for (const level of row.scope) {
    if (!levels.has(level)) found.row(row, "scope", "level_not_on_form", { code, level });
  }
  if (row.carriedFrom !== undefined) {
    known(row.carriedFrom, "carriedFrom");
    const from = byCode.get(row.carriedFrom);
    if (row.kind !== "count" || (from && from.kind !== "count"))
      found.row(row, "carriedFrom", "carried_not_count", { code, from: row.carriedFrom });
  }
  if (row.reportWordings?.underParent.length && row.parent === undefined)
    found.row(row, "reportWordings", "wording_without_parent", { code });
  if (row.kind !== "none" && !row.unit) found.row(row, "unit", "unit_missing", { code });
  if (row.kind === "coded" && !row.codes?.length) found.row(row, "codes", "legend_missing", { code });
  if (row.kind !== "coded" && row.codes) found.row(row, "codes", "legend_not_coded", { code });
  if (row.kind === "percent" && row.unit?.vi !== "%") found.row(row, "unit", "percent_unit", { code });
  if (row.kind === "count" && row.unit?.vi === "%") found.row(row, "unit", "count_unit_percent", { code });
  if (row.plausible) {
    const { max, min } = row.plausible;
    if (row.kind !== "count" && row.kind !== "percent")
      found.row(row, "plausible", "limit_not_figure", { code });
    if (min !== undefined && Object.values(max ?? {}).some((bound) => bound < min))
      found.row(row, "plausible", "limit_order", { code });
  }
  if (row.notApplicableFrom !== undefined && !periodMonths(row.notApplicableFrom))
    found.row(row, "notApplicableFrom", "period_invalid", { text: row.notApplicableFrom });
  if (row.derived) {
    if (row.kind !== "percent") found.row(row, "derived", "derived_not_percent", { code });
    for (const input of [...row.derived.plus, ...row.derived.minus, ...row.derived.denominator]) {
      known(input, "derived");
      const inputRow = byCode.get(input);
      if (inputRow && inputRow.kind !== "count")
        found.row(row, "derived", "derived_reads_non_count", { code, input });
    }
  }
}

/**
 * One problem for each cycle of parents, at its first row in the form's order: the rows that only lead into a
 * cycle are not at fault, and a cycle is one mistake however many rows it passes through.
 */
function parentCycles(rows: readonly RowDef[], byCode: ReadonlyMap<string, RowDef>, found: Found): void {
  const onCycles = new Set<string>();
  for (const row of rows) {
    if (onCycles.has(row.code)) continue;
    const path: string[] = [];
    const seen = new Set<string>();
    for (
      let cursor = row.parent === undefined ? undefined : byCode.get(row.parent);
      cursor !== undefined && !seen.has(cursor.code);
      cursor = cursor.parent === undefined ? undefined : byCode.get(cursor.parent)
    ) {
      if (cursor.code === row.code) {
        path.forEach((code) => onCycles.add(code));
        onCycles.add(row.code);
        found.row(row, "parent", "parent_cycle", { code: row.code });
        break;
      }
      seen.add(cursor.code);
      path.push(cursor.code);
    }
  }
}

/** Problems of the form's own data: its periods and its levels. */
function formProblems(catalogue: Catalogue, found: Found): void {
  const from = periodMonths(catalogue.appliesFrom);
  const to = catalogue.appliesTo === undefined ? undefined : periodMonths(catalogue.appliesTo);
  if (!from) found.form("appliesFrom", "period_invalid", { text: catalogue.appliesFrom });
  if (catalogue.appliesTo !== undefined && !to)
    found.form("appliesTo", "period_invalid", { text: catalogue.appliesTo });
  if (from && to && catalogue.appliesTo !== undefined && to.end < from.start)
    found.form("appliesTo", "period_order", { from: catalogue.appliesFrom, to: catalogue.appliesTo });
  if (catalogue.levels.length === 0) found.form("levels", "list_empty", {});
  catalogue.levels.forEach((level, at) => {
    if (catalogue.levels.indexOf(level) < at) found.form("levels", "level_twice", { level });
  });
}

/** Problems of the role declarations: periods that are none or run backwards, one id declared twice at once. */
function roleProblems(roles: readonly RoleDef[], found: Found): void {
  for (const role of roles) {
    for (const field of ["from", "until"] as const) {
      const period = role[field];
      if (period !== undefined && !periodMonths(period))
        found.role(role, field, "period_invalid", { text: period });
    }
    const from = role.from === undefined ? undefined : periodMonths(role.from);
    const until = role.until === undefined ? undefined : periodMonths(role.until);
    if (from && until && until.end < from.start) found.role(role, "until", "role_order", { role: role.id });
  }
  roles.forEach((role, at) => {
    const overlapping = roles
      .slice(at + 1)
      .some((other) => other.id === role.id && !successive(role, other) && !successive(other, role));
    if (overlapping) found.role(role, "id", "role_twice", { role: role.id });
  });
}

/** True when `earlier` ends before `later` begins. */
function successive(earlier: RoleDef, later: RoleDef): boolean {
  const end = earlier.until === undefined ? undefined : periodMonths(earlier.until)?.end;
  const start = later.from === undefined ? undefined : periodMonths(later.from)?.start;
  return end !== undefined && start !== undefined && end < start;
}
