import type { FormEvent } from "react";
import { useEffect, useState } from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useStrings } from "../i18n";
import type { OwnChoice } from "../usePane";

const useStyles = makeStyles({
  line: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
  },
  question: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * "Trang tính của tôi: …" with its change action, in a workbook of several appendix sheets, and the question that
 * sets it: which sheet is the user's, the one they are on proposed.
 */
export function OwnSheet({
  own,
  appendices,
  choosing,
  busy,
  onChange,
  onChoose,
  onCancel,
}: {
  own?: string;
  appendices: readonly string[];
  choosing?: OwnChoice;
  busy: boolean;
  onChange: () => void;
  onChoose: (sheet: string) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { t } = useStrings();
  const [picked, setPicked] = useState(choosing?.proposed ?? appendices[0] ?? "");
  useEffect(() => setPicked(choosing?.proposed ?? appendices[0] ?? ""), [choosing, appendices]);

  if (choosing) {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      if (picked) onChoose(picked);
    };
    return (
      <form className={styles.form} onSubmit={submit} aria-labelledby="own-sheet-question">
        <h2 id="own-sheet-question" className={styles.question}>
          {t.own.question}
        </h2>
        <p className={styles.intro}>
          {choosing.missing ? `${t.own.missing(choosing.missing)} ` : ""}
          {t.own.intro}
        </p>
        <Field label={t.own.sheet}>
          <Select value={picked} onChange={(_, data) => setPicked(data.value)}>
            {appendices.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabledFocusable={busy || !picked}>
            {t.own.confirm}
          </Button>
          <Button onClick={onCancel}>{t.own.cancel}</Button>
        </div>
      </form>
    );
  }
  if (own === undefined && appendices.length < 2) return null;
  return (
    <p className={styles.line}>
      <span className={styles.term}>{t.own.label}:</span>
      <span className={styles.value}>{own ?? t.own.none}</span>
      <Button size="small" appearance="subtle" disabledFocusable={busy} onClick={onChange}>
        {own === undefined ? t.own.choose : t.own.change}
      </Button>
    </p>
  );
}

/** The offer to stamp a sheet that is not the user's, after their fix or fill left it with no error. */
export function StampOffer({
  sheet,
  busy,
  onAnswer,
}: {
  sheet?: string;
  busy: boolean;
  onAnswer: (accept: boolean) => void;
}) {
  const { t } = useStrings();
  if (sheet === undefined) return null;
  return (
    <MessageBar intent="info" politeness="polite" layout="multiline">
      <MessageBarBody>{t.stampOffer.text(sheet)}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" disabledFocusable={busy} onClick={() => onAnswer(true)}>
          {t.stampOffer.accept}
        </Button>
        <Button size="small" onClick={() => onAnswer(false)}>
          {t.stampOffer.decline}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
