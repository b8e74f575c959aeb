// The reader benchmark of issue 10: how far reading a workbook as the CLI does sits above the floor of any reader,
// which must at least read the file, list its zip directory and inflate the parts it needs. Prints, does not assert.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "fflate";
import { LIMITS, readWorkbookFile } from "../src/cli/xlsx/read";
import { validateSheets } from "../src/workflows/validate";
import { zipDirectory } from "../src/xlsx/zip";
import { departmentFiles } from "./bench-consolidate";

/** Parts an appendix workbook's reader inflates: everything but the package's own metadata and media. */
const NEEDED =
  /^(_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/[^/]+\.xml)$/;

async function floor(file: string): Promise<void> {
  const bytes = await readFile(file);
  for (const [name, entry] of zipDirectory(bytes, LIMITS)) {
    if (!NEEDED.test(name)) continue;
    const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    if (entry.method === 8) inflateSync(raw, { out: new Uint8Array(entry.size) });
  }
}

async function asTheCliDoes(file: string): Promise<void> {
  validateSheets(await readWorkbookFile(file));
}

async function seconds(files: readonly string[], each: (file: string) => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  for (const file of files) await each(file);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

type Each = (file: string) => Promise<void>;

/**
 * Marginal seconds per file of each way of reading, (T(all files) − T(one file)) / (count − 1), T(1) a median over
 * many runs and T(all) over three. The ways are run in turn within each round, so that a machine whose load changes
 * during the benchmark (this one is shared) weighs on all of them alike.
 */
async function marginals(files: readonly string[], ways: readonly Each[]): Promise<number[]> {
  for (const each of ways) await seconds(files.slice(0, 50), each);
  const one = ways.map(() => [] as number[]);
  const all = ways.map(() => [] as number[]);
  for (let run = 0; run < 21; run++) {
    for (const [index, each] of ways.entries())
      one[index]!.push(await seconds([files[run % files.length]!], each));
  }
  for (let run = 0; run < 3; run++) {
    for (const [index, each] of ways.entries()) all[index]!.push(await seconds(files, each));
  }
  return ways.map((_, index) => (median(all[index]!) - median(one[index]!)) / (files.length - 1));
}

/**
 * reader_floor_ratio: the marginal time per file of reading and validating it as `validate` does, over the marginal
 * time of the floor (read, list the directory, inflate the needed parts), over 1,000 distinct files. Goal ≤ 6.
 */
export async function benchReader(
  count = 1000,
): Promise<{ ratio: number; readerMs: number; floorMs: number }> {
  const dir = await mkdtemp(join(tmpdir(), "cchc-bench-reader-"));
  try {
    const files = await departmentFiles(dir, count);
    const [floorSeconds = NaN, readerSeconds = NaN] = await marginals(files, [floor, asTheCliDoes]);
    return {
      ratio: Number((readerSeconds / floorSeconds).toFixed(2)),
      readerMs: Number((readerSeconds * 1000).toFixed(3)),
      floorMs: Number((floorSeconds * 1000).toFixed(3)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
