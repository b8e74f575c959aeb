import { useId } from "react";
import { Button, Field, ProgressBar } from "@fluentui/react-components";
import type { PickedWorkbook } from "../../workflows/consolidate-workbook";
import { useStrings } from "../i18n";
import type { ReadingProgress } from "../useConsolidation";
import { FileFailure, usePickerStyles, XlsxButton } from "./XlsxButton";

/** Excel appendices and Word reports, by extension and by media type. */
const WORKBOOKS_AND_REPORTS =
  ".xlsx,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * "Chọn tệp .xlsx, .docx…": a button over a file input (several workbooks or Word reports), the reading progress over many files,
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
  const styles = usePickerStyles();
  const { t } = useStrings();
  const hint = useId();
  const failed = files.flatMap((entry) => ("error" in entry ? [entry] : []));

  return (
    <div className={styles.box}>
      <div className={styles.row}>
        <XlsxButton
          label={t.word.pick}
          accept={WORKBOOKS_AND_REPORTS}
          multiple
          disabled={disabled}
          describedBy={hint}
          onFiles={onPick}
        />
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
        <FileFailure key={entry.file} file={entry.file} error={entry.error} />
      ))}
    </div>
  );
}
