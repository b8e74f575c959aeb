import { memo, useMemo } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { SheetValidation } from "../../domain/engine";
import type { Finding } from "../../domain/findings";
import { findingKeys, groupFindings, sectionTitle } from "../grouping";
import { useStrings } from "../i18n";
import { FindingItem, FindingsBusy } from "./FindingItem";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  severity: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  section: {
    margin: `${tokens.spacingVerticalXS} 0`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  none: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/**
 * The findings of one sheet, errors first, each severity by section of the form in the form's order. A validation
 * renders its rows once: they are memoised by their finding, and the pane's busy state reaches only their fix
 * buttons (FindingsBusy), so a click's start and end do not render the list again.
 */
export const FindingList = memo(function FindingList({
  validation,
  busy,
  onSelect,
  onFix,
}: {
  validation: SheetValidation;
  busy: boolean;
  onSelect: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
}) {
  const styles = useStyles();
  const { t, lang } = useStrings();
  const groups = useMemo(() => groupFindings(validation.findings), [validation.findings]);
  const keys = useMemo(() => findingKeys(validation.findings), [validation.findings]);
  return (
    <FindingsBusy value={busy}>
      <section className={styles.root} aria-labelledby="findings-heading">
        <h2 id="findings-heading" className={styles.heading}>
          {t.findings.heading}
        </h2>
        {groups.length === 0 ? <p className={styles.none}>{t.findings.none}</p> : null}
        {groups.map((group) => (
          <section key={group.severity} aria-labelledby={`severity-${group.severity}`}>
            <h3 id={`severity-${group.severity}`} className={styles.severity}>
              {t.severityGroup(group.severity, group.count)}
            </h3>
            {group.sections.map((section) => (
              <div key={section.key}>
                <h4 className={styles.section}>{sectionTitle(section.key, t, lang)}</h4>
                <ul className={styles.list}>
                  {section.findings.map((finding) => (
                    <FindingItem
                      key={keys.get(finding)}
                      finding={finding}
                      lang={lang}
                      onSelect={onSelect}
                      onFix={onFix}
                    />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </section>
    </FindingsBusy>
  );
});
