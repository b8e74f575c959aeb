// The engine benchmarks of issue 16: locate + validate per appendix, as a validation sees a sheet it has just read,
// over 10,000 distinct appendices, laid out as our template writes them and as a person types them by hand; and the
// same over sheets read long before, out of the processor's cache.
import { readWorkbookBytes } from "../src/xlsx/grid";
import type { CellInput, SheetGrid } from "../src/domain/cell";
import { cellInput } from "../src/domain/cell";
import { COLUMNS } from "../src/domain/layout";
import { validateAppendix } from "../src/domain/engine";
import { locateAppendix } from "../src/domain/locate";
import { SEED_VALUES, templateGrid } from "../test/helpers/seed";
import type { TypedValue } from "../test/helpers/seed";
import { existsSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./bench-bundle";

const COUNT = 10_000;
/** Grids are made in batches, so that 10,000 of them never sit in memory at once. */
const BATCH = 500;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The seed's numeric values, each appendix `index` changing three of them (and its unit name) its own way. */
function distinctValues(index: number): Record<string, TypedValue> {
  const values: Record<string, TypedValue> = { ...SEED_VALUES };
  const numeric = Object.keys(values).filter((code) => typeof values[code] === "number");
  for (let change = 0; change < 3; change++) {
    const code = numeric[(index * 7 + change * 31) % numeric.length]!;
    values[code] = (values[code] as number) + ((index >> change) % 17);
  }
  return values;
}

/** The hand-typed seed with the numbers of column D changed for appendix `index`, and its title's unit too. */
function distinctHandTyped(base: SheetGrid, index: number): SheetGrid {
  let changed = 0;
  const cells = base.cells.map((row, at) =>
    row.map((cell, column): CellInput | undefined => {
      if (!cell) return cell;
      if (
        column === COLUMNS.value &&
        typeof cell.value === "number" &&
        (at + index) % 11 === 0 &&
        changed < 3
      ) {
        changed++;
        return cellInput(cell.value + (index % 13) + 1, cell.numberFormat, cell.formula);
      }
      if (typeof cell.value === "string" && cell.value.includes(" TẠI "))
        return cellInput(`${cell.value} ${index}`, cell.numberFormat, cell.formula);
      return cell;
    }),
  );
  return { name: `${base.name} ${index}`, cells };
}

/**
 * Median µs of locate + validate over COUNT distinct grids made by `make`, after a warm-up on a batch of others.
 * `justMade`: each grid is made right before it is timed, as a validation sees a sheet it has just read (its cells
 * still in the processor's cache); else a batch of grids is made first, so that most of them have left the cache
 * when they are timed, which costs locating about 6 µs of memory reads a validation never waits for.
 */
function locateValidateMedian(make: (index: number) => SheetGrid, justMade: boolean): number {
  const run = (grid: SheetGrid) => {
    const sheet = locateAppendix(grid);
    if (!sheet) throw new Error(`no appendix found on ${grid.name}`);
    return validateAppendix(sheet);
  };
  const warm = Array.from({ length: BATCH }, (_, index) => make(COUNT + index));
  for (let round = 0; round < 4; round++) for (const grid of warm) run(grid);
  const times: number[] = [];
  const timed = (grid: SheetGrid) => {
    const start = process.hrtime.bigint();
    run(grid);
    times.push(Number(process.hrtime.bigint() - start) / 1_000);
  };
  for (let first = 0; first < COUNT; first += BATCH) {
    if (justMade) for (let index = first; index < first + BATCH; index++) timed(make(index));
    else for (const grid of Array.from({ length: BATCH }, (_, index) => make(first + index))) timed(grid);
  }
  return median(times);
}

/**
 * locate_validate_us_per_appendix and locate_validate_handtyped_us, each the median of three runs over grids just
 * made; and the same over grids made in batches (`templateCold`, `handTypedCold`: the figures' way before
 * 2026-12-03).
 */
export async function benchLocateValidate(): Promise<{
  template: number;
  handTyped: number;
  templateCold: number;
  handTypedCold: number;
}> {
  // The hand-typed workbook is read from test/fixtures beside its helper, which the bench runs compiled elsewhere.
  const fixtures = join(__dirname, "..", "test", "fixtures");
  if (!existsSync(fixtures)) symlinkSync(join(projectRoot(), "test", "fixtures"), fixtures);
  const { handTypedWorkbook } = await import("../test/helpers/hand-typed");
  const [typed] = await readWorkbookBytes(Buffer.from(await handTypedWorkbook().xlsx.writeBuffer()));
  if (!typed) throw new Error("the hand-typed workbook has no sheet");
  const ofTemplate = (index: number) => templateGrid(distinctValues(index), { unit: `Sở số ${index}` });
  const byHand = (index: number) => distinctHandTyped(typed, index);
  const runs = {
    template: [] as number[],
    handTyped: [] as number[],
    templateCold: [] as number[],
    handTypedCold: [] as number[],
  };
  for (let round = 0; round < 3; round++) {
    runs.template.push(locateValidateMedian(ofTemplate, true));
    runs.handTyped.push(locateValidateMedian(byHand, true));
    runs.templateCold.push(locateValidateMedian(ofTemplate, false));
    runs.handTypedCold.push(locateValidateMedian(byHand, false));
  }
  const figure = (values: number[]) => Number(median(values).toFixed(2));
  return {
    template: figure(runs.template),
    handTyped: figure(runs.handTyped),
    templateCold: figure(runs.templateCold),
    handTypedCold: figure(runs.handTypedCold),
  };
}
