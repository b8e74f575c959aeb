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
 * Runs the bundle's entry as a CommonJS module and returns its exports, and the compiled script of every file of
 * the bundle loaded so far (whose code caches the build writes). The entry loads a command's chunk (`./N.js`) when
 * the command is run, through the `require` given here, which compiles it the same way. Throws ENOENT when there is
 * no bundle. With `sourceMaps` (CCHC_DEBUG=1), stack traces name the sources (src/…) by the maps beside the bundle.
 */
function loadBundle(file = BUNDLE, { useCache = true, sourceMaps = false } = {}) {
  const folder = path.dirname(file);
  const nodeRequire = createRequire(file);
  if (sourceMaps) {
    // node 20 maps the frames of what its module loader compiles, not of a vm.Script: the bundle is required as a
    // module then, without its code cache, at the cost of reading the maps (a start without them never pays it).
    fs.statSync(file);
    process.setSourceMapsEnabled(true);
    return { exports: nodeRequire(file), scripts: () => [] };
  }
  const scripts = new Map();
  const bundleRequire = (request) =>
    request.startsWith("./") ? load(path.join(folder, request)) : nodeRequire(request);
  function load(part) {
    const known = scripts.get(part);
    if (known) return known.module.exports;
    // The build writes it in ASCII, which node decodes fastest as Latin-1 (webpack.cli.config.js).
    const bytes = fs.readFileSync(part);
    const source = isAscii(bytes) ? bytes.latin1Slice() : bytes.toString("utf8");
    let cachedData;
    if (useCache) {
      // V8 checks a cache against the source's length only: one older than its file (a bundle rebuilt without
      // being warmed) may hold another build's code, and is not used.
      const cache = `${part}.cache`;
      const made = fs.statSync(cache, { throwIfNoEntry: false });
      if (made && made.mtimeMs >= fs.statSync(part).mtimeMs) cachedData = fs.readFileSync(cache);
    }
    const script = new vm.Script(WRAPPER_START + source + WRAPPER_END, { filename: part, cachedData });
    const module = { exports: {} };
    scripts.set(part, { script, module });
    script.runInThisContext().call(module.exports, module.exports, bundleRequire, module, part, folder);
    return module.exports;
  }
  const exports = load(file);
  return { exports, scripts: () => [...scripts].map(([part, { script }]) => ({ file: part, script })) };
}

module.exports = { BUNDLE, loadBundle };
