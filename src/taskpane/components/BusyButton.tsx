import type { ComponentProps } from "react";
import { Button, makeStyles, mergeClasses } from "@fluentui/react-components";
import { usePaneBusy } from "../busy";

const useStyles = makeStyles({
  // Fluent's button eases its colours in; a click's start and end turn every such button of the pane disabled and
  // back, which eased ran some sixty transitions a click, each a style update and an event through React's root. The
  // disabled state shows at once instead, which is also the click's first feedback.
  immediate: { transitionProperty: "none" },
});

/**
 * A Fluent button that starts work on the workbook: disabled (focusable still, as every disabled button of the pane)
 * while the pane works, or when its own `disabledFocusable` says so. It alone renders again when a click starts or
 * ends, not the form around it.
 */
export function BusyButton({ disabledFocusable, className, ...props }: ComponentProps<typeof Button>) {
  const styles = useStyles();
  const busy = usePaneBusy();
  return (
    <Button
      {...props}
      className={mergeClasses(styles.immediate, className)}
      disabledFocusable={busy || disabledFocusable === true}
    />
  );
}
