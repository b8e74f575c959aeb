import type { RowDef } from "./catalogue";
import { appliesIn } from "./catalogue";
import { qualifiedAddress } from "./cell";
import type { Finding } from "./findings";
import { COLUMNS } from "./layout";
import type { AppendixSheet } from "./locate";
import { bilingual, nameOf } from "./messages";
import { afterReform, levelOfUnit, periodLabel, periodStartText } from "./meta";
import type { Reading } from "./values";
import { REFORM_PERIOD } from "./catalogue/constants";

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
): Finding[] | undefined {
  const period = sheet.period;
  if (period === undefined) return undefined;
  const noDistricts = afterReform(period);
  if (!noDistricts && !anyEnded(rows, period)) return undefined;
  const findings: Finding[] = [];
  const byLevel = noDistricts && sheet.level === "huyen";
  const byName = noDistricts && !byLevel && sheet.unit !== undefined && districtName(sheet.unit, period);
  if (byLevel || byName) findings.push(districtFinding(sheet, period, byLevel));
  for (let at = 0; at < rows.length; at++) {
    const row = rows[at]!;
    const from = row.notApplicableFrom;
    if (from === undefined || readings[at]!.state !== "value" || appliesIn(row, period)) continue;
    findings.push(notApplicableFinding(row, from, period, sheet.cells.get(row.code)?.address));
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

function districtFinding(sheet: AppendixSheet, period: string, byLevel: boolean): Finding {
  const unit = sheet.unit ?? "";
  const since = periodStartText(REFORM_PERIOD);
  return {
    rule: PERIOD_RULE,
    kind: "district_after_reform",
    severity: "warning",
    codes: [],
    cells: [qualifiedAddress(sheet.sheet, INPUT_ROW, byLevel ? COLUMNS.value : COLUMNS.label)],
    params: { period, ...(byLevel ? { level: "huyen" } : { unit }) },
    message: bilingual((lang) => {
      if (lang === "vi") {
        const why = byLevel ? "ghi cấp Huyện" : `đơn vị “${unit}”`;
        return `Phụ lục là của cấp huyện (${why}) nhưng báo cáo kỳ ${periodLabel(period)}: từ ${since.vi} không còn cấp huyện (chính quyền địa phương hai cấp). Kiểm tra lại tên đơn vị, cấp và kỳ báo cáo ở dòng 4.`;
      }
      const why = byLevel ? "its level is district" : `the unit is “${unit}”`;
      return `The appendix is a district's (${why}) but reports for ${period}: there are no districts from ${since.en} (two-level local government). Check the unit's name, level and period in row 4.`;
    }),
  };
}

function notApplicableFinding(row: RowDef, from: string, period: string, cell: string | undefined): Finding {
  const since = periodStartText(from);
  return {
    rule: PERIOD_RULE,
    kind: "row_not_applicable",
    severity: "info",
    codes: [row.code],
    cells: cell === undefined ? [] : [cell],
    params: { from, period },
    message: bilingual((lang) =>
      lang === "vi"
        ? `${nameOf(row, "vi")} không áp dụng từ ${since.vi}: kỳ ${periodLabel(period)} không cần nhập chỉ tiêu này; số liệu đã nhập không được tổng hợp.`
        : `${nameOf(row, "en")} does not apply from ${since.en}: ${period} does not ask for it, and the figure typed is left out of the consolidation.`,
    ),
  };
}
