import type { ChangeEvent } from "react";
import { useId, useRef } from "react";
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import type { PickedWorkbook } from "../../workflows/consolidate-workbook";
import { useStrings } from "../i18n";
import type { ReadingProgress } from "../useConsolidation";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/**
 * "Chọn tệp .xlsx…": a button over a file input (several files, .xlsx only), the reading progress over many files,
 * how many were read, and one error bar per file that could not be.
 */
export function FilePicker({
  files,
  reading,
  disabled,
  onPick,
  onClear,
}: {
  files: readonly PickedWorkbook[];
  reading?: ReadingProgress;
  disabled: boolean;
  onPick: (files: readonly File[]) => void;
  onClear: () => void;
}) {
  const styles = useStyles();
  const { t, lang } = useStrings();
  const input = useRef<HTMLInputElement>(null);
  const hint = useId();
  const failed = files.flatMap((entry) => ("error" in entry ? [entry] : []));

  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    // Cleared so that choosing the same file again (after fixing it) fires a change.
    event.target.value = "";
    onPick(chosen);
  };

  return (
    <div className={styles.box}>
      <input
        ref={input}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t.consolidate.pick}
        hidden
        onChange={picked}
      />
      <div className={styles.row}>
        <Button aria-describedby={hint} disabledFocusable={disabled} onClick={() => input.current?.click()}>
          {t.consolidate.pick}
        </Button>
        {files.length ? (
          <Button appearance="subtle" disabledFocusable={disabled} onClick={onClear}>
            {t.consolidate.clearFiles}
          </Button>
        ) : null}
      </div>
      <p id={hint} className={styles.hint}>
        {files.length
          ? t.consolidate.filesRead(files.length - failed.length, failed.length)
          : t.consolidate.pickHint}
      </p>
      {reading ? (
        <Field
          label={t.consolidate.reading(reading.done, reading.total, reading.file)}
          validationState="none"
        >
          <ProgressBar value={reading.done / reading.total} thickness="large" />
        </Field>
      ) : null}
      {failed.map((entry) => (
        <MessageBar key={entry.file} intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {t.consolidate.fileFailed} “{entry.file}”
            </MessageBarTitle>
            {entry.error[lang]}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
