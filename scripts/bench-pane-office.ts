// The Office.js that `npm run bench -- --only pane` serves to the add-in's own taskpane.html in place of Microsoft's
// CDN script (scripts/bench-pane.ts bundles it after native-bridge.js and the Excel client library): the emulator
// behind the library, holding the workbook the bench prepared in Node, the Office.context a real Office gives, and
// Office.onReady. It times what is Excel's and not the pane's: its own start, and every request inside the bridge.
import type { WorkbookData } from "../src/emulator";
import { WorkbookModel } from "../src/emulator";
import { startEmulatedExcel } from "../src/preview/emulated-excel";

/** What the bench reads back from the page. */
export interface PaneBenchProbe {
  /** Milliseconds the served office.js ran (the Excel library and this stand-in), Office's cost, not the pane's. */
  officeMs: number;
  /** Milliseconds spent inside the host bridge (the emulator answering), and how many requests it answered. */
  bridgeMs: number;
  requests: number;
}

interface StandInGlobals {
  /** performance.now() at the served script's first statement, before the library. */
  __PANE_BENCH_START__?: number;
  __PANE_BENCH_WORKBOOK__?: WorkbookData;
  __paneBench?: PaneBenchProbe;
  _richApiNativeBridge?: { sendMessageToHost(text: string): void };
  Office?: { onReady?: unknown };
}

const global = globalThis as unknown as StandInGlobals;
const started = global.__PANE_BENCH_START__ ?? performance.now();
const data = global.__PANE_BENCH_WORKBOOK__;
if (!data) throw new Error("The bench gave the stand-in no workbook");
const model = new WorkbookModel();
model.data = data;
startEmulatedExcel(model, "vi-VN");

const probe: PaneBenchProbe = { officeMs: 0, bridgeMs: 0, requests: 0 };
global.__paneBench = probe;
const native = global._richApiNativeBridge;
if (!native) throw new Error("No host bridge before the stand-in");
// The emulator answers inside sendMessageToHost and delivers later: the time inside it is the host's.
const send = native.sendMessageToHost.bind(native);
native.sendMessageToHost = (text: string) => {
  const at = performance.now();
  try {
    send(text);
  } finally {
    probe.bridgeMs += performance.now() - at;
    probe.requests += 1;
  }
};

// The loader's Office.onReady (the Excel library alone has one that waits for a real host): Office is ready once
// this script has run, and says so asynchronously, as office.js does.
const info = { host: "Excel", platform: "OfficeOnline" };
const office = (global.Office ??= {});
office.onReady = (callback?: (ready: typeof info) => void) =>
  Promise.resolve(info).then((ready) => {
    callback?.(ready);
    return ready;
  });
probe.officeMs = performance.now() - started;
