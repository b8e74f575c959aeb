import type { Level } from "../../src/domain/catalogue";
import { catalogue } from "../../src/domain/catalogue";
import type { CellInput, CellScalar, SheetGrid } from "../../src/domain/cell";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";

/**
 * A value as typed into the form: a number, text, or a percentage stored as a fraction with its format; any other
 * cell value (an error value, a boolean, a date) for the tests of bad input.
 */
export type TypedValue =
  | number
  | string
  | { percent: number; format: string }
  | { formula: string; cached: CellScalar }
  | Exclude<CellScalar, null>;

const pct = (fraction: number, format = "0%"): TypedValue => ({ percent: fraction, format });

/**
 * The seed's Q3/2021 appendix as printed (../shared/seed), "02" and "1.93673" typed as text, every other value a
 * number, and the body's one-stop and online-service counts in the source block.
 */
export const SEED_VALUES: Readonly<Record<string, TypedValue>> = {
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

/** The cell a typed value becomes. */
export function typedCell(value: TypedValue): CellInput {
  if (typeof value === "object" && "percent" in value)
    return { value: value.percent, numberFormat: value.format };
  if (typeof value === "object" && "formula" in value) return { value: value.cached, formula: value.formula };
  return { value: value as CellScalar };
}

/** Options of a sheet built in memory the way our template lays it out. */
export interface GridOptions {
  name?: string;
  unit?: string;
  level?: Level;
  period?: string;
}

/** A sheet grid laid out as our template does (key column, row 4 inputs), holding the given values. */
export function templateGrid(
  values: Readonly<Record<string, TypedValue>>,
  options: GridOptions = {},
): SheetGrid {
  const layout = sheetLayout(catalogue);
  const rows: (CellInput | undefined)[][] = Array.from({ length: layout.lastRow }, () => []);
  const put = (row: number, column: number, cell: CellInput) => {
    rows[row - 1]![column] = cell;
  };
  put(1, COLUMNS.code, { value: "PHỤ LỤC" });
  put(1, COLUMNS.key, { value: catalogue.templateVersion });
  put(4, COLUMNS.code, { value: "Đơn vị báo cáo:" });
  put(4, COLUMNS.label, { value: options.unit ?? "Sở Thông tin và Truyền thông" });
  put(4, COLUMNS.value, { value: { so: "Sở, ngành", huyen: "Huyện", xa: "Xã" }[options.level ?? "so"] });
  put(4, COLUMNS.note, { value: options.period ?? "Quý III/2021" });
  for (const row of catalogue.rows) {
    const at = layout.rowOf.get(row.code)!;
    put(at, COLUMNS.code, { value: row.printed });
    put(at, COLUMNS.label, { value: row.label.vi });
    put(at, COLUMNS.key, { value: row.code });
    const value = values[row.code];
    if (value !== undefined) put(at, COLUMNS.value, typedCell(value));
  }
  return { name: options.name ?? "Sở TTTT", cells: rows };
}

/** The seed with some values replaced (undefined removes one). */
export function seedWith(
  changes: Readonly<Record<string, TypedValue | undefined>>,
): Record<string, TypedValue> {
  const values: Record<string, TypedValue> = { ...SEED_VALUES };
  for (const [code, value] of Object.entries(changes)) {
    if (value === undefined) delete values[code];
    else values[code] = value;
  }
  return values;
}
