import { useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { RuleSummary as RuleRow } from "../../domain/findings";
import { useStrings } from "../i18n";
import { Disclosure } from "./Disclosure";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", width: "3.5em" },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The per-rule summary (passed, failed, not evaluated), failing rules first; folded away until asked for. */
export function RuleSummary({ rules }: { rules: readonly RuleRow[] }) {
  const { t } = useStrings();
  const [open, setOpen] = useState(false);
  // The table of every rule is built only when opened: a check renders the folded line alone.
  return (
    <Disclosure title={`${t.rules.heading} (${rules.length})`} open={open} onToggle={setOpen}>
      {open ? <RuleTable rules={rules} /> : null}
    </Disclosure>
  );
}

function RuleTable({ rules }: { rules: readonly RuleRow[] }) {
  const styles = useStyles();
  const { t } = useStrings();
  const sorted = [...rules].sort((a, b) => Number(b.failed > 0) - Number(a.failed > 0));
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th scope="col" className={`${styles.cell} ${styles.head}`}>
            {t.rules.rule}
          </th>
          <th scope="col" className={`${styles.cell} ${styles.head} ${styles.number}`}>
            {t.rules.passed}
          </th>
          <th scope="col" className={`${styles.cell} ${styles.head} ${styles.number}`}>
            {t.rules.failed}
          </th>
          <th scope="col" className={`${styles.cell} ${styles.head} ${styles.number}`}>
            {t.rules.notEvaluated}
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={row.rule}>
            <th scope="row" className={styles.cell} style={{ textAlign: "left", fontWeight: "normal" }}>
              {t.rules.name(row.rule)}
            </th>
            <td className={`${styles.cell} ${styles.number}`}>{row.passed}</td>
            <td className={`${styles.cell} ${styles.number} ${row.failed ? styles.failed : ""}`}>
              {row.failed}
            </td>
            <td className={`${styles.cell} ${styles.number}`}>{row.notEvaluated}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
