import type { Catalogue, FormRegistry } from "../domain/catalogue";
import { BUILT_IN_FORMS, formKeyText, shapeCatalogue } from "../domain/catalogue";
import type { SheetGrid } from "../domain/cell";
import { columnLetter } from "../domain/cell";
import type { CarriedProblem } from "../domain/forms/carried";
import { CARRIED_SHEET, carriedRows, definitionHash, readCarried } from "../domain/forms/carried";
import type { SheetInfo, SheetSpec, SpecCell, WorkbookPort } from "./port";

// The forms a workbook carries (DESIGN.md section 11), added to the forms a host knows: every use case that reads a
// workbook's appendices (validate, fill, fix, consolidate) takes its registry from here, so that a sheet made from a
// definition is read against that definition in every colleague's add-in and in the CLI without the file. The
// `_cchc_mau` sheet itself is never an appendix: it leaves the grids here, before any use case looks at them.

/** The forms a workbook's sheets may follow, and why a block of its `_cchc_mau` sheet was not used. */
export interface WorkbookForms {
  readonly registry: FormRegistry;
  readonly problems: readonly CarriedProblem[];
}

/** A registry with `catalogue` added under its hash, unless it already holds that very definition. */
export function withDefinition(registry: FormRegistry, catalogue: Catalogue, hash: string): FormRegistry {
  if (registry.has(formKeyText({ id: catalogue.templateVersion, hash }))) return registry;
  return registry.with({ catalogue: shapeCatalogue(catalogue), hash });
}

/** A registry with a definition read at run time (a file given on the command line, one picked in the pane). */
export function withGivenDefinition(registry: FormRegistry, catalogue: Catalogue): FormRegistry {
  return withDefinition(registry, catalogue, definitionHash(catalogue));
}

/**
 * The forms of a workbook already read: `base` with the forms its `_cchc_mau` sheet carries (when `grids` holds it),
 * and the other sheets, the ones a use case reads as appendices. The built-in forms' ids are refused in a carried
 * block as in a definition file, so a block can never stand in for a built-in form.
 */
export function formsOfGrids(
  grids: readonly SheetGrid[],
  base: FormRegistry = BUILT_IN_FORMS,
): WorkbookForms & { readonly sheets: readonly SheetGrid[] } {
  const carried = grids.find((grid) => grid.name === CARRIED_SHEET);
  const sheets = carried ? grids.filter((grid) => grid !== carried) : grids;
  if (!carried) return { registry: base, problems: [], sheets };
  const reserved = new Set(BUILT_IN_FORMS.forms.map((form) => form.templateVersion));
  const read = readCarried(carried, { reserved });
  const registry = read.forms.reduce((known, form) => withDefinition(known, form.catalogue, form.hash), base);
  return { registry, problems: read.problems, sheets };
}

/** True when a listing shows the sheet of carried definitions, whatever its visibility. */
export function carriesForms(infos: readonly SheetInfo[]): boolean {
  return infos.some((info) => info.name === CARRIED_SHEET);
}

/**
 * The forms of the open workbook: `base` with the forms its `_cchc_mau` sheet carries, read when the listing (the
 * one given, or the port's) shows that sheet, hidden or not. One round trip to read it, none when it is absent; a
 * use case that reads sheets anyway reads it in the same readSheets and calls formsOfGrids instead.
 */
export async function formsOfWorkbook(
  port: WorkbookPort,
  base: FormRegistry = BUILT_IN_FORMS,
  listed?: readonly SheetInfo[],
): Promise<WorkbookForms> {
  const infos = listed ?? (await port.listSheets());
  if (!carriesForms(infos)) return { registry: base, problems: [] };
  const { registry, problems } = formsOfGrids(await port.readSheets([CARRIED_SHEET]), base);
  return { registry, problems };
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
