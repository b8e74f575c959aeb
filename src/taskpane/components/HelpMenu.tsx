import type { KeyboardEvent } from "react";
import { Suspense, lazy, useCallback, useEffect, useId, useRef, useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { AddinHost } from "../../workflows/host";
import type { Lang } from "../i18n";
import { useStrings } from "../i18n";
import { loadBothLanguages } from "../languages";
import { BusyButton } from "./BusyButton";

// The self-check, its dialog and Fluent's Dialog load only when the IT person opens it: the pane's first load stays
// within its budget (README, taskpane_js_gzip_kb). It quotes the findings it makes in both languages, so it waits
// for both languages' templates too.
const SelfCheckDialog = lazy(() =>
  Promise.all([import("./SelfCheckDialog"), loadBothLanguages()]).then(([module]) => module),
);

/** The menu's own texts; the self-check's are in its lazily loaded module (self-check-strings.ts). */
const MENU_STRINGS: Readonly<Record<Lang, { help: string; selfCheck: string; unavailable: string }>> = {
  vi: { help: "Trợ giúp", selfCheck: "Tự kiểm tra", unavailable: "Tự kiểm tra chỉ chạy được trong Excel." },
  en: { help: "Help", selfCheck: "Self-check", unavailable: "The self-check runs only in Excel." },
};

const useStyles = makeStyles({
  help: { position: "relative", alignSelf: "flex-start" },
  menu: {
    position: "absolute",
    zIndex: 1,
    bottom: "100%",
    left: 0,
    display: "flex",
    flexDirection: "column",
    minWidth: "12em",
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
  },
  item: { justifyContent: "flex-start" },
});

/**
 * The help menu: a menu button (aria-haspopup) and its menu, lighter than Fluent's Menu, which would bring its
 * positioning library into the pane's first load. Its one entry opens the self-check.
 */
export function HelpMenu({ host, onDone }: { host: AddinHost; onDone: () => void }) {
  const styles = useStyles();
  const { lang } = useStrings();
  const t = MENU_STRINGS[lang];
  const [open, setOpen] = useState(false);
  const [checking, setChecking] = useState(false);
  const menu = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const selfCheck = host.selfCheck;

  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const outside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [open]);

  const onMenuKey = useCallback((event: KeyboardEvent) => {
    if (event.key !== "Escape" && event.key !== "Tab") return;
    setOpen(false);
    if (event.key === "Escape") button.current?.focus();
  }, []);

  const closeCheck = useCallback(() => {
    setChecking(false);
    button.current?.focus();
    onDone();
  }, [onDone]);

  return (
    <div className={styles.help} ref={root}>
      <Button
        ref={button}
        appearance="subtle"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menu : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t.help} ▾
      </Button>
      {open ? (
        <div id={menu} role="menu" aria-label={t.help} className={styles.menu} onKeyDown={onMenuKey}>
          <BusyButton
            ref={first}
            role="menuitem"
            appearance="subtle"
            className={styles.item}
            disabledFocusable={!selfCheck}
            title={selfCheck ? undefined : t.unavailable}
            onClick={() => {
              setOpen(false);
              setChecking(true);
            }}
          >
            {t.selfCheck}
          </BusyButton>
        </div>
      ) : null}
      {checking && selfCheck ? (
        <Suspense fallback={null}>
          <SelfCheckDialog load={selfCheck} onClose={closeCheck} />
        </Suspense>
      ) : null}
    </div>
  );
}
