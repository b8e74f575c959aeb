// jsdom with the unmodified Excel JavaScript client library loaded, as test/helpers/excel-environment.js loads it in
// node: the task pane's React tests render the real pane over createExcelHost, the library and the emulator. A test
// file opts in with the docblock `@jest-environment ./test/helpers/excel-jsdom-environment.js`.
"use strict";
const { TextDecoder, TextEncoder } = require("util");
const { TestEnvironment } = require("jest-environment-jsdom");
const { loadExcelLibrary } = require("./excel-environment");

class ExcelJsdomEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.config = config;
  }

  async setup() {
    await super.setup();
    // jsdom lacks what every webview the pane runs in has: the encoders the adapter sizes its requests with, and the
    // structuredClone the emulator copies a workbook with.
    Object.assign(this.global, { TextEncoder, TextDecoder, structuredClone });
    loadExcelLibrary(this, this.config);
  }
}

module.exports = ExcelJsdomEnvironment;
