import { execFile } from "node:child_process";
import { cpSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { SEED_VALUES } from "../helpers/seed";
import { filledTemplate, useTempDir } from "../helpers/xlsx";

// The installed command, as `npx cchc-appendix` runs it after `npm ci`: bin/cchc-appendix.js over the build that
// `prepare` makes, tsc's dist/ and the bundle with its code cache. Built here first so the test never runs a stale
// dist/.
const run = promisify(execFile);
const ROOT = join(__dirname, "../..");

describe("the cchc-appendix command", () => {
  const temp = useTempDir("cchc-bin-");

  beforeAll(async () => {
    await run(
      process.execPath,
      [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: ROOT,
      },
    );
    await run(process.execPath, [join(ROOT, "scripts/build-cli.js")], { cwd: ROOT });
  }, 240_000);

  it("validates from the bundle, every file of it that validating loads compiled from the code cache the build made", async () => {
    const file = await temp.write("seed-cache.xlsx", await filledTemplate(SEED_VALUES));
    const probe = `
      const { exports, scripts } = require("./bin/load-bundle.js").loadBundle();
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = () => true;
      exports.run(["validate", ${JSON.stringify(file)}]).then((code) => {
        write(JSON.stringify({ code, rejected: scripts().map(({ script }) => script.cachedDataRejected) }));
      });`;
    const { stdout } = await run(process.execPath, ["-e", probe], { cwd: ROOT });
    const { code, rejected } = JSON.parse(stdout) as { code: number; rejected: unknown[] };
    expect(code).toBe(1);
    // The entry, main's chunk and validate's, at least.
    expect(rejected.length).toBeGreaterThanOrEqual(3);
    expect(rejected).toEqual(rejected.map(() => false));
  });

  it("compiles a file of the bundle rebuilt after its code cache without that cache", async () => {
    const copy = temp.path("cli-bundle");
    cpSync(join(ROOT, "dist/cli-bundle"), copy, { recursive: true, preserveTimestamps: true });
    const entry = join(copy, "cchc-appendix.js");
    const probe = `
      const { scripts } = require("./bin/load-bundle.js").loadBundle(${JSON.stringify(entry)});
      process.stdout.write(JSON.stringify(scripts().map(({ script }) => script.cachedDataRejected ?? "none")));`;
    const cacheUsed = async () =>
      JSON.parse((await run(process.execPath, ["-e", probe], { cwd: ROOT })).stdout);
    expect(await cacheUsed()).toEqual([false]);
    const later = new Date(statSync(`${entry}.cache`).mtimeMs + 1000);
    utimesSync(entry, later, later);
    expect(await cacheUsed()).toEqual(["none"]);
  });

  it("validates a file with the exit code of its findings and prints in Vietnamese", async () => {
    const file = await temp.write("seed.xlsx", await filledTemplate(SEED_VALUES));
    const failure = await run(process.execPath, [join(ROOT, "bin/cchc-appendix.js"), "validate", file]).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect("code" in failure && failure.code).toBe(1);
    expect(failure.stdout).toContain("CHƯA SẴN SÀNG: 2 lỗi, 1 cảnh báo");
  });

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, [join(ROOT, "bin/cchc-appendix.js"), ...args], {
      env: { ...process.env, CCHC_DEBUG: "", ...env },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it("prints its help and each command's, Vietnamese then English", async () => {
    const general = await cli(["--help"]);
    expect(general.code).toBe(0);
    expect(general.stdout.indexOf("Cách dùng: cchc-appendix consolidate")).toBeLessThan(
      general.stdout.indexOf("Usage: cchc-appendix consolidate"),
    );
    for (const command of ["template", "validate", "consolidate"]) {
      const help = await cli([command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: cchc-appendix ${command}`);
    }
  });

  it("answers the inputs that crashed it with a message, exit 2 or 0, and no stack trace", async () => {
    const period = await cli(["template", "-o", temp.path("quy-3.xlsx"), "--period", "Quý III/2021"]);
    expect(period.code).toBe(0);
    expect(period.stdout).toContain("Quý III/2021");
    const folder = await cli(["template", "-o", temp.path("")]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("là một thư mục");
    for (const { stderr } of [period, folder]) expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("names the sources (src/…) in the stack trace of an unexpected failure under CCHC_DEBUG=1, by the bundle's source maps", async () => {
    const file = await temp.write("seed-debug.xlsx", await filledTemplate(SEED_VALUES));
    // A failure no input provokes: JSON.stringify broken before the command starts, so that writing the report fails.
    const broken = await temp.write(
      "broken-stringify.js",
      'JSON.stringify = () => { throw new Error("stringify broken on purpose"); };\n',
    );
    const spawn = (debug: string) =>
      run(
        process.execPath,
        ["-r", broken, join(ROOT, "bin/cchc-appendix.js"), "validate", file, "--format", "json"],
        {
          env: { ...process.env, CCHC_DEBUG: debug },
        },
      ).catch((error: { code: number; stderr: string }) => error);
    const debug = await spawn("1");
    expect("code" in debug && debug.code).toBe(2);
    expect(debug.stderr).toContain("stringify broken on purpose");
    const frames = debug.stderr.split("\n").filter((line) => /^\s+at /.test(line));
    expect(frames.join("\n")).toMatch(
      new RegExp(
        `validateCommand \\(${join(ROOT, "src", "cli", "validate.ts").replace(/[.\\/]/g, "\\$&")}:\\d+:\\d+\\)`,
      ),
    );
    expect(frames.filter((line) => line.includes("cli-bundle"))).toEqual([]);
    const plain = await spawn("");
    expect("code" in plain && plain.code).toBe(2);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
  });

  it("stops quietly when its reader closes the pipe early", async () => {
    const file = await temp.write("seed-pipe.xlsx", await filledTemplate(SEED_VALUES));
    // Twelve reports make a JSON document larger than a pipe's buffer: the write is still going when head exits.
    const files = Array.from({ length: 12 }, () => `"${file}"`).join(" ");
    const script = `"${process.execPath}" "${join(ROOT, "bin/cchc-appendix.js")}" validate ${files} --format json | head -c 10`;
    const { stdout, stderr } = await run("sh", ["-c", script]);
    expect(stdout).toHaveLength(10);
    expect(stderr).toBe("");
  });
});
