/// <reference types="office-js" />
import { createRoot } from "react-dom/client";
import { reportRecoverable } from "./recoverable";
import { createExcelHost } from "../excel";
import { App } from "./App";

/**
 * Runs `start` once the page is parsed: the pane's scripts are async (taskpane.html) and may run before Office.js,
 * which blocks the parser in the page's head, and before the body holds the pane's root. A page whose Office.js never
 * came fails in `start`, as it did when the pane's scripts waited for it.
 */
function whenParsed(start: () => void): void {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
}

// The task pane's entry in Excel: the only module that imports the Office.js adapter. Office.js must have said it
// is ready before any Excel API is touched, and the host is made once for the pane's lifetime.
whenParsed(() =>
  Office.onReady(() => {
    const container = document.getElementById("root");
    if (!container) throw new Error("taskpane.html has no #root element");
    createRoot(container, { onRecoverableError: reportRecoverable }).render(<App host={createExcelHost()} />);
  }),
);
