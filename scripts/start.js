// `npm start`: where desktop Excel exists (Windows, macOS), sideload the add-in into it the yo office way:
// office-addin-debugging registers manifest.xml with Excel, starts `npm run dev-server` (the add-in over HTTPS with
// office-addin-dev-certs' trusted localhost certificate, on the manifest's port 3000) and opens Excel; `npm run stop`
// undoes both. Elsewhere (Linux, CI, a container) there is no Excel to sideload into, so serve the preview — the real
// task pane beside an in-memory workbook holding the sample — on http://localhost:$PORT/ and open a browser.
// `npm start -- --preview` serves the preview anywhere; `--no-open` serves it without opening a browser.
const { spawn, spawnSync } = require("child_process");
const http = require("http");
const path = require("path");
const { setTimeout } = require("timers");

const ROOT = path.join(__dirname, "..");
// manifest.xml points Excel at https://localhost:3000: the sideloaded add-in is served there, whatever PORT says.
const MANIFEST_PORT = 3000;
const DEBUGGING = "office-addin-debugging";
const DEBUGGING_CLI = `${DEBUGGING}/cli.js`;
const WEBPACK_CLI = "webpack-cli/bin/cli.js";

/**
 * @typedef {{ command: string, args: string[], env: Record<string, string> }} Command
 * @typedef {{ vi: string, en: string }} Message
 * @typedef {{ kind: "sideload" | "stop" | "preview" | "missing", run?: Command, open?: string, message?: Message }} Plan
 */

/**
 * What `npm start` (or `npm run stop`) does on a machine: which command to run, and which page to open once it serves.
 * @param {{ platform: string, node: string, port: number, args: string[],
 *           resolve: (request: string) => string | undefined }} machine `resolve` gives the installed file of a
 *   package path ("office-addin-debugging/cli.js"), or undefined when the package is not installed.
 * @returns {Plan}
 */
function startPlan(machine) {
  const excelHere = machine.platform === "win32" || machine.platform === "darwin";
  const stop = machine.args.includes("stop");
  if (excelHere && !machine.args.includes("--preview")) {
    const cli = machine.resolve(DEBUGGING_CLI);
    if (!cli) return { kind: "missing", message: missingDebugging() };
    const env = { PORT: String(MANIFEST_PORT) };
    if (stop)
      return { kind: "stop", run: { command: machine.node, args: [cli, "stop", "manifest.xml"], env } };
    // `desktop` makes office-addin-debugging pick this machine's Excel (Windows or Mac) rather than its Win32 default.
    const args = [cli, "start", "manifest.xml", "desktop", "--app", "excel"];
    args.push("--dev-server", "npm run dev-server", "--dev-server-port", String(MANIFEST_PORT));
    return { kind: "sideload", run: { command: machine.node, args, env } };
  }
  if (stop) {
    return {
      kind: "stop",
      message: {
        vi: "Không có gì để dừng: bản xem thử dừng khi bấm Ctrl+C trong cửa sổ đang chạy `npm start`.",
        en: "Nothing to stop: the preview stops with Ctrl+C in the window running `npm start`.",
      },
    };
  }
  const webpack = machine.resolve(WEBPACK_CLI);
  if (!webpack) {
    return {
      kind: "missing",
      message: {
        vi: "Chưa cài webpack-cli: chạy `npm ci` trong thư mục dự án rồi chạy lại `npm start`.",
        en: "webpack-cli is not installed: run `npm ci` in the project folder, then `npm start` again.",
      },
    };
  }
  const args = [webpack, "serve", "--mode", "development", "--env", "preview"];
  const url = `http://localhost:${machine.port}/`;
  return {
    kind: "preview",
    run: { command: machine.node, args, env: { PORT: String(machine.port) } },
    ...(machine.args.includes("--no-open") ? {} : { open: url }),
    message: { vi: `Bản xem thử phụ lục CCHC: ${url}`, en: `CCHC appendix preview: ${url}` },
  };
}

// npm installs office-addin-debugging as an optional dependency: it is skipped, with only a warning, where its
// keytar dependency cannot be built.
function missingDebugging() {
  return {
    vi:
      "Chưa cài office-addin-debugging, công cụ nạp phần bổ trợ vào Excel (npm bỏ qua nó khi không cài được gói keytar " +
      "mà nó cần). Chạy `npm install --no-save office-addin-debugging@7.0.0` và xem lỗi npm báo, hoặc chạy " +
      "`npm start -- --preview` để mở bản xem thử trong trình duyệt.",
    en:
      "office-addin-debugging, the tool that sideloads the add-in into Excel, is not installed (npm skips it when its " +
      "keytar dependency cannot be installed). Run `npm install --no-save office-addin-debugging@7.0.0` and read the " +
      "error npm reports, or run `npm start -- --preview` to open the preview in a browser.",
  };
}

function installed(request) {
  try {
    return require.resolve(request, { paths: [ROOT] });
  } catch {
    return undefined;
  }
}

// Polls the server until it answers, so that the browser opens on a page rather than on "connection refused".
function whenServing(port, deadline, then) {
  const request = http.get({ host: "127.0.0.1", port, path: "/", timeout: 1000 }, (response) => {
    response.resume();
    then();
  });
  request.on("error", () => {
    if (Date.now() < deadline) setTimeout(() => whenServing(port, deadline, then), 500);
  });
}

function openBrowser(url) {
  const found = spawnSync("sh", ["-c", "command -v xdg-open"], { encoding: "utf8" });
  if (found.status !== 0 || !found.stdout.trim()) return;
  const opener = spawn("xdg-open", [url], { stdio: "ignore", detached: true });
  opener.on("error", () => undefined);
  opener.unref();
}

function main() {
  const plan = startPlan({
    platform: process.platform,
    node: process.execPath,
    port: Number(process.env.PORT) || MANIFEST_PORT,
    args: process.argv.slice(2),
    resolve: installed,
  });
  if (!plan.run) {
    if (plan.message) console.error(`${plan.message.vi}\n${plan.message.en}`);
    process.exit(plan.kind === "missing" ? 1 : 0);
  }
  const child = spawn(plan.run.command, plan.run.args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...plan.run.env },
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
  if (plan.kind !== "preview") return;
  whenServing(Number(plan.run.env.PORT), Date.now() + 300_000, () => {
    if (plan.message) console.log(`\n${plan.message.vi}\n${plan.message.en}\n`);
    if (plan.open) openBrowser(plan.open);
  });
}

if (require.main === module) main();

module.exports = { startPlan, MANIFEST_PORT };
