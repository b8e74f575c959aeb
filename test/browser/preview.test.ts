// The preview in headless Chromium, clicked like a user (DESIGN.md section 7): the production build of both pages is
// made once with webpack's Node API, served by a static server on a free loopback port, and driven with
// playwright-core and Debian's Chromium. The same build gives the task pane's bundle figures.
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { chromium } from "playwright-core";
import type { Stats } from "webpack";
import { buildWeb, initialFiles, initialPackages, kilobytes, projectRoot } from "../../scripts/bench-bundle";

const ROOT = projectRoot(__dirname);
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};
const CHECK = "Kiểm tra trước khi nộp";
// The seed's cells: HS.1.1 and HS.1.2 (source block), DV.4.1.
const HS_1_1 = "D119";
const HS_1_2 = "D120";

let output: string;
let stats: Stats;
let server: Server;
let base: string;
let browser: Browser;

function serve(folder: string): Promise<Server> {
  const served = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    const file = join(folder, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(folder)) return void response.writeHead(403).end();
    readFile(file).then(
      (content) => {
        response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
        response.end(content);
      },
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => served.listen(0, "127.0.0.1", () => resolve(served)));
}

beforeAll(async () => {
  output = await mkdtemp(join(tmpdir(), "cchc-web-"));
  const started = Date.now();
  stats = await buildWeb(output);
  console.log(`production build of the task pane and the preview: ${Date.now() - started} ms`);
  server = await serve(output);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (output) await rm(output, { recursive: true, force: true });
});

async function open(query = "", options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, ...options });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${base}${query}`);
  await page.getByRole("button", { name: /Kiểm tra trước khi nộp|Check before submitting/ }).waitFor();
  if (errors.length) throw new Error(errors.join("\n"));
  return page;
}

/** Waits until the verdict says `text`, within `timeout` ms, and returns how long it took. */
async function verdictSays(page: Page, text: string, timeout = 5_000): Promise<number> {
  const start = Date.now();
  await page.waitForFunction(
    (wanted) => document.querySelector('[data-testid="verdict"]')?.textContent?.includes(wanted) ?? false,
    text,
    { timeout },
  );
  return Date.now() - start;
}

function finding(page: Page, text: RegExp): Locator {
  return page.locator("li").filter({ hasText: text }).locator("button").first();
}

function cell(page: Page, address: string): Locator {
  return page.locator(`td[data-address="${address}"]`);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector` and holds `text`; fails after `limit`
 * presses, so that a broken focus order shows as a failure rather than a hang.
 */
async function tabTo(
  page: Page,
  target: { selector?: string; text?: string },
  options: { back?: boolean; limit?: number } = {},
): Promise<void> {
  const wanted = { selector: target.selector ?? "button", text: target.text ?? "" };
  for (let i = 0; i < (options.limit ?? 60); i++) {
    const found = await page.evaluate(({ selector, text }) => {
      const active = document.activeElement;
      return Boolean(
        active && active !== document.body && active.matches(selector) && active.textContent?.includes(text),
      );
    }, wanted);
    if (found) return;
    await page.keyboard.press(options.back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${JSON.stringify(wanted)}`);
}

describe("the task pane's bundle", () => {
  it("loads at most 200 KB of gzipped JavaScript up front, and never exceljs", async () => {
    const files = await initialFiles(stats, output, "taskpane");
    const gzip = kilobytes(files.reduce((total, file) => total + file.gzipBytes, 0));
    expect(gzip).toBeLessThanOrEqual(200);
    const packages = initialPackages(stats, "taskpane");
    expect(packages.has("react-dom")).toBe(true);
    expect(packages.has("exceljs")).toBe(false);
    const html = await readFile(join(output, "taskpane.html"), "utf8");
    expect(html).toMatch(
      /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/,
    );
  });
});

describe("the preview, by mouse", () => {
  it("checks the sample, selects the suspect, fixes both errors, and checks an edit again within a second", async () => {
    const page = await open();
    await page.getByRole("button", { name: CHECK }).click();
    await verdictSays(page, "2 lỗi, 1 cảnh báo");
    const balance = finding(page, /\(44\) khác Số kỳ trước chuyển qua \(0\) \+ Số mới tiếp nhận \(0\)/);
    await balance.waitFor();
    await expect(cell(page, HS_1_2).getAttribute("data-mark")).resolves.toBe("error");

    await balance.click();
    await expect(cell(page, HS_1_2).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.getByTestId("name-box").textContent()).resolves.toBe(HS_1_2);

    await page.getByRole("button", { name: "Sửa thành 44" }).first().click();
    await verdictSays(page, "1 lỗi");
    await expect(cell(page, HS_1_2).textContent()).resolves.toBe("44");
    await page.getByRole("button", { name: "Sửa thành 1.936" }).click();
    await verdictSays(page, "Sẵn sàng nộp");
    await expect(page.getByTestId("stamp").textContent()).resolves.toMatch(/^Đã kiểm tra lúc/);

    await cell(page, HS_1_1).click();
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    const took = await verdictSays(page, "1 lỗi", 1_000);
    expect(took).toBeLessThan(1_000);
    await expect(page.getByTestId("stamp").textContent()).resolves.toMatch(/^Số liệu đã thay đổi/);
    // The live check marks but never moves the selection: Enter moved it one row down, and there it stays.
    await expect(page.getByTestId("name-box").textContent()).resolves.toBe(HS_1_2);
    await page.close();
  });
});

describe("the Content-Security-Policy", () => {
  it("is declared on both pages without 'unsafe-eval', and the pane works under it with no violation", async () => {
    for (const page of ["index.html", "taskpane.html"]) {
      const html = await readFile(join(output, page), "utf8");
      // The production build drops the quotes around attribute values that need none.
      const policy = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1];
      expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      expect(policy).not.toContain("unsafe-eval");
    }
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        console.error(`Refused to: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await page.goto(base);
    await page.getByRole("button", { name: CHECK }).click();
    await verdictSays(page, "2 lỗi, 1 cảnh báo");
    await page.getByRole("button", { name: "Sửa thành 1.936" }).click();
    await verdictSays(page, "1 lỗi");
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe("the preview, by keyboard only", () => {
  it("goes the same path without a mouse", async () => {
    const page = await open();
    await tabTo(page, { text: CHECK });
    await page.keyboard.press("Enter");
    await verdictSays(page, "2 lỗi, 1 cảnh báo");

    await tabTo(page, { text: "(44) khác Số kỳ trước chuyển qua (0)" });
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("name-box").textContent()).resolves.toBe(HS_1_2);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Sửa thành 44");
    await page.keyboard.press("Enter");
    await verdictSays(page, "1 lỗi");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe(
      "verdict",
    );

    await tabTo(page, { text: "Sửa thành 1.936" });
    await page.keyboard.press("Enter");
    await verdictSays(page, "Sẵn sàng nộp");

    // Back into the sheet: the selected cell is the grid's one tab stop; arrows move, typing edits, Enter commits.
    await tabTo(page, { selector: 'td[role="gridcell"]' }, { back: true, limit: 80 });
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-address"))).resolves.toBe(
      HS_1_2,
    );
    await page.keyboard.press("ArrowUp");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-address"))).resolves.toBe(
      HS_1_1,
    );
    await page.keyboard.type("7");
    await page.keyboard.press("Enter");
    expect(await verdictSays(page, "1 lỗi", 1_000)).toBeLessThan(1_000);
    await page.close();
  });
});

describe("accessibility and screenshots", () => {
  async function axeViolations(page: Page) {
    await page.addScriptTag({ path: join(ROOT, "node_modules/axe-core/axe.min.js") });
    // Only violations, summarised in the page: the full results of every passing node take seconds to serialise.
    return page.evaluate(async () => {
      interface Violation {
        id: string;
        impact?: string;
        nodes: { target: unknown[] }[];
      }
      const axe = (
        window as unknown as {
          axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> };
        }
      ).axe;
      const results = await axe.run(document, { resultTypes: ["violations"] });
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? "",
        nodes: violation.nodes.map((node) => node.target.map(String).join(" ")).slice(0, 3),
      }));
    });
  }

  it.each([
    ["vi", "", CHECK, "2 lỗi, 1 cảnh báo", "pane-vi.png"],
    ["en", "?lang=en", "Check before submitting", "2 errors, 1 warning", "pane-en.png"],
  ])(
    "finds no serious or critical axe violation (%s), and shoots the pane",
    async (_, query, button, verdict, file) => {
      // axe is injected as an inline script, which the pages' own policy rightly refuses.
      const page = await open(query, { bypassCSP: true });
      const serious = (violations: Awaited<ReturnType<typeof axeViolations>>) =>
        violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
      expect(serious(await axeViolations(page))).toEqual([]);
      await page.getByRole("button", { name: button }).click();
      await verdictSays(page, verdict);
      expect(serious(await axeViolations(page))).toEqual([]);
      await page.setViewportSize({ width: 1360, height: 1150 });
      // README's screenshots are rewritten only on request (`npm run docs:pictures`).
      const folder = process.env.UPDATE_DOCS ? join(ROOT, "docs/screenshots") : join(output, "screenshots");
      await mkdir(folder, { recursive: true });
      await page.locator(".pane").screenshot({ path: join(folder, file) });
      await page.close();
    },
  );
});
