// A jest environment with the unmodified Excel JavaScript client library of @microsoft/office-js loaded into the
// test file's global object, as a <script> tag loads it in the task pane: read from node_modules as shipped and run
// in the test's own context (never copied or edited; its licence allows it for developing and testing add-ins).
// Before it runs, `_richApiNativeBridge` is defined, so that the library adopts it as its host; test/helpers/
// excel-library.ts puts an emulator (src/emulator) behind it. A test file opts in with the docblock
// `@jest-environment ./test/helpers/excel-environment.js`; `@jest-environment-options {"file": "excel-web-16.00.debug.js"}`
// loads the readable build. The task pane's React tests use test/helpers/excel-jsdom-environment.js, the same library
// in jsdom.
"use strict";
const fs = require("fs");
const vm = require("vm");
const { TestEnvironment } = require("jest-environment-node");

/** Loads the library into an environment's context, behind a bridge that waits for an emulator. */
function loadExcelLibrary(environment, config) {
  const file = (config.projectConfig.testEnvironmentOptions || {}).file || "excel-web-16.00.js";
  environment.global._richApiNativeBridge = {
    sendMessageToHost() {
      throw new Error("No Excel emulator is attached to the host bridge");
    },
  };
  const path = require.resolve(`@microsoft/office-js/dist/${file}`);
  vm.runInContext(fs.readFileSync(path, "utf8"), environment.getVmContext(), { filename: path });
}

class ExcelEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.config = config;
  }

  async setup() {
    await super.setup();
    const global = this.global;
    global.window = global;
    global.self = global;
    global.navigator = { userAgent: "node" };
    global.document = {
      readyState: "complete",
      addEventListener() {},
      getElementsByTagName: () => [],
      createElement: () => ({}),
    };
    global.location = { href: "https://localhost/taskpane.html", search: "", hash: "" };
    loadExcelLibrary(this, this.config);
  }
}

module.exports = ExcelEnvironment;
module.exports.loadExcelLibrary = loadExcelLibrary;
