import fc from "fast-check";
import type { RowDef } from "../../src/domain/catalogue";
import { catalogue, normaliseCode } from "../../src/domain/catalogue";
import type { CellInput, CellScalar, SheetGrid } from "../../src/domain/cell";
import { cellInput, isCellError, qualifiedAddress } from "../../src/domain/cell";
import { COLUMNS } from "../../src/domain/layout";
import type { AppendixSheet } from "../../src/domain/locate";
import { locateAppendix } from "../../src/domain/locate";
import { fromTcvn3 } from "../../src/domain/tcvn3";
import { readWorkbookBytes } from "../../src/xlsx/grid";
import { handTypedWorkbook } from "../helpers/hand-typed";
import { SEED_VALUES, templateGrid } from "../helpers/seed";

// locateAppendix finds rows by catalogue index, with memos per catalogue and shortcuts for the template's layout.
// It must find exactly what a plain reading of DESIGN.md section 3 finds: the reference below looks every text up
// by code and label with maps and nothing remembered. Both run over sheets laid out as the template writes them and
// as people type them, moved, copied, blanked and retyped at random.

function text(value: CellScalar | undefined): string {
  if (typeof value === "string") return fromTcvn3(value.normalize("NFC")).trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

function labelKey(label: string): string {
  return label
    .normalize("NFC")
    .replace(/<\/?i>/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s:.;]+$/, "")
    .trim();
}

const at = (grid: SheetGrid, row: number, column: number) => grid.cells[row - 1]?.[column];
const textAt = (grid: SheetGrid, row: number, column: number) => text(at(grid, row, column)?.value);

function isAncestor(ancestor: string, code: string): boolean {
  for (
    let cursor = catalogue.byCode.get(code)?.parent;
    cursor;
    cursor = catalogue.byCode.get(cursor)?.parent
  ) {
    if (cursor === ancestor) return true;
  }
  return false;
}

function nextSibling(code: string): RowDef | undefined {
  const parent = catalogue.byCode.get(code)?.parent;
  const siblings = catalogue.rows.filter((def) => def.parent === parent);
  return siblings[siblings.findIndex((def) => def.code === code) + 1];
}

/** Rows by code, in the order found, and the later rows carrying a code found already. */
function referenceRows(
  grid: SheetGrid,
  byKey: boolean,
): { rows: Map<string, number>; repeated: [string, number][] } {
  const rows = new Map<string, number>();
  const repeated: [string, number][] = [];
  if (byKey) {
    for (let row = 2; row <= grid.cells.length; row++) {
      const code = textAt(grid, row, COLUMNS.key);
      if (!catalogue.byCode.has(code)) continue;
      if (rows.has(code)) repeated.push([code, row]);
      else rows.set(code, row);
    }
    return { rows, repeated };
  }
  const labels = new Map<string, RowDef[]>();
  for (const def of catalogue.rows)
    labels.set(labelKey(def.label.vi), [...(labels.get(labelKey(def.label.vi)) ?? []), def]);
  let last: string | undefined;
  for (let row = 1; row <= grid.cells.length; row++) {
    const codeText = textAt(grid, row, COLUMNS.code);
    const labelText = textAt(grid, row, COLUMNS.label);
    const header =
      codeText === "STT" ||
      textAt(grid, row, COLUMNS.unit) === "Đơn vị tính" ||
      textAt(grid, row, COLUMNS.value) === "Số liệu" ||
      labelText.startsWith("Chỉ tiêu thống kê");
    if (header) continue;
    let code = normaliseCode(codeText);
    if (code && rows.has(code)) {
      const byLabel = (labels.get(labelKey(labelText)) ?? []).find(
        (def) => !rows.has(def.code) && def.code !== code,
      );
      const next = last && isAncestor(code, last) ? nextSibling(last) : undefined;
      const resolved = byLabel ?? (next && !rows.has(next.code) ? next : undefined);
      if (!resolved) {
        repeated.push([code, row]);
        continue;
      }
      code = resolved.code;
    }
    if (code && catalogue.byCode.has(code) && !rows.has(code)) {
      rows.set(code, row);
      last = code;
      continue;
    }
    const label = labelKey(labelText);
    if (!label || !last) continue;
    const latest = last;
    const candidates = (labels.get(label) ?? []).filter((def) => !rows.has(def.code));
    const near =
      candidates.find(
        (def) => def.parent === latest || (def.parent !== undefined && isAncestor(def.parent, latest)),
      ) ?? candidates.find((def) => def.parent === catalogue.byCode.get(latest)?.parent);
    if (near) {
      rows.set(near.code, row);
      last = near.code;
    }
  }
  return { rows, repeated };
}

function sameValue(a: CellInput | undefined, b: CellInput | undefined): boolean {
  const [x, y] = [a?.value ?? null, b?.value ?? null];
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  if (isCellError(x) && isCellError(y)) return x.error === y.error;
  return x === y;
}

function isBlank(cell: CellInput | undefined): boolean {
  const value = cell?.value ?? null;
  return value === null || (typeof value === "string" && value.trim() === "" && !cell?.formula);
}

type Located = [
  code: string,
  row: number,
  address: string,
  value: CellScalar | undefined,
  conflict: number | undefined,
];

/** What the reference finds: how, and each code's row, address, value and conflicting row; undefined for no appendix. */
function reference(grid: SheetGrid): { foundBy: string; cells: Located[] } | undefined {
  const version = textAt(grid, 1, COLUMNS.key);
  let found = version ? referenceRows(grid, true) : undefined;
  const foundBy = found && found.rows.size > 0 ? "key" : "codes";
  if (foundBy === "codes") {
    found = referenceRows(grid, false);
    const appendixCodes = [...found.rows.keys()].filter(
      (code) => catalogue.byCode.get(code)!.block === "appendix",
    );
    if (appendixCodes.length < 10) return undefined;
  }
  const { rows, repeated } = found!;
  const conflicts = new Map<string, number>();
  for (const [code, row] of repeated) {
    const [kept, other] = [at(grid, rows.get(code)!, COLUMNS.value), at(grid, row, COLUMNS.value)];
    if (isBlank(other) || sameValue(kept, other) || conflicts.has(code)) continue;
    if (isBlank(kept)) rows.set(code, row);
    else conflicts.set(code, row);
  }
  return {
    foundBy,
    cells: [...rows].map(([code, row]): Located => [
      code,
      row,
      qualifiedAddress(grid.name, row, COLUMNS.value),
      at(grid, row, COLUMNS.value)?.value,
      conflicts.get(code),
    ]),
  };
}

function found(sheet: AppendixSheet | undefined): { foundBy: string; cells: Located[] } | undefined {
  if (!sheet) return undefined;
  return {
    foundBy: sheet.foundBy,
    cells: [...sheet.cells].map(([code, cell]): Located => [
      code,
      cell.row,
      cell.address,
      cell.cell?.value,
      cell.conflict?.row,
    ]),
  };
}

/** What may happen to a row of a sheet: moved, copied (with its value, blank, or another), blanked or retyped. */
type Change =
  | { readonly kind: "swap"; readonly a: number; readonly b: number }
  | { readonly kind: "copy"; readonly from: number; readonly to: number; readonly value: CellScalar }
  | { readonly kind: "blank"; readonly row: number; readonly column: number }
  | { readonly kind: "retype"; readonly row: number; readonly column: number; readonly how: number };

const changeArbitrary: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant("swap" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant("copy" as const),
    from: fc.nat(),
    to: fc.nat(),
    value: fc.constantFrom<CellScalar>(null, "", 7, "7", "KPS"),
  }),
  fc.record({ kind: fc.constant("blank" as const), row: fc.nat(), column: fc.constantFrom(0, 1, 2, 3, 5) }),
  fc.record({
    kind: fc.constant("retype" as const),
    row: fc.nat(),
    column: fc.constantFrom(0, 1, 5),
    how: fc.nat({ max: 5 }),
  }),
);

/** A text as a person may retype it: a trailing dot, spaces, another case, decomposed Unicode, a number, "STT". */
function retyped(value: CellScalar, how: number): CellScalar {
  if (typeof value !== "string") return value;
  switch (how) {
    case 0:
      return `${value}.`;
    case 1:
      return `  ${value} `;
    case 2:
      return value.toUpperCase();
    case 3:
      return value.normalize("NFD");
    case 4:
      return Number.isFinite(Number(value)) && value !== "" ? Number(value) : value;
    default:
      return "STT";
  }
}

function changed(grid: SheetGrid, changes: readonly Change[]): SheetGrid {
  const rows = grid.cells.map((row) => [...row]);
  const pick = (n: number) => n % rows.length;
  for (const change of changes) {
    if (change.kind === "swap") {
      const [a, b] = [pick(change.a), pick(change.b)];
      [rows[a], rows[b]] = [rows[b]!, rows[a]!];
    } else if (change.kind === "copy") {
      const copy = [...rows[pick(change.from)]!];
      copy[COLUMNS.value] = cellInput(change.value);
      rows.splice(pick(change.to), 0, copy);
    } else {
      const row = rows[pick(change.row)]!;
      const cell = row[change.column];
      if (change.kind === "blank") row[change.column] = undefined;
      else if (cell)
        row[change.column] = cellInput(retyped(cell.value, change.how), cell.numberFormat, cell.formula);
    }
  }
  return { name: grid.name, cells: rows };
}

describe("locateAppendix against a plain reference", () => {
  let handTyped: SheetGrid;
  beforeAll(async () => {
    const [grid] = await readWorkbookBytes(Buffer.from(await handTypedWorkbook().xlsx.writeBuffer()));
    handTyped = grid!;
  });

  it("finds the same rows, cells and conflicts on sheets laid out by the template, however changed", () => {
    const template = templateGrid(SEED_VALUES, { name: "Sở 'TT' TT" });
    fc.assert(
      fc.property(fc.array(changeArbitrary, { maxLength: 12 }), (changes) => {
        const grid = changed(template, changes);
        expect(found(locateAppendix(grid))).toEqual(reference(grid));
      }),
      { numRuns: 400 },
    );
  });

  it("finds the same rows, cells and conflicts on sheets typed by hand, however changed", () => {
    fc.assert(
      fc.property(fc.array(changeArbitrary, { maxLength: 12 }), (changes) => {
        const grid = changed(handTyped, changes);
        expect(found(locateAppendix(grid))).toEqual(reference(grid));
      }),
      { numRuns: 400 },
    );
  });

  it("finds the same on a template's sheet whose key column is gone, read by its codes and labels", () => {
    const template = templateGrid(SEED_VALUES);
    const keyless = { name: template.name, cells: template.cells.map((row) => row.slice(0, COLUMNS.key)) };
    fc.assert(
      fc.property(fc.array(changeArbitrary, { maxLength: 8 }), (changes) => {
        const grid = changed(keyless, changes);
        expect(found(locateAppendix(grid))).toEqual(reference(grid));
      }),
      { numRuns: 200 },
    );
  });
});
