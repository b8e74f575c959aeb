import type { Catalogue } from "../catalogue";
import { FORM_MARKER, SHEET_MARKER } from "./carried-sheet";
import { exportDefinition } from "./definition-export";

// The rows of the `_cchc_mau` sheet (DESIGN.md section 11) and the hash F1 names a definition by, both from the
// definition's canonical export: what a host writes when it makes a sheet from a definition.

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** FNV-1a, 32 bits, over the UTF-8 bytes of a text: pure, the same in every host, enough to tell content changed. */
function fnv1a32(text: string): string {
  let hash = FNV32_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash ^ byte, FNV32_PRIME) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * 8 lower-case hex digits of a definition's content: the canonical export of its catalogue (exportDefinition's
 * sheets, headers, rows and cells, in order), so that the same definition typed twice, in any column order or with
 * other spacing, gives the same hash, and any change of what it declares gives another.
 */
export function definitionHash(catalogue: Catalogue): string {
  const content = exportDefinition(catalogue).map((sheet) => [sheet.name, sheet.headers, sheet.rows]);
  return fnv1a32(JSON.stringify(content));
}

/**
 * The rows (cell texts; "" is a blank cell) of the `_cchc_mau` sheet holding these forms: one block per form, its
 * marker row `#mẫu | id | hash`, then per definition sheet a row `#trang | name`, the sheet's header row and its
 * rows, then a blank row; readable by a person who unhides the sheet, as the definition workbook itself is.
 */
export function carriedRows(forms: readonly Catalogue[]): string[][] {
  return forms.flatMap((catalogue) => [
    [FORM_MARKER, catalogue.templateVersion, definitionHash(catalogue)],
    ...exportDefinition(catalogue).flatMap((sheet) => [
      [SHEET_MARKER, sheet.name],
      [...sheet.headers],
      ...sheet.rows.map((row) => [...row]),
      [],
    ]),
  ]);
}
