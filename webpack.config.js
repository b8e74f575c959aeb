// Bundles of the web side: the task pane (taskpane.html, loaded by Excel) and the preview (index.html, the stand-in
// for Excel served at / by `npm run preview`). `npm run build:web` writes both to dist-web/ in production mode.
// scripts/bench-bundle.ts and the browser tests build through createConfig with webpack's Node API.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const ROOT = __dirname;

const ENTRIES = {
  taskpane: {
    entry: "./src/taskpane/index.tsx",
    html: "./src/taskpane/taskpane.html",
    page: "taskpane.html",
  },
  preview: { entry: "./src/preview/index.tsx", html: "./src/preview/preview.html", page: "index.html" },
};

// The Content-Security-Policy of both pages, written into their <head> before any script: nothing but our own files
// and Office.js from Microsoft's CDN; no eval anywhere (zod runs jitless). Styles may be inline because Fluent UI
// (Griffel) inserts its rules at run time.
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

// Excel only loads an add-in over HTTPS; office-addin-dev-certs (installed with office-addin-debugging on machines
// that have Excel) provides a trusted localhost certificate. Without it the server falls back to HTTP.
async function httpsOptions() {
  try {
    return await require("office-addin-dev-certs").getHttpsServerOptions();
  } catch {
    return undefined;
  }
}

/**
 * The webpack configuration.
 * @param {{ mode?: "production" | "development", preview?: boolean, outputPath?: string,
 *           entries?: (keyof typeof ENTRIES)[], port?: number }} [options]
 */
function createConfig(options = {}) {
  const mode = options.mode ?? "production";
  const production = mode === "production";
  const entries = options.entries ?? Object.keys(ENTRIES);
  const port = options.port ?? (Number(process.env.PORT) || 3000);
  return {
    mode,
    context: ROOT,
    target: "web",
    entry: Object.fromEntries(entries.map((name) => [name, ENTRIES[name].entry])),
    output: {
      path: options.outputPath ?? path.join(ROOT, "dist-web"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    devtool: production ? false : "eval-cheap-module-source-map",
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
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
            csp: CSP,
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", context: ROOT, noErrorOnMissing: true },
          { from: "assets/help.html", to: "help.html", context: ROOT },
        ],
      }),
    ],
    devServer: {
      host: options.preview ? "127.0.0.1" : "localhost",
      port,
      static: false,
      hot: false,
      client: { overlay: { errors: true, warnings: false } },
      headers: { "Access-Control-Allow-Origin": "*" },
      ...(options.preview ? {} : { server: { type: "https" } }),
    },
    stats: "errors-warnings",
  };
}

/** What `webpack` and `webpack serve` read: `--env preview` serves the preview over HTTP on 127.0.0.1:$PORT. */
module.exports = async (env = {}, argv = {}) => {
  const preview = Boolean(env.preview);
  const config = createConfig({ mode: argv.mode ?? "production", preview });
  if (!preview && env.WEBPACK_SERVE) {
    const https = await httpsOptions();
    config.devServer.server = https ? { type: "https", options: https } : { type: "http" };
  }
  return config;
};

module.exports.createConfig = createConfig;
module.exports.ENTRIES = ENTRIES;
