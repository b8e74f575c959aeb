import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import type { SheetResults } from "../usePane";

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  item: { width: "100%", justifyContent: "space-between" },
  ready: { color: tokens.colorPaletteGreenForeground1 },
  errors: { color: tokens.colorPaletteRedForeground1 },
  notChecked: { color: tokens.colorStatusWarningForeground1 },
});

/**
 * The appendix sheets of the workbook with their verdicts, when there is more than one, those the check could not
 * check after them; picks whose findings show, or opens a sheet not checked.
 */
export function SheetList({
  order,
  results,
  focus,
  onFocus,
}: {
  order: readonly string[];
  results: SheetResults;
  focus?: string;
  onFocus: (sheet: string) => void;
}) {
  const styles = useStyles();
  const { t } = useStrings();
  const notChecked = (results.notChecked ?? []).map((missing) => missing.sheet);
  const names = [...order, ...notChecked.filter((name) => !results.has(name))];
  if (names.length < 2) return null;
  return (
    <nav aria-labelledby="sheet-list-heading">
      <h2 id="sheet-list-heading" className={styles.heading}>
        {t.sheets.heading(names.length)}
      </h2>
      <ul className={styles.list}>
        {names.map((name) => {
          const validation = results.get(name)?.validation;
          const ready = validation?.verdict === "ready";
          const status = !validation
            ? { text: t.sheets.notChecked, className: styles.notChecked }
            : ready
              ? { text: t.sheets.ready, className: styles.ready }
              : { text: t.sheets.errors(validation.counts.error), className: styles.errors };
          return (
            <li key={name}>
              <Button
                className={styles.item}
                appearance={name === focus ? "secondary" : "subtle"}
                aria-pressed={name === focus}
                onClick={() => onFocus(name)}
              >
                <span>{name}</span>
                <span className={status.className}>{status.text}</span>
              </Button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
