// `npm run bench`: measures what the issues ask for and prints, last, one JSON line of figures.
// Timings are medians or totals over many runs on this machine; nothing here asserts a goal.
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
import { benchConsolidate } from "./bench-consolidate";
import { benchDocx } from "./bench-docx";
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
function benchEngine(): void {
  figures.engine_us_per_appendix = engineMedian();
  const grid = templateGrid(SEED_VALUES);
  const locateTimes: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const start = process.hrtime.bigint();
    locateAppendix(grid);
    locateTimes.push(Number(process.hrtime.bigint() - start) / 1_000);
  }
  figures.locate_us_per_appendix = Number(median(locateTimes).toFixed(2));
  console.log(`engine: median ${figures.engine_us_per_appendix} µs per seed appendix over 10000 validations`);
  console.log(`locate: median ${figures.locate_us_per_appendix} µs per seed sheet`);
}

function benchEngineAfterAllHosts(): void {
  figures.engine_us_per_appendix_mixed_hosts = engineMedian();
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

async function run(): Promise<void> {
  benchEngine();
  // Like the engine, as a `validate` process sees it: before the other hosts' cells have reached the engine.
  const reader = await benchReader(1000);
  figures.reader_floor_ratio = reader.ratio;
  console.log(
    `reader: ${reader.readerMs} ms per file read and validated as the CLI does, floor ${reader.floorMs} ms (read, list, inflate): reader_floor_ratio ${reader.ratio}`,
  );
  await benchRequests();
  await benchCli();
  figures.docx_validate_100_ms = await benchDocx();
  console.log(
    `docx: validate 100 Word reports ${figures.docx_validate_100_ms} ms (${(figures.docx_validate_100_ms / figures.cli_validate_100_ms!).toFixed(2)} × 100 workbooks)`,
  );
  figures.consolidate_1000_s = Number((await benchConsolidate(1000)).toFixed(2));
  benchEngineAfterAllHosts();
  figures.taskpane_js_gzip_kb = Number((await taskpaneGzipKb()).toFixed(1));
  console.log(`task pane: ${figures.taskpane_js_gzip_kb} KB of JavaScript (gzip) on first load`);
  console.log(`consolidate: 1,000 department files in ${figures.consolidate_1000_s} s`);
  console.log(JSON.stringify(figures));
}

void run();
