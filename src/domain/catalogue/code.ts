// The grammar of codes (DESIGN.md section 11), written once: the schema, the readers and the expression grammar all
// take it from here.

/**
 * A code: dot-separated digit segments optionally ending in one letter segment a–z ("3.1.3.a", an uncoded "Trong
 * đó" row), or a source code of 2–4 capital letters then digit segments ("HS.2.1", "DVC.1").
 */
export const CODE_PATTERN = /^(?:\d+(?:\.\d+)*(?:\.[a-z])?|[A-Z]{2,4}(?:\.\d+)+)$/;

/** True when `text` is a code exactly as the catalogue writes it (no spaces, no trailing dot). */
export function isCode(text: string): boolean {
  return CODE_PATTERN.test(text);
}

/**
 * Normalises a printed code: trims it and drops a trailing dot, so "1.1.1." and "1.1.1" compare equal.
 * Returns "" for text that is not a code.
 */
export function normaliseCode(printed: string): string {
  const trimmed = printed.trim().replace(/\.+$/, "");
  return CODE_PATTERN.test(trimmed) ? trimmed : "";
}
