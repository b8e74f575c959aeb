// The catalogue's closed lists, as plain values: a tool that only uses the built-in catalogue never loads zod
// (schema.ts builds its enums from these).

/** Levels of a reporting unit (cấp của đơn vị báo cáo), in the order the form lists them. */
export const LEVELS = ["so", "huyen", "xa"] as const;

/** All levels, in the order the form lists them. */
export const ALL_LEVELS: readonly (typeof LEVELS)[number][] = LEVELS;

/** Offices that report a province-wide indicator once for everyone. */
export const PROVINCE_ROLES = ["vpubnd", "snv", "stttt"] as const;

/** True when `text` is a level id ("so", "huyen", "xa"). */
export function isLevel(text: unknown): text is (typeof LEVELS)[number] {
  return (LEVELS as readonly unknown[]).includes(text);
}

/** True when `text` is a province role id ("vpubnd", "snv", "stttt"). */
export function isProvinceRole(text: unknown): text is (typeof PROVINCE_ROLES)[number] {
  return (PROVINCE_ROLES as readonly unknown[]).includes(text);
}
