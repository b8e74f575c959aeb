import type { Lang, LanguageTemplates } from "../domain/messages";
import { isLanguageRegistered, registerLanguage } from "../domain/messages";

// The findings' templates of each language are a chunk of their own, fetched after the open sheet's first verdict
// (which shows no finding's text) or when a part that shows them first needs them: the pane's first load carries
// neither (README, pane_initial_js_gzip_kb). A switch of language awaits the new one's module before the pane
// renders in it, so no text is ever asked of a module not loaded.

/** Every language's module, fetched on demand (TypeScript refuses a language without one). */
const MODULES: Readonly<Record<Lang, () => Promise<LanguageTemplates>>> = {
  vi: () => import(/* webpackChunkName: "messages-vi" */ "../domain/messages/vi").then((module) => module.vi),
  en: () => import(/* webpackChunkName: "messages-en" */ "../domain/messages/en").then((module) => module.en),
};

const LOADING = new Map<Lang, Promise<void>>();

/**
 * Fetches and registers `lang`'s templates, once; settled promises carry the fields React's use() reads, so that a
 * part awaiting a language already loaded renders at once.
 */
export function loadLanguage(lang: Lang): Promise<void> {
  const pending = LOADING.get(lang);
  if (pending) return pending;
  const loading: Promise<void> = isLanguageRegistered(lang)
    ? Promise.resolve()
    : MODULES[lang]().then((templates) => registerLanguage(templates));
  const settled = loading.then(
    () => {
      Object.assign(settled, { status: "fulfilled", value: undefined });
    },
    (failure: unknown) => {
      // A module the network did not bring is fetched again on the next try, not remembered as failed.
      LOADING.delete(lang);
      throw failure;
    },
  );
  LOADING.set(lang, settled);
  return settled;
}

/** Fetches and registers both languages: what the parts that write both (the self-check, a summary) await. */
export function loadBothLanguages(): Promise<unknown> {
  return Promise.all([loadLanguage("vi"), loadLanguage("en")]);
}
