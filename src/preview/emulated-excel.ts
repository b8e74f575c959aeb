import type { EmulatorOptions, WorkbookModel } from "../emulator";
import { ExcelEmulator, installBridge, installOfficeContext } from "../emulator";

// The preview's Excel: the emulator (src/emulator) behind the real Excel client library that preview.html loaded
// from node_modules before this bundle, so that the pane's own Excel code (src/excel) runs here as it does in Excel.

/** The emulator the preview's library talks to, and the workbook it holds. */
export interface EmulatedExcel {
  readonly model: WorkbookModel;
  readonly emulator: ExcelEmulator;
}

interface LibraryGlobals {
  OSF?: object;
  Excel?: unknown;
}

/**
 * Puts a new emulator over `model` behind the loaded library, with the Office.context a real Office would give
 * (requirement sets, display language). Throws, in both languages, when preview.html did not load the library.
 */
export function startEmulatedExcel(
  model: WorkbookModel,
  displayLanguage: string,
  options: EmulatorOptions = {},
): EmulatedExcel {
  const global = globalThis as unknown as Record<string, unknown> & LibraryGlobals;
  if (!global.OSF || !global.Excel)
    throw new Error(
      "Thư viện Excel (excel-web-16.00.js) chưa được nạp trước bản xem thử. / " +
        "The Excel library (excel-web-16.00.js) was not loaded before the preview.",
    );
  const bridge = installBridge(global);
  installOfficeContext(global.OSF, bridge, displayLanguage);
  const emulator = bridge.attach(new ExcelEmulator(model, options));
  return { model, emulator };
}
