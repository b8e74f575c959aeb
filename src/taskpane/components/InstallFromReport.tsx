import { useId, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
} from "@fluentui/react-components";
import type { WordReport } from "../../docx/report";
import type { AddinHost } from "../../workflows/host";
import type { ReportInstall } from "../../workflows/import-report";
import type { PaneError } from "../errors";
import { describeError } from "../errors";
import { STRINGS, useStrings } from "../i18n";
import { ErrorBar } from "./MessageBars";
import { usePickerStyles, XlsxButton } from "./XlsxButton";
import { BusyButton } from "./BusyButton";
import { bytesOf } from "../file-bytes";

const WORD_REPORTS = ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type Step =
  | { readonly kind: "idle" }
  | { readonly kind: "reading"; readonly file: string }
  | { readonly kind: "asking"; readonly word: WordReport; readonly sheetName: string; readonly unit: string }
  | { readonly kind: "installed"; readonly outcome: Extract<ReportInstall, { kind: "installed" }> }
  | { readonly kind: "kept" };

// The reader of Word reports and the install's workflow (src/docx, src/xlsx) are loaded on the first pick only,
// never in the pane's first bundle.
async function load() {
  const [{ readWorkbookOrReport }, { installFromReport }] = await Promise.all([
    import("../../docx/input"),
    import("../../workflows/import-report"),
  ]);
  return { readWorkbookOrReport, installFromReport };
}

/**
 * "Cài trang tính từ báo cáo Word…": a unit's appendix sheet installed filled from its .docx report, each figure of
 * the report's text with a note quoting it. When the workbook has a sheet of that unit already, nothing is written
 * until the user clicks to overwrite it.
 */
export function InstallFromReport({ host, onDone }: { host: AddinHost; onDone: () => void }) {
  const styles = usePickerStyles();
  const { t } = useStrings();
  const hint = useId();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [error, setError] = useState<PaneError>();

  const install = async (word: WordReport, replace?: string) => {
    const { installFromReport } = await load();
    const outcome = await host.run((port) =>
      installFromReport(port, word, replace !== undefined ? { replace } : {}),
    );
    if (outcome.kind === "exists") {
      setStep({ kind: "asking", word, sheetName: outcome.sheetName, unit: outcome.unit });
      return;
    }
    setStep({ kind: "installed", outcome });
    onDone();
  };

  const attempt = async (action: () => Promise<void>) => {
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setStep({ kind: "idle" });
      setError(describeError(failure, STRINGS));
    }
  };

  const pick = (files: readonly File[]) => {
    const file = files[0];
    if (!file) return;
    void attempt(async () => {
      setStep({ kind: "reading", file: file.name });
      const { readWorkbookOrReport } = await load();
      const input = await readWorkbookOrReport(await bytesOf(file));
      if (!input.word) {
        setStep({ kind: "idle" });
        setError({ vi: STRINGS.vi.word.notReport, en: STRINGS.en.word.notReport });
        return;
      }
      await install(input.word);
    });
  };

  const working = step.kind === "reading";
  return (
    <section className={styles.box} aria-label={t.word.install}>
      <div className={styles.row}>
        <XlsxButton
          label={t.word.install}
          multiple={false}
          accept={WORD_REPORTS}
          disabled={working || step.kind === "asking"}
          describedBy={hint}
          onFiles={pick}
        />
      </div>
      <p id={hint} className={styles.hint}>
        {t.word.installHint}
      </p>
      {step.kind === "reading" ? (
        <>
          <p className={styles.hint}>{t.word.installing(step.file)}</p>
          <ProgressBar thickness="large" />
        </>
      ) : null}
      {step.kind === "asking" ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.word.exists(step.sheetName, step.unit)}</MessageBarBody>
          <MessageBarActions>
            <BusyButton size="small" onClick={() => void attempt(() => install(step.word, step.sheetName))}>
              {t.word.replace}
            </BusyButton>
            <Button size="small" onClick={() => setStep({ kind: "kept" })}>
              {t.word.keep}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {step.kind === "installed" ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t.word.installed(step.outcome.sheetName, step.outcome.fromTable, step.outcome.fromText)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {step.kind === "kept" ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.word.kept}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ErrorBar error={error} onDismiss={() => setError(undefined)} />
    </section>
  );
}
