// Run by bench-consolidate.ts in a process of its own, so that its peak memory is the consolidation's alone:
//   node bench-consolidate-child.js run SUMMARY.xlsx FILE...   → {"seconds", "peakMb"}
//   node --expose-gc bench-consolidate-child.js retained FILE... → {"retainedKbPerUnit"}
// Prints one JSON line on stdout.
import { basename } from "node:path";
import { consolidateCommand } from "../src/cli/consolidate";
import { readWorkbookFile } from "../src/cli/xlsx/read";
import { registerBothLanguages } from "../src/domain/messages/both";
import { Consolidator, readUnits } from "../src/workflows/consolidate";

// The consolidation writes its texts in both languages, as the CLI does.
registerBothLanguages();

const QUIET = { out: () => undefined, err: () => undefined };

async function run(summary: string, files: string[]): Promise<void> {
  const start = process.hrtime.bigint();
  const code = await consolidateCommand([...files, "-o", summary], QUIET);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (code === 2) throw new Error("the consolidation could not read its files");
  // maxRSS is in kilobytes.
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, peakMb }));
}

/** Heap the consolidator keeps per unit added, garbage collected before and after: what a unit costs to hold. */
async function retained(files: string[]): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  const consolidator = new Consolidator({ roles: new Map() });
  // The first file warms the caches every later unit shares (the catalogue's plan, the reader's tables).
  const [first, ...rest] = files;
  for (const unit of readUnits(await readWorkbookFile(first!), basename(first!)).units)
    consolidator.add(unit);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (const file of rest) {
    for (const unit of readUnits(await readWorkbookFile(file), basename(file)).units) consolidator.add(unit);
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  if (consolidator.size !== files.length)
    throw new Error(`${consolidator.size} units of ${files.length} files`);
  console.log(JSON.stringify({ retainedKbPerUnit: (after - before) / 1024 / rest.length }));
}

const [mode, ...rest] = process.argv.slice(2);
(mode === "run" ? run(rest[0]!, rest.slice(1)) : retained(rest)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
