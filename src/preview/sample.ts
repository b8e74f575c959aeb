import type { CellScalar } from "../domain/cell";
import { catalogue } from "../domain/catalogue";
import { COLUMNS, sheetLayout } from "../domain/layout";
import { columnLetter } from "../domain/cell";
import type { CellWrite, Plan } from "../workflows/port";
import { templateSpec } from "../workflows/template-spec";

/** A value as typed into the form: a number, text, or a percentage stored as a fraction with its format. */
export type SampleValue = number | string | { readonly percent: number; readonly format: string };

const pct = (fraction: number, format = "0%"): SampleValue => ({ percent: fraction, format });

/**
 * The seed's Q3/2021 appendix of Sở Thông tin và Truyền thông Trà Vinh as typed (../shared/seed): "02" and
 * "1.93673" are text, every other value a number, and the body's one-stop and online-service counts fill the source
 * block. Tests use it too (test/helpers/seed.ts).
 */
export const SAMPLE_VALUES: Readonly<Record<string, SampleValue>> = {
  "1.1.1": 7,
  "1.1.2": 7,
  "1.1.3": 1,
  "1.2": 0,
  "3.1.1": "02",
  "3.1.2": "02",
  "3.2.1": 37,
  "3.2.2": 20,
  "3.3.1": 0,
  "3.3.2": 0,
  "3.3.3": pct(1),
  "3.3.4": pct(1),
  "3.4.1": pct(1),
  "3.5.1": 37,
  "3.5.2": 37,
  "3.5.3": 37,
  "4.2.1": 28,
  "4.2.2": 27,
  "4.2.3": 0,
  "4.2.4": 0,
  "4.2.5": pct(0.125, "0.0%"),
  "4.3.1": 28,
  "4.3.2": 27,
  "4.3.3": 0,
  "4.3.4": pct(0.125, "0.0%"),
  "5.3.1": 0,
  "5.3.2": 0,
  "5.3.3": 0,
  "5.4.2": 0,
  "5.4.3": 0,
  "5.4.4": 0,
  "6.3": 1,
  "7.1": 1,
  "7.2": 2,
  "7.3": 2,
  "7.4": pct(1),
  "7.5": 2,
  "7.6.1.a": pct(1),
  "7.6.1.b": pct(1),
  "7.6.1.c": pct(1),
  "7.6.2.a": pct(0.9),
  "7.6.2.b": pct(0.0002, "0.00%"),
  "7.7.1": pct(1),
  "7.7.2": pct(1),
  "7.7.3": pct(1),
  "7.8.1": 762,
  "7.8.2": 805,
  "7.8.3": pct(0.1192, "0.00%"),
  "7.8.4": pct(0.6555, "0.00%"),
  "HS.1": 44,
  "HS.1.1": 0,
  "HS.1.2": 0,
  "HS.2": 44,
  "HS.2.1": 44,
  "HS.2.2": 0,
  "HS.3": 0,
  "HS.3.1": 0,
  "HS.3.2": 0,
  "HS.4": 0,
  "HS.5": 42,
  "DV.3": 6356,
  "DV.3.1": 5598,
  "DV.3.2": 758,
  "DV.4": 5621,
  "DV.4.1": "1.93673",
  "DV.4.2": 3685,
};

/** The sample sheet's name, unit, level and period: the seed's own. */
export const SAMPLE_SHEET = {
  sheetName: "Sở TTTT",
  unit: "Sở Thông tin và Truyền thông",
  level: "so",
  period: "2021-Q3",
} as const;

/** The writes that type sample values into a template sheet's value cells: a typed value replaces a formula. */
export function sampleWrites(values: Readonly<Record<string, SampleValue>> = SAMPLE_VALUES): CellWrite[] {
  const layout = sheetLayout(catalogue);
  return Object.entries(values).map(([code, value]) => {
    const row = layout.rowOf.get(code);
    if (row === undefined) throw new Error(`No row for ${code} in the layout`);
    const address = `${columnLetter(COLUMNS.value)}${row}`;
    const typed: CellScalar = typeof value === "object" ? value.percent : value;
    return { address, value: typed, ...(typeof value === "object" ? { numberFormat: value.format } : {}) };
  });
}

/** The plan that writes the sample appendix: the real template, then the sample typed into it. */
export function samplePlan(values?: Readonly<Record<string, SampleValue>>): Plan {
  return { steps: [{ kind: "addSheet", spec: templateSpec(SAMPLE_SHEET), values: sampleWrites(values) }] };
}

/** The emulated workbook the sample goes into: what writeSample needs of it. */
export interface SampleWorkbook {
  addSheet(name: string): { readonly name: string };
  deleteSheet(name: string): void;
}

/**
 * Writes the sample appendix into an empty emulated workbook through `apply` (the add-in's own port): beside a blank
 * first sheet, because Excel always holds a visible sheet and the adapter builds a new one very hidden, and the blank
 * sheet removed once the sample stands.
 */
export async function writeSample(
  workbook: SampleWorkbook,
  apply: (plan: Plan) => Promise<void>,
  values?: Readonly<Record<string, SampleValue>>,
): Promise<void> {
  const blank = workbook.addSheet("Sheet1");
  await apply(samplePlan(values));
  workbook.deleteSheet(blank.name);
}

/** The sample sheet's first value cell, where the preview opens. */
export function sampleFirstValue(): string {
  const firstValue = sheetLayout(catalogue).rowOf.get(catalogue.valueRows[0]?.code ?? "") ?? 1;
  return `${columnLetter(COLUMNS.value)}${firstValue}`;
}
