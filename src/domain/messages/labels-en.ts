import { formatCount } from "../format";
import type { Level } from "../catalogue";
import { alternatives } from "./shared";
import { periodInEnglish } from "../period-en";
import type {
  LabelParams,
  SelfCheckPaneText,
  SelfCheckReportWord,
  SelfCheckStepName,
  SummaryColumn,
  SummaryTable,
  Templates,
  TextCutKind,
} from "./kinds";

// The English texts around the findings: the summary workbook's, the self-check's, the command line's result lines.

const n = (count: number) => formatCount(count, "en");

/** A count with its noun, singular for one: "1 error", "1,936 errors". */
function count(amount: number, one: string, many = `${one}s`): string {
  return `${n(amount)} ${amount === 1 ? one : many}`;
}

/** A level as the English texts name it, as the pane's English does. */
const LEVEL_NAME: Readonly<Record<Level, string>> = { so: "department", huyen: "district", xa: "commune" };

const SUMMARY_TITLE: Readonly<Record<SummaryTable, string>> = {
  units: "Reporting units",
  missing: "Units without an appendix, files not consolidated",
  requests: "Correction requests",
  nonAggregable: "Indicators that are not aggregated: listed per unit",
  issues: "Consolidation findings",
  figures: "Figures of each unit",
};

// The columns of a table that holds a text in both languages are headed, in English, as the Vietnamese one and the
// one to read.
const SUMMARY_HEADER: Readonly<Record<SummaryColumn, string>> = {
  unit: "Reporting unit",
  level: "Level",
  period: "Period",
  verdict: "Verdict",
  errors: "Errors",
  warnings: "Warnings",
  failed_rules: "Failed rules",
  role: "Role",
  file: "File",
  sheet: "Sheet",
  counted: "Counted",
  form: "Form",
  unit_or_file: "Unit or file",
  reason: "Reason (Vietnamese)",
  reason_en: "Reason",
  request: "Request (Vietnamese)",
  request_en: "Request",
  code: "Code",
  codes: "Codes",
  indicator: "Indicator",
  value: "Value",
  severity: "Severity",
  cell: "Cell",
  message: "Message (Vietnamese)",
  message_en: "Message",
};

const STEP: Readonly<Record<SelfCheckStepName, string>> = {
  install: "Install the appendix on a scratch sheet",
  type: "Type values (one of them wrong)",
  validate: "Validate and mark",
  marks: "Marks appear on the sheet",
  fix: "One-click fix",
  fill: "Fill derived formulas",
  clear: "Clear marks",
  restore: "Go back to the sheet in use",
  delete: "Delete the scratch sheet",
  unchanged: "Workbook as it was found",
};

const PANE: Readonly<Record<SelfCheckPaneText, string>> = {
  title: "Add-in self-check",
  intro:
    "The self-check runs the add-in's functions one after another (install, validate, mark, fix, fill formulas, clear marks) on a temporary scratch sheet, then deletes it. Your sheets are not changed.",
  run: "Run the self-check",
  run_again: "Run again",
  running: "Self-check running…",
  close: "Close",
  load_failed:
    "The self-check could not be loaded. Check the network connection, close and reopen the pane, and try again.",
  passed: "Self-check passed: every step worked.",
  failed: "Self-check failed: see the failed step below.",
  steps_label: "Self-check steps",
  copy: "Copy the report",
  copied: "Report copied. Paste it into an email to support.",
  copy_refused:
    "Excel does not allow copying from here. Select the whole report below (Ctrl+A), then copy it (Ctrl+C).",
  report_label: "Self-check report",
  send: "Send this report to the add-in's support (see the deployment guide).",
};

const REPORT_WORD: Readonly<Record<SelfCheckReportWord, string>> = {
  title: "Self-check of the “CCHC appendix checker” add-in",
  at: "Time (UTC)",
  verdict: "Result",
  passed: "PASSED",
  failed: "FAILED",
  skipped: "SKIPPED",
  excel: "Excel",
  application: "application",
  platform: "platform",
  version: "version",
  language: "language",
  not_said: "unknown (Office did not say)",
  api_sets: "API sets present",
  api_missing: "API sets absent",
  none: "none",
  requests: "Requests to Excel",
  sizes: "Largest sizes",
  not_measurable: "not measurable (the add-in cannot see what is sent to Excel)",
  steps: "Steps",
  code: "error code",
};

const PLATFORM: Readonly<Record<string, string>> = {
  OfficeOnline: "Excel on the web",
  PC: "Excel on Windows",
  Mac: "Excel for Mac",
  iOS: "Excel for iPad",
  Android: "Excel for Android",
  Universal: "Excel Universal",
};

const CUT_KIND: Readonly<Record<TextCutKind, string>> = {
  cell: "cell text",
  sheetName: "sheet name",
  note: "note",
  validationTitle: "data-validation title",
  validationMessage: "data-validation message",
  validationList: "drop-down list",
};

function sheetsLine(sheets: readonly string[], open: string | undefined, hidden: readonly string[]): string {
  return sheets
    .map((name) => `${name}${name === open ? "*" : ""}${hidden.includes(name) ? " (hidden)" : ""}`)
    .join(", ");
}

/** Errors, warnings and info ("info" has no plural). */
const severities = (p: { errors: number; warnings: number; info: number }) =>
  `${count(p.errors, "error")}, ${count(p.warnings, "warning")}, ${n(p.info)} info`;

/** The English texts around the findings. */
export const enLabels: Templates<LabelParams> = {
  summary_form_title: (p) => `${p.titleEn} IN THE PROVINCE (CONSOLIDATED)`,
  summary_form_source: (p) =>
    `(Consolidated from the appendices of ${count(p.units, "reporting unit")}` +
    `${p.withErrors ? `; ${n(p.withErrors)} with errors: the shaded figures include theirs` : ""})`,
  summary_province: () => "Whole province",
  summary_province_units: (p) => `Whole province (${count(p.units, "unit")} consolidated)`,
  summary_title: (p) => SUMMARY_TITLE[p.table],
  summary_header: (p) => SUMMARY_HEADER[p.column],
  summary_verdict: (p) => (p.verdict === "ready" ? "Ready" : "Not ready"),
  summary_counted: (p) => (p.counted ? "Yes" : "No (the same figures as another appendix)"),
  summary_missing_unit: () => "Expected to report, but no appendix was received.",
  severity: (p) => ({ error: "Error", warning: "Warning", info: "Info" })[p.severity],

  selfcheck_pane: (p) => PANE[p.text],
  selfcheck_status: (p) => ({ passed: "Passed", failed: "Failed", skipped: "Skipped" })[p.status],
  selfcheck_left_behind: (p) =>
    `Please delete sheet “${p.sheet}” yourself: the self-check could not delete this scratch sheet.`,
  selfcheck_step: (p) => STEP[p.step],
  selfcheck_scratch_sheet: (p) => `Self-check ${p.suffix}`,
  selfcheck_unit: () => "Self-check unit",
  selfcheck_report_word: (p) => REPORT_WORD[p.word],
  selfcheck_platform: (p) => PLATFORM[p.platform] ?? "",
  selfcheck_steps_passed: (p) => `${n(p.passed)}/${count(p.all, "step")} passed`,
  selfcheck_request_count: (p) =>
    `${count(p.syncs, "sync")} in ${count(p.runs, "Excel session")} (each session may send 1 more request releasing what it tracked, not counted)`,
  selfcheck_sizes: (p) =>
    `request ${count(p.request, "byte")}, response ${count(p.response, "byte")} (measured at the bridge to Excel: ${count(p.requests, "request")})`,
  selfcheck_step_requests: (p) =>
    `${n(p.syncs)} sync/${n(p.runs)} run` +
    (p.request !== undefined && p.response !== undefined
      ? `, largest ${n(p.request)}/${n(p.response)} bytes`
      : ""),
  selfcheck_report_left_behind: (p) => `TO DO: please delete sheet “${p.sheet}” from the workbook yourself.`,
  selfcheck_blocked: (p) =>
    `The self-check stopped an operation on sheet “${p.sheet}”: it may only work on its scratch sheet “${p.scratch}”. This is a defect of the add-in; please send this report to support.`,
  selfcheck_unexpected: (p) => `Unexpected error: ${p.detail}`,
  selfcheck_install_missing: (p) =>
    `After the install, no scratch sheet “${p.scratch}” holding template ${p.version} was found (sheets: ${sheetsLine(p.sheets, p.open, p.hidden)}).`,
  selfcheck_installed: (p) =>
    `Installed the appendix on the scratch sheet “${p.scratch}” (template ${p.version}).`,
  selfcheck_type_missing: (p) => `Reading back did not show the typed values at ${p.cells.join(", ")}.`,
  selfcheck_typed: (p) =>
    `Typed and read back: ${p.cells.map((cell, at) => `${cell} = ${p.values[at] || "(emptied)"}`).join("; ")}.`,
  selfcheck_validate_missing: (p) =>
    `Validation found no error at ${p.code} (${p.cell}) suggesting ${n(p.value)} (${
      p.errors === undefined || p.warnings === undefined || p.info === undefined
        ? "no result for the scratch sheet"
        : severities({ errors: p.errors, warnings: p.warnings, info: p.info })
    }).`,
  selfcheck_validated: (p) => `Found the error at ${p.cell}: “${p.messageEn}” (${severities(p)}).`,
  selfcheck_marks_missing: (p) =>
    `The scratch sheet lacks the expected marks: ${severities(p)} (at least 1 error and 1 info expected).`,
  selfcheck_marks: (p) => `Marks present: ${severities(p)}.`,
  selfcheck_fix_failed: (p) =>
    `After the fix, ${p.cell} holds ${p.found} (${n(p.value)} expected) and the sheet has ${p.errors === undefined ? "? errors" : count(p.errors, "error")}.`,
  selfcheck_fixed: (p) => `Fixed ${p.cell} to ${n(p.value)}; checked again: no error left.`,
  selfcheck_fill_failed: (p) =>
    `After the fill, the rate ${p.code} (${p.cell}) holds no formula (${count(p.formulas, "formula")} written).`,
  selfcheck_filled: (p) => `Filled ${count(p.formulas, "rate formula")}; ${p.cell} = ${p.formula}.`,
  selfcheck_clear_nothing: () =>
    "Before clearing, the scratch sheet held no mark to clear (the info mark of the “02” cell was expected).",
  selfcheck_clear_left: (p) => `After clearing, ${count(p.marks, "mark")} still on the scratch sheet.`,
  selfcheck_cleared: (p) => `Cleared ${count(p.marks, "mark")}; none left on the scratch sheet.`,
  selfcheck_restore_unknown: () =>
    "Excel did not tell which sheet was open at the start: nothing to go back to.",
  selfcheck_restored: (p) => `Back on sheet “${p.sheet}”.`,
  selfcheck_delete_none: () => "No scratch sheet was made.",
  selfcheck_delete_absent: (p) => `There is no scratch sheet “${p.sheet}” to delete.`,
  selfcheck_delete_failed: (p) =>
    `The scratch sheet could not be deleted: please delete sheet “${p.sheet}” yourself. ${p.reasonEn}`,
  selfcheck_deleted: (p) => `Deleted the scratch sheet “${p.sheet}”.`,
  selfcheck_unchanged_unknown: () => "Nothing to compare with: the sheets could not be listed at the start.",
  selfcheck_changed: (p) =>
    `The sheets are not as they were. Before: ${sheetsLine(p.before, p.beforeOpen, p.beforeHidden)}. After: ${sheetsLine(p.after, p.afterOpen, p.afterHidden)}.`,
  selfcheck_unchanged: (p) =>
    `The sheets are as they were (${count(p.sheets, "sheet")}, the open one “${p.open ?? "?"}”).`,

  cli_consolidated: (p) =>
    `Consolidated ${count(p.units, "unit")} into ${p.path}: ${n(p.withErrors)} with errors, ` +
    `${count(p.requests, "correction request")}, ${count(p.reviews, "request to look again", "requests to look again")}, ${count(p.missing, "expected unit")} missing, ` +
    `${count(p.warnings, "consolidation warning")}.`,
  cli_form_exported: (p) =>
    `Wrote the definition of the form ${p.id} to ${p.path}: change its id before using it as your own form.`,
  cli_form_sound: (p) =>
    `The form definition ${p.id} is sound: ${count(p.indicators, "indicator")}, ${count(p.sources, "source row")}, ${count(p.rules, "rule")}.`,
  cli_form_problems: (p) =>
    `${p.path}: ${count(p.count, "problem")}; the definition is not used until all are fixed.`,
  cli_template_written: (p) =>
    `Wrote the appendix ${p.path} (${p.unit}, ${LEVEL_NAME[p.level]}, ${periodInEnglish(p.period)}).`,
  cli_sheet_line: (p) =>
    `'${p.sheet}' — ${p.unit} · ${p.level ? LEVEL_NAME[p.level] : (p.levelText ?? "?")} · ${p.period ? periodInEnglish(p.period) : (p.periodText ?? "?")}`,
  cli_default_unit: () => "Đơn vị báo cáo",
  cli_form_level_missing: (p) =>
    `The form ${p.id} has no level ${p.level} (the levels that report on it: ${p.levels.join(", ")}).`,
  cli_imported: (p) =>
    `Wrote the appendix ${p.path} from the report ${p.source}: ${count(p.fromTable, "value")} from the appendix table, ${count(p.fromText, "value")} from the report's text (each with a note quoting it).`,
  cli_verdict: (p) =>
    `${p.ready ? "READY TO SUBMIT" : "NOT READY"}: ${count(p.errors, "error")}, ${count(p.warnings, "warning")}, ${count(p.info, "note")}${p.blank ? `; ${count(p.blank, "expected indicator")} blank` : ""}`,
  cli_severity: (p) => ({ error: "ERROR", warning: "WARNING", info: "INFO" })[p.severity],
  cli_unsupported_versions: (p) => `Unsupported template version: ${p.sheets.join(", ")}.`,
  cli_text_cuts: (p) => {
    const listed = p.places.map(
      (place, at) =>
        `${place}: ${CUT_KIND[p.what[at] ?? "cell"]} of ${count(p.lengths[at] ?? 0, "character")}, cut to ${n(p.limits[at] ?? 0)}`,
    );
    const more = p.count - p.places.length;
    return `Cut ${count(p.count, "text")} longer than Excel allows (ending in "…"): ${listed.join("; ")}${more > 0 ? `; and ${n(more)} more` : ""}.`;
  },

  docx_twice: (p) =>
    `${p.indicatorEn} is stated twice with different values: ${p.first ?? "blank"} in ${p.firstAtEn} and ${p.second ?? "blank"} in ${p.secondAtEn}; which one is right cannot be told. Correct the report to state one value.`,
  docx_numbers_unclear: (p) =>
    `${p.labelsEn.join(" and ")} not taken from the report's text: one clause states ${n(p.count)} numbers (${p.numbers}) and which one is this row's is not clear — ${p.placeEn}`,
  docx_no_table: (p) =>
    `No appendix table was found in the report: only ${count(p.fromText, "value")} stated in the report's text could be read, and every other indicator counts as blank. Send the appendix as a Word table (one row per indicator: STT, indicator, unit, value, note) or send the Excel appendix file.`,
  docx_level_unknown: (p) =>
    `${p.unit === undefined ? "The report does not name its unit" : `The unit's name “${p.unit}” does not tell its level`} (${alternatives(
      p.levels.map((level) => LEVEL_NAME[level]),
      "en",
    )}): write the unit's full name at the top of the report, as “Sở Nội vụ” or “UBND xã …”. Without its level the level's indicators cannot be checked, and a consolidation leaves its figures out of the totals by level.`,
  docx_period_unknown: () =>
    "The report's period could not be read from its title: name it in the title, as “Báo cáo kết quả công tác cải cách hành chính quý III năm 2021”. Without its period the period's indicators cannot be checked, and a consolidation cannot tell which period its figures belong to.",
  docx_owner_unclear: (p) =>
    `No figure taken from the report's text: ${p.numbers} stands in one clause with ${p.labelsEn.join(" and ")}, and whose it is is not clear — ${p.placeEn}`,
};
