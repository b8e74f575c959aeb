import type { LoadedCatalogue } from "../domain/catalogue";
import { catalogue as defaultCatalogue, cataloguesByVersion } from "../domain/catalogue";
import type { SheetGrid } from "../domain/cell";
import { columnLetter } from "../domain/cell";
import type { Finding } from "../domain/findings";
import { derivedFormula, sheetLayout, COLUMNS } from "../domain/layout";
import { locateAppendix } from "../domain/locate";
import type { CellWrite, Mark, Plan, PlanStep, WorkbookPort } from "./port";
import type { WorkbookValidation } from "./validate";
import { validateSheets } from "./validate";

/** Which sheets a use case works on: all appendix sheets, or the named ones. */
export interface SheetScope {
  readonly sheets?: readonly string[];
}

/** Splits a qualified address 'Sheet name'!D15 into its sheet and local address. */
export function splitAddress(qualified: string): { sheet: string; address: string } {
  const bang = qualified.lastIndexOf("!");
  const sheetPart = qualified.slice(0, bang);
  const sheet = sheetPart.startsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
  return { sheet, address: qualified.slice(bang + 1) };
}

/** Reads the sheets a use case needs in two round trips: the list, then every wanted sheet at once. */
export async function readScope(port: WorkbookPort, scope: SheetScope = {}): Promise<readonly SheetGrid[]> {
  const infos = await port.listSheets();
  const wanted = scope.sheets ? infos.filter((info) => scope.sheets!.includes(info.name)) : infos;
  if (!wanted.length) return [];
  return port.readSheets(wanted.map((info) => info.name));
}

/** The marks of a validation: one per suspect cell, at the most severe finding's severity. */
export function markPlan(validation: WorkbookValidation): Plan {
  const steps: PlanStep[] = [];
  for (const sheet of validation.sheets) {
    const marks = new Map<string, Mark>();
    for (const finding of sheet.findings) {
      if (finding.severity === "info" && finding.kind === "incomplete") continue;
      const cell = finding.cells[0];
      if (!cell) continue;
      const { sheet: name, address } = splitAddress(cell);
      if (name !== sheet.sheet || !/^[A-Z]+\d+$/.test(address)) continue;
      if (!marks.has(address)) marks.set(address, { address, severity: finding.severity });
    }
    steps.push({ kind: "mark", sheet: sheet.sheet, marks: [...marks.values()] });
  }
  return { steps };
}

/**
 * Validates the appendix sheets and, when asked, marks the suspect cells: three round trips whatever the number
 * of sheets (list, read, write the marks).
 */
export async function validateWorkbook(
  port: WorkbookPort,
  options: SheetScope & { readonly mark?: boolean } = {},
): Promise<WorkbookValidation> {
  const grids = await readScope(port, options);
  const validation = validateSheets(grids);
  if (options.mark) await port.apply(markPlan(validation));
  return validation;
}

/** Removes the add-in's marks from the appendix sheets; the cells' own formats come back by construction. */
export async function clearMarks(port: WorkbookPort, scope: SheetScope = {}): Promise<number> {
  const infos = await port.listSheets();
  const sheets = infos.filter(
    (info) => info.keyHeader && (!scope.sheets || scope.sheets.includes(info.name)),
  );
  if (sheets.length)
    await port.apply({ steps: sheets.map((info) => ({ kind: "mark", sheet: info.name, marks: [] })) });
  return sheets.length;
}

/** A derived cell the fill restored, or left alone because a person typed a value there. */
export interface FillOutcome {
  readonly sheet: string;
  readonly code: string;
  readonly address: string;
  readonly action: "formula" | "kept_typed_value";
}

function catalogueOf(version: string | undefined): LoadedCatalogue | undefined {
  return version ? cataloguesByVersion.get(version) : defaultCatalogue;
}

/**
 * The writes that put the live formula into every empty derived cell. A cell that holds a value a person typed is
 * never overwritten: it is reported, and the validation checks it against the recomputed value.
 */
export function fillDerivedPlan(grids: readonly SheetGrid[]): { plan: Plan; outcomes: FillOutcome[] } {
  const steps: PlanStep[] = [];
  const outcomes: FillOutcome[] = [];
  for (const grid of grids) {
    const sheet = locateAppendix(grid);
    const catalogue = catalogueOf(sheet?.templateVersion);
    if (!sheet || !catalogue || sheet.foundBy !== "key") continue;
    const layout = sheetLayout(catalogue);
    const cells: CellWrite[] = [];
    for (const row of catalogue.derivedRows) {
      const located = sheet.cells.get(row.code);
      if (!located || located.row !== layout.rowOf.get(row.code)) continue;
      const address = `${columnLetter(COLUMNS.value)}${located.row}`;
      const formula = `=${derivedFormula(layout, row)}`;
      const cell = located.cell;
      if (cell?.formula) continue;
      if (cell && cell.value !== null && cell.value !== "") {
        outcomes.push({ sheet: grid.name, code: row.code, address, action: "kept_typed_value" });
        continue;
      }
      cells.push({ address, formula, numberFormat: "0.00%", onlyIfEmpty: true });
      outcomes.push({ sheet: grid.name, code: row.code, address, action: "formula" });
    }
    if (cells.length) steps.push({ kind: "write", sheet: grid.name, cells });
  }
  return { plan: { steps }, outcomes };
}

/** Fills derived percentages as live formulas where they are empty: list, read, write. */
export async function fillDerived(port: WorkbookPort, scope: SheetScope = {}): Promise<FillOutcome[]> {
  const { plan, outcomes } = fillDerivedPlan(await readScope(port, scope));
  if (plan.steps.length) await port.apply(plan);
  return outcomes;
}

/** Why a fix cannot be applied. */
export class FixRefusedError extends Error {
  constructor(readonly bilingual: { vi: string; en: string }) {
    super(bilingual.en);
  }
}

/** The write of a finding's suggestion: its value, or the derived formula it restores. */
export function fixPlan(finding: Finding): Plan {
  const suggestion = finding.suggestion;
  if (!suggestion) {
    throw new FixRefusedError({
      vi: "Phát hiện này không có đề xuất sửa tự động.",
      en: "This finding has no automatic fix.",
    });
  }
  const { sheet, address } = splitAddress(suggestion.cell);
  const numberFormat = suggestion.numberFormat ? { numberFormat: suggestion.numberFormat } : {};
  const write: CellWrite = suggestion.formula
    ? { address, formula: suggestion.formula, ...numberFormat }
    : { address, value: suggestion.value, ...numberFormat };
  return { steps: [{ kind: "write", sheet, cells: [write] }] };
}

/**
 * Applies a finding's suggested fix, on the user's click only, then validates again and re-marks that sheet.
 * Costs list + read + write for the fix, then the validation's own round trips.
 */
export async function applyFix(port: WorkbookPort, finding: Finding): Promise<WorkbookValidation> {
  const plan = fixPlan(finding);
  const sheet = splitAddress(finding.suggestion!.cell).sheet;
  await port.apply(plan);
  return validateWorkbook(port, { sheets: [sheet], mark: true });
}

/** Selects a finding's suspect cell in the host, so the user lands on what to fix. */
export async function selectFinding(port: WorkbookPort, finding: Finding): Promise<void> {
  const cell = finding.cells[0];
  if (!cell) return;
  const { sheet, address } = splitAddress(cell);
  await port.apply({ steps: [{ kind: "select", sheet, address }] });
}
