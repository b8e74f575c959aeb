import ExcelJS from "exceljs";
import type { DefinitionSheetSpec } from "../../domain/forms/definition-export";

// The exceljs host of a form definition's export: the sheets as exportDefinition lays them out, with a bold, frozen
// header row and the code and expression columns formatted as Text, so that a code typed there later ("3.10") stays
// text instead of becoming the number 3.1. Loaded only by `form export`, as the template's writer is.

const TEXT_FORMAT = "@";

/** A definition workbook holding the spec's sheets, in order. */
export function definitionWorkbook(sheets: readonly DefinitionSheetSpec[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const worksheet = workbook.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
    spec.widths.forEach((width, column) => {
      worksheet.getColumn(column + 1).width = width;
    });
    for (const column of spec.textColumns) worksheet.getColumn(column + 1).numFmt = TEXT_FORMAT;
    const header = worksheet.getRow(1);
    spec.headers.forEach((text, column) => {
      const cell = header.getCell(column + 1);
      cell.value = text;
      cell.font = { bold: true };
    });
    spec.rows.forEach((cells, at) => {
      const row = worksheet.getRow(at + 2);
      cells.forEach((text, column) => {
        if (text === "") return;
        const cell = row.getCell(column + 1);
        cell.value = text;
        if (spec.textColumns.includes(column)) cell.numFmt = TEXT_FORMAT;
      });
    });
  }
  return workbook;
}
