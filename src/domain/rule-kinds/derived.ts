import type { Level, LoadedCatalogue } from "../catalogue";
import { filledAt, LEVELS } from "../catalogue";
import { cellInput } from "../cell";
import type { DerivedInputs, Ratio } from "../derive";
import { isRatio, percentOf, recompute, scaledPercentOf } from "../derive";
import type { Finding, RuleSummary } from "../findings";
import { formatPercent, percentFromAmount } from "../format";
import { derivedFormula, sheetLayout } from "../layout";
import { bilingual, findingMessage } from "../messages";
import { implausible } from "../plausible";
import { readValue } from "../reading";
import type { AmountOf } from "../rules";
import type { PercentValue } from "../values";
import { PERCENT_SCALE } from "../values";
import type { CompiledRule, Draft, SheetValues, Status } from "./kind";
import { percentFormat, summariesOf } from "./kind";
import { rowIndexOf } from "./rows";

// Derived percentages (3.4.1 = HS.2.1 / HS.2): the stated rate against the one recomputed from the source counts,
// in exact integer arithmetic (DESIGN.md section 4).

type DerivedRow = LoadedCatalogue["derivedRows"][number];

/** A derived percentage's check, its inputs by row index. */
export interface DerivedCheck extends CompiledRule {
  readonly row: DerivedRow;
  /** Index of the row in the catalogue. */
  readonly at: number;
  /** Its index among the catalogue's derived rows (plan.derived), where a validation may keep what it found. */
  readonly index: number;
  /** Rule id of the check: "derived:" and the row's code. */
  readonly rule: string;
  /** The counts the percentage is computed from, by row index. */
  readonly inputs: DerivedInputs<number>;
  /** Codes of the counts, each once, in the formula's order, for findings. */
  readonly inputCodes: readonly string[];
  /** Row indexes of inputCodes. */
  readonly inputKeys: readonly number[];
  /** The row's code then inputCodes: what its findings are about, the same for every sheet. */
  readonly findingCodes: readonly string[];
  /** The live formula a fix restores, with its "=". */
  readonly formula: string;
  /** The levels whose units fill the rate (its scope, or a province-wide office's level), as the template has it. */
  readonly filledBy: readonly Level[];
  readonly summaries: Readonly<Record<Status, RuleSummary>>;
}

/** Compiles a derived row of `catalogue`: its inputs by row index and the formula a fix restores. */
export function compile(row: DerivedRow, catalogue: LoadedCatalogue): DerivedCheck {
  const indexOf = rowIndexOf(catalogue);
  // Catalogue integrity guarantees every code a formula names is a row.
  const at = (code: string) => indexOf.get(code)!;
  const { plus, minus, denominator } = row.derived;
  const inputCodes = [...new Set([...plus, ...minus, ...denominator])];
  const rule = `derived:${row.code}`;
  const check: DerivedCheck = {
    id: rule,
    row,
    at: at(row.code),
    index: catalogue.derivedRows.indexOf(row),
    rule,
    inputs: { plus: plus.map(at), minus: minus.map(at), denominator: denominator.map(at) },
    inputCodes,
    inputKeys: inputCodes.map(at),
    findingCodes: [row.code, ...inputCodes],
    formula: `=${derivedFormula(sheetLayout(catalogue), row)}`,
    filledBy: LEVELS.filter((level) => filledAt(row, level)),
    summaries: summariesOf(rule),
    evaluate: (values) => evaluate(check, values),
    findings: (values, out) => {
      const finding = derivedFinding(check, values);
      if (finding) out.push(finding);
    },
  };
  return check;
}

/** The rate as a person writes it: "3.4.1 = (HS.2.1) / HS.2", a sum over a sum in brackets: "(a + b) / (c + d)". */
export function describe(row: DerivedRow): string {
  const { plus, minus, denominator } = row.derived;
  const numerator = [plus.join(" + "), ...minus].join(" - ");
  const below = denominator.length > 1 ? `(${denominator.join(" + ")})` : denominator.join("");
  return `${row.code} = (${numerator}) / ${below}`;
}

/** The stated percentage, when the row holds one, and the ratio its counts give, when they give one. */
function stated(check: DerivedCheck, values: SheetValues, amountAt: AmountOf<number>) {
  const percent = statedPercent(check, values);
  if (!percent) return undefined;
  const ratio = recompute(check.inputs, amountAt);
  return isRatio(ratio) ? { percent, ratio } : undefined;
}

/**
 * True when the sheet's unit fills the rate, or states no level. Another level's rate (a commune's 3.4.3 on a
 * department's sheet) shares its counts' codes with the unit's own (HS.2.1 / HS.2), but those counts are the
 * unit's dossiers, not that level's: recomputed from them it would be the unit's own rate under another level's
 * label. So it is not recomputed, checked or given a formula, as the template writes none there; a figure typed
 * there is left alone, as in any row of another level, and the consolidation leaves it out.
 */
function ofSheetLevel(check: DerivedCheck, level: Level | undefined): boolean {
  return level === undefined || check.filledBy.includes(level);
}

/** The percentage a derived row's cell states, when it reads as one and the rate is the unit's level's. */
function statedPercent(check: DerivedCheck, values: SheetValues): PercentValue | undefined {
  const reading = values.readings[check.at]!;
  return reading.state === "value" && ofSheetLevel(check, values.level) ? reading.percent : undefined;
}

// The sums of the last sumsOf: kept here rather than in a ratio object, so that comparing a rate with its counts,
// several times per validation, allocates nothing (validations run one at a time: nothing runs in between).
let numeratorSum = 0;
let denominatorSum = 0;

/**
 * Sums a derived row's counts as `amountAt` reads them into numeratorSum and denominatorSum: false, like recompute,
 * when an input is missing or the denominator's sum is 0.
 */
function sumsOf(inputs: DerivedInputs<number>, amountAt: AmountOf<number>): boolean {
  let numerator = 0;
  for (const key of inputs.plus) {
    const amount = amountAt(key);
    if (amount === undefined) return false;
    numerator += amount;
  }
  for (const key of inputs.minus) {
    const amount = amountAt(key);
    if (amount === undefined) return false;
    numerator -= amount;
  }
  let denominator = 0;
  for (const key of inputs.denominator) {
    const amount = amountAt(key);
    if (amount === undefined) return false;
    denominator += amount;
  }
  if (denominator === 0) return false;
  numeratorSum = numerator;
  denominatorSum = denominator;
  return true;
}

/** Passed when the stated rate equals its counts' rate rounded at its own decimals. */
export function evaluate(check: DerivedCheck, values: SheetValues): RuleSummary {
  const percent = statedPercent(check, values);
  if (!percent || !sumsOf(check.inputs, values.amountAt)) return check.summaries.notEvaluated;
  const rounded = scaledPercentOf(numeratorSum, denominatorSum, percent.decimals, "round");
  return percent.scaled === rounded ? check.summaries.passed : check.summaries.failed;
}

/** True when a stated percentage disagrees with its counts (as `amountAt` reads them) beyond rounding or truncation. */
export function fails(check: DerivedCheck, values: SheetValues, amountAt: AmountOf<number>): boolean {
  const percent = statedPercent(check, values);
  if (!percent || !sumsOf(check.inputs, amountAt)) return false;
  return (
    percent.scaled !== scaledPercentOf(numeratorSum, denominatorSum, percent.decimals, "round") &&
    percent.scaled !== scaledPercentOf(numeratorSum, denominatorSum, percent.decimals, "truncate")
  );
}

/** The finding of a stated rate its counts do not give: an error, or info when it agrees by truncation. */
function derivedFinding(check: DerivedCheck, values: SheetValues): Finding | undefined {
  const found = stated(check, values, values.amountAt);
  if (!found) return undefined;
  const { percent, ratio } = found;
  const rounded = percentOf(ratio, percent.decimals, "round");
  if (percent.scaled === rounded.scaled) return undefined;
  const row = check.row;
  const byTruncation = percent.scaled === percentOf(ratio, percent.decimals, "truncate").scaled;
  const address = values.cellAt(check.at);
  const kind = byTruncation ? "derived_truncated" : "derived_mismatch";
  const codes = check.findingCodes;
  const params = {
    numerator: ratio.numerator,
    denominator: ratio.denominator,
    stated: percent.scaled / 10 ** percent.decimals,
    recomputed: rounded.scaled / 10 ** percent.decimals,
    decimals: percent.decimals,
    code: row.code,
    truncated: byTruncation,
  };
  const finding: Draft<typeof kind> = {
    rule: check.rule,
    kind,
    severity: byTruncation ? "info" : "error",
    codes,
    cells: cellsOf(address, check.inputKeys, values),
    params,
    message: findingMessage({ kind, params, codes }, values.byCode),
  };
  const recomputedAmount = percentOf(ratio, 4, "round").scaled;
  // No click writes a rate that cannot be (over 100%) or that the catalogue finds implausible: the counts behind
  // it are more likely wrong, and their own findings say so.
  const possible = recomputedAmount <= 100 * PERCENT_SCALE && (recomputedAmount >= 0 || row.mayBeNegative);
  if (!byTruncation && possible && !implausible(row, recomputedAmount, values.level)) {
    finding.suggestion = {
      code: row.code,
      cell: address,
      value: ratio.numerator / ratio.denominator,
      formula: check.formula,
      numberFormat: percentFormat(Math.max(percent.decimals, 2)),
      display: bilingual((lang) => formatPercent(rounded, lang)),
    };
  }
  return finding;
}

/** The finding's cells: the rate's, then its counts', in an array of their number (a push would reserve sixteen). */
function cellsOf(address: string, inputKeys: readonly number[], values: SheetValues): string[] {
  const cells = new Array<string>(inputKeys.length + 1);
  cells[0] = address;
  for (let index = 0; index < inputKeys.length; index++) cells[index + 1] = values.cellAt(inputKeys[index]!);
  return cells;
}

/**
 * The rate the counts give, in amounts (ten-thousandths of a percent), or undefined when they give none or the rate
 * is another level's than the sheet's.
 */
export function recomputedAmount(check: DerivedCheck, values: SheetValues): number | undefined {
  return ofSheetLevel(check, values.level) && sumsOf(check.inputs, values.amountAt)
    ? scaledPercentOf(numeratorSum, denominatorSum, 4, "round")
    : undefined;
}

/**
 * A derived cell that holds its formula but no result (a file written by a tool that never recalculates) is read as
 * Excel would show it once calculated: the catalogue's own definition over the counts, in the cell's own number
 * format. Its inputs are counts, read before it. While an input is blank or the denominator 0, the formula shows
 * nothing, and so it stays blank.
 */
export function computeUncalculated(check: DerivedCheck, values: SheetValues): void {
  const cell = values.found.rowAt[check.at] ? values.found.cellAt[check.at] : undefined;
  if (!cell?.formula || values.readings[check.at]!.state !== "blank") return;
  const ratio: Ratio | undefined = ratioOf(check, values.amountAt);
  if (!ratio) return;
  const shown = readValue(
    check.row,
    cellInput(ratio.numerator / ratio.denominator, cell.numberFormat || "0.00%"),
  );
  if (shown.state !== "value") {
    values.readings[check.at] = shown;
    return;
  }
  // The amount is the exact rate (what a calculated cell holds), not the figure its format rounds it to.
  const exact = percentOf(ratio, 4, "round").scaled;
  values.readings[check.at] = { ...shown, amount: exact, percent: percentFromAmount(exact) };
  values.amounts[check.at] = exact;
  values.computed.push(check.at);
}

function ratioOf(check: DerivedCheck, amountAt: AmountOf<number>): Ratio | undefined {
  const ratio = recompute(check.inputs, amountAt);
  return isRatio(ratio) ? ratio : undefined;
}
