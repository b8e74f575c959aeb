import type { Catalogue, Level, LoadedCatalogue } from "../domain/catalogue";
import type { FormRegistry } from "../domain/catalogue";
import { BUILT_IN_FORMS, catalogue as defaultCatalogue, parseFormKey } from "../domain/catalogue";
import { loadCatalogue } from "../domain/catalogue/load";
import type { CellInput, SheetGrid } from "../domain/cell";
import { columnLetter, isCellError } from "../domain/cell";
import {
  CARRIED_SHEET,
  carriedRows,
  definitionHash,
  FORM_MARKER,
  readCarried,
} from "../domain/forms/carried";
import { COLUMNS, sheetLayout } from "../domain/layout";
import type { AppendixSheet } from "../domain/locate";
import { InvalidMetaError } from "../domain/meta";
import { resolveAppendix } from "../domain/resolve";
import { BilingualError } from "../domain/messages/error";
import { carriedRowsSpec } from "./carried-spec";
import { formsOfGrids } from "./forms-of-workbook";
import type { CellWrite, Plan, PlanStep, SheetInfo, SheetSpec, WorkbookPort } from "./port";
import { defaultSheetName, notApplicableNote, templateSpec, uniqueSheetName } from "./template-spec";

/**
 * What to install: a new appendix sheet for a reporting unit, or with `replace` the current template over an
 * existing appendix sheet of that name. When re-installing, a unit, level or period not given (or a blank unit)
 * is taken from the old sheet's row 4.
 */
export interface InstallOptions {
  readonly unit?: string;
  readonly level?: Level;
  /** A period id: "2021-Q3", "2021-H1" or "2021". */
  readonly period?: string;
  /** The new sheet's name; by default the unit's name. Made unique among the workbook's sheets. Not for `replace`. */
  readonly sheetName?: string;
  /** The name of an existing appendix sheet to re-install in place, keeping what a person typed in it. */
  readonly replace?: string;
  /** The forms the host knows, whose sheets a re-install may replace: the built-in ones unless given. */
  readonly forms?: FormRegistry;
  /**
   * A form read from a definition file (readDefinition, without problems): the new sheet is made from it, F1 names
   * it as `ID#hash`, and the workbook carries the definition on its `_cchc_mau` sheet. Not for `replace`.
   */
  readonly definition?: Catalogue;
}

/** What an install wrote: the sheet's name and how many typed values and notes were carried over. */
export interface InstallOutcome {
  readonly sheetName: string;
  /** Values (column D) and notes (column E) carried from the re-installed sheet; 0 for a new sheet. */
  readonly carried: number;
}

function hasContent(cell: CellInput | undefined): cell is CellInput {
  return cell !== undefined && cell.value !== null && !(typeof cell.value === "string" && !cell.value.trim());
}

/**
 * What a person typed on an old appendix sheet, as writes at the new spec's addresses, matched by code: values
 * (column D) and notes (column E) of the rows that hold a value, whose cells the new sheet leaves unlocked. A
 * formula in a derived cell is the template's own and is left behind (the new spec writes its own); a value typed
 * over a derived cell is kept. A value whose reading depends on its number format (a percentage and its decimals,
 * 12.5 typed without "%" in a rate row) keeps its old format where the spec's differs. A value in a row the new
 * period no longer asks for (locked and greyed after the 2025 reform) is carried too, never lost: the check then
 * says it is not asked for.
 */
function carriedWrites(
  grid: SheetGrid,
  appendix: AppendixSheet,
  spec: SheetSpec,
  form: LoadedCatalogue,
): CellWrite[] {
  const layout = sheetLayout(form);
  const specCells = new Map(spec.cells.map((cell) => [cell.address, cell]));
  const writes: CellWrite[] = [];
  for (const row of form.valueRows) {
    const located = appendix.cells.get(row.code);
    const at = layout.rowOf.get(row.code);
    if (!located || at === undefined) continue;
    const value = located.cell;
    const ourFormula = value?.formula !== undefined && row.derived !== undefined;
    if (hasContent(value) && !ourFormula) {
      const address = `${columnLetter(COLUMNS.value)}${at}`;
      const format = value.numberFormat ?? "General";
      const formatMatters = typeof value.value !== "string" && !isCellError(value.value);
      const keepFormat = formatMatters && format !== specCells.get(address)?.numberFormat;
      writes.push({ address, value: value.value, ...(keepFormat ? { numberFormat: format } : {}) });
    }
    const note = grid.cells[located.row - 1]?.[COLUMNS.note];
    // The template's own notes are not what a person typed: the form's, and the date a row stopped applying.
    const printed = [row.formNote ?? "", notApplicableNote(row)];
    if (hasContent(note) && note.formula === undefined && !printed.includes(String(note.value).trim())) {
      writes.push({ address: `${columnLetter(COLUMNS.note)}${at}`, value: note.value });
    }
  }
  return writes;
}

function required<T>(value: T | undefined, field: "level" | "period"): T {
  if (value === undefined) throw new InvalidMetaError(field, "");
  return value;
}

/** The old appendix on the sheet to re-install, refusing anything that is not one of ours to overwrite. */
function sheetToReplace(
  target: string,
  existing: readonly SheetInfo[],
  existingGrids: readonly SheetGrid[],
  options: InstallOptions,
): { grid: SheetGrid; appendix: AppendixSheet; form: LoadedCatalogue; hash: string | undefined } {
  const grid = existingGrids.find((sheet) => sheet.name === target);
  if (!grid || !existing.some((sheet) => sheet.name === target)) {
    throw BilingualError.fromKind("install_sheet_missing", { sheet: target });
  }
  if (options.sheetName !== undefined && options.sheetName !== target) {
    throw BilingualError.fromKind("install_rename_on_replace", { sheet: target });
  }
  // The sheet is re-installed as the form it follows: a built-in one, or a definition the workbook carries.
  const resolved = resolveAppendix(grid, options.forms ?? BUILT_IN_FORMS);
  if (!resolved) {
    throw BilingualError.fromKind("install_not_appendix", { sheet: target });
  }
  // A form this tool does not know (a newer one, or a definition not carried): writing ours over it would lose
  // what it added.
  if (resolved.kind !== "appendix") {
    throw BilingualError.fromKind("install_unknown_version", { sheet: target, version: resolved.version });
  }
  const key = parseFormKey(resolved.appendix.templateVersion ?? "");
  return { grid, appendix: resolved.appendix, form: resolved.catalogue, hash: key?.hash };
}

/**
 * The plan that installs the appendix: one `addSheet` step, then the selection of the sheet's first input. A new
 * sheet gets a name no other sheet has (ignoring case); with `replace`, the named appendix sheet is rewritten in
 * place from its grid in `existingGrids`, carrying over what a person typed. No other sheet is touched. Throws
 * a BilingualError (code "install:…"), SheetNameError or InvalidMetaError (a level or period neither given nor found on the old sheet).
 */
export function installPlan(
  existing: readonly SheetInfo[],
  existingGrids: readonly SheetGrid[],
  options: InstallOptions,
): { plan: Plan; sheetName: string; carried: number } {
  const target = options.replace;
  const old = target === undefined ? undefined : sheetToReplace(target, existing, existingGrids, options);
  const unit = options.unit?.trim() || (old?.appendix.unit ?? "");
  let sheetName: string;
  if (target !== undefined) {
    sheetName = target;
  } else {
    const wanted = options.sheetName ?? defaultSheetName(unit);
    sheetName = uniqueSheetName(
      wanted,
      existing.map((sheet) => sheet.name),
    );
  }
  const definition = target === undefined ? options.definition : undefined;
  const form: LoadedCatalogue = old?.form ?? (definition ? loadCatalogue(definition) : defaultCatalogue);
  const level = required(options.level ?? old?.appendix.level, "level");
  if (!form.levels.includes(level)) {
    throw BilingualError.fromKind("install_level_not_in_form", {
      id: form.templateVersion,
      level,
      levels: form.levels,
    });
  }
  const spec = templateSpec(
    { sheetName, unit, level, period: required(options.period ?? old?.appendix.period, "period") },
    form,
    old ? old.hash : definition ? definitionHash(definition) : undefined,
  );
  const values = old ? carriedWrites(old.grid, old.appendix, spec, form) : [];
  const carried = definition ? carriedStep(existing, existingGrids, definition) : undefined;

  const layout = sheetLayout(form);
  const firstValueRow = layout.rowOf.get(form.valueRows[0]?.code ?? "") ?? layout.firstIndicatorRow;
  // A sheet without its unit's name opens on the name to type; otherwise on the first value to type.
  const start = unit ? `${columnLetter(COLUMNS.value)}${firstValueRow}` : `B${layout.inputRow}`;
  return {
    plan: {
      steps: [
        ...(carried ? [carried] : []),
        {
          kind: "addSheet",
          spec,
          ...(values.length ? { values } : {}),
          ...(target !== undefined ? { replace: true } : {}),
        },
        { kind: "select", sheet: sheetName, address: start },
      ],
    },
    sheetName,
    carried: values.length,
  };
}

/** A cell's text as a block of `_cchc_mau` holds it; what is not text (a number a host turned it into) as written. */
function carriedText(cell: CellInput | undefined): string {
  const value = cell?.value;
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/**
 * The step that makes the workbook carry `definition`: a new `_cchc_mau` sheet, or the existing one rewritten with
 * this form's block added, or put in place of a block of the same id and hash that no longer reads (someone edited
 * it). Every other block stays as it stands, a damaged one included, row for row: the sheets made from those forms
 * keep their definitions. Undefined when the sheet already carries this very definition: nothing to write.
 */
export function carriedStep(
  existing: readonly SheetInfo[],
  existingGrids: readonly SheetGrid[],
  definition: Catalogue,
): PlanStep | undefined {
  const id = definition.templateVersion;
  const hash = definitionHash(definition);
  const block = carriedRows([definition]);
  const there = existing.some((sheet) => sheet.name === CARRIED_SHEET);
  const grid = there ? existingGrids.find((sheet) => sheet.name === CARRIED_SHEET) : undefined;
  if (!grid) return { kind: "addSheet", spec: carriedRowsSpec(block) };
  if (readCarried(grid).forms.some((form) => form.hash === hash && form.catalogue.templateVersion === id)) {
    return undefined;
  }
  const kept: string[][] = [];
  let dropping = false;
  for (const cells of grid.cells) {
    const row = cells.map(carriedText);
    if (row[0]?.trim() === FORM_MARKER) {
      dropping = row[1]?.trim() === id && row[2]?.trim().toLowerCase() === hash;
    }
    if (!dropping) kept.push(row);
  }
  // A block ends with a blank row; a sheet someone trimmed gets one before the new block.
  const last = kept.at(-1);
  if (last && last.some((text) => text.trim())) kept.push([]);
  return { kind: "addSheet", spec: carriedRowsSpec([...kept, ...block]), replace: true };
}

/**
 * Makes the workbook carry a definition, for a sheet made from it whose block is missing (copied from another
 * workbook, or the block removed): the listing, one read of `_cchc_mau` when there is one, one write; no write at
 * all when the workbook carries it already. Never touches another sheet.
 */
export async function embedDefinition(port: WorkbookPort, definition: Catalogue): Promise<void> {
  const existing = await port.listSheets();
  const there = existing.some((sheet) => sheet.name === CARRIED_SHEET);
  const grids = there ? await port.readSheets([CARRIED_SHEET]) : [];
  const step = carriedStep(existing, grids, definition);
  if (step) await port.apply({ steps: [step] });
}

/**
 * Installs the standard appendix through the port in at most three round trips: list the sheets, read the sheet to
 * re-install (only with `replace`), apply one plan. Returns the sheet's name and how much was carried over.
 */
export async function installAppendix(port: WorkbookPort, options: InstallOptions): Promise<InstallOutcome> {
  const existing = await port.listSheets();
  // The carried definitions too, when there are any: a new sheet's is added beside them, and a sheet to re-install
  // may follow one of them.
  const wanted = [
    ...(options.replace !== undefined ? [options.replace] : []),
    ...(options.definition || options.replace !== undefined ? [CARRIED_SHEET] : []),
  ].filter((name) => existing.some((sheet) => sheet.name === name));
  const grids = wanted.length ? await port.readSheets(wanted) : [];
  const forms =
    options.replace !== undefined
      ? (await formsOfGrids(grids, options.forms ?? BUILT_IN_FORMS)).registry
      : options.forms;
  const { plan, sheetName, carried } = installPlan(existing, grids, {
    ...options,
    ...(forms ? { forms } : {}),
  });
  await port.apply(plan);
  return { sheetName, carried };
}
