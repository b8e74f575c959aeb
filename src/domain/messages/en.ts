import type { Level } from "../catalogue";
import { REFORM_PERIOD } from "../catalogue/constants";
import { levelLabel, periodStartText } from "../meta";
import { formatCount } from "../format";
import { PERCENT_SCALE } from "../values";
import type {
  ConsolidationFindingParams,
  ConsolidationTextParams,
  DefinitionPlace,
  DefinitionProblemParams,
  DomainFindingParams,
  ErrorParams,
  ExpectedToken,
  ExpressionProblem,
  ExpressionTemplates,
  FileRole,
  FindingParamsByKind,
  LanguageTemplates,
  MessageContext,
  Templates,
  RowMismatch,
} from "./kinds";
import { enLabels } from "./labels-en";
import {
  alternatives,
  characterAt,
  conflictShown,
  derivedFigures,
  implausibleFigures,
  readingShown,
  relationSides,
  mismatchGroups,
} from "./shared";
import {
  amountOfValue,
  amountText,
  legendText,
  nameList,
  nameOfCode,
  periodName,
  quotedValue,
  rawShown,
  roleNameIn,
} from "./words";

// Every message in English.

const LEVEL: Readonly<Record<"so" | "huyen" | "xa", string>> = {
  so: "department",
  huyen: "district",
  xa: "commune",
};

function relation(
  kind: string,
  params: DomainFindingParams["balance_mismatch"],
  context: MessageContext,
): string {
  const { left, right, fmt, difference } = relationSides(params, context, "en");
  const total = (side: readonly string[], sum: number) => (side.length > 1 ? ` = ${fmt(sum)}` : "");
  let text: string;
  switch (kind) {
    case "balance_mismatch":
      text = `${left} differs from ${right}: a difference of ${difference}.`;
      break;
    case "ofWhich_shortfall":
      text = `The "of which" indicators ${left} = ${fmt(params.left)} are below ${right}: ${difference} unaccounted for.`;
      break;
    case "stock_shortfall":
      text = `${left} = ${fmt(params.left)} is below ${right}: ${difference} dossiers left (returned or withdrawn?).`;
      break;
    default:
      text = `${left}${total(params.leftCodes, params.left)} exceeds ${right}${total(params.rightCodes, params.right)} by ${difference}.`;
  }
  if (params.suspect !== undefined && params.suggested !== undefined) {
    text += ` Most likely wrong: ${nameOfCode(context, params.suspect, "en")}; suggested ${amountText(context, params.suspect, params.suggested, "en")}.`;
  } else if (params.candidates?.length) {
    const names = params.candidates.map((code) => nameOfCode(context, code, "en")).join("; ");
    text += ` It cannot be told which indicator is wrong; it may be any of: ${names}.`;
  }
  return text;
}

function implausible(params: DomainFindingParams["implausible_high"], context: MessageContext): string {
  const { figure, limit, lowBound } = implausibleFigures(params, context, "en");
  const lead = `${params.province ? "Province: " : ""}${nameOfCode(context, params.code, "en")}`;
  const what = params.computed ? `the counts give ${figure}` : `stated ${figure}`;
  if (params.bound === "min") {
    const why =
      lowBound === -100 * PERCENT_SCALE && context.rows.get(params.code)?.mayBeNegative
        ? ": more than twice the 2015 figure (a merger?); check the counts."
        : ": check the figure.";
    return `${lead}: ${what}, below the plausible ${limit}${why}`;
  }
  const at = params.level ? ` for a ${LEVEL[params.level]}` : "";
  return `${lead}: ${what}, above the plausible ${limit}${at}: possibly mistyped (a thousands separator, another row's figure); check it.`;
}

/** How an English message names a file a command reads. */
const FILE_ROLE: Readonly<Record<FileRole, string>> = {
  appendix: "appendix",
  previous: "previous period's file",
  expected: "list of units",
  roles: "roles file",
  report: "report",
};

/** A level as an English message offers it, with the id the command line takes. */
const LEVEL_CHOICE: Readonly<Record<Level, string>> = {
  so: "department (so)",
  huyen: "district",
  xa: "commune (xa)",
};

const PERIOD_FORMS =
  '2021-Q3 or "Quý III/2021"; 2021-H1 or "6 tháng 2021"; 2021 or "Năm 2021" (years 2000–2099)';

const SAVE_AS_XLSX = "open it in Excel and Save As an Excel Workbook (.xlsx)";

/** One bad line of a roles file, as the roles error lists it. */
function rolesProblem(p: ErrorParams["roles_invalid"], at: number): string {
  const text = p.texts[at] ?? "";
  switch (p.problems[at]) {
    case "role":
      return `line ${p.lines[at]}: unknown role "${text}" (use vpubnd, snv, stttt or none)`;
    case "twice":
      return `line ${p.lines[at]}: "${text}" already has the role ${p.earlier[at] ?? "none"}`;
    default:
      return `line ${p.lines[at]}: expected "Unit name<TAB or ;>role", got "${text}"`;
  }
}

/** The English texts of the errors users read. */
const errors: Templates<ErrorParams> = {
  fill_no_sheet: () =>
    "The open sheet could not be told. Open the appendix sheet whose rates to fill, then try again.",
  fill_not_appendix: (p) =>
    `Sheet "${p.sheet}" is not an appendix sheet of the template, so its rates cannot be filled. Open the appendix sheet to fill, then try again.`,
  fix_no_suggestion: () => "This finding has no automatic fix.",
  install_sheet_missing: (p) => `Sheet "${p.sheet}" to re-install the appendix on was not found.`,
  install_rename_on_replace: (p) =>
    `Re-installing keeps the sheet name "${p.sheet}": it cannot be renamed at the same time.`,
  install_not_appendix: (p) =>
    `Sheet "${p.sheet}" holds no CCHC appendix, so it cannot be re-installed; add a new appendix sheet instead.`,
  install_unknown_version: (p) =>
    `Sheet "${p.sheet}" uses appendix template ${p.version}, newer than this version of the tool: an older template is not installed over it.`,
  install_level_not_in_form: (p) =>
    `The form ${p.id} has no ${LEVEL_CHOICE[p.level]} level: the levels that report on it are ${p.levels.map((level) => LEVEL_CHOICE[level]).join(", ")}.`,
  invalid_level: (p) => `Invalid level "${p.input}": use so (department), huyen (district) or xa (commune).`,
  invalid_period: (p) =>
    `Invalid period "${p.input}": use 2021-Q3 (third quarter), 2021-H1 (first half) or 2021 (full year).`,
  level_gone: (p) =>
    `${p.period}: there is no ${LEVEL_CHOICE[p.level]} level from ${periodStartText(p.from).en} (two-level local government). Choose ${p.levels.map((level) => LEVEL_CHOICE[level]).join(" or ")}.`,
  invalid_sheet_name: (p) =>
    `Invalid sheet name "${p.sheetName}": 1 to ${p.max} characters, none of [ ] : * ? / \\ ' and not "History".`,
  roles_invalid: (p) => `Invalid roles file: ${p.lines.map((_line, at) => rolesProblem(p, at)).join("; ")}.`,
  mixed_versions: (p) => {
    let from = 0;
    const list = p.versions.map((version, at) => {
      const count = p.counts[at] ?? 0;
      const where = p.places.slice(from, (from += count));
      return `${version} (${nameList(where, "en", 3)})`;
    });
    return `Appendices of different template versions cannot be consolidated together: ${list.join("; ")}. Ask the units to use one template.`;
  },
  usage_no_command: () => "No command given.",
  usage_unknown_command: (p) =>
    `Unknown command: "${p.command}" (use template, validate, consolidate, import or form).`,
  usage_no_output: () => "Missing the output file: -o FILE.xlsx.",
  usage_no_summary: () => "Missing the summary file: -o SUMMARY.xlsx.",
  usage_no_files: () => "No file to consolidate.",
  usage_no_files_to_validate: () => "No file to validate.",
  usage_invalid_format: (p) => `Invalid format: "${p.input}" (use text or json).`,
  usage_invalid_lang: (p) => `Invalid language: "${p.input}" (use vi or en).`,
  usage_form_no_action: () => "Missing what to do: export or check.",
  usage_form_unknown_action: (p) => `Unknown action: "${p.action}" (use export or check).`,
  usage_form_check_one_file: () => "Give exactly one definition file: cchc-appendix form check FILE.xlsx.",
  form_unknown: (p) => `No built-in form "${p.id}" (the built-in forms: ${p.known.join(", ")}).`,
  template_form_unknown: (p) =>
    `No built-in form "${p.form}": give a built-in form's id (${p.known.join(", ")}) or a form definition .xlsx file.`,
  import_one_report: () => "Name exactly one Word report (.docx) to import.",
  import_already_workbook: () =>
    "This file is already an Excel workbook: check it with validate; import only brings Word reports (.docx) in.",
  previous_unreadable: (p) => `Previous period file ${p.path}: ${p.reasonEn}`,
  read_unknown: (p) => `Cannot read the file: ${p.detail}`,
  summary_set_aside: () => "A summary sheet: never summed again.",
  summaries_skipped: (p) =>
    `skipped ${formatCount(p.count, "en")} ${p.count === 1 ? "summary sheet" : "summary sheets"} (never summed again).`,
  no_appendix_in_file: (p) =>
    `No sheet of this file holds a CCHC appendix (looked at: ${p.sheets.join(", ") || "no sheet"}).`,
  usage_invalid_level: (p) => `Invalid level: "${p.input}" (use so, huyen or xa).`,
  usage_invalid_period: (p) => `Invalid period: "${p.input}". Use one of: ${PERIOD_FORMS}.`,
  unexpected: (p) =>
    `Unexpected error: the tool could not do this. Run again with ${p.variable}=1 to see the detail, and send it to the maintainers.`,
  text_file_not_regular: (p) => `The ${FILE_ROLE[p.role]} ${p.path} is not a regular text file.`,
  text_file_unreadable: (p) => `Cannot read the ${FILE_ROLE[p.role]} ${p.path} (${p.code}).`,
  text_file_too_large: (p) =>
    `The ${FILE_ROLE[p.role]} ${p.path} is too large (${formatCount(p.size, "en")} bytes; at most ${formatCount(p.max, "en")}).`,
  output_unchecked: (p) => `Cannot check the output file ${p.path} (${p.code}).`,
  output_is_folder: (p) => `${p.path} is a folder: give a file name, e.g. -o ${p.exampleEn}.`,
  output_is_input: (p) =>
    `Will not overwrite the ${FILE_ROLE[p.role]} ${p.input}: the output -o ${p.path} is that very file. Choose another name for the output.`,
  output_exists: (p) =>
    `${p.path} already exists: not overwritten. Choose another name, or add --force to replace it.`,
  output_unwritten: (p) => `Cannot write ${p.path} (${p.code}); no file was changed.`,
  output_appeared: (p) =>
    `${p.path} was just created by another program: not overwritten. Add --force to replace it.`,
  read_not_found: (p) => `File ${p.path} not found.`,
  read_failed: (p) =>
    `Cannot read file ${p.path} (${p.code ?? "unknown error"}): check the path and permissions.`,
  xlsx_password: () =>
    "The file is password-protected and cannot be read: open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it) and save it again.",
  xlsx_old_xls: () => `The file is in the old Excel 97–2003 format (.xls): ${SAVE_AS_XLSX}.`,
  xlsx_password_or_xls: () =>
    `The file is password-protected or in the old Excel 97–2003 format (.xls): ${SAVE_AS_XLSX}, without a password.`,
  xlsx_zip_bomb: () =>
    "The archive unpacks to an abnormal size (a suspected zip bomb) and is not read, to protect this computer: ask the unit to send an .xlsx saved from Excel again.",
  xlsx_damaged: (p) =>
    `The .xlsx file is damaged (${p.compression ? "compressed in a way Excel does not use" : p.detail}; perhaps not fully downloaded or copied): try opening it in Excel to repair it, or ask for the file again.`,
  xlsx_zip64: () =>
    "The file uses ZIP64, needed only for files over 4 GB, so it cannot be a statistical appendix: check the file received.",
  xlsx_encrypted_part: () =>
    `Part of the file is encrypted and cannot be read: ${SAVE_AS_XLSX}, without a password.`,
  xlsx_macros: () =>
    "The file contains macros (VBA, usually .xlsm) and is not read, for safety: open it in Excel, Save As an Excel Workbook (.xlsx) and send it again.",
  xlsx_too_large: (p) =>
    `The file is too large (${formatCount(p.megabytes, "en")} MB, at most ${formatCount(p.max, "en")} MB) to be a statistical appendix: check the file received.`,
  xlsx_doctype: (p) =>
    `Part ${p.part} of the file has a DOCTYPE, which Excel never writes (the file may be hostile), so it is not read: ask the unit to send an .xlsx saved from Excel again.`,
  xlsx_no_worksheet: () => `The archive holds no Excel worksheet: ${SAVE_AS_XLSX}.`,
  xlsx_not_workbook: (p) =>
    `The file is not an Excel workbook (.xlsx)${p.empty ? " (it is empty)" : ""}: ${SAVE_AS_XLSX}.`,
  docx_not_word: (p) =>
    `The file is named .docx but is not a valid Word document${p.empty ? " (it is empty)" : ""}: open it in Word and Save As a Word Document (.docx), or ask the unit for its report as a .docx saved from Word.`,
  docx_old_doc: () =>
    "The file is in the old Word 97–2003 format (.doc): open it in Word and Save As a Word Document (.docx), then check that .docx file.",
  docx_pdf: () =>
    "The file is a PDF: the tool reads Word (.docx) and Excel (.xlsx) files. Ask the unit for its report as .docx or its appendix as .xlsx.",
  docx_damaged: (p) =>
    `The .docx file is damaged (${p.detail}): open it in Word to repair it, or ask the unit to send the .docx again.`,
  docx_encrypted_part: () =>
    "Part of the Word file is encrypted and cannot be read: save it again in Word, without a password.",
  docx_zip64: () =>
    "The file uses ZIP64, needed only for files over 4 GB, so it cannot be a report: check the file received.",
  docx_too_large: (p) =>
    `The document is too large to be a CCHC report (${p.detail}): check the file received.`,
  docx_macros: () =>
    "The document contains macros (VBA, usually .docm) and is not read, for safety: open it in Word, Save As a Word Document (.docx) and send it again.",
  docx_no_document: () =>
    "The archive holds no Word document (word/document.xml is missing): ask the unit for its report as a .docx saved from Word.",
  docx_doctype: (p) =>
    `Part ${p.part} of the document has a DOCTYPE, which Word never writes (the file may be hostile), so it is not read: ask the unit to send a .docx saved from Word again.`,
  docx_not_report: () =>
    "This Word document is no CCHC report with an appendix: no table has an STT column with the appendix's codes (1.1.1, 3.4.1 …), and its text states none of the form's figures (total dossiers to resolve, newly received …). Check that this is the report, or send the appendix as .xlsx.",
  read_not_regular: (p) =>
    `Cannot read ${p.path}: it is not a regular file (but a directory, pipe or device); name an .xlsx file.`,
  mixed_definitions: (p) => {
    let from = 0;
    const list = p.hashes.map((hash, at) => {
      const count = p.counts[at] ?? 0;
      const where = p.places.slice(from, (from += count));
      const version = hash ? `version #${hash}` : "the version whose F1 names no definition";
      return `${version} (${nameList(where, "en", 3)})`;
    });
    return `Appendices of ${formatCount(p.hashes.length, "en")} different definitions of the form ${p.id} (one form id, different contents) cannot be consolidated together: ${list.join("; ")}. Ask the units to make their appendices again from one definition file.`;
  },
  usage_form_not_definition: (p) =>
    `--form takes a form definition file (.xlsx), not "${p.input}" (the built-in forms are always used, without naming them).`,
};

/** The English templates of a consolidation's own findings. */
const enConsolidation: Templates<ConsolidationFindingParams> = {
  mixed_periods: (p) => {
    const list = p.periods.map(
      (id, at) => `${periodName(id, "en")}: ${formatCount(p.counts[at] ?? 0, "en")}`,
    );
    return `The appendices state different periods (${list.join("; ")}); consolidated as ${periodName(p.period, "en")}.`;
  },
  duplicate_unit: (p) =>
    `Two different appendices carry the unit name "${p.unit}" (${p.first} and ${p.second}): both are summed. If one is a resubmission, drop the old one; if they are two units, give each its full name.`,
  duplicate_appendix: (p) =>
    `The appendix of "${p.unit}" appears twice with the same figures (${p.first} and ${p.second}): counted once.`,
  unit_unnamed: () => "The appendix does not name its reporting unit (row 4): the unit cannot be identified.",
  unit_without_level: (p) =>
    `The appendix does not state the unit's level (${p.levels.map((level) => LEVEL[level]).join(", ")}): its figures are left out of the level-based totals.`,
  district_left_out: (p) =>
    `The appendix states the ${LEVEL[p.level]} level for ${periodName(p.period, "en")}, but there are no districts from ${periodStartText(REFORM_PERIOD).en}: its figures are left out of the level-based totals.`,
  other_period: (p) =>
    `The appendix states ${periodName(p.period, "en")}, not the consolidated period ${periodName(p.expected, "en")}.`,
  role_twice: (p, c) =>
    `Several units hold the role of ${roleNameIn(c, p.role, "en")} (${nameList(p.units, "en")}): taking ${p.units[0] ?? ""}. Fix the roles file.`,
  roles_missing: (_p, c) =>
    `No roles file (--roles): the indicators one office reports for the whole province (${nameList(c.codes, "en", 8, "indicators")}) stay blank.`,
  role_missing: (p, c) =>
    `No appendix from ${roleNameIn(c, p.role, "en")} (role ${p.role}): the indicators ${nameList(c.codes, "en", 8, "indicators")} stay blank.`,
  unexpected_unit: (p) =>
    `"${p.unit}" is not on the list of units expected to report: check the unit name in row 4.`,
  expected_district_after_reform: (p) =>
    `The list of units expected to report still names ${p.units.length} ${p.units.length === 1 ? "district" : "districts"} (${nameList(p.units, "en")}): there are no districts from ${periodStartText(REFORM_PERIOD).en}, so none is awaited for ${periodName(p.period, "en")}; take them off the list.`,
  previous_not_earlier: (p) =>
    `The previous file is for ${periodName(p.previous, "en")}, not before ${periodName(p.period, "en")}: no cross-period check.`,
  previous_not_adjacent: (p, c) =>
    `The previous period (${periodName(p.previous, "en")}) does not immediately precede ${periodName(p.period, "en")}: ${nameOfCode(c, c.codes[0] ?? "", "en")} is not compared with ${nameOfCode(c, c.codes[1] ?? "", "en")} at the end of the previous period.`,
  cumulative_decreased: (p, c) =>
    `${p.province ? "Province: " : ""}${nameOfCode(c, p.code, "en")} is cumulative but fell from ${formatCount(p.previous, "en")} (previous period) to ${formatCount(p.now, "en")}.`,
  carried_over_mismatch: (p, c) => {
    const [carried, pending] = [c.codes[0] ?? "", c.codes[1] ?? ""];
    return `${p.province ? "Province: " : ""}${nameOfCode(c, carried, "en")} = ${formatCount(p.now, "en")} differs from ${nameOfCode(c, pending, "en")} at the end of the previous period = ${formatCount(p.previous, "en")}: a difference of ${formatCount(p.difference, "en")}.`;
  },
  hidden_sheet: (p) => {
    const where = p.file === undefined ? `sheet '${p.sheet}'` : `sheet '${p.sheet}' of ${p.file}`;
    return `The appendix of "${p.unit}" is on ${where}, which is hidden: its figures are summed. Unhide the sheet to check it.`;
  },
  forms_mixed: (p) => {
    const left = mismatchGroups(p.differs, p.reasons).map(
      ([reason, codes]) => `${MISMATCH_EN[reason]}: ${codes.join(", ")}`,
    );
    if (p.absent.length)
      left.push(`${countOf(p.absent.length, "indicator")} not in the form ${p.form}: ${p.absent.join(", ")}`);
    if (p.extra.length)
      left.push(`${countOf(p.extra.length, "indicator")} only in the form ${p.form}: ${p.extra.join(", ")}`);
    const summed = p.common.length
      ? `are summed only on the ${countOf(p.common.length, "indicator")} both forms declare alike (same code, kind, unit and aggregation): ${p.common.join(", ")}`
      : "are summed on no indicator: the two forms declare none alike";
    return `The summary follows the form ${p.lead} (${countOf(p.leadUnits, "unit")}); the appendices of ${countOf(p.units, "unit")} on the form ${p.form} ${summed}. Not consolidated: ${left.join("; ")}.`;
  },
};

/** "1 unit", "3 units". */
function countOf(count: number, noun: string): string {
  return `${formatCount(count, "en")} ${count === 1 ? noun : `${noun}s`}`;
}

/** Why a row is not consolidated across two forms, as a list of left-out rows heads it … */
const MISMATCH_EN: Readonly<Record<Exclude<RowMismatch, "absent">, string>> = {
  kind: "another kind (count, rate or coded)",
  unit: "another unit",
  legend: "other allowed values",
  aggregation: "aggregated otherwise",
  role: "another reporting office",
  scope: "other levels or periods asked",
  formula: "another formula",
  inputs: "computed from indicators not consolidated",
};

/** … and as a row's remark says it of the row. */
const MISMATCH_OF_ROW_EN: Readonly<Record<Exclude<RowMismatch, "absent">, string>> = {
  kind: "is of another kind (count, rate or coded)",
  unit: "has another unit",
  legend: "has other allowed values",
  aggregation: "is aggregated otherwise",
  role: "is reported by another office",
  scope: "is asked of other levels or periods",
  formula: "has another formula",
  inputs: "is computed from indicators not consolidated",
};

/** The English templates of every finding: an appendix's validation and a consolidation. */
const findings: Templates<FindingParamsByKind> = {
  ...enConsolidation,
  text_number: (p, c) =>
    `${nameOfCode(c, p.code, "en")}: "${p.raw}" is a number stored as text; read as ${readingShown(p, c, "en")}. Convert it to a number.`,
  not_whole_number: (p, c) => {
    const meant =
      p.value === undefined ? undefined : formatCount(amountOfValue(c.rows.get(p.code), p.value), "en");
    const quoted =
      p.stored !== undefined ? quotedValue(p, "en") : `${quotedValue(p, "en")} (a decimal comma)`;
    return `${nameOfCode(c, p.code, "en")}: ${quoted} is not a whole number (a thousands separator typed as a decimal point?)${meant ? `; did you mean ${meant}?` : "."}`;
  },
  malformed_number: (p, c) => {
    const shown = readingShown(p, c, "en");
    return `${nameOfCode(c, p.code, "en")}: "${p.raw}" is not a valid number${shown ? `; from its balance the value is likely ${shown}` : ""}.`;
  },
  not_a_count: (p, c) =>
    `${nameOfCode(c, p.code, "en")}: ${quotedValue(p, "en")} is not a count (a whole number of at least 0).`,
  not_a_percent: (p, c) => `${nameOfCode(c, p.code, "en")}: "${p.raw}" is not a percentage.`,
  ambiguous_percent: (p, c) => {
    const typed = p.stored ?? Number(p.raw.replace(",", "."));
    return `${nameOfCode(c, p.code, "en")}: ${quotedValue(p, "en")} has no % format: is it ${formatCount(typed, "en")}% or ${formatCount(typed * 100, "en")}%? Type it explicitly, e.g. 100%.`;
  },
  percent_out_of_range: (p, c) =>
    `${nameOfCode(c, p.code, "en")}: ${quotedValue(p, "en")} is outside 0–100%${c.rows.get(p.code)?.mayBeNegative ? " (a reduction cannot exceed 100%)" : ""}.`,
  negative_reduction: (p, c) =>
    `${nameOfCode(c, p.code, "en")}: stated ${readingShown(p, c, "en")}, that is more now than in 2015. Check it if that is not the case.`,
  not_in_legend: (p, c) =>
    `${nameOfCode(c, p.code, "en")}: ${quotedValue(p, "en")} is not one of the allowed values (${legendText(c.rows.get(p.code)?.codes, "en")}).`,
  not_a_value: (p, c) =>
    `${nameOfCode(c, p.code, "en")}: the cell holds ${rawShown(p.raw, "en")}, not a value of this indicator.`,
  unsafe_formula: (p, c) =>
    `${nameOfCode(c, p.code, "en")}: the cell holds a formula that takes data from outside (${p.raw}); type the value itself.`,
  heading_has_value: (p, c) =>
    `${nameOfCode(c, p.code, "en")} is a heading row and holds no value (it has ${quotedValue(p, "en")}).`,
  conflicting_rows: (p, c) => {
    const [first, second] = conflictShown(p, c, "en", "blank");
    return `${nameOfCode(c, p.code, "en")} is on two rows with different values: row ${p.rows[0]} (${first}) and row ${p.rows[1]} (${second}); it cannot be told which one is right. Keep one row, and delete the other or correct its code.`;
  },
  derived_truncated: (p, c) => {
    const { typed, computed, from } = derivedFigures(p, "en");
    return `${nameOfCode(c, p.code, "en")}: ${typed} agrees with ${from} by truncation; rounded it is ${computed}.`;
  },
  derived_mismatch: (p, c) => {
    const { typed, computed, from } = derivedFigures(p, "en");
    return `${nameOfCode(c, p.code, "en")}: stated ${typed} but the counts give ${from} = ${computed}.`;
  },
  balance_mismatch: (p, c) => relation("balance_mismatch", p, c),
  order_violated: (p, c) => relation("order_violated", p, c),
  ofWhich_exceeded: (p, c) => relation("ofWhich_exceeded", p, c),
  ofWhich_shortfall: (p, c) => relation("ofWhich_shortfall", p, c),
  stock_exceeded: (p, c) => relation("stock_exceeded", p, c),
  stock_shortfall: (p, c) => relation("stock_shortfall", p, c),
  pattern_copy: (p, c) => {
    const [a, b] = p.blocks.map((code) => nameOfCode(c, code, "en"));
    return `Block ${a} equals block ${b} indicator by indicator: possibly copied by mistake.`;
  },
  empty_appendix: () => "The appendix holds no value at all.",
  incomplete: (p, c) => `${p.blank} expected indicators are still blank: ${c.codes.join(", ")}.`,
  implausible_high: (p, c) => implausible(p, c),
  implausible_low: (p, c) => implausible(p, c),
  district_after_reform: (p) =>
    `The appendix is a district's (${p.unit === undefined ? "its level is district" : `the unit is “${p.unit}”`}) but reports for ${periodName(p.period, "en")}: there are no districts from ${periodStartText(REFORM_PERIOD).en} (two-level local government). Check the unit's name, level and period in row 4.`,
  row_not_applicable: (p, c) =>
    `${nameOfCode(c, p.code, "en")} does not apply from ${periodStartText(p.from).en}: ${periodName(p.period, "en")} does not ask for it, and the figure typed is left out of the consolidation.`,
  level_unknown: (p) => {
    const levels = alternatives(
      p.levels.map((level) => `“${levelLabel(level)}” (${LEVEL[level]})`),
      "en",
    );
    const stated =
      p.typed === undefined
        ? `The appendix has no row 4 (“Đơn vị báo cáo:” in column A), so it does not state the unit's level: add that row, with the level in column D (${levels}).`
        : p.typed === ""
          ? `Row 4 does not state the unit's level: write ${levels}.`
          : `The unit's level in row 4 reads “${p.typed}”, which is no level of the form: write ${levels}.`;
    return `${stated} Without its level the indicators by level are not checked, and a consolidation leaves its figures out of the level-based totals.`;
  },
  period_unknown: (p) => {
    const forms = "“Quý III/2021”, “6 tháng/2021” or “Năm 2021” (quarters I–IV, years 2000–2099)";
    const stated =
      p.typed === undefined
        ? `The appendix has no row 4 (“Đơn vị báo cáo:” in column A), so it does not state the period: add that row, with the period in column E written as ${forms}.`
        : p.typed === ""
          ? `Row 4 does not state the period: write it as ${forms}.`
          : `The period in row 4 reads “${p.typed}”, which is no period: write it as ${forms}.`;
    return `${stated} Without its period the indicators that depend on it (no districts from ${periodStartText(REFORM_PERIOD).en}) are not checked, and a consolidation cannot tell which period its figures are for.`;
  },
};

const EN_LEVELS: Readonly<Record<Level, string>> = LEVEL;

/** The English texts of a consolidation that are not findings. */
const texts: Templates<ConsolidationTextParams> = {
  remark_missing: (p) => `Missing from ${p.units.length} units: ${nameList(p.units, "en")}.`,
  remark_unreadable: (p) => `Unreadable values from: ${nameList(p.units, "en")}.`,
  remark_ignored: (p) => `Not counted, as not theirs to report: ${nameList(p.units, "en")}.`,
  flag_with_errors: (p) =>
    `Includes ${p.units.length} units whose appendix still has errors: ${nameList(p.units, "en")}.`,
  listed_rate_without_counts: () =>
    "A rate stated without its counts: left out of the recomputed rate (rates are never averaged).",
  listed_coded: () => "A coded status: listed per unit; the summary shows the lowest.",
  listed_rate: () => "A rate without counts to recompute it from: not aggregable, never averaged.",
  lead_recomputed: (p) => {
    const levels = p.levels.map((level) => EN_LEVELS[level]).join(" and ");
    if (p.numerator === undefined || p.denominator === undefined)
      return `Recomputed ${p.formula}: the denominator is 0 (${p.units} ${levels} units).`;
    return `Recomputed ${p.formula} = ${formatCount(p.numerator, "en")}/${formatCount(p.denominator, "en")} from ${p.units} ${levels} units.`;
  },
  lead_province: (p, c) =>
    p.holder === undefined
      ? `Reported for the whole province by ${roleNameIn(c, p.role, "en")}: no appendix from that office.`
      : `As reported by ${p.holder}.`,
  lead_not_applicable: (p) =>
    `Not applicable from ${periodStartText(p.from).en}: not consolidated for ${periodName(p.period, "en")}.`,
  lead_not_aggregable: (p) =>
    `Not aggregable: ${p.units} units report their own rate; see the "Không cộng được" sheet.`,
  excluded_other_period: (p) => {
    const advice = {
      cli: "Ask the unit for the appendix of this period, or consolidate again with --allow-other-periods to sum appendices of other periods too.",
      pane: "Ask the unit for the appendix of this period; if its period was mistyped, correct it in the appendix and press “Consolidate again”.",
      sheet: "Ask the unit for the appendix of this period.",
    }[p.where];
    return `The appendix of "${p.unit}" states ${periodName(p.period, "en")}, not the consolidated period ${periodName(p.expected, "en")}: not summed. ${advice}`;
  },
  excluded_very_hidden: (p) =>
    `A very hidden sheet (one Excel shows to no one) holds the appendix of "${p.unit}": not summed. If it is a real appendix, ask the unit to send it again on a visible sheet.`,
  lead_lowest: (p, c) => {
    const label = c.rows.get(p.code)?.codes?.find((option) => option.value === p.amount)?.label.en;
    return `Lowest of ${p.units} units: ${p.amount}${label ? ` (${label})` : ""}; details on the "Không cộng được" sheet.`;
  },
  letter_to: (p) => `To: ${p.unit}`,
  letter_opening: (p) => {
    const where = p.report
      ? `the appendix table of the report${p.file === undefined ? "" : ` ${p.file}`}`
      : `${p.file === undefined ? "" : `file ${p.file}, `}sheet '${p.sheet}'`;
    const ask = p.review
      ? "It has no error; please look again at the points below, and send the appendix back only if you change it:"
      : "Please review and correct the points below and send the corrected appendix back:";
    return `The Department of Home Affairs has received your administrative reform statistical appendix for ${periodName(p.period, "en")} (${where}). ${ask}`;
  },
  letter_section: (p) =>
    `${p.head}. ${{ error: "Errors to correct", warning: "Points to check", info: "For your information" }[p.severity]} (${p.count}):`,
  letter_cell: (p) => `Cell ${p.cell}: `,
  letter_closing: () => "Kind regards.",
  error_unknown_version: (p) =>
    `Template version "${p.version}" is not supported and cannot be consolidated.`,
  error_no_units: () => "There is no appendix to consolidate.",
  error_no_previous: (p) => `The previous period file ${p.file} holds no summary and no appendix.`,
  form_missing: (p) =>
    `Sheet '${p.sheet}' follows the form "${p.id}", whose definition this tool does not have (or has in another version): give this form's definition file to check it.`,
  outcome_left_out: (p) =>
    `The appendices follow ${formatCount(p.forms, "en")} different forms: ${countOf(p.indicators, "indicator")} not consolidated (see the "Cảnh báo tổng hợp" sheet).`,
  lead_left_out: (p) => {
    const said = p.forms.map((form, at) => {
      const reason = p.reasons[at] ?? "absent";
      const units = countOf(p.units[at] ?? 0, "unit");
      return reason === "absent"
        ? `the form ${form} (${units}) lacks this indicator`
        : `in the form ${form} (${units}) this indicator ${MISMATCH_OF_ROW_EN[reason]}`;
    });
    return `Not consolidated: ${said.join("; ")}.`;
  },
  form_missing_option: (p) =>
    `Sheet '${p.sheet}' follows the form "${p.id}", whose definition the file does not carry and was not given: add ${p.option} DEFINITION.xlsx (the form's definition file) to check it.`,
  carried_changed: (p) =>
    `The definition of the form "${p.id || "?"}" the file carries (hidden sheet '${p.sheet}', row ${p.row}) was changed after it was written, so it is not used.`,
  carried_unreadable: (p) =>
    `The definition of the form "${p.id || "?"}" the file carries (hidden sheet '${p.sheet}', row ${p.row}) is damaged and cannot be read, so it is not used.`,
};

/** How a definition's place is written before its problem: 'Sheet "Chỉ tiêu", row 12, column "mã" (A): '. */
function place(at: DefinitionPlace): string {
  const row = at.row === undefined ? "" : `, row ${at.row}`;
  const column =
    at.header === undefined ? "" : `, column "${at.header}"${at.column ? ` (${at.column})` : ""}`;
  return `Sheet "${at.sheet}"${row}${column}: `;
}

const quotedList = (words: readonly string[]) => words.map((word) => `"${word}"`).join(", ");

/** The English templates of a form definition's problems, read after their place. */
const definitions: Templates<DefinitionProblemParams> = {
  sheet_missing: (p) =>
    `the definition file has no such sheet (it has: ${p.sheets.length ? quotedList(p.sheets) : "no sheet"}).`,
  header_missing: (p) => `the column "${p.header}" is missing (the columns' headers are in row 1).`,
  header_unknown: (p) => `"${p.header}" is not a column of this sheet (its columns: ${quotedList(p.known)}).`,
  header_twice: (p) => `the column "${p.header}" appears twice (first in column ${p.first}).`,
  key_missing: (p) => `the row with the key "${p.key}" is missing.`,
  key_unknown: (p) => `"${p.key}" is not a key of this sheet (its keys: ${quotedList(p.known)}).`,
  key_twice: (p) => `the key "${p.key}" appears twice (first in row ${p.first}).`,
  value_missing: () => "this cell needs a value.",
  number_not_text: (p) =>
    `the cell holds the number ${p.shown}, not text: a code or an expression typed as a number can lose its trailing zero ("3.10" becomes 3.1). Format the cell as Text and type it again.`,
  formula_not_text: (p) =>
    `the cell holds the formula =${p.formula}, not text: Excel computes a formula instead of keeping the expression. Format the cell as Text and type it again, without a leading "=".`,
  not_text: (p) => `the cell holds ${rawShown(p.raw, "en")}, not text.`,
  word_unknown: (p) => `"${p.word}" is not a value of this column (use ${quotedList(p.allowed)}).`,
  code_invalid: (p) =>
    `"${p.text}" is not an indicator code: a code is digit groups separated by dots, optionally ending in one letter a–z (3.1.3.a), or 2–4 capital letters then digit groups (HS.2.1).`,
  period_invalid: (p) =>
    `"${p.text}" is not a reporting period (for example 2021-Q1, 2021-H1, 2021, "Quý I/2021", "6 tháng 2021", "Năm 2021").`,
  period_order: (p) =>
    `the last period it applies to (${periodName(p.to, "en")}) ends before the first (${periodName(p.from, "en")}).`,
  legend_invalid: (p) =>
    `the allowed value "${p.entry}" in "${p.text}" cannot be read: write each as "number = Vietnamese label / English label", separated by ";" (for example 0 = Không / No; 1 = Có / Yes).`,
  limit_invalid: (p) =>
    `the limit "${p.entry}" in "${p.text}" cannot be read: write a level then its maximum, separated by ";" (for example so 2000; xa 300), and "tối thiểu -100" for a minimum.`,
  list_empty: () => "the list holds no value.",
  id_reserved: (p) =>
    `the form id "${p.id}" is the id of a form built into the tool: give your form another id (adding the province and the year, say).`,
  code_twice: (p) => `the code ${p.code} is already in row ${p.first}: each indicator has its own code.`,
  code_unknown: (p) => `the code ${p.code} is not on the "Chỉ tiêu" sheet.`,
  parent_cycle: (p) =>
    `the parents of ${p.code} go round in a cycle: through them the indicator is its own parent.`,
  unit_missing: (p) => `the indicator ${p.code} holds a value but has no unit of measure.`,
  legend_missing: (p) => `the indicator ${p.code} is of kind "mã" (coded) but has no allowed values.`,
  legend_not_coded: (p) => `the indicator ${p.code} has allowed values but is not of kind "mã" (coded).`,
  percent_unit: (p) => `the indicator ${p.code} is of kind "tỷ lệ" (rate), so its unit must be "%".`,
  count_unit_percent: (p) =>
    `the indicator ${p.code} is of kind "số đếm" (count) but measured in "%": if it is a rate, give the kind "tỷ lệ".`,
  limit_not_figure: (p) => `the indicator ${p.code} has a limit but holds no count or rate.`,
  limit_order: (p) => `the maximum of the indicator ${p.code} is below its minimum.`,
  derived_not_percent: (p) => `the indicator ${p.code} has a formula but is not of kind "tỷ lệ" (rate).`,
  derived_reads_non_count: (p) =>
    `the formula of the indicator ${p.code} reads ${p.input}, which is not a count.`,
  rule_twice: (p) => `the rule id ${p.id} is already in row ${p.first}.`,
  rule_one_sided: (p) => `the rule ${p.id} has no right side.`,
  carried_not_count: (p) =>
    `the indicator ${p.code} is carried from the previous period's ${p.from}: both must be counts.`,
  level_not_on_form: (p) =>
    `the indicator ${p.code} is filled at the level ${p.level}, which is not among the "cấp" of the "Mẫu" sheet.`,
  wording_without_parent: (p) =>
    `the indicator ${p.code} has a wording starting with "+ " (counted only under its parent's line) but no parent.`,
  role_id_invalid: (p) =>
    `"${p.text}" is not a role id: use lower-case letters without diacritics, digits and "_", starting with a letter (vpubnd, say).`,
  role_unknown: (p) =>
    `the indicator ${p.code} names the role "${p.role}", which is not on the "Vai trò" sheet${p.known.length ? ` (its roles: ${quotedList(p.known)})` : ""}.`,
  role_order: (p) => `the role ${p.role} stops applying before it starts.`,
  role_twice: (p) =>
    `the role ${p.role} is already declared in row ${p.first} for the same periods: a role is declared again only for the periods that follow (until, then from).`,
  integrity: (p) => `the definition is not consistent (${p.detail}).`,
  level_twice: (p) => `the level ${p.level} is listed twice.`,
};

/** What the reader of an expression expected, as the message names it. */
const EXPECTED_EN: Readonly<Record<ExpectedToken, string>> = {
  code: "an indicator code",
  percent: "a percentage such as 100%",
  open: '"("',
  close: '")"',
  plus: '"+"',
  minus: '"-"',
  divide: '"/"',
  relation: "a comparison (=, <=, >=)",
  tilde: '"~"',
  semicolon: '";"',
  end: "the end",
};

const RULE_KIND_EN = {
  balance: "a balance",
  ofWhich: "an of-which",
  stock: "a stock",
  order: "an order",
} as const;

/** 'The expression "…" cannot be read at character N: <detail>.' */
function unreadable(problem: ExpressionProblem, detail: string): string {
  const at = characterAt(problem);
  const where = at === undefined ? "at its end" : `at character ${at}`;
  return `The expression "${problem.params.text}" cannot be read ${where}: ${detail}.`;
}

/** The English templates of an expression refused (a rule's `biểu thức`, a rate's `công thức`). */
const expressions: ExpressionTemplates = {
  expression_empty: () => 'The expression is empty: the cell holds none, or only "=".',
  expression_unexpected: (p) => {
    const expected = alternatives(
      p.params.expected.map((token) => EXPECTED_EN[token]),
      "en",
    );
    const found = p.params.found === "" ? "found the end" : `found "${p.params.found}"`;
    return unreadable(p, `expected ${expected}, ${found}`);
  },
  expression_bad_character: (p) =>
    unreadable(
      p,
      `the character "${p.params.found}" has no place in an expression (only indicator codes, a percentage such as 100% and + - / ( ) = <= >= ~ ;)`,
    ),
  expression_not_code: (p) =>
    unreadable(
      p,
      `"${p.params.found}" is not an indicator code (digits separated by dots, optionally ending in one lower-case letter a–z as 3.1.3.a, or 2–4 capital letters then digits as HS.2.1)${p.params.suggestion === undefined ? "" : `; write ${p.params.suggestion}`}`,
    ),
  expression_cell_reference: (p) =>
    unreadable(
      p,
      `"${p.params.found}" is a cell's address, not an indicator code; an expression names codes (such as HS.2.1 / HS.2), never cells`,
    ),
  expression_function: (p) =>
    unreadable(
      p,
      `no function such as "${p.params.found}"; an expression holds only indicator codes, additions, subtractions and one division`,
    ),
  expression_product: (p) =>
    unreadable(
      p,
      `no multiplication "${p.params.found}" (a rate's cell is formatted as %, nothing is multiplied by 100)`,
    ),
  expression_division_in_rule: (p) =>
    unreadable(p, `a rule has no division "${p.params.found}"; a rate is an indicator with its own formula`),
  expression_minus_in_rule: (p) =>
    unreadable(
      p,
      `a rule only adds codes, never subtracts "${p.params.found}"; move that code to the other side`,
    ),
  expression_strict_relation: (p) =>
    unreadable(p, `no strict comparison "${p.params.found}"; use "<=", ">=" or "="`),
  expression_relation_kind: (p) => {
    const needs = p.params.kind === "balance" ? '"="' : '"<=" or ">="';
    return unreadable(p, `${RULE_KIND_EN[p.params.kind]} rule needs ${needs}, found "${p.params.found}"`);
  },
  expression_percent_misplaced: (p) =>
    unreadable(
      p,
      `the percentage "${p.params.found}" must stand alone on the larger side, facing codes (e.g. 7.6.2.a + 7.6.2.b <= 100%)`,
    ),
  expression_bad_percent: (p) =>
    unreadable(p, `"${p.params.found}" is not a percentage (such as 100%, 99.5%)`),
  expression_constant: (p) =>
    unreadable(
      p,
      `a rate's formula has no constant "${p.params.found}"; its numerator and denominator hold indicator codes only`,
    ),
  expression_parentheses_needed: (p) =>
    unreadable(
      p,
      p.params.part === "numerator"
        ? "a numerator of several codes goes in parentheses, e.g. (BC.1 - 4.2.1) / BC.1"
        : "a denominator of several codes goes in parentheses, e.g. HS.2.1 / (HS.2 + HS.3)",
    ),
  expression_nested_division: (p) =>
    unreadable(
      p,
      `only one division "${p.params.found}" (numerator / denominator, each a code or a sum in parentheses)`,
    ),
  expression_not_ratio: (p) =>
    `The formula "${p.params.text}" is not a rate: write numerator / denominator, e.g. HS.2.1 / HS.2 or (BC.1 - 4.2.1) / BC.1.`,
  expression_minus_in_denominator: (p) =>
    unreadable(p, `the denominator is a code or a sum of codes, never a difference "${p.params.found}"`),
  expression_unclosed: (p) => unreadable(p, 'this "(" is never closed by ")"'),
};

/** The English templates, as hosts register them (index.ts, registerLanguage). */
export const en: LanguageTemplates = {
  lang: "en",
  findings,
  texts,
  errors,
  expressions,
  definitions,
  place,
  labels: enLabels,
};
