import type { FormKey, FormRegistry, LoadedCatalogue } from "./catalogue";
import { parseFormKey } from "./catalogue";
import type { SheetGrid } from "./cell";
import { CARRIED_SHEET } from "./forms/carried-sheet";
import { COLUMNS } from "./layout";
import type { AppendixSheet } from "./locate";
import { locateAppendix } from "./locate";

// Which form a sheet follows, and its appendix located by that form: the one lookup from a sheet's F1 to a catalogue
// (DESIGN.md section 11) that every caller shares.

/** A sheet read against the forms a host knows. */
export type AppendixResolution =
  | { readonly kind: "appendix"; readonly appendix: AppendixSheet; readonly catalogue: LoadedCatalogue }
  /** F1 names a form id the registry does not hold. */
  | { readonly kind: "unknown"; readonly key: FormKey; readonly version: string }
  /** F1 names a definition (id and hash) the registry has not been given: its definition file is needed. */
  | { readonly kind: "missing"; readonly key: FormKey; readonly version: string };

/**
 * The appendix of a sheet, located by the form its F1 names (the registry's default for a sheet typed by hand),
 * or why it cannot be read: a form not known, or a definition missing. Undefined for a sheet that is no appendix.
 * A sheet of a form the registry lacks is taken for an appendix only when the default form finds one on it, or F1
 * carries a definition's hash, which only a sheet made from a definition holds. The `_cchc_mau` sheet of carried
 * definitions is no appendix.
 */
export function resolveAppendix(grid: SheetGrid, registry: FormRegistry): AppendixResolution | undefined {
  // The definitions a workbook carries hold the codes of their rows in column A: never an appendix typed by hand.
  if (grid.name === CARRIED_SHEET) return undefined;
  const f1 = grid.cells[0]?.[COLUMNS.key]?.value;
  const version = typeof f1 === "string" ? f1.trim() : "";
  const lookup = registry.lookup(version);
  if (!lookup) {
    // No form named: a sheet typed by hand, read by the default form (F1 holding something else is its concern).
    const appendix = locateAppendix(grid, registry.default);
    return appendix ? { kind: "appendix", appendix, catalogue: registry.default } : undefined;
  }
  if (lookup.kind === "found") {
    const appendix = locateAppendix(grid, lookup.catalogue);
    return appendix ? { kind: "appendix", appendix, catalogue: lookup.catalogue } : undefined;
  }
  if (lookup.kind === "missing") return { kind: "missing", key: lookup.key, version };
  return locateAppendix(grid, registry.default) ? { kind: "unknown", key: lookup.key, version } : undefined;
}

/** The form a sheet's F1 names, when the registry holds it. */
export function formOfGrid(grid: SheetGrid, registry: FormRegistry): LoadedCatalogue | undefined {
  const f1 = grid.cells[0]?.[COLUMNS.key]?.value;
  return typeof f1 === "string" && parseFormKey(f1) ? registry.get(f1) : undefined;
}
