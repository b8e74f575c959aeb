import type { EmulatorBridge, EmulatorOptions } from "../../src/emulator";
import { ExcelEmulator, WorkbookModel, installBridge, installOfficeContext } from "../../src/emulator";

// The emulator behind the real Excel client library that test/helpers/excel-environment.js loaded into this test
// file: one bridge per file, one emulator per workbook, swapped in by `emulate`.

let bridge: EmulatorBridge | undefined;

function theBridge(): EmulatorBridge {
  if (bridge) return bridge;
  const global = globalThis as unknown as Record<string, unknown> & { OSF?: object };
  if (!global.OSF || typeof Excel === "undefined")
    throw new Error(
      "The Excel library is not loaded: add @jest-environment ./test/helpers/excel-environment.js",
    );
  bridge = installBridge(global);
  installOfficeContext(global.OSF, bridge);
  return bridge;
}

/** Puts this emulator behind the loaded library. */
export function attach(emulator: ExcelEmulator): ExcelEmulator {
  return theBridge().attached === emulator ? emulator : theBridge().attach(emulator);
}

/** A new emulator over `model`, put behind the loaded library. */
export function emulate(
  model: WorkbookModel = new WorkbookModel(),
  options: EmulatorOptions = {},
): ExcelEmulator {
  return theBridge().attach(new ExcelEmulator(model, options));
}

/** The requests a piece of work sent, and its result. */
export async function countRequests<T>(
  emulator: ExcelEmulator,
  work: () => Promise<T>,
): Promise<{ requests: number; result: T }> {
  const before = emulator.requests.length;
  const result = await work();
  return { requests: emulator.requests.length - before, result };
}
