/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  testTimeout: 60000,
  // office-addin-mock imports office-addin-manifest, whose ESM-only dependency jest cannot load (DESIGN.md §8).
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/helpers/office-addin-manifest-stub.js" },
  reporters: ["default", "<rootDir>/test/helpers/summary-reporter.js"],
};
