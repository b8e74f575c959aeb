import { formatCount } from "../domain/format";
import { periodInEnglish } from "../domain/period-en";
import type { RuleFamily } from "../domain/rule-kinds/families";
import type { Strings } from "./i18n";
import { ruleName } from "./i18n";

// The pane's English texts: a chunk of their own, loaded by ./languages.ts (the first load carries Vietnamese only).

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count, "en")} ${count === 1 ? one : many}`;
}

const RULE_KIND_EN: Readonly<Record<RuleFamily, string>> = {
  unit: "Unit of measure and range",
  complete: "Indicators expected at this level",
  balance: "Balance",
  ofWhich: "Total and “of which” parts",
  stock: "Dossier stock",
  order: "Order",
  derived: "Rate from the detailed counts",
  pattern: "Copied block",
  period: "Level and indicators of the period",
  plausible: "Figures within plausible bounds",
};

/** Every text of the pane in English. */
export const en: Strings = {
  appTitle: "CCHC statistical appendix",
  switchLanguage: "Tiếng Việt",
  switchLanguageLabel: "Chuyển ngăn tác vụ sang tiếng Việt",
  otherLang: "vi",
  header: {
    sheet: "Sheet",
    unit: "Unit",
    level: "Level",
    period: "Period",
    template: "Template",
    unknown: "—",
    notAppendix: "This sheet holds no appendix yet.",
    formMissing: (id) =>
      `This sheet follows the form ${id}, but the workbook does not carry that form's definition, so it cannot be checked yet.`,
  },
  level: { so: "Department", huyen: "District", xa: "Commune" },
  period: periodInEnglish,
  actions: {
    check: "Check before submitting",
    fill: "Fill rates automatically",
    clear: "Clear marks",
    checkAll: "Check all sheets",
    group: "Actions",
  },
  own: {
    label: "My sheet",
    none: "not chosen",
    change: "Change",
    choose: "Choose",
    question: "Which appendix sheet is yours?",
    intro:
      "This workbook holds several appendix sheets. “Check before submitting” checks, marks and stamps your sheet only; the other units' sheets are left unchanged. The choice is remembered for you in this workbook.",
    missing: (sheet) =>
      `The sheet “${sheet}” you chose is no longer there (renamed or deleted?). Choose again.`,
    sheet: "Appendix sheet",
    confirm: "This is my sheet",
    cancel: "Cancel",
    notSaved: "Your choice of sheet could not be saved; the pane will ask again next time.",
  },
  stampOffer: {
    text: (sheet) =>
      `The sheet “${sheet}” has no error left but is not yours, so it was not stamped. A stamp attests that the sending unit checked it: write one only if you check it on that unit's behalf.`,
    accept: "Stamp this sheet",
    decline: "Don't stamp",
  },
  install: {
    title: "Install the appendix",
    intro: "Add a standard appendix sheet for one reporting unit.",
    unit: "Reporting unit name",
    unitHint: "For example: Sở Thông tin và Truyền thông",
    level: "Level",
    periodKind: "Period",
    year: "Year",
    sheetName: "Sheet name",
    sheetNameHint: "Optional; the unit's name by default, at most 31 characters.",
    submit: "Add appendix sheet",
    unitRequired: "Enter the reporting unit's name.",
    yearInvalid: "The year must be between 2000 and 2099.",
    levelChoose: "— Choose a level —",
    levelDropped: (level) =>
      `The period or form chosen has no “${level}” level: choose the unit's level again.`,
    periodKinds: {
      Q1: "Quarter I",
      Q2: "Quarter II",
      Q3: "Quarter III",
      Q4: "Quarter IV",
      H1: "First half",
      Y: "Full year",
    },
    done: (sheet) => `Added the appendix sheet “${sheet}”.`,
    form: "Form",
    formFromFile: "Form from a definition file…",
    formFileMissing: "Choose the form's definition file.",
  },
  definition: {
    pick: "Choose the definition file…",
    pickHint:
      "The .xlsx file defining the form (sheets Mẫu, Chỉ tiêu, Quy tắc), as the Department of Home Affairs issues it.",
    reading: (file) => `Reading “${file}”…`,
    problems: (file, count) =>
      `The file “${file}” has ${plural(count, "problem", "problems")}; it is not used until all are fixed:`,
    chosen: (id, title) => `Form ${id}: ${title}`,
    mismatch: (file, found, wanted) =>
      `The file “${file}” defines the form ${found}, not the form ${wanted} this sheet was made from: choose the definition file the sheet was made from.`,
    missingTitle: "Form definition missing",
    embedded: (id, sheet) =>
      `Saved the definition of the form ${id} in the workbook and checked the sheet “${sheet}”.`,
  },
  unchecked: {
    title: (count) => `${plural(count, "appendix sheet was", "appendix sheets were")} not checked`,
    detail: "The check leaves these sheets out, so the workbook cannot be taken as ready to submit.",
    open: (sheet) => `Open “${sheet}” to choose its definition file`,
  },
  progress: {
    reading: (sheets) => `Reading ${plural(sheets, "sheet", "sheets")}…`,
    checking: (sheets) => `Checking ${plural(sheets, "appendix sheet", "appendix sheets")}…`,
    writing: "Marking the cells to review…",
    working: "Working…",
  },
  verdict: {
    ready: "Ready to submit",
    readyDetail: "No errors.",
    notReady: (errors, warnings) =>
      `${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}`,
    blank: (count) => `${plural(count, "expected indicator is", "expected indicators are")} still blank.`,
    empty: "The appendix holds no value yet.",
    region: "Check result",
  },
  severity: { error: "Error", warning: "Warning", info: "Note" },
  severityGroup: (severity, count) =>
    `${{ error: "Errors", warning: "Warnings", info: "Notes" }[severity]} (${formatCount(count, "en")})`,
  findings: {
    heading: "What to review",
    none: "Nothing to review.",
    prompt:
      "Press “Check before submitting” to check the appendix. After that, every edit is checked again automatically.",
    noAppendix: "No appendix sheet was found in this workbook. Install the appendix first.",
    unknownVersion: (sheet, version) =>
      `Sheet “${sheet}” uses template ${version}, newer than this version of the tool: update the add-in.`,
    cell: (code, address) => `${code} · cell ${address}`,
    selectHint: "Select to go to this cell in the sheet",
    fixValue: (value) => `Change to ${value}`,
    fixNumber: "Convert to number",
    fixFormula: "Restore the formula",
    fixValueAt: (place, value) => `Change ${place} to ${value}`,
    fixNumberAt: (place) => `Convert ${place} to a number`,
    fixFormulaAt: (place) => `Restore the formula of ${place}`,
    elsewhere: (sheet, open) =>
      `The results below are for sheet “${sheet}”, not for the open sheet (“${open}”).`,
    general: "Whole appendix",
    section: (number, label) => `Section ${number}. ${label}`,
    sources: {
      HS: "Detailed counts: administrative procedure dossiers",
      DV: "Detailed counts: online public services",
      QT: "Detailed counts: internal processes",
      VB: "Detailed counts: electronic documents",
      BC: "Detailed counts: 2015 staffing",
    },
  },
  sheets: {
    heading: (count) => `Appendix sheets (${formatCount(count, "en")})`,
    ready: "ready",
    errors: (count) => plural(count, "error", "errors"),
    notChecked: "not checked",
  },
  rules: {
    heading: "Summary by rule",
    rule: "Rule",
    passed: "Passed",
    failed: "Failed",
    notEvaluated: "Not evaluated",
    name: (rule) => ruleName(RULE_KIND_EN, rule),
  },
  stamp: {
    none: "This sheet has no validation stamp yet.",
    same: (at) => `Checked at ${at}; the values have not changed since.`,
    changed: (at) => `The values changed after the check at ${at}. Check again before submitting.`,
    rulesChanged: (version, hash) => `The stamp was made with another rule set (${version} #${hash}).`,
    written: (at) => `Wrote the validation stamp into the sheet at ${at} (below the detailed counts).`,
    failed: (reason) => `Could not write the validation stamp: ${reason}`,
  },
  notices: {
    cleared: (sheets) => `Cleared the marks on ${plural(sheets, "sheet", "sheets")}.`,
    filled: (formulas, kept) =>
      `Filled the formula of ${plural(formulas, "rate", "rates")}` +
      (kept ? `; kept ${plural(kept, "rate", "rates")} typed by hand.` : "."),
    fixed: (value) => `Fixed: ${value}.`,
    fixedAt: (place, value) => `Fixed ${place}: ${value}.`,
    reviewed: (sheets) =>
      `Checked ${plural(sheets, "appendix sheet", "appendix sheets")}; marked and stamped none of them.`,
    reviewedNotAll: (sheets, notChecked) =>
      `Checked ${plural(sheets, "appendix sheet", "appendix sheets")}; ${plural(notChecked, "sheet", "sheets")} could not be checked (see below). Marked and stamped none of them.`,
  },
  consolidate: {
    title: "Consolidate the units' appendices",
    pickHint: "You can choose several files at once.",
    clearFiles: "Remove the chosen files",
    filesRead: (read, failed) =>
      `Read ${plural(read, "file", "files")}` +
      (failed ? `; ${plural(failed, "file", "files")} could not be read.` : "."),
    reading: (done, total, file) =>
      `Reading file ${formatCount(done, "en")}/${formatCount(total, "en")}: ${file}…`,
    fileFailed: "Could not read the file",
    expected: "Units expected to report (optional)",
    expectedHint: "One unit name per line; units without an appendix are listed on the “Thiếu” sheet.",
    previous: "Previous period (optional)",
    pickPrevious: "Choose the previous period's file…",
    clearPrevious: "Remove the previous period's file",
    previousHint:
      "The previous period's summary or appendices: to warn about cumulative figures that fell and dossiers carried over that do not match.",
    previousChosen: (file, period) =>
      `Compared with the previous period${period ? ` (${period})` : ""}: ${file}.`,
    readingPrevious: "Reading the previous period's file…",
    replaceSummary: "Overwrite the existing summary",
    replaceSummaryHint:
      "Rewrites the “Tổng hợp”, “Đơn vị”, “Thiếu”… sheets of the earlier consolidation instead of adding a new “Tổng hợp (2)”. Anything edited by hand on those sheets is lost.",
    roles: "Offices' roles",
    rolesHint:
      "Province-wide indicators come from one office: the People's Committee Office, Home Affairs, Science and Technology (before 1 March 2025: Information and Communications). By default roles come from the units' names, as in the command line's consolidate; you can change them.",
    rolesLater: "The units are listed after the first consolidation.",
    rolesChanged: "Roles changed: press “Consolidate again” to apply them.",
    unit: "Unit",
    role: "Role",
    noRole: "None",
    guessed: "default, from the name",
    run: "Consolidate",
    rerun: "Consolidate again",
    progress: (phase, count) =>
      phase === "reading"
        ? `Reading ${plural(count, "sheet", "sheets")}…`
        : phase === "consolidating"
          ? `Consolidating ${plural(count, "unit", "units")}…`
          : `Writing ${plural(count, "summary sheet", "summary sheets")}…`,
    done: (units, form) => `Consolidated ${plural(units, "unit", "units")} into the sheet “${form}”.`,
    sheets: (names) => `Sheets written: ${names.join(", ")}.`,
    unitsHeading: (count) => `Units (${formatCount(count, "en")})`,
    unitReady: "ready",
    unitFindings: (errors, warnings) =>
      `${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}`,
    unitDuplicate: "duplicate, not counted again",
    missing: (names) => `No appendix yet from ${plural(names.length, "unit", "units")}: ${names.join(", ")}.`,
    excludedTitle: "Not consolidated",
    hiddenTitle: "Hidden sheets summed",
    issues: (count, sheet) =>
      `${plural(count, "consolidation warning", "consolidation warnings")}: see the “${sheet}” sheet.`,
  },
  errors: {
    title: "Could not complete",
    dismiss: "Dismiss",
    cellEditing: "Excel is editing a cell: press Enter or Esc, then try again.",
    generic: (detail) => `Excel could not complete the request. Details: ${detail}`,
    loadFailed: "Could not load this part: check the network and try again.",
    retry: "Try again",
  },
  word: {
    pick: "Choose .xlsx, .docx files…",
    intro:
      "Consolidates the appendix sheets of this workbook and the files you pick: Excel appendices (.xlsx) or Word reports (.docx) with the appendix table at their end. The summary goes into new sheets; the units' sheets are not changed.",
    install: "Install a sheet from a Word report…",
    installHint:
      "Choose the unit's .docx report: a new appendix sheet is filled with the report's figures; a figure taken from the report's text (not its table) gets a note quoting the paragraph.",
    installing: (file) => `Reading the report “${file}”…`,
    installed: (sheet, fromTable, fromText) =>
      `Installed the sheet “${sheet}” from the Word report: ${plural(fromTable, "value", "values")} from the appendix table, ${plural(fromText, "value", "values")} from the report's text (each with a note quoting it).`,
    exists: (sheet, unit) =>
      `The workbook already has the sheet “${sheet}” of ${unit}. Write the report's figures over that sheet? What was typed on it will be replaced by the report's figures.`,
    replace: "Overwrite that sheet",
    keep: "Don't overwrite",
    kept: "Nothing changed: the unit's sheet is as it was.",
    notReport: "This file is not a Word report (.docx): choose the unit's .docx report.",
  },
  reform: {
    noDistricts: (since) => `There are no districts from ${since}: choose a department or a commune.`,
  },
};
