// Two builds of the add-in side by side (issue 16): fresh loads of each, taken in turn so that the shared machine's
// load weighs on both alike, at 4× CPU slowdown as `npm run bench -- --only pane` measures them. A tool for judging
// a change to the build, not a figure of the bench. Build each with `npx webpack --mode production --output-path
// DIR` (an older config with `--config`), then: tsc -p tsconfig.bench.json &&
// node .tmp/bench/scripts/compare-pane.js DIR_A DIR_B [loads of each, 7 by default]
import { resolve } from "node:path";
import { kilobytes } from "./bench-bundle";
import type { PaneRun, ServedPane } from "./bench-pane";
import { measurePaneLoad, servePane } from "./bench-pane";

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const [first, second, count] = process.argv.slice(2);
  if (!first || !second) throw new Error("Usage: compare-pane.js DIR_A DIR_B [loads]");
  const loads = Number(count ?? 7);
  const panes: ServedPane[] = [];
  try {
    for (const folder of [first, second]) panes.push(await servePane({ built: resolve(folder) }));
    const runs: PaneRun[][] = panes.map(() => []);
    for (let load = 0; load < loads; load++) {
      // Alternating which goes first, so that neither always follows the other's garbage or its disk cache.
      const order = load % 2 === 0 ? [0, 1] : [1, 0];
      for (const which of order) runs[which]!.push(await measurePaneLoad(panes[which]!));
    }
    runs.forEach((done, which) => {
      const verdicts = done.map((run) => run.firstVerdict);
      console.log(
        `${[first, second][which]}: ${kilobytes(done[0]!.initialGzipBytes)} KB gzip before the first verdict;` +
          ` first verdict median ${median(verdicts).toFixed(0)} ms (${verdicts.map((ms) => ms.toFixed(0)).join(", ")});` +
          ` Validate median ${median(done.map((run) => median(run.clicks))).toFixed(0)} ms`,
      );
    });
  } finally {
    for (const pane of panes) await pane.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
