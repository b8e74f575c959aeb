import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import { useOpenSheet } from "../open-sheet";

/**
 * Says whose results are shown when they are not the open sheet's (the user's own sheet checked while they are on a
 * colleague's, or a sheet picked in the list): a verdict under another sheet's tab must never read as that sheet's.
 */
export function OtherSheetNote({ sheet }: { sheet: string }) {
  const { t } = useStrings();
  const open = useOpenSheet();
  if (open === undefined || open === sheet) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{t.findings.elsewhere(sheet, open)}</MessageBarBody>
    </MessageBar>
  );
}
