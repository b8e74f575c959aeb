import type { ReactNode } from "react";
import { memo, Suspense, use, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { Finding } from "../domain/findings";
import type { AddinHost } from "../workflows/host";
import { ActionBar } from "./components/ActionBar";
import { Header } from "./components/Header";
import { HelpMenu } from "./components/HelpMenu";
import { StampLine } from "./components/StampLine";
import type { Lang, LanguageState } from "./i18n";
import { LanguageContext, pickLanguage, STRINGS, useStrings } from "./i18n";
import { PartBoundary } from "./components/PartBoundary";
import { PaneBusy } from "./busy";
import { OpenSheet, openSheetResult } from "./open-sheet";
import { loadBothStrings, loadLanguage, stringsReady } from "./languages";
import {
  ConsolidatePanel,
  ErrorBar,
  InstallForm,
  InstallFromReport,
  MissingDefinition,
  NoticeBar,
  OwnSheet,
  preloadLater,
  ProgressPanel,
  Results,
  StampOffer,
} from "./later";
import { useConsolidation } from "./useConsolidation";
import { CAN_REHEARSE, Rehearsal, whenIdle } from "./rehearsal";
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

// Rendered again only when their own props change: a check's progress and result render what they change, not the
// header or the forms; its start and end reach the buttons alone, through PaneBusy (./busy.ts).
const MemoActionBar = memo(ActionBar);
const MemoHelpMenu = memo(HelpMenu);

/**
 * The task pane. It gets its host injected (Excel through Office.js, or the preview's in-memory workbook) and never
 * calls Excel itself: every change to the workbook is a use case run through host.run.
 */
export function App({ host }: { host: AddinHost }) {
  return (
    <Suspense fallback={null}>
      <InLanguage host={host} />
    </Suspense>
  );
}

/** The pane in its language, rendered once that language's texts are loaded (Vietnamese's always are). */
function InLanguage({ host }: { host: AddinHost }) {
  const styles = useStyles();
  const [lang, setLangState] = useState<Lang>(() => storedLanguage() ?? pickLanguage(host.displayLanguage));
  // The pane renders in a language only once its findings' templates are loaded (./languages.ts).
  const setLang = useCallback((next: Lang) => {
    // A module the network did not bring leaves the pane in its language; pressing the switch again fetches it again.
    loadLanguage(next).then(
      () => {
        storeLanguage(next);
        setLangState(next);
      },
      () => undefined,
    );
  }, []);
  use(stringsReady(lang));
  const language = useMemo<LanguageState>(() => ({ lang, t: STRINGS[lang], setLang }), [lang, setLang]);
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider} lang={lang}>
      <LanguageContext.Provider value={language}>
        <Pane host={host} />
      </LanguageContext.Provider>
    </FluentProvider>
  );
}

/** Renders its children once the shown language's templates are loaded: the findings' texts are rendered from them. */
function WithMessages({ lang, children }: { lang: Lang; children: ReactNode }) {
  use(loadLanguage(lang));
  return children;
}

/** The pane's contents: its state changes render from here down, never the provider above. */
const Pane = memo(function Pane({ host }: { host: AddinHost }) {
  const styles = useStyles();
  const { lang, t } = useStrings();
  const [state, actions] = usePane(host);
  // Writing the summary opens its form sheet: the header then says so.
  const [consolidation, consolidationActions] = useConsolidation(host, actions.refresh);
  const verdict = useRef<HTMLDivElement>(null);
  // The forms load once the open sheet's first verdict has been painted (./later.tsx), and show from then on.
  const [formsLoaded, setFormsLoaded] = useState(false);
  useEffect(() => {
    if (!state.ready) return;
    // A part that fails to load says so where it shows (PartBoundary), not here.
    return whenIdle(() => {
      preloadLater()
        .then(undefined, () => undefined)
        .finally(() => setFormsLoaded(true));
    });
  }, [state.ready]);
  // The shown language's templates too, after the first verdict (which shows no finding's text), and both
  // languages' texts, in which every notice and error is written.
  useEffect(() => {
    if (state.ready)
      return whenIdle(
        () => void Promise.all([loadLanguage(lang), loadBothStrings()]).then(undefined, () => undefined),
      );
  }, [state.ready, lang]);
  // Once, before the first check: its parts rendered out of sight, so that the first click finds them warm.
  const [rehearsed, setRehearsed] = useState(false);
  const endRehearsal = useCallback(() => setRehearsed(true), []);
  const withMessages = useCallback(
    (children: ReactNode) => <WithMessages lang={lang}>{children}</WithMessages>,
    [lang],
  );

  const fix = useCallback(
    async (finding: Finding) => {
      await actions.fix(finding);
      // The fixed finding's buttons are gone: land on the verdict, which says what the fix changed.
      verdict.current?.focus();
    },
    [actions],
  );
  const check = useCallback(() => void actions.check(), [actions]);
  const checkAll = useCallback(() => void actions.checkAll(), [actions]);
  const fill = useCallback(() => void actions.fill(), [actions]);
  const clear = useCallback(() => void actions.clear(), [actions]);
  const chooseOwn = useCallback((sheet: string) => void actions.chooseOwn(sheet), [actions]);
  const answerStampOffer = useCallback((yes: boolean) => void actions.answerStampOffer(yes), [actions]);

  const headerResult = openSheetResult(state);
  const paneBusy = state.busy !== undefined;
  const busy = paneBusy || consolidation.running;
  // A consolidation leaves its summary open, which is no appendix: the workbook still holds some.
  const noAppendixKnown = state.ready && !headerResult && state.order.length === 0 && !consolidation.result;
  const missing = state.missingForms.find((form) => form.sheet === state.active);
  const ownShown = state.choosing !== undefined || state.own !== undefined || state.appendices.length > 1;

  return (
    <PaneBusy value={busy}>
      <main className={styles.main} lang={lang}>
        <Header
          sheet={state.active}
          result={headerResult}
          missing={missing?.id}
          appendix={state.active !== undefined && state.appendices.includes(state.active)}
        />
        {missing && !headerResult ? (
          <PartBoundary>
            <MissingDefinition.Part missing={missing} onEmbed={actions.embed} />
          </PartBoundary>
        ) : null}
        {ownShown ? (
          <PartBoundary>
            <OwnSheet.Part
              own={state.own}
              appendices={state.appendices}
              choosing={state.choosing}
              onChange={actions.changeOwn}
              onChoose={chooseOwn}
              onCancel={actions.cancelOwn}
            />
          </PartBoundary>
        ) : null}
        {state.error ? (
          <PartBoundary>
            <ErrorBar.Part error={state.error} onDismiss={actions.dismissError} />
          </PartBoundary>
        ) : null}
        <MemoActionBar onCheck={check} onCheckAll={checkAll} onFill={fill} onClear={clear} />
        {paneBusy && state.lasting ? (
          <PartBoundary>
            <ProgressPanel.Part busy={paneBusy} progress={state.progress} />
          </PartBoundary>
        ) : null}
        {state.notice ? (
          <PartBoundary>
            <NoticeBar.Part notice={state.notice} />
          </PartBoundary>
        ) : null}
        {state.stampOffer !== undefined ? (
          <PartBoundary>
            <StampOffer.Part sheet={state.stampOffer} onAnswer={answerStampOffer} />
          </PartBoundary>
        ) : null}
        {state.stampNote?.tone === "warning" ? (
          <PartBoundary>
            <NoticeBar.Part notice={state.stampNote} />
          </PartBoundary>
        ) : null}
        {!state.checked ? (
          <>
            {headerResult ? <StampLine status={headerResult.stamp} /> : null}
            <p className={styles.prompt}>{t.findings.prompt}</p>
          </>
        ) : (
          <PartBoundary>
            <WithMessages lang={lang}>
              <OpenSheet.Provider value={state.active}>
                <Results.Part
                  order={state.order}
                  results={state.results}
                  focus={state.focus}
                  unknownVersions={state.unknownVersions}
                  verdict={verdict}
                  onFocus={actions.focus}
                  onSelect={actions.select}
                  onFix={fix}
                />
              </OpenSheet.Provider>
            </WithMessages>
          </PartBoundary>
        )}
        {formsLoaded || noAppendixKnown ? (
          <PartBoundary>
            <InstallForm.Part expanded={noAppendixKnown} onInstall={actions.install} />
            <InstallFromReport.Part host={host} onDone={actions.refresh} />
            <ConsolidatePanel.Part state={consolidation} actions={consolidationActions} />
          </PartBoundary>
        ) : null}
        <MemoHelpMenu host={host} onDone={actions.refresh} />
        {CAN_REHEARSE && formsLoaded && !rehearsed && !state.checked && state.active && state.described ? (
          <Rehearsal
            sheet={state.active}
            result={state.described}
            wrap={withMessages}
            onDone={endRehearsal}
          />
        ) : null}
      </main>
    </PaneBusy>
  );
});
