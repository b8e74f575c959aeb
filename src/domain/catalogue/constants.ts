// The catalogue's closed lists, as plain values: a tool that only uses the built-in catalogue never loads zod
// (schema.ts builds its enums from these).

/** Levels of a reporting unit (cấp của đơn vị báo cáo), in the order the form lists them. */
export const LEVELS = ["so", "huyen", "xa"] as const;

/** All levels, in the order the form lists them. */
export const ALL_LEVELS: readonly (typeof LEVELS)[number][] = LEVELS;

/**
 * The first period of the two-level local government (DESIGN.md section 12): from 1 July 2025 there are no
 * districts, so no district reports and no row that presupposes districts is expected.
 */
export const REFORM_PERIOD = "2025-Q3";

/** Levels that no longer exist from a period on: the district level ends with the 2025 reform. */
export const LEVEL_NOT_FROM: Readonly<Partial<Record<(typeof LEVELS)[number], string>>> = {
  huyen: REFORM_PERIOD,
};

/** True when `text` is a level id ("so", "huyen", "xa"). */
export function isLevel(text: unknown): text is (typeof LEVELS)[number] {
  return (LEVELS as readonly unknown[]).includes(text);
}
