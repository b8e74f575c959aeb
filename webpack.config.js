// Bundles of the web side, two builds that never share a folder:
// - the add-in: the task pane (taskpane.html, loaded by Excel), help.html and the icons. `npm run build:web` writes it
//   to dist-web/, the folder DEPLOY.md has copied to the add-in's server; `npm run dev-server` serves it over HTTPS
//   for office-addin-debugging (`npm start` on Windows and macOS).
// - the preview (index.html at /, the stand-in for Excel holding the sample appendix, with the real pane in it, its
//   Excel code running through the Excel client library copied from node_modules, over src/emulator):
//   `--env preview`, served by `npm start` on Linux and `npm run preview`; `npm run build:preview` writes it to
//   dist-preview/. Sample data never reaches dist-web/ (test/browser/preview.test.ts asserts it).
// scripts/bench-bundle.ts and the browser tests build through createConfig with webpack's Node API.
const path = require("path");
const { BannerPlugin, Compilation } = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");

const ROOT = __dirname;
const EXCEL_LIBRARY = require.resolve("@microsoft/office-js/dist/excel-web-16.00.js");

const ENTRIES = {
  taskpane: {
    entry: "./src/taskpane/index.tsx",
    html: "./src/taskpane/taskpane.html",
    page: "taskpane.html",
    // The template writes its own tags: its scripts are async, which the plugin cannot write.
    inject: false,
  },
  preview: { entry: "./src/preview/index.tsx", html: "./src/preview/preview.html", page: "index.html" },
};

// The Content-Security-Policy of both pages, written into their <head> before any script: nothing but our own files
// and Office.js from Microsoft's CDN; no eval anywhere (zod runs jitless). Styles may be inline because Fluent UI
// still inserts its theme's variables at run time (FluentProvider), and the preview's own components their rules.
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://appsforoffice.microsoft.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

// Excel only loads an add-in over HTTPS, from the https://localhost:3000 the manifest names: office-addin-dev-certs
// (a devDependency, as in the yo office template) makes and trusts a localhost certificate, asking once for the
// user's consent. Serving HTTP instead would only show a blank pane in Excel, so a failure stops the server here.
async function httpsOptions() {
  try {
    return await require("office-addin-dev-certs").getHttpsServerOptions();
  } catch (error) {
    throw new Error(
      "Không tạo được chứng chỉ phát triển HTTPS cho localhost; chạy `npx office-addin-dev-certs install` rồi thử lại. / " +
        "Could not get a trusted HTTPS development certificate for localhost; run " +
        `\`npx office-addin-dev-certs install\` and try again. (${error instanceof Error ? error.message : error})`,
    );
  }
}

/**
 * The webpack configuration.
 * @param {{ mode?: "production" | "development", preview?: boolean, outputPath?: string,
 *           entries?: (keyof typeof ENTRIES)[], port?: number, minimize?: boolean }} [options]
 */
function createConfig(options = {}) {
  const mode = options.mode ?? "production";
  const production = mode === "production";
  const entries = options.entries ?? (options.preview ? ["preview"] : ["taskpane"]);
  const port = options.port ?? (Number(process.env.PORT) || 3000);
  return {
    mode,
    context: ROOT,
    target: "web",
    entry: Object.fromEntries(entries.map((name) => [name, ENTRIES[name].entry])),
    output: {
      path: options.outputPath ?? path.join(ROOT, options.preview ? "dist-preview" : "dist-web"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    // No eval-based source maps in development: the pages' policy forbids eval, and must stay what ships.
    devtool: production ? false : "cheap-module-source-map",
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      // Loaders run from the last matching rule up: ts-loader makes JavaScript of our TypeScript, Griffel's loader
      // turns our makeStyles into the pre-computed __styles Fluent's own packages ship, and the extraction loader
      // takes the CSS out of both, so that the pane links one stylesheet instead of Griffel computing and inserting
      // every rule while React first renders (at 4× CPU slowdown, a good part of the 290–420 ms of the first render;
      // issue 16). The jest tests (jsdom, ts-jest) keep Griffel's run-time insertion: only webpack extracts.
      rules: [
        {
          test: /\.(js|mjs|ts|tsx)$/,
          include: [path.join(ROOT, "src"), /[\\/]node_modules[\\/]@fluentui[\\/]/],
          use: { loader: GriffelCSSExtractionPlugin.loader },
        },
        {
          test: /\.tsx?$/,
          include: path.join(ROOT, "src"),
          use: {
            loader: "@griffel/webpack-loader",
            options: {
              // Our components take makeStyles from Fluent's package, which re-exports Griffel's.
              modules: [
                {
                  moduleSource: "@fluentui/react-components",
                  importName: "makeStyles",
                  resetImportName: "makeResetStyles",
                },
              ],
            },
          },
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.join(ROOT, "tsconfig.json"),
              // tsc --noEmit type-checks; the bundle only needs the code, and ES modules so that Fluent tree-shakes.
              transpileOnly: true,
              compilerOptions: { module: "esnext", target: "es2020", sourceMap: !production },
            },
          },
        },
      ],
    },
    optimization: {
      // Unminified production builds are for profiling the pane (scripts/profile-pane.ts): its functions by name.
      minimize: options.minimize ?? production,
      // Shared code (React, Fluent, the domain) goes to chunks both pages load; no chunk holds exceljs, which no
      // web module imports (test/browser asserts it).
      splitChunks: { chunks: "all" },
    },
    performance: { hints: false },
    plugins: [
      ...entries.map(
        (name) =>
          new HtmlWebpackPlugin({
            template: ENTRIES[name].html,
            filename: ENTRIES[name].page,
            chunks: [name],
            inject: ENTRIES[name].inject ?? true,
            csp: CSP,
          }),
      ),
      // One stylesheet of every extracted rule (Griffel sorts them itself, so chunk order does not matter).
      new MiniCssExtractPlugin({
        filename: production ? "[name].[contenthash:8].css" : "[name].css",
        chunkFilename: production ? "[name].[contenthash:8].css" : "[name].css",
        ignoreOrder: true,
      }),
      new GriffelCSSExtractionPlugin(),
      // V8's explicit compile hint on the scripts a page loads first: it compiles their functions as they stream in,
      // off the main thread, instead of each on its first call while the pane starts (React's first render: 90 -> 60
      // ms at 4x). Added once the minifier, which drops comments, has run, and before the files are named by their hash.
      new BannerPlugin({
        banner: "//# allFunctionsCalledOnLoad",
        raw: true,
        entryOnly: true,
        test: /\.js$/,
        stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", context: ROOT, noErrorOnMissing: true },
          { from: "assets/help.html", to: "help.html", context: ROOT },
          // The preview runs the pane's real Excel code through the real Excel client library, as shipped in
          // node_modules (its licence allows it for developing and testing add-ins, and forbids changing it: copied,
          // never minified again, never committed). The add-in's build never holds it: Excel loads Office.js from
          // Microsoft's CDN.
          ...(entries.includes("preview")
            ? [
                { from: EXCEL_LIBRARY, to: "excel-web-16.00.js", info: { minimized: true } },
                {
                  from: "src/preview/native-bridge.js",
                  to: "native-bridge.js",
                  context: ROOT,
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      host: options.preview ? "127.0.0.1" : "localhost",
      port,
      static: false,
      hot: false,
      // The live-reload socket goes back to the page's own origin (whichever of localhost and 127.0.0.1 the browser
      // used), the only one the policy's connect-src 'self' allows.
      client: { overlay: { errors: true, warnings: false }, webSocketURL: "auto://0.0.0.0:0/ws" },
      headers: { "Access-Control-Allow-Origin": "*" },
      ...(options.preview ? {} : { server: { type: "https" } }),
    },
    stats: "errors-warnings",
  };
}

/**
 * What `webpack` and `webpack serve` read: the add-in by default (served over HTTPS on localhost:$PORT), the preview
 * with `--env preview` (served over HTTP on 127.0.0.1:$PORT).
 */
module.exports = async (env = {}, argv = {}) => {
  const preview = Boolean(env.preview);
  const config = createConfig({ mode: argv.mode ?? "production", preview });
  if (!preview && env.WEBPACK_SERVE) {
    config.devServer.server = { type: "https", options: await httpsOptions() };
  }
  return config;
};

module.exports.createConfig = createConfig;
module.exports.ENTRIES = ENTRIES;
