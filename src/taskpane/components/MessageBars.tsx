import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { PaneError } from "../errors";
import { useStrings } from "../i18n";
import type { Notice } from "../usePane";

/** An error from the host, in the pane's language, until dismissed or the next action. */
export function ErrorBar({ error, onDismiss }: { error?: PaneError; onDismiss: () => void }) {
  const { t, lang } = useStrings();
  if (!error) return null;
  return (
    <MessageBar intent="error" politeness="assertive" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.errors.title}</MessageBarTitle>
        {error[lang]}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {t.errors.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** The outcome of the last action, said politely. */
export function NoticeBar({ notice }: { notice?: Notice }) {
  const { lang } = useStrings();
  if (!notice) return null;
  return (
    <MessageBar intent={notice.tone} politeness="polite" layout="multiline">
      <MessageBarBody>{notice.text[lang]}</MessageBarBody>
    </MessageBar>
  );
}
