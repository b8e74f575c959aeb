import { registerBothLanguages } from "../../src/domain/messages/both";

// Every test file reads findings' messages in both languages, as the CLI does (jest.config.js, setupFiles); the task
// pane's own loading of a language on demand is tested from an empty registry (test/taskpane/languages.test.ts).
registerBothLanguages();
