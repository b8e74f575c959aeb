import { useWorkbookVersion } from "./Grid";
import { editText } from "./locale";
import type { PreviewStrings } from "./strings";
import type { EmulatedWorkbook } from "./emulated-workbook";

/** The name box and the selected cell's content (its formula, or its value as it would be typed), as in Excel. */
export function FormulaBar({ workbook, strings }: { workbook: EmulatedWorkbook; strings: PreviewStrings }) {
  useWorkbookVersion(workbook);
  const selection = workbook.selection;
  const cell = selection ? workbook.cellAt(selection.sheet, selection.address) : undefined;
  const content = selection
    ? editText(workbook.valueAt(selection.sheet, selection.address), cell?.numberFormat, cell?.formula)
    : "";
  return (
    <div className="formula-bar">
      <output className="name-box" aria-label={strings.nameBox} data-testid="name-box">
        {selection?.address ?? ""}
      </output>
      <output className="formula" aria-label={strings.content} data-testid="formula">
        {content}
      </output>
    </div>
  );
}
