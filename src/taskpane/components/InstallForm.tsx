import type { FormEvent } from "react";
import { useEffect, useState } from "react";
import { Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import type { Level } from "../../domain/catalogue";
import { BUILT_IN_FORMS, REFORM_PERIOD } from "../../domain/catalogue";
import { levelsIn, periodStartText } from "../../domain/meta";
import type { PeriodKind } from "../i18n";
import { useStrings } from "../i18n";
import type { InstallRequest } from "../usePane";
import type { SoundDefinition } from "./DefinitionPick";
import { DefinitionPick } from "./DefinitionPick";
import { BusyButton } from "./BusyButton";
import { Disclosure } from "./Disclosure";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  // minmax(0, …) and a full-width year box: an Input is as wide as its 20-character default unless told otherwise,
  // which pushed the year past the pane's edge in a narrow pane.
  row: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 6em", gap: tokens.spacingHorizontalS },
  year: { width: "100%", minWidth: 0 },
  submit: { alignSelf: "flex-start" },
  chosen: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  missing: { margin: 0, color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

/** The choice of the form select that asks for a definition file instead of a built-in form. */
const FROM_FILE = "file";

const PERIOD_KINDS: readonly PeriodKind[] = ["Q1", "Q2", "Q3", "Q4", "H1", "Y"];

/** The period id of a kind and a year: "2021-Q3", "2021-H1", "2021". */
export function periodId(kind: PeriodKind, year: string): string {
  return kind === "Y" ? year : `${year}-${kind}`;
}

function currentQuarter(now: Date): PeriodKind {
  return `Q${Math.floor(now.getMonth() / 3) + 1}` as PeriodKind;
}

/**
 * "Cài đặt phụ lục": a small form that adds an appendix sheet for one reporting unit, of a built-in form or of a
 * form read from a definition file picked from disk (the levels offered are then the form's).
 */
export function InstallForm({
  expanded,
  onInstall,
}: {
  expanded: boolean;
  onInstall: (request: InstallRequest) => Promise<boolean>;
}) {
  const styles = useStyles();
  const { t, lang } = useStrings();
  const now = new Date();
  const [unit, setUnit] = useState("");
  const [level, setLevel] = useState<Level>("so");
  const [kind, setKind] = useState<PeriodKind>(currentQuarter(now));
  const [year, setYear] = useState(String(now.getFullYear()));
  const [sheetName, setSheetName] = useState("");
  const [tried, setTried] = useState(false);
  const [formChoice, setFormChoice] = useState<string>(BUILT_IN_FORMS.default.templateVersion);
  const [definition, setDefinition] = useState<SoundDefinition>();
  const [open, setOpen] = useState(expanded);
  // A workbook found to hold no appendix opens the form; the user may still fold it away.
  useEffect(() => {
    if (expanded) setOpen(true);
  }, [expanded]);
  const unitMissing = tried && !unit.trim();
  const yearValid = /^20\d\d$/.test(year.trim());
  const yearWrong = tried && !yearValid;
  // The period comes first: it decides the levels (no district after the 2025 reform). A level chosen that the
  // period (or the form) does not offer is never swapped for another silently: the select asks for a level again,
  // and the chosen one comes back if the period goes back.
  const period = yearValid ? periodId(kind, year.trim()) : undefined;
  const fromFile = formChoice === FROM_FILE;
  const form = fromFile
    ? definition?.catalogue
    : BUILT_IN_FORMS.forms.find((known) => known.templateVersion === formChoice);
  const levels = levelsIn(period).filter((candidate) => form?.levels.includes(candidate) ?? true);
  const definitionMissing = tried && fromFile && !definition;
  const offered = levels.includes(level) ? level : undefined;
  // The reform's hint where the period is what takes the district away, not a form that never had one.
  const noDistricts = !levelsIn(period).includes("huyen") && (form?.levels.includes("huyen") ?? true);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!unit.trim() || period === undefined || offered === undefined || (fromFile && !definition)) return;
    const done = await onInstall({
      unit: unit.trim(),
      level: offered,
      period,
      ...(sheetName.trim() ? { sheetName: sheetName.trim() } : {}),
      ...(fromFile && definition ? { definition: definition.catalogue } : {}),
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
        <Field label={t.install.form}>
          <Select value={formChoice} onChange={(_, data) => setFormChoice(data.value)}>
            {BUILT_IN_FORMS.forms.map((known) => (
              <option key={known.templateVersion} value={known.templateVersion}>
                {known.templateVersion}
              </option>
            ))}
            <option value={FROM_FILE}>{t.install.formFromFile}</option>
          </Select>
        </Field>
        {fromFile ? (
          <>
            <DefinitionPick
              onPicked={(picked) => {
                setDefinition(picked);
                return Promise.resolve();
              }}
            />
            {definition ? (
              <p className={styles.chosen}>
                {t.definition.chosen(definition.catalogue.templateVersion, definition.catalogue.title[lang])}
              </p>
            ) : null}
            {definitionMissing ? (
              <p className={styles.missing} role="alert">
                {t.install.formFileMissing}
              </p>
            ) : null}
          </>
        ) : null}
        <Field
          label={t.install.unit}
          required
          hint={t.install.unitHint}
          validationMessage={unitMissing ? t.install.unitRequired : undefined}
        >
          <Input value={unit} onChange={(_, data) => setUnit(data.value)} />
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
        <Field
          label={t.install.level}
          hint={noDistricts ? t.reform.noDistricts(periodStartText(REFORM_PERIOD)[lang]) : undefined}
          validationMessage={offered === undefined ? t.install.levelDropped(t.level[level]) : undefined}
        >
          <Select value={offered ?? ""} onChange={(_, data) => setLevel(data.value as Level)}>
            {offered === undefined ? (
              <option value="" disabled>
                {t.install.levelChoose}
              </option>
            ) : null}
            {levels.map((option) => (
              <option key={option} value={option}>
                {t.level[option]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.install.sheetName} hint={t.install.sheetNameHint}>
          <Input value={sheetName} maxLength={31} onChange={(_, data) => setSheetName(data.value)} />
        </Field>
        <BusyButton className={styles.submit} type="submit">
          {t.install.submit}
        </BusyButton>
      </form>
    </Disclosure>
  );
}
