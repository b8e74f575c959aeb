import { useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { MemoryHost } from "./host";
import { sampleWorkbook } from "./sample";
import { PreviewApp } from "./PreviewApp";
import { previewStrings } from "./strings";
import { WorkbookModel } from "../emulator";
import { startEmulatedExcel } from "./emulated-excel";

// The preview's entry: `npm run preview` and `npm start` where no desktop Excel exists. ?lang=en plays an English
// Office; ?latency=200 makes every round trip as slow as Excel on the web, to see the pane's progress.

const params = new URLSearchParams(window.location.search);
const language = params.get("lang") ?? "vi-VN";
const latencyMs = Number(params.get("latency") ?? 0) || 0;
const strings = previewStrings(language);
startEmulatedExcel(new WorkbookModel(), language);

async function newHost(): Promise<MemoryHost> {
  return new MemoryHost(await sampleWorkbook(), { displayLanguage: language, latencyMs });
}

function Preview({ first }: { first: MemoryHost }) {
  const [session, setSession] = useState({ host: first, key: 0 });
  const reload = useCallback(() => {
    void newHost().then((host) => setSession((previous) => ({ host, key: previous.key + 1 })));
  }, []);
  return (
    <PreviewApp
      key={session.key}
      host={session.host}
      strings={strings}
      onReload={reload}
      pane={<App host={session.host} />}
    />
  );
}

void newHost().then((host) => {
  const container = document.getElementById("root");
  if (!container) throw new Error("preview.html has no #root element");
  document.documentElement.lang = language.toLowerCase().startsWith("en") ? "en" : "vi";
  createRoot(container).render(<Preview first={host} />);
});
