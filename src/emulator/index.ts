// The Excel emulator: one in-memory workbook, answering the real Excel client library behind its host bridge.
// Only the preview and tests import it (eslint.config.mjs).
export * from "./bridge";
export * from "./emulator";
export * from "./model";
