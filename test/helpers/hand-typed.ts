import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";

// A workbook laid out the way people type the appendix by hand, built straight from the seed report's text with
// plain exceljs calls (not our template writer): merged title cells, the two-row header repeated at every page
// break, codes with and without dots, "Trong đó" rows, the second "3.4" that is 3.4.5, percentages typed as text.

const SEED = readFileSync(join(__dirname, "../fixtures/seed-report-q3-2021.txt"), "utf8");

function typed(text: string): string | number {
  const trimmed = text.trim();
  return /^[1-9]\d*$|^0$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The seed's appendix as a person would type it into a blank sheet. */
export function handTypedWorkbook(sheetName = "STTTT"): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  const lines = SEED.slice(SEED.lastIndexOf("Phụ lục")).split("\n");
  const titles = lines.filter((line) => line.trim() && !line.includes("\t")).slice(0, 3);
  titles.forEach((title, index) => {
    sheet.getCell(index + 1, 1).value = title.trim();
    sheet.mergeCells(index + 1, 1, index + 1, 5);
  });
  let row = titles.length + 2;
  for (const line of lines.filter((candidate) => candidate.includes("\t"))) {
    const cells = line.split("\t");
    cells.forEach((text, column) => {
      if (text.trim()) sheet.getCell(row, column + 1).value = typed(text.replace(/<\/?i>/g, ""));
    });
    if (cells[0] === "STT") sheet.mergeCells(row, 3, row, 4);
    row++;
  }
  return workbook;
}
