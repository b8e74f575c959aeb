import { memo } from "react";
import { Button } from "@fluentui/react-components";
import { useStrings } from "../i18n";

/**
 * A visible switch to the other language, named in that language so that its reader finds it. It renders again with
 * the language only, not with the header around it.
 */
export const LanguageSwitch = memo(function LanguageSwitch() {
  const { t, setLang } = useStrings();
  return (
    <Button
      size="small"
      appearance="subtle"
      lang={t.otherLang}
      aria-label={t.switchLanguageLabel}
      onClick={() => setLang(t.otherLang)}
    >
      {t.switchLanguage}
    </Button>
  );
});
