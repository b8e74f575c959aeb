import type { Bilingual, RowDef } from "../catalogue";
import { catalogue as defaultCatalogue } from "../catalogue";
import { en } from "./en";
import type { DomainFindingParams, Lang, MessageContext, Templates } from "./kinds";
import { vi } from "./vi";

// The only way a finding's text is made: its kind and parameters through one module per language (vi.ts, en.ts).

export type * from "./kinds";
export { bilingual, labelOf, nameOf } from "./words";

/** Every kind of finding, with the typed parameters its message is rendered from. */
export type FindingParamsByKind = DomainFindingParams;
/** A kind of finding: the name of its message template. */
export type FindingKind = keyof FindingParamsByKind;

const TEMPLATES: Readonly<Record<Lang, Templates<FindingParamsByKind>>> = { vi, en };

/** What a message is rendered from: a kind, its parameters, and the codes it is about. */
export interface Renderable<K extends FindingKind = FindingKind> {
  readonly kind: K;
  readonly params: FindingParamsByKind[K];
  readonly codes: readonly string[];
}

/**
 * A finding's message in `lang`, from its kind and parameters; `rows` gives the indicators' labels (the form the
 * finding was made under, the built-in one by default).
 */
export function renderFinding<K extends FindingKind>(
  finding: Renderable<K>,
  lang: Lang,
  rows: ReadonlyMap<string, RowDef> = defaultCatalogue.byCode,
): string {
  const template: Templates<FindingParamsByKind>[K] = TEMPLATES[lang][finding.kind];
  const context: MessageContext = { rows, codes: finding.codes };
  return template(finding.params, context);
}

/** A finding's message in both languages, rendered from its kind and parameters when first read. */
class FindingMessage<K extends FindingKind> implements Bilingual {
  // Private fields, so that two findings alike compare equal (jest) and JSON shows only the two texts.
  readonly #finding: Renderable<K>;
  readonly #rows: ReadonlyMap<string, RowDef>;
  #vi: string | undefined;
  #en: string | undefined;
  constructor(finding: Renderable<K>, rows: ReadonlyMap<string, RowDef>) {
    this.#finding = finding;
    this.#rows = rows;
  }
  get vi(): string {
    return (this.#vi ??= renderFinding(this.#finding, "vi", this.#rows));
  }
  get en(): string {
    return (this.#en ??= renderFinding(this.#finding, "en", this.#rows));
  }
  toJSON(): Bilingual {
    return { vi: this.vi, en: this.en };
  }
}

/** The `message` a finding carries for hosts: both languages rendered through renderFinding on first read. */
export function findingMessage<K extends FindingKind>(
  finding: Renderable<K>,
  rows: ReadonlyMap<string, RowDef>,
): Bilingual {
  return new FindingMessage(finding, rows);
}
