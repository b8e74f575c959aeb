import type { HelpTexts } from "./kinds";

// The command line's help in English (src/cli/help.ts lays it out). Apart from en.ts: `--help` loads this and
// nothing else of the messages, so that it starts in the time node itself takes (issue 16).

const HELP_OPTION = { flags: "-h, --help", text: "print this help" } as const;

const FORCE_OPTION = {
  flags: "--force",
  text: "replace the output file if it already exists (never one of the input files)",
} as const;

const COMMANDS: HelpTexts["commands"] = {
  template: {
    summary: "write a blank appendix workbook",
    usage:
      'cchc-appendix template -o FILE.xlsx [--unit "Unit name"] [--level so|huyen|xa] [--period 2021-Q3] [--form FORM-ID|DEFINITION.xlsx] [--force]',
    options: [
      { flags: "-o, --output FILE.xlsx", text: "the appendix file to write (required)" },
      {
        flags: '--unit "Unit name"',
        text: 'the reporting unit, also the sheet\'s name (default "Đơn vị báo cáo")',
      },
      {
        flags: "--level so|huyen|xa",
        text: "the unit's level: so (department), huyen (district, only for periods before 1 July 2025: there are no districts from then on), xa (commune); default so",
      },
      {
        flags: "--period PERIOD",
        text: 'the period: 2021-Q3 or "Quý III/2021", 2021-H1 or "6 tháng 2021", 2021 or "Năm 2021"; default the current quarter',
      },
      {
        flags: "--form FORM-ID|DEFINITION.xlsx",
        text: "the appendix form: a built-in form's id, or a form definition file (checked as form check does, never used with a problem); default CCHC-PL-2021",
      },
      FORCE_OPTION,
      HELP_OPTION,
    ],
  },
  validate: {
    summary: "check filled-in appendices",
    usage:
      "cchc-appendix validate FILE.xlsx|.docx... [--format text|json] [--lang vi|en] [--form DEFINITION.xlsx]...",
    options: [
      { flags: "--format text|json", text: "the result as text (default) or as one JSON document" },
      { flags: "--lang vi|en", text: "the language of the text result (default vi)" },
      {
        flags: "--form DEFINITION.xlsx",
        text: "a form definition file for sheets whose form the file does not carry (checked as form check does; may be repeated)",
      },
      HELP_OPTION,
    ],
  },
  consolidate: {
    summary: "consolidate the units' appendices",
    usage:
      "cchc-appendix consolidate FILE.xlsx|.docx... -o SUMMARY.xlsx [--expect units.txt] [--previous LAST.xlsx] [--roles roles.txt] [--allow-other-periods] [--form DEFINITION.xlsx]... [--force]",
    options: [
      {
        flags: "-o, --output SUMMARY.xlsx",
        text: "the summary file to write (required; never one of the input files)",
      },
      { flags: "--expect units.txt", text: "the units expected to report, one name per line" },
      { flags: "--previous LAST.xlsx", text: "the previous period's summary or appendices, to compare with" },
      {
        flags: "--roles roles.txt",
        text: 'the province-wide units\' roles, one "Unit name<TAB or ;>vpubnd|snv|stttt|none" per line (units it does not name: the role their name gives)',
      },
      {
        flags: "--allow-other-periods",
        text: "also sum appendices that state another period (default: left out, with a line saying so)",
      },
      {
        flags: "--form DEFINITION.xlsx",
        text: "a form definition file for sheets whose form the file does not carry (checked as form check does; may be repeated)",
      },
      FORCE_OPTION,
      HELP_OPTION,
    ],
  },
  import: {
    summary: "turn a Word report (.docx) into the standard appendix workbook, values from its text noted",
    usage: "cchc-appendix import REPORT.docx -o FILE.xlsx [--force]",
    options: [
      { flags: "-o, --output FILE.xlsx", text: "the appendix file to write (required)" },
      FORCE_OPTION,
      HELP_OPTION,
    ],
  },
  form: {
    summary:
      "write a form's definition workbook to edit into your own form, or check a form definition workbook",
    usage:
      "cchc-appendix form export [--form FORM-ID] -o DEFINITION.xlsx [--force] | cchc-appendix form check DEFINITION.xlsx",
    options: [
      {
        flags: "export",
        text: "write the form's definition (sheets Mẫu, Vai trò, Chỉ tiêu, Quy tắc; code and expression columns formatted as Text)",
      },
      {
        flags: "check",
        text: "check a definition file: every problem by sheet, row and column (exit 2), or a sound form's summary (exit 0)",
      },
      { flags: "--form FORM-ID", text: "the built-in form to write (default CCHC-PL-2021)" },
      { flags: "-o, --output DEFINITION.xlsx", text: "the definition file to write (required by export)" },
      FORCE_OPTION,
      HELP_OPTION,
    ],
  },
};

/** The English help. */
export const helpEn: HelpTexts = {
  title: "cchc-appendix — the administrative reform (CCHC) statistical appendix",
  usage: "Usage",
  options: "Options",
  oneCommand: "One command's help: cchc-appendix COMMAND --help.",
  exitCodes:
    "Exit codes: 0 no error; 1 an appendix has errors; 2 the job could not be done (a file unreadable, bad arguments, the output refused).",
  commands: COMMANDS,
  unknownOption: (option) => `Unknown option ${option}.`,
  optionNeedsValue: (option) => `Option ${option} needs a value.`,
  optionTakesNoValue: (option) => `Option ${option} takes no value.`,
  unexpectedArgument: (argument) => `This command takes no argument ${argument}.`,
  invalidArguments: (detail) => `Invalid arguments: ${detail}`,
};
