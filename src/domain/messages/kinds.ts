import type { Bilingual, Level, RelationRule, RowDef } from "../catalogue";
import type { FindingParam } from "../findings";
import type { ReadingProblem } from "../values";

/** A language users read: Vietnamese first, English available. */
export type Lang = "vi" | "en";

/**
 * The parameters of a value that read with a problem: the cell as typed (`raw`) or stored (`stored`, a percentage as
 * its cell shows it in `shownScaled`/`shownDecimals`), and the value read or solved (`value`, as Excel stores it).
 */
export type ReadingParams = {
  readonly code: string;
  readonly raw: string;
  readonly stored?: number;
  readonly shownScaled?: number;
  readonly shownDecimals?: number;
  readonly value?: number;
  /** The balance rule the value was solved from, when a malformed value's balance tells it. */
  readonly solvedFrom?: string;
};

/**
 * One cell of a pair of conflicting rows, as the message shows it: `amount` when it reads as a value, `stored` for a
 * number that does not, else `text` quoted as typed; none when blank.
 */
export type ConflictParams = {
  readonly code: string;
  readonly rows: readonly number[];
  readonly firstAmount?: number;
  readonly firstStored?: number;
  readonly firstText?: string;
  readonly secondAmount?: number;
  readonly secondStored?: number;
  readonly secondText?: string;
};

/** A derived percentage against its counts: the stated and recomputed rates at the stated decimals. */
export type DerivedParams = {
  readonly code: string;
  readonly numerator: number;
  readonly denominator: number;
  readonly stated: number;
  readonly recomputed: number;
  readonly decimals: number;
  readonly truncated: boolean;
};

/**
 * A failing relation: each side's codes and amounts (a percentage in ten-thousandths), or a constant percentage on
 * the right; the sums, their difference, and the suspect cell with its suggested amount or the tied candidates.
 */
export type RelationParams = {
  readonly left: number;
  readonly right: number;
  readonly difference: number;
  readonly leftCodes: readonly string[];
  readonly leftAmounts: readonly number[];
  readonly rightCodes: readonly string[];
  readonly rightAmounts: readonly number[];
  readonly rightPercent?: number;
  readonly suspect?: string;
  readonly suggested?: number;
  readonly candidates?: readonly string[];
};

/** A figure outside its row's plausible bounds, as Excel stores it, with the bound and whose level it is. */
export type PlausibleParams = {
  readonly code: string;
  readonly value: number;
  readonly limit: number;
  readonly bound: "max" | "min";
  /** The rate recomputed from the counts, not the figure typed. */
  readonly computed: boolean;
  readonly level?: Level;
  /** A province's total in the summary, not one unit's figure. */
  readonly province?: boolean;
};

/** Every kind of finding the domain makes, with the parameters its message is rendered from. */
export type DomainFindingParams = {
  readonly [K in Exclude<ReadingProblem, "conflicting_rows">]: ReadingParams;
} & {
  readonly conflicting_rows: ConflictParams;
  readonly derived_truncated: DerivedParams;
  readonly derived_mismatch: DerivedParams;
  readonly balance_mismatch: RelationParams;
  readonly order_violated: RelationParams;
  readonly ofWhich_exceeded: RelationParams;
  readonly ofWhich_shortfall: RelationParams;
  readonly stock_exceeded: RelationParams;
  readonly stock_shortfall: RelationParams;
  readonly pattern_copy: { readonly pairs: readonly string[]; readonly blocks: readonly string[] };
  readonly empty_appendix: Record<string, never>;
  readonly incomplete: { readonly blank: number };
  readonly implausible_high: PlausibleParams;
  readonly implausible_low: PlausibleParams;
  /** A district's appendix, by its level or (`unit`) its unit's name, for a period after the 2025 reform. */
  readonly district_after_reform: { readonly period: string; readonly level?: Level; readonly unit?: string };
  /** A figure in a row the period does not expect (`from`: the first period it is not expected in). */
  readonly row_not_applicable: { readonly code: string; readonly from: string; readonly period: string };
  /**
   * Row 4's level reads as none: `typed` as it stands ("" when blank; none when the sheet has no row 4), and the
   * `levels` the period accepts.
   */
  readonly level_unknown: { readonly typed?: string; readonly levels: readonly Level[] };
  /** Row 4's period reads as none: `typed` as it stands ("" when blank; none when the sheet has no row 4). */
  readonly period_unknown: { readonly typed?: string };
};

/** Two periods a cross-period check compares; "" when a file does not say. */
export type PeriodsParams = { readonly previous: string; readonly period: string };

/**
 * Every kind of finding of a consolidation: across units or periods, about the files, or about one unit (whose
 * name `unit` gives where the message shows it). `province` marks a figure of the whole province.
 */
export type ConsolidationFindingParams = {
  readonly mixed_periods: {
    readonly periods: readonly string[];
    readonly counts: readonly number[];
    readonly period?: string;
  };
  readonly duplicate_unit: { readonly unit: string; readonly first: string; readonly second: string };
  readonly duplicate_appendix: { readonly unit: string; readonly first: string; readonly second: string };
  readonly unit_unnamed: Record<string, never>;
  /** `levels`: the levels units report at in the period (no district after the 2025 reform). */
  readonly unit_without_level: { readonly levels: readonly Level[] };
  /** A district's appendix for a period after the 2025 reform: left out of the level-based totals. */
  readonly district_left_out: { readonly period: string; readonly level: Level };
  readonly other_period: { readonly period: string; readonly expected: string };
  readonly role_twice: { readonly role: string; readonly units: readonly string[] };
  readonly roles_missing: Record<string, never>;
  readonly role_missing: { readonly role: string };
  readonly unexpected_unit: { readonly unit: string };
  /** Districts named in the list of units expected to report, for a period after the 2025 reform: not expected. */
  readonly expected_district_after_reform: { readonly units: readonly string[]; readonly period: string };
  readonly previous_not_earlier: PeriodsParams;
  readonly previous_not_adjacent: PeriodsParams;
  readonly cumulative_decreased: {
    readonly code: string;
    readonly now: number;
    readonly previous: number;
    readonly province: boolean;
  };
  readonly carried_over_mismatch: {
    readonly now: number;
    readonly previous: number;
    readonly difference: number;
    readonly province: boolean;
  };
  readonly hidden_sheet: { readonly unit: string; readonly sheet: string; readonly file?: string };
  /**
   * Units of another form (`form`, `units` of them) summed with the lead form's (`lead`, `leadUnits`) on the rows
   * both declare alike (`common`); the lead's rows it lacks (`absent`) or declares otherwise (`differs`, each with
   * its `reasons`), and its own rows the lead lacks (`extra`), are left out.
   */
  readonly forms_mixed: {
    readonly lead: string;
    readonly leadUnits: number;
    readonly form: string;
    readonly units: number;
    readonly common: readonly string[];
    readonly absent: readonly string[];
    readonly differs: readonly string[];
    readonly reasons: readonly RowMismatch[];
    readonly extra: readonly string[];
  };
};

/**
 * Why a row is not consolidated across two forms: the other form lacks it, or declares another kind (count, rate,
 * coded), unit, legend, way of aggregating, office or levels asked, another formula, or its formula's inputs are not
 * all consolidated.
 */
export type RowMismatch =
  "absent" | "kind" | "unit" | "legend" | "aggregation" | "role" | "scope" | "formula" | "inputs";

/** A kind of finding of one appendix's validation. */
export type DomainFindingKind = keyof DomainFindingParams;

/**
 * The texts of a consolidation that are not findings: a total's remark and flag (units listed by name), why a
 * unit's value is listed rather than summed, and how a total was made (`lead_*`).
 */
export type ConsolidationTextParams = {
  readonly remark_missing: { readonly units: readonly string[] };
  readonly remark_unreadable: { readonly units: readonly string[] };
  readonly remark_ignored: { readonly units: readonly string[] };
  readonly flag_with_errors: { readonly units: readonly string[] };
  readonly listed_rate_without_counts: Record<string, never>;
  readonly listed_coded: Record<string, never>;
  readonly listed_rate: Record<string, never>;
  /** A rate recomputed from the units' summed counts; `numerator`/`denominator` absent when the denominator is 0. */
  readonly lead_recomputed: {
    readonly formula: string;
    readonly units: number;
    readonly levels: readonly Level[];
    readonly numerator?: number;
    readonly denominator?: number;
  };
  readonly lead_province: { readonly role: string; readonly holder?: string };
  readonly lead_not_aggregable: { readonly units: number };
  /** A row the period does not ask for (`from`: the first period it is not expected in). */
  readonly lead_not_applicable: { readonly from: string; readonly period: string };
  /**
   * An appendix of another period kept out, with the advice its reader can follow `where` it is read: the command
   * line ("cli") names its option, the pane ("pane") says what can be done there, and the summary's "Thiếu" sheet
   * ("sheet") asks for the right appendix alone.
   */
  readonly excluded_other_period: {
    readonly unit: string;
    readonly period: string;
    readonly expected: string;
    readonly where: "cli" | "pane" | "sheet";
  };
  readonly excluded_very_hidden: { readonly unit: string };
  /** The lowest status of a coded row over the units that reported it. */
  readonly lead_lowest: { readonly code: string; readonly amount: number; readonly units: number };
  /** A correction letter's lines: whom it is to, why (`report`: the appendix is a Word report's table), … */
  readonly letter_to: { readonly unit: string };
  /** `review`: the appendix has no error, and the letter asks to look again at its warnings, not to correct it. */
  readonly letter_opening: {
    readonly period: string;
    readonly report: boolean;
    readonly review?: boolean;
    readonly file?: string;
    readonly sheet: string;
  };
  /** … a section's heading (`head`: A, B, C), an item's cell, and the closing. */
  readonly letter_section: {
    readonly head: string;
    readonly severity: "error" | "warning" | "info";
    readonly count: number;
  };
  readonly letter_cell: { readonly cell: string };
  readonly letter_closing: Record<string, never>;
  readonly error_unknown_version: { readonly version: string };
  readonly error_no_units: Record<string, never>;
  readonly error_no_previous: { readonly file: string };
  /** A sheet made from a form definition the tool has not been given (F1 holds an id and a hash it lacks). */
  readonly form_missing: { readonly sheet: string; readonly id: string };
  /** The command's result line, after its counts: `indicators` left out because the units follow `forms` forms. */
  readonly outcome_left_out: { readonly forms: number; readonly indicators: number };
  /** A row of the summary's form left out: each form that differs on it, why, and how many units follow it. */
  readonly lead_left_out: {
    readonly forms: readonly string[];
    readonly reasons: readonly RowMismatch[];
    readonly units: readonly number[];
  };
  /** The same on the command line: the file neither carries the definition nor was it given with `option`. */
  readonly form_missing_option: { readonly sheet: string; readonly id: string; readonly option: string };
  /** A definition a workbook carries (its `sheet`, the block's marker `row`) whose content no longer has its hash. */
  readonly carried_changed: { readonly id: string; readonly sheet: string; readonly row: number };
  /** A definition a workbook carries that no longer reads as a definition (or whose marker row is damaged). */
  readonly carried_unreadable: { readonly id: string; readonly sheet: string; readonly row: number };
};

/** A file a command reads, as its messages name it. */
export type FileRole = "appendix" | "previous" | "expected" | "roles" | "report";

/**
 * Every error users read (a BilingualError, BilingualError.fromKind), by kind, with the parameters its text is
 * rendered from: refusals of the workflows, bad input to the domain, the readers' and the command line's errors.
 */
export type ErrorParams = {
  /** The fill of derived rates with no sheet open. */
  readonly fill_no_sheet: Record<string, never>;
  readonly fill_not_appendix: { readonly sheet: string };
  readonly fix_no_suggestion: Record<string, never>;
  readonly install_sheet_missing: { readonly sheet: string };
  readonly install_rename_on_replace: { readonly sheet: string };
  readonly install_not_appendix: { readonly sheet: string };
  /** A sheet of a template version this tool does not know: a newer one. */
  readonly install_unknown_version: { readonly sheet: string; readonly version: string };
  /** A level the form being installed has no place for (its `cấp`). */
  readonly install_level_not_in_form: {
    readonly id: string;
    readonly level: Level;
    readonly levels: readonly Level[];
  };
  readonly invalid_level: { readonly input: string };
  readonly invalid_period: { readonly input: string };
  /** A level no unit reports at in the period (`from`: the first period without it; `levels`: those left). */
  readonly level_gone: {
    readonly level: Level;
    readonly period: string;
    readonly from: string;
    readonly levels: readonly Level[];
  };
  readonly invalid_sheet_name: { readonly sheetName: string; readonly max: number };
  /**
   * A roles file's bad lines, each a `problems` entry: "format" (not "name<TAB or ;>role", `texts` the line),
   * "role" (`texts` the role written) or "twice" (`texts` the name, `earlier` its role before).
   */
  readonly roles_invalid: {
    readonly lines: readonly number[];
    readonly problems: readonly string[];
    readonly texts: readonly string[];
    readonly earlier: readonly string[];
  };
  /** Appendices of several template versions: each version with how many and the first few places it was found. */
  readonly mixed_versions: {
    readonly versions: readonly string[];
    readonly counts: readonly number[];
    readonly places: readonly string[];
  };
  readonly usage_no_command: Record<string, never>;
  readonly usage_unknown_command: { readonly command: string };
  readonly usage_no_output: Record<string, never>;
  readonly usage_no_summary: Record<string, never>;
  readonly usage_no_files: Record<string, never>;
  readonly usage_no_files_to_validate: Record<string, never>;
  readonly usage_invalid_format: { readonly input: string };
  readonly usage_invalid_lang: { readonly input: string };
  readonly usage_form_no_action: Record<string, never>;
  readonly usage_form_unknown_action: { readonly action: string };
  readonly usage_form_check_one_file: Record<string, never>;
  /** `--form ID` names no built-in form; `known` lists the ids there are. */
  readonly form_unknown: { readonly id: string; readonly known: readonly string[] };
  /** `template --form` names neither a built-in form nor a definition .xlsx file. */
  readonly template_form_unknown: { readonly form: string; readonly known: readonly string[] };
  readonly import_one_report: Record<string, never>;
  readonly import_already_workbook: Record<string, never>;
  /** The previous period's file could not be read: `reason` and `reasonEn` say why (another error's text). */
  readonly previous_unreadable: { readonly path: string; readonly reason: string; readonly reasonEn: string };
  /** A file that failed for a reason no reader foresaw: `detail` as the failure said it. */
  readonly read_unknown: { readonly detail: string };
  /** Why a sheet or a file is not consolidated: a summary (never summed again), or no appendix on any sheet. */
  readonly summary_set_aside: Record<string, never>;
  readonly summaries_skipped: { readonly count: number };
  readonly no_appendix_in_file: { readonly sheets: readonly string[] };
  readonly usage_invalid_level: { readonly input: string };
  readonly usage_invalid_period: { readonly input: string };
  /** A failure the tool did not foresee; `variable` shows its detail when set to 1. */
  readonly unexpected: { readonly variable: string };
  readonly text_file_not_regular: { readonly role: FileRole; readonly path: string };
  readonly text_file_unreadable: { readonly role: FileRole; readonly path: string; readonly code: string };
  readonly text_file_too_large: {
    readonly role: FileRole;
    readonly path: string;
    readonly size: number;
    readonly max: number;
  };
  readonly output_unchecked: { readonly path: string; readonly code: string };
  readonly output_is_folder: { readonly path: string; readonly example: string; readonly exampleEn: string };
  readonly output_is_input: { readonly role: FileRole; readonly input: string; readonly path: string };
  readonly output_exists: { readonly path: string };
  readonly output_unwritten: { readonly path: string; readonly code: string };
  readonly output_appeared: { readonly path: string };
  readonly read_not_found: { readonly path: string };
  readonly read_failed: { readonly path: string; readonly code?: string };
  readonly read_not_regular: { readonly path: string };
  /** A workbook the reader refuses: how it is protected, damaged (`detail`, or a `compression` Excel never uses)… */
  readonly xlsx_password: Record<string, never>;
  readonly xlsx_old_xls: Record<string, never>;
  readonly xlsx_password_or_xls: Record<string, never>;
  readonly xlsx_zip_bomb: Record<string, never>;
  readonly xlsx_damaged: { readonly detail: string; readonly compression?: boolean };
  readonly xlsx_zip64: Record<string, never>;
  readonly xlsx_encrypted_part: Record<string, never>;
  readonly xlsx_macros: Record<string, never>;
  /** … too large (`megabytes` against `max`), or not a workbook at all (`empty`: no byte). */
  readonly xlsx_too_large: { readonly megabytes: number; readonly max: number };
  readonly xlsx_doctype: { readonly part: string };
  readonly xlsx_no_worksheet: Record<string, never>;
  readonly xlsx_not_workbook: { readonly empty: boolean };
  /** A file named .docx whose content is no document of any kind the tool reads (not a zip, an old .doc, a PDF). */
  readonly docx_not_word: { readonly empty: boolean };
  /** A Word document the reader refuses, or a file of a kind it does not read (an old .doc, a PDF). */
  readonly docx_old_doc: Record<string, never>;
  readonly docx_pdf: Record<string, never>;
  readonly docx_damaged: { readonly detail: string };
  readonly docx_encrypted_part: Record<string, never>;
  readonly docx_zip64: Record<string, never>;
  readonly docx_too_large: { readonly detail: string };
  readonly docx_macros: Record<string, never>;
  readonly docx_no_document: Record<string, never>;
  readonly docx_doctype: { readonly part: string };
  /** A Word document with neither an appendix table nor any figure of the form. */
  readonly docx_not_report: Record<string, never>;
  /**
   * Appendices of two or more definitions of one form id (`hashes`: F1's hash of each, "" for sheets that name
   * none), each with how many and where they were found, as mixed_versions lists them.
   */
  readonly mixed_definitions: {
    readonly id: string;
    readonly hashes: readonly string[];
    readonly counts: readonly number[];
    readonly places: readonly string[];
  };
  /** `--form` of validate or consolidate names something that is no definition file (.xlsx). */
  readonly usage_form_not_definition: { readonly input: string };
};

/** Every kind of finding, with the typed parameters its message is rendered from. */
export type FindingParamsByKind = DomainFindingParams & ConsolidationFindingParams;

/** What a template reads besides its parameters: the catalogue's rows (labels, kinds, legends) and the codes. */
export interface MessageContext {
  readonly rows: ReadonlyMap<string, RowDef>;
  /** The offices' names by role, for the messages of a consolidation; a role without one is named by its id. */
  readonly roles?: ReadonlyMap<string, Bilingual>;
  /** The finding's codes, in its order. */
  readonly codes: readonly string[];
}

/** Parameters as findings carry them: every value a FindingParam. */
export type ParamsShape = { readonly [key: string]: FindingParam | undefined };

/** One language's templates: a pure function of the parameters for every kind (TypeScript checks none is missing). */
export type Templates<P extends { readonly [K in keyof P]: ParamsShape }> = {
  readonly [K in keyof P]: (params: P[K], context: MessageContext) => string;
};

/**
 * Where in a form definition workbook a problem is (DESIGN.md section 11): its sheet, and its row (1-based) and
 * column (the header's name and the letter) when the problem is about one cell or one row.
 */
export type DefinitionPlace = {
  readonly sheet: string;
  readonly row?: number;
  readonly header?: string;
  readonly column?: string;
};

/**
 * Every kind of problem a form definition workbook can have, with the parameters its message is rendered from: the
 * workbook's layout, a cell's content (a number or a formula where text is expected, an unknown word, a bad period,
 * legend or limit), and the catalogue's integrity (catalogueProblems) mapped back to the row that declared it.
 */
export type DefinitionProblemParams = {
  readonly sheet_missing: { readonly sheets: readonly string[] };
  readonly header_missing: { readonly header: string };
  readonly header_unknown: { readonly header: string; readonly known: readonly string[] };
  readonly header_twice: { readonly header: string; readonly first: string };
  readonly key_missing: { readonly key: string };
  readonly key_unknown: { readonly key: string; readonly known: readonly string[] };
  readonly key_twice: { readonly key: string; readonly first: number };
  readonly value_missing: Record<string, never>;
  /** A number where text is expected: `shown` is how the number reads back ("3.1" for a "3.10" typed). */
  readonly number_not_text: { readonly shown: string };
  readonly formula_not_text: { readonly formula: string };
  readonly not_text: { readonly raw: string };
  readonly word_unknown: { readonly word: string; readonly allowed: readonly string[] };
  readonly code_invalid: { readonly text: string };
  readonly period_invalid: { readonly text: string };
  readonly period_order: { readonly from: string; readonly to: string };
  readonly legend_invalid: { readonly text: string; readonly entry: string };
  readonly limit_invalid: { readonly text: string; readonly entry: string };
  readonly list_empty: Record<string, never>;
  readonly id_reserved: { readonly id: string };
  readonly code_twice: { readonly code: string; readonly first: number };
  readonly code_unknown: { readonly code: string };
  readonly parent_cycle: { readonly code: string };
  readonly unit_missing: { readonly code: string };
  readonly legend_missing: { readonly code: string };
  readonly legend_not_coded: { readonly code: string };
  readonly percent_unit: { readonly code: string };
  readonly count_unit_percent: { readonly code: string };
  readonly limit_not_figure: { readonly code: string };
  readonly limit_order: { readonly code: string };
  readonly derived_not_percent: { readonly code: string };
  readonly derived_reads_non_count: { readonly code: string; readonly input: string };
  readonly rule_twice: { readonly id: string; readonly first: number };
  readonly rule_one_sided: { readonly id: string };
  readonly carried_not_count: { readonly code: string; readonly from: string };
  readonly level_not_on_form: { readonly code: string; readonly level: string };
  readonly wording_without_parent: { readonly code: string };
  readonly role_id_invalid: { readonly text: string };
  readonly role_unknown: { readonly code: string; readonly role: string; readonly known: readonly string[] };
  readonly role_order: { readonly role: string };
  readonly role_twice: { readonly role: string; readonly first: number };
  /** A problem the catalogue's schema finds that no kind here has words for: its detail as checked. */
  readonly integrity: { readonly detail: string };
  /** A level listed twice in the form's `cấp`. */
  readonly level_twice: { readonly level: string };
};

/** A kind of problem of a form definition workbook. */
export type DefinitionProblemKind = keyof DefinitionProblemParams;

/** One language's module (vi.ts, en.ts): the templates of every finding and of a consolidation's other texts. */
export interface LanguageTemplates {
  readonly lang: Lang;
  readonly findings: Templates<FindingParamsByKind>;
  readonly texts: Templates<ConsolidationTextParams>;
  /** A form definition's problems, each after its place (`place`). */
  readonly definitions: Templates<DefinitionProblemParams>;
  readonly place: (place: DefinitionPlace) => string;
  readonly errors: Templates<ErrorParams>;
  readonly expressions: ExpressionTemplates;
  /** The texts around the findings: the summary's, the self-check's, the command line's result lines. */
  readonly labels: Templates<LabelParams>;
}

/**
 * What an expression's reader expected where it stopped (src/domain/forms/expression.ts): a code, a percentage, a
 * parenthesis, an operator, a comparison (=, <=, >=), a pair's "~" or ";", or the end of the text.
 */
export type ExpectedToken =
  | "code"
  | "percent"
  | "open"
  | "close"
  | "plus"
  | "minus"
  | "divide"
  | "relation"
  | "tilde"
  | "semicolon"
  | "end";

/** Which side of a derived rate's division a problem is about. */
export type RatioPart = "numerator" | "denominator";

/** The rule kinds whose expressions compare two sums (a pattern pairs codes instead). */
export type RelationKindName = RelationRule["kind"];

/**
 * Why a rule's expression or a derived formula was refused, with what its message shows: the expression as typed
 * (`text`), the token found where the reader stopped (`found`, "" at the end of the text), and what it expected.
 */
export type ExpressionProblemParams = {
  readonly expression_empty: { readonly text: string };
  readonly expression_unexpected: {
    readonly text: string;
    readonly found: string;
    readonly expected: readonly ExpectedToken[];
  };
  readonly expression_bad_character: { readonly text: string; readonly found: string };
  /** A word that is no code; `suggestion` when changing its letters' case makes one ("hs.1" → HS.1). */
  readonly expression_not_code: {
    readonly text: string;
    readonly found: string;
    readonly suggestion?: string;
  };
  /** A cell's address ("D21", "$D$21") where a code belongs: a formula written over cells, not codes. */
  readonly expression_cell_reference: { readonly text: string; readonly found: string };
  readonly expression_function: { readonly text: string; readonly found: string };
  readonly expression_product: { readonly text: string; readonly found: string };
  readonly expression_division_in_rule: { readonly text: string; readonly found: string };
  readonly expression_minus_in_rule: { readonly text: string; readonly found: string };
  readonly expression_strict_relation: { readonly text: string; readonly found: string };
  /** A comparison the rule's kind does not take: a balance is "=", the others "<=" or ">=". */
  readonly expression_relation_kind: {
    readonly text: string;
    readonly found: string;
    readonly kind: RelationKindName;
  };
  readonly expression_percent_misplaced: { readonly text: string; readonly found: string };
  readonly expression_bad_percent: { readonly text: string; readonly found: string };
  readonly expression_constant: { readonly text: string; readonly found: string };
  readonly expression_parentheses_needed: { readonly text: string; readonly part: RatioPart };
  readonly expression_nested_division: { readonly text: string; readonly found: string };
  readonly expression_not_ratio: { readonly text: string };
  readonly expression_minus_in_denominator: { readonly text: string; readonly found: string };
  readonly expression_unclosed: { readonly text: string };
};

/** A kind of expression problem. */
export type ExpressionProblemKind = keyof ExpressionProblemParams;

/**
 * An expression refused, as data: its kind, where in the text (`offset` and `length` in UTF-16 units, the end of
 * the text for a problem found there) and the parameters its message is rendered from.
 */
export type ExpressionProblem<K extends ExpressionProblemKind = ExpressionProblemKind> = {
  readonly [P in K]: {
    readonly kind: P;
    readonly offset: number;
    readonly length: number;
    readonly params: ExpressionProblemParams[P];
  };
}[K];

/** One language's templates of expression problems: the whole problem, since the message shows where it is. */
export type ExpressionTemplates = {
  readonly [K in ExpressionProblemKind]: (problem: ExpressionProblem<K>) => string;
};

// ---- The texts around the findings (issue 14, point 3): the summary workbook's titles and headers, the
// self-check's steps and report, the command line's result lines. Kinds, not prose, so that both languages are
// written here and reviewed together. ----

/** A table sheet of the summary workbook, as its title names it (the form sheet has its own). */
export type SummaryTable = "units" | "missing" | "requests" | "nonAggregable" | "issues" | "figures";

/** A column of the summary's tables, as its header names it. */
export type SummaryColumn =
  | "unit"
  | "level"
  | "period"
  | "verdict"
  | "errors"
  | "warnings"
  | "failed_rules"
  | "role"
  | "file"
  | "sheet"
  | "counted"
  | "form"
  | "unit_or_file"
  | "reason"
  | "reason_en"
  | "request"
  | "request_en"
  | "code"
  | "codes"
  | "indicator"
  | "value"
  | "severity"
  | "cell"
  | "message"
  | "message_en";

/** A step of the pane's self-check (src/workflows/self-check.ts, SELF_CHECK_STEPS). */
export type SelfCheckStepName =
  "install" | "type" | "validate" | "marks" | "fix" | "fill" | "clear" | "restore" | "delete" | "unchanged";

/** A fixed word of the self-check's plain-text report. */
export type SelfCheckReportWord =
  | "title"
  | "at"
  | "verdict"
  | "passed"
  | "failed"
  | "skipped"
  | "excel"
  | "application"
  | "platform"
  | "version"
  | "language"
  | "not_said"
  | "api_sets"
  | "api_missing"
  | "none"
  | "requests"
  | "sizes"
  | "not_measurable"
  | "steps"
  | "code";

/** A fixed text of the self-check's dialog in the pane. */
export type SelfCheckPaneText =
  | "title"
  | "intro"
  | "run"
  | "run_again"
  | "running"
  | "close"
  | "load_failed"
  | "passed"
  | "failed"
  | "steps_label"
  | "copy"
  | "copied"
  | "copy_refused"
  | "report_label"
  | "send";

/** Marks or findings by severity, as a self-check step counts them. */
type SeverityCounts = { readonly errors: number; readonly warnings: number; readonly info: number };

/** The sheets of a workbook as a self-check step lists them: names, the open one, the hidden ones. */
type SheetsListed = {
  readonly sheets: readonly string[];
  readonly open?: string;
  readonly hidden: readonly string[];
};

/** The kinds of text a command line prints as its result, by command. */
type CliLineParams = {
  /**
   * `consolidate`'s result: the units summed, those with errors, the correction requests, the requests to look again
   * (units ready but with warnings), the units missing, the warnings.
   */
  readonly cli_consolidated: {
    readonly path: string;
    readonly units: number;
    readonly withErrors: number;
    readonly requests: number;
    readonly reviews: number;
    readonly missing: number;
    readonly warnings: number;
  };
  readonly cli_form_exported: { readonly id: string; readonly path: string };
  readonly cli_form_sound: {
    readonly id: string;
    readonly indicators: number;
    readonly sources: number;
    readonly rules: number;
  };
  readonly cli_form_problems: { readonly path: string; readonly count: number };
  /** `template` wrote the appendix: its file, unit, level and period (ids). */
  readonly cli_template_written: {
    readonly path: string;
    readonly unit: string;
    readonly level: Level;
    readonly period: string;
  };
  /**
   * The line `validate` opens a sheet's report with: its sheet, unit, level and period, the level and period as
   * ids (none when the sheet states none the tool knows, `levelText` and `periodText` then what it states, if any).
   */
  readonly cli_sheet_line: {
    readonly sheet: string;
    readonly unit: string;
    readonly level?: Level;
    readonly levelText?: string;
    readonly period?: string;
    readonly periodText?: string;
  };
  /** The unit `template` writes when none is given (also the sheet's name). */
  readonly cli_default_unit: Record<string, never>;
  /** `template --form` with a level the form does not report at. */
  readonly cli_form_level_missing: {
    readonly id: string;
    readonly level: string;
    readonly levels: readonly string[];
  };
  readonly cli_imported: {
    readonly path: string;
    readonly source: string;
    readonly fromTable: number;
    readonly fromText: number;
  };
  /** `validate`'s verdict line of a sheet: ready or not, its findings by severity, its expected rows left blank. */
  readonly cli_verdict: {
    readonly ready: boolean;
    readonly errors: number;
    readonly warnings: number;
    readonly info: number;
    readonly blank: number;
  };
  /** A finding's severity as `validate` prints it before the message, in capitals. */
  readonly cli_severity: { readonly severity: "error" | "warning" | "info" };
  /** Sheets of template versions the tool does not know, each "'sheet' (version)". */
  readonly cli_unsupported_versions: { readonly sheets: readonly string[] };
  /** Texts the xlsx writer cut to Excel's limits: the first few (`places`, `what`, `lengths`, `limits`), and how many. */
  readonly cli_text_cuts: {
    readonly count: number;
    readonly places: readonly string[];
    readonly what: readonly TextCutKind[];
    readonly lengths: readonly number[];
    readonly limits: readonly number[];
  };
};

/** What the xlsx writer cut to Excel's limits (src/cli/xlsx/text-limits.ts). */
export type TextCutKind =
  "cell" | "sheetName" | "note" | "validationTitle" | "validationMessage" | "validationList";

/** The texts of the summary workbook (src/workflows/summary-spec.ts). */
type SummaryLabelParams = {
  /** The form sheet's title (A2): the form's own title in each language, then "in the province". */
  readonly summary_form_title: { readonly title: string; readonly titleEn: string };
  /** The form sheet's A3: how many units were summed, and how many of them still have errors. */
  readonly summary_form_source: { readonly units: number; readonly withErrors: number };
  readonly summary_province: Record<string, never>;
  readonly summary_province_units: { readonly units: number };
  readonly summary_title: { readonly table: SummaryTable };
  readonly summary_header: { readonly column: SummaryColumn };
  readonly summary_verdict: { readonly verdict: "ready" | "not_ready" };
  /** Whether a unit's appendix was summed: one that repeats another's figures is not. */
  readonly summary_counted: { readonly counted: boolean };
  readonly summary_missing_unit: Record<string, never>;
  readonly severity: { readonly severity: "error" | "warning" | "info" };
};

/** The texts of the pane's self-check: its dialog, its steps' outcomes, its report (src/workflows/self-check*.ts). */
type SelfCheckLabelParams = {
  readonly selfcheck_pane: { readonly text: SelfCheckPaneText };
  readonly selfcheck_status: { readonly status: "passed" | "failed" | "skipped" };
  readonly selfcheck_left_behind: { readonly sheet: string };
  readonly selfcheck_step: { readonly step: SelfCheckStepName };
  /** The scratch sheet's name (Vietnamese only: a sheet has one name) and the unit its appendix is made for. */
  readonly selfcheck_scratch_sheet: { readonly suffix: string };
  readonly selfcheck_unit: Record<string, never>;
  readonly selfcheck_report_word: { readonly word: SelfCheckReportWord };
  /** A platform's name as Office's diagnostics give it ("PC"), "" for one the report does not know. */
  readonly selfcheck_platform: { readonly platform: string };
  readonly selfcheck_steps_passed: { readonly passed: number; readonly all: number };
  readonly selfcheck_request_count: { readonly syncs: number; readonly runs: number };
  readonly selfcheck_sizes: {
    readonly request: number;
    readonly response: number;
    readonly requests: number;
  };
  readonly selfcheck_step_requests: {
    readonly syncs: number;
    readonly runs: number;
    readonly request?: number;
    readonly response?: number;
  };
  readonly selfcheck_report_left_behind: { readonly sheet: string };
  readonly selfcheck_blocked: { readonly sheet: string; readonly scratch: string };
  readonly selfcheck_unexpected: { readonly detail: string };
  readonly selfcheck_install_missing: SheetsListed & { readonly scratch: string; readonly version: string };
  readonly selfcheck_installed: { readonly scratch: string; readonly version: string };
  /** Cells that did not read back as typed, each "code (cell)". */
  readonly selfcheck_type_missing: { readonly cells: readonly string[] };
  /** What was typed: each cell ("DV.4 D45") with its value as JSON, "" for a cell emptied. */
  readonly selfcheck_typed: { readonly cells: readonly string[]; readonly values: readonly string[] };
  /** No error with the expected fix; counts absent when the scratch sheet had no result at all. */
  readonly selfcheck_validate_missing: {
    readonly code: string;
    readonly cell: string;
    readonly value: number;
    readonly errors?: number;
    readonly warnings?: number;
    readonly info?: number;
  };
  readonly selfcheck_validated: SeverityCounts & {
    readonly cell: string;
    readonly message: string;
    readonly messageEn: string;
  };
  readonly selfcheck_marks_missing: SeverityCounts;
  readonly selfcheck_marks: SeverityCounts;
  /** After the fix: the cell's content as JSON, the value expected, the errors left (absent: unknown). */
  readonly selfcheck_fix_failed: {
    readonly cell: string;
    readonly found: string;
    readonly value: number;
    readonly errors?: number;
  };
  readonly selfcheck_fixed: { readonly cell: string; readonly value: number };
  readonly selfcheck_fill_failed: { readonly code: string; readonly cell: string; readonly formulas: number };
  readonly selfcheck_filled: { readonly formulas: number; readonly cell: string; readonly formula: string };
  readonly selfcheck_clear_nothing: Record<string, never>;
  readonly selfcheck_clear_left: { readonly marks: number };
  readonly selfcheck_cleared: { readonly marks: number };
  readonly selfcheck_restore_unknown: Record<string, never>;
  readonly selfcheck_restored: { readonly sheet: string };
  readonly selfcheck_delete_none: Record<string, never>;
  readonly selfcheck_delete_absent: { readonly sheet: string };
  readonly selfcheck_delete_failed: {
    readonly sheet: string;
    readonly reason: string;
    readonly reasonEn: string;
  };
  readonly selfcheck_deleted: { readonly sheet: string };
  readonly selfcheck_unchanged_unknown: Record<string, never>;
  readonly selfcheck_changed: {
    readonly before: readonly string[];
    readonly beforeOpen?: string;
    readonly beforeHidden: readonly string[];
    readonly after: readonly string[];
    readonly afterOpen?: string;
    readonly afterHidden: readonly string[];
  };
  readonly selfcheck_unchanged: { readonly sheets: number; readonly open?: string };
};

/** The texts of a Word report's findings written where the reader finds them (src/docx/findings.ts). */
type DocxLabelParams = {
  /** A figure the report states twice, differently: each figure (absent: blank) and where (`at`, `atEn`). */
  readonly docx_twice: {
    readonly indicator: string;
    readonly indicatorEn: string;
    readonly first?: string;
    readonly firstAt: string;
    readonly firstAtEn: string;
    readonly second?: string;
    readonly secondAt: string;
    readonly secondAtEn: string;
  };
  /** One clause states several numbers for an indicator (`labels`): none is taken. */
  readonly docx_numbers_unclear: {
    readonly labels: readonly string[];
    readonly labelsEn: readonly string[];
    readonly count: number;
    readonly numbers: string;
    readonly place: string;
    readonly placeEn: string;
  };
  /** A number stands in a clause with several indicators' wordings: it is taken for none. */
  readonly docx_owner_unclear: {
    readonly labels: readonly string[];
    readonly labelsEn: readonly string[];
    readonly numbers: string;
    readonly place: string;
    readonly placeEn: string;
  };
  /**
   * A Word report in which no appendix table was found (its appendix left out, or typed as text a reader cannot
   * part into columns): only the figures its text states were read; `fromText` says how many.
   */
  readonly docx_no_table: { readonly fromText: number };
};

/**
 * Every text around the findings that is not an error, by kind, with the parameters it is rendered from. A
 * parameter whose value is itself a text in each language comes twice (`message`, `messageEn`).
 */
export type LabelParams = SummaryLabelParams & SelfCheckLabelParams & CliLineParams & DocxLabelParams;

/** A command of the command line, as its help names it. */
export type HelpCommand = "template" | "validate" | "consolidate" | "import" | "form";

/** One option of a command, as its help lists it: how it is written, and what it does. */
export type HelpOption = { readonly flags: string; readonly text: string };

/**
 * The command line's help in one language (help-vi.ts, help-en.ts; src/cli/help.ts lays it out), and what it says of
 * a command line node:util's parseArgs refused.
 */
export interface HelpTexts {
  readonly title: string;
  /** The words before a command's usage line and its options' list. */
  readonly usage: string;
  readonly options: string;
  readonly oneCommand: string;
  readonly exitCodes: string;
  readonly commands: Readonly<
    Record<
      HelpCommand,
      { readonly summary: string; readonly usage: string; readonly options: readonly HelpOption[] }
    >
  >;
  unknownOption(option: string): string;
  optionNeedsValue(option: string): string;
  optionTakesNoValue(option: string): string;
  unexpectedArgument(argument: string): string;
  invalidArguments(detail: string): string;
}
