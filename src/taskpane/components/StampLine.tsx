import { makeStyles, tokens } from "@fluentui/react-components";
import type { StampStatus } from "../../workflows/stamp";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  line: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  same: { color: tokens.colorPaletteGreenForeground1 },
  changed: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  none: { color: tokens.colorNeutralForeground3 },
});

/** Whether the sheet carries a validation stamp, and whether its values changed since. */
export function StampLine({ status }: { status?: StampStatus }) {
  const styles = useStyles();
  const { t } = useStrings();
  if (!status) return null;
  const stamp = status.stamp;
  if (!stamp) return <p className={`${styles.line} ${styles.none}`}>{t.stamp.none}</p>;
  return (
    <p
      className={`${styles.line} ${status.valuesChanged ? styles.changed : styles.same}`}
      data-testid="stamp"
    >
      {status.valuesChanged ? t.stamp.changed(stamp.at) : t.stamp.same(stamp.at)}
      {status.rulesChanged ? ` ${t.stamp.rulesChanged(stamp.templateVersion, stamp.rulesHash)}` : null}
    </p>
  );
}
