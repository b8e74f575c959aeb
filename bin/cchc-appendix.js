#!/usr/bin/env node
"use strict";
// The CLI is compiled by `npm run build` (run by `prepare` on npm ci) into dist/ and bundled into dist/cli-bundle/.
// main() answers every failure with a message; what is left here is what happens outside it: no build, a closed
// pipe, a bug that escapes.

const DEBUG = process.env.CCHC_DEBUG === "1";

function fail(error) {
  process.stderr.write(
    "Lỗi không mong đợi: công cụ không làm được việc này. Chạy lại với CCHC_DEBUG=1 để xem chi tiết.\n" +
      "Unexpected error: the tool could not do this. Run again with CCHC_DEBUG=1 to see the detail.\n",
  );
  if (DEBUG) process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(2);
}

// The command writes to file descriptors 1 and 2 itself (descriptorOutput, src/cli/stdio.ts), and stops quietly
// when its reader closes the pipe early (`cchc-appendix validate … | head`): process.stdout and process.stderr,
// which cost a start a socket each, are made only for a message of this file or where a descriptor is full.
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

// The bundle, with its code cache, starts faster than tsc's dist/cli/ (one file, nothing to resolve or compile);
// tsc's output alone still runs.
let main;
let output;
try {
  try {
    const { loadBundle } = require("./load-bundle.js");
    ({ run: main, descriptorOutput: output } = loadBundle(undefined, { sourceMaps: DEBUG }).exports);
  } catch (error) {
    if (error && error.code !== "ENOENT") throw error;
    ({ run: main, descriptorOutput: output } = require("../dist/cli/entry.js"));
  }
} catch (error) {
  process.stderr.write(
    "Chưa biên dịch công cụ: chạy npm run build (hoặc npm ci) trong thư mục dự án.\n" +
      "The tool is not built: run npm run build (or npm ci) in the project folder.\n",
  );
  if (DEBUG) process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(2);
}

main(process.argv.slice(2), output).then((code) => {
  process.exitCode = code;
}, fail);
