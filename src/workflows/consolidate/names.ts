import type { Bilingual, Level, ProvinceRole, RoleDef } from "../../domain/catalogue";
import { catalogue as defaultCatalogue, roleByName, roleIn } from "../../domain/catalogue";
import type { Lang } from "../../domain/messages";
import { levelLabel } from "../../domain/meta";
import { BilingualError, errorText } from "../../domain/messages/error";

// Names of units, offices, levels and periods, and the small text files (roles, expected units) that name them.

/** Unit names longer lists are cut at, in messages and notes. */

/**
 * Office roles for province-wide indicators set by a roles file or by the user, by unit key (see unitKey); `null`
 * says the unit holds no role whatever its name suggests. A unit not in it gets its defaultRole.
 */
export type RoleMap = ReadonlyMap<string, ProvinceRole | null>;

/** Why a consolidation cannot be done at all; `bilingual` says it to users. */
export type ConsolidationErrorKind =
  "roles" | "mixed_versions" | "mixed_definitions" | "unknown_version" | "no_units" | "no_previous";

/** A consolidation that cannot be done (a bad roles file, appendices of different template versions, no unit). */
export class ConsolidationError extends BilingualError {
  constructor(
    readonly kind: ConsolidationErrorKind,
    bilingual: Bilingual,
  ) {
    super(bilingual, `consolidate:${kind}`);
    this.name = "ConsolidationError";
  }
}

// Characters that show nothing (zero-width space and joiners, soft hyphen, byte-order mark, bidirectional marks,
// variation selectors): a name pasted from a web page or a PDF carries them unseen, and must name the same unit.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * A unit's name as it is shown and compared: invisible characters removed, Unicode composed (NFC: "ở" typed as
 * o + horn + hook is the one letter), every run of spaces (the non-breaking one included) one space, trimmed.
 */
export function cleanName(name: string): string {
  return name.replace(INVISIBLE, "").normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * The key a unit is known by wherever units are matched (across files, in the roles file and the pane's roles, in
 * the expected-units list, in the previous period, for duplicates): its cleanName in lower case. Diacritics are
 * kept, since they tell different names apart in Vietnamese ("Sở" and "Số").
 */
export function unitKey(name: string): string {
  return cleanName(name).toLocaleLowerCase("vi");
}

function lines(text: string): { line: string; number: number }[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.replace(INVISIBLE, "").trim(), number: index + 1 }))
    .filter(({ line }) => line !== "" && !line.startsWith("#"));
}

/** The word of a roles file's line that says a unit holds no role, whatever its name suggests. */
const NO_ROLE = ["none", "khong", "không"];

/**
 * Reads a roles file: one line per unit, "Unit name<TAB or ;>role" with a role id the form declares (vpubnd, snv,
 * stttt in the 2021 form), or none (also "không") for a unit that holds no role although its name suggests one;
 * blank lines and lines starting with # are ignored. Several names may share a role (aliases of one office). Units
 * the file does not name get their defaultRole. Throws ConsolidationError "roles" listing every bad line.
 */
export function parseRoles(text: string, declared: readonly RoleDef[] = defaultCatalogue.roles): RoleMap {
  const ids = new Set(declared.map((role) => role.id));
  const roles = new Map<string, ProvinceRole | null>();
  const problems = {
    lines: [] as number[],
    problems: [] as string[],
    texts: [] as string[],
    earlier: [] as string[],
  };
  const problem = (number: number, kind: "format" | "role" | "twice", text: string, earlier = "") => {
    problems.lines.push(number);
    problems.problems.push(kind);
    problems.texts.push(text);
    problems.earlier.push(earlier);
  };
  for (const { line, number } of lines(text)) {
    const cut = Math.max(line.lastIndexOf("\t"), line.lastIndexOf(";"));
    const name = cut < 0 ? "" : line.slice(0, cut).trim();
    const roleText = cut < 0 ? "" : line.slice(cut + 1).trim();
    const word = roleText.toLocaleLowerCase("vi");
    const role = NO_ROLE.includes(word)
      ? { success: true as const, data: null }
      : ids.has(word)
        ? { success: true as const, data: word }
        : { success: false as const };
    if (cut < 0 || !name) {
      problem(number, "format", line);
    } else if (!role.success) {
      problem(number, "role", roleText);
    } else {
      const key = unitKey(name);
      const earlier = roles.get(key);
      if (earlier !== undefined && earlier !== role.data) {
        problem(number, "twice", name, earlier ?? "none");
      }
      roles.set(key, role.data);
    }
  }
  if (problems.lines.length) throw new ConsolidationError("roles", errorText("roles_invalid", problems));
  return roles;
}

/**
 * The role a unit gets when no roles file or choice names it: the office whose name patterns it holds in `period`
 * ("Văn phòng UBND tỉnh" → vpubnd, "Sở Nội vụ" → snv, "Sở TT&TT" → stttt, and "Sở Khoa học và Công nghệ" → stttt
 * for a period after the 2025 mergers), only for a unit of a provincial level (a district's "Văn phòng UBND huyện"
 * is no provincial office); undefined for any other unit.
 */
export function defaultRole(
  name: string,
  level?: Level,
  period?: string,
  roles: readonly RoleDef[] = defaultCatalogue.roles,
): ProvinceRole | undefined {
  if (level !== undefined && level !== "so") return undefined;
  return roleByName(roles, name, period);
}

/** Reads the list of units expected to report: one name per line; blank lines and # comments ignored. */
export function parseExpected(text: string): string[] {
  return lines(text).map(({ line }) => cleanName(line));
}

const LEVEL_NAMES_EN: Readonly<Record<Level, string>> = {
  so: "department",
  huyen: "district",
  xa: "commune",
};

/** The name of a level in a language: "Sở, ngành" / "department". */
export function levelName(level: Level | undefined, lang: Lang): string {
  if (level === undefined) return lang === "vi" ? "chưa rõ cấp" : "unknown level";
  return lang === "vi" ? levelLabel(level) : LEVEL_NAMES_EN[level];
}

/** The name of an office role in a language, as the form declares it for `period`; the role id if it does not. */
export function roleName(
  role: ProvinceRole,
  lang: Lang,
  period?: string,
  roles: readonly RoleDef[] = defaultCatalogue.roles,
): string {
  return roleIn(roles, role, period)?.name[lang] ?? role;
}

export { nameList, periodName } from "../../domain/messages/words";
