// The pane's loads of `npm run bench -- --only pane` (scripts/bench-pane.ts), in a process of their own that made no
// build: node bench-pane-child.js FOLDER RUNS prints each load, then the figures' JSON on its last line.
import { resolve } from "node:path";
import { measurePaneRuns } from "./bench-pane";

async function main(): Promise<void> {
  const [folder, runs] = process.argv.slice(2);
  if (!folder) throw new Error("Usage: bench-pane-child.js FOLDER [runs]");
  const figures = await measurePaneRuns(resolve(folder), Number(runs ?? 3));
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
