// `npm run build`, after tsc: the command line bundled into one file (webpack.cli.config.js), then its V8 code cache,
// made by running the bundle on what a start runs (help, and validating the template it writes) and storing what V8
// compiled meanwhile beside it (bin/load-bundle.js; issue 16).
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "cchc-appendix.js");

function bundle() {
  const webpack = require("webpack");
  const config = require(path.join(ROOT, "webpack.cli.config.js"));
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) reject(error);
      else if (stats && stats.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve();
    });
  });
}

/**
 * In a process of its own, so that what V8 compiles is what a start compiles: `--help`, then `validate` of `file`,
 * their output dropped; then, for every file of the bundle they loaded, the cache of the functions compiled, each
 * written whole or not at all.
 */
async function warm(file) {
  const { BUNDLE, loadBundle } = require(path.join(ROOT, "bin", "load-bundle.js"));
  const { exports, scripts } = loadBundle(BUNDLE, { useCache: false });
  for (const stream of [process.stdout, process.stderr]) stream.write = () => true;
  const codes = [await exports.run(["--help"]), await exports.run(["validate", file])];
  // 1 is the empty template's findings; 2 would be a failure, whose cache would miss what a start compiles.
  if (codes.some((code) => code > 1)) throw new Error(`warming the CLI bundle exited ${codes.join(", ")}`);
  for (const { file, script } of scripts()) {
    const partial = `${file}.cache.${process.pid}`;
    fs.writeFileSync(partial, script.createCachedData());
    fs.renameSync(partial, `${file}.cache`);
  }
}

async function build() {
  await bundle();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-build-cli-"));
  try {
    const template = path.join(dir, "mau.xlsx");
    execFileSync(process.execPath, [BIN, "template", "-o", template], { stdio: "ignore" });
    execFileSync(process.execPath, [path.join(__dirname, "build-cli.js"), "--warm", template], {
      stdio: "inherit",
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf("--warm");
(at >= 0 ? warm(process.argv[at + 1]) : build()).catch((error) => {
  console.error(error);
  process.exit(1);
});
