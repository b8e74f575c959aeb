#!/usr/bin/env node
"use strict";
// The CLI is compiled by `npm run build` (run by `prepare` on npm ci) into dist/.
const { main } = require("../dist/cli/main.js");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `Lỗi không mong đợi / Unexpected error: ${error && error.stack ? error.stack : error}\n`,
    );
    process.exitCode = 2;
  },
);
