// The CLI's start-up (issue 16): `cchc-appendix --help` and `cchc-appendix validate` of one file, each spawned as a
// user runs it, from the process starting to its end. node's own start (`node -e 0`) is printed beside them.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { SEED_VALUES } from "../test/helpers/seed";
import { filledTemplate } from "../test/helpers/xlsx";
import { projectRoot } from "./bench-bundle";

const run = promisify(execFile);

/**
 * The environment the command is spawned with: this one without NODE_EXTRA_CA_CERTS, which this machine sets and
 * which makes node parse a certificate bundle (about 60 ms) before any code runs; the tool opens no connection.
 */
function environment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function spawnedMs(args: string[]): Promise<number> {
  const start = process.hrtime.bigint();
  // validate exits 1 for the seed's error findings: that is its answer, not a failure of the benchmark.
  await run(process.execPath, args, { env: environment() }).catch((error: { code?: unknown }) => {
    if (error.code !== 1) throw error;
  });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median ms over `times` spawns, after one that warms the file system's cache. */
async function medianMs(args: string[], times: number): Promise<number> {
  await spawnedMs(args);
  const all: number[] = [];
  for (let at = 0; at < times; at++) all.push(await spawnedMs(args));
  return median(all);
}

/** Start-up figures in ms, each the median of three rounds of a median over five spawns. */
export async function benchCliStart(): Promise<{ help: number; validate: number; node: number }> {
  const bin = join(projectRoot(), "bin", "cchc-appendix.js");
  const dir = await mkdtemp(join(tmpdir(), "cchc-bench-start-"));
  try {
    const file = join(dir, "so-tttt.xlsx");
    await writeFile(file, await filledTemplate(SEED_VALUES));
    const help: number[] = [];
    const validate: number[] = [];
    const node: number[] = [];
    for (let round = 0; round < 3; round++) {
      node.push(await medianMs(["-e", "0"], 5));
      help.push(await medianMs([bin, "--help"], 5));
      validate.push(await medianMs([bin, "validate", file], 5));
    }
    const round = (value: number) => Number(value.toFixed(1));
    return { help: round(median(help)), validate: round(median(validate)), node: round(median(node)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
