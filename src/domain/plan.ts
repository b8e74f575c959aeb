import type { LoadedCatalogue, RelationRule, RowDef } from "./catalogue";
import type { CompleteCheck } from "./rule-kinds/complete";
import type { DerivedCheck } from "./rule-kinds/derived";
import type { CompiledRule } from "./rule-kinds/kind";
import type { PatternCheck } from "./rule-kinds/pattern";
import type { PlausibleCheck } from "./rule-kinds/plausible";
import type { RelationCheck, RelationKind } from "./rule-kinds/relation";
import { balance } from "./rule-kinds/balance";
import * as complete from "./rule-kinds/complete";
import * as derived from "./rule-kinds/derived";
import { ofWhich } from "./rule-kinds/of-which";
import { order } from "./rule-kinds/order";
import * as pattern from "./rule-kinds/pattern";
import * as plausible from "./rule-kinds/plausible";
import { rowIndexOf } from "./rule-kinds/rows";
import { stock } from "./rule-kinds/stock";

export type { CompiledRule } from "./rule-kinds/kind";
export type { DerivedCheck } from "./rule-kinds/derived";
export type { PatternCheck } from "./rule-kinds/pattern";
export type { RelationCheck } from "./rule-kinds/relation";

/** The module of every relation kind a catalogue may declare: adding a kind is adding its module here. */
const RELATION_KINDS: { readonly [K in RelationRule["kind"]]: RelationKind<K> } = {
  balance,
  ofWhich,
  stock,
  order,
};

function compileRelation<K extends RelationRule["kind"]>(
  rule: RelationRule & { readonly kind: K },
  catalogue: LoadedCatalogue,
): RelationCheck {
  return (RELATION_KINDS[rule.kind] as RelationKind<K>).compile(rule, catalogue);
}

/**
 * A catalogue's rules compiled for validation, once per catalogue, each by its kind's module (src/domain/rule-kinds):
 * every code becomes its row's index, and each row knows the rules that read it (so that trying a value touches
 * only its rules). A validation then reads cells into arrays and loops over `rules`; looking codes up in maps for
 * every rule of every validation would cost more than the rules themselves.
 */
export interface ValidationPlan {
  readonly rows: readonly RowDef[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** The form's rows by code, which findings' messages name. */
  readonly byCode: ReadonlyMap<string, RowDef>;
  readonly relations: readonly RelationCheck[];
  /** By row index: indexes (into `relations`) of the rules that read the row. */
  readonly relationsAt: readonly (readonly number[])[];
  /** By row index: the first balance rule that reads the row, which can solve its value. */
  readonly balanceAt: readonly (RelationCheck | undefined)[];
  readonly derived: readonly DerivedCheck[];
  /** By row index: the derived checks that read the row. */
  readonly derivedAt: readonly (readonly DerivedCheck[])[];
  readonly patterns: readonly PatternCheck[];
  readonly plausible: PlausibleCheck;
  readonly complete: CompleteCheck;
  /**
   * Every rule after the reading of values, in the order rules run and their findings are reported: derived
   * percentages, relations (as declared), plausibility, patterns, completeness.
   */
  readonly rules: readonly CompiledRule[];
  /**
   * `rules`' evaluate functions in the same order: read from one array, where reading them from rules of five
   * shapes goes through a generic lookup for every rule of every validation.
   */
  readonly evaluators: readonly CompiledRule["evaluate"][];
}

const plans = new WeakMap<LoadedCatalogue, ValidationPlan>();

/** The catalogue's validation plan, compiled on first use. */
export function validationPlan(catalogue: LoadedCatalogue): ValidationPlan {
  const known = plans.get(catalogue);
  if (known) return known;
  const indexOf = rowIndexOf(catalogue);
  const relationsAt = catalogue.rows.map((): number[] => []);
  const balanceAt = new Array<RelationCheck | undefined>(catalogue.rows.length).fill(undefined);
  const derivedAt = catalogue.rows.map((): DerivedCheck[] => []);
  const relations = catalogue.relations.map((rule, index) => {
    const check = compileRelation(rule, catalogue);
    for (const key of check.keys) {
      relationsAt[key]!.push(index);
      if (rule.kind === "balance") balanceAt[key] ??= check;
    }
    return check;
  });
  const derivedChecks = catalogue.derivedRows.map((row) => {
    const check = derived.compile(row, catalogue);
    for (const key of check.inputKeys) derivedAt[key]!.push(check);
    return check;
  });
  const patterns = catalogue.patterns.map((rule) => pattern.compile(rule, catalogue));
  const plausibleCheck = plausible.compile(catalogue, derivedChecks);
  const completeCheck = complete.compile(catalogue);
  const rules = [...derivedChecks, ...relations, plausibleCheck, ...patterns, completeCheck];
  const plan: ValidationPlan = {
    rows: catalogue.rows,
    indexOf,
    byCode: catalogue.byCode,
    relations,
    relationsAt,
    balanceAt,
    derived: derivedChecks,
    derivedAt,
    patterns,
    plausible: plausibleCheck,
    complete: completeCheck,
    rules,
    evaluators: rules.map((rule) => rule.evaluate.bind(rule)),
  };
  plans.set(catalogue, plan);
  return plan;
}
