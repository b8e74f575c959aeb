import { memo, useId } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../domain/findings";
import { fixLabel } from "../grouping";
import type { Lang } from "../i18n";
import { useStrings } from "../i18n";
import { cellPlace, useOpenSheet } from "../open-sheet";
import { BusyButton } from "./BusyButton";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  info: { borderLeft: `4px solid ${tokens.colorPaletteBlueBorderActive}` },
  select: {
    border: "none",
    backgroundColor: "transparent",
    padding: 0,
    margin: 0,
    font: "inherit",
    color: "inherit",
    textAlign: "left",
    boxSizing: "border-box",
    cursor: "pointer",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    borderRadius: tokens.borderRadiusSmall,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  meta: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  message: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  fix: { alignSelf: "flex-start" },
  badge: {
    display: "inline-block",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  badgeError: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground2,
  },
  badgeWarning: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorPaletteDarkOrangeForeground2,
  },
  badgeInfo: {
    backgroundColor: tokens.colorPaletteBlueBackground2,
    color: tokens.colorPaletteBlueForeground2,
  },
});

function FixButton({
  className,
  describedBy,
  onClick,
  children,
}: {
  className: string;
  describedBy: string;
  onClick: () => void;
  children: string;
}) {
  // The pane's busy state reaches the fix button alone: a row does not render again when a click starts or ends.
  return (
    <BusyButton
      className={className}
      size="small"
      appearance="primary"
      aria-describedby={describedBy}
      onClick={onClick}
    >
      {children}
    </BusyButton>
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * True when two findings show the same in `lang`: a check again of an unchanged sheet gives new objects of the same
 * findings, whose rows need no rendering again (their fix applies the same suggestion). Only the shown language's
 * text is compared: the other one's templates may not be loaded (../languages.ts).
 */
function sameFinding(a: Finding, b: Finding, lang: Lang): boolean {
  return (
    a === b ||
    (a.rule === b.rule &&
      a.kind === b.kind &&
      a.severity === b.severity &&
      a.message[lang] === b.message[lang] &&
      sameList(a.cells, b.cells) &&
      sameList(a.codes, b.codes) &&
      JSON.stringify(a.suggestion) === JSON.stringify(b.suggestion))
  );
}

/**
 * One finding: its severity, code and cell, and its message with the numbers. Choosing it selects its suspect cell;
 * its fix, when it has one, is a separate button and is never applied without that click.
 */
export const FindingItem = memo(
  function FindingItem({
    finding,
    lang,
    onSelect,
    onFix,
  }: {
    finding: Finding;
    /** The shown language, as the context gives it; a prop so that the comparison below knows it. */
    lang: Lang;
    onSelect: (finding: Finding) => void;
    onFix: (finding: Finding) => void;
  }) {
    const styles = useStyles();
    const { t } = useStrings();
    const messageId = useId();
    // A finding of a sheet the user is not on names that sheet; selecting it opens the sheet (selectFinding).
    const openSheet = useOpenSheet();
    const suspect = cellPlace(finding.cells[0], openSheet);
    const code = finding.suggestion?.code ?? finding.codes[0] ?? "";
    const fix = fixLabel(finding, t, lang, openSheet);
    const badge = { error: styles.badgeError, warning: styles.badgeWarning, info: styles.badgeInfo }[
      finding.severity
    ];
    return (
      <li className={`${styles.item} ${styles[finding.severity]}`}>
        <button
          type="button"
          className={styles.select}
          title={suspect ? t.findings.selectHint : undefined}
          onClick={() => onSelect(finding)}
          disabled={!suspect}
        >
          <span className={styles.meta}>
            <span className={`${styles.badge} ${badge}`}>{t.severity[finding.severity]}</span>
            {suspect ? <span>{t.findings.cell(code, suspect)}</span> : null}
          </span>
          <span id={messageId} className={styles.message}>
            {finding.message[lang]}
          </span>
        </button>
        {fix ? (
          <FixButton className={styles.fix} describedBy={messageId} onClick={() => onFix(finding)}>
            {fix}
          </FixButton>
        ) : null}
      </li>
    );
  },
  (before, after) =>
    before.lang === after.lang &&
    before.onSelect === after.onSelect &&
    before.onFix === after.onFix &&
    sameFinding(before.finding, after.finding, after.lang),
);
