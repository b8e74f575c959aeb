import type { LoadedCatalogue, RelationRule, RowDef } from "./catalogue";
import type { DerivedInputs } from "./derive";
import { derivedFormula, sheetLayout } from "./layout";
import type { Relation } from "./rules";

type DerivedRow = LoadedCatalogue["derivedRows"][number];

/** A derived percentage's check, its inputs by row index. */
export interface DerivedCheck {
  readonly row: DerivedRow;
  /** Index of the row in the catalogue. */
  readonly at: number;
  /** Rule id of the check: "derived:" and the row's code. */
  readonly rule: string;
  /** The counts the percentage is computed from, by row index. */
  readonly inputs: DerivedInputs<number>;
  /** Codes of the counts, each once, in the formula's order, for findings. */
  readonly inputCodes: readonly string[];
  /** The live formula a fix restores, with its "=". */
  readonly formula: string;
}

/** A relation rule as declared, and compiled to row indexes for evaluation. */
export interface RelationCheck {
  readonly rule: RelationRule;
  readonly relation: Relation<number>;
  /** Codes of both sides, left first, for findings. */
  readonly codes: readonly string[];
  /** Row indexes of both sides, left first. */
  readonly keys: readonly number[];
}

/** A copy-paste pattern, its pairs by row index. */
export interface PatternCheck {
  readonly rule: LoadedCatalogue["patterns"][number];
  readonly pairs: readonly (readonly [number, number])[];
  /** Codes of the pairs, pair by pair, for findings. */
  readonly codes: readonly string[];
}

/**
 * A catalogue's rules compiled for validation, once per catalogue: every code becomes its row's index, and each row
 * knows the rules that read it (so that trying a value touches only its rules). A validation then reads cells into
 * arrays and compares numbers; looking codes up in maps for every rule of every validation would cost more than the
 * rules themselves.
 */
export interface ValidationPlan {
  readonly rows: readonly RowDef[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly relations: readonly RelationCheck[];
  /** By row index: indexes (into `relations`) of the rules that read the row. */
  readonly relationsAt: readonly (readonly number[])[];
  /** By row index: the first balance rule that reads the row, which can solve its value. */
  readonly balanceAt: readonly (RelationCheck | undefined)[];
  readonly derived: readonly DerivedCheck[];
  /** By row index: the derived checks that read the row. */
  readonly derivedAt: readonly (readonly DerivedCheck[])[];
  readonly patterns: readonly PatternCheck[];
}

const plans = new WeakMap<LoadedCatalogue, ValidationPlan>();

/** The catalogue's validation plan, compiled on first use. */
export function validationPlan(catalogue: LoadedCatalogue): ValidationPlan {
  const known = plans.get(catalogue);
  if (known) return known;
  const indexOf = new Map(catalogue.rows.map((row, at) => [row.code, at]));
  // Catalogue integrity guarantees every code a rule names is a row.
  const at = (code: string) => indexOf.get(code)!;
  const relationsAt = catalogue.rows.map((): number[] => []);
  const balanceAt = new Array<RelationCheck | undefined>(catalogue.rows.length).fill(undefined);
  const derivedAt = catalogue.rows.map((): DerivedCheck[] => []);
  const relations = catalogue.relations.map((rule, index): RelationCheck => {
    const codes = [...rule.left, ...rule.right];
    const check: RelationCheck = {
      rule,
      relation: {
        left: rule.left.map(at),
        right: rule.right.map(at),
        rightPercent: rule.rightPercent,
        relation: rule.relation,
        severity: rule.severity,
        shortfall: rule.shortfall,
      },
      codes,
      keys: codes.map(at),
    };
    for (const key of check.keys) {
      relationsAt[key]!.push(index);
      if (rule.kind === "balance") balanceAt[key] ??= check;
    }
    return check;
  });
  const layout = sheetLayout(catalogue);
  const derived = catalogue.derivedRows.map((row): DerivedCheck => {
    const { plus, minus, denominator } = row.derived;
    const inputCodes = [...new Set([...plus, ...minus, denominator])];
    const check: DerivedCheck = {
      row,
      at: at(row.code),
      rule: `derived:${row.code}`,
      inputs: { plus: plus.map(at), minus: minus.map(at), denominator: at(denominator) },
      inputCodes,
      formula: `=${derivedFormula(layout, row)}`,
    };
    for (const code of inputCodes) derivedAt[at(code)]!.push(check);
    return check;
  });
  const patterns = catalogue.patterns.map((rule): PatternCheck => ({
    rule,
    pairs: rule.pairs.map(([a, b]) => [at(a), at(b)] as const),
    codes: rule.pairs.flat(),
  }));
  const plan: ValidationPlan = {
    rows: catalogue.rows,
    indexOf,
    relations,
    relationsAt,
    balanceAt,
    derived,
    derivedAt,
    patterns,
  };
  plans.set(catalogue, plan);
  return plan;
}
