// Where the pane's time goes (issue 16): one fresh load of taskpane.html at 4× CPU slowdown with Chromium's sampling
// profiler on, then Validate clicks, each summed by script and by function (self time). A tool for finding what to
// change, not a figure: `npm run bench -- --only pane` measures. Run: tsc -p tsconfig.bench.json &&
// node .tmp/bench/scripts/profile-pane.js [--minimize] [--built DIR] (DIR: a build already made, as
// scripts/compare-pane.ts takes it)
import { basename, resolve } from "node:path";
import type { CDPSession } from "playwright-core";
import { CHECK } from "../test/browser/pane";
import { loadToFirstVerdict, servePane } from "./bench-pane";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** What ran in each slice of `bucketMs`: the heaviest frames of our code (or the engine's) by self time, in order. */
function timeline(profile: Profile, bucketMs: number, origin: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const buckets = new Map<number, Map<string, number>>();
  let at = profile.startTime / 1000 - origin;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    at += ms;
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") return;
    // The nearest named frame of our own build up the stack: which of the pane's functions this time is for.
    let label = frame.url ? `${basename(frame.url)}` : frame.functionName;
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const call = byId.get(node)!.callFrame;
      if (/taskpane|828|\/\d+\./.test(call.url) && call.functionName) {
        label = `${label} < ${call.functionName}`;
        break;
      }
    }
    const bucket = Math.floor(at / bucketMs) * bucketMs;
    const slot = buckets.get(bucket) ?? new Map<string, number>();
    buckets.set(bucket, slot);
    slot.set(label, (slot.get(label) ?? 0) + ms);
  });
  for (const [bucket, slot] of [...buckets].sort((a, b) => a[0] - b[0])) {
    const top = [...slot].sort((a, b) => b[1] - a[1]).slice(0, 4);
    console.log(
      `  ${String(bucket).padStart(6)}  ${top.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(" | ")}`,
    );
  }
}

function summarise(profile: Profile, label: string, top = 25): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByFile = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const frame = byId.get(id)!.callFrame;
    const file = frame.url ? basename(frame.url.split("?")[0]!) : frame.functionName || "(native)";
    if (frame.functionName === "(idle)") return;
    total += ms;
    selfByFile.set(file, (selfByFile.get(file) ?? 0) + ms);
    const name = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    selfByFunction.set(name, (selfByFunction.get(name) ?? 0) + ms);
  });
  // Inclusive time by function name: every function on a sample's stack, once.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    if (byId.get(id)!.callFrame.functionName === "(idle)") return;
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const name = byId.get(node)!.callFrame.functionName;
      if (!name || seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  });
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(`\n== ${label}: ${total.toFixed(0)} ms busy (not idle)`);
  for (const [file, ms] of sorted(selfByFile)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${file}`);
  console.log("  -- functions");
  for (const [name, ms] of sorted(selfByFunction)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
  console.log("  -- inclusive");
  const wanted =
    /^(resolveStyleRules|resolveStyleRulesForSlots|createCSSRuleFromTheme|insertCSSRules|useClasses|computeClasses|listenToAllSupportedEvents|catalogueProblems|shapeCatalogue|catalogueIndex|checkWorkbook|validateAppendix|renderWithHooks|commitRoot|performWorkOnRoot|__webpack_require__|preloadLater|Header|ActionBar|HelpMenu|App|Pane|FluentProvider|Button|useFluentProvider_unstable|useButton_unstable|useButtonStyles_unstable|createExcelHost|describe|run|sync|Results|FindingList|FindingItem|VerdictBanner|RuleSummary|SheetList|StampLine|reduceToClassNameForSlots|mergeClasses|locate|loadLanguage|dispatchDiscreteEvent|flushSyncWorkAcrossRoots_impl|performSyncWorkOnRoot|workLoopSync|commitMutationEffects|commitLayoutEffects|flushPassiveEffects|useInsertionEffect|makeStyles|__styles|useStyles)$/;
  for (const [name, ms] of [...inclusive].filter(([name]) => wanted.test(name)).sort((a, b) => b[1] - a[1]))
    console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
}

async function profiled<T>(cdp: CDPSession, work: () => Promise<T>): Promise<[T, Profile]> {
  await cdp.send("Profiler.start");
  const result = await work();
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
  return [result, profile];
}

async function main(): Promise<void> {
  const minimize = process.argv.includes("--minimize");
  const builtAt = process.argv.indexOf("--built");
  const built = builtAt < 0 ? undefined : process.argv[builtAt + 1];
  const pane = await servePane({ minimize, ...(built ? { built: resolve(built) } : {}) });
  try {
    const page = await pane.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 1000 });
    const [watched, load] = await profiled(cdp, async () => {
      await loadToFirstVerdict(page, `${pane.base}taskpane.html`);
      return page.evaluate(() => window as unknown as { __paneWatch: unknown; __paneBench: unknown });
    });
    const timing = await page.evaluate(() => {
      const probe = window as unknown as {
        __paneWatch: Record<string, unknown>;
        __paneBench: Record<string, unknown>;
      };
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return {
        watch: probe.__paneWatch,
        bench: probe.__paneBench,
        domInteractive: nav.domInteractive,
        domContentLoaded: nav.domContentLoadedEventEnd,
        resources: performance
          .getEntriesByType("resource")
          .map(
            (entry) =>
              `${entry.name.split("/").pop()} ${entry.startTime.toFixed(0)}-${(entry as PerformanceResourceTiming).responseEnd.toFixed(0)}`,
          ),
        marks: performance
          .getEntriesByType("mark")
          .map((entry) => `${entry.name} ${entry.startTime.toFixed(0)}`),
      };
    });
    void watched;
    console.log(JSON.stringify(timing, null, 1));
    summarise(load, "navigation to first verdict");
    const origin = await page.evaluate(() => performance.timeOrigin);
    void origin;
    timeline(load, 100, load.startTime / 1000);
    await page.waitForTimeout(1_500);
    for (let click = 0; click < 3; click++) {
      const [ms, profile] = await profiled(cdp, () =>
        page.evaluate((check) => {
          const button = Array.from(document.querySelectorAll("button")).find((candidate) =>
            candidate.textContent?.includes(check),
          )!;
          return new Promise<number>((resolve) => {
            let wentBusy = false;
            const observer = new MutationObserver(() => {
              const busy = button.getAttribute("aria-disabled") === "true";
              if (busy) wentBusy = true;
              if (!(wentBusy && !busy && document.querySelector('[data-testid="verdict"]'))) return;
              observer.disconnect();
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now() - start);
                channel.port2.postMessage(undefined);
              });
            });
            observer.observe(document, {
              childList: true,
              subtree: true,
              attributes: true,
              characterData: true,
            });
            const start = performance.now();
            button.click();
          });
        }, CHECK),
      );
      summarise(profile, `click ${click + 1}: ${ms.toFixed(0)} ms`, 15);
      timeline(profile, 25, profile.startTime / 1000);
      await page.waitForTimeout(300);
    }
    const count = await page.evaluate(() => ({
      li: document.querySelectorAll("li").length,
      styles: document.querySelectorAll("style").length,
      rules: Array.from(document.styleSheets).reduce((n, sheet) => n + sheet.cssRules.length, 0),
    }));
    console.log(count);
  } finally {
    await pane.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
