import type { Bilingual, Level, RowDef } from "../catalogue";
import type { FindingOf, Finding, RuleSummary, Suggestion } from "../findings";
import { formatAmount, percentFromAmount } from "../format";
import type { LocatedRows } from "../locate";
import type { FindingKind } from "../messages";
import type { ValidationPlan } from "../plan";
import type { AmountOf, Outcome } from "../rules";
import type { Reading } from "../values";
import { PERCENT_SCALE } from "../values";

// What every rule kind's module shares: the compiled rule the engine loops over, and what a validation knows of
// one sheet while its rules run.

/** How one evaluation of a rule ended, as its summary counts it. */
export type Status = "passed" | "failed" | "notEvaluated";

/**
 * One rule of a catalogue compiled by its kind's module (row indexes, parents, denominators resolved once per
 * catalogue): the engine evaluates every compiled rule in order, then asks the failed ones for their findings.
 */
export interface CompiledRule {
  /** The rule's id, as its summary and its findings name it. */
  readonly id: string;
  /** Evaluates the rule over one sheet: its summary (shared objects for a rule evaluated once). */
  evaluate(values: SheetValues): RuleSummary;
  /** The findings of an evaluation that failed, in the order they are reported. */
  findings(values: SheetValues, out: Finding[]): void;
}

/** The three summaries of a rule evaluated once per sheet, built with the rule: a validation only points at one. */
export function summariesOf(rule: string): Readonly<Record<Status, RuleSummary>> {
  const summary = (passed: number, failed: number, notEvaluated: number): RuleSummary =>
    Object.freeze({ rule, passed, failed, notEvaluated });
  return { passed: summary(1, 0, 0), failed: summary(0, 1, 0), notEvaluated: summary(0, 0, 1) };
}

/**
 * The summary of `status` among a rule's three: by comparison, not by a lookup keyed by the status, which V8 runs
 * through a generic (megamorphic) lookup once it has seen a few statuses at one place.
 */
export function summaryOf(summaries: Readonly<Record<Status, RuleSummary>>, status: Status): RuleSummary {
  return status === "passed"
    ? summaries.passed
    : status === "failed"
      ? summaries.failed
      : summaries.notEvaluated;
}

/** A suspect cell for a failing relation: a single cell with the value it needs, or the tied candidates. */
export interface Suspect {
  readonly code?: string;
  /** The row index of `code`, which findings compare and look rows up by. */
  readonly at?: number;
  readonly value?: number;
  readonly candidates: readonly string[];
}

/**
 * What a validation knows of one sheet while its rules run, in arrays laid out like the catalogue's rows (the plan's
 * row indexes): how each cell reads, the amount rules compute with, and what earlier rules left for later ones.
 */
export class SheetValues {
  readonly readings: Reading[];
  readonly amounts: (number | undefined)[];
  /** The amount rules compute with, by row index. */
  readonly amountAt: AmountOf<number> = (at) => this.amounts[at];
  /** Row indexes whose value was computed from the catalogue (a formula without a saved result): rarely any. */
  readonly computed: number[] = [];
  /** The relations' outcomes by index into plan.relations, set as they are evaluated. */
  readonly outcomes: Outcome[];
  /** The suspect of each failing relation by the same index, once all relations are evaluated. */
  suspects: readonly (Suspect | undefined)[] = [];
  /** Rows whose own figure is outside its plausible bounds, once plausibility has been evaluated: rarely any. */
  readonly implausibleStated: number[] = [];
  /** Codes of the rows the unit's level is expected to fill that are blank, once completeness has been evaluated. */
  readonly blankExpected: string[] = [];
  /** The same rows by index. */
  readonly blankExpectedAt: number[] = [];
  /** Whether the sheet holds any value at all, once completeness has been evaluated. */
  anyValue = false;
  constructor(
    readonly plan: ValidationPlan,
    readonly found: LocatedRows,
    private readonly sheet: string,
    /** The unit's level, for the plausible bounds of its figures. */
    readonly level: Level | undefined,
    /** The reporting period, for the rows that apply in it. */
    readonly period?: string,
  ) {
    // Sized once: every row gets its reading and amount, every relation its outcome.
    this.readings = new Array<Reading>(plan.rows.length);
    this.amounts = new Array<number | undefined>(plan.rows.length);
    this.outcomes = new Array<Outcome>(plan.relations.length);
    this.addresses = addressesOf(found.addressPrefix);
  }
  /** The form's rows by code, which findings' messages name. */
  get byCode(): ReadonlyMap<string, RowDef> {
    return this.plan.byCode;
  }
  /** The amount rules compute with for a row by code. */
  amountOf(code: string): number | undefined {
    const at = this.plan.indexOf.get(code);
    return at === undefined ? undefined : this.amounts[at];
  }
  /** The value cells' addresses made so far, by sheet row: one cell is named by several findings. */
  private readonly addresses: (string | undefined)[];
  /** The value cell's address of a row the sheet holds, undefined for a row it lacks. */
  addressAt(at: number): string | undefined {
    const row = this.found.rowAt[at]!;
    return row === 0 ? undefined : (this.addresses[row] ??= `${this.found.addressPrefix}${row}`);
  }
  /** The value cell of a row, or, for a row the sheet lacks, its code on that sheet, so a finding points somewhere. */
  cellAt(at: number): string {
    return this.addressAt(at) ?? `'${this.sheet}'!${this.plan.rows[at]!.code}`;
  }
  /** cellAt by code. */
  cellOf(code: string): string {
    const at = this.plan.indexOf.get(code);
    return at === undefined ? `'${this.sheet}'!${code}` : this.cellAt(at);
  }
}

// The addresses of the value cells of the sheet name validated last, by sheet row: the appendices of a consolidation
// mostly keep the template's sheet name, and each names the same few dozen cells in its findings.
let addressedPrefix = "";
let addressed: (string | undefined)[] = [];

/** The addresses made so far of the value cells whose addresses start with `prefix`, by sheet row. */
function addressesOf(prefix: string): (string | undefined)[] {
  if (prefix !== addressedPrefix) {
    addressedPrefix = prefix;
    addressed = [];
  }
  return addressed;
}

/** A finding being built: a suggestion is added when there is one (a spread would copy the whole object). */
export type Draft<K extends FindingKind> = { -readonly [P in keyof FindingOf<K>]: FindingOf<K>[P] };

/** A row's kind as amounts are shown: a heading shows its amount as a count. */
export function kindOf(row: RowDef): "count" | "percent" | "coded" {
  return row.kind === "none" ? "count" : row.kind;
}

/** The Excel value of an amount: counts and codes as they are, percentages as fractions (12,5% → 0.125). */
export function excelValue(row: RowDef, amount: number): number {
  return row.kind === "percent" ? amount / (100 * PERCENT_SCALE) : amount;
}

/** The Excel number format showing a percentage with the given decimals: 0 → "0%", 2 → "0.00%". */
export function percentFormat(decimals: number): string {
  return PERCENT_FORMATS[decimals] ?? (decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%");
}

/** The formats of the decimals an amount holds (0–4), which every suggestion of a percentage names. */
const PERCENT_FORMATS = ["0%", "0.0%", "0.00%", "0.000%", "0.0000%"];

/**
 * An amount as a suggestion shows it in both languages, formatted when first read, as messages/bilingual's texts
 * are: one object where a text made from a function would take three (the text, the function and what it holds),
 * for the dozens of suggestions of a sheet typed by hand. Private fields: JSON shows only the two texts.
 */
class AmountDisplay implements Bilingual {
  readonly #amount: number;
  readonly #kind: "count" | "percent" | "coded";
  #vi: string | undefined;
  #en: string | undefined;
  constructor(amount: number, kind: "count" | "percent" | "coded") {
    this.#amount = amount;
    this.#kind = kind;
  }
  get vi(): string {
    return (this.#vi ??= formatAmount(this.#amount, this.#kind, "vi"));
  }
  get en(): string {
    return (this.#en ??= formatAmount(this.#amount, this.#kind, "en"));
  }
  toJSON(): Bilingual {
    return { vi: this.vi, en: this.en };
  }
}

/** The fix that writes `amount` into `row`'s cell at `address`, shown as `shown` or as the amount itself. */
export function suggestionFor(row: RowDef, amount: number, address: string, shown?: Bilingual): Suggestion {
  const display = shown ?? new AmountDisplay(amount, kindOf(row));
  const value = excelValue(row, amount);
  return row.kind === "percent"
    ? {
        code: row.code,
        cell: address,
        value,
        numberFormat: percentFormat(percentFromAmount(amount).decimals),
        display,
      }
    : { code: row.code, cell: address, value, display };
}
