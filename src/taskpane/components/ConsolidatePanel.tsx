import { useState } from "react";
import { Checkbox, Field, makeStyles, ProgressBar, Textarea, tokens } from "@fluentui/react-components";
import { usePaneBusy } from "../busy";
import { useStrings } from "../i18n";
import type { ConsolidationActions, ConsolidationState } from "../useConsolidation";
import { BusyButton } from "./BusyButton";
import { ConsolidationResult } from "./ConsolidationResult";
import { Disclosure } from "./Disclosure";
import { FilePicker } from "./FilePicker";
import { PreviousPeriodPicker } from "./PreviousPeriodPicker";
import { ErrorBar } from "./MessageBars";
import { RoleTable } from "./RoleTable";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  run: { alignSelf: "flex-start" },
});

// The phases of a consolidation: its three round trips, and the pure work between them.
const PHASE_VALUE = { reading: 0.2, consolidating: 0.6, writing: 0.9 } as const;

/** True when the user changed a role since the last consolidation, which has not used it yet. */
function rolesChanged(state: ConsolidationState): boolean {
  const used = state.result?.roles ?? [];
  return used.some((unit) => {
    const chosen = state.choices.get(unit.key);
    return chosen !== undefined && (chosen ?? undefined) !== unit.role;
  });
}

/**
 * "Tổng hợp": Sở Nội vụ's section. The open workbook's appendix sheets and the files picked from disk are
 * consolidated into the province's summary, written as new sheets of the open workbook.
 */
export function ConsolidatePanel({
  state,
  actions,
}: {
  state: ConsolidationState;
  actions: ConsolidationActions;
}) {
  const { t } = useStrings();
  const [open, setOpen] = useState(false);
  return (
    <Disclosure title={t.consolidate.title} open={open} onToggle={setOpen}>
      <ConsolidateSection state={state} actions={actions} />
    </Disclosure>
  );
}

/** The open section: its own part, so that the pane's busy state renders it, not the folded panel, again. */
function ConsolidateSection({
  state,
  actions,
}: {
  state: ConsolidationState;
  actions: ConsolidationActions;
}) {
  const styles = useStyles();
  const { t } = useStrings();
  const strings = t.consolidate;
  // The pane's busy state includes a consolidation running.
  const working = usePaneBusy() || state.running || state.reading !== undefined || state.readingPrevious;
  const progress = state.progress;
  return (
    <section className={styles.section} aria-label={strings.title}>
      <p className={styles.intro}>{t.word.intro}</p>
      <FilePicker
        files={state.files}
        {...(state.reading ? { reading: state.reading } : {})}
        disabled={working}
        onPick={(files) => void actions.pick(files)}
        onClear={actions.clearFiles}
      />
      <Field label={strings.expected} hint={strings.expectedHint}>
        <Textarea
          value={state.expected}
          resize="vertical"
          onChange={(_, data) => actions.setExpected(data.value)}
        />
      </Field>
      <PreviousPeriodPicker
        {...(state.previous ? { previous: state.previous } : {})}
        reading={state.readingPrevious}
        disabled={working}
        onPick={(file) => void actions.pickPrevious(file)}
        onClear={actions.clearPrevious}
      />
      <RoleTable
        units={state.result?.roles ?? []}
        offices={state.result?.offices ?? []}
        choices={state.choices}
        changed={rolesChanged(state)}
        disabled={working}
        onChange={actions.setRole}
      />
      <Field hint={strings.replaceSummaryHint}>
        <Checkbox
          label={strings.replaceSummary}
          checked={state.replaceSummary}
          disabled={working}
          onChange={(_, data) => actions.setReplaceSummary(data.checked === true)}
        />
      </Field>
      <BusyButton
        className={styles.run}
        appearance="primary"
        disabledFocusable={working}
        onClick={() => void actions.run()}
      >
        {state.result ? strings.rerun : strings.run}
      </BusyButton>
      {state.running ? (
        <Field
          label={
            progress
              ? strings.progress(
                  progress.phase,
                  progress.phase === "consolidating" ? progress.units : progress.sheets,
                )
              : t.progress.working
          }
          validationState="none"
        >
          <ProgressBar value={progress ? PHASE_VALUE[progress.phase] : undefined} thickness="large" />
        </Field>
      ) : null}
      <ErrorBar error={state.error} onDismiss={actions.dismissError} />
      {state.result && !state.running ? <ConsolidationResult result={state.result} /> : null}
    </section>
  );
}
