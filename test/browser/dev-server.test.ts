// `npm start` as a newcomer on Linux meets it: scripts/start.js itself, run on a free port without opening a browser,
// serves the preview from webpack's development build, and the pane works there under the pages' own policy. The
// other browser tests use the production build; this one is what catches a development-only breakage (issue 10: an
// eval source map the policy refuses left the page blank).
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { get } from "node:http";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { projectRoot } from "../../scripts/bench-bundle";
import {
  BALANCE,
  CHECK,
  cell,
  finding,
  HS_1_2,
  launchChromium,
  openPreview,
  selectionIs,
  troubleOf,
  verdictSays,
} from "./pane";

const ROOT = projectRoot(__dirname);

let server: ChildProcess;
let output = "";
let base: string;
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once the server answers / with a page (webpack's dev middleware holds requests until it has compiled). */
function serving(url: string, child: ChildProcess, deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null)
        return reject(new Error(`npm start exited (${child.exitCode}):\n${output}`));
      const request = get(url, { timeout: 120_000 }, (response) => {
        response.resume();
        if (response.statusCode === 200) resolve();
        else reject(new Error(`${url} answered ${response.statusCode}:\n${output}`));
      });
      request.on("error", () => {
        if (Date.now() > deadline) reject(new Error(`${url} never answered:\n${output}`));
        else setTimeout(attempt, 500);
      });
    };
    attempt();
  });
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}/`;
  // Its own process group, so that afterAll ends webpack's server with it.
  server = spawn(process.execPath, [join(ROOT, "scripts/start.js"), "--no-open"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  await serving(`http://127.0.0.1:${port}/`, server, Date.now() + 240_000);
  console.log(`npm start's development server answered after ${Date.now() - started} ms`);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    process.kill(-server.pid, "SIGTERM");
    await exited;
  }
});

describe("npm start on a machine without Excel", () => {
  it("serves the preview in development mode, where the pane checks the sample with no page error and no policy violation", async () => {
    const page = await openPreview(browser, base);
    await page.getByRole("button", { name: CHECK }).click();
    await verdictSays(page, "2 lỗi, 1 cảnh báo");
    await finding(page, BALANCE).click();
    await selectionIs(page, HS_1_2);
    await expect(cell(page, HS_1_2).getAttribute("data-mark")).resolves.toBe("error");
    expect(troubleOf(page)).toEqual({ errors: [], violations: [] });
    // The development build, not a production one: webpack's dev server injects its live-reload client.
    const scripts = await page.evaluate(() => Array.from(document.scripts, (script) => script.src));
    expect(scripts.some((src) => /\/preview\.js$/.test(src))).toBe(true);
    // The pane's Excel code runs through the Excel library of node_modules, served by the preview's build.
    expect(scripts.slice(0, 2).map((src) => new URL(src).pathname)).toEqual([
      "/native-bridge.js",
      "/excel-web-16.00.js",
    ]);
    await page.close();
  });
});
