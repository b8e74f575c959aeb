import type { Bilingual } from "../catalogue";
import type { Lang } from "./kinds";

// Apart from the templates' words (./words.ts): the engine makes these for every finding, and the pane's first load
// needs them, not the words, which only the language modules use (src/taskpane/languages.ts).

/**
 * A text in both languages, rendered when first read (as zod renders its issues): a validation finds, a reader
 * asks for words. JSON shows both languages.
 */
export class LazyBilingual implements Bilingual {
  readonly #render: (lang: Lang) => string;
  #vi: string | undefined;
  #en: string | undefined;
  constructor(render: (lang: Lang) => string) {
    this.#render = render;
  }
  get vi(): string {
    return (this.#vi ??= this.#render("vi"));
  }
  get en(): string {
    return (this.#en ??= this.#render("en"));
  }
  toJSON(): Bilingual {
    return { vi: this.vi, en: this.en };
  }
}

/** A value shown in both languages (a suggestion's figure), from one function of the language, on first read. */
export function bilingual(render: (lang: Lang) => string): Bilingual {
  return new LazyBilingual(render);
}
