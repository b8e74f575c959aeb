import { useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import { reportRecoverable } from "../taskpane/recoverable";
import { MARK_COLOURS, createExcelHost } from "../excel";
import { WorkbookModel } from "../emulator";
import { App } from "../taskpane/App";
import type { AddinHost } from "../workflows/host";
import { startEmulatedExcel } from "./emulated-excel";
import { EmulatedWorkbook } from "./emulated-workbook";
import { SAMPLE_SHEET, sampleFirstValue, writeSample } from "./sample";
import { PreviewApp } from "./PreviewApp";
import { previewStrings } from "./strings";

// The preview's entry: `npm run preview` and `npm start` where no desktop Excel exists. The pane is the real one,
// with the Excel adapter it has in Excel (src/excel), through the real Excel client library that preview.html loaded,
// over the emulator; the grid draws and edits the emulator's workbook. ?lang=en plays an English Office;
// ?latency=200 makes every batch as slow as a round trip to Excel on the web, to see the pane's progress.

const params = new URLSearchParams(window.location.search);
const language = params.get("lang") ?? "vi-VN";
const latencyMs = Number(params.get("latency") ?? 0) || 0;
const strings = previewStrings(language);

interface Session {
  readonly workbook: EmulatedWorkbook;
  readonly host: AddinHost;
}

function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** A new emulated Excel holding the sample, written through the adapter as the pane's own install writes. */
async function newSession(): Promise<Session> {
  const { model, emulator } = startEmulatedExcel(new WorkbookModel(), language);
  const workbook = new EmulatedWorkbook(model, emulator, MARK_COLOURS);
  const host = createExcelHost({
    run: (batch) => wait(latencyMs).then(() => Excel.run(batch)),
    // The emulator sees every request's size, which Excel never shows the add-in: the self-check reports them here.
    wire: () => emulator.requests,
  });
  await writeSample(model, (plan) => host.run((port) => port.apply(plan)));
  workbook.select(SAMPLE_SHEET.sheetName, sampleFirstValue());
  return { workbook, host };
}

function Preview({ first }: { first: Session }) {
  const [current, setCurrent] = useState({ session: first, key: 0 });
  const reload = useCallback(() => {
    void newSession().then((session) => setCurrent((previous) => ({ session, key: previous.key + 1 })));
  }, []);
  return (
    <PreviewApp
      key={current.key}
      workbook={current.session.workbook}
      strings={strings}
      onReload={reload}
      pane={<App host={current.session.host} />}
    />
  );
}

void newSession().then((session) => {
  const container = document.getElementById("root");
  if (!container) throw new Error("preview.html has no #root element");
  document.documentElement.lang = language.toLowerCase().startsWith("en") ? "en" : "vi";
  createRoot(container, { onRecoverableError: reportRecoverable }).render(<Preview first={session} />);
});
