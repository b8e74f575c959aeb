import type { Bilingual } from "../domain/catalogue";
import { helpEn } from "../domain/messages/help-en";
import { helpVi } from "../domain/messages/help-vi";
import type { HelpCommand, HelpOption, HelpTexts, Lang } from "../domain/messages/kinds";

// The command line's help laid out: each command's usage line and every option it takes, said in Vietnamese and
// then in English (DESIGN.md section 6), from the help's own message modules (help-vi.ts, help-en.ts), which load
// nothing else. `cchc-appendix --help` and `cchc-appendix COMMAND --help` print from here, and so does every usage
// error.

/** The commands of the CLI. */
export type CommandName = HelpCommand;

/** Each language's help, in the order the help prints them. */
const HELP: Readonly<Record<Lang, HelpTexts>> = { vi: helpVi, en: helpEn };

function optionLines(options: readonly HelpOption[]): string[] {
  const width = Math.max(...options.map((option) => option.flags.length)) + 2;
  return options.map((option) => `  ${option.flags.padEnd(width)}${option.text}`);
}

function commandText(name: CommandName, lang: Lang): string {
  const texts = HELP[lang];
  const help = texts.commands[name];
  return [
    `${texts.usage}: ${help.usage}`,
    `  ${help.summary}`,
    `${texts.options}:`,
    ...optionLines(help.options),
  ].join("\n");
}

/** The help of one command: Vietnamese, then English. */
export function commandHelp(name: CommandName): string {
  return `${commandText(name, "vi")}\n\n${commandText(name, "en")}\n\n${helpVi.exitCodes}\n${helpEn.exitCodes}\n`;
}

const NAMES = Object.keys(helpVi.commands) as CommandName[];

/** The help of the whole command line: each command with its options, Vietnamese then English. */
export function generalHelp(): string {
  const part = (lang: Lang) =>
    [
      HELP[lang].title,
      "",
      ...NAMES.map((name) => commandText(name, lang))
        .join("\n\n")
        .split("\n"),
      "",
      HELP[lang].oneCommand,
    ].join("\n");
  return `${part("vi")}\n\n${part("en")}\n\n${helpVi.exitCodes}\n${helpEn.exitCodes}\n`;
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
  const say = (text: (texts: HelpTexts) => string): Bilingual => ({ vi: text(helpVi), en: text(helpEn) });
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return say((texts) => texts.unknownOption(option));
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test(error.message)
        ? say((texts) => texts.optionNeedsValue(option))
        : say((texts) => texts.optionTakesNoValue(option));
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return say((texts) => texts.unexpectedArgument(option));
    default:
      return say((texts) => texts.invalidArguments(error.message));
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
