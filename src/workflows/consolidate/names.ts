import type { Bilingual, Level, ProvinceRole } from "../../domain/catalogue";
import { ProvinceRoleSchema } from "../../domain/catalogue";
import type { Lang } from "../../domain/messages";
import { levelLabel, periodLabel } from "../../domain/meta";

// Names of units, offices, levels and periods, and the small text files (roles, expected units) that name them.

/** Unit names longer lists are cut at, in messages and notes. */
const NAMES_SHOWN = 5;

/** Office roles for province-wide indicators, by unit key (see unitKey). */
export type RoleMap = ReadonlyMap<string, ProvinceRole>;

/** Why a consolidation cannot be done at all; `bilingual` says it to users. */
export type ConsolidationErrorKind =
  "roles" | "mixed_versions" | "unknown_version" | "no_units" | "no_previous";

/** A consolidation that cannot be done (a bad roles file, appendices of different template versions, no unit). */
export class ConsolidationError extends Error {
  constructor(
    readonly kind: ConsolidationErrorKind,
    /** What is wrong and what to do, in Vietnamese and English. */
    readonly bilingual: Bilingual,
  ) {
    super(`${bilingual.vi} / ${bilingual.en}`);
    this.name = "ConsolidationError";
  }
}

/**
 * The key a unit is known by across files: its name in NFC, spaces collapsed, lower case. Diacritics are kept,
 * since they tell different names apart in Vietnamese ("Sở" and "Số").
 */
export function unitKey(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");
}

function lines(text: string): { line: string; number: number }[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "" && !line.startsWith("#"));
}

/**
 * Reads a roles file: one line per office, "Unit name<TAB or ;>role" with role vpubnd, snv or stttt; blank lines
 * and lines starting with # are ignored. Several names may share a role (aliases of one office). Throws
 * ConsolidationError "roles" listing every bad line.
 */
export function parseRoles(text: string): RoleMap {
  const roles = new Map<string, ProvinceRole>();
  const problems: Bilingual[] = [];
  for (const { line, number } of lines(text)) {
    const cut = Math.max(line.lastIndexOf("\t"), line.lastIndexOf(";"));
    const name = cut < 0 ? "" : line.slice(0, cut).trim();
    const roleText = cut < 0 ? "" : line.slice(cut + 1).trim();
    const role = ProvinceRoleSchema.safeParse(roleText.toLowerCase());
    if (cut < 0 || !name) {
      problems.push({
        vi: `dòng ${number}: cần "Tên đơn vị<TAB hoặc ;>vai trò", nhận được "${line}"`,
        en: `line ${number}: expected "Unit name<TAB or ;>role", got "${line}"`,
      });
    } else if (!role.success) {
      problems.push({
        vi: `dòng ${number}: vai trò "${roleText}" không hợp lệ (dùng vpubnd, snv hoặc stttt)`,
        en: `line ${number}: unknown role "${roleText}" (use vpubnd, snv or stttt)`,
      });
    } else {
      const key = unitKey(name);
      const earlier = roles.get(key);
      if (earlier && earlier !== role.data) {
        problems.push({
          vi: `dòng ${number}: "${name}" đã được gán vai trò ${earlier}`,
          en: `line ${number}: "${name}" already has the role ${earlier}`,
        });
      }
      roles.set(key, role.data);
    }
  }
  if (problems.length) {
    throw new ConsolidationError("roles", {
      vi: `Tệp vai trò không hợp lệ: ${problems.map((problem) => problem.vi).join("; ")}.`,
      en: `Invalid roles file: ${problems.map((problem) => problem.en).join("; ")}.`,
    });
  }
  return roles;
}

/** Reads the list of units expected to report: one name per line; blank lines and # comments ignored. */
export function parseExpected(text: string): string[] {
  return lines(text).map(({ line }) => line.replace(/\s+/g, " "));
}

const ROLE_NAMES: Readonly<Record<ProvinceRole, Bilingual>> = {
  vpubnd: { vi: "Văn phòng UBND tỉnh", en: "the Provincial People's Committee Office" },
  snv: { vi: "Sở Nội vụ", en: "the Department of Home Affairs" },
  stttt: { vi: "Sở Thông tin và Truyền thông", en: "the Department of Information and Communications" },
};

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

/** The name of an office role in a language. */
export function roleName(role: ProvinceRole, lang: Lang): string {
  return ROLE_NAMES[role][lang];
}

/** A period id as users read it: "Quý III/2021"; the id itself in English ("2021-Q3"). */
export function periodName(period: string | undefined, lang: Lang): string {
  if (period === undefined) return lang === "vi" ? "chưa rõ kỳ" : "unknown period";
  return lang === "vi" ? periodLabel(period) : period;
}

/** Names for a message, the first few and a count of the rest. */
/** Names joined for a message, cut after a few with how many more. */
export function nameList(names: readonly string[], lang: Lang, shown = NAMES_SHOWN): string {
  const head = names.slice(0, shown).join(", ");
  const rest = names.length - shown;
  if (rest <= 0) return head;
  return lang === "vi" ? `${head} và ${rest} đơn vị khác` : `${head} and ${rest} more`;
}
