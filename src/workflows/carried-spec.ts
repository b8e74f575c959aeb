import type { Catalogue, FormRegistry } from "../domain/catalogue";
import { columnLetter } from "../domain/cell";
import { carriedRows, definitionHash } from "../domain/forms/carried-rows";
import { CARRIED_SHEET } from "../domain/forms/carried-sheet";
import { withDefinition } from "./forms-of-workbook";
import type { SheetSpec, SpecCell } from "./port";

// What a host writes when it makes a sheet from a definition (DESIGN.md section 11): the definition's hash for F1, and
// the very hidden `_cchc_mau` sheet that carries it. Kept apart from forms-of-workbook.ts, which every check loads:
// only making a sheet from a definition needs the definition's export.

/** A registry with a definition read at run time (a file given on the command line, one picked in the pane). */
export function withGivenDefinition(registry: FormRegistry, catalogue: Catalogue): FormRegistry {
  return withDefinition(registry, catalogue, definitionHash(catalogue));
}

/** Every cell of the carried sheet is text: a code such as "3.10" must not become the number 3.1. */
const TEXT_FORMAT = "@";

/** Column widths of the carried sheet, for the person who unhides it: codes, then labels, then the rest. */
const CARRIED_WIDTHS = [14, 16, 12, 12, 48, 48];

/**
 * The `_cchc_mau` sheet holding these forms' definitions (carriedRows), very hidden, every cell text: what a host
 * adds, or rewrites with `replace` to hold one more form, beside the sheets made from them.
 */
export function carriedSheetSpec(forms: readonly Catalogue[]): SheetSpec {
  return carriedRowsSpec(carriedRows(forms));
}

/**
 * The `_cchc_mau` sheet holding these rows as they are (cell texts, "" blank): what the pane writes when it adds a
 * block to a sheet whose other blocks, a damaged one included, must stay row for row as they stood.
 */
export function carriedRowsSpec(rows: readonly (readonly string[])[]): SheetSpec {
  const cells: SpecCell[] = rows.flatMap((row, at) =>
    row.flatMap((text, column) =>
      text === ""
        ? []
        : [{ address: `${columnLetter(column)}${at + 1}`, value: text, numberFormat: TEXT_FORMAT }],
    ),
  );
  const widest = Math.max(0, ...rows.map((row) => row.length));
  return {
    name: CARRIED_SHEET,
    font: { name: "Times New Roman", size: 11 },
    columns: Array.from({ length: widest }, (_, column) => ({ width: CARRIED_WIDTHS[column] ?? 14 })),
    rowHeights: {},
    cells,
    merges: [],
    visibility: "veryHidden",
  };
}
