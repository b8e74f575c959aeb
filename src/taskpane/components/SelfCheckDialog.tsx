import { useCallback, useRef, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import type { SelfCheckHost, SelfCheckResult, SelfCheckStep } from "../../workflows/self-check";
import { runSelfCheck } from "../../workflows/self-check";
import { STEP_TITLES, selfCheckReport } from "../../workflows/self-check-report";
import { useStrings } from "../i18n";
import { SELF_CHECK_STRINGS } from "../self-check-strings";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { margin: 0 },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  status: { fontWeight: tokens.fontWeightSemibold },
  passed: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  skipped: { color: tokens.colorNeutralForeground3 },
  detail: { display: "block", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  report: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

type Copy = "idle" | "copied" | "refused";

/** The self-check in a modal dialog: the pane's buttons wait behind it while it works on the workbook. */
export default function SelfCheckDialog({
  load,
  onClose,
}: {
  /** The host's self-check support, loaded on the first run. */
  load: () => Promise<SelfCheckHost>;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { lang } = useStrings();
  const t = SELF_CHECK_STRINGS[lang];
  const [running, setRunning] = useState(false);
  const [steps, setSteps] = useState<readonly SelfCheckStep[]>([]);
  const [result, setResult] = useState<SelfCheckResult>();
  const [copy, setCopy] = useState<Copy>("idle");
  const [loadFailed, setLoadFailed] = useState(false);
  const report = useRef<HTMLTextAreaElement>(null);
  const text = result ? selfCheckReport(result, lang) : "";

  const run = useCallback(async () => {
    setRunning(true);
    setSteps([]);
    setResult(undefined);
    setCopy("idle");
    setLoadFailed(false);
    let selfCheck: SelfCheckHost;
    try {
      selfCheck = await load();
    } catch {
      setLoadFailed(true);
      setRunning(false);
      return;
    }
    // runSelfCheck never throws: every failure is a step of its report.
    const done = await runSelfCheck(selfCheck, { onStep: (step) => setSteps((shown) => [...shown, step]) });
    setResult(done);
    setRunning(false);
  }, [load]);

  const copyReport = useCallback(async () => {
    try {
      // Excel's pane may have no clipboard (an iframe without the permission): the text is then shown to copy.
      await navigator.clipboard.writeText(text);
      setCopy("copied");
    } catch {
      setCopy("refused");
      requestAnimationFrame(() => report.current?.select());
    }
  }, [text]);

  return (
    <Dialog
      open
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open && !running) onClose();
      }}
    >
      <DialogSurface aria-busy={running}>
        <DialogBody>
          <DialogTitle>{t.title}</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.intro}>{t.intro}</p>
            {running ? <Spinner size="tiny" label={t.running} /> : null}
            {loadFailed ? (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{t.loadFailed}</MessageBarBody>
              </MessageBar>
            ) : null}
            {steps.length ? (
              <ol className={styles.steps} aria-label={t.stepsLabel}>
                {steps.map((step) => (
                  <li key={step.id} data-step={step.id} data-status={step.status}>
                    <span className={`${styles.status} ${styles[step.status]}`}>{t.status[step.status]}</span>
                    {" — "}
                    {STEP_TITLES[step.id][lang]}
                    {step.detail ? (
                      <span className={styles.detail}>
                        {step.detail[lang]}
                        {step.code ? ` (${step.code})` : ""}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : null}
            {result ? (
              <MessageBar
                intent={result.passed ? "success" : "error"}
                layout="multiline"
                data-testid="self-check-verdict"
              >
                <MessageBarBody>{result.passed ? t.passed : t.failed}</MessageBarBody>
              </MessageBar>
            ) : null}
            {result?.leftBehind ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{t.leftBehind(result.leftBehind)}</MessageBarBody>
              </MessageBar>
            ) : null}
            {result ? <p className={styles.intro}>{t.send}</p> : null}
            {copy === "copied" ? (
              <MessageBar intent="success" layout="multiline">
                <MessageBarBody>{t.copied}</MessageBarBody>
              </MessageBar>
            ) : null}
            {copy === "refused" ? (
              <Field label={t.reportLabel} hint={t.copyRefused}>
                <Textarea
                  ref={report}
                  readOnly
                  resize="vertical"
                  rows={12}
                  value={text}
                  textarea={{ className: styles.report }}
                />
              </Field>
            ) : null}
          </DialogContent>
          <DialogActions>
            {result ? (
              <Button appearance="primary" onClick={() => void copyReport()}>
                {t.copy}
              </Button>
            ) : null}
            <Button
              appearance={result ? "secondary" : "primary"}
              disabledFocusable={running}
              onClick={() => void run()}
            >
              {result ? t.runAgain : t.run}
            </Button>
            <Button disabledFocusable={running} onClick={onClose}>
              {t.close}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
