import type { FormEvent } from "react";
import { useEffect, useState } from "react";
import { Button, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import type { Level } from "../../domain/catalogue";
import type { PeriodKind } from "../i18n";
import { useStrings } from "../i18n";
import type { InstallRequest } from "../usePane";
import { Disclosure } from "./Disclosure";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  // minmax(0, …) and a full-width year box: an Input is as wide as its 20-character default unless told otherwise,
  // which pushed the year past the pane's edge in a narrow pane.
  row: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 6em", gap: tokens.spacingHorizontalS },
  year: { width: "100%", minWidth: 0 },
  submit: { alignSelf: "flex-start" },
});

const LEVELS: readonly Level[] = ["so", "huyen", "xa"];
const PERIOD_KINDS: readonly PeriodKind[] = ["Q1", "Q2", "Q3", "Q4", "H1", "Y"];

/** The period id of a kind and a year: "2021-Q3", "2021-H1", "2021". */
export function periodId(kind: PeriodKind, year: string): string {
  return kind === "Y" ? year : `${year}-${kind}`;
}

function currentQuarter(now: Date): PeriodKind {
  return `Q${Math.floor(now.getMonth() / 3) + 1}` as PeriodKind;
}

/** "Cài đặt phụ lục": a small form that adds a standard appendix sheet for one reporting unit. */
export function InstallForm({
  busy,
  expanded,
  onInstall,
}: {
  busy: boolean;
  expanded: boolean;
  onInstall: (request: InstallRequest) => Promise<boolean>;
}) {
  const styles = useStyles();
  const { t } = useStrings();
  const now = new Date();
  const [unit, setUnit] = useState("");
  const [level, setLevel] = useState<Level>("so");
  const [kind, setKind] = useState<PeriodKind>(currentQuarter(now));
  const [year, setYear] = useState(String(now.getFullYear()));
  const [sheetName, setSheetName] = useState("");
  const [tried, setTried] = useState(false);
  const [open, setOpen] = useState(expanded);
  // A workbook found to hold no appendix opens the form; the user may still fold it away.
  useEffect(() => {
    if (expanded) setOpen(true);
  }, [expanded]);
  const unitMissing = tried && !unit.trim();
  const yearWrong = tried && !/^20\d\d$/.test(year.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!unit.trim() || !/^20\d\d$/.test(year.trim())) return;
    const done = await onInstall({
      unit: unit.trim(),
      level,
      period: periodId(kind, year.trim()),
      ...(sheetName.trim() ? { sheetName: sheetName.trim() } : {}),
    });
    if (done) {
      setUnit("");
      setSheetName("");
      setTried(false);
    }
  };

  return (
    <Disclosure title={t.install.title} open={open} onToggle={setOpen}>
      <form className={styles.form} onSubmit={submit} noValidate aria-label={t.install.title}>
        <p className={styles.intro}>{t.install.intro}</p>
        <Field
          label={t.install.unit}
          required
          hint={t.install.unitHint}
          validationMessage={unitMissing ? t.install.unitRequired : undefined}
        >
          <Input value={unit} onChange={(_, data) => setUnit(data.value)} />
        </Field>
        <Field label={t.install.level}>
          <Select value={level} onChange={(_, data) => setLevel(data.value as Level)}>
            {LEVELS.map((option) => (
              <option key={option} value={option}>
                {t.level[option]}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.row}>
          <Field label={t.install.periodKind}>
            <Select value={kind} onChange={(_, data) => setKind(data.value as PeriodKind)}>
              {PERIOD_KINDS.map((option) => (
                <option key={option} value={option}>
                  {t.install.periodKinds[option]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.install.year} validationMessage={yearWrong ? t.install.yearInvalid : undefined}>
            <Input
              className={styles.year}
              value={year}
              inputMode="numeric"
              maxLength={4}
              onChange={(_, data) => setYear(data.value)}
            />
          </Field>
        </div>
        <Field label={t.install.sheetName} hint={t.install.sheetNameHint}>
          <Input value={sheetName} maxLength={31} onChange={(_, data) => setSheetName(data.value)} />
        </Field>
        <Button className={styles.submit} type="submit" disabledFocusable={busy}>
          {t.install.submit}
        </Button>
      </form>
    </Disclosure>
  );
}
