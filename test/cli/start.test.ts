import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { main as Main } from "../../src/cli/main";

// The command starts in about the time node itself takes (issue 16): `--help` and `validate` never load exceljs
// (about 600 modules, a third of a second) or zod; only writing a workbook loads exceljs. Each case runs in a fresh
// module registry, where the factories below note what is loaded.

// On globalThis: the factories run as soon as a helper imports exceljs, before this file's own variables exist.
interface Recorder {
  cchcStartRecording?: Set<string>;
}
const recorder = globalThis as Recorder;
jest.mock("exceljs", () => {
  (globalThis as Recorder).cchcStartRecording?.add("exceljs");
  return jest.requireActual("exceljs");
});
jest.mock("zod", () => {
  (globalThis as Recorder).cchcStartRecording?.add("zod");
  return jest.requireActual("zod");
});

const QUIET = { out: () => undefined, err: () => undefined };
let dir = "";
let appendix = "";

// The appendix is written in a registry of its own too: exceljs loaded here must not stand in the cases' way.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cchc-start-"));
  appendix = join(dir, "so-tttt.xlsx");
  await jest.isolateModulesAsync(async () => {
    const { SEED_VALUES } = await import("../helpers/seed");
    const { filledTemplate } = await import("../helpers/xlsx");
    await writeFile(appendix, await filledTemplate(SEED_VALUES));
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function loadedBy(run: (main: typeof Main) => Promise<void>) {
  const loaded = new Set<string>();
  recorder.cchcStartRecording = loaded;
  try {
    await jest.isolateModulesAsync(async () => {
      const { main } = await import("../../src/cli/main");
      await run(main);
    });
  } finally {
    delete recorder.cchcStartRecording;
  }
  return [...loaded].sort();
}

describe("the command line's start", () => {
  it("answers --help and validates a file without loading exceljs or zod", async () => {
    const codes: number[] = [];
    const loaded = await loadedBy(async (main) => {
      codes.push(await main(["--help"], QUIET));
      codes.push(await main(["validate", appendix], QUIET));
    });
    expect(codes).toEqual([0, 1]);
    expect(loaded).toEqual([]);
  });

  it("loads exceljs to write a workbook, and zod to check a JSON report", async () => {
    const codes: number[] = [];
    const loaded = await loadedBy(async (main) => {
      codes.push(await main(["template", "-o", join(dir, "mau.xlsx")], QUIET));
      codes.push(await main(["validate", appendix, "--format", "json"], QUIET));
    });
    expect(codes).toEqual([0, 1]);
    expect(loaded).toEqual(["exceljs", "zod"]);
  });
});
