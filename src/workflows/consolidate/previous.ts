import type { FormRegistry, LoadedCatalogue, RowDef } from "../../domain/catalogue";
import { BUILT_IN_FORMS, normaliseCode } from "../../domain/catalogue";
import type { SheetGrid } from "../../domain/cell";
import type { AppendixSheet } from "../../domain/locate";
import { locateAppendix } from "../../domain/locate";
import { readValue } from "../../domain/reading";
import { formsOfGrids } from "../forms-of-workbook";
import { isSummarySheet } from "../summary-marker";
import { consolidate } from "./consolidator";
import type { ProvinceFigures } from "./model";
import { ConsolidationError, unitKey } from "./names";
import { cellText, readUnits, summaryVersion } from "./units";
import { renderText } from "../../domain/messages";

// The previous period: its figures read back from a summary this tool wrote, or from the units' appendices.

/** A1 of the per-unit figures sheet of a summary workbook, which a later period reads back as its previous one. */
export const UNIT_FIGURES_HEADER = "Đơn vị báo cáo";

function amountsOfSheet(appendix: AppendixSheet, catalogue: LoadedCatalogue): Map<string, number> {
  const amounts = new Map<string, number>();
  for (const row of catalogue.valueRows) {
    const reading = readValue(row, appendix.cells.get(row.code)?.cell);
    if (reading.state === "value") amounts.set(row.code, reading.amount);
  }
  return amounts;
}

/** Rows a summary sheet's table header may sit on, below its title. */
const HEADER_ROWS_SCANNED = 5;

/** Per-unit figures from a summary's figures sheet: a header row of codes, then one row per unit. */
function unitFiguresOf(
  grid: SheetGrid,
  catalogue: LoadedCatalogue,
): Map<string, Map<string, number>> | undefined {
  const headerAt = grid.cells
    .slice(0, HEADER_ROWS_SCANNED)
    .findIndex((line) => cellText(line[0]?.value) === UNIT_FIGURES_HEADER);
  const header = grid.cells[headerAt];
  if (headerAt < 0 || !header) return undefined;
  const columns: { column: number; row: RowDef }[] = [];
  header.forEach((cell, column) => {
    const code = normaliseCode(cellText(cell?.value));
    const row = code ? catalogue.byCode.get(code) : undefined;
    if (row && row.kind !== "none") columns.push({ column, row });
  });
  if (!columns.length) return undefined;
  const units = new Map<string, Map<string, number>>();
  for (const line of grid.cells.slice(headerAt + 1)) {
    const name = cellText(line[0]?.value);
    if (!name) continue;
    const amounts = new Map<string, number>();
    for (const { column, row } of columns) {
      const reading = readValue(row, line[column]);
      if (reading.state === "value") amounts.set(row.code, reading.amount);
    }
    units.set(unitKey(name), amounts);
  }
  return units;
}

/**
 * The previous period's figures from the sheets of the file `file`, for the cross-period checks, read against
 * `forms` and the forms the file carries itself (its `_cchc_mau`). Throws ConsolidationError "no_previous" when
 * the file holds neither a summary nor an appendix.
 */
export async function previousPeriodOf(
  grids: readonly SheetGrid[],
  file: string,
  forms: FormRegistry = BUILT_IN_FORMS,
): Promise<ProvinceFigures> {
  const own = await formsOfGrids(grids, forms);
  const figures = previousFigures(own.sheets, own.registry);
  if (!figures) {
    throw new ConsolidationError("no_previous", renderText("error_no_previous", { file }));
  }
  return figures;
}

/**
 * The figures of an earlier period from a workbook: a summary this tool wrote (its province figures and, when
 * present, its per-unit figures sheet), or the units' own appendices (consolidated here, per unit kept). Returns
 * undefined when the workbook holds neither.
 */
export function previousFigures(
  grids: readonly SheetGrid[],
  forms: FormRegistry = BUILT_IN_FORMS,
): ProvinceFigures | undefined {
  const summary = grids.find((grid) => isSummarySheet(grid) && summaryVersion(grid, forms) !== undefined);
  if (summary) {
    const catalogue = forms.get(summaryVersion(summary, forms) ?? "") ?? forms.default;
    const appendix = locateAppendix(summary, catalogue);
    if (appendix) {
      let units: Map<string, Map<string, number>> | undefined;
      for (const grid of grids) units ??= unitFiguresOf(grid, catalogue);
      return {
        ...(appendix.period ? { period: appendix.period } : {}),
        province: amountsOfSheet(appendix, catalogue),
        ...(units ? { units } : {}),
      };
    }
  }
  const found = readUnits(grids, undefined, forms);
  if (!found.units.length) return undefined;
  const consolidation = consolidate(found.units, { roles: new Map(), forms });
  const province = new Map<string, number>();
  for (const total of consolidation.totals)
    if (total.amount !== undefined) province.set(total.code, total.amount);
  const units = new Map<string, Map<string, number>>();
  for (const unit of found.units) {
    if (!unit.appendix.unit) continue;
    const catalogue = forms.get(unit.appendix.templateVersion ?? "") ?? forms.default;
    units.set(unitKey(unit.appendix.unit), amountsOfSheet(unit.appendix, catalogue));
  }
  return {
    ...(consolidation.period !== undefined ? { period: consolidation.period } : {}),
    province,
    units,
  };
}
