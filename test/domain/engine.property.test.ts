import fc from "fast-check";
import type { RowDef } from "../../src/domain/catalogue";
import { catalogue } from "../../src/domain/catalogue";
import type { CellInput, SheetGrid } from "../../src/domain/cell";
import type { Finding } from "../../src/domain/findings";
import type { SheetValidation } from "../../src/domain/engine";
import { validateAppendix } from "../../src/domain/engine";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import { locateAppendix } from "../../src/domain/locate";
import type { TypedValue } from "../helpers/seed";
import { SEED_VALUES, templateGrid } from "../helpers/seed";

// Properties of the engine over arbitrary appendices: it never throws, points at real cells, is deterministic and
// blind to row order, and a suggested fix removes its finding without creating an error.

const layout = sheetLayout(catalogue);
const smallCount = fc.nat({ max: 60 });

function valueFor(row: RowDef): fc.Arbitrary<TypedValue | undefined> {
  const junk = fc.constantFrom<TypedValue>(
    "abc",
    "-",
    "KPS",
    "1.93673",
    "12.5.3",
    "64.073",
    -3,
    1.5,
    64.073,
    true,
  );
  switch (row.kind) {
    case "count":
      return fc.oneof(
        { weight: 6, arbitrary: smallCount },
        { weight: 2, arbitrary: smallCount.map((n) => `0${n}`) },
        { weight: 1, arbitrary: junk },
        { weight: 3, arbitrary: fc.constant(undefined) },
      );
    case "percent":
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.integer({ min: 0, max: 10000 }).map((n) => ({ percent: n / 10000, format: "0.00%" })),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom<TypedValue>("12,5%", "0,02%", 1, 0.5, 120, "abc", {
            percent: -0.05,
            format: "0%",
          }),
        },
        { weight: 3, arbitrary: fc.constant(undefined) },
      );
    case "coded":
      return fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(undefined), fc.constant("2"));
    case "none":
      return fc.oneof(
        { weight: 9, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constant(5) },
      );
  }
}

const appendixValues: fc.Arbitrary<Record<string, TypedValue>> = fc
  .tuple(...catalogue.rows.map((row) => valueFor(row)))
  .map((values) => {
    const record: Record<string, TypedValue> = {};
    values.forEach((value, at) => {
      if (value !== undefined) record[catalogue.rows[at]!.code] = value;
    });
    return record;
  });

function validate(grid: SheetGrid): SheetValidation {
  return validateAppendix(locateAppendix(grid)!);
}

/** A finding without its addresses, to compare validations of sheets whose rows moved. */
function essence(finding: Finding): string {
  return JSON.stringify([
    finding.rule,
    finding.kind,
    finding.severity,
    finding.codes,
    finding.suggestion?.value ?? null,
  ]);
}

function key(finding: Finding): string {
  return `${finding.rule}|${finding.kind}|${finding.codes[0] ?? ""}`;
}

function rowNumber(address: string): number {
  return Number(/D(\d+)$/.exec(address)![1]);
}

/** Writes a suggestion into the grid as the task pane's fix button would. */
function applySuggestion(grid: SheetGrid, finding: Finding): SheetGrid {
  const suggestion = finding.suggestion!;
  const rows = grid.cells.map((row) => [...row]);
  const cell: CellInput = suggestion.formula
    ? { value: null, formula: suggestion.formula, numberFormat: suggestion.numberFormat }
    : { value: suggestion.value, numberFormat: suggestion.numberFormat };
  rows[rowNumber(suggestion.cell) - 1]![COLUMNS.value] = cell;
  return { ...grid, cells: rows };
}

describe("engine properties", () => {
  it("never throws, and every finding points at value cells of real rows", () => {
    fc.assert(
      fc.property(appendixValues, (values) => {
        const result = validate(templateGrid(values));
        for (const finding of result.findings) {
          for (const cell of finding.cells) {
            expect(cell).toMatch(/^'Sở TTTT'!D\d+$/);
            expect(rowNumber(cell)).toBeGreaterThanOrEqual(layout.firstIndicatorRow);
            expect(rowNumber(cell)).toBeLessThanOrEqual(layout.lastRow);
          }
          expect(finding.message.vi).not.toMatch(/undefined|NaN/);
          expect(finding.message.en).not.toMatch(/undefined|NaN/);
        }
        expect(result.verdict).toBe(
          result.counts.error === 0 && result.findings.every((f) => f.kind !== "empty_appendix")
            ? "ready"
            : "not_ready",
        );
      }),
      { numRuns: 150 },
    );
  });

  it("is deterministic and independent of the order of the rows", () => {
    fc.assert(
      fc.property(appendixValues, fc.integer({ min: 1, max: 1_000_000 }), (values, seed) => {
        const grid = templateGrid(values);
        const first = validate(grid).findings.map(essence);
        expect(validate(grid).findings.map(essence)).toEqual(first);
        const head = grid.cells.slice(0, layout.firstIndicatorRow - 1);
        const body = grid.cells.slice(layout.firstIndicatorRow - 1);
        const shuffled = fc.sample(fc.shuffledSubarray(body, { minLength: body.length }), {
          seed,
          numRuns: 1,
        })[0]!;
        const moved = validate({ ...grid, cells: [...head, ...shuffled] }).findings.map(essence);
        expect([...moved].sort()).toEqual([...first].sort());
      }),
      { numRuns: 60 },
    );
  });

  it("applying a suggested fix removes its finding and adds no error", () => {
    fc.assert(
      fc.property(appendixValues, (values) => {
        const grid = templateGrid(values);
        const before = validate(grid);
        const errorsBefore = new Set(before.findings.filter((f) => f.severity === "error").map(key));
        for (const finding of before.findings.filter((candidate) => candidate.suggestion)) {
          const after = validate(applySuggestion(grid, finding));
          expect(after.findings.map(key)).not.toContain(key(finding));
          for (const error of after.findings.filter((f) => f.severity === "error")) {
            expect(errorsBefore).toContain(key(error));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("fixes the seed's suggestions one by one into a ready appendix", () => {
    let grid = templateGrid(SEED_VALUES);
    for (let round = 0; round < 5; round++) {
      const blocking = validate(grid).findings.find(
        (finding) => finding.severity !== "info" && finding.suggestion,
      );
      if (!blocking) break;
      grid = applySuggestion(grid, blocking);
    }
    expect(validate(grid).verdict).toBe("ready");
  });
});
