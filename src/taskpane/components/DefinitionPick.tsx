import { useId, useState } from "react";
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PaneError } from "../errors";
import { describeError } from "../errors";
import type { PickedDefinition } from "../definition-file";
import { readDefinitionFile } from "../definition-file";
import { STRINGS, useStrings } from "../i18n";
import { usePickerStyles, XlsxButton } from "./XlsxButton";

const useStyles = makeStyles({
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** A sound definition, as the pick hands it on. */
export type SoundDefinition = Extract<PickedDefinition, { ok: true }>;

type Step =
  | { readonly kind: "idle" }
  | { readonly kind: "reading"; readonly file: string }
  | { readonly kind: "refused"; readonly file: string; readonly problems: readonly PaneError[] };

/**
 * "Chọn tệp định nghĩa…": one .xlsx picked from disk and read as a form definition. A definition with problems is
 * listed problem by problem (sheet, row, column) and goes no further; a sound one is handed to `onPicked`, whose own
 * refusal (a definition that is not the one a sheet needs) is shown here too.
 */
export function DefinitionPick({
  onPicked,
}: {
  /** What to do with a sound definition; a rejection is shown under the button. */
  onPicked: (definition: SoundDefinition) => Promise<void>;
}) {
  const picker = usePickerStyles();
  const styles = useStyles();
  const { t, lang } = useStrings();
  const hint = useId();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [error, setError] = useState<PaneError>();

  const pick = async ([file]: readonly File[]) => {
    if (!file) return;
    setError(undefined);
    setStep({ kind: "reading", file: file.name });
    try {
      const read = await readDefinitionFile(file);
      if (!read.ok) {
        setStep({ kind: "refused", file: read.file, problems: read.problems });
        return;
      }
      setStep({ kind: "idle" });
      await onPicked(read);
    } catch (failure) {
      setStep({ kind: "idle" });
      setError(describeError(failure, STRINGS));
    }
  };

  return (
    <div className={picker.box}>
      <div className={picker.row}>
        <XlsxButton
          label={t.definition.pick}
          multiple={false}
          disabled={step.kind === "reading"}
          describedBy={hint}
          onFiles={(files) => void pick(files)}
        />
      </div>
      <p id={hint} className={picker.hint}>
        {t.definition.pickHint}
      </p>
      {step.kind === "reading" ? (
        <ProgressBar aria-label={t.definition.reading(step.file)} thickness="large" />
      ) : null}
      {step.kind === "reading" ? <p className={picker.hint}>{t.definition.reading(step.file)}</p> : null}
      {step.kind === "refused" ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.definition.problems(step.file, step.problems.length)}</MessageBarTitle>
            <ul className={styles.problems}>
              {step.problems.map((problem, index) => (
                <li key={index}>{problem[lang]}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error[lang]}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
