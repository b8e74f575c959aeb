// Layer boundaries of DESIGN.md section 2, enforced here so that a wrong import fails `npm run lint`
// with a message that says which rule it breaks and why.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const UI_AND_FILE_PACKAGES = ["exceljs", "react", "react-dom", "@fluentui/*", "office-*"];
const HOST_PACKAGES = [...UI_AND_FILE_PACKAGES, "node:*", "fs", "path", "os"];
// What node gives a CommonJS file: the root configs and the build scripts are read by node, not bundled.
const NODE_COMMONJS_GLOBALS = {
  require: "readonly",
  module: "writable",
  process: "readonly",
  console: "readonly",
  __dirname: "readonly",
};

function boundary(files, forbiddenFolders, extraPackages, why) {
  return {
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...forbiddenFolders.map((folder) => ({
              group: [`**/${folder}`, `**/${folder}/**`],
              message: why,
            })),
            ...(extraPackages.length ? [{ group: extraPackages, message: why }] : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: ["dist/**", "node_modules/**", "coverage/**", "bin/**", "test/helpers/*.js"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { ecmaVersion: 2022, sourceType: "module" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "always"],
    },
  },
  boundary(
    ["src/domain/**"],
    ["workflows", "excel", "cli", "taskpane", "preview", "emulator"],
    HOST_PACKAGES,
    "src/domain is the pure core: it imports only zod and other domain modules (DESIGN.md section 2).",
  ),
  // Tests of the core may read their fixture files, but never reach a host.
  boundary(
    ["test/domain/**"],
    ["workflows", "excel", "cli", "taskpane", "preview"],
    UI_AND_FILE_PACKAGES,
    "Tests of src/domain test the pure core without any host (DESIGN.md section 2).",
  ),
  boundary(
    ["src/workflows/**"],
    ["excel", "cli", "taskpane", "preview", "emulator"],
    HOST_PACKAGES,
    "src/workflows holds host-free use cases over the WorkbookPort: only domain and workflows (DESIGN.md section 2).",
  ),
  boundary(
    ["src/cli/**"],
    ["excel", "taskpane", "emulator"],
    [],
    "Hosts talk to Excel only through the WorkbookPort; only the task pane entry imports src/excel (DESIGN.md section 2).",
  ),
  // exceljs and src/xlsx are 256 KB gzipped: the pane may load them only with a dynamic import() (not checked by
  // this rule), never in its first bundle.
  boundary(
    ["src/taskpane/**"],
    ["excel", "cli", "preview", "xlsx", "emulator"],
    ["exceljs", "office-*", "node:*", "fs", "path", "os"],
    "The task pane gets its host injected: it imports workflows, domain, React and Fluent; only its entry point imports src/excel (DESIGN.md section 2).",
  ),
  {
    files: ["src/taskpane/index.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  boundary(
    ["src/preview/**"],
    ["excel", "cli"],
    ["exceljs", "office-*", "node:*", "fs", "path", "os"],
    "The preview stands in for Excel behind the same WorkbookPort and shows the real task pane (DESIGN.md section 2).",
  ),
  // The preview's entry wires the real pane to src/excel over the emulator, as the pane's own entry does in Excel.
  boundary(
    ["src/preview/index.tsx"],
    ["cli"],
    ["exceljs", "node:*", "fs", "path", "os"],
    "The preview's entry wires the task pane to src/excel over the emulator (DESIGN.md section 2).",
  ),
  boundary(
    ["src/xlsx/**"],
    ["excel", "cli", "taskpane", "preview", "emulator"],
    ["react", "react-dom", "@fluentui/*", "office-*", "node:*", "fs", "path", "os"],
    "src/xlsx turns exceljs workbooks into the domain's grids and back, for the CLI and the pane alike: no Node, no UI.",
  ),
  boundary(
    ["src/excel/**"],
    ["cli", "taskpane", "preview", "emulator"],
    [],
    "src/excel is the Office.js adapter: it imports workflows and domain only (DESIGN.md section 2).",
  ),
  // The emulator stands in for Excel behind the real Office.js library: the preview and tests use it, the shipped
  // task pane never does (the rules above keep it out of every other folder).
  boundary(
    ["src/emulator/**"],
    ["workflows", "excel", "cli", "taskpane", "preview", "xlsx"],
    ["exceljs", "react", "react-dom", "@fluentui/*", "office-*", "node:*", "fs", "path", "os"],
    "src/emulator is Excel's stand-in for the preview and tests: plain data and the host protocol, over domain types only.",
  ),
  // The root configs node reads: CommonJS ones (jest's and webpack's, required by their tools) and this module.
  {
    files: ["*.js"],
    languageOptions: { sourceType: "commonjs", globals: NODE_COMMONJS_GLOBALS },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["*.mjs"],
    languageOptions: { sourceType: "module", globals: { process: "readonly", console: "readonly" } },
  },
  {
    files: ["scripts/**/*.js"],
    languageOptions: { globals: NODE_COMMONJS_GLOBALS },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
