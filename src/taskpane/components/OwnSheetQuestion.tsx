import type { FormEvent } from "react";
import { useEffect, useState } from "react";
import { Button, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import { BusyButton } from "./BusyButton";
import type { OwnChoice } from "../usePane";

const useStyles = makeStyles({
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
 * The question of which appendix sheet is the user's, the one they are on proposed. Loaded only when asked: most
 * workbooks hold one appendix sheet and never ask it, so it stays out of the pane's first load.
 */
export default function OwnSheetQuestion({
  choosing,
  appendices,
  onChoose,
  onCancel,
}: {
  choosing: OwnChoice;
  appendices: readonly string[];
  onChoose: (sheet: string) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { t } = useStrings();
  const [picked, setPicked] = useState(choosing.proposed ?? appendices[0] ?? "");
  useEffect(() => setPicked(choosing.proposed ?? appendices[0] ?? ""), [choosing, appendices]);
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
        <BusyButton type="submit" appearance="primary" disabledFocusable={!picked}>
          {t.own.confirm}
        </BusyButton>
        <Button onClick={onCancel}>{t.own.cancel}</Button>
      </div>
    </form>
  );
}
