import type { LoadedCatalogue, RowDef } from "../../domain/catalogue";
import { appliesIn } from "../../domain/catalogue";
import { levelsIn } from "../../domain/meta";
import type { RowMismatch } from "../../domain/messages";
import type { FormDifference, LeftOutRow } from "./model";
import type { UnitRecord } from "./record";
import { BLANK, valueIndex } from "./record";

// Consolidation across forms (DESIGN.md section 11): appendices of two different forms are summed only on the rows
// both declare alike; every other row is left out, and the summary says which and why.

/** Folded for comparing two forms' wordings: case, spacing, Unicode composition and a closing period aside. */
function folded(text: string | undefined): string {
  return (text ?? "").normalize("NFC").trim().replace(/\s+/g, " ").replace(/\.$/, "").toLowerCase();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}

function sameLegend(a: RowDef, b: RowDef): boolean {
  const values = (row: RowDef) => (row.codes ?? []).map((option) => String(option.value));
  return sameSet(values(a), values(b)) && values(a).length === values(b).length;
}

/** The levels asked for a row in the period, as a set of level ids. */
function levelsAsked(row: RowDef, period: string | undefined): string[] {
  if (!appliesIn(row, period)) return [];
  const levels = levelsIn(period);
  return row.scope.filter((level) => levels.includes(level));
}

/**
 * Why a row of `other` cannot be summed with the lead form's row of the same code, or undefined when both declare
 * it alike for the period: the same kind, unit, legend, way of aggregating (and office), levels asked, and, for a
 * derived rate, the same formula. The inputs of a formula are checked apart (commonRows).
 */
function rowMismatch(
  lead: RowDef,
  other: RowDef | undefined,
  period: string | undefined,
): RowMismatch | undefined {
  if (!other) return "absent";
  if (lead.kind !== other.kind) return "kind";
  if (folded(lead.unit?.vi) !== folded(other.unit?.vi)) return "unit";
  if (lead.kind === "coded" && !sameLegend(lead, other)) return "legend";
  if (lead.aggregation !== other.aggregation) return "aggregation";
  if (lead.aggregation === "province" && lead.role !== other.role) return "role";
  if (!sameSet(levelsAsked(lead, period), levelsAsked(other, period))) return "scope";
  const [a, b] = [lead.derived, other.derived];
  if (a || b) {
    if (!a || !b) return "formula";
    if (!sameSet(a.plus, b.plus) || !sameSet(a.minus, b.minus) || !sameSet(a.denominator, b.denominator))
      return "formula";
  }
  return undefined;
}

/** The rows of the lead form that another form declares alike, and how the two differ on the rest. */
export interface FormsCompared {
  /** Codes of the lead's value rows summed over every form, in the lead's order. */
  readonly common: ReadonlySet<string>;
  /** The lead's value rows left out, with each form that differs on it. */
  readonly leftOut: readonly LeftOutRow[];
  /** For each other form, what it shares with the lead and what it does not. */
  readonly differences: readonly FormDifference[];
}

/** One form of a consolidation: its catalogue, the text F1 of its sheets holds, and how many units follow it. */
export interface FormUsed {
  readonly catalogue: LoadedCatalogue;
  readonly key: string;
  readonly units: number;
}

/**
 * Compares the lead form with the others for the period consolidated: a row is common when every other form
 * declares it alike (rowMismatch), and a derived rate only when its inputs are common too, since its total is
 * recomputed from them.
 */
export function compareForms(
  lead: FormUsed,
  others: readonly FormUsed[],
  period: string | undefined,
): FormsCompared {
  const differences: FormDifference[] = [];
  const excluded = new Map<string, LeftOutRow[]>();
  const leave = (code: string, form: FormUsed, reason: RowMismatch) => {
    const rows = excluded.get(code) ?? [];
    rows.push({ code, form: form.catalogue.templateVersion, reason });
    excluded.set(code, rows);
  };
  const valueRows = lead.catalogue.valueRows;
  for (const other of others) {
    const mismatches = new Map<string, RowMismatch>();
    for (const row of valueRows) {
      const reason = rowMismatch(row, other.catalogue.byCode.get(row.code), period);
      if (reason) mismatches.set(row.code, reason);
    }
    // A rate whose inputs are not all summed cannot be recomputed over every form's units.
    for (const row of valueRows) {
      if (mismatches.has(row.code) || !row.derived) continue;
      const { plus, minus, denominator } = row.derived;
      if ([...plus, ...minus, ...denominator].some((code) => mismatches.has(code)))
        mismatches.set(row.code, "inputs");
    }
    for (const [code, reason] of mismatches) leave(code, other, reason);
    const differs = valueRows.filter((row) => {
      const reason = mismatches.get(row.code);
      return reason !== undefined && reason !== "absent";
    });
    differences.push({
      form: other.catalogue.templateVersion,
      key: other.key,
      units: other.units,
      common: valueRows.filter((row) => !mismatches.has(row.code)).map((row) => row.code),
      absent: valueRows.filter((row) => mismatches.get(row.code) === "absent").map((row) => row.code),
      differs: differs.map((row) => row.code),
      reasons: differs.map((row) => mismatches.get(row.code)!),
      extra: other.catalogue.valueRows
        .filter(
          (row) =>
            !lead.catalogue.byCode.has(row.code) || lead.catalogue.byCode.get(row.code)!.kind === "none",
        )
        .map((row) => row.code),
    });
  }
  const leftOut = valueRows.flatMap((row) => excluded.get(row.code) ?? []);
  const common = new Set(valueRows.filter((row) => !excluded.has(row.code)).map((row) => row.code));
  return { common, leftOut, differences };
}

/**
 * A record of another form re-laid on the lead form's value rows: the common rows' amounts, states and sheet rows
 * where the lead has them, every other row blank (the aggregator leaves those rows out, so no one is missing there),
 * and the notes of common rows only.
 */
export function relaid(record: UnitRecord, lead: LoadedCatalogue, common: ReadonlySet<string>): UnitRecord {
  const own = valueIndex(record.catalogue);
  const rows = lead.valueRows;
  const amounts = new Array<number | undefined>(rows.length).fill(undefined);
  const states = new Uint8Array(rows.length).fill(BLANK);
  const sheetRows = new Uint32Array(rows.length);
  rows.forEach((row, at) => {
    const from = common.has(row.code) ? own.get(row.code) : undefined;
    if (from === undefined) return;
    amounts[at] = record.amounts[from];
    states[at] = record.states[from] ?? BLANK;
    sheetRows[at] = record.rows[from] ?? 0;
  });
  return {
    ...record,
    amounts,
    states,
    rows: sheetRows,
    notes: record.notes.filter(([code]) => common.has(code)),
  };
}
