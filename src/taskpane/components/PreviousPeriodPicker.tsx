import { useId } from "react";
import { Button, Field, Label, ProgressBar } from "@fluentui/react-components";
import { periodLabel } from "../../domain/meta";
import { useStrings } from "../i18n";
import type { PreviousPeriod } from "../useConsolidation";
import { FileFailure, usePickerStyles, XlsxButton } from "./XlsxButton";

/** The period as the form prints it ("Quý II/2021"), or nothing for a period the tool cannot name. */
function shownPeriod(period: string | undefined): string | undefined {
  if (period === undefined) return undefined;
  try {
    return periodLabel(period);
  } catch {
    return undefined;
  }
}

/**
 * "Kỳ trước": one .xlsx of the previous period (its summary, or the units' appendices), read when picked, so that the
 * consolidation can warn about cumulative figures that fell and dossiers not carried over.
 */
export function PreviousPeriodPicker({
  previous,
  reading,
  disabled,
  onPick,
  onClear,
}: {
  previous?: PreviousPeriod;
  reading: boolean;
  disabled: boolean;
  onPick: (file: File) => void;
  onClear: () => void;
}) {
  const styles = usePickerStyles();
  const { t } = useStrings();
  const strings = t.consolidate;
  const hint = useId();
  const label = useId();
  const chosen = previous && "figures" in previous ? previous : undefined;

  return (
    <div className={styles.box} role="group" aria-labelledby={label}>
      <Label id={label}>{strings.previous}</Label>
      <div className={styles.row}>
        <XlsxButton
          label={strings.pickPrevious}
          multiple={false}
          disabled={disabled || reading}
          describedBy={hint}
          onFiles={([file]) => file && onPick(file)}
        />
        {previous ? (
          <Button appearance="subtle" disabledFocusable={disabled || reading} onClick={onClear}>
            {strings.clearPrevious}
          </Button>
        ) : null}
      </div>
      <p id={hint} className={styles.hint}>
        {chosen
          ? strings.previousChosen(chosen.file, shownPeriod(chosen.figures.period))
          : strings.previousHint}
      </p>
      {reading ? (
        <Field label={strings.readingPrevious} validationState="none">
          <ProgressBar thickness="large" />
        </Field>
      ) : null}
      {previous && "error" in previous ? <FileFailure file={previous.file} error={previous.error} /> : null}
    </div>
  );
}
