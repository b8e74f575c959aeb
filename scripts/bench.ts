// `npm run bench`: measures what the issues ask for and prints, last, one JSON line of figures.
// Every timing is the median of three runs in this process (each run itself a median or a total over many); the
// request counts and the pane's size do not vary and are taken once. Nothing here asserts a goal.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { validateAppendix } from "../src/domain/engine";
import { locateAppendix } from "../src/domain/locate";
import { SEED_VALUES, templateGrid } from "../test/helpers/seed";
import { filledTemplate } from "../test/helpers/xlsx";
import { taskpaneGzipKb } from "./bench-bundle";
import { benchCliStart } from "./bench-cli-start";
import { benchConsolidate } from "./bench-consolidate";
import { benchDocx } from "./bench-docx";
import { benchLocateValidate } from "./bench-engine";
import { benchPane } from "./bench-pane";
import { benchReader } from "./bench-reader";
import { CountingExcel, NaivePerCellPort } from "./naive-port";
import { checkWorkbook } from "../src/workflows/usecases";
import { loadExcelLibraryIntoNode } from "./excel-library";

const figures: Record<string, number> = {};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median µs of one validation of the seed appendix, over 10,000 after a warm-up. */
function engineMedian(): number {
  const sheet = locateAppendix(templateGrid(SEED_VALUES));
  if (!sheet) throw new Error("the seed grid holds no appendix");
  for (let i = 0; i < 2_000; i++) validateAppendix(sheet);
  const times: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const start = process.hrtime.bigint();
    validateAppendix(sheet);
    times.push(Number(process.hrtime.bigint() - start) / 1_000);
  }
  return Number(median(times).toFixed(2));
}

// The engine is measured first, as a process that validates appendices sees it (the CLI reads only xlsx cells, the
// pane only Excel's). It is measured again last, after the other benchmarks have fed it cells from every host in
// one process, which makes V8's code for it more general and slower: both figures are printed.
async function benchEngine(): Promise<void> {
  figures.engine_us_per_appendix = await medianOfThree(engineMedian);
  const grid = templateGrid(SEED_VALUES);
  figures.locate_us_per_appendix = await medianOfThree(() => {
    const locateTimes: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const start = process.hrtime.bigint();
      locateAppendix(grid);
      locateTimes.push(Number(process.hrtime.bigint() - start) / 1_000);
    }
    return Number(median(locateTimes).toFixed(2));
  });
  console.log(`engine: median ${figures.engine_us_per_appendix} µs per seed appendix over 10000 validations`);
  console.log(`locate: median ${figures.locate_us_per_appendix} µs per seed sheet`);
}

async function benchEngineAfterAllHosts(): Promise<void> {
  figures.engine_us_per_appendix_mixed_hosts = await medianOfThree(engineMedian);
  console.log(
    `engine, after every host's cells in one process: median ${figures.engine_us_per_appendix_mixed_hosts} µs`,
  );
}

async function benchCli(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "cchc-bench-"));
  try {
    const buffer = await filledTemplate(SEED_VALUES);
    const files: string[] = [];
    for (let i = 0; i < 100; i++) {
      const file = join(dir, `don-vi-${i}.xlsx`);
      await writeFile(file, buffer);
      files.push(file);
    }
    const loadOnly = async () => {
      const start = process.hrtime.bigint();
      for (const file of files) await new ExcelJS.Workbook().xlsx.readFile(file);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const validate = async () => {
      const start = process.hrtime.bigint();
      await main(["validate", ...files, "--format", "json"], { out: () => undefined, err: () => undefined });
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await loadOnly();
    await validate();
    const loads: number[] = [];
    const validations: number[] = [];
    for (let round = 0; round < 3; round++) {
      loads.push(await loadOnly());
      validations.push(await validate());
    }
    const load = median(loads);
    const full = median(validations);
    figures.cli_validate_100_ms = Math.round(full);
    figures.exceljs_load_100_ms = Math.round(load);
    figures.cli_overhead_ratio = Number((full / load).toFixed(3));
    console.log(`cli: validate 100 files ${Math.round(full)} ms; exceljs load only ${Math.round(load)} ms`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Requests the real Excel client library sends, release included, for the buttons users press, over the emulator
 * (src/emulator) on workbooks of the template: the pane's own actions (createPane, which usePane runs), as
 * test/excel/pane-scenarios.ts defines them for the tests too.
 */
async function benchRequests(): Promise<void> {
  loadExcelLibraryIntoNode();
  // Loaded after the library: the scenarios attach emulators to the bridge the library adopted.
  const { PANE_SCENARIOS } = await import("../test/excel/pane-scenarios");
  const sizes: { request: number; response: number }[] = [];
  for (const scenario of PANE_SCENARIOS) {
    const { requests } = await scenario.run();
    figures[scenario.figure] = requests.length;
    sizes.push(
      ...requests.map((record) => ({ request: record.requestBytes, response: record.responseBytes })),
    );
    console.log(`requests: ${requests.length} for ${scenario.describe}`);
  }
  // "Tổng hợp" of the sheets of a workbook, every indicator of each unit filled (the seed), as Excel on the web sees it.
  const { EmulatedExcel, hostOver, seedAppendix } = await import("../test/excel/setup");
  const { consolidateWorkbook } = await import("../src/workflows/consolidate-workbook");
  for (const units of [300, 1000]) {
    const excel = new EmulatedExcel({ profile: "web" });
    for (let i = 1; i <= units; i++)
      seedAppendix(excel, SEED_VALUES, { name: `Sở ${i}`, unit: `Sở số ${i}` });
    const before = excel.emulator.requests.length;
    await hostOver(excel).run((port) => consolidateWorkbook(port));
    const requests = excel.emulator.requests.slice(before);
    const refused = requests.filter((record) => record.error).length;
    figures[`requests_consolidate_${units}`] = requests.length;
    sizes.push(
      ...requests.map((record) => ({ request: record.requestBytes, response: record.responseBytes })),
    );
    console.log(`requests: ${requests.length} for "Tổng hợp" of ${units} units' sheets (${refused} refused)`);
  }
  // Every button on the workbooks a province really has (150 sheets; a 1,000-unit summary beside its units).
  const { LIMIT_SCENARIOS } = await import("../test/excel/pane-scenarios");
  for (const scenario of LIMIT_SCENARIOS) {
    const requests = await scenario.run();
    sizes.push(
      ...requests.map((record) => ({ request: record.requestBytes, response: record.responseBytes })),
    );
    console.log(`requests: ${requests.length} for ${scenario.describe}`);
  }
  const MB = 1024 * 1024;
  figures.max_request_mb = Number((Math.max(...sizes.map((size) => size.request)) / MB).toFixed(3));
  figures.max_response_mb = Number((Math.max(...sizes.map((size) => size.response)) / MB).toFixed(3));

  const naive = new CountingExcel(
    Array.from({ length: 50 }, (_, index) => templateGrid(SEED_VALUES, { name: `Đơn vị ${index + 1}` })),
  );
  await checkWorkbook(new NaivePerCellPort(naive.context()), { mark: true });
  figures.naive_syncs_validate_50 = naive.syncs;
  console.log(
    `requests (real Excel library, release included): validate active ${figures.requests_validate_active},` +
      ` validate 50 ${figures.requests_validate_50} (a naive per-cell adapter: ${figures.naive_syncs_validate_50} syncs),` +
      ` fix ${figures.requests_fix}, fill ${figures.requests_fill}, install ${figures.requests_install},` +
      ` consolidate 300 ${figures.requests_consolidate_300}, 1,000 ${figures.requests_consolidate_1000};` +
      ` largest request ${figures.max_request_mb} MB, response ${figures.max_response_mb} MB`,
  );
}

/** The median of three runs of `measure`, each run in this process. */
async function medianOfThree(measure: () => number | Promise<number>): Promise<number> {
  const runs: number[] = [];
  for (let round = 0; round < 3; round++) runs.push(await measure());
  return median(runs);
}

/**
 * `npm run bench -- --only engine,cli` runs only the named parts (engine, reader, requests, cli, docx, start,
 * consolidate, bundle, pane); every part is run by default.
 */
function parts(): (part: string) => boolean {
  const at = process.argv.indexOf("--only");
  if (at < 0) return () => true;
  const only = new Set((process.argv[at + 1] ?? "").split(","));
  return (part) => only.has(part);
}

async function run(): Promise<void> {
  const started = process.hrtime.bigint();
  const wanted = parts();
  if (wanted("engine")) {
    await benchEngine();
    const located = await benchLocateValidate();
    figures.locate_validate_us_per_appendix = located.template;
    figures.locate_validate_handtyped_us = located.handTyped;
    figures.locate_validate_cold_us_per_appendix = located.templateCold;
    figures.locate_validate_handtyped_cold_us = located.handTypedCold;
    console.log(
      `locate + validate: median ${located.template} µs per distinct appendix of the template (10,000),` +
        ` ${located.handTyped} µs typed by hand (no key column); sheets read long before:` +
        ` ${located.templateCold}, ${located.handTypedCold} µs`,
    );
  }
  if (wanted("reader")) {
    // Like the engine, as a `validate` process sees it: before the other hosts' cells have reached the engine.
    const readers: Awaited<ReturnType<typeof benchReader>>[] = [];
    for (let round = 0; round < 3; round++) readers.push(await benchReader(1000));
    const reader = [...readers].sort((a, b) => a.ratio - b.ratio)[1]!;
    figures.reader_floor_ratio = reader.ratio;
    console.log(
      `reader: ${reader.readerMs} ms per file read and validated as the CLI does, floor ${reader.floorMs} ms (read, list, inflate): reader_floor_ratio ${reader.ratio} (median of ${readers.map((one) => one.ratio).join(", ")})`,
    );
  }
  if (wanted("requests")) await benchRequests();
  if (wanted("cli")) await benchCli();
  if (wanted("docx")) {
    figures.docx_validate_100_ms = await benchDocx();
    const ratio = figures.cli_validate_100_ms
      ? ` (${(figures.docx_validate_100_ms / figures.cli_validate_100_ms).toFixed(2)} × 100 workbooks)`
      : "";
    console.log(`docx: validate 100 Word reports ${figures.docx_validate_100_ms} ms${ratio}`);
  }
  if (wanted("start")) {
    const start = await benchCliStart();
    figures.cli_start_help_ms = start.help;
    figures.cli_start_validate_ms = start.validate;
    figures.cli_start_ms = Math.max(start.help, start.validate);
    figures.node_start_ms = start.node;
    figures.cli_start_cpu_help_ms = start.helpCpu;
    figures.cli_start_cpu_validate_ms = start.validateCpu;
    figures.node_start_cpu_ms = start.nodeCpu;
    console.log(
      `cli start: --help ${start.help} ms, validate of one file ${start.validate} ms (node -e 0: ${start.node} ms);` +
        ` processor time ${start.helpCpu}, ${start.validateCpu} ms (node -e 0: ${start.nodeCpu} ms)`,
    );
  }
  if (wanted("consolidate")) {
    const consolidation = await benchConsolidate([400, 1000, 10_000]);
    for (const [count, { seconds, peakMb }] of consolidation.runs) {
      figures[`consolidate_${count}_s`] = Number(seconds.toFixed(2));
      figures[`consolidate_${count}_peak_mb`] = Math.round(peakMb);
      console.log(
        `consolidate: ${count} department files in ${seconds.toFixed(2)} s, peak ${Math.round(peakMb)} MB`,
      );
    }
    figures.consolidate_retained_kb_per_unit = Number(consolidation.retainedKbPerUnit.toFixed(1));
    console.log(`consolidate: ${figures.consolidate_retained_kb_per_unit} KB retained per unit`);
  }
  if (wanted("engine")) await benchEngineAfterAllHosts();
  if (wanted("bundle")) {
    figures.taskpane_js_gzip_kb = Number((await taskpaneGzipKb()).toFixed(1));
    console.log(`task pane: ${figures.taskpane_js_gzip_kb} KB of JavaScript (gzip) on first load`);
  }
  if (wanted("pane")) {
    const pane = await benchPane();
    figures.pane_initial_js_gzip_kb = pane.initialJsGzipKb;
    figures.pane_first_verdict_ms_4x = pane.firstVerdictMs;
    figures.pane_click_ms_4x = pane.clickMs;
    console.log(
      `task pane at 4× CPU slowdown: ${pane.initialJsGzipKb} KB of JavaScript (gzip) before the first verdict,` +
        ` first verdict ${pane.firstVerdictMs} ms (${pane.firstVerdictRawMs} ms with Office's start, the bridge and` +
        ` the library's carrying of requests, ${pane.firstVerdictLibraryMs} ms of it),` +
        ` Validate to findings ${pane.clickMs} ms (${pane.clickRawMs} ms with the bridge and the library,` +
        ` ${pane.clickLibraryMs} ms of it); medians of three loads`,
    );
  }
  const minutes = Number(process.hrtime.bigint() - started) / 6e10;
  console.log(`bench: ${minutes.toFixed(1)} min`);
  console.log(JSON.stringify(figures));
}

void run();
