import type { LoadedCatalogue } from "./index";

// The forms a tool knows (DESIGN.md section 11): the built-in ones and definitions read at run time, each known by
// its id and, for a definition, the hash of its content that F1 of every sheet made from it carries
// ("PL-THU-2026#3f9a1c2e"). Each host builds its registry and passes it in; this is the one place a sheet's F1 is
// turned into a catalogue.

/** A form the registry holds: its catalogue and, for a definition read at run time, its content's hash. */
export interface FormEntry {
  readonly catalogue: LoadedCatalogue;
  readonly hash?: string;
}

/** A sheet's F1 read as a form key: the form id, and the hash of its definition when it came from one. */
export interface FormKey {
  readonly id: string;
  readonly hash?: string;
}

/** What F1 names: a form the registry holds, a form id it does not know, or a definition it has not been given. */
export type FormLookup =
  | { readonly kind: "found"; readonly catalogue: LoadedCatalogue; readonly key: FormKey }
  | { readonly kind: "unknown"; readonly key: FormKey }
  | { readonly kind: "missing"; readonly key: FormKey };

const HASH = /^[0-9a-f]{4,64}$/i;

/** Reads F1's text as `ID` or `ID#hash`; undefined for a blank cell or a hash that is no hexadecimal digest. */
export function parseFormKey(text: string): FormKey | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const cut = trimmed.lastIndexOf("#");
  if (cut < 0) return { id: trimmed };
  const id = trimmed.slice(0, cut).trim();
  const hash = trimmed.slice(cut + 1).trim();
  return id && HASH.test(hash) ? { id, hash: hash.toLowerCase() } : undefined;
}

/** The text F1 holds for a form: its id, and "#" and its hash for a definition. */
export function formKeyText(key: FormKey): string {
  return key.hash === undefined ? key.id : `${key.id}#${key.hash}`;
}

/** The forms a host knows; the first is the default, used for sheets typed by hand without F1. */
export class FormRegistry {
  private readonly entries: readonly FormEntry[];
  private readonly byKey: ReadonlyMap<string, LoadedCatalogue>;

  constructor(forms: readonly [LoadedCatalogue | FormEntry, ...(LoadedCatalogue | FormEntry)[]]) {
    this.entries = forms.map((form) => ("catalogue" in form ? form : { catalogue: form }));
    this.byKey = new Map(
      this.entries.map((entry) => [
        formKeyText({ id: entry.catalogue.templateVersion, ...(entry.hash ? { hash: entry.hash } : {}) }),
        entry.catalogue,
      ]),
    );
  }

  /** The form of sheets that name none (typed by hand): the first given. */
  get default(): LoadedCatalogue {
    return this.entries[0]!.catalogue;
  }

  /** Every form held, in the order given. */
  get forms(): readonly LoadedCatalogue[] {
    return this.entries.map((entry) => entry.catalogue);
  }

  /** A registry with `entry` added (a definition read at run time), this one unchanged. */
  with(entry: LoadedCatalogue | FormEntry): FormRegistry {
    const [first, ...rest] = this.entries;
    return new FormRegistry([first!, ...rest, entry]);
  }

  /**
   * What a sheet's F1 names. An id alone is a built-in form's (a definition's sheets carry its hash); an id with a
   * hash no entry has is a definition this host has not been given, "missing" even when its id is known, since a
   * form's id may stay while its rows change.
   */
  lookup(f1: string): FormLookup | undefined {
    const key = parseFormKey(f1);
    if (!key) return undefined;
    const catalogue = this.byKey.get(formKeyText(key));
    if (catalogue) return { kind: "found", catalogue, key };
    return { kind: key.hash === undefined ? "unknown" : "missing", key };
  }

  /** The catalogue F1 names, when the registry holds it. */
  get(f1: string): LoadedCatalogue | undefined {
    const found = this.lookup(f1);
    return found?.kind === "found" ? found.catalogue : undefined;
  }

  /** True when the registry holds the form F1 names. */
  has(f1: string): boolean {
    return this.get(f1) !== undefined;
  }
}
