import { memo, startTransition, useEffect, useMemo, useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { SheetValidation } from "../../domain/engine";
import type { Finding } from "../../domain/findings";
import { findingKeys, groupFindings, sectionTitle } from "../grouping";
import { useStrings } from "../i18n";
import { whenIdle } from "../rehearsal";
import { FindingItem } from "./FindingItem";

/**
 * How many findings a sheet's list shows in the frame that first shows it: more than a task pane's height holds. The
 * rest follow once that frame is painted and the page is idle, so a sheet of many findings shows its verdict and
 * first findings without waiting for every row's rendering.
 */
export const FIRST_SCREEN_FINDINGS = 12;

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
 * buttons (../busy.ts), so a click's start and end do not render the list again.
 */
export const FindingList = memo(function FindingList({
  validation,
  onSelect,
  onFix,
}: {
  validation: SheetValidation;
  onSelect: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
}) {
  const styles = useStyles();
  const { t, lang } = useStrings();
  const groups = useMemo(() => groupFindings(validation.findings), [validation.findings]);
  const keys = useMemo(() => findingKeys(validation.findings), [validation.findings]);
  // The sheet whose list is shown whole: a sheet's first list shows its first screen, and every list of it after
  // that is whole (rows of findings unchanged by a check again render nothing new: FindingItem is memoised).
  const [wholeFor, setWholeFor] = useState<string>();
  const whole = wholeFor === validation.sheet || validation.findings.length <= FIRST_SCREEN_FINDINGS;
  useEffect(() => {
    if (whole) return;
    const sheet = validation.sheet;
    return whenIdle(() => startTransition(() => setWholeFor(sheet)));
  }, [whole, validation.sheet]);
  let room = whole ? Number.POSITIVE_INFINITY : FIRST_SCREEN_FINDINGS;
  const shown = (findings: readonly Finding[]): readonly Finding[] => {
    const taken = findings.length <= room ? findings : findings.slice(0, Math.max(room, 0));
    room -= taken.length;
    return taken;
  };
  return (
    <section className={styles.root} aria-labelledby="findings-heading">
      <h2 id="findings-heading" className={styles.heading}>
        {t.findings.heading}
      </h2>
      {groups.length === 0 ? <p className={styles.none}>{t.findings.none}</p> : null}
      {groups.map((group) => {
        if (room <= 0) return null;
        return (
          <section key={group.severity} aria-labelledby={`severity-${group.severity}`}>
            <h3 id={`severity-${group.severity}`} className={styles.severity}>
              {t.severityGroup(group.severity, group.count)}
            </h3>
            {group.sections.map((section) => {
              const findings = shown(section.findings);
              if (findings.length === 0) return null;
              return (
                <div key={section.key}>
                  <h4 className={styles.section}>{sectionTitle(section.key, t, lang)}</h4>
                  <ul className={styles.list}>
                    {findings.map((finding) => (
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
              );
            })}
          </section>
        );
      })}
    </section>
  );
});
