// The task pane alone, as Excel loads it (issue 16): the add-in's production taskpane.html, with the Office.js it
// names answered by a stand-in (scripts/bench-pane-office.ts: the real Excel client library over the emulator,
// holding the preview's sample appendix), in Debian's headless Chromium with the CPU slowed 4× through CDP. It
// measures every JavaScript byte of the pane fetched before the open sheet's first verdict (gzipped), the time to
// that verdict painted, and a Validate click to its findings painted; the stand-in's own start, the time inside the
// host bridge and the Excel library's carrying of each request across it are Excel's, and are taken out.
// `npm run bench -- --only pane` prints them.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { createInterface } from "node:readline";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import type { Configuration, Stats } from "webpack";
import { SAMPLE_SHEET } from "../src/preview/sample";
import { CHECK, serveInChromium } from "../test/browser/pane";
import { buildWeb, kilobytes, projectRoot } from "./bench-bundle";
import { loadExcelLibraryIntoNode } from "./excel-library";

/** The pane's figures of one bench process, each the median of its runs. */
export interface PaneFigures {
  readonly initialJsGzipKb: number;
  readonly firstVerdictMs: number;
  readonly clickMs: number;
  /** The same, without taking out the stand-in's start, the bridge and the library: what the page took in all. */
  readonly firstVerdictRawMs: number;
  readonly clickRawMs: number;
  /** What of them the Excel library took carrying the requests (taken out of the figures above). */
  readonly firstVerdictLibraryMs: number;
  readonly clickLibraryMs: number;
}

const CPU_SLOWDOWN = 4;
const CLICKS_PER_RUN = 5;
const OFFICE_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

type Webpack = (config: Configuration, callback: (error: Error | null, stats?: Stats) => void) => void;

/** The stand-in for Office.js, bundled on its own (never part of the add-in's build). */
async function buildStandIn(outputPath: string): Promise<string> {
  const root = projectRoot();
  const webpack = createRequire(join(root, "package.json"))("webpack") as Webpack;
  const config: Configuration = {
    mode: "production",
    context: root,
    target: "web",
    entry: { office: "./scripts/bench-pane-office.ts" },
    output: { path: outputPath, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: join(root, "tsconfig.json"),
              transpileOnly: true,
              compilerOptions: { module: "esnext", target: "es2020" },
            },
          },
        },
      ],
    },
    devtool: false,
    performance: { hints: false },
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve();
    }),
  );
  return readFile(join(outputPath, "office.js"), "utf8");
}

/** The preview's sample workbook as the emulator holds it, written by the add-in's own install through the library. */
async function sampleData(): Promise<string> {
  loadExcelLibraryIntoNode();
  const { sampleWorkbook } = await import("../test/helpers/workbook");
  const book = await sampleWorkbook();
  return JSON.stringify(book.excel.data);
}

/** What the page's watcher (added before any script) records. */
interface Watched {
  /** performance.now() once the open sheet's verdict has been painted. */
  firstVerdict?: number;
  /** Bridge and library milliseconds and the stand-in's start at that moment. */
  bridgeAtVerdict?: number;
  libraryAtVerdict?: number;
  officeMs?: number;
  /** Script resources fetched before the verdict appeared. */
  scripts?: string[];
}

interface WatchedWindow {
  __paneWatch: Watched;
  __paneBench?: { officeMs: number; bridgeMs: number; requests: number; libraryMs: number };
}

/**
 * What the watcher writes to the console once the first verdict is painted. The bench waits for it instead of
 * polling the page: Playwright's first evaluation in a page injects its own script, which at 4× took 80–100 ms of
 * the page's main thread in the middle of the load it measures.
 */
export const VERDICT_MARK = "cchc-pane-bench: first verdict";

// Runs in the page before its scripts: the first verdict is the header describing the open sheet's appendix (its
// unit, read and validated in the pane's first Excel.run), taken once the frame that shows it has been painted.
function watchFirstVerdict({ unit, mark }: { unit: string; mark: string }): void {
  const page = window as unknown as WatchedWindow;
  const watched: Watched = {};
  page.__paneWatch = watched;
  let seen = false;
  const observer = new MutationObserver(() => {
    if (seen || !document.querySelector("header")?.textContent?.includes(unit)) return;
    seen = true;
    observer.disconnect();
    const appeared = performance.now();
    watched.scripts = performance
      .getEntriesByType("resource")
      .filter((entry) => entry.startTime <= appeared && /\.js(\?|$)/.test(entry.name))
      .map((entry) => entry.name);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        watched.firstVerdict = performance.now();
        watched.bridgeAtVerdict = page.__paneBench?.bridgeMs ?? 0;
        watched.libraryAtVerdict = page.__paneBench?.libraryMs ?? 0;
        watched.officeMs = page.__paneBench?.officeMs ?? 0;
        console.debug(mark);
      };
      channel.port2.postMessage(undefined);
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * Clicks Validate in the page and resolves, once its findings are painted, with [total ms, ms inside the bridge, ms
 * of the library carrying the requests]. It watches the button's busy state alone, and the page's elements only
 * until the verdict is there: an observer of every attribute of the page ran at each of the pane's class changes.
 */
function clickValidate(check: string): Promise<[number, number, number]> {
  const page = window as unknown as WatchedWindow;
  const button = Array.from(document.querySelectorAll("button")).find((candidate) =>
    candidate.textContent?.includes(check),
  );
  if (!button) throw new Error("No Validate button");
  const bridgeBefore = page.__paneBench?.bridgeMs ?? 0;
  const libraryBefore = page.__paneBench?.libraryMs ?? 0;
  return new Promise((resolve) => {
    let wentBusy = false;
    let idle = false;
    const painted = () =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          resolve([
            performance.now() - start,
            (page.__paneBench?.bridgeMs ?? 0) - bridgeBefore,
            (page.__paneBench?.libraryMs ?? 0) - libraryBefore,
          ]);
        channel.port2.postMessage(undefined);
      });
    const verdictShown = () => document.querySelector('[data-testid="verdict"]') !== null;
    const elements = new MutationObserver(() => {
      if (!verdictShown()) return;
      elements.disconnect();
      painted();
    });
    const busyState = new MutationObserver(() => {
      const busy = button.getAttribute("aria-disabled") === "true";
      if (busy) wentBusy = true;
      if (!wentBusy || busy || idle) return;
      idle = true;
      busyState.disconnect();
      if (verdictShown()) painted();
      else elements.observe(document, { childList: true, subtree: true });
    });
    busyState.observe(button, { attributes: true, attributeFilter: ["aria-disabled"] });
    const start = performance.now();
    button.click();
  });
}

/** One fresh load of the pane and its Validate clicks. */
export interface PaneRun {
  readonly initialGzipBytes: number;
  readonly scripts: readonly string[];
  readonly firstVerdictRaw: number;
  readonly firstVerdict: number;
  readonly clicksRaw: readonly number[];
  readonly clicks: readonly number[];
  readonly firstVerdictLibrary: number;
  readonly clicksLibrary: readonly number[];
}

/** Navigates `page` to the pane and resolves once its first verdict is painted, without evaluating in the page. */
export async function loadToFirstVerdict(page: Page, url: string): Promise<void> {
  const verdict = page.waitForEvent("console", {
    predicate: (message) => message.text() === VERDICT_MARK,
    timeout: 60_000,
  });
  await Promise.all([verdict, page.goto(url)]);
}

/** Loads the pane in a fresh page at 4× CPU slowdown, waits for its first verdict, then clicks Validate. */
export async function measurePaneLoad({ newPage, base, gzipOf }: ServedPane): Promise<PaneRun> {
  const page = await newPage();
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await loadToFirstVerdict(page, `${base}taskpane.html`);
    const watched = await page.evaluate(() => (window as unknown as WatchedWindow).__paneWatch);
    const own = (watched.scripts ?? []).filter((url) => url.startsWith(base));
    const initialGzipBytes = own.reduce((total, url) => {
      const size = gzipOf(basename(new URL(url).pathname));
      if (size === undefined) throw new Error(`The pane fetched ${url}, which its build does not hold`);
      return total + size;
    }, 0);
    const firstVerdictRaw = watched.firstVerdict!;
    const firstVerdictLibrary = watched.libraryAtVerdict ?? 0;
    const firstVerdict =
      firstVerdictRaw - (watched.officeMs ?? 0) - (watched.bridgeAtVerdict ?? 0) - firstVerdictLibrary;
    // What loads after the verdict (chunks fetched ahead of a click) has landed before the user clicks.
    await page.waitForTimeout(1_500);
    const clicksRaw: number[] = [];
    const clicks: number[] = [];
    const clicksLibrary: number[] = [];
    for (let click = 0; click < CLICKS_PER_RUN; click++) {
      const [total, bridge, library] = await page.evaluate(clickValidate, CHECK);
      clicksRaw.push(total);
      clicks.push(total - bridge - library);
      clicksLibrary.push(library);
      await page.waitForTimeout(200);
    }
    return {
      initialGzipBytes,
      scripts: own,
      firstVerdictRaw,
      firstVerdict,
      clicksRaw,
      clicks,
      firstVerdictLibrary,
      clicksLibrary,
    };
  } finally {
    await page.context().close();
  }
}

/** The add-in's build served with the stand-in for Office.js: fresh pages of taskpane.html, and its files' sizes. */
export interface ServedPane {
  readonly base: string;
  /** A page in a context of its own (no cache shared with another), the watcher installed, not yet navigated. */
  newPage(): Promise<Page>;
  /** The gzipped size of one of the build's JavaScript files, by name. */
  gzipOf(file: string): number | undefined;
  close(): Promise<void>;
}

/**
 * Builds the add-in (production; unminified only for profiling) and the stand-in, and serves them to Chromium;
 * `built` serves an add-in's build already made instead (scripts/compare-pane.ts), which is left in place.
 */
export async function servePane(options: { minimize?: boolean; built?: string } = {}): Promise<ServedPane> {
  const folder = options.built ?? (await mkdtemp(join(tmpdir(), "cchc-pane-")));
  const standIn = await mkdtemp(join(tmpdir(), "cchc-pane-office-"));
  const removeFolders = async () => {
    if (!options.built) await rm(folder, { recursive: true, force: true });
    await rm(standIn, { recursive: true, force: true });
  };
  try {
    if (!options.built) await buildWeb(folder, { entries: ["taskpane"], minimize: options.minimize ?? true });
    const root = projectRoot();
    const [bridge, library, office, data] = await Promise.all([
      readFile(join(root, "src/preview/native-bridge.js"), "utf8"),
      readFile(require.resolve("@microsoft/office-js/dist/excel-web-16.00.js"), "utf8"),
      buildStandIn(standIn),
      sampleData(),
    ]);
    const officeScript = [
      "globalThis.__PANE_BENCH_START__ = performance.now();",
      `globalThis.__PANE_BENCH_WORKBOOK__ = JSON.parse(${JSON.stringify(data)});`,
      bridge,
      library,
      office,
    ].join("\n");
    const gzipSizes = new Map<string, number>();
    for (const file of await readdir(folder)) {
      if (file.endsWith(".js"))
        gzipSizes.set(file, gzipSync(await readFile(join(folder, file)), { level: 9 }).length);
    }
    const served = await serveInChromium(folder);
    return {
      base: served.base,
      newPage: async () => {
        const context = await served.browser.newContext({ viewport: { width: 400, height: 900 } });
        await context.route(OFFICE_URL, (route) =>
          route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: officeScript }),
        );
        await context.addInitScript(watchFirstVerdict, { unit: SAMPLE_SHEET.unit, mark: VERDICT_MARK });
        return context.newPage();
      },
      gzipOf: (file) => gzipSizes.get(file),
      close: async () => {
        await served.close();
        await removeFolders();
      },
    };
  } catch (error) {
    await removeFolders();
    throw error;
  }
}

/** Measures `runs` fresh loads of the pane served from the build in `folder`, printing each, and their medians. */
export async function measurePaneRuns(folder: string, runs: number): Promise<PaneFigures> {
  const pane = await servePane({ built: folder });
  try {
    const results: PaneRun[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await measurePaneLoad(pane);
      results.push(result);
      console.log(
        `pane run ${run + 1}: ${result.scripts.map((url) => basename(url)).join(", ")}` +
          ` (${kilobytes(result.initialGzipBytes)} KB gzip) before the first verdict;` +
          ` first verdict ${result.firstVerdict.toFixed(0)} ms (${result.firstVerdictRaw.toFixed(0)} ms with Office's` +
          ` start, the bridge and the library, ${result.firstVerdictLibrary.toFixed(0)} ms of it the library's);` +
          ` Validate clicks ${result.clicks.map((ms) => ms.toFixed(0)).join(", ")} ms` +
          ` (${result.clicksRaw.map((ms) => ms.toFixed(0)).join(", ")} with the bridge and the library,` +
          ` ${result.clicksLibrary.map((ms) => ms.toFixed(0)).join(", ")} the library's)`,
      );
    }
    const round = (value: number) => Math.round(value);
    return {
      initialJsGzipKb: kilobytes(median(results.map((result) => result.initialGzipBytes))),
      firstVerdictMs: round(median(results.map((result) => result.firstVerdict))),
      clickMs: round(median(results.map((result) => median(result.clicks)))),
      firstVerdictRawMs: round(median(results.map((result) => result.firstVerdictRaw))),
      clickRawMs: round(median(results.map((result) => median(result.clicksRaw)))),
      firstVerdictLibraryMs: round(median(results.map((result) => result.firstVerdictLibrary))),
      clickLibraryMs: round(median(results.map((result) => median(result.clicksLibrary)))),
    };
  } finally {
    await pane.close();
  }
}

/**
 * Builds the pane, then measures `runs` fresh loads of it, and Validate clicks in each, in a process of its own
 * (bench-pane-child.ts) that serves the pages and drives Chromium. Built in the process that served them (its heap
 * then 0.7-1.2 GB, more after the bench's other parts), the first load after the build came out slowest (2026-12-04,
 * at a load average of 10-14: 1,643 and 1,349 ms, the loads after them 706-1,329); built elsewhere, it did not (731
 * and 962 ms, the next 657-1,005).
 */
export async function benchPane(runs = 3): Promise<PaneFigures> {
  const folder = await mkdtemp(join(tmpdir(), "cchc-pane-"));
  try {
    await buildWeb(folder, { entries: ["taskpane"], minimize: true });
    const lines: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [join(__dirname, "bench-pane-child.js"), folder, String(runs)], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      createInterface({ input: child.stdout }).on("line", (line) => {
        lines.push(line);
        // Each load as it is measured; the figures' JSON is this function's answer.
        if (!line.startsWith("{")) console.log(line);
      });
      child.on("error", reject);
      child.on("close", (code) =>
        code === 0 ? resolve() : reject(new Error(`The pane's bench process exited with ${code}`)),
      );
    });
    return JSON.parse(lines.filter((line) => line.startsWith("{")).pop() ?? "") as PaneFigures;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
