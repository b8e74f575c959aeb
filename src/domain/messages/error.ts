import type { Bilingual } from "../catalogue";
import type { FindingParam } from "../findings";
import type { ErrorParams, Lang, LanguageTemplates, Templates } from "./kinds";
import { templatesOf } from "./registry";

/** A kind of error users read: the name of its text in vi.ts and en.ts. */
export type ErrorKind = keyof ErrorParams;

/**
 * The one error users read: what went wrong and what to do, in Vietnamese and English (`bilingual`, which every
 * host shows), with a `code` and `params` for machines and tests. A subclass exists only where code catches it by
 * type. Its `message` (for logs and stacks) is made when read, from the languages registered then: the pane may
 * throw before it has fetched the other language's module.
 */
export class BilingualError extends Error {
  declare readonly message: string;

  constructor(
    /** What went wrong and what to do, in Vietnamese and English. */
    readonly bilingual: Bilingual,
    /** What went wrong, for machines: "install:sheet_missing", an Office error code. */
    readonly code?: string,
    readonly params?: Readonly<Record<string, FindingParam>>,
    options?: { cause?: unknown },
  ) {
    super(undefined, options);
    this.name = "BilingualError";
    Object.defineProperty(this, "message", {
      configurable: true,
      enumerable: false,
      get: () => logText(bilingual, code),
    });
  }

  /**
   * The error of `kind`, its text rendered from `params` through the language modules when first read. Its `code`
   * is the kind with the area apart: "install_sheet_missing" is "install:sheet_missing".
   */
  static fromKind<K extends ErrorKind>(
    kind: K,
    params: ErrorParams[K],
    options?: { cause?: unknown },
  ): BilingualError {
    const code = kind.replace("_", ":");
    return new BilingualError(
      errorText(kind, params),
      code,
      params as Readonly<Record<string, FindingParam>>,
      options,
    );
  }
}

function logText(bilingual: Bilingual, code: string | undefined): string {
  const texts: string[] = [];
  for (const lang of ["vi", "en"] as const) {
    try {
      texts.push(bilingual[lang]);
    } catch {
      // A language the host has not loaded: the log shows the other one, or the code.
    }
  }
  return texts.length ? texts.join(" / ") : (code ?? "BilingualError");
}

function registered(lang: Lang): LanguageTemplates {
  const templates = templatesOf(lang);
  if (templates) return templates;
  // A host's mistake, not a user's, and the one text no language module can give: the module is what is missing.
  throw new BilingualError(
    {
      vi: `Chưa nạp các câu thông báo bằng ${lang === "vi" ? "tiếng Việt" : "tiếng Anh"}; hãy mở lại ngăn tác vụ.`,
      en: `The ${lang === "vi" ? "Vietnamese" : "English"} messages are not loaded; open the pane again.`,
    },
    "messages:language_not_loaded",
    { lang },
  );
}

/** `lang`'s templates, or the error saying they are not loaded: a text is never shown in the other language. */
export function registeredTemplates(lang: Lang): LanguageTemplates {
  return registered(lang);
}

const NO_NAMES = { rows: new Map(), codes: [] } as const;

/**
 * The text of an error of `kind` in both languages, each rendered from its parameters when first read. Its two
 * texts are the object's own enumerable fields, as a literal's are: an error's text compares equal to the
 * `{ vi, en }` it reads as, and spreads and serialises as one.
 */
export function errorText<K extends ErrorKind>(kind: K, params: ErrorParams[K]): Bilingual {
  const text: Partial<Record<Lang, string>> = {};
  const shown = {};
  for (const lang of ["vi", "en"] as const) {
    Object.defineProperty(shown, lang, {
      enumerable: true,
      get: () => {
        const template: Templates<ErrorParams>[K] = registered(lang).errors[kind];
        return (text[lang] ??= template(params, NO_NAMES));
      },
    });
  }
  return shown as Bilingual;
}
