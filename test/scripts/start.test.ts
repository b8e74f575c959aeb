// What `npm start` runs on each kind of machine (scripts/start.js's startPlan), and the HTTPS dev server the
// Windows/macOS branch sideloads from. The Linux branch also runs for real in test/browser/dev-server.test.ts; the
// Windows/macOS branch cannot run here (no desktop Excel), so its commands are asserted as the plan gives them.
import { readFileSync } from "node:fs";
import { join } from "node:path";

jest.mock("office-addin-dev-certs", () => ({ getHttpsServerOptions: jest.fn() }));

interface Command {
  command: string;
  args: string[];
  env: Record<string, string>;
}
interface Plan {
  kind: "sideload" | "stop" | "preview" | "missing";
  run?: Command;
  open?: string;
  message?: { vi: string; en: string };
}
interface Machine {
  platform: string;
  node: string;
  port: number;
  args: string[];
  resolve: (request: string) => string | undefined;
}
type WebpackConfigExport = (
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => Promise<{ devtool: unknown; entry: Record<string, string>; devServer: { server: unknown } }>;

const ROOT = join(__dirname, "../..");
const { startPlan, MANIFEST_PORT } = jest.requireActual<{
  startPlan: (machine: Machine) => Plan;
  MANIFEST_PORT: number;
}>("../../scripts/start.js");
const webpackConfig = jest.requireActual<WebpackConfigExport>("../../webpack.config.js");
const devCerts = jest.requireMock<{ getHttpsServerOptions: jest.Mock }>("office-addin-dev-certs");
const scripts = (
  JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }
).scripts;

const NODE = "/usr/bin/node";
const DEBUGGING = "/project/node_modules/office-addin-debugging/cli.js";
const WEBPACK = "/project/node_modules/webpack-cli/bin/cli.js";

/** A machine where the packages named are installed; webpack-cli is, as after every `npm ci`. */
function machine(
  platform: string,
  options: { has?: string[]; args?: string[]; port?: number } = {},
): Machine {
  const files: Record<string, string> = { "webpack-cli/bin/cli.js": WEBPACK };
  if (options.has?.includes("office-addin-debugging")) files["office-addin-debugging/cli.js"] = DEBUGGING;
  return {
    platform,
    node: NODE,
    port: options.port ?? 3000,
    args: options.args ?? [],
    resolve: (request) => files[request],
  };
}

describe("npm start where there is no desktop Excel (Linux)", () => {
  it("serves the preview in development mode on PORT and opens it in a browser", () => {
    const plan = startPlan(machine("linux", { port: 3123 }));
    expect(plan.kind).toBe("preview");
    expect(plan.run).toEqual({
      command: NODE,
      args: [WEBPACK, "serve", "--mode", "development", "--env", "preview"],
      env: { PORT: "3123" },
    });
    expect(plan.open).toBe("http://localhost:3123/");
    expect(plan.message?.vi).toContain("http://localhost:3123/");
  });

  it("serves the preview even where office-addin-debugging happens to be installed", () => {
    expect(startPlan(machine("linux", { has: ["office-addin-debugging"] })).kind).toBe("preview");
  });

  it("opens no browser with --no-open", () => {
    const plan = startPlan(machine("linux", { args: ["--no-open"] }));
    expect(plan.kind).toBe("preview");
    expect(plan.open).toBeUndefined();
  });

  it("says what to do when webpack-cli is missing", () => {
    const plan = startPlan({ ...machine("linux"), resolve: () => undefined });
    expect(plan).toMatchObject({ kind: "missing" });
    expect(plan.run).toBeUndefined();
    expect(plan.message?.vi).toContain("npm ci");
    expect(plan.message?.en).toContain("npm ci");
  });

  it("has nothing to stop", () => {
    const plan = startPlan(machine("linux", { args: ["stop"] }));
    expect(plan.kind).toBe("stop");
    expect(plan.run).toBeUndefined();
    expect(plan.message?.en).toContain("Ctrl+C");
  });
});

describe.each(["win32", "darwin"])("npm start where desktop Excel exists (%s)", (platform) => {
  it("sideloads manifest.xml into desktop Excel with office-addin-debugging and the HTTPS dev server on port 3000", () => {
    const plan = startPlan(machine(platform, { has: ["office-addin-debugging"], port: 3123 }));
    expect(plan.kind).toBe("sideload");
    expect(plan.run).toEqual({
      command: NODE,
      args: [
        DEBUGGING,
        "start",
        "manifest.xml",
        "desktop",
        "--app",
        "excel",
        "--dev-server",
        "npm run dev-server",
        "--dev-server-port",
        "3000",
      ],
      // The manifest names port 3000: a PORT meant for the preview must not move the add-in away from it.
      env: { PORT: "3000" },
    });
    expect(plan.open).toBeUndefined();
  });

  it("runs a dev server that is the add-in's, on the port and scheme the manifest names", () => {
    expect(scripts["dev-server"]).toBe("webpack serve --mode development");
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect(manifest).toContain(
      `<SourceLocation DefaultValue="https://localhost:${MANIFEST_PORT}/taskpane.html"/>`,
    );
  });

  it("says in Vietnamese and English how to get office-addin-debugging when npm skipped it", () => {
    const plan = startPlan(machine(platform));
    expect(plan.kind).toBe("missing");
    expect(plan.run).toBeUndefined();
    expect(plan.message?.vi).toMatch(/^Chưa cài office-addin-debugging/);
    expect(plan.message?.en).toMatch(/^office-addin-debugging, .* is not installed/);
    for (const text of [plan.message?.vi, plan.message?.en]) {
      expect(text).toContain("npm install --no-save office-addin-debugging@7.0.0");
      expect(text).toContain("npm start -- --preview");
    }
  });

  it("serves the preview instead with --preview", () => {
    const plan = startPlan(machine(platform, { args: ["--preview", "--no-open"] }));
    expect(plan.kind).toBe("preview");
    expect(plan.open).toBeUndefined();
  });

  it("stops: unregisters the add-in and ends the dev server (npm run stop)", () => {
    expect(scripts.stop).toBe("node scripts/start.js stop");
    const plan = startPlan(machine(platform, { has: ["office-addin-debugging"], args: ["stop"] }));
    expect(plan.kind).toBe("stop");
    expect(plan.run?.args).toEqual([DEBUGGING, "stop", "manifest.xml"]);
  });
});

describe("the dev servers' webpack configuration", () => {
  beforeEach(() => devCerts.getHttpsServerOptions.mockReset());

  it("serves the add-in alone over HTTPS with office-addin-dev-certs' trusted certificate", async () => {
    const certificate = { ca: "ca", cert: "cert", key: "key" };
    devCerts.getHttpsServerOptions.mockResolvedValue(certificate);
    const config = await webpackConfig({ WEBPACK_SERVE: true }, { mode: "development" });
    expect(config.devServer.server).toEqual({ type: "https", options: certificate });
    expect(Object.keys(config.entry)).toEqual(["taskpane"]);
  });

  it("refuses to serve the add-in over HTTP when there is no certificate, saying how to get one", async () => {
    devCerts.getHttpsServerOptions.mockRejectedValue(new Error("the user declined"));
    const config = webpackConfig({ WEBPACK_SERVE: true }, { mode: "development" });
    await expect(config).rejects.toThrow(/npx office-addin-dev-certs install.*the user declined/s);
  });

  it("serves the preview over HTTP without asking for a certificate", async () => {
    const config = await webpackConfig({ WEBPACK_SERVE: true, preview: true }, { mode: "development" });
    expect(devCerts.getHttpsServerOptions).not.toHaveBeenCalled();
    expect(config.devServer.server).toBeUndefined();
    expect(Object.keys(config.entry)).toEqual(["preview"]);
  });

  it("bundles development builds with source maps that need no eval, which the pages' policy forbids", async () => {
    const config = await webpackConfig({ preview: true }, { mode: "development" });
    expect(String(config.devtool)).not.toContain("eval");
  });
});
