import { memo } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import type { SheetResult } from "../usePane";
import { LanguageSwitch } from "./LanguageSwitch";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  top: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

type HeaderProps = {
  sheet?: string;
  result?: SheetResult;
  missing?: string;
  /** The sheet is one of the workbook's appendix sheets by its key: without its result, nothing says it holds none. */
  appendix?: boolean;
};

/** True when two headers show the same: a check again of the open sheet gives a new result of the same facts. */
function showsTheSame(before: HeaderProps, after: HeaderProps): boolean {
  const a = before.result?.validation;
  const b = after.result?.validation;
  return (
    before.sheet === after.sheet &&
    before.missing === after.missing &&
    before.appendix === after.appendix &&
    (a === b ||
      (a !== undefined &&
        b !== undefined &&
        a.unit === b.unit &&
        a.level === b.level &&
        a.period === b.period &&
        a.templateVersion === b.templateVersion))
  );
}

/**
 * Which sheet is open and, when it holds an appendix, its unit, level, period and template version; `missing`: the
 * form the open sheet names, whose definition the workbook does not carry. Rendered again only when one of those
 * changes, not at every check of the same sheet.
 */
export const Header = memo(function Header({ sheet, result, missing, appendix }: HeaderProps) {
  const styles = useStyles();
  const { t } = useStrings();
  const validation = result?.validation;
  const facts: [string, string][] = [[t.header.sheet, sheet ?? t.header.unknown]];
  if (validation) {
    facts.push(
      [t.header.unit, validation.unit ?? t.header.unknown],
      [t.header.level, validation.level ? t.level[validation.level] : t.header.unknown],
      [t.header.period, validation.period ? t.period(validation.period) : t.header.unknown],
      [t.header.template, validation.templateVersion ?? t.header.unknown],
    );
  }
  return (
    <header className={styles.header}>
      <div className={styles.top}>
        <h1 className={styles.title}>{t.appTitle}</h1>
        <LanguageSwitch />
      </div>
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {sheet && !validation && (missing || !appendix) ? (
        <p className={styles.note}>{missing ? t.header.formMissing(missing) : t.header.notAppendix}</p>
      ) : null}
    </header>
  );
}, showsTheSame);
