import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import type { Busy } from "../usePane";

const useStyles = makeStyles({
  bar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  main: { width: "100%" },
  secondary: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * The main button (the user's own sheet), the reviewer's check of every sheet, and the two actions on the sheet
 * being worked on. Disabled, not hidden, while the pane works.
 */
export function ActionBar({
  busy,
  onCheck,
  onCheckAll,
  onFill,
  onClear,
}: {
  busy?: Busy;
  onCheck: () => void;
  onCheckAll: () => void;
  onFill: () => void;
  onClear: () => void;
}) {
  const styles = useStyles();
  const { t } = useStrings();
  const working = busy !== undefined;
  return (
    <div className={styles.bar} role="group" aria-label={t.actions.group}>
      <Button
        className={styles.main}
        appearance="primary"
        size="large"
        disabledFocusable={working}
        onClick={onCheck}
      >
        {t.actions.check}
      </Button>
      <div className={styles.secondary}>
        <Button disabledFocusable={working} onClick={onCheckAll}>
          {t.actions.checkAll}
        </Button>
        <Button disabledFocusable={working} onClick={onFill}>
          {t.actions.fill}
        </Button>
        <Button disabledFocusable={working} onClick={onClear}>
          {t.actions.clear}
        </Button>
      </div>
    </div>
  );
}
