/** @jest-environment ./test/helpers/excel-environment.js */
/// <reference types="office-js" />
import ExcelJS from "exceljs";
import { writeTemplateSheet } from "../../src/cli/xlsx/template";
import { columnLetter } from "../../src/domain/cell";
import { columnWidthPoints } from "../../src/excel/cells";
import { installAppendix } from "../../src/workflows/install";
import type { TemplateOptions } from "../../src/workflows/template-spec";
import type { CellData } from "../../src/emulator";

import { EmulatedExcel, hostOver } from "./setup";

// Issue 3: installing through the add-in and writing the CLI's template give the same sheet, from the same catalogue:
// the same cells, formulas, validation rules, number formats, locks, merges, columns and print set-up.

interface Comparable {
  content?: string | number;
  numberFormat?: string;
  locked: boolean;
  bold: boolean;
  italic: boolean;
  validation?: {
    type: string;
    operator?: string;
    values: string[];
    promptTitle?: string;
    prompt?: string;
    errorTitle?: string;
    error?: string;
  };
}

const OPERATORS: Readonly<Record<string, string>> = {
  Between: "between",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};

function fromExcelJs(cell: ExcelJS.Cell): Comparable {
  const value = cell.value;
  let content: string | number | undefined;
  if (value && typeof value === "object" && "formula" in value) content = `=${value.formula}`;
  else if (value && typeof value === "object" && "richText" in value)
    content = value.richText.map((run) => run.text).join("");
  else if (typeof value === "string" || typeof value === "number") content = value;
  const validation = cell.dataValidation as ExcelJS.DataValidation | undefined;
  return {
    ...(content !== undefined ? { content } : {}),
    ...(cell.numFmt ? { numberFormat: cell.numFmt } : {}),
    locked: cell.protection?.locked !== false,
    bold: Boolean(cell.font?.bold),
    italic: Boolean(cell.font?.italic),
    ...(validation
      ? {
          validation: {
            type: validation.type,
            ...(validation.operator && validation.type !== "list" ? { operator: validation.operator } : {}),
            values: validation.formulae.map((formula) =>
              validation.type === "list" ? String(formula).replace(/^"|"$/g, "") : String(formula),
            ),
            promptTitle: validation.promptTitle,
            prompt: validation.prompt,
            errorTitle: validation.errorTitle,
            error: validation.error,
          },
        }
      : {}),
  };
}

function fromFake(cell: CellData | undefined): Comparable {
  if (!cell) return { locked: true, bold: false, italic: false };
  const content = cell.formula ?? (cell.valueType === "Empty" ? undefined : cell.value);
  const rule = cell.validation?.rule;
  const basic = rule?.wholeNumber ?? rule?.decimal;
  return {
    ...(content !== undefined ? { content: content as string | number } : {}),
    ...(cell.numberFormat !== "General" ? { numberFormat: cell.numberFormat } : {}),
    locked: cell.locked,
    bold: Boolean(cell.font?.bold),
    italic: Boolean(cell.font?.italic),
    ...(rule
      ? {
          validation: {
            type: rule.list ? "list" : rule.wholeNumber ? "whole" : "decimal",
            ...(basic ? { operator: OPERATORS[basic.operator]! } : {}),
            values: rule.list
              ? [String(rule.list.source).replace(/^=/, "")]
              : [basic!.formula1, ...(basic!.formula2 !== undefined ? [basic!.formula2] : [])].map(String),
            promptTitle: cell.validation?.prompt?.title,
            prompt: cell.validation?.prompt?.message,
            errorTitle: cell.validation?.errorAlert?.title,
            error: cell.validation?.errorAlert?.message,
          },
        }
      : {}),
  };
}

const OPTIONS: TemplateOptions = {
  sheetName: "Sở TTTT",
  unit: "Sở Thông tin và Truyền thông",
  level: "so",
  period: "2021-Q3",
};

describe("the add-in's install and the CLI's template", () => {
  it.each([true, false])("write the same sheet (rich text supported: %s)", async (richText) => {
    const workbook = new ExcelJS.Workbook();
    const cli = writeTemplateSheet(workbook, OPTIONS);

    const excel = new EmulatedExcel();
    excel.addSheet("Sheet1");
    const host = hostOver(excel, {
      apis: {
        conditionalFormats: true,
        dataValidation: true,
        pageLayout: true,
        insertWorksheetsFromBase64: true,
        richText,
      },
    });
    await host.run((port) =>
      installAppendix(port, {
        sheetName: OPTIONS.sheetName,
        unit: OPTIONS.unit,
        level: OPTIONS.level,
        period: OPTIONS.period,
      }),
    );
    const sheet = excel.sheet(OPTIONS.sheetName);

    const rows = cli.rowCount;
    expect(rows).toBeGreaterThan(100);
    for (let row = 1; row <= rows; row++) {
      for (let column = 0; column < 7; column++) {
        const address = `${columnLetter(column)}${row}`;
        // exceljs shows a merged range's content and style in every cell it covers; Excel shows the top-left one.
        const covered = cli.getCell(address).isMerged && cli.getCell(address).master !== cli.getCell(address);
        if (covered) continue;
        const expected = fromExcelJs(cli.getCell(address));
        const actual = fromFake(sheet.cells[`${row - 1},${column}`]);
        const value = cli.getCell(address).value;
        if (value && typeof value === "object" && "richText" in value) {
          const runs = (
            list: readonly { text: string; font?: { bold?: boolean; italic?: boolean } }[] | undefined,
          ) =>
            (list ?? []).map((run) => ({
              text: run.text,
              bold: Boolean(run.font?.bold),
              italic: Boolean(run.font?.italic),
            }));
          if (richText)
            expect(runs(sheet.cells[`${row - 1},${column}`]?.textRuns)).toEqual(runs(value.richText));
          // Without text runs the whole cell takes the style most of its text has: compare the text only.
          expect({ address, content: actual.content }).toEqual({ address, content: expected.content });
          continue;
        }
        expect({ address, ...actual }).toEqual({ address, ...expected });
      }
    }

    expect([...sheet.merges].sort()).toEqual(
      Object.keys((cli as unknown as { _merges: Record<string, unknown> })._merges)
        .map(
          (topLeft) =>
            (cli as unknown as { _merges: Record<string, { range: string }> })._merges[topLeft]!.range,
        )
        .sort(),
    );
    cli.columns.forEach((column, index) => {
      expect(sheet.columns[index]?.width).toBe(columnWidthPoints(column.width ?? 0));
      expect(Boolean(sheet.columns[index]?.hidden)).toBe(Boolean(column.hidden));
      expect(sheet.columns[index]?.font).toEqual({ name: "Times New Roman", size: 12 });
    });
    for (let row = 1; row <= rows; row++) {
      if (cli.getRow(row).height) expect(sheet.rows[row - 1]?.height).toBe(cli.getRow(row).height);
    }
    expect(sheet.pageLayout.printArea?.replace(/\$/g, "")).toBe(cli.pageSetup.printArea?.replace(/\$/g, ""));
    expect(sheet.pageLayout.printTitleRows).toBe("$5:$6");
    expect(cli.pageSetup.printTitlesRow?.replace(/\$/g, "")).toBe("5:6");
    expect(sheet.pageLayout.zoom).toEqual({
      horizontalFitToPages: cli.pageSetup.fitToWidth,
      verticalFitToPages: cli.pageSetup.fitToHeight,
    });
    expect(sheet.protection.protected).toBe(true);
  });
});
