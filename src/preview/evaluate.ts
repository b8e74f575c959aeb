import type { FormRegistry, LoadedCatalogue } from "../domain/catalogue";
import { BUILT_IN_FORMS } from "../domain/catalogue";
import type { CellScalar } from "../domain/cell";
import { isCellError } from "../domain/cell";
import { COLUMNS, derivedFormula, sheetLayout } from "../domain/layout";
import { columnLetter } from "../domain/cell";
import { viNumber } from "./locale";

// The preview has no spreadsheet formula engine (hyperformula is GPL; DESIGN.md section 8). The only formulas the
// template writes are the derived percentages, so a formula cell is computed when its text is exactly one of those,
// by the same rule the formula states: empty while an input is empty, empty for a zero denominator or an input that
// is not a number, never #DIV/0!. Any other formula shows #NAME?, as a formula Excel cannot read would.

interface DerivedCells {
  readonly plus: readonly string[];
  readonly minus: readonly string[];
  readonly denominator: readonly string[];
}

/** Formula text compared the way Excel stores it: no leading "=", no spaces, upper case. */
export function normaliseFormula(formula: string): string {
  return formula.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
}

const indexes = new WeakMap<FormRegistry, Map<string, DerivedCells>>();

/** The derived formulas of every form the preview knows, by their normalised text. */
function derivedIndex(forms: FormRegistry): Map<string, DerivedCells> {
  let index = indexes.get(forms);
  if (!index) {
    index = new Map();
    for (const catalogue of forms.forms) addCatalogue(index, catalogue);
    indexes.set(forms, index);
  }
  return index;
}

function addCatalogue(target: Map<string, DerivedCells>, catalogue: LoadedCatalogue): void {
  const layout = sheetLayout(catalogue);
  const cell = (code: string) => `${columnLetter(COLUMNS.value)}${layout.rowOf.get(code)}`;
  for (const row of catalogue.derivedRows) {
    target.set(normaliseFormula(derivedFormula(layout, row)), {
      plus: row.derived.plus.map(cell),
      minus: row.derived.minus.map(cell),
      denominator: row.derived.denominator.map(cell),
    });
  }
}

/** True when the preview can compute this formula (it is a derived percentage of a form in `forms`). */
export function isKnownFormula(formula: string, forms: FormRegistry = BUILT_IN_FORMS): boolean {
  return derivedIndex(forms).has(normaliseFormula(formula));
}

// Excel's arithmetic reads a number stored as text; anything else is an error that IFERROR turns into "".
function asNumber(value: CellScalar): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") return viNumber(value);
  return undefined;
}

/**
 * Computes a formula cell from the values of the cells it reads (`valueAt` takes a local A1 address and gives the
 * cell's value, computed if it is a formula itself).
 */
export function evaluateFormula(
  formula: string,
  valueAt: (address: string) => CellScalar,
  forms: FormRegistry = BUILT_IN_FORMS,
): CellScalar {
  const cells = derivedIndex(forms).get(normaliseFormula(formula));
  if (!cells) return { error: "#NAME?" };
  const inputs = [...new Set([...cells.plus, ...cells.minus, ...cells.denominator])];
  const values = new Map(inputs.map((address) => [address, valueAt(address)]));
  // OR(D1="", …) propagates an error value before IFERROR is reached, as in Excel.
  for (const value of values.values()) if (value !== null && isCellError(value)) return value;
  if ([...values.values()].some((value) => value === null || value === "")) return "";
  const read = (address: string) => asNumber(values.get(address) ?? null);
  // IF(D3=0, …) and IF((D3+D4)=0, …) compare the sum, text read as a number; a text that is none is an error there.
  const below = cells.denominator.map(read);
  if (below.some((part) => part === undefined)) return "";
  const denominator = below.reduce<number>((sum, part) => sum + part!, 0);
  if (denominator === 0) return "";
  const parts = [...cells.plus.map(read), ...cells.minus.map(read)];
  if (parts.some((part) => part === undefined)) return "";
  let numerator = 0;
  for (const address of cells.plus) numerator += read(address)!;
  for (const address of cells.minus) numerator -= read(address)!;
  return numerator / denominator;
}
