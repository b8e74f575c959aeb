/// <reference types="office-js" />
import { createRoot } from "react-dom/client";
import { reportRecoverable } from "./recoverable";
import { createExcelHost } from "../excel";
import { App } from "./App";

// The task pane's entry in Excel: the only module that imports the Office.js adapter. Office.js must have said it
// is ready before any Excel API is touched, and the host is made once for the pane's lifetime.
Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container, { onRecoverableError: reportRecoverable }).render(<App host={createExcelHost()} />);
});
