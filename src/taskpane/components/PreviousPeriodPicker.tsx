import type { ChangeEvent } from "react";
import { useId, useRef } from "react";
import {
  Button,
  Field,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { periodLabel } from "../../domain/meta";
import { useStrings } from "../i18n";
import type { PreviousPeriod } from "../useConsolidation";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

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
  const styles = useStyles();
  const { t, lang } = useStrings();
  const strings = t.consolidate;
  const input = useRef<HTMLInputElement>(null);
  const hint = useId();
  const label = useId();

  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const [file] = Array.from(event.target.files ?? []);
    // Cleared so that choosing the same file again (after fixing it) fires a change.
    event.target.value = "";
    if (file) onPick(file);
  };

  const chosen = previous && "figures" in previous ? previous : undefined;
  return (
    <div className={styles.box} role="group" aria-labelledby={label}>
      <Label id={label}>{strings.previous}</Label>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={strings.pickPrevious}
        hidden
        onChange={picked}
      />
      <div className={styles.row}>
        <Button
          aria-describedby={hint}
          disabledFocusable={disabled || reading}
          onClick={() => input.current?.click()}
        >
          {strings.pickPrevious}
        </Button>
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
      {previous && "error" in previous ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {strings.fileFailed} “{previous.file}”
            </MessageBarTitle>
            {previous.error[lang]}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
