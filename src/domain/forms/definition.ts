import { catalogueProblems } from "../catalogue/integrity";
import type { CellInput, SheetGrid } from "../cell";
import { columnLetter, isCellError } from "../cell";
import type {
  Aggregation,
  Catalogue,
  CodeOption,
  Level,
  PatternRule,
  Plausible,
  RelationRule,
  RoleDef,
  RowDef,
  ValueKind,
} from "../catalogue";
import type { CatalogueField, CatalogueProblem, CatalogueProblemKind } from "../catalogue";
import { normaliseCode } from "../catalogue";
import { CatalogueSchema } from "../catalogue/load";
import { fold, parsePeriod, periodMonths } from "../meta";
import type {
  DefinitionPlace,
  DefinitionProblem,
  DefinitionProblemKind,
  DefinitionProblemParams,
  ExpressionProblem,
} from "../messages";
import {
  AGGREGATION_WORDS,
  BLOCK_WORDS,
  DEFINITION_SHEETS,
  FORM_HEADERS,
  FORM_KEYS,
  KIND_WORDS,
  LEVEL_WORDS,
  MINIMUM_WORD,
  ROLE_HEADERS,
  ROW_HEADERS,
  RULE_HEADERS,
  SEVERITY_WORDS,
  SHORTFALL_WORDS,
  TEXT_HEADERS,
  TRUE_WORD,
  UNDER_PARENT,
} from "./definition-sheets";
import type { RuleKindName } from "./expression";
import { parseDerived, parseRule, RULE_KIND_WORDS } from "./expression";

// A form definition workbook (DESIGN.md section 11) read into the catalogue's schema, or every problem it has, each
// at its sheet, row and column. Pure: the hosts hand it the sheets as grids (the CLI's .xlsx reader, the pane's
// picked file), with their cells' values, formats and formulas, so that a code typed as a number or an expression
// Excel took for a formula is told apart from text. A definition with any problem is never used.

export * from "./definition-sheets";

/** What reading a definition gives: the catalogue it declares, or every problem, in the workbook's order. */
export type DefinitionRead =
  | { readonly ok: true; readonly catalogue: Catalogue }
  | { readonly ok: false; readonly problems: readonly DefinitionProblem[] };

/** What the reader is told: the ids it must refuse (the built-in forms' `mã mẫu`). */
export interface DefinitionOptions {
  readonly reserved?: ReadonlySet<string>;
}

/** Header or key text as compared: composed, lower case, spaces collapsed ("Mã  Cha" is "mã cha"). */
function headerKey(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** A word of a closed list as compared: without case or diacritics ("Số đếm", "so dem"). */
function wordKey(text: string): string {
  return fold(text);
}

/** A cell's text as a definition reads it: spaces Excel users type (no-break, full-width) made plain and trimmed. */
function plainText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u00a0\u2007\u202f\u3000]/g, " ")
    .trim();
}

/** The problems found so far: the cells' first, in the workbook's order, then the catalogue's integrity. */
class Problems {
  readonly list: DefinitionProblem[] = [];
  add<K extends DefinitionProblemKind>(kind: K, place: DefinitionPlace, params: DefinitionProblemParams[K]) {
    this.list.push({ kind, place, params } as DefinitionProblem);
  }
}

/** One row of a sheet with its cells by header, reading each as text with the rules of section 11. */
class SheetRow {
  /** True once a cell of the row had a problem. */
  failed = false;
  constructor(
    readonly table: Table,
    readonly number: number,
    private readonly cells: readonly (CellInput | undefined)[],
  ) {}

  place(header?: string): DefinitionPlace {
    const column = header === undefined ? undefined : this.table.columns.get(header);
    return column === undefined
      ? { sheet: this.table.sheet, row: this.number }
      : { sheet: this.table.sheet, row: this.number, header, column: columnLetter(column) };
  }

  fail<K extends DefinitionProblemKind>(
    header: string,
    kind: K,
    params: DefinitionProblemParams[K],
  ): undefined {
    this.failed = true;
    this.table.problems.add(kind, this.place(header), params);
    return undefined;
  }

  /** The cell's text, undefined when blank or refused (a number where a code must be text, a formula, an error). */
  text(header: string): string | undefined {
    const column = this.table.columns.get(header);
    const cell = column === undefined ? undefined : this.cells[column];
    if (!cell) return undefined;
    if (cell.formula !== undefined) return this.fail(header, "formula_not_text", { formula: cell.formula });
    const value = cell.value;
    if (value === null) return undefined;
    if (typeof value === "string") return plainText(value) || undefined;
    if (typeof value === "number") {
      if (TEXT_HEADERS.has(header)) return this.fail(header, "number_not_text", { shown: String(value) });
      return String(value);
    }
    const raw = isCellError(value)
      ? value.error
      : value instanceof Date
        ? value.toISOString().slice(0, 10)
        : String(value).toUpperCase();
    return this.fail(header, "not_text", { raw });
  }

  /** What `read` makes of the cell, or a problem when the cell is blank (not when `read` refused it). */
  needed<T>(header: string, read: () => T | undefined): T | undefined {
    const before = this.table.problems.list.length;
    const value = read();
    // A missing column is said once, at its header, not again on every row.
    if (value === undefined && this.table.problems.list.length === before && this.table.columns.has(header))
      this.fail(header, "value_missing", {});
    return value;
  }

  /** The cell's text, or a problem when it is blank. */
  required(header: string): string | undefined {
    return this.needed(header, () => this.text(header));
  }

  /** A word of a closed list, or a problem naming the words allowed. */
  word<T extends string>(header: string, words: Readonly<Record<string, T>>): T | undefined {
    return this.wordIn(header, words, this.text(header));
  }

  /** `text`, from the cell of `header`, as a word of a closed list. */
  wordIn<T extends string>(header: string, words: Readonly<Record<string, T>>, text: string | undefined) {
    if (text === undefined) return undefined;
    const found = Object.entries(words).find(([word]) => wordKey(word) === wordKey(text));
    if (found) return found[1];
    return this.fail(header, "word_unknown", { word: text, allowed: Object.keys(words) });
  }

  /** A code, normalised ("1.1.1." is 1.1.1), or a problem for text that is no code. */
  code(header: string): string | undefined {
    return this.codeIn(header, this.text(header));
  }

  /** `text`, from the cell of `header`, as a code. */
  codeIn(header: string, text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    const code = normaliseCode(text);
    return code || this.fail(header, "code_invalid", { text });
  }

  /** A period id, from any notation parsePeriod reads (a year typed as a number too). */
  period(header: string): string | undefined {
    const text = this.text(header);
    if (text === undefined) return undefined;
    return parsePeriod(text) ?? this.fail(header, "period_invalid", { text });
  }

  /** Levels listed with commas or semicolons ("so, huyen, xa"); blank is none. */
  levels(header: string): Level[] | undefined {
    const text = this.text(header);
    if (text === undefined) return undefined;
    const levels: Level[] = [];
    for (const item of splitList(text, /[,;]/)) {
      const level = this.wordIn(header, LEVEL_WORDS, item);
      if (level === undefined) return undefined;
      if (!levels.includes(level)) levels.push(level);
    }
    return levels.length ? levels : this.fail(header, "list_empty", {});
  }

  /** A flag: `x` is true, blank false. */
  flag(header: string): boolean {
    const text = this.text(header);
    if (text === undefined) return false;
    return this.wordIn(header, { [TRUE_WORD]: "true" }, text) === "true";
  }
}

function splitList(text: string, separator: RegExp = /;/): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A sheet read as a table: its columns by header (row 1), and its non-blank rows below. */
class Table {
  readonly columns = new Map<string, number>();
  readonly rows: SheetRow[] = [];
  constructor(
    readonly sheet: string,
    readonly problems: Problems,
  ) {}
}

function blankCell(cell: CellInput | undefined): boolean {
  return !cell || (cell.formula === undefined && (cell.value === null || cell.value === ""));
}

/**
 * Reads a sheet's header row against the headers it may have: unknown, doubled and missing required headers are
 * problems. Undefined when the sheet is not in the workbook (a problem too when `required`).
 */
function readTable(
  grids: readonly SheetGrid[],
  name: string,
  headers: readonly string[],
  required: readonly string[],
  problems: Problems,
  need: boolean,
): Table | undefined {
  const grid = grids.find((sheet) => headerKey(sheet.name) === headerKey(name));
  if (!grid) {
    if (need) problems.add("sheet_missing", { sheet: name }, { sheets: grids.map((sheet) => sheet.name) });
    return undefined;
  }
  const table = new Table(grid.name, problems);
  const known = new Map(headers.map((header) => [headerKey(header), header]));
  (grid.cells[0] ?? []).forEach((cell, column) => {
    if (blankCell(cell) || !cell) return;
    const text = typeof cell.value === "string" ? cell.value : String(cell.value);
    const place = { sheet: grid.name, row: 1, header: plainText(text), column: columnLetter(column) };
    const header = known.get(headerKey(text));
    if (header === undefined) problems.add("header_unknown", place, { header: place.header, known: headers });
    else if (table.columns.has(header)) {
      problems.add("header_twice", place, { header, first: columnLetter(table.columns.get(header) ?? 0) });
    } else table.columns.set(header, column);
  });
  for (const header of required) {
    if (!table.columns.has(header)) problems.add("header_missing", { sheet: grid.name, row: 1 }, { header });
  }
  grid.cells.slice(1).forEach((cells, at) => {
    if (cells.some((cell, column) => !blankCell(cell) && [...table.columns.values()].includes(column)))
      table.rows.push(new SheetRow(table, at + 2, cells));
  });
  return table;
}

/** The form's own data, from the `Mẫu` sheet's key/value rows. */
interface FormData {
  id?: string;
  title?: string;
  titleEn?: string;
  appliesFrom?: string;
  appliesTo?: string;
  levels?: Level[];
}

/** The keys every definition's `Mẫu` sheet states. */
const REQUIRED_KEYS = [
  FORM_KEYS.id,
  FORM_KEYS.title,
  FORM_KEYS.titleEn,
  FORM_KEYS.appliesFrom,
  FORM_KEYS.levels,
];

function readForm(table: Table, options: DefinitionOptions): FormData {
  const keys = new Map(Object.values(FORM_KEYS).map((key) => [headerKey(key), key]));
  const seen = new Map<string, number>();
  const form: FormData = {};
  let toRow: SheetRow | undefined;
  for (const row of table.rows) {
    const typed = row.required(FORM_HEADERS.key);
    if (typed === undefined) continue;
    const key = keys.get(headerKey(typed));
    if (key === undefined) {
      row.fail(FORM_HEADERS.key, "key_unknown", { key: typed, known: Object.values(FORM_KEYS) });
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      row.fail(FORM_HEADERS.key, "key_twice", { key, first });
      continue;
    }
    seen.set(key, row.number);
    const value = FORM_HEADERS.value;
    switch (key) {
      case FORM_KEYS.id: {
        form.id = row.required(value);
        if (form.id !== undefined && options.reserved?.has(form.id))
          row.fail(value, "id_reserved", { id: form.id });
        break;
      }
      case FORM_KEYS.title:
        form.title = row.required(value);
        break;
      case FORM_KEYS.titleEn:
        form.titleEn = row.required(value);
        break;
      case FORM_KEYS.appliesFrom:
        form.appliesFrom = row.needed(value, () => row.period(value));
        break;
      case FORM_KEYS.appliesTo:
        form.appliesTo = row.period(value);
        toRow = row;
        break;
      case FORM_KEYS.levels:
        form.levels = row.needed(value, () => row.levels(value));
        break;
    }
  }
  for (const key of REQUIRED_KEYS) {
    if (!seen.has(key)) table.problems.add("key_missing", { sheet: table.sheet }, { key });
  }
  const [from, to] = [form.appliesFrom, form.appliesTo];
  if (toRow && from !== undefined && to !== undefined) {
    if ((periodMonths(to)?.end ?? 0) < (periodMonths(from)?.start ?? 0)) {
      toRow.fail(FORM_HEADERS.value, "period_order", { from, to });
      form.appliesTo = undefined;
    }
  }
  return form;
}

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const GROUPED = /^-?\d{1,3}(?:\.\d{3})+$/;

/** A limit's number as people write it: 2000, 2.000 or 2 000 (a dot between groups of three), 12,5 or 12.5. */
function limitNumber(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0]/g, "");
  if (GROUPED.test(compact)) return Number(compact.replace(/\./g, ""));
  return NUMBER.test(compact) ? Number(compact.replace(",", ".")) : undefined;
}

/** `giới hạn`: "so 2000; xa 300; tối thiểu -100". */
function readPlausible(row: SheetRow): Plausible | undefined {
  const header = ROW_HEADERS.plausible;
  const text = row.text(header);
  if (text === undefined) return undefined;
  const max: Partial<Record<Level, number>> = {};
  let min: number | undefined;
  for (const entry of splitList(text)) {
    const match = /^(\S+(?:\s+\S+)*?)\s+(-?[\d.,\s]+)$/.exec(entry);
    const word = match?.[1] ?? "";
    const bound = match?.[2] === undefined ? undefined : limitNumber(match[2]);
    const level = Object.entries(LEVEL_WORDS).find(([key]) => wordKey(key) === wordKey(word))?.[1];
    if (bound !== undefined && level !== undefined && bound >= 0) max[level] = bound;
    else if (bound !== undefined && wordKey(word) === wordKey(MINIMUM_WORD)) min = bound;
    else return row.fail(header, "limit_invalid", { text, entry });
  }
  return { ...(Object.keys(max).length ? { max } : {}), ...(min !== undefined ? { min } : {}) };
}

/** `giá trị cho phép`: "0 = Không / No; 1 = Có / Yes". */
function readLegend(row: SheetRow): CodeOption[] | undefined {
  const header = ROW_HEADERS.codes;
  const text = row.text(header);
  if (text === undefined) return undefined;
  const options: CodeOption[] = [];
  for (const entry of splitList(text)) {
    const match = /^(\d+)\s*=\s*(.+)$/.exec(entry);
    const labels = match?.[2] ?? "";
    const cut = labels.includes(" / ") ? labels.indexOf(" / ") : labels.indexOf("/");
    const [vi, en] =
      cut < 0 ? ["", ""] : [labels.slice(0, cut).trim(), labels.slice(cut).replace(/^\s*\/\s*/, "")];
    if (!match || !vi || !en) return row.fail(header, "legend_invalid", { text, entry });
    options.push({ value: Number(match[1]), label: { vi, en } });
  }
  return options.length ? options : undefined;
}

/**
 * `cách ghi trong báo cáo`: other wordings of the label in report bodies, `;`-separated; one written "+ Kỳ trước
 * chuyển qua" counts only in a list under its parent's line.
 */
function readWordings(row: SheetRow): RowDef["reportWordings"] {
  const text = row.text(ROW_HEADERS.reportWordings);
  if (text === undefined) return undefined;
  const wordings = { anywhere: [] as string[], underParent: [] as string[] };
  for (const item of splitList(text)) {
    if (item.startsWith(UNDER_PARENT)) wordings.underParent.push(item.slice(UNDER_PARENT.length).trim());
    else wordings.anywhere.push(item);
  }
  return wordings;
}

/** The grammar's refusal, at the cell of the expression it refused. */
function expressionProblem(row: SheetRow, header: string, problem: ExpressionProblem): undefined {
  row.failed = true;
  row.table.problems.list.push({ ...problem, place: row.place(header) });
  return undefined;
}

const ROLE_ID = /^[a-z][a-z0-9_]*$/;

/** One office of the `Vai trò` sheet: its id, names, recognition patterns and the periods it reports in. */
function readRole(row: SheetRow, declared: Declared): RoleDef | undefined {
  const H = ROLE_HEADERS;
  const typed = row.required(H.id);
  const id =
    typed === undefined || ROLE_ID.test(typed) ? typed : row.fail(H.id, "role_id_invalid", { text: typed });
  const vi = row.required(H.name);
  const en = row.required(H.nameEn);
  const patterns = splitList(row.text(H.patterns) ?? "");
  const from = row.period(H.from);
  const until = row.period(H.until);
  if (id === undefined) return undefined;
  declared.roles.set(id, [...(declared.roles.get(id) ?? []), row]);
  if (vi === undefined || en === undefined) return undefined;
  return { id, name: { vi, en }, patterns, from, until };
}

/** The default `tổng hợp` of a row, as the 2021 form's builders give it. */
function defaultAggregation(kind: ValueKind, role: string | undefined, derived: boolean): Aggregation {
  if (role !== undefined) return "province";
  switch (kind) {
    case "count":
      return "sum";
    case "percent":
      return derived ? "recompute" : "list";
    case "coded":
      return "lowest";
    default:
      return "none";
  }
}

/** Where each declared code and rule id is in the workbook, for the integrity problems found on the whole. */
interface Declared {
  readonly codes: Map<string, SheetRow[]>;
  readonly rules: Map<string, SheetRow[]>;
  readonly roles: Map<string, SheetRow[]>;
  /** True when a row's code was refused (a number, no code): its code is known to no one. */
  refusedCodes: boolean;
}

function readRow(row: SheetRow, declared: Declared): RowDef | undefined {
  const H = ROW_HEADERS;
  const code = row.codeIn(H.code, row.required(H.code));
  const block = row.wordIn(H.block, BLOCK_WORDS, row.required(H.block));
  const vi = row.required(H.label);
  const en = row.required(H.labelEn);
  const kind = row.wordIn(H.kind, KIND_WORDS, row.required(H.kind));
  const parent = row.code(H.parent);
  const printed = row.text(H.printed);
  const unitVi = row.text(H.unit);
  const unitEn = row.text(H.unitEn) ?? unitVi;
  const codes = readLegend(row);
  const scope = row.levels(H.scope) ?? [];
  const role = row.text(H.role);
  const typedAggregation = row.word(H.aggregation, AGGREGATION_WORDS);
  const formula = row.text(H.derived);
  let derived: RowDef["derived"];
  if (formula !== undefined) {
    const parsed = parseDerived(formula);
    if (parsed.ok) derived = parsed.value;
    else expressionProblem(row, H.derived, parsed.problem);
  }
  const mayBeNegative = row.flag(H.mayBeNegative);
  const cumulative = row.flag(H.cumulative);
  const plausible = readPlausible(row);
  const notApplicableFrom = row.period(H.notApplicableFrom);
  const formNote = row.text(H.formNote);
  const reportWordings = readWordings(row);
  const carriedFrom = row.code(H.carriedFrom);
  if (code === undefined) {
    declared.refusedCodes ||= row.failed;
    return undefined;
  }
  declared.codes.set(code, [...(declared.codes.get(code) ?? []), row]);
  if (block === undefined || vi === undefined || en === undefined || kind === undefined) return undefined;
  return {
    code,
    // A blank `in là` prints nothing (the second row under "Trong đó"); without the column, the code is printed.
    printed: row.table.columns.has(H.printed) ? (printed ?? "") : block === "appendix" ? `${code}.` : code,
    parent,
    block,
    label: { vi, en },
    unit: unitVi === undefined || unitEn === undefined ? undefined : { vi: unitVi, en: unitEn },
    kind,
    codes,
    scope,
    role,
    aggregation: typedAggregation ?? defaultAggregation(kind, role, derived !== undefined),
    derived,
    mayBeNegative,
    cumulative,
    plausible,
    formNote,
    notApplicableFrom,
    reportWordings,
    carriedFrom,
  };
}

function readRule(row: SheetRow, declared: Declared): RelationRule | PatternRule | undefined {
  const H = RULE_HEADERS;
  const kind: RuleKindName | undefined = row.wordIn(H.kind, RULE_KIND_WORDS, row.required(H.kind));
  const text = row.required(H.expression);
  const typedId = row.text(H.id);
  const severity = row.word(H.severity, SEVERITY_WORDS);
  const shortfall = row.word(H.shortfall, SHORTFALL_WORDS);
  if (kind === undefined || text === undefined) return undefined;
  const id = typedId ?? `${kind}:${row.number}`;
  declared.rules.set(id, [...(declared.rules.get(id) ?? []), row]);
  const parsed = parseRule(text, kind);
  if (!parsed.ok) return expressionProblem(row, H.expression, parsed.problem);
  const fields = parsed.value;
  if (fields.kind === "pattern") return { id, kind: fields.kind, pairs: fields.pairs };
  return {
    id,
    kind: fields.kind,
    left: fields.left,
    right: fields.right,
    rightPercent: fields.rightPercent,
    relation: fields.relation,
    severity: severity ?? "error",
    shortfall,
  };
}

/** The `nth` row that declared a subject, or its last: a doubled code's problem is at its second row. */
function rowOf(rows: readonly SheetRow[] | undefined, nth: number): SheetRow | undefined {
  return rows?.[Math.min(nth, rows.length - 1)];
}

/** The column of each schema field catalogueProblems names, by what declared it: where a field meets its header. */
const FIELD_HEADERS = {
  row: ROW_HEADERS satisfies Readonly<Record<keyof RowDef, string>>,
  rule: {
    id: RULE_HEADERS.id,
    kind: RULE_HEADERS.kind,
    left: RULE_HEADERS.expression,
    right: RULE_HEADERS.expression,
    rightPercent: RULE_HEADERS.expression,
    relation: RULE_HEADERS.expression,
    pairs: RULE_HEADERS.expression,
    severity: RULE_HEADERS.severity,
    shortfall: RULE_HEADERS.shortfall,
  } satisfies Readonly<Record<keyof RelationRule | keyof PatternRule, string>>,
  role: {
    id: ROLE_HEADERS.id,
    name: ROLE_HEADERS.name,
    patterns: ROLE_HEADERS.patterns,
    from: ROLE_HEADERS.from,
    until: ROLE_HEADERS.until,
  } satisfies Readonly<Record<keyof RoleDef, string>>,
} as const;

/** The sheet and the declarations of each subject a catalogue problem names. */
const SUBJECT_SHEETS = {
  row: { sheet: DEFINITION_SHEETS.rows, declared: "codes" },
  rule: { sheet: DEFINITION_SHEETS.rules, declared: "rules" },
  role: { sheet: DEFINITION_SHEETS.roles, declared: "roles" },
} as const;

/** The kinds said at the second declaration of an id, with the row of the first. */
const TWICE: ReadonlySet<CatalogueProblemKind> = new Set(["code_twice", "rule_twice", "role_twice"]);

/**
 * catalogueProblems of the candidate, each at the cell it is about; none on top of a row already refused. The form's
 * own data (its periods and levels) is never a problem here: reading the `Mẫu` sheet has said it at its cell.
 */
function integrityProblems(catalogue: Catalogue, declared: Declared, problems: Problems): void {
  const said = new Set<string>();
  for (const problem of catalogueProblems(catalogue)) {
    const { subject } = problem;
    if ("form" in subject || saidElsewhere(problem, declared)) continue;
    const [of, name] =
      "row" in subject
        ? (["row", subject.row] as const)
        : "rule" in subject
          ? (["rule", subject.rule] as const)
          : (["role", subject.role] as const);
    const rows = declared[SUBJECT_SHEETS[of].declared].get(name);
    const twice = TWICE.has(problem.kind);
    const row = rowOf(rows, twice ? 1 : 0);
    if (row?.failed) continue;
    const headers: Readonly<Partial<Record<CatalogueField, string>>> = FIELD_HEADERS[of];
    const header = headers[problem.field];
    const params = twice ? { ...problem.params, first: rows?.[0]?.number ?? 0 } : problem.params;
    const place = row ? row.place(header) : { sheet: SUBJECT_SHEETS[of].sheet };
    // Two fields in one cell (a rule's two sides) can say one mistake twice.
    const key = JSON.stringify([problem.kind, place, params]);
    if (said.has(key)) continue;
    said.add(key);
    problems.add(problem.kind, place, params as DefinitionProblemParams[typeof problem.kind]);
  }
}

/**
 * True for a code or role unknown to the candidate because the row that declares it was refused cell by cell: the
 * same mistake, said at that row. When a code itself was refused, no one can tell which code a reference meant.
 */
function saidElsewhere(problem: CatalogueProblem, declared: Declared): boolean {
  if (problem.kind === "role_unknown") return declared.roles.has(problem.params.role);
  if (problem.kind !== "code_unknown") return false;
  return declared.refusedCodes || declared.codes.has(problem.params.code);
}

const ROW_REQUIRED = [
  ROW_HEADERS.code,
  ROW_HEADERS.block,
  ROW_HEADERS.label,
  ROW_HEADERS.labelEn,
  ROW_HEADERS.kind,
];
const ROLE_REQUIRED = [ROLE_HEADERS.id, ROLE_HEADERS.name, ROLE_HEADERS.nameEn];
const RULE_REQUIRED = [RULE_HEADERS.kind, RULE_HEADERS.expression];

/**
 * Reads a form definition workbook's sheets (`Mẫu`, `Chỉ tiêu`, `Quy tắc`, and `Vai trò` where the form has
 * province-wide rows; other sheets are ignored) into the catalogue it declares, checked by the catalogue's schema
 * and integrity rules, or gives every problem with its sheet, row and column.
 */
export function readDefinition(grids: readonly SheetGrid[], options: DefinitionOptions = {}): DefinitionRead {
  const problems = new Problems();
  const S = DEFINITION_SHEETS;
  const formTable = readTable(
    grids,
    S.form,
    Object.values(FORM_HEADERS),
    Object.values(FORM_HEADERS),
    problems,
    true,
  );
  const roleTable = readTable(grids, S.roles, Object.values(ROLE_HEADERS), ROLE_REQUIRED, problems, false);
  const rowTable = readTable(grids, S.rows, Object.values(ROW_HEADERS), ROW_REQUIRED, problems, true);
  const ruleTable = readTable(grids, S.rules, Object.values(RULE_HEADERS), RULE_REQUIRED, problems, true);
  const form = formTable ? readForm(formTable, options) : {};
  const declared: Declared = { codes: new Map(), rules: new Map(), roles: new Map(), refusedCodes: false };
  const roles = (roleTable?.rows ?? []).flatMap((row) => readRole(row, declared) ?? []);
  const rows = (rowTable?.rows ?? []).flatMap((row) => readRow(row, declared) ?? []);
  const rules = (ruleTable?.rows ?? []).flatMap((row) => readRule(row, declared) ?? []);
  const candidate: Catalogue = {
    templateVersion: form.id ?? "",
    title: { vi: form.title ?? "", en: form.titleEn ?? "" },
    levels: form.levels ?? [],
    appliesFrom: form.appliesFrom ?? "",
    appliesTo: form.appliesTo,
    roles,
    rows,
    relations: rules.filter((rule): rule is RelationRule => rule.kind !== "pattern"),
    patterns: rules.filter((rule): rule is PatternRule => rule.kind === "pattern"),
  };
  integrityProblems(candidate, declared, problems);
  if (problems.list.length) return { ok: false, problems: problems.list };
  const parsed = CatalogueSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        kind: "integrity",
        place: { sheet: S.rows },
        params: { detail: `${issue.path.join(".")}: ${issue.message}` },
      })),
    };
  }
  return { ok: true, catalogue: parsed.data };
}
