import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { WorkbookConsolidation } from "../../workflows/consolidate-workbook";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  unit: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  ready: { color: tokens.colorPaletteGreenForeground1 },
  errors: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * What a consolidation did: where the summary was written, each unit with its errors and warnings, the units
 * expected but missing, the files and sheets left out, and the consolidation's own warnings.
 */
export function ConsolidationResult({ result }: { result: WorkbookConsolidation }) {
  const styles = useStyles();
  const { t, lang } = useStrings();
  const strings = t.consolidate;
  const { consolidation, sheets } = result;
  const counted = consolidation.units.filter((unit) => unit.included);
  const warnings = consolidation.issues.filter((issue) => issue.severity !== "info").length;
  // A hidden sheet's figures are in the totals: said here, not only on the findings sheet.
  const hidden = consolidation.issues.filter((issue) => issue.kind === "hidden_sheet");
  return (
    <div className={styles.box} role="region" aria-label={strings.done(counted.length, sheets.form)}>
      <MessageBar
        intent={consolidation.hasErrors ? "warning" : "success"}
        politeness="polite"
        layout="multiline"
      >
        <MessageBarBody>
          <MessageBarTitle>{strings.done(counted.length, sheets.form)}</MessageBarTitle>
          {strings.sheets(Object.values(sheets))}
        </MessageBarBody>
      </MessageBar>
      {consolidation.missingUnits.length ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{strings.missing(consolidation.missingUnits)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {consolidation.excluded.length ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.excludedTitle}</MessageBarTitle>
            {consolidation.excluded
              .map((entry) => {
                const where = [entry.file, entry.sheet && `'${entry.sheet}'`].filter(Boolean).join(" ");
                return `${where}: ${entry.reason[lang]}`;
              })
              .join(" ")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {hidden.length ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.hiddenTitle}</MessageBarTitle>
            {hidden.map((issue) => issue.message[lang]).join(" ")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {warnings ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{strings.issues(warnings, sheets.issues)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <h3 className={styles.heading}>{strings.unitsHeading(consolidation.units.length)}</h3>
      <ul className={styles.list}>
        {consolidation.units.map((unit) => {
          const { error, warning } = unit.counts;
          const status = !unit.included
            ? strings.unitDuplicate
            : error || warning
              ? strings.unitFindings(error, warning)
              : strings.unitReady;
          const tone = !unit.included ? styles.muted : error ? styles.errors : styles.ready;
          return (
            <li key={`${unit.file ?? ""}\u0000${unit.sheet}`} className={styles.unit}>
              <span>{unit.unit}</span>
              <span className={tone}>{status}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
