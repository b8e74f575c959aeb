import type { LoadedCatalogue, Level } from "../catalogue";
import { appliesIn, LEVELS } from "../catalogue";
import type { Finding, RuleSummary } from "../findings";
import { findingMessage } from "../messages";
import type { CompiledRule, SheetValues, Status } from "./kind";
import { summariesOf } from "./kind";

// Completeness: rows expected from the unit's level left blank (info, counted in the verdict), and an appendix
// with no value at all (an error: never ready).

/** Rule id of the completeness check. */
export const COMPLETE_RULE = "complete";

/** The completeness check of a catalogue: by level, which rows a unit of that level is expected to fill. */
export interface CompleteCheck extends CompiledRule {
  /** By level, by row index: 1 for a row of the printed appendix whose scope names the level. */
  readonly expected: Readonly<Record<Level, Uint8Array>>;
  /** By level, the indexes of the rows `expected` marks, in the catalogue's order. */
  readonly expectedRows: Readonly<Record<Level, readonly number[]>>;
  /** By row index: 1 for a row that holds a value (not a section or group heading). */
  readonly holdsValue: Uint8Array;
  /** By row index: 1 for a row not expected from some period on (the 2025 reform's rows about districts). */
  readonly ends: Uint8Array;
  readonly summaries: Readonly<Record<Status, RuleSummary>>;
}

/** Compiles the completeness check of `catalogue`. */
export function compile(catalogue: LoadedCatalogue): CompleteCheck {
  const rows = catalogue.rows;
  const expectedOf = (level: Level) =>
    Uint8Array.from(rows, (row) => (row.block === "appendix" && row.scope.includes(level) ? 1 : 0));
  const expected = Object.fromEntries(LEVELS.map((level) => [level, expectedOf(level)])) as Record<
    Level,
    Uint8Array
  >;
  const expectedRows = Object.fromEntries(
    LEVELS.map((level) => [level, rows.flatMap((_, at) => (expected[level][at] === 1 ? [at] : []))]),
  ) as Record<Level, number[]>;
  const check: CompleteCheck = {
    id: COMPLETE_RULE,
    expected,
    expectedRows,
    holdsValue: Uint8Array.from(rows, (row) => (row.kind !== "none" ? 1 : 0)),
    ends: Uint8Array.from(rows, (row) => (row.notApplicableFrom !== undefined ? 1 : 0)),
    summaries: summariesOf(COMPLETE_RULE),
    evaluate: (values) => evaluate(check, values),
    findings: (values, out) => findings(values, out),
  };
  return check;
}

/** What completeness checks, as a person says it. */
export function describe(): string {
  return "every row expected from the unit's level in the period holds a value";
}

/** Notes the rows expected and blank, and whether the sheet holds any value at all. */
export function evaluate(check: CompleteCheck, values: SheetValues): RuleSummary {
  const { readings, found, level, blankExpected } = values;
  const rows = values.plan.rows;
  // Whether any row holds a value is told by the first that does; the blanks are looked for among the rows the
  // level expects alone.
  let anyValue = false;
  for (let at = 0; at < rows.length && !anyValue; at++) {
    anyValue = readings[at]!.state !== "blank" && found.rowAt[at] !== 0 && check.holdsValue[at] === 1;
  }
  const expected = level ? check.expectedRows[level] : undefined;
  if (expected) {
    for (const at of expected) {
      if (readings[at]!.state !== "blank") continue;
      if (check.ends[at] === 0 || appliesIn(rows[at]!, values.period)) {
        blankExpected.push(rows[at]!.code);
        values.blankExpectedAt.push(at);
      }
    }
  }
  values.anyValue = anyValue;
  if (!anyValue || blankExpected.length) return check.summaries.failed;
  return level ? check.summaries.passed : check.summaries.notEvaluated;
}

function findings(values: SheetValues, out: Finding[]): void {
  if (!values.anyValue) {
    const kind = "empty_appendix";
    const params = {};
    out.push({
      rule: COMPLETE_RULE,
      kind,
      severity: "error",
      codes: [],
      cells: [],
      params,
      message: findingMessage({ kind, params, codes: [] }, values.byCode),
    });
    return;
  }
  const blank = values.blankExpected;
  if (!blank.length) return;
  const kind = "incomplete";
  const params = { blank: blank.length };
  out.push({
    rule: COMPLETE_RULE,
    kind,
    severity: "info",
    codes: blank,
    cells: values.blankExpectedAt.map((at) => values.cellAt(at)),
    params,
    message: findingMessage({ kind, params, codes: blank }, values.byCode),
  });
}
