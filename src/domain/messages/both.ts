import { en } from "./en";
import { registerLanguage } from "./index";
import { vi } from "./vi";

// The hosts that show both languages at once and load nothing on demand (the CLI, whose JSON carries both, and the
// tests) register them here, the one place they do; the task pane fetches each on its own (src/taskpane/languages.ts).

/** Registers the Vietnamese and the English templates. */
export function registerBothLanguages(): void {
  registerLanguage(vi);
  registerLanguage(en);
}
