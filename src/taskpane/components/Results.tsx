import type { Ref } from "react";
import { memo } from "react";
import { makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import type { Finding } from "../../domain/findings";
import { useStrings } from "../i18n";
import type { SheetResults } from "../usePane";
import { FindingList } from "./FindingList";
import { NotChecked } from "./NotChecked";
import { OtherSheetNote } from "./OtherSheetNote";
import { RuleSummary } from "./RuleSummary";
import { SheetList } from "./SheetList";
import { StampLine } from "./StampLine";
import { VerdictBanner } from "./VerdictBanner";

const useStyles = makeStyles({
  results: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/**
 * What a check found: the appendix sheets with their verdicts, those it could not check and why, and the focused
 * sheet's verdict, stamp, findings and rules; or, when the workbook holds no appendix, why. Loaded apart from the
 * pane's first screen (../later.tsx).
 */
export const Results = memo(function Results({
  order,
  results,
  focus,
  unknownVersions,
  verdict,
  onFocus,
  onSelect,
  onFix,
}: {
  order: readonly string[];
  results: SheetResults;
  focus?: string;
  unknownVersions: readonly { readonly sheet: string; readonly version: string }[];
  verdict: Ref<HTMLDivElement>;
  onFocus: (sheet: string) => void;
  onSelect: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
}) {
  const styles = useStyles();
  const { t } = useStrings();
  const missing = results.notChecked ?? [];
  const notChecked = <NotChecked missing={missing} unknownVersions={unknownVersions} onOpen={onFocus} />;
  if (order.length === 0 && missing.length + unknownVersions.length > 0) return notChecked;
  if (order.length === 0) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t.findings.noAppendix}</MessageBarBody>
      </MessageBar>
    );
  }
  const focused = focus ? results.get(focus) : undefined;
  return (
    <div className={styles.results}>
      {notChecked}
      <SheetList order={order} results={results} focus={focus} onFocus={onFocus} />
      {focused ? (
        <>
          <OtherSheetNote sheet={focused.validation.sheet} />
          <VerdictBanner ref={verdict} validation={focused.validation} />
          <StampLine status={focused.stamp} />
          <FindingList validation={focused.validation} onSelect={onSelect} onFix={onFix} />
          <RuleSummary rules={focused.validation.rules} />
        </>
      ) : null}
    </div>
  );
});
