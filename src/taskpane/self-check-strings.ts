import type { SelfCheckPaneText } from "../domain/messages";
import { labelIn } from "../domain/messages/labels";
import type { Lang } from "./i18n";

/** The texts of the help menu and its self-check, in one language. */
export interface SelfCheckStrings {
  readonly title: string;
  readonly intro: string;
  readonly run: string;
  readonly runAgain: string;
  readonly running: string;
  readonly close: string;
  readonly loadFailed: string;
  readonly passed: string;
  readonly failed: string;
  readonly stepsLabel: string;
  readonly status: { readonly passed: string; readonly failed: string; readonly skipped: string };
  readonly copy: string;
  readonly copied: string;
  readonly copyRefused: string;
  readonly reportLabel: string;
  readonly send: string;
  leftBehind(sheet: string): string;
}

/** The help menu's self-check texts in `lang`, from the message modules (both loaded with the dialog). */
export function selfCheckStrings(lang: Lang): SelfCheckStrings {
  const text = (name: SelfCheckPaneText) => labelIn("selfcheck_pane", { text: name }, lang);
  const status = (name: "passed" | "failed" | "skipped") =>
    labelIn("selfcheck_status", { status: name }, lang);
  return {
    title: text("title"),
    intro: text("intro"),
    run: text("run"),
    runAgain: text("run_again"),
    running: text("running"),
    close: text("close"),
    loadFailed: text("load_failed"),
    passed: text("passed"),
    failed: text("failed"),
    stepsLabel: text("steps_label"),
    status: { passed: status("passed"), failed: status("failed"), skipped: status("skipped") },
    copy: text("copy"),
    copied: text("copied"),
    copyRefused: text("copy_refused"),
    reportLabel: text("report_label"),
    send: text("send"),
    leftBehind: (sheet) => labelIn("selfcheck_left_behind", { sheet }, lang),
  };
}

/** The help menu's and the self-check's texts by language, rendered when a language's are read. */
export const SELF_CHECK_STRINGS: Readonly<Record<Lang, SelfCheckStrings>> = {
  get vi() {
    return selfCheckStrings("vi");
  },
  get en() {
    return selfCheckStrings("en");
  },
};
