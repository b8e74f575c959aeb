import type { Bilingual, LoadedCatalogue, ProvinceRole, RowDef } from "../../domain/catalogue";
import { appliesIn, REFORM_PERIOD } from "../../domain/catalogue";
import { qualifiedAddress } from "../../domain/cell";
import type { Ratio } from "../../domain/derive";
import { isRatio, percentOf, recompute } from "../../domain/derive";
import type { FindingParam } from "../../domain/findings";
import { SEVERITY_ORDER } from "../../domain/findings";
import { formatAmount, formatCount } from "../../domain/format";
import { COLUMNS } from "../../domain/layout";
import type { Lang } from "../../domain/messages";
import { bilingual, labelOf, nameOf } from "../../domain/messages";
import { levelsIn, periodMonths, periodStartText } from "../../domain/meta";
import { implausible, implausibleMessage } from "../../domain/plausible";
import type { Severity } from "../../domain/values";
import type {
  ConsolidateOptions,
  Consolidation,
  ConsolidationIssue,
  CorrectionItem,
  CorrectionRequest,
  Excluded,
  NonAggregable,
  ProvinceFigures,
  RowTotal,
} from "./model";
import type { UnitRecord } from "./record";
import { BLANK, localCell, NOT_APPLICABLE, UNREADABLE, VALUE, valueIndex } from "./record";
import { levelName, nameList, periodName, roleName, unitKey } from "./names";

// Aggregation: each indicator as the catalogue declares it, the cross-period checks, and the correction letters.

/** The count carried over from the previous period, and the count pending at its end that it must equal. */
const CARRIED_OVER = "HS.1.1";
const PENDING = "HS.3";

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

  constructor(
    private readonly catalogue: LoadedCatalogue,
    private readonly records: readonly UnitRecord[],
    private readonly options: ConsolidateOptions,
    private readonly excluded: readonly Excluded[],
  ) {
    this.index = valueIndex(catalogue);
    this.included = records.filter((record) => record.included);
  }

  run(): Consolidation {
    const period = this.checkUnits();
    this.period = period;
    this.checkLevels(period);
    this.findHolders();
    const totals = this.catalogue.valueRows.map((row) => this.total(row));
    const missingUnits = this.checkExpected();
    if (this.options.previous) this.crossPeriod(this.options.previous, period, totals);
    const requests = this.included.flatMap((record) => {
      const request = this.request(record, period);
      return request ? [request] : [];
    });
    const hasErrors =
      this.included.some((record) => record.counts.error > 0) ||
      this.issues.some((issue) => issue.severity === "error");
    this.issues.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    return {
      catalogue: this.catalogue,
      templateVersion: this.catalogue.templateVersion,
      ...(period !== undefined ? { period } : {}),
      units: this.records.map((record) => ({
        unit: record.name,
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
      nonAggregable: this.nonAggregable,
      excluded: this.excluded,
      hasErrors,
    };
  }

  private addIssue(
    issue: Omit<ConsolidationIssue, "unit" | "cell" | "params"> & {
      readonly record?: UnitRecord;
      readonly code?: string;
      readonly params?: Readonly<Record<string, FindingParam>>;
    },
  ): void {
    const { record, code, params, ...rest } = issue;
    const cell = record && code ? this.addressOf(record, code) : undefined;
    this.issues.push({
      ...rest,
      params: params ?? {},
      ...(record ? { unit: record.name } : {}),
      ...(cell ? { cell } : {}),
    });
    if (record) {
      const items = this.extraItems.get(record) ?? [];
      const local = localCell(cell);
      items.push({ severity: issue.severity, ...(local ? { cell: local } : {}), message: issue.message });
      this.extraItems.set(record, items);
    }
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
      const list = (lang: Lang) =>
        ranked.map(([id, count]) => `${periodName(id, lang)}: ${formatCount(count, lang)}`).join("; ");
      this.addIssue({
        severity: "warning",
        kind: "mixed_periods",
        codes: [],
        params: { periods: ranked.map(([id]) => id) },
        message: bilingual((lang) =>
          lang === "vi"
            ? `Các phụ lục ghi kỳ báo cáo khác nhau (${list(lang)}); tổng hợp theo kỳ ${periodName(period, lang)}.`
            : `The appendices state different periods (${list(lang)}); consolidated as ${periodName(period, lang)}.`,
        ),
      });
    }
    for (const record of this.records) {
      if (record.duplicateOf) {
        const other = record.duplicateOf;
        const where = (r: UnitRecord) => `${r.file ?? ""} '${r.sheet}'`.trim();
        this.addIssue(
          record.included
            ? {
                severity: "error",
                kind: "duplicate_unit",
                record,
                codes: [],
                params: { first: where(other), second: where(record) },
                message: bilingual((lang) =>
                  lang === "vi"
                    ? `Có hai phụ lục khác nhau cùng tên đơn vị "${record.name}" (${where(other)} và ${where(record)}): cả hai đều được cộng. Nếu là bản gửi lại, hãy bỏ bản cũ; nếu là hai đơn vị, hãy ghi tên đầy đủ để phân biệt.`
                    : `Two different appendices carry the unit name "${record.name}" (${where(other)} and ${where(record)}): both are summed. If one is a resubmission, drop the old one; if they are two units, give each its full name.`,
                ),
              }
            : {
                severity: "warning",
                kind: "duplicate_appendix",
                codes: [],
                params: { first: where(other), second: where(record) },
                message: bilingual((lang) =>
                  lang === "vi"
                    ? `Phụ lục của "${record.name}" có hai lần với cùng số liệu (${where(other)} và ${where(record)}): chỉ tính một lần.`
                    : `The appendix of "${record.name}" appears twice with the same figures (${where(other)} and ${where(record)}): counted once.`,
                ),
              },
        );
      }
      if (!record.included) continue;
      if (!record.named) {
        this.addIssue({
          severity: "warning",
          kind: "unit_unnamed",
          record,
          codes: [],
          message: bilingual((lang) =>
            lang === "vi"
              ? "Phụ lục chưa ghi tên đơn vị báo cáo (dòng 4): không xác định được đơn vị."
              : "The appendix does not name its reporting unit (row 4): the unit cannot be identified.",
          ),
        });
      }
      if (!record.level) {
        this.addIssue({
          severity: "warning",
          kind: "unit_without_level",
          record,
          codes: [],
          message: bilingual((lang) =>
            lang === "vi"
              ? `Phụ lục chưa ghi cấp của đơn vị (${levelList(period, lang)}): số liệu chưa được cộng vào các chỉ tiêu tính theo cấp.`
              : `The appendix does not state the unit's level (${levelList(period, lang)}): its figures are left out of the level-based totals.`,
          ),
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
          message: bilingual((lang) =>
            lang === "vi"
              ? `Phụ lục ghi kỳ ${periodName(own, lang)}, khác kỳ tổng hợp ${periodName(period, lang)}.`
              : `The appendix states ${periodName(own, lang)}, not the consolidated period ${periodName(period, lang)}.`,
          ),
        });
      }
    }
    return period;
  }

  /**
   * A unit stating a level its period has none of (a district after the 2025 reform, DESIGN.md section 12) is
   * summed into no level-based total: the consolidation of such a period expects departments and communes only.
   */
  private checkLevels(period: string | undefined): void {
    const levels = levelsIn(period);
    for (const record of this.included) {
      if (record.level === undefined || levels.includes(record.level) || period === undefined) continue;
      const level = record.level;
      const since = periodStartText(REFORM_PERIOD);
      this.levelGone.add(record);
      this.addIssue({
        severity: "warning",
        kind: "district_after_reform",
        record,
        codes: [],
        params: { period, level },
        message: bilingual((lang) =>
          lang === "vi"
            ? `Phụ lục ghi cấp ${levelName(level, lang)} cho kỳ ${periodName(period, lang)}, nhưng từ ${since.vi} không còn cấp huyện: số liệu không được cộng vào các chỉ tiêu tính theo cấp.`
            : `The appendix states the ${levelName(level, lang)} level for ${periodName(period, lang)}, but there are no districts from ${since.en}: its figures are left out of the level-based totals.`,
        ),
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
          message: bilingual((lang) =>
            lang === "vi"
              ? `Nhiều đơn vị cùng vai trò ${roleName(role, lang)} (${nameList(
                  holders.map((h) => h.name),
                  lang,
                )}): lấy số liệu của ${holders[0]!.name}. Sửa tệp vai trò.`
              : `Several units hold the role of ${roleName(role, lang)} (${nameList(
                  holders.map((h) => h.name),
                  lang,
                )}): taking ${holders[0]!.name}. Fix the roles file.`,
          ),
        });
      }
    }
    // Only the rows the period asks for: after the 2025 reform no office is missing for the rows about districts.
    const applying = this.catalogue.valueRows.filter((row) => appliesIn(row, this.period));
    const roles = new Set(
      applying.flatMap((row) => (row.aggregation === "province" && row.role ? [row.role] : [])),
    );
    if (this.options.roles.size === 0) {
      const codes = applying.filter((row) => row.aggregation === "province").map((row) => row.code);
      this.addIssue({
        severity: "warning",
        kind: "roles_missing",
        codes,
        message: bilingual((lang) =>
          lang === "vi"
            ? `Chưa có tệp vai trò (--roles): các chỉ tiêu do một cơ quan báo cáo cho toàn tỉnh (${nameList(codes, lang, 8)}) để trống.`
            : `No roles file (--roles): the indicators one office reports for the whole province (${nameList(codes, lang, 8)}) stay blank.`,
        ),
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
        message: bilingual((lang) =>
          lang === "vi"
            ? `Không có phụ lục của ${roleName(role, lang)} (vai trò ${role}): các chỉ tiêu ${nameList(codes, lang, 8)} để trống.`
            : `No appendix from ${roleName(role, lang)} (role ${role}): the indicators ${nameList(codes, lang, 8)} stay blank.`,
        ),
      });
    }
  }

  private inScope(record: UnitRecord, row: RowDef): boolean {
    return record.level !== undefined && !this.levelGone.has(record) && row.scope.includes(record.level);
  }

  private total(row: RowDef): RowTotal {
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
      lead?: (lang: Lang) => string;
    },
  ): RowTotal {
    const notes = this.notesFor(row, this.included);
    const withErrors = parts.counted.filter((record) => record.counts.error > 0).map((record) => record.name);
    const implausibleTotal = this.checkPlausible(row, parts.amount, parts.ratio !== undefined);
    const remark = bilingual((lang) => {
      const vi = lang === "vi";
      const said: string[] = [];
      const lead = parts.lead?.(lang);
      if (lead) said.push(lead);
      if (implausibleTotal) said.push(implausibleTotal[lang]);
      if (parts.missing.length) {
        said.push(
          vi
            ? `Thiếu số liệu của ${parts.missing.length} đơn vị: ${nameList(parts.missing, lang)}.`
            : `Missing from ${parts.missing.length} units: ${nameList(parts.missing, lang)}.`,
        );
      }
      if (parts.unreadable.length) {
        said.push(
          vi
            ? `Không đọc được số liệu của: ${nameList(parts.unreadable, lang)}.`
            : `Unreadable values from: ${nameList(parts.unreadable, lang)}.`,
        );
      }
      if (parts.ignored.length) {
        said.push(
          vi
            ? `Không tính số liệu của đơn vị không thuộc phạm vi chỉ tiêu: ${nameList(parts.ignored, lang)}.`
            : `Not counted, as not theirs to report: ${nameList(parts.ignored, lang)}.`,
        );
      }
      for (const note of notes) said.push(`${note.unit}: ${note.text}`);
      return said.join("\n");
    });
    const flag = withErrors.length
      ? bilingual((lang) =>
          lang === "vi"
            ? `Số liệu gồm ${withErrors.length} đơn vị có phụ lục còn lỗi: ${nameList(withErrors, lang)}.`
            : `Includes ${withErrors.length} units whose appendix still has errors: ${nameList(withErrors, lang)}.`,
        )
      : undefined;
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
    const message = bilingual((lang) =>
      implausibleMessage(row, amount, found, lang, { computed, province: true }),
    );
    this.addIssue({
      severity: "warning",
      kind: found.bound === "max" ? "implausible_high" : "implausible_low",
      codes: [row.code],
      params: { value: amount, limit: found.limit, bound: found.bound },
      message,
    });
    return message;
  }

  /**
   * A row the period does not ask for (3.4.2 after the 2025 reform): no figure, nobody missing, and what a unit
   * typed there left out, as its validation told it.
   */
  private notApplicable(row: RowDef): RowTotal {
    const walk = this.walk(row, () => false);
    const from = row.notApplicableFrom;
    const since = from === undefined ? undefined : periodStartText(from);
    return this.finish(row, {
      counted: [],
      missing: [],
      unreadable: [],
      ignored: walk.ignored,
      lead: (lang) =>
        since === undefined
          ? ""
          : lang === "vi"
            ? `Không áp dụng từ ${since.vi}: kỳ ${periodName(this.period, lang)} không tổng hợp chỉ tiêu này.`
            : `Not applicable from ${since.en}: not consolidated for ${periodName(this.period, lang)}.`,
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
    const inputs = [...new Set([...derived.plus, ...derived.minus, derived.denominator])];
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
        this.listValue(record, row, {
          vi: "Tỷ lệ ghi không kèm số liệu chi tiết: không tính vào tỷ lệ chung (không lấy trung bình các tỷ lệ).",
          en: "A rate stated without its counts: left out of the recomputed rate (rates are never averaged).",
        });
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
      lead: (lang) => {
        if (!counted.length) return "";
        const levels = scope
          .filter((level) => levelsIn(this.period).includes(level))
          .map((level) => levelName(level, lang))
          .join(", ");
        const numerator = formatCount(exact?.numerator ?? sums.get(derived.plus[0]!) ?? 0, lang);
        const denominator = formatCount(sums.get(derived.denominator) ?? 0, lang);
        const formula =
          derived.minus.length > 0
            ? `(Σ${derived.plus.join("+Σ")} − Σ${derived.minus.join("−Σ")}) / Σ${derived.denominator}`
            : `Σ${derived.plus.join("+Σ")} / Σ${derived.denominator}`;
        if (!exact) {
          return lang === "vi"
            ? `Tính lại ${formula}: mẫu số bằng 0 (${counted.length} đơn vị ${levels}).`
            : `Recomputed ${formula}: the denominator is 0 (${counted.length} ${levels} units).`;
        }
        return lang === "vi"
          ? `Tính lại ${formula} = ${numerator}/${denominator} từ ${counted.length} đơn vị cấp ${levels}.`
          : `Recomputed ${formula} = ${numerator}/${denominator} from ${counted.length} ${levels} units.`;
      },
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
      lead: (lang) => {
        if (!role) return "";
        if (!holder) {
          return lang === "vi"
            ? `Chỉ tiêu do ${roleName(role, lang)} báo cáo cho toàn tỉnh: chưa có phụ lục của đơn vị này.`
            : `Reported for the whole province by ${roleName(role, lang)}: no appendix from that office.`;
        }
        return lang === "vi" ? `Theo số liệu của ${holder.name}.` : `As reported by ${holder.name}.`;
      },
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
      this.listValue(entry.record, row, {
        vi: "Chỉ tiêu dạng mã: liệt kê theo đơn vị, bảng tổng hợp ghi mức thấp nhất.",
        en: "A coded status: listed per unit; the summary shows the lowest.",
      });
    }
    const lowestAmount = amount;
    return this.finish(row, {
      ...this.walked(walk, amount),
      lead: (lang) =>
        lowestAmount === undefined
          ? ""
          : lang === "vi"
            ? `Mức thấp nhất trong ${walk.counted.length} đơn vị: ${codedDisplay(row, lowestAmount, lang)}; chi tiết ở trang "Không cộng được".`
            : `Lowest of ${walk.counted.length} units: ${codedDisplay(row, lowestAmount, lang)}; details on the "Không cộng được" sheet.`,
    });
  }

  /** A rate without counts behind it: listed per unit and marked not aggregable; never averaged. */
  private listed(row: RowDef): RowTotal {
    // Rates no level is asked for (3.4.4, 3.4.5 "at all 3 levels") are listed from whoever reports them.
    const anyone = row.scope.length === 0;
    const walk = this.walk(row, (record) => anyone || this.inScope(record, row));
    for (const entry of walk.counted) {
      this.listValue(entry.record, row, {
        vi: "Tỷ lệ không có số liệu chi tiết để tính lại: không cộng được, không lấy trung bình.",
        en: "A rate without counts to recompute it from: not aggregable, never averaged.",
      });
    }
    return this.finish(row, {
      counted: [],
      missing: anyone ? [] : walk.missing,
      unreadable: walk.unreadable,
      ignored: walk.ignored,
      lead: (lang) =>
        walk.counted.length === 0
          ? ""
          : lang === "vi"
            ? `Không cộng được: ${walk.counted.length} đơn vị báo cáo tỷ lệ riêng, xem trang "Không cộng được".`
            : `Not aggregable: ${walk.counted.length} units report their own rate; see the "Không cộng được" sheet.`,
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
        message: bilingual((lang) =>
          lang === "vi"
            ? `Đơn vị "${record.name}" không có trong danh sách đơn vị phải báo cáo: kiểm tra lại tên đơn vị ở dòng 4.`
            : `"${record.name}" is not on the list of units expected to report: check the unit name in row 4.`,
        ),
      });
    }
    const seen = new Set<string>();
    return expected.filter((name) => {
      const key = unitKey(name);
      if (present.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /**
   * Cross-period checks: cumulative indicators never decrease, and what is carried over now (HS.1.1) is what was
   * pending at the end of the previous period (HS.3); per unit when the previous file has per-unit figures.
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
        message: bilingual((lang) =>
          lang === "vi"
            ? `Tệp kỳ trước là kỳ ${periodName(previous.period, lang)}, không trước kỳ ${periodName(period, lang)}: không so sánh giữa hai kỳ.`
            : `The previous file is for ${periodName(previous.period, lang)}, not before ${periodName(period, lang)}: no cross-period check.`,
        ),
      });
      return;
    }
    const consecutive = !now || !before || before.end + 1 === now.start;
    if (!consecutive) {
      this.addIssue({
        severity: "info",
        kind: "previous_not_adjacent",
        codes: [CARRIED_OVER, PENDING],
        params: { previous: previous.period ?? "", period: period ?? "" },
        message: bilingual((lang) =>
          lang === "vi"
            ? `Kỳ trước (${periodName(previous.period, lang)}) không liền kề kỳ ${periodName(period, lang)}: không so sánh ${CARRIED_OVER} với ${PENDING} kỳ trước.`
            : `The previous period (${periodName(previous.period, lang)}) does not immediately precede ${periodName(period, lang)}: ${CARRIED_OVER} is not compared with the earlier ${PENDING}.`,
        ),
      });
    }
    const cumulative = this.catalogue.valueRows.filter((row) => row.cumulative);
    const carried = this.catalogue.byCode.get(CARRIED_OVER);
    const pending = this.catalogue.byCode.get(PENDING);
    const perUnit = previous.units && previous.units.size > 0 ? previous.units : undefined;
    if (perUnit) {
      for (const record of this.included) {
        const was = perUnit.get(record.key);
        if (!was) continue;
        for (const row of cumulative) {
          this.compareCumulative(row, this.amountOf(record, row.code), was.get(row.code), record);
        }
        if (consecutive && carried && pending) {
          this.compareCarried(
            carried,
            pending,
            this.amountOf(record, CARRIED_OVER),
            was.get(PENDING),
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
    if (consecutive && carried && pending) {
      this.compareCarried(carried, pending, totalOf(CARRIED_OVER), previous.province.get(PENDING));
    }
  }

  private compareCumulative(
    row: RowDef,
    now: number | undefined,
    was: number | undefined,
    record?: UnitRecord,
  ) {
    if (now === undefined || was === undefined || now >= was) return;
    const who = (lang: Lang) => (record ? "" : lang === "vi" ? "Toàn tỉnh: " : "Province: ");
    this.addIssue({
      severity: "warning",
      kind: "cumulative_decreased",
      ...(record ? { record, code: row.code } : {}),
      codes: [row.code],
      params: { now, previous: was },
      message: bilingual((lang) =>
        lang === "vi"
          ? `${who(lang)}${nameOf(row, lang)} là số lũy kế nhưng giảm từ ${formatCount(was, lang)} (kỳ trước) xuống ${formatCount(now, lang)}.`
          : `${who(lang)}${nameOf(row, lang)} is cumulative but fell from ${formatCount(was, lang)} (previous period) to ${formatCount(now, lang)}.`,
      ),
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
    const who = (lang: Lang) => (record ? "" : lang === "vi" ? "Toàn tỉnh: " : "Province: ");
    this.addIssue({
      severity: "warning",
      kind: "carried_over_mismatch",
      ...(record ? { record, code: carried.code } : {}),
      codes: [carried.code, pending.code],
      params: { now, previous: was, difference: Math.abs(now - was) },
      message: bilingual((lang) =>
        lang === "vi"
          ? `${who(lang)}${labelOf(carried, lang)} (${carried.code}) = ${formatCount(now, lang)} khác ${labelOf(pending, lang)} (${pending.code}) cuối kỳ trước = ${formatCount(was, lang)}: chênh lệch ${formatCount(Math.abs(now - was), lang)}.`
          : `${who(lang)}${labelOf(carried, lang)} (${carried.code}) = ${formatCount(now, lang)} differs from ${labelOf(pending, lang)} (${pending.code}) at the end of the previous period = ${formatCount(was, lang)}: a difference of ${formatCount(Math.abs(now - was), lang)}.`,
      ),
    });
  }

  private request(record: UnitRecord, period: string | undefined): CorrectionRequest | undefined {
    const items = [...record.items, ...(this.extraItems.get(record) ?? [])].sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    );
    if (!items.length) return undefined;
    return {
      unit: record.name,
      ...(record.file !== undefined ? { file: record.file } : {}),
      sheet: record.sheet,
      items,
      text: bilingual((lang) => correctionLetter(record, items, record.period ?? period, lang)),
    };
  }
}

/** The levels a period's units report at, as a message lists them: "Sở, ngành; Huyện; Xã" before the reform. */
function levelList(period: string | undefined, lang: Lang): string {
  return levelsIn(period)
    .map((level) => levelName(level, lang))
    .join(lang === "vi" ? "; " : ", ");
}

const SECTIONS: Readonly<Record<Severity, Bilingual>> = {
  error: { vi: "Lỗi phải sửa", en: "Errors to correct" },
  warning: { vi: "Nội dung cần kiểm tra lại", en: "Points to check" },
  info: { vi: "Lưu ý", en: "For your information" },
};

const LETTER_HEADS = ["A", "B", "C"];

function correctionLetter(
  record: UnitRecord,
  items: readonly CorrectionItem[],
  period: string | undefined,
  lang: Lang,
): string {
  const vi = lang === "vi";
  const where = `${record.file ? (vi ? `tệp ${record.file}, ` : `file ${record.file}, `) : ""}${vi ? "trang tính" : "sheet"} '${record.sheet}'`;
  const out: string[] = [];
  out.push(vi ? `Kính gửi: ${record.name}` : `To: ${record.name}`);
  out.push("");
  out.push(
    vi
      ? `Sở Nội vụ đã nhận phụ lục thống kê số liệu về kết quả thực hiện công tác cải cách hành chính ${periodName(period, lang)} của đơn vị (${where}). Qua kiểm tra, đề nghị đơn vị rà soát, chỉnh sửa các nội dung dưới đây và gửi lại phụ lục đã sửa:`
      : `The Department of Home Affairs has received your administrative reform statistical appendix for ${periodName(period, lang)} (${where}). Please review and correct the points below and send the corrected appendix back:`,
  );
  let section = 0;
  for (const severity of ["error", "warning", "info"] as const) {
    const own = items.filter((item) => item.severity === severity);
    if (!own.length) continue;
    out.push("");
    out.push(`${LETTER_HEADS[section++]}. ${SECTIONS[severity][lang]} (${own.length}):`);
    own.forEach((item, at) => {
      const cell = item.cell ? (vi ? `Ô ${item.cell}: ` : `Cell ${item.cell}: `) : "";
      // A finding's message already gives the value its suggestion would write ("đề xuất 44"): not repeated.
      out.push(`${at + 1}. ${cell}${item.message[lang]}`);
    });
  }
  out.push("");
  out.push(vi ? "Trân trọng./." : "Kind regards.");
  return out.join("\n");
}
