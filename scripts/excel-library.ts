// The unmodified Excel client library of @microsoft/office-js, loaded from node_modules as shipped into this Node
// process (as a <script> tag loads it), with the emulator's host bridge defined first: for `npm run bench`.
import { readFileSync } from "node:fs";
import { runInThisContext } from "node:vm";

/** Loads the library into the global object, once; test/helpers/excel-library.ts then attaches emulators. */
export function loadExcelLibraryIntoNode(file = "excel-web-16.00.js"): void {
  const global = globalThis as unknown as Record<string, unknown>;
  if (global.Excel) return;
  global.window = global;
  global.self = global;
  Object.defineProperty(global, "navigator", { value: { userAgent: "node" }, configurable: true });
  global.document = {
    readyState: "complete",
    addEventListener() {},
    getElementsByTagName: () => [],
    createElement: () => ({}),
  };
  global.location = { href: "https://localhost/taskpane.html", search: "", hash: "" };
  global._richApiNativeBridge = { sendMessageToHost: () => undefined };
  const path = require.resolve(`@microsoft/office-js/dist/${file}`);
  runInThisContext(readFileSync(path, "utf8"), { filename: path });
}
