/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  testTimeout: 60000,
  // The findings' templates of both languages, registered as the CLI registers them (src/domain/messages/both.ts).
  setupFiles: ["<rootDir>/test/helpers/languages.ts"],
  // The Excel client library keeps its own objects (OfficeExtension's config among them) on the test's global and
  // reads them after the file ends; jest's soft delete of such globals then warns once per file, to no purpose.
  testEnvironmentOptions: { globalsCleanup: "off" },
  reporters: ["default", "<rootDir>/test/helpers/summary-reporter.js"],
};
