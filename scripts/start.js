// `npm start`: where desktop Excel exists (Windows, macOS), sideload the add-in into it with office-addin-debugging,
// which also starts the HTTPS dev server; elsewhere (Linux, CI, a container) there is no Excel to sideload into, so
// serve the preview — the real task pane beside an in-memory workbook holding the sample — and open a browser.
const { spawn, spawnSync } = require("child_process");
const http = require("http");
const { setTimeout } = require("timers");

const port = Number(process.env.PORT) || 3000;
const url = `http://localhost:${port}/`;
const windows = process.platform === "win32";

function run(command, args) {
  const child = spawn(command, args, {
    stdio: "inherit",
    shell: windows,
    env: { ...process.env, PORT: String(port) },
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
  return child;
}

// Polls the server until it answers, so the browser opens on a page rather than on "connection refused".
function whenServing(deadline, then) {
  const request = http.get({ host: "127.0.0.1", port, path: "/", timeout: 1000 }, (response) => {
    response.resume();
    then();
  });
  request.on("error", () => {
    if (Date.now() > deadline) return console.log(`Bản xem thử / Preview: ${url}`);
    setTimeout(() => whenServing(deadline, then), 500);
  });
}

function openBrowser() {
  console.log(`\nBản xem thử phụ lục CCHC / CCHC appendix preview: ${url}\n`);
  const found = spawnSync("sh", ["-c", "command -v xdg-open"], { encoding: "utf8" });
  if (found.status !== 0 || !found.stdout.trim()) return;
  const opener = spawn("xdg-open", [url], { stdio: "ignore", detached: true });
  opener.on("error", () => undefined);
  opener.unref();
}

if (process.platform === "win32" || process.platform === "darwin") {
  run("npx", [
    "office-addin-debugging",
    "start",
    "manifest.xml",
    "--dev-server",
    "npx webpack serve --mode development",
    "--dev-server-port",
    String(port),
  ]);
} else {
  run("npx", ["webpack", "serve", "--mode", "development", "--env", "preview"]);
  whenServing(Date.now() + 180_000, openBrowser);
}
