import type { Bilingual, RowDef } from "../catalogue";
import { catalogue as defaultCatalogue } from "../catalogue";
import { en, enTexts } from "./en";
import type { ConsolidationTextParams, FindingParamsByKind, Lang, MessageContext, Templates } from "./kinds";
import { vi, viTexts } from "./vi";

// The only way a finding's text is made: its kind and parameters through one module per language (vi.ts, en.ts).

export type * from "./kinds";
export { bilingual, labelOf, nameList, nameOf, periodName } from "./words";

/** A kind of finding: the name of its message template. */
export type FindingKind = keyof FindingParamsByKind;

const TEMPLATES: Readonly<Record<Lang, Templates<FindingParamsByKind>>> = { vi, en };

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
  const template: Templates<FindingParamsByKind>[K] = TEMPLATES[lang][finding.kind];
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
  return new FindingMessage(finding, roles ? { rows, roles } : { rows });
}

const TEXTS: Readonly<Record<Lang, Templates<ConsolidationTextParams>>> = { vi: viTexts, en: enTexts };

/** A kind of text of a consolidation that is not a finding (a remark, a reason, how a total was made). */
export type TextKind = keyof ConsolidationTextParams;

/** A consolidation's text in both languages, rendered now from its kind and parameters. */
export function renderText<K extends TextKind>(
  kind: K,
  params: ConsolidationTextParams[K],
  names: MessageNames = { rows: defaultCatalogue.byCode },
): Bilingual {
  const say = (lang: Lang) => {
    const template: Templates<ConsolidationTextParams>[K] = TEXTS[lang][kind];
    return template(params, { rows: names.rows, roles: names.roles, codes: [] });
  };
  return { vi: say("vi"), en: say("en") };
}
