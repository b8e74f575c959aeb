import type { RowDef } from "./catalogue";
import { qualifiedAddress } from "./cell";
import type { Finding } from "./findings";
import { COLUMNS } from "./layout";
import type { AppendixSheet } from "./locate";
import { findingMessage } from "./messages";
import { levelsIn } from "./meta";
import { PERIOD_RULE } from "./reform";

// Row 4 states the unit's level and the period (DESIGN.md section 3), and several checks hang on them: the rows
// expected of a level and its plausible bounds, the rates of its own rows, the 2025 reform's rows and districts;
// a consolidation sums a unit into the level-based totals by its level, and compares units of one period. An
// appendix whose level or period reads as none is checked and summed without them, so it says so:
// - text typed there that reads as no level or period ("Cấp tỉnh", "Quý 5/2021") is an error: the unit meant to
//   state it, one cell fixes it, and sent as it is its figures are left out of the level-based totals;
// - a blank cell on a sheet the add-in's template made (found by its key column, which always writes both) is an
//   error too: someone cleared it;
// - a sheet typed by hand without row 4, or with the cell blank, gets a warning: the printed form has no such row
//   (the seed's appendix has none, and a Word report's unit name does not always tell its level), so nothing typed
//   is wrong, every other rule has run, and an error would keep a faithful copy of the form from ever being ready.
// They belong to the rule of the level and rows of the period (PERIOD_RULE), which people read as "Cấp và chỉ tiêu
// theo kỳ báo cáo".

/** Row 4, where an appendix states its unit, level and period (see locate). */
const INPUT_ROW = 4;

/**
 * The findings about a level or a period that reads as none, in that order, or undefined when the sheet states
 * both or was not located from a grid (a sheet described by hand, which says nothing of its row 4).
 */
export function inputFindings(
  sheet: AppendixSheet,
  byCode: ReadonlyMap<string, RowDef>,
): Finding[] | undefined {
  const typed = sheet.typedInputs;
  if (!typed || (sheet.level !== undefined && sheet.period !== undefined)) return undefined;
  const findings: Finding[] = [];
  if (sheet.level === undefined) {
    const kind = "level_unknown";
    const params = {
      ...(typed.level === undefined ? {} : { typed: typed.level }),
      levels: levelsIn(sheet.period),
    };
    findings.push({
      rule: PERIOD_RULE,
      kind,
      severity: severityOf(sheet, typed.level),
      codes: [],
      cells: cellsOf(sheet, typed.level, COLUMNS.value),
      params,
      message: findingMessage({ kind, params, codes: [] }, byCode),
    });
  }
  if (sheet.period === undefined) {
    const kind = "period_unknown";
    const params = typed.period === undefined ? {} : { typed: typed.period };
    findings.push({
      rule: PERIOD_RULE,
      kind,
      severity: severityOf(sheet, typed.period),
      codes: [],
      cells: cellsOf(sheet, typed.period, COLUMNS.note),
      params,
      message: findingMessage({ kind, params, codes: [] }, byCode),
    });
  }
  return findings;
}

function severityOf(sheet: AppendixSheet, typed: string | undefined): "error" | "warning" {
  return typed || sheet.foundBy === "key" ? "error" : "warning";
}

function cellsOf(sheet: AppendixSheet, typed: string | undefined, column: number): string[] {
  return typed === undefined ? [] : [qualifiedAddress(sheet.sheet, INPUT_ROW, column)];
}
