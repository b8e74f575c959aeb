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

/** The wall time of one spawn, and its processor time (user + system) as /usr/bin/time reports it. */
async function spawned(args: string[]): Promise<{ wall: number; cpu: number }> {
  const start = process.hrtime.bigint();
  // validate exits 1 for the seed's error findings: that is its answer, not a failure of the benchmark.
  const { stderr } = await run("/usr/bin/time", ["-f", "cpu %U %S", process.execPath, ...args], {
    env: environment(),
  }).catch((error: { code?: unknown; stderr?: string }) => {
    if (error.code !== 1) throw error;
    return { stderr: error.stderr ?? "" };
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const times = /cpu (\d+\.\d+) (\d+\.\d+)\s*$/.exec(stderr);
  return { wall, cpu: times ? (Number(times[1]) + Number(times[2])) * 1000 : NaN };
}

/** Median wall and processor ms over `times` spawns, after one that warms the file system's cache. */
async function medianMs(args: string[], times: number): Promise<{ wall: number; cpu: number }> {
  await spawned(args);
  const all: { wall: number; cpu: number }[] = [];
  for (let at = 0; at < times; at++) all.push(await spawned(args));
  return { wall: median(all.map((one) => one.wall)), cpu: median(all.map((one) => one.cpu)) };
}

/**
 * Start-up figures in ms, each the median of three rounds of a median over five spawns: wall time as a user waits
 * it, and processor time (user + system), which a machine busy with other work changes less.
 */
export async function benchCliStart(): Promise<{
  help: number;
  validate: number;
  node: number;
  helpCpu: number;
  validateCpu: number;
  nodeCpu: number;
}> {
  const bin = join(projectRoot(), "bin", "cchc-appendix.js");
  const dir = await mkdtemp(join(tmpdir(), "cchc-bench-start-"));
  try {
    const file = join(dir, "so-tttt.xlsx");
    await writeFile(file, await filledTemplate(SEED_VALUES));
    const rounds = { help: [] as number[], validate: [] as number[], node: [] as number[] };
    const cpu = { help: [] as number[], validate: [] as number[], node: [] as number[] };
    const commands = { node: ["-e", "0"], help: [bin, "--help"], validate: [bin, "validate", file] };
    for (let round = 0; round < 3; round++) {
      for (const name of ["node", "help", "validate"] as const) {
        const measured = await medianMs(commands[name], 5);
        rounds[name].push(measured.wall);
        cpu[name].push(measured.cpu);
      }
    }
    const figure = (values: number[]) => Number(median(values).toFixed(1));
    return {
      help: figure(rounds.help),
      validate: figure(rounds.validate),
      node: figure(rounds.node),
      helpCpu: figure(cpu.help),
      validateCpu: figure(cpu.validate),
      nodeCpu: figure(cpu.node),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
