import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import type { SheetResult } from "../usePane";

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  item: { width: "100%", justifyContent: "space-between" },
  ready: { color: tokens.colorPaletteGreenForeground1 },
  errors: { color: tokens.colorPaletteRedForeground1 },
});

/** The appendix sheets of the workbook with their verdicts, when there is more than one; picks whose findings show. */
export function SheetList({
  order,
  results,
  focus,
  onFocus,
}: {
  order: readonly string[];
  results: ReadonlyMap<string, SheetResult>;
  focus?: string;
  onFocus: (sheet: string) => void;
}) {
  const styles = useStyles();
  const { t } = useStrings();
  if (order.length < 2) return null;
  return (
    <nav aria-labelledby="sheet-list-heading">
      <h2 id="sheet-list-heading" className={styles.heading}>
        {t.sheets.heading(order.length)}
      </h2>
      <ul className={styles.list}>
        {order.map((name) => {
          const validation = results.get(name)?.validation;
          const ready = validation?.verdict === "ready";
          return (
            <li key={name}>
              <Button
                className={styles.item}
                appearance={name === focus ? "secondary" : "subtle"}
                aria-pressed={name === focus}
                onClick={() => onFocus(name)}
              >
                <span>{name}</span>
                <span className={ready ? styles.ready : styles.errors}>
                  {ready ? t.sheets.ready : t.sheets.errors(validation?.counts.error ?? 0)}
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
