import type { Bilingual, Level, LoadedCatalogue, ProvinceRole, RowDef } from "../../domain/catalogue";
import { appliesIn, roleNamesIn } from "../../domain/catalogue";
import { qualifiedAddress } from "../../domain/cell";
import type { Ratio } from "../../domain/derive";
import { isRatio, percentOf, recompute } from "../../domain/derive";
import { SEVERITY_ORDER } from "../../domain/findings";
import { formatAmount } from "../../domain/format";
import { COLUMNS } from "../../domain/layout";
import type { FindingParamsByKind, Lang } from "../../domain/messages";
import { bilingual, findingMessage, renderText, renderTextIn } from "../../domain/messages";
import { afterReform, levelsIn, periodMonths } from "../../domain/meta";
import { districtName } from "../../domain/reform";
import { implausible } from "../../domain/plausible";
import type { Severity } from "../../domain/values";
import { PERCENT_SCALE } from "../../domain/values";
import type {
  ConsolidateOptions,
  Consolidation,
  ConsolidationIssue,
  ConsolidationIssueKind,
  ConsolidationIssueOf,
  CorrectionItem,
  CorrectionRequest,
  Excluded,
  LeftOutRow,
  NonAggregable,
  ProvinceFigures,
  RowTotal,
} from "./model";
import type { FormsCompared } from "./forms";
import type { UnitRecord } from "./record";
import { BLANK, localCell, NOT_APPLICABLE, UNREADABLE, VALUE, valueIndex } from "./record";
import { unitKey } from "./names";

// Aggregation: each indicator as the catalogue declares it, the cross-period checks, and the correction letters.

interface Counted {
  readonly record: UnitRecord;
  readonly amount: number;
}

function kindOf(row: RowDef): "count" | "percent" | "coded" {
  return row.kind === "none" ? "count" : row.kind;
}

function codedDisplay(row: RowDef, amount: number, lang: Lang): string {
  const label = row.codes?.find((option) => option.value === amount)?.label[lang];
  return label ? `${amount} (${label})` : String(amount);
}

function display(row: RowDef, amount: number, lang: Lang): string {
  return row.kind === "coded" ? codedDisplay(row, amount, lang) : formatAmount(amount, kindOf(row), lang);
}

/** The aggregation of one consolidation: every indicator, the cross-period checks, the correction letters. */
export class Aggregator {
  private readonly index: Map<string, number>;
  private readonly issues: ConsolidationIssue[] = [];
  private readonly extraItems = new Map<UnitRecord, CorrectionItem[]>();
  private readonly nonAggregable: NonAggregable[] = [];
  private readonly included: UnitRecord[];
  private readonly holders = new Map<ProvinceRole, UnitRecord>();
  /** The period consolidated: the one most appendices state. */
  private period: string | undefined;
  /** Units whose level the period has none of (a district after the 2025 reform): in no level-based total. */
  private readonly levelGone = new Set<UnitRecord>();
  private names:
    { readonly period: string | undefined; readonly roles: ReadonlyMap<string, Bilingual> } | undefined;

  /** The lead form's rows left out, by code, each with the forms that differ on it. */
  private readonly leftOut = new Map<string, LeftOutRow[]>();

  constructor(
    private readonly catalogue: LoadedCatalogue,
    private readonly records: readonly UnitRecord[],
    private readonly options: ConsolidateOptions,
    private readonly excluded: readonly Excluded[],
    private readonly mix: {
      readonly forms: Consolidation["forms"];
      /** How the other forms differ from the lead, when the units follow more than one. */
      readonly compared?: FormsCompared;
    },
  ) {
    this.index = valueIndex(catalogue);
    this.included = records.filter((record) => record.included);
    for (const row of mix.compared?.leftOut ?? []) {
      this.leftOut.set(row.code, [...(this.leftOut.get(row.code) ?? []), row]);
    }
  }

  run(): Consolidation {
    const period = this.checkUnits();
    this.period = period;
    this.checkForms();
    this.checkLevels(period);
    this.findHolders();
    const totals = this.catalogue.valueRows.map((row) => this.total(row));
    const missingUnits = this.checkExpected();
    if (this.options.previous) this.crossPeriod(this.options.previous, period, totals);
    const requests: CorrectionRequest[] = [];
    const reviews: CorrectionRequest[] = [];
    for (const record of this.included) {
      const letter = this.request(record, period);
      if (letter) (letter.review ? reviews : requests).push(letter);
    }
    const hasErrors =
      this.included.some((record) => record.counts.error > 0) ||
      this.issues.some((issue) => issue.severity === "error");
    this.issues.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    return {
      catalogue: this.catalogue,
      templateVersion: this.catalogue.templateVersion,
      forms: this.mix.forms,
      leftOut: this.mix.compared?.leftOut ?? [],
      differences: this.mix.compared?.differences ?? [],
      ...(period !== undefined ? { period } : {}),
      units: this.records.map((record) => ({
        unit: record.name,
        form: record.form,
        ...(record.file !== undefined ? { file: record.file } : {}),
        sheet: record.sheet,
        ...(record.level ? { level: record.level } : {}),
        ...(record.period ? { period: record.period } : {}),
        ...(record.role ? { role: record.role } : {}),
        verdict: record.verdict,
        counts: record.counts,
        failedRules: record.failedRules,
        included: record.included,
        amounts: record.amounts.map((amount, at) => (record.states[at] === VALUE ? amount : undefined)),
      })),
      valueCodes: this.catalogue.valueRows.map((row) => row.code),
      totals,
      issues: this.issues,
      missingUnits,
      requests,
      reviews,
      nonAggregable: this.nonAggregable,
      excluded: this.excluded,
      hasErrors,
    };
  }

  /** Adds a finding of the consolidation, its message rendered from its kind and parameters; returns the message. */
  private addIssue<K extends ConsolidationIssueKind>(issue: {
    readonly severity: Severity;
    readonly kind: K;
    readonly codes: readonly string[];
    readonly params: FindingParamsByKind[K];
    readonly record?: UnitRecord;
    readonly code?: string;
  }): Bilingual {
    const { record, code, ...rest } = issue;
    const cell = record && code ? this.addressOf(record, code) : undefined;
    const message = findingMessage(
      { kind: issue.kind, params: issue.params, codes: issue.codes },
      this.catalogue.byCode,
      this.roleNames(),
    );
    const added: ConsolidationIssueOf<K> = {
      ...rest,
      message,
      ...(record ? { unit: record.name } : {}),
      ...(cell ? { cell } : {}),
    };
    this.issues.push(added as ConsolidationIssue);
    if (record) {
      const items = this.extraItems.get(record) ?? [];
      const local = localCell(cell);
      items.push({ severity: issue.severity, ...(local ? { cell: local } : {}), message });
      this.extraItems.set(record, items);
    }
    return message;
  }

  private addressOf(record: UnitRecord, code: string): string | undefined {
    const at = this.index.get(code);
    const row = at === undefined ? 0 : (record.rows[at] ?? 0);
    return row ? qualifiedAddress(record.sheet, row, COLUMNS.value) : undefined;
  }

  private amountOf(record: UnitRecord, code: string): number | undefined {
    const at = this.index.get(code);
    return at === undefined || record.states[at] !== VALUE ? undefined : record.amounts[at];
  }

  private stateOf(record: UnitRecord, code: string): number {
    const at = this.index.get(code);
    return at === undefined ? BLANK : (record.states[at] ?? BLANK);
  }

  /** Checks every unit's name, level, period and duplicates; returns the period most units report for. */
  private checkUnits(): string | undefined {
    const periods = new Map<string, number>();
    for (const record of this.included) {
      if (record.period) periods.set(record.period, (periods.get(record.period) ?? 0) + 1);
    }
    const ranked = [...periods].sort((a, b) => b[1] - a[1]);
    const period = ranked[0]?.[0];
    if (ranked.length > 1) {
      this.addIssue({
        severity: "warning",
        kind: "mixed_periods",
        codes: [],
        params: {
          periods: ranked.map(([id]) => id),
          counts: ranked.map(([, count]) => count),
          ...(period !== undefined ? { period } : {}),
        },
      });
    }
    for (const record of this.records) {
      if (record.duplicateOf) {
        const other = record.duplicateOf;
        const where = (r: UnitRecord) => `${r.file ?? ""} '${r.sheet}'`.trim();
        const params = { unit: record.name, first: where(other), second: where(record) };
        if (record.included) {
          this.addIssue({ severity: "error", kind: "duplicate_unit", record, codes: [], params });
        } else {
          this.addIssue({ severity: "warning", kind: "duplicate_appendix", codes: [], params });
        }
      }
      if (!record.included) continue;
      if (!record.named) {
        this.addIssue({
          severity: "warning",
          kind: "unit_unnamed",
          record,
          codes: [],
          params: {},
        });
      }
      if (!record.level) {
        this.addIssue({
          severity: "warning",
          kind: "unit_without_level",
          record,
          codes: [],
          params: { levels: levelsIn(period) },
        });
      }
      if (period !== undefined && record.period !== undefined && record.period !== period) {
        const own = record.period;
        this.addIssue({
          severity: "warning",
          kind: "other_period",
          record,
          codes: [],
          params: { period: own, expected: period },
        });
      }
    }
    return period;
  }

  /**
   * Units of other forms than the lead: one finding per form, naming the rows summed over both and the rows left
   * out, by why, and the form's rows the lead lacks.
   */
  private checkForms(): void {
    const lead = this.mix.forms[0];
    for (const difference of this.mix.compared?.differences ?? []) {
      this.addIssue({
        severity: "warning",
        kind: "forms_mixed",
        codes: difference.differs,
        params: {
          lead: this.catalogue.templateVersion,
          leadUnits: lead?.units ?? 0,
          form: difference.form,
          units: difference.units,
          common: difference.common,
          absent: difference.absent,
          differs: difference.differs,
          reasons: difference.reasons,
          extra: difference.extra,
        },
      });
    }
  }

  /**
   * A unit stating a level its period has none of (a district after the 2025 reform, DESIGN.md section 12) is
   * summed into no level-based total: the consolidation of such a period expects departments and communes only.
   */
  private checkLevels(period: string | undefined): void {
    const levels = levelsIn(period);
    for (const record of this.included) {
      if (record.level === undefined || levels.includes(record.level) || period === undefined) continue;
      this.levelGone.add(record);
      this.addIssue({
        severity: "warning",
        kind: "district_left_out",
        record,
        codes: [],
        params: { period, level: record.level },
      });
    }
  }

  private findHolders(): void {
    const byRole = new Map<ProvinceRole, UnitRecord[]>();
    for (const record of this.included) {
      if (record.role) byRole.set(record.role, [...(byRole.get(record.role) ?? []), record]);
    }
    for (const [role, holders] of byRole) {
      this.holders.set(role, holders[0]!);
      if (holders.length > 1) {
        this.addIssue({
          severity: "error",
          kind: "role_twice",
          codes: [],
          params: { role, units: holders.map((holder) => holder.name) },
        });
      }
    }
    // Only the rows the period asks for: after the 2025 reform no office is missing for the rows about districts;
    // nor for rows left out because the forms differ on them.
    const applying = this.catalogue.valueRows.filter(
      (row) => appliesIn(row, this.period) && !this.leftOut.has(row.code),
    );
    const roles = new Set(
      applying.flatMap((row) => (row.aggregation === "province" && row.role ? [row.role] : [])),
    );
    if (this.options.roles.size === 0) {
      const codes = applying.filter((row) => row.aggregation === "province").map((row) => row.code);
      if (!codes.length) return;
      this.addIssue({
        severity: "warning",
        kind: "roles_missing",
        codes,
        params: {},
      });
      return;
    }
    for (const role of roles) {
      if (this.holders.has(role)) continue;
      const codes = applying
        .filter((row) => row.aggregation === "province" && row.role === role)
        .map((row) => row.code);
      this.addIssue({
        severity: "warning",
        kind: "role_missing",
        codes,
        params: { role },
      });
    }
  }

  /** The offices' names messages use, as the form declares them for the period consolidated. */
  private roleNames(): ReadonlyMap<string, Bilingual> {
    if (this.names?.period !== this.period || !this.names)
      this.names = { period: this.period, roles: roleNamesIn(this.catalogue.roles, this.period) };
    return this.names.roles;
  }

  private inScope(record: UnitRecord, row: RowDef): boolean {
    return record.level !== undefined && !this.levelGone.has(record) && row.scope.includes(record.level);
  }

  private total(row: RowDef): RowTotal {
    const leftOut = this.leftOut.get(row.code);
    if (leftOut) return this.leftOutTotal(row, leftOut);
    if (!appliesIn(row, this.period)) return this.notApplicable(row);
    switch (row.aggregation) {
      case "sum":
        return this.sum(row);
      case "recompute":
        return row.derived ? this.recomputed(row, row.derived) : this.listed(row);
      case "province":
        return this.province(row);
      case "lowest":
        return this.lowest(row);
      default:
        return this.listed(row);
    }
  }

  /** Walks the units for a row: who counts, who is missing, who reported outside their scope. */
  private walk(row: RowDef, counts: (record: UnitRecord) => boolean) {
    const counted: Counted[] = [];
    const missing: string[] = [];
    const unreadable: string[] = [];
    const ignored: string[] = [];
    for (const record of this.included) {
      const state = this.stateOf(record, row.code);
      if (counts(record)) {
        if (state === VALUE) counted.push({ record, amount: this.amountOf(record, row.code)! });
        else if (state === BLANK) missing.push(record.name);
        else if (state === UNREADABLE) unreadable.push(record.name);
      } else if (state === VALUE) {
        ignored.push(record.name);
      }
    }
    return { counted, missing, unreadable, ignored };
  }

  private notesFor(row: RowDef, records: readonly UnitRecord[]) {
    const notes: { unit: string; text: string }[] = [];
    for (const record of records) {
      for (const [code, text] of record.notes) if (code === row.code) notes.push({ unit: record.name, text });
    }
    return notes;
  }

  /** A total's parts as a walk found them, with the amount taken from them. */
  private walked(walk: ReturnType<Aggregator["walk"]>, amount: number | undefined) {
    return {
      ...(amount !== undefined ? { amount } : {}),
      counted: walk.counted.map((entry) => entry.record),
      missing: walk.missing,
      unreadable: walk.unreadable,
      ignored: walk.ignored,
    };
  }

  private finish(
    row: RowDef,
    parts: {
      amount?: number;
      ratio?: Ratio;
      counted: readonly UnitRecord[];
      missing: readonly string[];
      unreadable: readonly string[];
      ignored: readonly string[];
      source?: string;
      lead?: Bilingual;
    },
  ): RowTotal {
    const notes = this.notesFor(row, this.included);
    const withErrors = parts.counted.filter((record) => record.counts.error > 0).map((record) => record.name);
    const implausibleTotal = this.checkPlausible(row, parts.amount, parts.ratio !== undefined);
    const remark = bilingual((lang) => {
      const said: Bilingual[] = [];
      if (parts.lead) said.push(parts.lead);
      if (implausibleTotal) said.push(implausibleTotal);
      if (parts.missing.length) said.push(renderText("remark_missing", { units: parts.missing }));
      if (parts.unreadable.length) said.push(renderText("remark_unreadable", { units: parts.unreadable }));
      if (parts.ignored.length) said.push(renderText("remark_ignored", { units: parts.ignored }));
      const lines = said.map((text) => text[lang]).filter((line) => line !== "");
      for (const note of notes) lines.push(`${note.unit}: ${note.text}`);
      return lines.join("\n");
    });
    const flag = withErrors.length ? renderText("flag_with_errors", { units: withErrors }) : undefined;
    return {
      code: row.code,
      aggregation: row.aggregation,
      ...(parts.amount !== undefined ? { amount: parts.amount } : {}),
      ...(parts.ratio ? { ratio: parts.ratio } : {}),
      contributors: parts.counted.map((record) => record.name),
      missing: parts.missing,
      unreadable: parts.unreadable,
      withErrors,
      ignored: parts.ignored,
      ...(parts.source !== undefined ? { source: parts.source } : {}),
      notes,
      remark,
      ...(flag ? { flag } : {}),
    };
  }

  /**
   * The province's figure against its row's level-free plausible bounds (a recomputed reduction rate below −100%:
   * one unit's 64,073 staff gives 4.2.5 = −34.412,37%). A warning of the consolidation, and a line of the row's
   * remark; the units' own figures are judged at their level by their sheets' findings.
   */
  private checkPlausible(row: RowDef, amount: number | undefined, computed: boolean): Bilingual | undefined {
    if (amount === undefined) return undefined;
    const found = implausible(row, amount, null);
    if (!found) return undefined;
    // As Excel stores it, as a sheet's finding gives it: a percentage as a fraction.
    const value = (of: number) => (row.kind === "percent" ? of / (100 * PERCENT_SCALE) : of);
    return this.addIssue({
      severity: "warning",
      kind: found.bound === "max" ? "implausible_high" : "implausible_low",
      codes: [row.code],
      params: {
        code: row.code,
        value: value(amount),
        limit: value(found.limit),
        bound: found.bound,
        computed,
        province: true,
      },
    });
  }

  /**
   * A row the period does not ask for (3.4.2 after the 2025 reform): no figure, nobody missing, and what a unit
   * typed there left out, as its validation told it.
   */
  private notApplicable(row: RowDef): RowTotal {
    const walk = this.walk(row, () => false);
    const from = row.notApplicableFrom;
    return this.finish(row, {
      counted: [],
      missing: [],
      unreadable: [],
      ignored: walk.ignored,
      ...(from !== undefined && this.period !== undefined
        ? { lead: renderText("lead_not_applicable", { from, period: this.period }) }
        : {}),
    });
  }

  /**
   * A row another form lacks or declares otherwise: no figure and nobody missing, its remark saying which form
   * differs and how; the lead form's units' figures stay on the figures sheet.
   */
  private leftOutTotal(row: RowDef, leftOut: readonly LeftOutRow[]): RowTotal {
    const units = new Map(this.mix.compared?.differences.map((form) => [form.form, form.units]));
    return this.finish(row, {
      counted: [],
      missing: [],
      unreadable: [],
      ignored: [],
      lead: renderText("lead_left_out", {
        forms: leftOut.map((entry) => entry.form),
        reasons: leftOut.map((entry) => entry.reason),
        units: leftOut.map((entry) => units.get(entry.form) ?? 0),
      }),
    });
  }

  /** Counts: summed over the units whose level fills the row; blanks stay out and are reported missing. */
  private sum(row: RowDef): RowTotal {
    const walk = this.walk(row, (record) => this.inScope(record, row));
    let amount: number | undefined;
    for (const { amount: value } of walk.counted) amount = (amount ?? 0) + value;
    return this.finish(row, {
      ...this.walked(walk, amount),
    });
  }

  /**
   * A derived rate: Σ numerators / Σ denominators over the units of its scope that report every input, never an
   * average of their rates. A unit that states the rate without its counts is listed, not averaged in.
   */
  private recomputed(row: RowDef, derived: NonNullable<RowDef["derived"]>): RowTotal {
    const inputs = [...new Set([...derived.plus, ...derived.minus, ...derived.denominator])];
    const counted: UnitRecord[] = [];
    const missing: string[] = [];
    const unreadable: string[] = [];
    const ignored: string[] = [];
    const sums = new Map<string, number>(inputs.map((code) => [code, 0]));
    for (const record of this.included) {
      const states = inputs.map((code) => this.stateOf(record, code));
      const stated = this.stateOf(record, row.code) === VALUE;
      if (!this.inScope(record, row)) {
        if (stated || states.every((state) => state === VALUE)) ignored.push(record.name);
        continue;
      }
      if (states.every((state) => state === VALUE)) {
        for (const code of inputs) sums.set(code, sums.get(code)! + this.amountOf(record, code)!);
        counted.push(record);
      } else if (states.includes(UNREADABLE)) {
        unreadable.push(record.name);
      } else if (states.every((state) => state === NOT_APPLICABLE)) {
        continue;
      } else if (stated && states.every((state) => state !== VALUE)) {
        this.listValue(record, row, renderText("listed_rate_without_counts", {}));
        missing.push(record.name);
      } else {
        missing.push(record.name);
      }
    }
    const ratio = counted.length ? recompute(derived, (code) => sums.get(code)) : undefined;
    const exact = ratio && isRatio(ratio) ? ratio : undefined;
    const scope = row.scope;
    return this.finish(row, {
      ...(exact ? { amount: percentOf(exact, 4, "round").scaled, ratio: exact } : {}),
      counted,
      missing,
      unreadable,
      ignored,
      ...(counted.length
        ? {
            lead: recomputedLead(
              derived,
              scope.filter((level) => levelsIn(this.period).includes(level)),
              counted.length,
              exact,
            ),
          }
        : {}),
    });
  }

  /** A province-wide indicator: the one office of its role reports it; never summed. */
  private province(row: RowDef): RowTotal {
    const role = row.role;
    const holder = role ? this.holders.get(role) : undefined;
    const walk = this.walk(row, (record) => record === holder);
    let amount = walk.counted[0]?.amount;
    // A rate the office left blank while giving its counts is its own figure, recomputed.
    if (amount === undefined && holder && row.derived && this.stateOf(holder, row.code) === BLANK) {
      const ratio = recompute(row.derived, (code) => this.amountOf(holder, code));
      if (isRatio(ratio)) amount = percentOf(ratio, 4, "round").scaled;
    }
    return this.finish(row, {
      ...(amount !== undefined ? { amount } : {}),
      counted: amount !== undefined && holder ? [holder] : [],
      missing: amount === undefined ? walk.missing : [],
      unreadable: walk.unreadable,
      ignored: walk.ignored,
      ...(holder ? { source: holder.name } : {}),
      ...(role
        ? {
            lead: renderText("lead_province", holder ? { role, holder: holder.name } : { role }, {
              rows: this.catalogue.byCode,
              roles: this.roleNames(),
            }),
          }
        : {}),
    });
  }

  private listValue(record: UnitRecord, row: RowDef, reason: Bilingual): void {
    const amount = this.amountOf(record, row.code);
    if (amount === undefined) return;
    this.nonAggregable.push({
      unit: record.name,
      code: row.code,
      kind: row.kind === "coded" ? "coded" : "percent",
      amount,
      display: bilingual((lang) => display(row, amount, lang)),
      reason,
    });
  }

  /** A coded status: every unit's code listed, the lowest shown as the province's. */
  private lowest(row: RowDef): RowTotal {
    const walk = this.walk(row, (record) => this.inScope(record, row));
    let amount: number | undefined;
    for (const entry of walk.counted)
      amount = amount === undefined ? entry.amount : Math.min(amount, entry.amount);
    for (const entry of walk.counted) {
      this.listValue(entry.record, row, renderText("listed_coded", {}));
    }
    const lowestAmount = amount;
    return this.finish(row, {
      ...this.walked(walk, amount),
      ...(lowestAmount !== undefined
        ? {
            lead: renderText(
              "lead_lowest",
              { code: row.code, amount: lowestAmount, units: walk.counted.length },
              { rows: this.catalogue.byCode },
            ),
          }
        : {}),
    });
  }

  /** A rate without counts behind it: listed per unit and marked not aggregable; never averaged. */
  private listed(row: RowDef): RowTotal {
    // Rates no level is asked for (3.4.4, 3.4.5 "at all 3 levels") are listed from whoever reports them.
    const anyone = row.scope.length === 0;
    const walk = this.walk(row, (record) => anyone || this.inScope(record, row));
    for (const entry of walk.counted) {
      this.listValue(entry.record, row, renderText("listed_rate", {}));
    }
    return this.finish(row, {
      counted: [],
      missing: anyone ? [] : walk.missing,
      unreadable: walk.unreadable,
      ignored: walk.ignored,
      ...(walk.counted.length
        ? { lead: renderText("lead_not_aggregable", { units: walk.counted.length }) }
        : {}),
    });
  }

  private checkExpected(): string[] {
    const expected = this.options.expected;
    if (!expected) return [];
    const wanted = new Set(expected.map(unitKey));
    const present = new Set(this.records.map((record) => record.key));
    for (const record of this.included) {
      if (!record.named || wanted.has(record.key)) continue;
      this.addIssue({
        severity: "info",
        kind: "unexpected_unit",
        record,
        codes: [],
        params: { unit: record.name },
      });
    }
    const seen = new Set<string>();
    const missing = expected.filter((name) => {
      const key = unitKey(name);
      if (present.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    // A list kept from before the 2025 reform still names districts: none is awaited for a later period.
    const period = this.period;
    if (period === undefined || !afterReform(period)) return missing;
    const districts = missing.filter((name) => districtName(name, period));
    if (!districts.length) return missing;
    this.addIssue({
      severity: "info",
      kind: "expected_district_after_reform",
      codes: [],
      params: { units: districts, period },
    });
    return missing.filter((name) => !districts.includes(name));
  }

  /**
   * Cross-period checks: cumulative indicators never decrease, and what a row carries over now is what its
   * `carriedFrom` row held at the end of the previous period (HS.1.1 and HS.3 in the 2021 form); per unit when the
   * previous file has per-unit figures.
   */
  private crossPeriod(
    previous: ProvinceFigures,
    period: string | undefined,
    totals: readonly RowTotal[],
  ): void {
    const now = period ? periodMonths(period) : undefined;
    const before = previous.period ? periodMonths(previous.period) : undefined;
    if (now && before && before.end >= now.end) {
      this.addIssue({
        severity: "warning",
        kind: "previous_not_earlier",
        codes: [],
        params: { previous: previous.period ?? "", period: period ?? "" },
      });
      return;
    }
    const consecutive = !now || !before || before.end + 1 === now.start;
    // Each count carried over with the row it comes from; a sound catalogue names a row in every carriedFrom.
    const summed = (row: RowDef) => !this.leftOut.has(row.code);
    const pairs = this.catalogue.valueRows.flatMap((carried) => {
      const pending =
        carried.carriedFrom === undefined ? undefined : this.catalogue.byCode.get(carried.carriedFrom);
      return pending && summed(carried) && summed(pending) ? [{ carried, pending }] : [];
    });
    if (!consecutive) {
      this.addIssue({
        severity: "info",
        kind: "previous_not_adjacent",
        codes: pairs.flatMap(({ carried, pending }) => [carried.code, pending.code]),
        params: { previous: previous.period ?? "", period: period ?? "" },
      });
    }
    const cumulative = this.catalogue.valueRows.filter((row) => row.cumulative && summed(row));
    const perUnit = previous.units && previous.units.size > 0 ? previous.units : undefined;
    if (perUnit) {
      for (const record of this.included) {
        const was = perUnit.get(record.key);
        if (!was) continue;
        for (const row of cumulative) {
          this.compareCumulative(row, this.amountOf(record, row.code), was.get(row.code), record);
        }
        if (!consecutive) continue;
        for (const { carried, pending } of pairs) {
          this.compareCarried(
            carried,
            pending,
            this.amountOf(record, carried.code),
            was.get(pending.code),
            record,
          );
        }
      }
      return;
    }
    const totalOf = (code: string) => totals.find((total) => total.code === code)?.amount;
    for (const row of cumulative) {
      this.compareCumulative(row, totalOf(row.code), previous.province.get(row.code));
    }
    if (!consecutive) return;
    for (const { carried, pending } of pairs) {
      this.compareCarried(carried, pending, totalOf(carried.code), previous.province.get(pending.code));
    }
  }

  private compareCumulative(
    row: RowDef,
    now: number | undefined,
    was: number | undefined,
    record?: UnitRecord,
  ) {
    if (now === undefined || was === undefined || now >= was) return;
    this.addIssue({
      severity: "warning",
      kind: "cumulative_decreased",
      ...(record ? { record, code: row.code } : {}),
      codes: [row.code],
      params: { code: row.code, now, previous: was, province: !record },
    });
  }

  private compareCarried(
    carried: RowDef,
    pending: RowDef,
    now: number | undefined,
    was: number | undefined,
    record?: UnitRecord,
  ) {
    if (now === undefined || was === undefined || now === was) return;
    this.addIssue({
      severity: "warning",
      kind: "carried_over_mismatch",
      ...(record ? { record, code: carried.code } : {}),
      codes: [carried.code, pending.code],
      params: { now, previous: was, difference: Math.abs(now - was), province: !record },
    });
  }

  /**
   * The letter to a unit: a correction request when something is wrong (an error of its own validation or of the
   * consolidation), a request to look again when a warning is left, none for notes alone: a unit whose appendix is
   * ready is never asked to correct and send it again.
   */
  private request(record: UnitRecord, period: string | undefined): CorrectionRequest | undefined {
    const items = [...record.items, ...(this.extraItems.get(record) ?? [])].sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    );
    const wrong = record.counts.error > 0 || items.some((item) => item.severity === "error");
    if (!wrong && !items.some((item) => item.severity === "warning")) return undefined;
    const review = !wrong;
    return {
      unit: record.name,
      ...(record.file !== undefined ? { file: record.file } : {}),
      sheet: record.sheet,
      items,
      ...(review ? { review } : {}),
      text: bilingual((lang) => correctionLetter(record, items, record.period ?? period, review, lang)),
    };
  }
}

/** How a recomputed rate was made: its formula over the summed counts, from how many units of which levels. */
function recomputedLead(
  derived: NonNullable<RowDef["derived"]>,
  levels: readonly Level[],
  units: number,
  exact: Ratio | undefined,
): Bilingual {
  const below =
    derived.denominator.length > 1
      ? `(Σ${derived.denominator.join("+Σ")})`
      : `Σ${derived.denominator.join("")}`;
  const formula =
    derived.minus.length > 0
      ? `(Σ${derived.plus.join("+Σ")} − Σ${derived.minus.join("−Σ")}) / ${below}`
      : derived.plus.length > 1
        ? `(Σ${derived.plus.join("+Σ")}) / ${below}`
        : `Σ${derived.plus.join("")} / ${below}`;
  if (!exact) return renderText("lead_recomputed", { formula, units, levels });
  return renderText("lead_recomputed", {
    formula,
    units,
    levels,
    numerator: exact.numerator,
    denominator: exact.denominator,
  });
}

const LETTER_HEADS = ["A", "B", "C"];

function correctionLetter(
  record: UnitRecord,
  items: readonly CorrectionItem[],
  period: string | undefined,
  review: boolean,
  lang: Lang,
): string {
  const out: string[] = [];
  out.push(renderTextIn("letter_to", { unit: record.name }, lang));
  out.push("");
  out.push(
    renderTextIn(
      "letter_opening",
      {
        period: period ?? "",
        report: record.source === "word_report",
        review,
        ...(record.file !== undefined ? { file: record.file } : {}),
        sheet: record.sheet,
      },
      lang,
    ),
  );
  let section = 0;
  for (const severity of ["error", "warning", "info"] as const) {
    const own = items.filter((item) => item.severity === severity);
    if (!own.length) continue;
    out.push("");
    const head = LETTER_HEADS[section++] ?? "";
    out.push(renderTextIn("letter_section", { head, severity, count: own.length }, lang));
    own.forEach((item, at) => {
      const cell = item.cell ? renderTextIn("letter_cell", { cell: item.cell }, lang) : "";
      // A finding's message already gives the value its suggestion would write ("đề xuất 44"): not repeated.
      out.push(`${at + 1}. ${cell}${item.message[lang]}`);
    });
  }
  out.push("");
  out.push(renderTextIn("letter_closing", {}, lang));
  return out.join("\n");
}
