import type { ReactNode } from "react";
import { useState } from "react";
import { FormulaBar } from "./FormulaBar";
import { Grid } from "./Grid";
import type { EmulatedWorkbook } from "./emulated-workbook";
import { SheetTabs } from "./SheetTabs";
import type { PreviewStrings } from "./strings";

/**
 * The preview page: the emulator's workbook drawn as Excel would show it, with the real task pane beside it. The pane
 * is passed in, so that this module stays a host like any other and never reaches into the pane's code.
 */
export function PreviewApp({
  workbook,
  strings,
  pane,
  onReload,
}: {
  workbook: EmulatedWorkbook;
  strings: PreviewStrings;
  pane: ReactNode;
  onReload: () => void;
}) {
  const [status, setStatus] = useState("");
  return (
    <div className="preview">
      <section className="workbook" aria-label={strings.workbook}>
        <header className="toolbar">
          <div>
            <h1 className="preview-title">{strings.title}</h1>
            <p className="preview-subtitle">{strings.subtitle}</p>
          </div>
          <button type="button" className="reload" onClick={onReload}>
            {strings.reload}
          </button>
        </header>
        <FormulaBar workbook={workbook} strings={strings} />
        <p className="grid-status" role="status">
          {status}
        </p>
        <div className="grid-scroll">
          <Grid workbook={workbook} strings={strings} onStatus={setStatus} />
        </div>
        <SheetTabs workbook={workbook} strings={strings} />
      </section>
      {/* Not a landmark: the pane's own <main> is the landmark, top-level as in Excel. */}
      <div className="pane">
        <div className="pane-title" aria-hidden="true">
          {strings.paneTitle}
        </div>
        <div className="pane-body">{pane}</div>
      </div>
    </div>
  );
}
