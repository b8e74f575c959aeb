import { periodMonths, periodReaches } from "../meta";
import type { Bilingual, RoleDef } from "./schema";

// Roles are the form's data (DESIGN.md section 11, sheet `Vai trò`): which office reports a province-wide
// indicator, by what names its unit is recognised, and in which periods. One role id may be declared more than once
// for successive periods when an office is merged into another (the 2025 mergers).

/**
 * True when the declaration applies in `period`: the period reaches its `from` (ends in or after from's first
 * month) and ends no later than its `until` ends. A period not known takes the declarations without `from`, those
 * of the form as first issued.
 */
export function roleApplies(role: RoleDef, period: string | undefined): boolean {
  if (period === undefined || periodMonths(period) === undefined) return role.from === undefined;
  if (role.from !== undefined && !periodReaches(period, role.from)) return false;
  const until = role.until === undefined ? undefined : periodMonths(role.until);
  return until === undefined || periodMonths(period)!.end <= until.end;
}

/** The declarations of `roles` that apply in `period`, in the form's order: one per role id in a sound form. */
export function rolesIn(roles: readonly RoleDef[], period: string | undefined): RoleDef[] {
  return roles.filter((role) => roleApplies(role, period));
}

/** The declaration of role `id` that applies in `period`, else undefined. */
export function roleIn(
  roles: readonly RoleDef[],
  id: string,
  period: string | undefined,
): RoleDef | undefined {
  return roles.find((role) => role.id === id && roleApplies(role, period));
}

// Characters that show nothing (zero-width space and joiners, soft hyphen, byte-order mark, bidirectional marks):
// a name pasted from a web page carries them unseen.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * A name as role patterns compare it: without diacritics, in lower case, punctuation read as spaces, words separated
 * by one space and "TT & TT" written "tt&tt", padded with a space either side so that a pattern matches whole words.
 */
export function foldedName(name: string): string {
  return ` ${name
    .replace(INVISIBLE, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9&]+/g, " ")
    .replace(/\s*&\s*/g, "&")
    .trim()} `;
}

/**
 * The role whose patterns (`nhận biết`) a unit's name holds as whole words, among the declarations that apply in
 * `period` ("Sở TT&TT tỉnh Trà Vinh" holds "sở tt&tt"); undefined when none does.
 */
export function roleByName(
  roles: readonly RoleDef[],
  name: string,
  period: string | undefined,
): string | undefined {
  const text = foldedName(name);
  return rolesIn(roles, period).find((role) =>
    role.patterns.some((pattern) => text.includes(foldedName(pattern))),
  )?.id;
}

/** The offices' names by role id in `period`, which messages name them by. */
export function roleNamesIn(
  roles: readonly RoleDef[],
  period: string | undefined,
): ReadonlyMap<string, Bilingual> {
  return new Map(rolesIn(roles, period).map((role) => [role.id, role.name]));
}
