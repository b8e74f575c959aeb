import { Field, ProgressBar } from "@fluentui/react-components";
import type { CheckProgress } from "../../workflows/stamp";
import { useStrings } from "../i18n";

// A check is three round trips whatever the number of sheets, so its progress is told by phase, with the number of
// sheets the user is waiting for.
const PHASE_VALUE: Readonly<Record<CheckProgress["phase"], number>> = {
  reading: 0.2,
  checking: 0.6,
  writing: 0.9,
};

/** Progress of the action running, or nothing when the pane is idle. */
export function ProgressPanel({ progress, busy }: { progress?: CheckProgress; busy: boolean }) {
  const { t } = useStrings();
  if (!busy) return null;
  const label = !progress
    ? t.progress.working
    : progress.phase === "reading"
      ? t.progress.reading(progress.sheets)
      : progress.phase === "checking"
        ? t.progress.checking(progress.sheets)
        : t.progress.writing;
  return (
    <Field label={label} validationState="none">
      <ProgressBar value={progress ? PHASE_VALUE[progress.phase] : undefined} thickness="large" />
    </Field>
  );
}
