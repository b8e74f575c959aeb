import type { ReactNode } from "react";
import { useId } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  toggle: { justifyContent: "flex-start", width: "100%", fontWeight: tokens.fontWeightSemibold },
  chevron: {
    display: "inline-block",
    width: "1em",
    transitionProperty: "transform",
    transitionDuration: "0.1s",
  },
  open: { transform: "rotate(90deg)" },
  panel: { paddingTop: tokens.spacingVerticalS },
});

/**
 * A section folded behind a button (aria-expanded), for what the user opens now and then: the install form, the
 * per-rule summary. Lighter than Fluent's Accordion, which would bring its motion library into the pane's bundle.
 */
export function Disclosure({
  title,
  open,
  onToggle,
  children,
}: {
  title: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const panel = useId();
  return (
    <div>
      <Button
        className={styles.toggle}
        appearance="subtle"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => onToggle(!open)}
      >
        <span aria-hidden="true" className={`${styles.chevron} ${open ? styles.open : ""}`}>
          ›
        </span>
        {title}
      </Button>
      <div id={panel} className={styles.panel} hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  );
}
