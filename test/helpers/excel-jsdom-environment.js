// jsdom with the unmodified Excel JavaScript client library loaded, as test/helpers/excel-environment.js loads it in
// node: the task pane's React tests render the real pane over createExcelHost, the library and the emulator. A test
// file opts in with the docblock `@jest-environment ./test/helpers/excel-jsdom-environment.js`.
"use strict";
const { TestEnvironment } = require("jest-environment-jsdom");
const { loadExcelLibrary } = require("./excel-environment");

class ExcelJsdomEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.config = config;
  }

  async setup() {
    await super.setup();
    loadExcelLibrary(this, this.config);
  }
}

module.exports = ExcelJsdomEnvironment;
