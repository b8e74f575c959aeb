import ExcelJS from "exceljs";
import { summaryFileBytes, summaryWorkbook } from "../../../src/cli/xlsx/summary";
import type { Level } from "../../../src/domain/catalogue";
import type { UnitAppendix } from "../../../src/workflows/consolidate";
import { consolidate, readUnits } from "../../../src/workflows/consolidate";
import { SO_TU_PHAP, SO_Y_TE } from "../../helpers/departments";
import type { TypedValue } from "../../helpers/seed";
import { SEED_VALUES, templateGrid } from "../../helpers/seed";

// The summary file is written streaming (row by row, each sheet built in turn); what it holds must be what the
// summary workbook holds, sheet by sheet and cell by cell, as exceljs reads both back.

const LEVELS: readonly Level[] = ["so", "so", "huyen", "xa"];

function province(): UnitAppendix[] {
  const units: UnitAppendix[] = [];
  for (let index = 0; index < 12; index++) {
    const values: Readonly<Record<string, TypedValue>> =
      index % 3 === 0 ? SEED_VALUES : index % 2 === 0 ? SO_TU_PHAP : SO_Y_TE;
    const grid = templateGrid(values, {
      name: `Đơn vị ${index + 1}`,
      unit: `Sở số ${index + 1}`,
      level: LEVELS[index % LEVELS.length]!,
      period: "Quý III/2021",
    });
    units.push(...readUnits([grid], `don-vi-${index + 1}.xlsx`).units);
  }
  return units;
}

/** Everything of a sheet a reader sees: cells (value, style, note, validation), merges, columns, rows, set-up. */
function described(sheet: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells.push({
        address: cell.address,
        value: cell.value,
        font: cell.font,
        alignment: cell.alignment,
        border: cell.border,
        fill: cell.fill,
        numFmt: cell.numFmt,
        protection: cell.protection,
        note: cell.note,
        validation: cell.dataValidation,
      });
    });
  });
  // Rows by their height; a row that holds nothing and keeps the default height is no row a reader sees.
  const rows: unknown[] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    if (row.height !== undefined) rows.push([row.number, row.height]);
  });
  return {
    name: sheet.name,
    cells,
    rows,
    merges: [...((sheet.model as { merges?: string[] }).merges ?? [])].sort(),
    columns: (sheet.columns ?? []).map((column) => [column.width, column.hidden]),
    views: sheet.views,
    print: {
      area: sheet.pageSetup.printArea,
      titles: sheet.pageSetup.printTitlesRow,
      orientation: sheet.pageSetup.orientation,
      fitToPage: sheet.pageSetup.fitToPage,
      scale: sheet.pageSetup.scale,
    },
    footer: sheet.headerFooter.oddFooter,
    protected: Boolean((sheet as unknown as { sheetProtection?: unknown }).sheetProtection),
  };
}

async function sheetsOf(bytes: Uint8Array): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return workbook.worksheets.map(described);
}

describe("the summary file, written streaming", () => {
  it("holds every sheet, cell, style, note, merge and print set-up of the summary workbook", async () => {
    const consolidation = consolidate(province(), { roles: new Map() });
    const streamed = await sheetsOf(await summaryFileBytes(consolidation));
    const whole = await sheetsOf(new Uint8Array(await summaryWorkbook(consolidation).xlsx.writeBuffer()));
    expect(streamed).toHaveLength(7);
    expect(streamed).toEqual(whole);
  });
});
