import type { Ref } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { SheetValidation } from "../../domain/engine";
import { useStrings } from "../i18n";

/**
 * The verdict of one sheet: ready to submit, or how many errors and warnings stand in the way, and how many
 * expected indicators are still blank. It takes focus after a fix, so a keyboard user hears what the fix changed.
 */
export function VerdictBanner({
  validation,
  ref,
}: {
  validation: SheetValidation;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useStrings();
  const ready = validation.verdict === "ready";
  const { error, warning } = validation.counts;
  const blank = validation.blankExpected.length;
  const empty = validation.findings.some((finding) => finding.kind === "empty_appendix");
  return (
    <div ref={ref} tabIndex={-1} aria-label={t.verdict.region} role="region" data-testid="verdict">
      <MessageBar intent={ready ? "success" : "error"} politeness="polite" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{ready ? t.verdict.ready : t.verdict.notReady(error, warning)}</MessageBarTitle>
          {empty ? t.verdict.empty : ready && !warning && !blank ? t.verdict.readyDetail : null}
          {!empty && ready && warning ? t.verdict.notReady(0, warning) + ". " : null}
          {!empty && blank ? t.verdict.blank(blank) : null}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
