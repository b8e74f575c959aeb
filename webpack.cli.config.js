// The command line as one file (issue 16): `npm run build` bundles src/cli/entry.ts for node into
// dist/cli-bundle/cchc-appendix.js, which bin/cchc-appendix.js loads, so that a start reads and resolves one file
// instead of some seventy. exceljs stays a package of node_modules, required only by the commands that write a
// workbook. tsc's dist/ beside it is what the tests and the bench import.
const path = require("path");
const webpack = require("webpack");

const ROOT = __dirname;

/**
 * The bundle in ASCII, every other character written as its \u escape (the same string, regex or identifier to
 * JavaScript): node then reads it as Latin-1 and V8 keeps it one byte a character, where decoding a megabyte of
 * UTF-8 costs a start about as much as compiling it. Only a String.raw template would read the escape itself: the
 * build refuses one that holds such a character.
 */
class AsciiOnlyPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AsciiOnlyPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AsciiOnlyPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        (assets) => {
          for (const [name, asset] of Object.entries(assets)) {
            if (!name.endsWith(".js")) continue;
            const source = asset.source().toString();
            if (/String\.raw\s*`[^`]*[\x80-\uffff]/.test(source)) {
              compilation.errors.push(
                new webpack.WebpackError(`${name}: a String.raw template holds non-ASCII text`),
              );
              continue;
            }
            // Each character replaced where it stands, so that the source map still maps every column.
            const ascii = new webpack.sources.ReplaceSource(asset);
            for (const { index } of source.matchAll(/[\x80-\uffff]/g)) {
              const escape = `\\u${source.charCodeAt(index).toString(16).padStart(4, "0")}`;
              ascii.replace(index, index, escape);
            }
            compilation.updateAsset(name, ascii);
          }
        },
      );
    });
  }
}

module.exports = {
  mode: "production",
  context: ROOT,
  target: "node20",
  entry: { "cchc-appendix": "./src/cli/entry.ts" },
  output: {
    path: path.join(ROOT, "dist", "cli-bundle"),
    filename: "[name].js",
    library: { type: "commonjs2" },
    // The sources as paths from dist/cli-bundle/, which node resolves beside the map: src/cli/main.ts, wherever
    // the project is.
    devtoolModuleFilenameTemplate: "../../[resource-path]",
    clean: true,
  },
  // Source maps beside the bundle (.js.map), which node reads only when CCHC_DEBUG=1 turns them on
  // (bin/cchc-appendix.js): the stack trace a maintainer is sent then names src/, relative to this folder.
  devtool: "source-map",
  resolve: { extensions: [".ts", ".js"] },
  externals: ({ request }, callback) =>
    /^exceljs(\/|$)/.test(request ?? "") ? callback(undefined, `commonjs ${request}`) : callback(),
  module: {
    rules: [
      {
        // The command line inflates with node's zlib (src/cli/xlsx/read.ts installs it before any file is read):
        // the shared reader's JavaScript inflater, fflate's, whose tables every start would build, stays out.
        // fflate's Zip, which the summary's writer streams with, is bundled as it is.
        test: /[\\/]src[\\/]xlsx[\\/]zip\.ts$/,
        resolve: { alias: { fflate$: path.join(ROOT, "src", "cli", "no-js-inflater.ts") } },
      },
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: {
            configFile: path.join(ROOT, "tsconfig.json"),
            // tsc --noEmit type-checks; ES modules let webpack drop what the CLI never imports.
            transpileOnly: true,
            compilerOptions: { module: "esnext", target: "es2022", sourceMap: true },
          },
        },
      },
    ],
  },
  // Readable stack traces for CCHC_DEBUG=1; minifying would save reading a few hundred KB, not the compilation.
  // A chunk per import() of the sources, each holding all it needs: `--help` reads the entry alone, `validate` the
  // entry, main's and validate's, never zod or the writers'.
  optimization: { minimize: false, splitChunks: false },
  plugins: [new AsciiOnlyPlugin()],
  performance: { hints: false },
  stats: "errors-warnings",
};
