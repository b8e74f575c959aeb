import type { Lang, LanguageTemplates } from "./kinds";

// The languages a host has registered (index.ts, registerLanguage): apart, so that the error class (./error.ts)
// renders its texts from them without importing the renderers that throw it.

const REGISTERED = new Map<Lang, LanguageTemplates>();

/** Makes a language's texts available to every renderer; registering one again replaces it with the same. */
export function registerLanguage(templates: LanguageTemplates): void {
  REGISTERED.set(templates.lang, templates);
}

/** True once `lang`'s module is registered: its texts can be rendered. */
export function isLanguageRegistered(lang: Lang): boolean {
  return REGISTERED.has(lang);
}

/** `lang`'s templates, or undefined when the host has not registered them (yet). */
export function templatesOf(lang: Lang): LanguageTemplates | undefined {
  return REGISTERED.get(lang);
}
