import type { RowDef } from "./catalogue";
import { appliesIn } from "./catalogue";
import { qualifiedAddress } from "./cell";
import type { Finding } from "./findings";
import { COLUMNS } from "./layout";
import type { AppendixSheet } from "./locate";
import { findingMessage } from "./messages";
import { afterReform, levelOfUnit } from "./meta";
import type { Reading } from "./values";

// What the 2025 reform of local government (DESIGN.md section 12) means for one appendix: from 1 July 2025 there
// are no districts, so a district's appendix for a later period is most likely a wrong level, unit or period, and
// a row the form no longer expects holds a figure nobody asked for.

/** Rule id of the checks of an appendix against the periods its level and rows apply in. */
export const PERIOD_RULE = "period";

/** Row 4, where an appendix states its unit, level and period (see locate). */
const INPUT_ROW = 4;

/** True when a reporting unit's name says it is a district's: "UBND huyện Càng Long", "Thị xã Duyên Hải". */
export function districtName(unit: string, period?: string): boolean {
  return levelOfUnit(unit, period) === "huyen";
}

/**
 * The findings of one appendix against the periods its level and rows apply in, or undefined when its period
 * leaves nothing to check (an unknown period, or one before the reform and before every row's end). A district's
 * appendix, by its level or its unit's name, for a period after the 2025 reform is one warning naming the reform;
 * a figure typed in a row that does not apply in the period is an info saying so (it is left out of the summary).
 */
export function periodFindings(
  sheet: AppendixSheet,
  rows: readonly RowDef[],
  readings: readonly Reading[],
  byCode: ReadonlyMap<string, RowDef>,
): Finding[] | undefined {
  const period = sheet.period;
  if (period === undefined) return undefined;
  const noDistricts = afterReform(period);
  if (!noDistricts && !anyEnded(rows, period)) return undefined;
  const findings: Finding[] = [];
  const byLevel = noDistricts && sheet.level === "huyen";
  const byName = noDistricts && !byLevel && sheet.unit !== undefined && districtName(sheet.unit, period);
  if (byLevel || byName) findings.push(districtFinding(sheet, period, byLevel, byCode));
  for (let at = 0; at < rows.length; at++) {
    const row = rows[at]!;
    const from = row.notApplicableFrom;
    if (from === undefined || readings[at]!.state !== "value" || appliesIn(row, period)) continue;
    findings.push(notApplicableFinding(row, from, period, sheet.cells.get(row.code)?.address, byCode));
  }
  return findings;
}

// Every appendix of a consolidation states one of a few periods: whether any row has ended by one is remembered.
const endedByPeriod = new WeakMap<readonly RowDef[], Map<string, boolean>>();

function anyEnded(rows: readonly RowDef[], period: string): boolean {
  let byPeriod = endedByPeriod.get(rows);
  if (!byPeriod) {
    byPeriod = new Map();
    endedByPeriod.set(rows, byPeriod);
  }
  let ended = byPeriod.get(period);
  if (ended === undefined) {
    ended = rows.some((row) => !appliesIn(row, period));
    byPeriod.set(period, ended);
  }
  return ended;
}

function districtFinding(
  sheet: AppendixSheet,
  period: string,
  byLevel: boolean,
  byCode: ReadonlyMap<string, RowDef>,
): Finding {
  const kind = "district_after_reform";
  const params = byLevel ? { period, level: "huyen" as const } : { period, unit: sheet.unit ?? "" };
  return {
    rule: PERIOD_RULE,
    kind,
    severity: "warning",
    codes: [],
    cells: [qualifiedAddress(sheet.sheet, INPUT_ROW, byLevel ? COLUMNS.value : COLUMNS.label)],
    params,
    message: findingMessage({ kind, params, codes: [] }, byCode),
  };
}

function notApplicableFinding(
  row: RowDef,
  from: string,
  period: string,
  cell: string | undefined,
  byCode: ReadonlyMap<string, RowDef>,
): Finding {
  const kind = "row_not_applicable";
  const params = { code: row.code, from, period };
  const codes = [row.code];
  return {
    rule: PERIOD_RULE,
    kind,
    severity: "info",
    codes,
    cells: cell === undefined ? [] : [cell],
    params,
    message: findingMessage({ kind, params, codes }, byCode),
  };
}
