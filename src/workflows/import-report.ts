import type { Bilingual, Level, LoadedCatalogue } from "../domain/catalogue";
import { BUILT_IN_FORMS, catalogue as defaultCatalogue } from "../domain/catalogue";
import type { CellScalar } from "../domain/cell";
import { columnLetter } from "../domain/cell";
import { COLUMNS, sheetLayout } from "../domain/layout";
import { locateAppendix } from "../domain/locate";
import type { WordReport } from "../docx/report";
import { NOT_A_REPORT } from "../docx/report";
import { unitKey } from "./consolidate";
import type { CellWrite, SpecCell, WorkbookPort } from "./port";
import { defaultSheetName, templateSpec, uniqueSheetName } from "./template-spec";

// The standard appendix filled from a Word report (issue 15): what `cchc-appendix import` writes into a workbook
// and what the pane's "Cài trang tính từ báo cáo Word…" installs, one reading of the report for both. Every value is
// written as the report states it (a stated rate over its formula, as a person typing it would); every value taken
// from the report's text rather than its table carries a note quoting the paragraph, so that nobody takes it for
// typed.

/** A Word report that holds no appendix table and no figure of the form: nothing to fill a sheet with. */
export class NotAReportError extends Error {
  readonly bilingual: Bilingual = NOT_A_REPORT;
  constructor() {
    super(NOT_A_REPORT.en);
    this.name = "NotAReportError";
  }
}

/** One value of the report, at its row of the standard sheet. */
export interface ReportValue {
  readonly code: string;
  /** The 1-based row of the template that holds the code. */
  readonly row: number;
  readonly value: number | string;
  readonly numberFormat?: string;
  /** The table's "Ghi chú" of the row. */
  readonly remark?: string;
  /** The note a value from the report's text carries, quoting its paragraph; absent for a value of the table. */
  readonly bodyNote?: string;
}

/** A report read for the standard sheet: its unit, level and period (defaults where it states none), its values. */
export interface ReportValues {
  readonly unit: string;
  readonly level: Level;
  readonly period: string;
  readonly values: readonly ReportValue[];
  readonly fromTable: number;
  readonly fromText: number;
}

/** The unit name a report that states none gets, as `template` gives one. */
const NO_UNIT = "Đơn vị báo cáo";

function currentQuarter(): string {
  const now = new Date();
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/** The note of a value the report's text states, in both languages. */
export function bodyNote(place: Bilingual): string {
  return `Lấy từ phần báo cáo, ${place.vi}\nFrom the report's text, ${place.en}`;
}

/**
 * The values of a Word report by the template's rows, each with where it came from; throws NotAReportError when the
 * report holds no appendix.
 */
export function reportValues(word: WordReport, catalogue: LoadedCatalogue = defaultCatalogue): ReportValues {
  const appendix = locateAppendix(word.grid, catalogue);
  if (!appendix) throw new NotAReportError();
  const layout = sheetLayout(catalogue);
  const values: ReportValue[] = [];
  let fromTable = 0;
  let fromText = 0;
  for (const located of appendix.cells.values()) {
    const value = located.cell?.value;
    const row = layout.rowOf.get(located.code);
    if (row === undefined || (typeof value !== "number" && typeof value !== "string")) continue;
    const remark = word.grid.cells[located.row - 1]?.[COLUMNS.note]?.value;
    const place = word.fromText.has(located.row) ? word.places.get(located.row) : undefined;
    if (place) fromText++;
    else fromTable++;
    values.push({
      code: located.code,
      row,
      value,
      ...(located.cell?.numberFormat ? { numberFormat: located.cell.numberFormat } : {}),
      ...(typeof remark === "string" && remark ? { remark } : {}),
      ...(place ? { bodyNote: bodyNote(place) } : {}),
    });
  }
  return {
    unit: appendix.unit ?? NO_UNIT,
    level: appendix.level ?? "so",
    period: appendix.period ?? currentQuarter(),
    values,
    fromTable,
    fromText,
  };
}

/** What installing a report's sheet did: nothing yet when the unit has a sheet already, else what it wrote. */
export type ReportInstall =
  | { readonly kind: "exists"; readonly sheetName: string; readonly unit: string }
  | {
      readonly kind: "installed";
      readonly sheetName: string;
      readonly unit: string;
      readonly fromTable: number;
      readonly fromText: number;
    };

/**
 * The sheets of the workbook that are an appendix of this unit: the template's sheets (F1 names a version) whose
 * row 4 names it, compared as the consolidation compares names.
 */
async function sheetsOfUnit(port: WorkbookPort, unit: string): Promise<{ names: string[]; all: string[] }> {
  const infos = await port.listSheets();
  const all = infos.map((info) => info.name);
  const appendices = infos.filter((info) => info.keyHeader && BUILT_IN_FORMS.has(info.keyHeader));
  if (!appendices.length) return { names: [], all };
  const key = unitKey(unit);
  const grids = await port.readSheets(appendices.map((info) => info.name));
  const names = grids.flatMap((grid) => {
    const found = locateAppendix(grid);
    return found?.unit !== undefined && unitKey(found.unit) === key ? [grid.name] : [];
  });
  return { names, all };
}

/**
 * Installs the standard appendix filled from a Word report, in at most three round trips (list, read the appendix
 * sheets, apply). When the workbook has an appendix sheet of the report's unit, nothing is written and the answer
 * says which, unless `replace` names that very sheet (the user agreed to have it rewritten from the report). Every
 * value from the report's text gets its note; the table's remarks go to the "Ghi chú" column.
 */
export async function installFromReport(
  port: WorkbookPort,
  word: WordReport,
  options: { readonly replace?: string } = {},
): Promise<ReportInstall> {
  const read = reportValues(word);
  const { names, all } = await sheetsOfUnit(port, read.unit);
  const existing = names[0];
  if (existing !== undefined && options.replace !== existing) {
    return { kind: "exists", sheetName: existing, unit: read.unit };
  }
  const sheetName = existing ?? uniqueSheetName(defaultSheetName(read.unit), all);
  const spec = templateSpec({ sheetName, unit: read.unit, level: read.level, period: read.period });
  const value = (row: number) => `${columnLetter(COLUMNS.value)}${row}`;
  const notes = new Map(
    read.values.flatMap((entry) => (entry.bodyNote ? [[value(entry.row), entry.bodyNote]] : [])),
  );
  const cells: SpecCell[] = spec.cells.map((cell) => {
    const note = notes.get(cell.address);
    return note ? { ...cell, note } : cell;
  });
  const written = new Set(cells.map((cell) => cell.address));
  for (const [address, note] of notes)
    if (!written.has(address)) cells.push({ address, locked: false, note });
  const writes: CellWrite[] = read.values.flatMap((entry) => [
    {
      address: value(entry.row),
      value: entry.value satisfies CellScalar,
      ...(entry.numberFormat ? { numberFormat: entry.numberFormat } : {}),
    },
    ...(entry.remark ? [{ address: `${columnLetter(COLUMNS.note)}${entry.row}`, value: entry.remark }] : []),
  ]);
  const first = read.values[0];
  await port.apply({
    steps: [
      {
        kind: "addSheet",
        spec: { ...spec, cells },
        ...(writes.length ? { values: writes } : {}),
        ...(existing !== undefined ? { replace: true } : {}),
      },
      { kind: "select", sheet: sheetName, address: first ? value(first.row) : "A1" },
    ],
  });
  return {
    kind: "installed",
    sheetName,
    unit: read.unit,
    fromTable: read.fromTable,
    fromText: read.fromText,
  };
}
