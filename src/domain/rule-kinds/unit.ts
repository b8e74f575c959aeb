import type { Bilingual, RowDef } from "../catalogue";
import type { CellInput } from "../cell";
import type { Finding, RuleSummary } from "../findings";
import { amountFromPercent, formatCount } from "../format";
import type { LocatedCell } from "../locate";
import type { ConflictParams, ReadingParams } from "../messages";
import { bilingual, findingMessage } from "../messages";
import { impliedValue } from "../rules";
import { BLANK_READING, conflictingRowsReading, readValue } from "../reading";
import type { Reading, ReadingIssue } from "../values";
import type { Draft, SheetValues } from "./kind";
import { excelValue, suggestionFor } from "./kind";
import { computeUncalculated } from "./derived";
import { breaksAny } from "./localise";

// The unit rule: every value cell read as its indicator's unit of measure and kind expect (DESIGN.md section 4),
// one evaluation per cell the sheet holds.

/** Rule id of the value-reading checks, one evaluation per value cell. */
export const UNIT_RULE = "unit";

/** Reading problems a click can fix: the value is known, only its form is wrong. */
const FIXABLE: ReadonlySet<ReadingIssue["problem"]> = new Set([
  "text_number",
  "not_whole_number",
  "malformed_number",
]);

/**
 * One pass over the rows: reads every value and keeps the amounts rules compute with, then reads the derived cells
 * whose formula was never calculated. Returns the unit rule's summary; the rows whose value reads with a problem
 * are judged once the relations are known, which may tell what a malformed value should be.
 */
export function evaluate(values: SheetValues): RuleSummary {
  const { readings, amounts, found } = values;
  const { rowAt, cellAt, conflictAt } = found;
  const rows = values.plan.rows;
  const conflicts = conflictAt.size > 0;
  // Counted as they are read, over the rows the sheet holds: the cells a derived formula without a result fills
  // next were blank, and are counted again as they read then.
  const counts = { passed: 0, failed: 0, notEvaluated: 0 };
  for (let at = 0; at < rows.length; at++) {
    const conflict = conflicts ? conflictAt.get(at) : undefined;
    const cell = cellAt[at];
    const held = rowAt[at] !== 0;
    // Half the rows of a sheet have no value cell at all (headings, rows left empty): blank, without reading.
    const reading =
      !held || (cell === undefined && !conflict)
        ? BLANK_READING
        : conflict
          ? conflictingRowsReading(`${values.addressAt(at)!}; ${conflict.address}`)
          : readValue(rows[at]!, cell);
    readings[at] = reading;
    amounts[at] = reading.state === "value" ? reading.amount : undefined;
    if (held) count(reading, counts, 1);
  }
  for (const check of values.plan.derived) {
    const before = readings[check.at]!;
    computeUncalculated(check, values);
    const after = readings[check.at]!;
    if (after !== before) {
      count(before, counts, -1);
      count(after, counts, 1);
    }
  }
  return { rule: UNIT_RULE, passed: counts.passed, failed: counts.failed, notEvaluated: counts.notEvaluated };
}

/** Adds `by` to the count of how `reading` ends: blank or not applicable, read with a problem, or read. */
function count(
  reading: Reading,
  counts: { passed: number; failed: number; notEvaluated: number },
  by: number,
): void {
  if (reading.state === "blank" || reading.state === "na") counts.notEvaluated += by;
  else if (reading.issue) counts.failed += by;
  else counts.passed += by;
}

/** Describes the unit rule. */
export function describe(row: RowDef): string {
  return `${row.code}: ${row.kind}${row.unit ? ` (${row.unit.vi})` : ""}`;
}

/**
 * The findings of the values that read with a problem, in the rows' order. A reduction below its plausible minimum
 * gets one warning, plausibility's, which shows how far below it is.
 */
export function findings(values: SheetValues, out: Finding[]): void {
  const { readings, found } = values;
  for (let at = 0; at < readings.length; at++) {
    if (found.rowAt[at] === 0) continue;
    const reading = readings[at]!;
    if (reading.state !== "value" && reading.state !== "unreadable") continue;
    const issue = reading.issue;
    if (!issue) continue;
    if (issue.problem === "negative_reduction" && values.implausibleStated.includes(at)) continue;
    out.push(unitFinding(at, issue, values));
  }
}

/** The located cell of a row the sheet holds, as its findings name it. */
function locatedAt(at: number, values: SheetValues): LocatedCell {
  const found = values.found;
  return {
    code: values.plan.rows[at]!.code,
    row: found.rowAt[at]!,
    address: values.addressAt(at)!,
    cell: found.cellAt[at],
    conflict: found.conflictAt.get(at),
  };
}

/**
 * The finding of a value that reads with a problem. A malformed value is unknown, not wrong by a little: where a
 * balance holds everything else, it tells the value (DV.4.1 = DV.4 − DV.4.2 = 1.936 in the seed), and that
 * replaces the reader's own guess. A suggestion that would create a new error or warning is withheld: the message
 * still says what the value might be, but no click writes it.
 */
function unitFinding(at: number, issue: ReadingIssue, values: SheetValues): Finding {
  const row = values.plan.rows[at]!;
  const reading = values.readings[at]!;
  const conflicts = values.found.conflictAt;
  if (issue.problem === "conflicting_rows" || (conflicts.size > 0 && conflicts.has(at))) {
    const located = locatedAt(at, values);
    return conflictFinding(row, located, located.conflict!, values);
  }
  const address = values.addressAt(at)!;
  let amount =
    reading.state === "value"
      ? reading.amount
      : reading.state === "unreadable"
        ? reading.suggestion
        : undefined;
  let solvedFrom: string | undefined;
  let suggest = amount !== undefined && FIXABLE.has(issue.problem);
  if (reading.state === "unreadable") {
    const balance = row.kind === "count" ? values.plan.balanceAt[at] : undefined;
    const solved = balance ? impliedValue(balance.relation, at, values.amountAt) : undefined;
    if (balance && solved !== undefined && !breaksAny(at, solved, values)) {
      amount = solved;
      solvedFrom = balance.rule.id;
      suggest = true;
    } else if (suggest && breaksAny(at, amount!, values)) {
      suggest = false;
    }
  }
  const params: { -readonly [P in keyof ReadingParams]: ReadingParams[P] } = {
    code: row.code,
    raw: issue.raw,
  };
  if (issue.stored !== undefined) params.stored = issue.stored;
  if (issue.shown) {
    params.shownScaled = issue.shown.scaled;
    params.shownDecimals = issue.shown.decimals;
  }
  if (amount !== undefined) params.value = excelValue(row, amount);
  if (solvedFrom !== undefined) params.solvedFrom = solvedFrom;
  const kind = issue.problem;
  const codes = [row.code];
  const finding: Draft<typeof kind> = {
    rule: UNIT_RULE,
    kind,
    severity: issue.severity,
    codes,
    cells: [address],
    params,
    message: findingMessage({ kind, params, codes }, values.byCode),
  };
  if (suggest) {
    // The button says what it writes in a notation that cannot be read as what was typed: "Sửa thành 64073".
    const display = issue.problem === "not_whole_number" ? wholeNumberDisplay(amount!) : undefined;
    finding.suggestion = suggestionFor(row, amount!, address, display);
  }
  return finding;
}

/**
 * A whole number as the fix of a number typed with a decimal point shows it. A function of its own: a closure over
 * unitFinding's amount would have every finding keep its amount in a context made for it.
 */
function wholeNumberDisplay(amount: number): Bilingual {
  return bilingual((lang) => (lang === "vi" ? String(amount) : formatCount(amount, lang)));
}

/** What a cell holds for a message naming it, as `first` or `second` of a conflict's parameters. */
function cellParams(
  row: RowDef,
  cell: CellInput | undefined,
  which: "first" | "second",
  params: { -readonly [P in keyof ConflictParams]: ConflictParams[P] },
): void {
  const reading = readValue(row, cell);
  if (reading.state === "value") params[`${which}Amount`] = reading.amount;
  else if (reading.state === "na") params[`${which}Text`] = reading.text;
  else if (reading.state === "unreadable") {
    const issue = reading.issue;
    if (issue.shown) params[`${which}Amount`] = amountFromPercent(issue.shown);
    else if (issue.stored !== undefined) params[`${which}Stored`] = issue.stored;
    else params[`${which}Text`] = issue.raw;
  }
}

/** Two rows carry one code with different values: an error naming both, and the figure is unknown. */
function conflictFinding(
  row: RowDef,
  located: LocatedCell,
  other: NonNullable<LocatedCell["conflict"]>,
  values: SheetValues,
): Finding {
  const params: { -readonly [P in keyof ConflictParams]: ConflictParams[P] } = {
    code: row.code,
    rows: [located.row, other.row],
  };
  cellParams(row, located.cell, "first", params);
  cellParams(row, other.cell, "second", params);
  const kind = "conflicting_rows";
  const codes = [row.code];
  return {
    rule: UNIT_RULE,
    kind,
    severity: "error",
    codes,
    cells: [located.address, other.address],
    params,
    message: findingMessage({ kind, params, codes }, values.byCode),
  };
}
