import type { LoadedCatalogue, RowDef } from "./catalogue";

/** Columns of the form, 0-based: A code, B label, C unit of measure, D value, E note, F hidden key. */
export const COLUMNS = { code: 0, label: 1, unit: 2, value: 3, note: 4, key: 5 } as const;

/** Where everything sits on an appendix sheet written by our template (DESIGN.md section 3). */
export interface SheetLayout {
  /** Rows 1–3: "PHỤ LỤC", the title with the unit's name, the "Ban hành kèm theo" line. */
  readonly titleRows: readonly [number, number, number];
  /** Row 4: the inputs the tools read back (unit name in B, level in D, period in E). */
  readonly inputRow: number;
  /** Rows 5–6: the two-row header, repeated on every printed page. */
  readonly headerRows: readonly [number, number];
  /** 1-based sheet row of every row of the catalogue, appendix and source block alike. */
  readonly rowOf: ReadonlyMap<string, number>;
  readonly firstIndicatorRow: number;
  readonly lastIndicatorRow: number;
  /** The source block's title row, below one empty row, outside the print area. */
  readonly sourceTitleRow: number;
  readonly lastRow: number;
  /** The print area in A1 style without sheet name: A1:E<last indicator row>. */
  readonly printArea: string;
}

const layouts = new WeakMap<LoadedCatalogue, SheetLayout>();

/** The template's layout of a catalogue: appendix rows from row 7, then the source block. Computed once. */
export function sheetLayout(catalogue: LoadedCatalogue): SheetLayout {
  let layout = layouts.get(catalogue);
  if (!layout) layouts.set(catalogue, (layout = computeLayout(catalogue)));
  return layout;
}

function computeLayout(catalogue: LoadedCatalogue): SheetLayout {
  const rowOf = new Map<string, number>();
  const firstIndicatorRow = 7;
  let row = firstIndicatorRow;
  for (const def of catalogue.appendixRows) rowOf.set(def.code, row++);
  const lastIndicatorRow = row - 1;
  const sourceTitleRow = lastIndicatorRow + 2;
  row = sourceTitleRow + 1;
  for (const def of catalogue.sourceRows) rowOf.set(def.code, row++);
  return {
    titleRows: [1, 2, 3],
    inputRow: 4,
    headerRows: [5, 6],
    rowOf,
    firstIndicatorRow,
    lastIndicatorRow,
    sourceTitleRow,
    lastRow: row - 1,
    printArea: `A1:E${lastIndicatorRow}`,
  };
}

function valueCell(layout: SheetLayout, code: string): string {
  const row = layout.rowOf.get(code);
  if (row === undefined) throw new Error(`No row for ${code} in the layout`);
  return `D${row}`;
}

/**
 * The live Excel formula of a derived percentage, without the leading "=": empty while an input is empty, empty
 * for a zero denominator (never #DIV/0!), empty for an input that is not a number. A denominator of several codes
 * is their sum in brackets, `(D1+D2)/(D3+D4)`, and its test for 0 sits inside IFERROR too: a sum over a text that
 * is no number is #VALUE! where a lone cell's `=0` is only FALSE.
 */
export function derivedFormula(layout: SheetLayout, row: RowDef): string {
  if (!row.derived) throw new Error(`${row.code} is not derived`);
  const plus = row.derived.plus.map((code) => valueCell(layout, code));
  const minus = row.derived.minus.map((code) => valueCell(layout, code));
  const below = row.derived.denominator.map((code) => valueCell(layout, code));
  const denominator = below.length > 1 ? `(${below.join("+")})` : below.join("");
  const inputs = [...new Set([...plus, ...minus, ...below])];
  const numerator = plus.join("+") + minus.map((cell) => `-${cell}`).join("");
  const expression =
    minus.length || plus.length > 1 ? `(${numerator})/${denominator}` : `${numerator}/${denominator}`;
  const anyBlank =
    inputs.length === 1 ? `${inputs[0]}=""` : `OR(${inputs.map((cell) => `${cell}=""`).join(",")})`;
  if (below.length > 1) return `IF(${anyBlank},"",IFERROR(IF(${denominator}=0,"",${expression}),""))`;
  return `IF(${anyBlank},"",IF(${denominator}=0,"",IFERROR(${expression},"")))`;
}
