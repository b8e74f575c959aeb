import type { Catalogue, FormRegistry } from "../domain/catalogue";
import { BUILT_IN_FORMS, formKeyText, shapeCatalogue } from "../domain/catalogue";
import type { SheetGrid } from "../domain/cell";
import type { CarriedForm, CarriedProblem } from "../domain/forms/carried";
import { CARRIED_SHEET } from "../domain/forms/carried-sheet";
import type { SheetInfo, WorkbookPort } from "./port";

// The forms a workbook carries (DESIGN.md section 11), added to the forms a host knows: every use case that reads a
// workbook's appendices (validate, fill, fix, consolidate) takes its registry from here, so that a sheet made from a
// definition is read against that definition in every colleague's add-in and in the CLI without the file. The
// `_cchc_mau` sheet itself is never an appendix: it leaves the grids here, before any use case looks at them.

/**
 * The forms a workbook's sheets may follow (`registry`: those the host knows and those the workbook carries), the
 * carried ones alone (`carried`), and why a block of its `_cchc_mau` sheet was not used.
 */
export interface WorkbookForms {
  readonly registry: FormRegistry;
  readonly carried: readonly CarriedForm[];
  readonly problems: readonly CarriedProblem[];
}

/** A registry with `catalogue` added under its hash, unless it already holds that very definition. */
export function withDefinition(registry: FormRegistry, catalogue: Catalogue, hash: string): FormRegistry {
  if (registry.has(formKeyText({ id: catalogue.templateVersion, hash }))) return registry;
  return registry.with({ catalogue: shapeCatalogue(catalogue), hash });
}

/**
 * The forms of a workbook already read: `base` with the forms its `_cchc_mau` sheet carries (when `grids` holds it),
 * and the other sheets, the ones a use case reads as appendices. The built-in forms' ids are refused in a carried
 * block as in a definition file, so a block can never stand in for a built-in form. The definition reader (and the
 * schema it checks with) is loaded by the first workbook that carries a form: a check of the 2021 form never loads it.
 */
export async function formsOfGrids<Grid extends SheetGrid>(
  grids: readonly Grid[],
  base: FormRegistry = BUILT_IN_FORMS,
): Promise<WorkbookForms & { readonly sheets: readonly Grid[] }> {
  const carried = grids.find((grid) => grid.name === CARRIED_SHEET);
  const sheets = carried ? grids.filter((grid) => grid !== carried) : grids;
  if (!carried) return { registry: base, carried: [], problems: [], sheets };
  const { readCarried } = await import("../domain/forms/carried");
  const reserved = new Set(BUILT_IN_FORMS.forms.map((form) => form.templateVersion));
  const read = readCarried(carried, { reserved });
  const registry = read.forms.reduce((known, form) => withDefinition(known, form.catalogue, form.hash), base);
  return { registry, carried: read.forms, problems: read.problems, sheets };
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
  if (!carriesForms(infos)) return { registry: base, carried: [], problems: [] };
  const { registry, carried, problems } = await formsOfGrids(await port.readSheets([CARRIED_SHEET]), base);
  return { registry, carried, problems };
}
