import type { Bilingual, Level, LoadedCatalogue, ProvinceRole } from "../../domain/catalogue";
import type { FormRegistry } from "../../domain/catalogue";
import type { FormKey } from "../../domain/catalogue";
import { BUILT_IN_FORMS, formKeyText, parseFormKey } from "../../domain/catalogue";
import { SEVERITY_ORDER } from "../../domain/findings";
import { errorText, findingMessage, renderText } from "../../domain/messages";
import { validationPlan } from "../../domain/plan";
import { Aggregator } from "./aggregator";
import { compareForms, relaid } from "./forms";
import type {
  ConsolidateOptions,
  Consolidation,
  ConsolidationIssue,
  CorrectionItem,
  Excluded,
} from "./model";
import type { UnitRecord } from "./record";
import { BLANK, localCell, NOT_APPLICABLE, UNREADABLE, VALUE } from "./record";
import type { RoleMap } from "./names";
import { cleanName, ConsolidationError, defaultRole, unitKey } from "./names";
import type { UnitAppendix } from "./units";

// The consolidator: units in, one at a time, one consolidation out.

/**
 * Builds a consolidation one unit at a time, keeping only each unit's numbers: the CLI adds units as it reads
 * files and never holds more than one workbook. `consolidate` is the one-call form.
 */
export class Consolidator {
  private known: FormRegistry;
  private readonly records: UnitRecord[] = [];
  /** Records of hidden sheets, summed with a warning. */
  private readonly hidden = new Set<UnitRecord>();
  /** Every F1 met, with where: what a refusal of mixed versions lists. */
  private readonly versions = new Map<string, string[]>();
  /** F1 texts of forms this consolidation cannot read. */
  private readonly unknown = new Set<string>();
  /** The forms the units follow, in the order met. */
  private readonly groups: FormGroup[] = [];
  private readonly byKey = new Map<string, FormGroup>();
  /** Each catalogue met to its form: a file's carried definition is a catalogue of its own, held weakly. */
  private readonly byCatalogue = new WeakMap<LoadedCatalogue, FormGroup>();
  private readonly excluded: Excluded[] = [];

  constructor(private readonly options: ConsolidateOptions) {
    this.known = options.forms ?? BUILT_IN_FORMS;
  }

  /** The forms the units added may follow: those given, and those the files read so far carry. */
  get forms(): FormRegistry {
    return this.known;
  }

  /**
   * Reads the units added from now on against `forms`: the registry given with the forms a file carries (its
   * `_cchc_mau` sheet) added, which a host learns only as it reads each file. A unit that comes with the catalogue
   * it was read by (readUnits gives it) needs none of them.
   */
  useForms(forms: FormRegistry): void {
    this.known = forms;
  }

  /**
   * Adds one unit's appendix, under the form it follows (its own catalogue, else the one the registry finds for
   * its F1); a unit of a form this consolidation cannot read is kept for the version check (see result). A very
   * hidden sheet's appendix is kept out with a line saying so (Excel shows it to no one, so nobody has checked it).
   */
  add(unit: UnitAppendix): void {
    const appendix = unit.appendix;
    const version = appendix.templateVersion ?? this.forms.default.templateVersion;
    this.noteVersion(version, unit.file, appendix.sheet);
    const catalogue =
      unit.catalogue ?? (appendix.templateVersion ? this.forms.get(version) : this.forms.default);
    if (!catalogue) {
      this.unknown.add(version);
      return;
    }
    const key = appendix.templateVersion ? parseFormKey(appendix.templateVersion) : undefined;
    const group = this.groupOf(catalogue, key?.hash !== undefined ? key : undefined);
    const record = this.compact(unit, catalogue, group);
    if (unit.visibility === "veryHidden") {
      this.excluded.push({
        ...(record.file !== undefined ? { file: record.file } : {}),
        sheet: record.sheet,
        reason: veryHiddenReason(record.name),
      });
      return;
    }
    group.units++;
    if (unit.visibility === "hidden") this.hidden.add(record);
    this.records.push(record);
  }

  /**
   * The form of a unit: by its definition's id and hash when F1 carries one, else by its catalogue (a built-in
   * form, or a registry's default for sheets typed by hand). A hand-typed sheet read by a definition and a sheet
   * that names the same definition are one form: their catalogue is the same.
   */
  private groupOf(catalogue: LoadedCatalogue, hashed: FormKey | undefined): FormGroup {
    const text = hashed ? formKeyText(hashed) : catalogue.templateVersion;
    let group =
      (hashed ? this.byKey.get(text) : undefined) ??
      this.byCatalogue.get(catalogue) ??
      (hashed ? undefined : this.byKey.get(text));
    if (!group) {
      group = { key: text, id: catalogue.templateVersion, catalogue, units: 0, places: [] };
      this.groups.push(group);
    } else if (hashed && group.key !== text && group.key === group.id) {
      group.key = text;
    }
    this.byKey.set(group.key, group);
    this.byCatalogue.set(catalogue, group);
    return group;
  }

  /** Records an appendix sheet of a template version this tool cannot read, for the version check. */
  addUnknownVersion(version: string, file: string | undefined, sheet: string): void {
    this.noteVersion(version, file, sheet);
    this.unknown.add(version);
  }

  private noteVersion(version: string, file: string | undefined, sheet: string): void {
    const where = `${file ? `${file} ` : ""}'${sheet}'`;
    const seen = this.versions.get(version);
    if (seen) seen.push(where);
    else this.versions.set(version, [where]);
  }

  /** Records a file or sheet that is not consolidated (unreadable, no appendix, a summary), with the reason. */
  addExcluded(excluded: Excluded): void {
    this.excluded.push(excluded);
  }

  /** How many units have been added. */
  get size(): number {
    return this.records.length;
  }

  private compact(unit: UnitAppendix, catalogue: LoadedCatalogue, group: FormGroup): UnitRecord {
    const { appendix, validation } = unit;
    const rows = catalogue.valueRows;
    const amounts: (number | undefined)[] = new Array<number | undefined>(rows.length).fill(undefined);
    const states = new Uint8Array(rows.length);
    const sheetRows = new Uint32Array(rows.length);
    // What the engine read is what is summed: the same amounts its rules checked, a derived cell whose formula
    // was never calculated (a file a tool wrote) holding its recomputed value.
    const plan = validationPlan(catalogue);
    rows.forEach((row, at) => {
      const located = appendix.cells.get(row.code);
      if (located) sheetRows[at] = located.row;
      const atRow = plan.indexOf.get(row.code)!;
      const amount = validation.amounts[atRow];
      const reading = validation.readings[atRow]!;
      amounts[at] = amount;
      states[at] =
        amount !== undefined
          ? VALUE
          : reading.state === "na"
            ? NOT_APPLICABLE
            : reading.state === "unreadable"
              ? UNREADABLE
              : BLANK;
    });
    const shown = appendix.unit === undefined ? "" : cleanName(appendix.unit);
    const named = shown !== "";
    const name = named ? shown : `${unit.file ? `${unit.file} ` : ""}'${appendix.sheet}'`;
    const items: CorrectionItem[] = validation.findings.map((finding) => {
      // The completeness finding names every blank row in its message; its first cell is no place to go.
      const cell = finding.kind === "incomplete" ? undefined : localCell(finding.cells[0]);
      // Messages are rendered now, as plain text: a finding's message is rendered when first read, and until
      // then holds the whole validation of its sheet, which the consolidation must not keep for every unit.
      return {
        severity: finding.severity,
        ...(cell ? { cell } : {}),
        message: rendered(finding.message),
        ...(finding.suggestion ? { suggestion: rendered(finding.suggestion.display) } : {}),
      };
    });
    const role = named ? this.roleOf(name, appendix.level, appendix.period, catalogue) : undefined;
    return {
      // Of a form carried by every file, one catalogue is kept: the first met, alike in content (same hash).
      catalogue: group.catalogue,
      form: group.key,
      name,
      key: named ? unitKey(name) : `\u0000${name}`,
      named,
      ...(unit.file !== undefined ? { file: unit.file } : {}),
      sheet: appendix.sheet,
      ...(unit.source ? { source: unit.source } : {}),
      ...(appendix.level ? { level: appendix.level } : {}),
      ...(appendix.period ? { period: appendix.period } : {}),
      ...(role ? { role } : {}),
      verdict: validation.verdict,
      counts: validation.counts,
      failedRules: validation.rules.filter((rule) => rule.failed > 0).map((rule) => rule.rule),
      amounts,
      states,
      rows: sheetRows,
      notes: [...(unit.notes ?? [])],
      items,
      included: true,
    };
  }

  /** The role set for a unit (null: none), else the one its name suggests in its period (defaultRole). */
  private roleOf(
    name: string,
    level: Level | undefined,
    period: string | undefined,
    catalogue: LoadedCatalogue,
  ): ProvinceRole | undefined {
    const chosen = this.options.roles.get(unitKey(name));
    return chosen === undefined ? defaultRole(name, level, period, catalogue.roles) : (chosen ?? undefined);
  }

  /**
   * The consolidation of every unit added. Throws ConsolidationError "mixed_versions" when some appendices follow
   * a form this consolidation cannot read and others another one, "mixed_definitions" when they follow two
   * definitions of one form id, "unknown_version" when none can be read, "no_units" when there is none. Units of
   * different forms are summed on the rows their forms declare alike, laid out by the form most of them follow (the
   * first met on a tie): which file comes first is the order of their names, chance, while the form most units
   * report on is the province's current one, as the period consolidated is the one most appendices state.
   */
  result(): Consolidation {
    if (this.unknown.size > 0 && this.versions.size > 1) throw mixedVersionsError(this.versions);
    // A form whose every sheet is very hidden has nothing summed: it neither leads nor is compared.
    const used = this.groups.filter((group) => group.units > 0);
    this.checkDefinitions(used);
    const [lead, ...others] = (used.length ? used : this.groups.slice(0, 1)).sort(
      (a, b) => b.units - a.units,
    );
    if (!lead) {
      const [version] = [...this.versions.keys()];
      if (version !== undefined) {
        throw new ConsolidationError("unknown_version", renderText("error_unknown_version", { version }));
      }
      throw new ConsolidationError("no_units", renderText("error_no_units", {}));
    }
    const catalogue = lead.catalogue;
    const refused: Excluded[] = [];
    let records = this.ofThePeriod(refused);
    const compared = others.length ? compareForms(lead, others, majorityPeriod(records)) : undefined;
    if (compared) records = this.relaidOn(records, catalogue, compared.common);
    markDuplicates(records);
    const roles: RoleMap = new Map(
      records.flatMap((record) => (record.role && record.named ? [[record.key, record.role]] : [])),
    );
    const options = { ...this.options, roles };
    const forms = [lead, ...others].map((group) => ({ key: group.key, units: group.units }));
    const result = new Aggregator(catalogue, records, options, [...this.excluded, ...refused], {
      forms,
      ...(compared ? { compared } : {}),
    }).run();
    const hidden = records
      .filter((record) => this.hidden.has(record))
      .map((record) => hiddenIssue(record, catalogue));
    if (!hidden.length) return result;
    const issues = [...result.issues, ...hidden].sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    );
    return { ...result, issues };
  }

  /** Two definitions under one form id (a province's form changed, F1's hash tells them apart) are never summed. */
  private checkDefinitions(groups: readonly FormGroup[]): void {
    const byId = new Map<string, FormGroup[]>();
    for (const group of groups) byId.set(group.id, [...(byId.get(group.id) ?? []), group]);
    for (const [id, same] of byId) {
      if (same.length < 2) continue;
      for (const record of this.records) {
        const group = this.byCatalogue.get(record.catalogue);
        if (group?.id === id) group.places.push(`${record.file ? `${record.file} ` : ""}'${record.sheet}'`);
      }
      throw new ConsolidationError(
        "mixed_definitions",
        errorText("mixed_definitions", {
          id,
          hashes: same.map((group) => (group.key === id ? "" : group.key.slice(id.length + 1))),
          counts: same.map((group) => group.places.length),
          places: same.flatMap((group) => group.places),
        }),
      );
    }
  }

  /** The records of other forms than the lead laid on its rows (relaid); the lead's own unchanged. */
  private relaidOn(
    records: readonly UnitRecord[],
    lead: LoadedCatalogue,
    common: ReadonlySet<string>,
  ): UnitRecord[] {
    return records.map((record) => {
      if (record.catalogue === lead) return record;
      const moved = relaid(record, lead, common);
      if (this.hidden.has(record)) this.hidden.add(moved);
      return moved;
    });
  }

  /**
   * The records of the consolidated period (the one most appendices state, the later one on a tie); the others
   * are kept out, each with a line saying so in `refused`, unless `allowOtherPeriods`. Appendices that state no
   * period stay in.
   */
  private ofThePeriod(refused: Excluded[]): UnitRecord[] {
    if (this.options.allowOtherPeriods) return this.records;
    const period = majorityPeriod(this.records);
    if (period === undefined) return this.records;
    return this.records.filter((record) => {
      if (record.period === undefined || record.period === period) return true;
      refused.push({
        ...(record.file !== undefined ? { file: record.file } : {}),
        sheet: record.sheet,
        reason: otherPeriodReason(record, period, this.options.host ?? "cli"),
        inSummary: otherPeriodReason(record, period, "sheet"),
      });
      return false;
    });
  }
}

/** A form the units follow: F1's text of its sheets, its id, its catalogue, and the units that follow it. */
interface FormGroup {
  key: string;
  readonly id: string;
  readonly catalogue: LoadedCatalogue;
  units: number;
  /** Where its units are, gathered only for a refusal. */
  readonly places: string[];
}

function rendered(message: Bilingual): Bilingual {
  return { vi: message.vi, en: message.en };
}

/** The period most records state; on a tie the later one (an old appendix sent again is the likelier mistake). */
function majorityPeriod(records: readonly UnitRecord[]): string | undefined {
  const counts = new Map<string, number>();
  for (const record of records) {
    if (record.period !== undefined) counts.set(record.period, (counts.get(record.period) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || periodOrder(b[0]) - periodOrder(a[0]));
  return ranked[0]?.[0];
}

/** A period id's place in time, by the day it ends: "2021-Q3" before "2021" (the year ends last). */
function periodOrder(period: string): number {
  const match = /^(\d{4})(?:-(Q[1-4]|H1))?$/.exec(period);
  if (!match) return 0;
  const ends = { Q1: 3, Q2: 6, Q3: 9, Q4: 12, H1: 6 } as const;
  const part = match[2] as keyof typeof ends | undefined;
  return Number(match[1]) * 12 + (part ? ends[part] : 12);
}

/**
 * The same appendix sent twice (a file copied, a sheet and its file) is counted once; two different appendices
 * under one name are both counted, and the consolidation says so as an error.
 */
function markDuplicates(records: readonly UnitRecord[]): void {
  const byKey = new Map<string, UnitRecord>();
  for (const record of records) {
    const earlier = byKey.get(record.key);
    if (earlier) {
      record.duplicateOf = earlier;
      record.included = !sameNumbers(earlier, record);
    } else {
      byKey.set(record.key, record);
    }
  }
}

function otherPeriodReason(record: UnitRecord, period: string, where: "cli" | "pane" | "sheet"): Bilingual {
  return renderText("excluded_other_period", {
    unit: record.name,
    period: record.period ?? "",
    expected: period,
    where,
  });
}

function veryHiddenReason(name: string): Bilingual {
  return renderText("excluded_very_hidden", { unit: name });
}

function hiddenIssue(record: UnitRecord, catalogue: LoadedCatalogue): ConsolidationIssue {
  const kind = "hidden_sheet";
  const params = {
    unit: record.name,
    sheet: record.sheet,
    ...(record.file !== undefined ? { file: record.file } : {}),
  };
  return {
    severity: "warning",
    kind,
    unit: record.name,
    codes: [],
    params,
    message: findingMessage({ kind, params, codes: [] }, catalogue.byCode),
  };
}

function sameNumbers(a: UnitRecord, b: UnitRecord): boolean {
  if (a.amounts.length !== b.amounts.length) return false;
  for (let at = 0; at < a.amounts.length; at++) {
    if (a.states[at] !== b.states[at] || a.amounts[at] !== b.amounts[at]) return false;
  }
  return true;
}

/** The error for appendices of different template versions, listing where each version was found. */
export function mixedVersionsError(versions: ReadonlyMap<string, readonly string[]>): ConsolidationError {
  return new ConsolidationError(
    "mixed_versions",
    errorText("mixed_versions", {
      versions: [...versions.keys()],
      counts: [...versions.values()].map((where) => where.length),
      places: [...versions.values()].flat(),
    }),
  );
}

/** Consolidates the units' appendices into the province's summary (see Consolidator). */
export function consolidate(units: readonly UnitAppendix[], options: ConsolidateOptions): Consolidation {
  const consolidator = new Consolidator(options);
  for (const unit of units) consolidator.add(unit);
  return consolidator.result();
}
