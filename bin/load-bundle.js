"use strict";
// How bin/cchc-appendix.js loads the CLI bundle (dist/cli-bundle/cchc-appendix.js, made by `npm run build`), and how
// the build warms it: compiled with V8's code cache stored beside it (.cache), so that a start deserialises the
// functions a validation runs instead of compiling them (issue 16; node 20 has no module.enableCompileCache). A cache
// that V8 refuses (another node, other flags, another bundle) costs only the compilation it would have saved.
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { isAscii } = require("buffer");
const { createRequire } = require("module");

/** The bundle, beside this folder's sibling dist/. */
const BUNDLE = path.join(__dirname, "..", "dist", "cli-bundle", "cchc-appendix.js");

// The cache is only valid for the exact text compiled: the build and every start wrap the bundle the same way.
const WRAPPER_START = "(function (exports, require, module, __filename, __dirname) { ";
const WRAPPER_END = "\n});";

/**
 * Runs the bundle as a CommonJS module and returns its exports and the compiled script (whose code cache the build
 * writes). Throws ENOENT when there is no bundle.
 */
function loadBundle(file = BUNDLE, { useCache = true } = {}) {
  // The build writes it in ASCII, which node decodes fastest as Latin-1 (webpack.cli.config.js).
  const bytes = fs.readFileSync(file);
  const source = isAscii(bytes) ? bytes.latin1Slice() : bytes.toString("utf8");
  let cachedData;
  if (useCache) {
    try {
      cachedData = fs.readFileSync(`${file}.cache`);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(WRAPPER_START + source + WRAPPER_END, { filename: file, cachedData });
  const module = { exports: {} };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, script };
}

module.exports = { BUNDLE, loadBundle };
