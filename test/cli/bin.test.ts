import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { SEED_VALUES } from "../helpers/seed";
import { filledTemplate, useTempDir } from "../helpers/xlsx";

// The installed command, as `npx cchc-appendix` runs it after `npm ci`: bin/cchc-appendix.js over the build that
// `prepare` makes. Built here first so the test never runs a stale dist/.
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
  }, 120_000);

  it("validates a file with the exit code of its findings and prints in Vietnamese", async () => {
    const file = await temp.write("seed.xlsx", await filledTemplate(SEED_VALUES));
    const failure = await run(process.execPath, [join(ROOT, "bin/cchc-appendix.js"), "validate", file]).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect("code" in failure && failure.code).toBe(1);
    expect(failure.stdout).toContain("CHƯA SẴN SÀNG: 2 lỗi, 1 cảnh báo");
  });

  it("prints its usage in both languages", async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, "bin/cchc-appendix.js"), "--help"]);
    expect(stdout).toContain("Cách dùng / Usage:");
    expect(stdout).toContain("consolidate");
  });
});
