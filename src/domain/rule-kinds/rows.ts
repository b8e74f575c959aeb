import type { LoadedCatalogue } from "../catalogue";

const indexes = new WeakMap<LoadedCatalogue, ReadonlyMap<string, number>>();

/** The index of every row of a catalogue by its code, built once per catalogue. */
export function rowIndexOf(catalogue: LoadedCatalogue): ReadonlyMap<string, number> {
  let index = indexes.get(catalogue);
  if (!index) {
    index = new Map(catalogue.rows.map((row, at) => [row.code, at]));
    indexes.set(catalogue, index);
  }
  return index;
}
