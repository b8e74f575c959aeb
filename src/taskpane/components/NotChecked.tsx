import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { MissingForm } from "../../workflows/validate";
import { useStrings } from "../i18n";
import { BusyButton } from "./BusyButton";

const useStyles = makeStyles({
  list: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
});

/**
 * The appendix sheets a check read but could not check, each with why and what to do: a sheet whose form's
 * definition the workbook does not carry is opened, where the pane asks for the definition file. While any is listed
 * the workbook as a whole is not ready, whatever the verdicts of the sheets that were checked say.
 */
export function NotChecked({
  missing,
  unknownVersions,
  onOpen,
}: {
  missing: readonly MissingForm[];
  unknownVersions: readonly { readonly sheet: string; readonly version: string }[];
  onOpen: (sheet: string) => void;
}) {
  const styles = useStyles();
  const { t, lang } = useStrings();
  const count = missing.length + unknownVersions.length;
  if (count === 0) return null;
  return (
    <section aria-label={t.unchecked.title(count)}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.unchecked.title(count)}</MessageBarTitle>
          {t.unchecked.detail}
          <ul className={styles.list}>
            {missing.map((form) => (
              <li key={form.sheet} className={styles.item}>
                {form.message[lang]}
                <BusyButton size="small" onClick={() => onOpen(form.sheet)}>
                  {t.unchecked.open(form.sheet)}
                </BusyButton>
              </li>
            ))}
            {unknownVersions.map((item) => (
              <li key={item.sheet} className={styles.item}>
                {t.findings.unknownVersion(item.sheet, item.version)}
              </li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
