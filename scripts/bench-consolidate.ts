// The consolidation benchmarks of issues 5 and 16: department files consolidated by the CLI command as a user runs
// it, each run in a process of its own so that its peak memory is its own. Only the consolidation is timed, not the
// making of the files.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { zipParts } from "../src/cli/xlsx/read";
import { SEED_VALUES } from "../test/helpers/seed";
import { filledTemplate } from "../test/helpers/xlsx";
import { zip } from "../test/helpers/zip";

const run = promisify(execFile);

const UNIT_TOKEN = "@@UNIT@@";

/**
 * Writes `count` department appendices (the seed's figures, errors included, each under its own unit name) into
 * `dir` and returns their paths. One workbook is written by our template; the others differ only in the name, set
 * in its shared strings, because writing a thousand workbooks with exceljs would take longer than the benchmark.
 */
export async function departmentFiles(dir: string, count: number): Promise<string[]> {
  const parts = zipParts(
    Buffer.from(await filledTemplate(SEED_VALUES, { unit: UNIT_TOKEN, sheetName: "Phụ lục" })),
  );
  const strings = parts.get("xl/sharedStrings.xml")?.toString("utf8");
  if (strings === undefined || !strings.includes(UNIT_TOKEN)) {
    throw new Error("the template's shared strings do not hold the unit name");
  }
  const files: string[] = [];
  for (let index = 1; index <= count; index++) {
    const unit = `Sở số ${String(index).padStart(4, "0")}`;
    const members = new Map(parts);
    members.set("xl/sharedStrings.xml", Buffer.from(strings.split(UNIT_TOKEN).join(unit), "utf8"));
    const file = join(dir, `so-${String(index).padStart(4, "0")}.xlsx`);
    await writeFile(file, zip(members));
    files.push(file);
  }
  return files;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs the child benchmark (bench-consolidate-child.ts) in a process of its own; returns its JSON line. */
async function child<T>(nodeArgs: string[], args: string[]): Promise<T> {
  const script = join(__dirname, "bench-consolidate-child.js");
  const { stdout } = await run(process.execPath, [...nodeArgs, script, ...args], {
    maxBuffer: 1 << 20,
  });
  const last = stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as T;
}

/** Consolidation figures, each the median of three runs of `cchc-appendix consolidate` in a fresh process. */
export interface ConsolidateFigures {
  /** Seconds and peak resident memory (MB) by number of files. */
  readonly runs: ReadonlyMap<number, { seconds: number; peakMb: number }>;
  /** Heap the consolidation keeps per unit read, KB (garbage collected before and after). */
  readonly retainedKbPerUnit: number;
}

/**
 * Consolidates the first `count` of 10,000 department files (the seed's figures, each under its own unit) for every
 * count asked, three times each in a fresh process, progress sent nowhere; only the consolidation is timed.
 */
export async function benchConsolidate(counts: readonly number[]): Promise<ConsolidateFigures> {
  const dir = await mkdtemp(join(tmpdir(), "cchc-bench-consolidate-"));
  try {
    const files = await departmentFiles(dir, Math.max(...counts, 1000));
    const runs = new Map<number, { seconds: number; peakMb: number }>();
    for (const count of counts) {
      const seconds: number[] = [];
      const peaks: number[] = [];
      for (let round = 0; round < 3; round++) {
        const summary = join(dir, `tong-hop-${count}-${round}.xlsx`);
        const figures = await child<{ seconds: number; peakMb: number }>(
          [],
          ["run", summary, ...files.slice(0, count)],
        );
        await rm(summary, { force: true });
        seconds.push(figures.seconds);
        peaks.push(figures.peakMb);
      }
      runs.set(count, { seconds: median(seconds), peakMb: median(peaks) });
    }
    const retained: number[] = [];
    for (let round = 0; round < 3; round++) {
      const figures = await child<{ retainedKbPerUnit: number }>(
        ["--expose-gc"],
        ["retained", ...files.slice(0, 1000)],
      );
      retained.push(figures.retainedKbPerUnit);
    }
    return { runs, retainedKbPerUnit: median(retained) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
