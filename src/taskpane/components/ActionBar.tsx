import { makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import { BusyButton } from "./BusyButton";

const useStyles = makeStyles({
  bar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  main: { width: "100%" },
  secondary: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * The main button (the user's own sheet), the reviewer's check of every sheet, and the two actions on the sheet
 * being worked on. Disabled, not hidden, while the pane works (BusyButton: the bar itself does not render again).
 */
export function ActionBar({
  onCheck,
  onCheckAll,
  onFill,
  onClear,
}: {
  onCheck: () => void;
  onCheckAll: () => void;
  onFill: () => void;
  onClear: () => void;
}) {
  const styles = useStyles();
  const { t } = useStrings();
  return (
    <div className={styles.bar} role="group" aria-label={t.actions.group}>
      <BusyButton className={styles.main} appearance="primary" size="large" onClick={onCheck}>
        {t.actions.check}
      </BusyButton>
      <div className={styles.secondary}>
        <BusyButton onClick={onCheckAll}>{t.actions.checkAll}</BusyButton>
        <BusyButton onClick={onFill}>{t.actions.fill}</BusyButton>
        <BusyButton onClick={onClear}>{t.actions.clear}</BusyButton>
      </div>
    </div>
  );
}
