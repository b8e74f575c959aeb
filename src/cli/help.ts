import type { Bilingual } from "../domain/catalogue";

// The command line's help, as data: each command's usage line and every option it takes, said in Vietnamese and
// then in English (DESIGN.md section 6). `cchc-appendix --help` and `cchc-appendix COMMAND --help` print from here,
// and so does every usage error.

/** One option of a command, as its help lists it. */
interface OptionHelp {
  readonly flags: Bilingual;
  readonly text: Bilingual;
}

/** One command's help. */
interface CommandHelp {
  readonly summary: Bilingual;
  readonly usage: Bilingual;
  readonly options: readonly OptionHelp[];
}

/** The commands of the CLI. */
export type CommandName = "template" | "validate" | "consolidate" | "import" | "form";

const HELP_OPTION: OptionHelp = {
  flags: { vi: "-h, --help", en: "-h, --help" },
  text: { vi: "in hướng dẫn này", en: "print this help" },
};

const FORCE_OPTION: OptionHelp = {
  flags: { vi: "--force", en: "--force" },
  text: {
    vi: "thay tệp đầu ra nếu tệp đó đã có (không bao giờ thay một tệp đầu vào)",
    en: "replace the output file if it already exists (never one of the input files)",
  },
};

const COMMANDS: Readonly<Record<CommandName, CommandHelp>> = {
  template: {
    summary: { vi: "tạo phụ lục trống theo mẫu", en: "write a blank appendix workbook" },
    usage: {
      vi: 'cchc-appendix template -o TỆP.xlsx [--unit "Tên đơn vị"] [--level so|huyen|xa] [--period 2021-Q3] [--form MÃ-MẪU|DINH-NGHIA.xlsx] [--force]',
      en: 'cchc-appendix template -o FILE.xlsx [--unit "Unit name"] [--level so|huyen|xa] [--period 2021-Q3] [--form FORM-ID|DEFINITION.xlsx] [--force]',
    },
    options: [
      {
        flags: { vi: "-o, --output TỆP.xlsx", en: "-o, --output FILE.xlsx" },
        text: { vi: "tệp phụ lục sẽ tạo (bắt buộc)", en: "the appendix file to write (required)" },
      },
      {
        flags: { vi: '--unit "Tên đơn vị"', en: '--unit "Unit name"' },
        text: {
          vi: 'tên đơn vị báo cáo, cũng là tên trang tính (mặc định "Đơn vị báo cáo")',
          en: 'the reporting unit, also the sheet\'s name (default "Đơn vị báo cáo")',
        },
      },
      {
        flags: { vi: "--level so|huyen|xa", en: "--level so|huyen|xa" },
        text: {
          vi: "cấp của đơn vị: so (Sở, ngành), huyen (Huyện, chỉ cho kỳ trước 01/7/2025: từ 01/7/2025 không còn cấp huyện), xa (Xã); mặc định so",
          en: "the unit's level: so (department), huyen (district, only for periods before 1 July 2025: there are no districts from then on), xa (commune); default so",
        },
      },
      {
        flags: { vi: "--period KỲ", en: "--period PERIOD" },
        text: {
          vi: 'kỳ báo cáo: 2021-Q3 hoặc "Quý III/2021", 2021-H1 hoặc "6 tháng 2021", 2021 hoặc "Năm 2021"; mặc định quý hiện tại',
          en: 'the period: 2021-Q3 or "Quý III/2021", 2021-H1 or "6 tháng 2021", 2021 or "Năm 2021"; default the current quarter',
        },
      },
      {
        flags: { vi: "--form MÃ-MẪU|DINH-NGHIA.xlsx", en: "--form FORM-ID|DEFINITION.xlsx" },
        text: {
          vi: "mẫu phụ lục: mã một mẫu có sẵn, hoặc tệp định nghĩa mẫu (kiểm tra như form check, có lỗi thì không dùng); mặc định CCHC-PL-2021",
          en: "the appendix form: a built-in form's id, or a form definition file (checked as form check does, never used with a problem); default CCHC-PL-2021",
        },
      },
      FORCE_OPTION,
      HELP_OPTION,
    ],
  },
  validate: {
    summary: { vi: "kiểm tra phụ lục đã điền", en: "check filled-in appendices" },
    usage: {
      vi: "cchc-appendix validate TỆP.xlsx|.docx... [--format text|json] [--lang vi|en] [--form DINH-NGHIA.xlsx]...",
      en: "cchc-appendix validate FILE.xlsx|.docx... [--format text|json] [--lang vi|en] [--form DEFINITION.xlsx]...",
    },
    options: [
      {
        flags: { vi: "--format text|json", en: "--format text|json" },
        text: {
          vi: "kết quả dạng văn bản (mặc định) hoặc một tài liệu JSON",
          en: "the result as text (default) or as one JSON document",
        },
      },
      {
        flags: { vi: "--lang vi|en", en: "--lang vi|en" },
        text: {
          vi: "ngôn ngữ của kết quả dạng văn bản (mặc định vi)",
          en: "the language of the text result (default vi)",
        },
      },
      {
        flags: { vi: "--form DINH-NGHIA.xlsx", en: "--form DEFINITION.xlsx" },
        text: {
          vi: "tệp định nghĩa mẫu cho trang tính theo mẫu mà tệp không mang theo định nghĩa (kiểm tra như form check; dùng được nhiều lần)",
          en: "a form definition file for sheets whose form the file does not carry (checked as form check does; may be repeated)",
        },
      },
      HELP_OPTION,
    ],
  },
  consolidate: {
    summary: { vi: "tổng hợp phụ lục của các đơn vị", en: "consolidate the units' appendices" },
    usage: {
      vi: "cchc-appendix consolidate TỆP.xlsx|.docx... -o TONG-HOP.xlsx [--expect don-vi.txt] [--previous KY-TRUOC.xlsx] [--roles vai-tro.txt] [--allow-other-periods] [--form DINH-NGHIA.xlsx]... [--force]",
      en: "cchc-appendix consolidate FILE.xlsx|.docx... -o SUMMARY.xlsx [--expect units.txt] [--previous LAST.xlsx] [--roles roles.txt] [--allow-other-periods] [--form DEFINITION.xlsx]... [--force]",
    },
    options: [
      {
        flags: { vi: "-o, --output TONG-HOP.xlsx", en: "-o, --output SUMMARY.xlsx" },
        text: {
          vi: "tệp tổng hợp sẽ tạo (bắt buộc; không được là một tệp đầu vào)",
          en: "the summary file to write (required; never one of the input files)",
        },
      },
      {
        flags: { vi: "--expect don-vi.txt", en: "--expect units.txt" },
        text: {
          vi: "danh sách đơn vị phải báo cáo, mỗi dòng một tên",
          en: "the units expected to report, one name per line",
        },
      },
      {
        flags: { vi: "--previous KY-TRUOC.xlsx", en: "--previous LAST.xlsx" },
        text: {
          vi: "bảng tổng hợp hoặc phụ lục kỳ trước, để so sánh",
          en: "the previous period's summary or appendices, to compare with",
        },
      },
      {
        flags: { vi: "--roles vai-tro.txt", en: "--roles roles.txt" },
        text: {
          vi: 'vai trò của đơn vị cấp tỉnh, mỗi dòng "Tên đơn vị<TAB hoặc ;>vpubnd|snv|stttt|none" (đơn vị không có trong tệp: vai trò theo tên)',
          en: 'the province-wide units\' roles, one "Unit name<TAB or ;>vpubnd|snv|stttt|none" per line (units it does not name: the role their name gives)',
        },
      },
      {
        flags: { vi: "--allow-other-periods", en: "--allow-other-periods" },
        text: {
          vi: "cộng cả phụ lục ghi kỳ báo cáo khác (mặc định: không cộng, có dòng báo)",
          en: "also sum appendices that state another period (default: left out, with a line saying so)",
        },
      },
      {
        flags: { vi: "--form DINH-NGHIA.xlsx", en: "--form DEFINITION.xlsx" },
        text: {
          vi: "tệp định nghĩa mẫu cho trang tính theo mẫu mà tệp không mang theo định nghĩa (kiểm tra như form check; dùng được nhiều lần)",
          en: "a form definition file for sheets whose form the file does not carry (checked as form check does; may be repeated)",
        },
      },
      FORCE_OPTION,
      HELP_OPTION,
    ],
  },
  import: {
    summary: {
      vi: "chuyển báo cáo Word (.docx) thành phụ lục Excel theo mẫu, số liệu lấy từ phần báo cáo có ghi chú",
      en: "turn a Word report (.docx) into the standard appendix workbook, values from its text noted",
    },
    usage: {
      vi: "cchc-appendix import BAO-CAO.docx -o TỆP.xlsx [--force]",
      en: "cchc-appendix import REPORT.docx -o FILE.xlsx [--force]",
    },
    options: [
      {
        flags: { vi: "-o, --output TỆP.xlsx", en: "-o, --output FILE.xlsx" },
        text: { vi: "tệp phụ lục sẽ tạo (bắt buộc)", en: "the appendix file to write (required)" },
      },
      FORCE_OPTION,
      HELP_OPTION,
    ],
  },
  form: {
    summary: {
      vi: "ghi định nghĩa của một mẫu ra tệp Excel để sửa thành mẫu riêng, hoặc kiểm tra một tệp định nghĩa mẫu",
      en: "write a form's definition workbook to edit into your own form, or check a form definition workbook",
    },
    usage: {
      vi: "cchc-appendix form export [--form MÃ-MẪU] -o DINH-NGHIA.xlsx [--force] | cchc-appendix form check DINH-NGHIA.xlsx",
      en: "cchc-appendix form export [--form FORM-ID] -o DEFINITION.xlsx [--force] | cchc-appendix form check DEFINITION.xlsx",
    },
    options: [
      {
        flags: { vi: "export", en: "export" },
        text: {
          vi: "ghi định nghĩa mẫu (các trang Mẫu, Chỉ tiêu, Quy tắc; cột mã và biểu thức định dạng Văn bản)",
          en: "write the form's definition (sheets Mẫu, Chỉ tiêu, Quy tắc; code and expression columns formatted as Text)",
        },
      },
      {
        flags: { vi: "check", en: "check" },
        text: {
          vi: "kiểm tra tệp định nghĩa: mọi lỗi theo trang, dòng và cột (mã thoát 2), hoặc tóm tắt mẫu hợp lệ (mã thoát 0)",
          en: "check a definition file: every problem by sheet, row and column (exit 2), or a sound form's summary (exit 0)",
        },
      },
      {
        flags: { vi: "--form MÃ-MẪU", en: "--form FORM-ID" },
        text: {
          vi: "mẫu có sẵn cần ghi (mặc định CCHC-PL-2021)",
          en: "the built-in form to write (default CCHC-PL-2021)",
        },
      },
      {
        flags: { vi: "-o, --output DINH-NGHIA.xlsx", en: "-o, --output DEFINITION.xlsx" },
        text: {
          vi: "tệp định nghĩa sẽ tạo (bắt buộc với export)",
          en: "the definition file to write (required by export)",
        },
      },
      FORCE_OPTION,
      HELP_OPTION,
    ],
  },
};

const EXIT_CODES: Bilingual = {
  vi: "Mã thoát: 0 không có lỗi; 1 có lỗi trong phụ lục; 2 không làm được việc (tệp không đọc được, tham số sai, tệp đầu ra bị từ chối).",
  en: "Exit codes: 0 no error; 1 an appendix has errors; 2 the job could not be done (a file unreadable, bad arguments, the output refused).",
};

function optionLines(options: readonly OptionHelp[], lang: keyof Bilingual): string[] {
  const width = Math.max(...options.map((option) => option.flags[lang].length)) + 2;
  return options.map((option) => `  ${option.flags[lang].padEnd(width)}${option.text[lang]}`);
}

function commandText(name: CommandName, lang: keyof Bilingual): string {
  const help = COMMANDS[name];
  const [usage, options] = lang === "vi" ? ["Cách dùng", "Tuỳ chọn"] : ["Usage", "Options"];
  return [
    `${usage}: ${help.usage[lang]}`,
    `  ${help.summary[lang]}`,
    `${options}:`,
    ...optionLines(help.options, lang),
  ].join("\n");
}

/** The help of one command: Vietnamese, then English. */
export function commandHelp(name: CommandName): string {
  return `${commandText(name, "vi")}\n\n${commandText(name, "en")}\n\n${EXIT_CODES.vi}\n${EXIT_CODES.en}\n`;
}

const NAMES = Object.keys(COMMANDS) as CommandName[];

/** The help of the whole command line: each command with its options, Vietnamese then English. */
export function generalHelp(): string {
  const part = (lang: keyof Bilingual) =>
    [
      lang === "vi"
        ? "cchc-appendix — phụ lục thống kê cải cách hành chính (CCHC)"
        : "cchc-appendix — the administrative reform (CCHC) statistical appendix",
      "",
      ...NAMES.map((name) => commandText(name, lang))
        .join("\n\n")
        .split("\n"),
      "",
      lang === "vi"
        ? "Xem một lệnh: cchc-appendix LỆNH --help."
        : "One command's help: cchc-appendix COMMAND --help.",
    ].join("\n");
  return `${part("vi")}\n\n${part("en")}\n\n${EXIT_CODES.vi}\n${EXIT_CODES.en}\n`;
}

/** True when the arguments ask for help (-h or --help before any "--"), whatever else they hold. */
export function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}

/** True for a command name of the CLI. */
export function isCommandName(name: string): name is CommandName {
  return (NAMES as string[]).includes(name);
}

/** An error of node:util's parseArgs, recognised by code: it is Node's own TypeError, maybe of another realm. */
export function isParseArgsError(error: unknown): error is Error & { code: string } {
  return (
    typeof error === "object" &&
    error !== null &&
    String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")
  );
}

/** What parseArgs refused, in both languages, naming the option. */
export function parseArgsMessage(error: Error & { code: string }): Bilingual {
  const option = (/'([^']+)'/.exec(error.message)?.[1] ?? "").replace(/ <value>$/, "");
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return { vi: `Không có tuỳ chọn ${option}.`, en: `Unknown option ${option}.` };
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test(error.message)
        ? { vi: `Tuỳ chọn ${option} cần một giá trị.`, en: `Option ${option} needs a value.` }
        : { vi: `Tuỳ chọn ${option} không nhận giá trị.`, en: `Option ${option} takes no value.` };
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return {
        vi: `Lệnh này không nhận tham số ${option}.`,
        en: `This command takes no argument ${option}.`,
      };
    default:
      return { vi: `Tham số không hợp lệ: ${error.message}`, en: `Invalid arguments: ${error.message}` };
  }
}

/**
 * The help a command line asks for, or undefined when it asks for none: `--help` or `-h` alone, `help [COMMAND]`,
 * or a command with --help among its arguments. The one rule for the bin's start and for main().
 */
export function helpFor(argv: readonly string[]): string | undefined {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h") return generalHelp();
  if (command === "help") {
    const topic = rest[0];
    return topic !== undefined && isCommandName(topic) ? commandHelp(topic) : generalHelp();
  }
  if (command !== undefined && isCommandName(command) && asksForHelp(rest)) return commandHelp(command);
  return undefined;
}
