// A workbook made from a definition carries it (DESIGN.md section 11), so that every colleague's add-in, the CLI and
// a consolidation read its sheets against the same form without the definition file: a very hidden sheet holds each
// form's definition as the rows of its export, and F1 of each sheet made from it names the form's id and the hash of
// that content. This module names the sheet and its markers only, for every host to tell that sheet apart at no
// cost; carried-rows.ts writes its rows and hashes the content, carried.ts reads them back with the definition reader.

/** The very hidden sheet that holds the definitions of the forms a workbook's sheets were made from. */
export const CARRIED_SHEET = "_cchc_mau";

/** The first cell of the row that opens a form's block: `#mẫu | id | hash`. */
export const FORM_MARKER = "#mẫu";

/** The first cell of the row that opens one definition sheet inside a block: `#trang | sheet name`. */
export const SHEET_MARKER = "#trang";
