import type { Bilingual } from "../catalogue";
import { registeredTemplates } from "./error";
import type { LabelParams, Lang, Templates } from "./kinds";

// The texts around the findings (kinds.ts, LabelParams) rendered from the registered languages: apart from index.ts,
// so that a host that shows no finding (the command line's result lines) loads no catalogue to say them.

/** A kind of text around the findings: the name of its template in labels-vi.ts and labels-en.ts. */
export type LabelKind = keyof LabelParams;

const NO_NAMES = { rows: new Map(), codes: [] } as const;

/** The text of `kind` in `lang`, rendered now from its parameters. */
export function labelIn<K extends LabelKind>(kind: K, params: LabelParams[K], lang: Lang): string {
  const template: Templates<LabelParams>[K] = registeredTemplates(lang).labels[kind];
  return template(params, NO_NAMES);
}

/**
 * The text of `kind` in both languages, each rendered when first read: a module's constant can hold it before the
 * pane has fetched the languages. Its two texts are own enumerable fields, as a literal's are.
 */
export function labelText<K extends LabelKind>(kind: K, params: LabelParams[K]): Bilingual {
  const text: Partial<Record<Lang, string>> = {};
  const shown = {};
  for (const lang of ["vi", "en"] as const) {
    Object.defineProperty(shown, lang, {
      enumerable: true,
      get: () => (text[lang] ??= labelIn(kind, params, lang)),
    });
  }
  return shown as Bilingual;
}
