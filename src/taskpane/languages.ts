import type { Lang, LanguageTemplates } from "../domain/messages";
import { isLanguageRegistered, registerLanguage } from "../domain/messages";
import type { Strings } from "./i18n";
import { hasStrings, registerStrings } from "./i18n";

// The findings' templates of each language are a chunk of their own, fetched after the open sheet's first verdict
// (which shows no finding's text) or when a part that shows them first needs them: the pane's first load carries
// neither (README, pane_initial_js_gzip_kb). So are the pane's English texts (./i18n-en.ts): Vietnamese's are in the
// first load. A switch of language awaits the new one's modules before the pane renders in it, so no text is ever
// asked of a module not loaded.

/** Every language's module, fetched on demand (TypeScript refuses a language without one). */
const MODULES: Readonly<Record<Lang, () => Promise<LanguageTemplates>>> = {
  vi: () => import(/* webpackChunkName: "messages-vi" */ "../domain/messages/vi").then((module) => module.vi),
  en: () => import(/* webpackChunkName: "messages-en" */ "../domain/messages/en").then((module) => module.en),
};

/** The pane's own texts of the languages not in its first load. */
const STRING_MODULES: Readonly<Partial<Record<Lang, () => Promise<Strings>>>> = {
  en: () => import(/* webpackChunkName: "strings-en" */ "./i18n-en").then((module) => module.en),
};

/**
 * Loads once, by key: settled promises carry the fields React's use() reads, so that a part awaiting what is already
 * loaded renders at once; a module the network did not bring is fetched again on the next try, not remembered as
 * failed.
 */
function once(loading: Map<Lang, Promise<void>>, lang: Lang, load: () => Promise<void>): Promise<void> {
  const pending = loading.get(lang);
  if (pending) return pending;
  const settled = load().then(
    () => {
      Object.assign(settled, { status: "fulfilled", value: undefined });
    },
    (failure: unknown) => {
      loading.delete(lang);
      throw failure;
    },
  );
  loading.set(lang, settled);
  return settled;
}

const LOADING = new Map<Lang, Promise<void>>();
const LOADING_STRINGS = new Map<Lang, Promise<void>>();

/** Fetches and registers `lang`'s texts of the pane itself, once (Vietnamese's are always there). */
export function loadStrings(lang: Lang): Promise<void> {
  return once(LOADING_STRINGS, lang, async () => {
    const load = STRING_MODULES[lang];
    if (!hasStrings(lang) && load) registerStrings(lang, await load());
  });
}

const SETTLED = new Map<Lang, Promise<void>>();

/**
 * `lang`'s texts of the pane loaded, or given up on (Vietnamese's then stand in): what the pane's first render in a
 * language other than Vietnamese awaits, through React's use(), which needs the same promise on every render.
 */
export function stringsSettled(lang: Lang): Promise<void> {
  const known = SETTLED.get(lang);
  if (known) return known;
  const settled: Promise<void> = loadStrings(lang)
    .then(undefined, () => undefined)
    .then(() => {
      Object.assign(settled, { status: "fulfilled", value: undefined });
    });
  SETTLED.set(lang, settled);
  return settled;
}

/** A promise React's use() reads as already settled, so a render that awaits nothing still calls use(). */
const NOTHING_TO_AWAIT: Promise<void> = Object.assign(Promise.resolve(), {
  status: "fulfilled",
  value: undefined,
});

/**
 * What the pane's render in `lang` awaits through use(): the loading of its texts once one was started, else
 * nothing when they are there. use() must be called on every render whatever the language's state, and with the
 * same promise: a render that suspended on it is replayed with the hooks and promises it had reached, and a replay
 * that skipped use() breaks the hooks' order (React errors 467 and 520), one given another promise is warned of.
 */
export function stringsReady(lang: Lang): Promise<void> {
  return SETTLED.get(lang) ?? (hasStrings(lang) ? NOTHING_TO_AWAIT : stringsSettled(lang));
}

/** Fetches both languages' texts of the pane: what every notice and error, written in both, awaits. */
export function loadBothStrings(): Promise<unknown> {
  return Promise.all([loadStrings("vi"), loadStrings("en")]);
}

/** Fetches and registers `lang`'s texts and its findings' templates, once. */
export function loadLanguage(lang: Lang): Promise<void> {
  return once(LOADING, lang, async () => {
    await Promise.all([
      loadStrings(lang),
      isLanguageRegistered(lang)
        ? undefined
        : MODULES[lang]().then((templates) => registerLanguage(templates)),
    ]);
  });
}

/** Fetches and registers both languages: what the parts that write both (the self-check, a summary) await. */
export function loadBothLanguages(): Promise<unknown> {
  return Promise.all([loadLanguage("vi"), loadLanguage("en")]);
}
