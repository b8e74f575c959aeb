/**
 * A period id as English texts name it, the pane's and the command line's alike: "Q3 2021", "First half of 2021",
 * "Year 2021"; text that is no period id is returned as it is.
 */
export function periodInEnglish(id: string): string {
  const match = /^(\d{4})(?:-(Q[1-4]|H1))?$/.exec(id);
  if (!match) return id;
  const [, year, part] = match;
  if (!part) return `Year ${year}`;
  if (part === "H1") return `First half of ${year}`;
  return `${part} ${year}`;
}
