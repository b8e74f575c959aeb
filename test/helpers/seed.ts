import type { Level, LoadedCatalogue } from "../../src/domain/catalogue";
import { catalogue as defaultCatalogue } from "../../src/domain/catalogue";
import type { CellInput, CellScalar, SheetGrid } from "../../src/domain/cell";
import { cellInput } from "../../src/domain/cell";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import { SAMPLE_VALUES } from "../../src/preview/sample";

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

/**
 * The seed's Q3/2021 appendix as printed (../shared/seed), "02" and "1.93673" typed as text, every other value a
 * number, and the body's one-stop and online-service counts in the source block: the preview's own sample.
 */
export const SEED_VALUES: Readonly<Record<string, TypedValue>> = SAMPLE_VALUES;

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
  /** The form the sheet is laid out by: the 2021 one unless given. */
  catalogue?: LoadedCatalogue;
}

/** A sheet grid laid out as our template does (key column, row 4 inputs), holding the given values. */
export function templateGrid(
  values: Readonly<Record<string, TypedValue>>,
  options: GridOptions = {},
): SheetGrid {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const layout = sheetLayout(catalogue);
  const rows: (CellInput | undefined)[][] = Array.from({ length: layout.lastRow }, () => []);
  const put = (row: number, column: number, cell: CellInput) => {
    rows[row - 1]![column] = cellInput(cell.value, cell.numberFormat, cell.formula);
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

/** The seed's findings that block or warn, as [severity, rule, suggested code, suggested value], in report order. */
export const SEED_BLOCKING = [
  ["error", "unit", "DV.4.1", 1936],
  ["error", "balance:HS.1", "HS.1.2", 44],
  ["warning", "order:HS.5<=HS.1.2", "HS.1.2", 44],
] as const;

/** A report's findings other than info, as SEED_BLOCKING lists them. */
export function blockingOf(findings: readonly FindingLike[]): unknown[][] {
  return findings
    .filter((finding) => finding.severity !== "info")
    .map((finding) => [finding.severity, finding.rule, finding.suggestion?.code, finding.suggestion?.value]);
}

/** What blockingOf reads of a finding, in the JSON report's shape and the domain's alike. */
export interface FindingLike {
  readonly severity: string;
  readonly rule: string;
  readonly suggestion?: { readonly code?: string; readonly value?: unknown };
}
