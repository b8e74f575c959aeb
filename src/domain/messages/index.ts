import type { Bilingual, RowDef } from "../catalogue";
import { catalogue as defaultCatalogue } from "../catalogue";
import { registeredTemplates as registered } from "./error";
import type {
  ConsolidationTextParams,
  DefinitionPlace,
  DefinitionProblemKind,
  DefinitionProblemParams,
  ExpressionProblem,
  FindingParamsByKind,
  Lang,
  LanguageTemplates,
  MessageContext,
  Templates,
} from "./kinds";

// The only way a finding's text is made: its kind and parameters through one module per language (vi.ts, en.ts).
// This module imports neither: a host registers the languages it shows (registerLanguage), so that the task pane's
// first load carries no template module and fetches each before it shows it (src/taskpane/languages.ts), while the
// CLI and the tests register both up front (./both.ts). A text asked for in a language not registered is an error,
// never a text in the other language.

export type * from "./kinds";
// The templates' words (./words.ts) are the language modules' alone: imported from there, they stay out of the
// pane's first load.
export { bilingual } from "./bilingual";

/** A kind of finding: the name of its message template. */
export type FindingKind = keyof FindingParamsByKind;

export { isLanguageRegistered, registerLanguage } from "./registry";
export type { ErrorKind } from "./error";
export { BilingualError, errorText } from "./error";
export type { LabelKind } from "./labels";

/** What a message is rendered from: a kind, its parameters, and the codes it is about. */
export interface Renderable<K extends FindingKind = FindingKind> {
  readonly kind: K;
  readonly params: FindingParamsByKind[K];
  readonly codes: readonly string[];
}

/** What messages name besides their parameters: the form's rows and, in a consolidation, the offices by role. */
export interface MessageNames {
  readonly rows: ReadonlyMap<string, RowDef>;
  readonly roles?: ReadonlyMap<string, Bilingual>;
}

/**
 * A finding's message in `lang`, from its kind and parameters; `names` gives the indicators' labels (the form the
 * finding was made under, the built-in one by default) and the offices' names.
 */
export function renderFinding<K extends FindingKind>(
  finding: Renderable<K>,
  lang: Lang,
  names: MessageNames = { rows: defaultCatalogue.byCode },
): string {
  const template: Templates<FindingParamsByKind>[K] = registered(lang).findings[finding.kind];
  const context: MessageContext = { rows: names.rows, roles: names.roles, codes: finding.codes };
  return template(finding.params, context);
}

/** A finding's message in both languages, rendered from its kind and parameters when first read. */
class FindingMessage<K extends FindingKind> implements Bilingual {
  // Private fields, so that two findings alike compare equal (jest) and JSON shows only the two texts.
  readonly #finding: Renderable<K>;
  readonly #names: MessageNames;
  #vi: string | undefined;
  #en: string | undefined;
  constructor(finding: Renderable<K>, names: MessageNames) {
    this.#finding = finding;
    this.#names = names;
  }
  get vi(): string {
    return (this.#vi ??= renderFinding(this.#finding, "vi", this.#names));
  }
  get en(): string {
    return (this.#en ??= renderFinding(this.#finding, "en", this.#names));
  }
  toJSON(): Bilingual {
    return { vi: this.vi, en: this.en };
  }
}

/** The `message` a finding carries for hosts: both languages rendered through renderFinding on first read. */
export function findingMessage<K extends FindingKind>(
  finding: Renderable<K>,
  rows: ReadonlyMap<string, RowDef>,
  roles?: ReadonlyMap<string, Bilingual>,
): Bilingual {
  return new FindingMessage(finding, roles ? { rows, roles } : namesOf(rows));
}

// The names of the form a finding was last made under: a validation makes all its findings under one form.
let lastRows: ReadonlyMap<string, RowDef> | undefined;
let lastNames: MessageNames | undefined;

/** The names of a form's rows alone, one object for all the findings made under the form. */
function namesOf(rows: ReadonlyMap<string, RowDef>): MessageNames {
  if (rows !== lastRows || !lastNames) {
    lastRows = rows;
    lastNames = { rows };
  }
  return lastNames;
}

/** A kind of text of a consolidation that is not a finding (a remark, a reason, how a total was made). */
export type TextKind = keyof ConsolidationTextParams;

/** A consolidation's text in `lang`, from its kind and parameters. */
export function renderTextIn<K extends TextKind>(
  kind: K,
  params: ConsolidationTextParams[K],
  lang: Lang,
  names: MessageNames = { rows: defaultCatalogue.byCode },
): string {
  const template: Templates<ConsolidationTextParams>[K] = registered(lang).texts[kind];
  return template(params, { rows: names.rows, roles: names.roles, codes: [] });
}

/** A consolidation's text in both languages, rendered now from its kind and parameters. */
export function renderText<K extends TextKind>(
  kind: K,
  params: ConsolidationTextParams[K],
  names: MessageNames = { rows: defaultCatalogue.byCode },
): Bilingual {
  const say = (lang: Lang) => {
    const template: Templates<ConsolidationTextParams>[K] = registered(lang).texts[kind];
    return template(params, { rows: names.rows, roles: names.roles, codes: [] });
  };
  return { vi: say("vi"), en: say("en") };
}

/** A problem of a form definition workbook's layout or cells: its kind and parameters, and where it is. */
export interface DefinitionSheetProblem<K extends DefinitionProblemKind = DefinitionProblemKind> {
  readonly kind: K;
  readonly params: DefinitionProblemParams[K];
  readonly place: DefinitionPlace;
}

/** An expression the grammar refused (src/domain/forms/expression.ts), at the cell that holds it. */
export type DefinitionExpressionProblem = ExpressionProblem & { readonly place: DefinitionPlace };

/** Any problem of a form definition workbook, with where it is. */
export type DefinitionProblem = DefinitionSheetProblem | DefinitionExpressionProblem;

function sheetProblemText<K extends DefinitionProblemKind>(
  problem: DefinitionSheetProblem<K>,
  templates: LanguageTemplates,
): string {
  const template: Templates<DefinitionProblemParams>[K] = templates.definitions[problem.kind];
  return template(problem.params, { rows: new Map(), codes: [] });
}

/** A definition's problem in `lang`: its place (sheet, row, column), then what is wrong there. */
export function renderDefinitionProblem(problem: DefinitionProblem, lang: Lang): string {
  const templates = registered(lang);
  const text =
    "offset" in problem ? renderExpressionProblem(problem, lang) : sheetProblemText(problem, templates);
  return templates.place(problem.place) + text;
}

/** An expression problem's message in `lang` (the forms' reader adds the sheet, row and column around it). */
export function renderExpressionProblem(problem: ExpressionProblem, lang: Lang): string {
  const template = registered(lang).expressions[problem.kind] as (problem: ExpressionProblem) => string;
  return template(problem);
}

/** An expression problem's message in both languages. */
export function expressionProblemMessage(problem: ExpressionProblem): Bilingual {
  return { vi: renderExpressionProblem(problem, "vi"), en: renderExpressionProblem(problem, "en") };
}
