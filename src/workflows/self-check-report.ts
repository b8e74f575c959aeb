import type { Bilingual } from "../domain/catalogue";
import type { SelfCheckReportWord } from "../domain/messages";
import { labelIn, labelText } from "../domain/messages/labels";
import type { ApiSetSupport, SelfCheckResult, SelfCheckStep, SelfCheckStepId } from "./self-check";
import { SELF_CHECK_STEPS } from "./self-check";

// The self-check's report as plain text, for the IT person to paste into an email: one fact a line, every step with
// its outcome and its requests, in the pane's language. Figures the add-in cannot know are said to be unknown.

/** A language of the report. */
export type ReportLang = "vi" | "en";

/** What each step does, as the pane and the report name it. */
export const STEP_TITLES: Readonly<Record<SelfCheckStepId, Bilingual>> = Object.fromEntries(
  SELF_CHECK_STEPS.map((step) => [step, labelText("selfcheck_step", { step })]),
) as Record<SelfCheckStepId, Bilingual>;

/** The words of a step's outcome, in a language: "ĐẠT", "KHÔNG ĐẠT", "BỎ QUA". */
export function statusWord(status: SelfCheckStep["status"], lang: ReportLang): string {
  return labelIn("selfcheck_report_word", { word: status }, lang);
}

/** Consecutive versions of each set, as ranges: "ExcelApi 1.1–1.15". */
function versionRanges(sets: readonly ApiSetSupport[]): string[] {
  const ranges: string[] = [];
  let run: ApiSetSupport[] = [];
  const close = () => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last)
      ranges.push(
        first === last ? `${first.name} ${first.version}` : `${first.name} ${first.version}–${last.version}`,
      );
    run = [];
  };
  for (const set of sets) {
    if (run.length && run[0]!.name !== set.name) close();
    run.push(set);
  }
  close();
  return ranges;
}

/** Each set's versions split by support, keeping their order, grouped in consecutive runs. */
function apiLines(sets: readonly ApiSetSupport[], supported: boolean): string[] {
  const ranges: string[] = [];
  let chunk: ApiSetSupport[] = [];
  for (const set of sets) {
    if (set.supported === supported) {
      chunk.push(set);
      continue;
    }
    ranges.push(...versionRanges(chunk));
    chunk = [];
  }
  ranges.push(...versionRanges(chunk));
  return ranges;
}

/** The self-check's report as plain text in one language, every step listed. */
export function selfCheckReport(result: SelfCheckResult, lang: ReportLang): string {
  const word = (name: SelfCheckReportWord) => labelIn("selfcheck_report_word", { word: name }, lang);
  const { facts } = result;
  const passedSteps = result.steps.filter((step) => step.status === "passed").length;
  const known = facts.platform ? labelIn("selfcheck_platform", { platform: facts.platform }, lang) : "";
  const platform = facts.platform ? `${facts.platform}${known ? ` (${known})` : ""}` : undefined;
  const said = [
    facts.application ? `${word("application")} ${facts.application}` : undefined,
    platform ? `${word("platform")} ${platform}` : undefined,
    facts.version ? `${word("version")} ${facts.version}` : undefined,
  ].filter((part): part is string => part !== undefined);
  const excel = [
    ...(said.length ? said : [word("not_said")]),
    ...(facts.displayLanguage ? [`${word("language")} ${facts.displayLanguage}`] : []),
  ].join("; ");
  const present = apiLines(facts.apiSets, true);
  const absent = apiLines(facts.apiSets, false);
  const { wire } = result.requests;
  const steps = labelIn("selfcheck_steps_passed", { passed: passedSteps, all: result.steps.length }, lang);
  const requests = labelIn(
    "selfcheck_request_count",
    { syncs: result.requests.syncs, runs: result.requests.runs },
    lang,
  );
  const sizes = wire
    ? labelIn(
        "selfcheck_sizes",
        { request: wire.largestRequestBytes, response: wire.largestResponseBytes, requests: wire.requests },
        lang,
      )
    : word("not_measurable");
  const lines = [
    word("title"),
    `${word("at")}: ${result.startedAt.toISOString().replace(/\.\d{3}Z$/, "Z")}`,
    `${word("verdict")}: ${result.passed ? word("passed") : word("failed")} (${steps})`,
    `${word("excel")}: ${excel}`,
    `${word("api_sets")}: ${present.length ? present.join(", ") : word("none")}`,
    `${word("api_missing")}: ${absent.length ? absent.join(", ") : word("none")}`,
    `${word("requests")}: ${requests}`,
    `${word("sizes")}: ${sizes}`,
    ...(result.leftBehind
      ? [labelIn("selfcheck_report_left_behind", { sheet: result.leftBehind }, lang)]
      : []),
    `${word("steps")}:`,
    ...result.steps.map((step, index) => {
      const code = step.code ? ` (${word("code")} ${step.code})` : "";
      const detail = step.detail ? ` ${step.detail[lang]}${code}` : code;
      const figures = step.requests.wire;
      const cost =
        step.status === "skipped"
          ? ""
          : ` [${labelIn(
              "selfcheck_step_requests",
              {
                syncs: step.requests.syncs,
                runs: step.requests.runs,
                ...(figures
                  ? { request: figures.largestRequestBytes, response: figures.largestResponseBytes }
                  : {}),
              },
              lang,
            )}]`;
      return `${index + 1}. ${statusWord(step.status, lang)} ${step.id}: ${STEP_TITLES[step.id][lang]}.${detail}${cost}`;
    }),
  ];
  return lines.join("\n");
}
