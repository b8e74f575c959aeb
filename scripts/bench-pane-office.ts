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
  /**
   * Milliseconds the Excel library spent carrying the pane's requests, the bridge's time not counted again: building
   * and serialising a request when the pane syncs, parsing and dispatching the reply, and applying it to the pane's
   * proxy objects. Office's side of the bridge, as the page runs it; the pane's own calls that queue the work stay
   * the pane's.
   */
  libraryMs: number;
}

/** The library's methods that carry a request (OfficeExtension.ClientRequestContext's, minified away from types). */
interface RequestCarrier {
  syncPrivate(...args: unknown[]): unknown;
  processRequestExecutorResponseMessage(...args: unknown[]): unknown;
}

interface StandInGlobals {
  /** performance.now() at the served script's first statement, before the library. */
  __PANE_BENCH_START__?: number;
  __PANE_BENCH_WORKBOOK__?: WorkbookData;
  __paneBench?: PaneBenchProbe;
  _richApiNativeBridge?: {
    sendMessageToHost(text: string): void;
    onMessageFromHost?: (text: string) => void;
  };
  OfficeExtension?: { ClientRequestContext?: { prototype: Partial<RequestCarrier> } };
  Office?: { onReady?: unknown };
}

const global = globalThis as unknown as StandInGlobals;
const started = global.__PANE_BENCH_START__ ?? performance.now();
const data = global.__PANE_BENCH_WORKBOOK__;
if (!data) throw new Error("The bench gave the stand-in no workbook");
const model = new WorkbookModel();
model.data = data;
startEmulatedExcel(model, "vi-VN");

const probe: PaneBenchProbe = { officeMs: 0, bridgeMs: 0, requests: 0, libraryMs: 0 };
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

// The library's request carrying, timed where it runs synchronously: a request is built, serialised and handed to
// the bridge inside syncPrivate; a reply is parsed and dispatched inside onMessageFromHost and applied to the proxies
// inside processRequestExecutorResponseMessage. Nested calls are counted once, and the bridge's time inside them not
// at all (it is bridgeMs).
let carrying = 0;
function carried<T extends unknown[], R>(
  work: (this: unknown, ...args: T) => R,
): (this: unknown, ...args: T) => R {
  return function (this: unknown, ...args: T): R {
    if (carrying++ > 0) {
      try {
        return work.apply(this, args);
      } finally {
        carrying--;
      }
    }
    const at = performance.now();
    const bridgeBefore = probe.bridgeMs;
    try {
      return work.apply(this, args);
    } finally {
      carrying--;
      probe.libraryMs += performance.now() - at - (probe.bridgeMs - bridgeBefore);
    }
  };
}
const context = global.OfficeExtension?.ClientRequestContext?.prototype;
const { syncPrivate, processRequestExecutorResponseMessage } = context ?? {};
const reply = native.onMessageFromHost;
if (!context || !syncPrivate || !processRequestExecutorResponseMessage || !reply)
  throw new Error("The Excel library carries its requests otherwise than the bench times them");
context.syncPrivate = carried(syncPrivate);
context.processRequestExecutorResponseMessage = carried(processRequestExecutorResponseMessage);
native.onMessageFromHost = carried(reply);

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
