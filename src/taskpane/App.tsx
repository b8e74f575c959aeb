import { useCallback, useMemo, useRef, useState } from "react";
import {
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { Finding } from "../domain/findings";
import type { AddinHost } from "../workflows/host";
import { ActionBar } from "./components/ActionBar";
import { ConsolidatePanel } from "./components/ConsolidatePanel";
import { FindingList } from "./components/FindingList";
import { Header } from "./components/Header";
import { HelpMenu } from "./components/HelpMenu";
import { InstallForm } from "./components/InstallForm";
import { InstallFromReport } from "./components/InstallFromReport";
import { ErrorBar, NoticeBar } from "./components/MessageBars";
import { OwnSheet, StampOffer } from "./components/OwnSheet";
import { ProgressPanel } from "./components/ProgressPanel";
import { RuleSummary } from "./components/RuleSummary";
import { SheetList } from "./components/SheetList";
import { StampLine } from "./components/StampLine";
import { VerdictBanner } from "./components/VerdictBanner";
import type { Lang, LanguageState } from "./i18n";
import { LanguageContext, pickLanguage, STRINGS } from "./i18n";
import { useConsolidation } from "./useConsolidation";
import { usePane } from "./usePane";

const LANGUAGE_KEY = "cchc-appendix.lang";

const useStyles = makeStyles({
  provider: { minHeight: "100%", backgroundColor: tokens.colorNeutralBackground2 },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "560px",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
  },
  prompt: { margin: 0, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
  results: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

// The choice outlives the pane; a host that refuses storage (a locked-down Office) just forgets it.
function storedLanguage(): Lang | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    return stored === "vi" || stored === "en" ? stored : undefined;
  } catch {
    return undefined;
  }
}

function storeLanguage(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, lang);
  } catch {
    // Nothing to do: the language still applies to this session.
  }
}

/**
 * The task pane. It gets its host injected (Excel through Office.js, or the preview's in-memory workbook) and never
 * calls Excel itself: every change to the workbook is a use case run through host.run.
 */
export function App({ host }: { host: AddinHost }) {
  const styles = useStyles();
  const [lang, setLangState] = useState<Lang>(() => storedLanguage() ?? pickLanguage(host.displayLanguage));
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    storeLanguage(next);
  }, []);
  const language = useMemo<LanguageState>(() => ({ lang, t: STRINGS[lang], setLang }), [lang, setLang]);
  const [state, actions] = usePane(host);
  // Writing the summary opens its form sheet: the header then says so.
  const [consolidation, consolidationActions] = useConsolidation(host, actions.refresh);
  const verdict = useRef<HTMLDivElement>(null);
  const t = STRINGS[lang];

  const fix = useCallback(
    async (finding: Finding) => {
      await actions.fix(finding);
      // The fixed finding's buttons are gone: land on the verdict, which says what the fix changed.
      verdict.current?.focus();
    },
    [actions],
  );

  const focused = state.focus ? state.results.get(state.focus) : undefined;
  const headerResult = (state.active ? state.results.get(state.active) : undefined) ?? state.described;
  const paneBusy = state.busy !== undefined;
  const busy = paneBusy || consolidation.running;
  // A consolidation leaves its summary open, which is no appendix: the workbook still holds some.
  const noAppendixKnown = state.ready && !headerResult && state.order.length === 0 && !consolidation.result;

  return (
    <FluentProvider theme={webLightTheme} className={styles.provider} lang={lang}>
      <LanguageContext.Provider value={language}>
        <main className={styles.main} lang={lang}>
          <Header sheet={state.active} result={headerResult} />
          <OwnSheet
            own={state.own}
            appendices={state.appendices}
            choosing={state.choosing}
            busy={busy}
            onChange={actions.changeOwn}
            onChoose={(sheet) => void actions.chooseOwn(sheet)}
            onCancel={actions.cancelOwn}
          />
          <ErrorBar error={state.error} onDismiss={actions.dismissError} />
          <ActionBar
            busy={state.busy ?? (consolidation.running ? "consolidate" : undefined)}
            onCheck={actions.check}
            onCheckAll={actions.checkAll}
            onFill={actions.fill}
            onClear={actions.clear}
          />
          <ProgressPanel busy={paneBusy} progress={state.progress} />
          <NoticeBar notice={state.notice} />
          <StampOffer
            sheet={state.stampOffer}
            busy={busy}
            onAnswer={(yes) => void actions.answerStampOffer(yes)}
          />
          {state.stampNote?.tone === "warning" ? <NoticeBar notice={state.stampNote} /> : null}
          {!state.checked ? (
            <>
              {headerResult ? <StampLine status={headerResult.stamp} /> : null}
              <p className={styles.prompt}>{t.findings.prompt}</p>
            </>
          ) : state.order.length === 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {[
                  t.findings.noAppendix,
                  ...state.unknownVersions.map((item) => t.findings.unknownVersion(item.sheet, item.version)),
                ].join(" ")}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <div className={styles.results}>
              <SheetList
                order={state.order}
                results={state.results}
                focus={state.focus}
                onFocus={actions.focus}
              />
              {focused ? (
                <>
                  <VerdictBanner ref={verdict} validation={focused.validation} />
                  <StampLine status={focused.stamp} />
                  <FindingList
                    validation={focused.validation}
                    busy={busy}
                    onSelect={actions.select}
                    onFix={fix}
                  />
                  <RuleSummary rules={focused.validation.rules} />
                </>
              ) : null}
            </div>
          )}
          <InstallForm busy={busy} expanded={noAppendixKnown} onInstall={actions.install} />
          <InstallFromReport host={host} busy={busy} onDone={actions.refresh} />
          <ConsolidatePanel state={consolidation} actions={consolidationActions} paneBusy={paneBusy} />
          <HelpMenu host={host} busy={busy} onDone={actions.refresh} />
        </main>
      </LanguageContext.Provider>
    </FluentProvider>
  );
}
