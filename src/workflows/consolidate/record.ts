import type { LoadedCatalogue } from "../../domain/catalogue";
import type { CorrectionItem, UnitFacts } from "./model";

// A unit reduced to its numbers, as the consolidator keeps it and the aggregator reads it.

/** What a unit's value row holds: blank, a value, "not applicable", or unreadable. */
export const BLANK = 0;
export const VALUE = 1;
export const NOT_APPLICABLE = 2;
export const UNREADABLE = 3;

/** A unit reduced to what the consolidation needs: its numbers, where they sit, and what its validation said. */
export interface UnitRecord extends UnitFacts {
  /** The form its amounts are laid out by (one catalogue per form, whichever file carried it). */
  readonly catalogue: LoadedCatalogue;
  /** F1's text of that form: "PL-THU-2026#3f9a1c2e", or a built-in form's id. */
  readonly form: string;
  readonly name: string;
  readonly key: string;
  readonly named: boolean;
  /** By value-row index. */
  readonly amounts: (number | undefined)[];
  readonly states: Uint8Array;
  /** Sheet row of each value row, 0 when the sheet lacks it. */
  readonly rows: Uint32Array;
  readonly notes: readonly (readonly [string, string])[];
  readonly items: readonly CorrectionItem[];
  included: boolean;
  duplicateOf?: UnitRecord;
}

/** The local address ("D15") of a qualified one, or undefined when it is not a single cell. */
export function localCell(qualified: string | undefined): string | undefined {
  if (!qualified) return undefined;
  const local = qualified.slice(qualified.lastIndexOf("!") + 1);
  return /^[A-Z]+\d+$/.test(local) ? local : undefined;
}

const valueIndexes = new WeakMap<LoadedCatalogue, Map<string, number>>();

/** Value-row indexes by code, built once per catalogue. */
export function valueIndex(catalogue: LoadedCatalogue): Map<string, number> {
  let index = valueIndexes.get(catalogue);
  if (!index) {
    index = new Map(catalogue.valueRows.map((row, at) => [row.code, at]));
    valueIndexes.set(catalogue, index);
  }
  return index;
}
