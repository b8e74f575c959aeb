import type { Bilingual, FormRegistry, Level, ProvinceRole, RoleDef } from "../domain/catalogue";
import { BUILT_IN_FORMS, catalogue as defaultCatalogue, parseFormKey, rolesIn } from "../domain/catalogue";
import type { SheetGrid } from "../domain/cell";
import type { SheetValidation } from "../domain/engine";
import { CARRIED_SHEET } from "../domain/forms/carried-sheet";
import { errorText } from "../domain/messages/error";
import type { Consolidation, ProvinceFigures, ReadGrid, RoleMap, WorkbookUnits } from "./consolidate";
import { cleanName, Consolidator, defaultRole, readUnits, SUMMARY_MARKER, unitKey } from "./consolidate";
import { formsOfGrids } from "./forms-of-workbook";
import { missingForm } from "./validate";
import type { PlanStep, SheetInfo, WorkbookPort } from "./port";
import type { SummarySheetKey } from "./summary-spec";
import { SUMMARY_SHEET_KEYS, SUMMARY_SHEETS, summarySpecs } from "./summary-spec";
import { uniqueSheetName } from "./template-spec";

// The "Tổng hợp" of the task pane (issue 5): the province's summary from the appendix sheets of the open workbook
// and from .xlsx files the user picked, written into the open workbook beside the units' sheets, which are only
// read. The same pure consolidation and the same summary sheets as the CLI's `consolidate`.

/** A workbook picked from disk, as the pane read it: its sheets, or why it could not be read. */
export type PickedWorkbook =
  | {
      readonly file: string;
      readonly grids: readonly SheetGrid[];
      /**
       * How its sheets' findings say where they are, when not as cells: a Word report's point at its table rows and
       * paragraphs (the CLI places them the same way).
       */
      readonly place?: (validation: SheetValidation) => SheetValidation;
    }
  | { readonly file: string; readonly error: Bilingual };

/**
 * Roles the user set in the pane, by unit key (see unitKey), as a roles file sets them for the CLI: `null` says the
 * unit holds no role whatever its name suggests; a unit not in the map gets its defaultRole.
 */
export type RoleChoices = RoleMap;

/** Where a consolidation in the open workbook is. */
export type ConsolidateProgress =
  | { readonly phase: "reading"; readonly sheets: number }
  | { readonly phase: "consolidating"; readonly units: number }
  | { readonly phase: "writing"; readonly sheets: number };

/** What to consolidate besides the open workbook's appendix sheets, and how. */
export interface ConsolidateWorkbookOptions {
  /** Sheets read elsewhere, consolidated as if they were the open workbook's (no file name). */
  readonly extraGrids?: readonly SheetGrid[];
  /** Workbooks picked from disk; one that could not be read is listed in the summary as not consolidated. */
  readonly files?: readonly PickedWorkbook[];
  /** The roles the user set; the other units get their defaultRole. */
  readonly roles?: RoleChoices;
  /** Sum appendices of another period than the consolidated one (see ConsolidateOptions). */
  readonly allowOtherPeriods?: boolean;
  /** Names of the units expected to report: those without an appendix are listed as missing. */
  readonly expected?: readonly string[];
  /** The previous period's figures, for the warnings on decreasing cumulative figures and carried-over dossiers. */
  readonly previous?: ProvinceFigures;
  /**
   * Rewrite the summary an earlier run wrote (its form "Tổng hợp" carries SUMMARY_MARKER) under the same names,
   * instead of adding "Tổng hợp (2)"… beside it. Only on the user's explicit choice.
   */
  readonly replaceSummary?: boolean;
  /** The forms the pane knows: the built-in ones unless given. */
  readonly forms?: FormRegistry;
  /** Told as each of the three steps starts, for the pane's progress bar. */
  readonly onProgress?: (progress: ConsolidateProgress) => void;
}

/** The role a reporting unit was given in a consolidation, for the pane's roles table. */
export interface UnitRole {
  readonly unit: string;
  /** unitKey of the name: what RoleChoices are keyed by. */
  readonly key: string;
  readonly role?: ProvinceRole;
  /** True when the role (or its absence) is the unit's defaultRole, not the user's choice. */
  readonly guessed: boolean;
}

/** A consolidation written into the open workbook. */
export interface WorkbookConsolidation {
  readonly consolidation: Consolidation;
  /** The name each summary sheet was written under ("Tổng hợp", or "Tổng hợp (2)" beside an earlier one). */
  readonly sheets: Readonly<Record<SummarySheetKey, string>>;
  /** Every named reporting unit, in the order found, with its role. */
  readonly roles: readonly UnitRole[];
  /** The offices a unit may be given the role of: the form's roles as declared for the period consolidated. */
  readonly offices: readonly RoleDef[];
}

/**
 * Each named unit's role: the user's choice where there is one, else its defaultRole (the one default the CLI
 * applies too). One entry per unit key, in the order found.
 */
export function resolveRoles(
  units: readonly { readonly unit: string; readonly level?: Level; readonly period?: string }[],
  choices: RoleChoices = new Map(),
  declared: readonly RoleDef[] = defaultCatalogue.roles,
): UnitRole[] {
  const seen = new Set<string>();
  const roles: UnitRole[] = [];
  for (const { unit, level, period } of units) {
    const key = unitKey(unit);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const chosen = choices.get(key);
    const role = chosen === undefined ? defaultRole(unit, level, period, declared) : (chosen ?? undefined);
    roles.push({ unit: cleanName(unit), key, ...(role ? { role } : {}), guessed: chosen === undefined });
  }
  return roles;
}

/**
 * Where the summary's sheets go. With `replace`, over the summary an earlier run wrote: the standard names, each
 * sheet that exists rewritten in place, but only when every sheet of those names is one this action wrote (F1 holds
 * SUMMARY_MARKER); a sheet of the user's that happens to bear one of the names is never overwritten. Otherwise names
 * no sheet has yet: "Tổng hợp", else "Tổng hợp (2)"…
 */
export function summaryTargets(
  infos: readonly SheetInfo[],
  replace: boolean,
): { names: Record<SummarySheetKey, string>; replaced: ReadonlySet<string> } {
  const standard: ReadonlySet<string> = new Set(Object.values(SUMMARY_SHEETS));
  const present = infos.filter((info) => standard.has(info.name));
  const ours = present.length > 0 && present.every((info) => info.keyHeader === SUMMARY_MARKER);
  if (!replace || !ours) {
    return { names: summarySheetNames(infos.map((info) => info.name)), replaced: new Set() };
  }
  return { names: { ...SUMMARY_SHEETS }, replaced: new Set(present.map((info) => info.name)) };
}

/** Names for the summary's sheets that no sheet of the workbook has yet: "Tổng hợp", else "Tổng hợp (2)"… */
export function summarySheetNames(existing: readonly string[]): Record<SummarySheetKey, string> {
  const taken = [...existing];
  const names = {} as Record<SummarySheetKey, string>;
  for (const key of SUMMARY_SHEET_KEYS) {
    names[key] = uniqueSheetName(SUMMARY_SHEETS[key], taken);
    taken.push(names[key]);
  }
  return names;
}

const SUMMARY_SET_ASIDE: Bilingual = errorText("summary_set_aside", {});

function noAppendix(found: WorkbookUnits): Bilingual {
  return errorText("no_appendix_in_file", { sheets: found.skipped });
}

/** A source of appendices: sheets with the file they came from, or a file that could not be read. */
type Source =
  | {
      readonly file?: string;
      readonly found: WorkbookUnits;
      readonly place?: (validation: SheetValidation) => SheetValidation;
    }
  | { readonly file: string; readonly error: Bilingual };

/** The open workbook's sheets with the visibility its listing told, which a consolidation must not keep quiet. */
function visibilityOf(grids: readonly SheetGrid[], infos: readonly SheetInfo[]): ReadGrid[] {
  const shown = new Map(
    infos.map((info) => [info.name, info.visibility ?? (info.visible ? "visible" : "hidden")] as const),
  );
  return grids.map((grid) => {
    const visibility = shown.get(grid.name);
    return visibility ? { ...grid, visibility } : grid;
  });
}

/**
 * What the consolidation reads: the open workbook's sheets and each picked file's, each read against the forms given
 * and those its own `_cchc_mau` carries (never another file's), as the command line reads its files.
 */
async function sourcesOf(grids: readonly ReadGrid[], options: ConsolidateWorkbookOptions): Promise<Source[]> {
  const forms = options.forms ?? BUILT_IN_FORMS;
  const open = await formsOfGrids([...grids, ...(options.extraGrids ?? [])], forms);
  const sources: Source[] = [{ found: readUnits(open.sheets, undefined, open.registry) }];
  for (const picked of options.files ?? []) {
    if ("error" in picked) {
      sources.push(picked);
      continue;
    }
    const own = await formsOfGrids(picked.grids, forms);
    sources.push({
      file: picked.file,
      found: readUnits(own.sheets, picked.file, own.registry),
      ...(picked.place ? { place: picked.place } : {}),
    });
  }
  return sources;
}

/**
 * The step that makes the open workbook carry the summary's form when it is a definition (its key holds a hash), as
 * an install from it does (carriedStep): the summary names the form by id and hash, and without the definition
 * beside it neither a check nor the next period, which reads it as its previous one, would know that form. From the
 * `_cchc_mau` the read already brought, so no request is added. Undefined for a built-in form, or when the workbook
 * carries that very definition already.
 */
async function carriedDefinitionStep(
  consolidation: Consolidation,
  infos: readonly SheetInfo[],
  grids: readonly SheetGrid[],
): Promise<PlanStep | undefined> {
  const lead = consolidation.forms[0]?.key;
  if (lead === undefined || parseFormKey(lead)?.hash === undefined) return undefined;
  // Loaded only for a definition's summary: a built-in form's never loads the definition's export.
  const { carriedStep } = await import("./install");
  // A `_cchc_mau` the listing found empty was not read: it is there all the same, to be rewritten, not added.
  const unread = infos.some((info) => info.name === CARRIED_SHEET && info.empty === true);
  const read = unread ? [...grids, { name: CARRIED_SHEET, cells: [] }] : grids;
  return carriedStep(infos, read, consolidation.catalogue);
}

/**
 * Consolidates the open workbook's appendix sheets, with the picked files' and `extraGrids`, and writes the
 * summary's sheets into the open workbook under names no sheet has yet, then selects the summary's form; a summary
 * of a definition form makes the workbook carry that definition too (carriedDefinitionStep). Three round trips
 * whatever the number of sheets and files: list, read (the sheets that are not summaries already), one apply that
 * only adds sheets (and adds or rewrites `_cchc_mau`). Throws ConsolidationError when there is nothing to consolidate or the appendices
 * follow different template versions; nothing is written then.
 */
export async function consolidateWorkbook(
  port: WorkbookPort,
  options: ConsolidateWorkbookOptions = {},
): Promise<WorkbookConsolidation> {
  const infos = await port.listSheets();
  // The summaries this action wrote before are its output, not a unit's appendix: not even read; nor is a sheet the
  // listing found empty (a new workbook's Sheet1).
  const wanted = infos
    .filter((info) => info.keyHeader !== SUMMARY_MARKER && info.empty !== true)
    .map((info) => info.name);
  options.onProgress?.({ phase: "reading", sheets: wanted.length });
  const grids = wanted.length ? await port.readSheets(wanted) : [];

  const sources = await sourcesOf(visibilityOf(grids, infos), options);
  const consolidator = new Consolidator({
    host: "pane",
    roles: options.roles ?? new Map(),
    ...(options.forms ? { forms: options.forms } : {}),
    ...(options.expected ? { expected: options.expected } : {}),
    ...(options.previous ? { previous: options.previous } : {}),
    ...(options.allowOtherPeriods ? { allowOtherPeriods: true } : {}),
  });
  for (const source of sources) {
    if ("error" in source) {
      consolidator.addExcluded({ file: source.file, reason: source.error });
      continue;
    }
    const { file, found, place } = source;
    for (const sheet of found.summaries) consolidator.addExcluded({ file, sheet, reason: SUMMARY_SET_ASIDE });
    for (const { sheet, version } of found.unknownVersions) {
      const key = parseFormKey(version);
      // A sheet made from a definition that neither the host nor its own workbook carries: left out, and the
      // definition asked for, as the command line does; a form id not known at all is the version check's.
      if (key?.hash !== undefined)
        consolidator.addExcluded({ file, sheet, reason: missingForm(sheet, key).message });
      else consolidator.addUnknownVersion(version, file, sheet);
    }
    for (const unit of found.units)
      consolidator.add(place ? { ...unit, validation: place(unit.validation) } : unit);
    const empty = !found.units.length && !found.summaries.length && !found.unknownVersions.length;
    if (file !== undefined && empty) consolidator.addExcluded({ file, reason: noAppendix(found) });
  }
  options.onProgress?.({ phase: "consolidating", units: consolidator.size });
  const consolidation = consolidator.result();

  const { names: sheets, replaced } = summaryTargets(infos, options.replaceSummary === true);
  const carried = await carriedDefinitionStep(consolidation, infos, grids);
  const steps: PlanStep[] = [
    ...(carried ? [carried] : []),
    ...summarySpecs(consolidation, { names: sheets }).map((spec) => ({
      kind: "addSheet" as const,
      spec,
      ...(replaced.has(spec.name) ? { replace: true } : {}),
    })),
  ];
  steps.push({ kind: "select", sheet: sheets.form, address: "A1" });
  options.onProgress?.({ phase: "writing", sheets: SUMMARY_SHEET_KEYS.length });
  await port.apply({ steps });
  const named = sources.flatMap((source) => ("found" in source ? source.found.units : []));
  const roles = resolveRoles(
    named.flatMap(({ appendix }) =>
      appendix.unit
        ? [
            {
              unit: appendix.unit,
              ...(appendix.level ? { level: appendix.level } : {}),
              ...(appendix.period ? { period: appendix.period } : {}),
            },
          ]
        : [],
    ),
    options.roles,
    consolidation.catalogue.roles,
  );
  return {
    consolidation,
    sheets,
    roles,
    offices: rolesIn(consolidation.catalogue.roles, consolidation.period),
  };
}
