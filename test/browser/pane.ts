// What the browser tests share: Debian's Chromium launched with DESIGN.md section 7's flags, and the pane's
// controls found as a user finds them (by their text), whichever server the preview comes from.
import { readFile } from "node:fs/promises";
import type { Server } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { chromium } from "playwright-core";

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

/** The pane's main button, in Vietnamese. */
export const CHECK = "Kiểm tra trước khi nộp";
/** The seed's cells: HS.1.1 and HS.1.2 (source block). */
export const HS_1_1 = "D119";
export const HS_1_2 = "D120";
/** The sample's balance finding: HS.1 (44) is not HS.1.1 (0) + HS.1.2 (0). */
export const BALANCE = /\(44\) khác Số kỳ trước chuyển qua \(0\) \+ Số mới tiếp nhận \(0\)/;

const TYPES: Readonly<Record<string, string>> = {
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/** A static server of a built folder on a free loopback port, as the preview's build is served. */
export function serveFolder(folder: string): Promise<Server> {
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

/** An axe violation, summarised in the page. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly nodes: readonly string[];
}

/**
 * The serious and critical axe violations of a page as it is now. axe is injected as an inline script, which the
 * pages' own policy rightly refuses: the page must have been opened with `bypassCSP`.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  // Only violations, summarised in the page: the full results of every passing node take seconds to serialise.
  const violations = await page.evaluate(async () => {
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
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/** Headless Chromium from /usr/bin/chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** What went wrong on a page since it was opened: uncaught errors, and every Content-Security-Policy violation. */
/** A built folder served on a loopback port, and Chromium to open it: where every browser test of a build starts. */
export interface ServedBuild {
  /** The folder's address, ending in "/". */
  readonly base: string;
  readonly browser: Browser;
  /** Closes the browser and the server. */
  close(): Promise<void>;
}

/** Serves `folder` and launches Chromium. */
export async function serveInChromium(folder: string): Promise<ServedBuild> {
  const server = await serveFolder(folder);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium().catch(async (error: unknown) => {
    await new Promise((resolve) => server.close(resolve));
    throw error;
  });
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface PageTrouble {
  readonly errors: string[];
  readonly violations: string[];
}

const troubles = new WeakMap<Page, PageTrouble>();

/** The errors and policy violations of a page opened by openPreview, so far. */
export function troubleOf(page: Page): PageTrouble {
  const trouble = troubles.get(page);
  if (!trouble) throw new Error("Only pages opened by openPreview are watched");
  return trouble;
}

async function watch(page: Page): Promise<void> {
  const trouble: PageTrouble = { errors: [], violations: [] };
  troubles.set(page, trouble);
  page.on("pageerror", (error) => trouble.errors.push(error.message));
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) trouble.violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Refused to: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
}

/**
 * Opens the preview at `url` and waits for the pane's check button; fails with the page's errors if it has any.
 * `bypassCSP` is for tests that inject scripts of their own (axe).
 */
export async function openPreview(
  browser: Browser,
  url: string,
  options: { bypassCSP?: boolean; width?: number } = {},
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1360, height: 900 },
    ...(options.bypassCSP ? { bypassCSP: true } : {}),
  });
  await watch(page);
  await page.goto(url);
  const ready = page.getByRole("button", { name: /Kiểm tra trước khi nộp|Check before submitting/ });
  // A page that fails to run never shows the button: say why instead of timing out in silence.
  await ready.waitFor({ timeout: 15_000 }).catch((error: Error) => {
    throw new Error([error.message, ...troubleOf(page).errors, ...troubleOf(page).violations].join("\n"));
  });
  const { errors } = troubleOf(page);
  if (errors.length) throw new Error(errors.join("\n"));
  return page;
}

/** Waits until the verdict says `text`, within `timeout` ms (generous: the machine may be loaded; speed is the bench's). */
export async function verdictSays(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (wanted) => document.querySelector('[data-testid="verdict"]')?.textContent?.includes(wanted) ?? false,
    text,
    { timeout },
  );
}

/** The button of the finding whose text matches. */
export function finding(page: Page, text: RegExp): Locator {
  return page.locator("li").filter({ hasText: text }).locator("button").first();
}

/** The grid's cell at an address of the active sheet. */
export function cell(page: Page, address: string): Locator {
  return page.locator(`td[data-address="${address}"]`);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector` and holds `text`; fails after `limit`
 * presses, so that a broken focus order shows as a failure rather than a hang.
 */
export async function tabTo(
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

/**
 * Waits until the name box shows `address`: a finding selects its cell through Excel.run, one round trip to the
 * emulator, as it takes one to Excel.
 */
export async function selectionIs(page: Page, address: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (wanted) => document.querySelector('[data-testid="name-box"]')?.textContent === wanted,
    address,
    { timeout },
  );
}
