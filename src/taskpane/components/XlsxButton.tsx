import type { ChangeEvent } from "react";
import { useRef } from "react";
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { PaneError } from "../errors";
import { useStrings } from "../i18n";
import { BusyButton } from "./BusyButton";

/** The layout of a file picker: its buttons in a row, a hint beneath, then progress and errors. */
export const usePickerStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const XLSX_ONLY = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A button over a hidden file input that takes .xlsx files only (or what `accept` lists), one or several. A file
 * picked starts work on the workbook (an install, a consolidation) or a form read for one: the button is disabled
 * while the pane works, as well as when `disabled` says so.
 */
export function XlsxButton({
  label,
  multiple,
  disabled,
  describedBy,
  onFiles,
  accept = XLSX_ONLY,
}: {
  label: string;
  multiple: boolean;
  disabled: boolean;
  describedBy: string;
  onFiles: (files: readonly File[]) => void;
  accept?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    // Cleared so that choosing the same file again (after fixing it) fires a change.
    event.target.value = "";
    if (chosen.length) onFiles(chosen);
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple={multiple}
        accept={accept}
        aria-label={label}
        hidden
        onChange={picked}
      />
      <BusyButton
        aria-describedby={describedBy}
        disabledFocusable={disabled}
        onClick={() => input.current?.click()}
      >
        {label}
      </BusyButton>
    </>
  );
}

/** The error bar of a file that could not be read: its name, then why, in the pane's language. */
export function FileFailure({ file, error }: { file: string; error: PaneError }) {
  const { t, lang } = useStrings();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {t.consolidate.fileFailed} “{file}”
        </MessageBarTitle>
        {error[lang]}
      </MessageBarBody>
    </MessageBar>
  );
}
