import type { KeyboardEvent } from "react";
import type { PreviewStrings } from "./strings";
import { useWorkbookVersion } from "./Grid";
import type { EmulatedWorkbook } from "./emulated-workbook";

/** The sheet tabs under the grid: a click or the arrow keys show another sheet. */
export function SheetTabs({ workbook, strings }: { workbook: EmulatedWorkbook; strings: PreviewStrings }) {
  useWorkbookVersion(workbook);
  const names = workbook.sheetNames;
  const active = workbook.activeSheet;
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = names[(index + step + names.length) % names.length];
    if (next) {
      workbook.activate(next);
      (event.currentTarget.parentElement?.children[names.indexOf(next)] as HTMLElement | undefined)?.focus();
    }
  };
  return (
    <div role="tablist" aria-label={strings.tabs} className="sheet-tabs">
      {names.map((name, index) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === active}
          tabIndex={name === active ? 0 : -1}
          className="sheet-tab"
          onClick={() => workbook.activate(name)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
