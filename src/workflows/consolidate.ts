import type { Bilingual, Level, LoadedCatalogue, ProvinceRole, RowDef } from "../domain/catalogue";
import {
  catalogue as defaultCatalogue,
  cataloguesByVersion,
  normaliseCode,
  ProvinceRoleSchema,
} from "../domain/catalogue";
import type { CellScalar, SheetGrid } from "../domain/cell";
import { isCellError, qualifiedAddress } from "../domain/cell";
import type { Ratio } from "../domain/derive";
import { isRatio, percentOf, recompute } from "../domain/derive";
import type { SheetValidation } from "../domain/engine";
import { validateAppendix } from "../domain/engine";
import type { FindingParam, SeverityCounts, Verdict } from "../domain/findings";
import { SEVERITY_ORDER } from "../domain/findings";
import { formatAmount, formatCount } from "../domain/format";
import { COLUMNS } from "../domain/layout";
import type { AppendixSheet } from "../domain/locate";
import { locateAppendix } from "../domain/locate";
import type { Lang } from "../domain/messages";
import { bilingual, labelOf, nameOf } from "../domain/messages";
import { levelLabel, periodLabel } from "../domain/meta";
import { validationPlan } from "../domain/plan";
import { readValue } from "../domain/reading";
import type { Severity } from "../domain/values";
import { isSummarySheet, SUMMARY_VERSION_ROW } from "./summary-marker";

// Consolidation (issue 5): the province's summary from the appendices of its reporting units. How each indicator is
// aggregated is declared in the catalogue (`aggregation`, `scope`, `role`), never guessed here. Units are reduced to
// their numbers as they are added, so that a thousand files cost a thousand small records, not a thousand grids.

/** The summary's marker, kept apart so that the pane's checks need not load the consolidation. */
export { isSummarySheet, SUMMARY_MARKER, SUMMARY_VERSION_ROW } from "./summary-marker";
/** A1 of the per-unit figures sheet of a summary workbook, which a later period reads back as its previous one. */
export const UNIT_FIGURES_HEADER = "Đơn vị báo cáo";

/** The count carried over from the previous period, and the count pending at its end that it must equal. */
const CARRIED_OVER = "HS.1.1";
const PENDING = "HS.3";

/** Unit names longer lists are cut at, in messages and notes. */
const NAMES_SHOWN = 5;

/** Office roles for province-wide indicators, by unit key (see unitKey). */
export type RoleMap = ReadonlyMap<string, ProvinceRole>;

/** Why a consolidation cannot be done at all; `bilingual` says it to users. */
export type ConsolidationErrorKind =
  "roles" | "mixed_versions" | "unknown_version" | "no_units" | "no_previous";

/** A consolidation that cannot be done (a bad roles file, appendices of different template versions, no unit). */
export class ConsolidationError extends Error {
  constructor(
    readonly kind: ConsolidationErrorKind,
    /** What is wrong and what to do, in Vietnamese and English. */
    readonly bilingual: Bilingual,
  ) {
    super(`${bilingual.vi} / ${bilingual.en}`);
    this.name = "ConsolidationError";
  }
}

/**
 * The key a unit is known by across files: its name in NFC, spaces collapsed, lower case. Diacritics are kept,
 * since they tell different names apart in Vietnamese ("Sở" and "Số").
 */
export function unitKey(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");
}

function lines(text: string): { line: string; number: number }[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "" && !line.startsWith("#"));
}

/**
 * Reads a roles file: one line per office, "Unit name<TAB or ;>role" with role vpubnd, snv or stttt; blank lines
 * and lines starting with # are ignored. Several names may share a role (aliases of one office). Throws
 * ConsolidationError "roles" listing every bad line.
 */
export function parseRoles(text: string): RoleMap {
  const roles = new Map<string, ProvinceRole>();
  const problems: Bilingual[] = [];
  for (const { line, number } of lines(text)) {
    const cut = Math.max(line.lastIndexOf("\t"), line.lastIndexOf(";"));
    const name = cut < 0 ? "" : line.slice(0, cut).trim();
    const roleText = cut < 0 ? "" : line.slice(cut + 1).trim();
    const role = ProvinceRoleSchema.safeParse(roleText.toLowerCase());
    if (cut < 0 || !name) {
      problems.push({
        vi: `dòng ${number}: cần "Tên đơn vị<TAB hoặc ;>vai trò", nhận được "${line}"`,
        en: `line ${number}: expected "Unit name<TAB or ;>role", got "${line}"`,
      });
    } else if (!role.success) {
      problems.push({
        vi: `dòng ${number}: vai trò "${roleText}" không hợp lệ (dùng vpubnd, snv hoặc stttt)`,
        en: `line ${number}: unknown role "${roleText}" (use vpubnd, snv or stttt)`,
      });
    } else {
      const key = unitKey(name);
      const earlier = roles.get(key);
      if (earlier && earlier !== role.data) {
        problems.push({
          vi: `dòng ${number}: "${name}" đã được gán vai trò ${earlier}`,
          en: `line ${number}: "${name}" already has the role ${earlier}`,
        });
      }
      roles.set(key, role.data);
    }
  }
  if (problems.length) {
    throw new ConsolidationError("roles", {
      vi: `Tệp vai trò không hợp lệ: ${problems.map((problem) => problem.vi).join("; ")}.`,
      en: `Invalid roles file: ${problems.map((problem) => problem.en).join("; ")}.`,
    });
  }
  return roles;
}

/** Reads the list of units expected to report: one name per line; blank lines and # comments ignored. */
export function parseExpected(text: string): string[] {
  return lines(text).map(({ line }) => line.replace(/\s+/g, " "));
}

const ROLE_NAMES: Readonly<Record<ProvinceRole, Bilingual>> = {
  vpubnd: { vi: "Văn phòng UBND tỉnh", en: "the Provincial People's Committee Office" },
  snv: { vi: "Sở Nội vụ", en: "the Department of Home Affairs" },
  stttt: { vi: "Sở Thông tin và Truyền thông", en: "the Department of Information and Communications" },
};

const LEVEL_NAMES_EN: Readonly<Record<Level, string>> = {
  so: "department",
  huyen: "district",
  xa: "commune",
};

/** The name of a level in a language: "Sở, ngành" / "department". */
export function levelName(level: Level | undefined, lang: Lang): string {
  if (level === undefined) return lang === "vi" ? "chưa rõ cấp" : "unknown level";
  return lang === "vi" ? levelLabel(level) : LEVEL_NAMES_EN[level];
}

/** The name of an office role in a language. */
export function roleName(role: ProvinceRole, lang: Lang): string {
  return ROLE_NAMES[role][lang];
}

/** A period id as users read it: "Quý III/2021"; the id itself in English ("2021-Q3"). */
export function periodName(period: string | undefined, lang: Lang): string {
  if (period === undefined) return lang === "vi" ? "chưa rõ kỳ" : "unknown period";
  return lang === "vi" ? periodLabel(period) : period;
}

/** Names for a message, the first few and a count of the rest. */
function nameList(names: readonly string[], lang: Lang, shown = NAMES_SHOWN): string {
  const head = names.slice(0, shown).join(", ");
  const rest = names.length - shown;
  if (rest <= 0) return head;
  return lang === "vi" ? `${head} và ${rest} đơn vị khác` : `${head} and ${rest} more`;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading units from sheets

/** One reporting unit's appendix as located on its sheet, with its validation and the notes of its rows. */
export interface UnitAppendix {
  readonly appendix: AppendixSheet;
  readonly validation: SheetValidation;
  /** The file it came from, as users name it (a base name). */
  readonly file?: string;
  /** Column E of each row that has one, by code; the template's own printed notes excluded. */
  readonly notes?: ReadonlyMap<string, string>;
}

/** What a workbook holds for a consolidation. */
export interface WorkbookUnits {
  readonly units: UnitAppendix[];
  /** Summary sheets (F1 = SUMMARY_MARKER): never summed again. */
  readonly summaries: string[];
  /** Sheets holding no appendix. */
  readonly skipped: string[];
  /** Appendix sheets of a template version this tool does not know. */
  readonly unknownVersions: { readonly sheet: string; readonly version: string }[];
}

function cellText(value: CellScalar | undefined): string {
  if (value === null || value === undefined || isCellError(value) || value instanceof Date) return "";
  return String(value).normalize("NFC").trim();
}

/**
 * The template version of a summary's form sheet (F2), or undefined for the summary's other sheets (units,
 * requests, figures), which carry the marker in F1 too so that nothing of a summary workbook is ever summed.
 */
export function summaryVersion(grid: SheetGrid): string | undefined {
  const version = cellText(grid.cells[SUMMARY_VERSION_ROW - 1]?.[COLUMNS.key]?.value);
  return isSummarySheet(grid) && cataloguesByVersion.has(version) ? version : undefined;
}

function notesOf(grid: SheetGrid, appendix: AppendixSheet, catalogue: LoadedCatalogue): Map<string, string> {
  const notes = new Map<string, string>();
  for (const [code, located] of appendix.cells) {
    const text = cellText(grid.cells[located.row - 1]?.[COLUMNS.note]?.value);
    const printed = catalogue.byCode.get(code)?.formNote;
    if (text && text !== printed) notes.set(code, text);
  }
  return notes;
}

/**
 * Locates and validates every appendix sheet of a workbook for a consolidation: each with the catalogue of its
 * template version (the fallback for sheets typed by hand), summary sheets set aside, notes kept.
 */
export function readUnits(
  grids: readonly SheetGrid[],
  file?: string,
  fallback: LoadedCatalogue = defaultCatalogue,
): WorkbookUnits {
  const result: WorkbookUnits = { units: [], summaries: [], skipped: [], unknownVersions: [] };
  for (const grid of grids) {
    if (isSummarySheet(grid)) {
      result.summaries.push(grid.name);
      continue;
    }
    const probe = locateAppendix(grid, fallback);
    if (!probe) {
      result.skipped.push(grid.name);
      continue;
    }
    const version = probe.templateVersion;
    const catalogue = version ? cataloguesByVersion.get(version) : fallback;
    if (!catalogue) {
      result.unknownVersions.push({ sheet: grid.name, version: version ?? "" });
      continue;
    }
    const appendix = catalogue === fallback ? probe : locateAppendix(grid, catalogue);
    if (!appendix) continue;
    result.units.push({
      appendix,
      validation: validateAppendix(appendix, catalogue),
      ...(file !== undefined ? { file } : {}),
      notes: notesOf(grid, appendix, catalogue),
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// The result

/** The province's figures of an earlier period, for the cross-period checks; amounts as values.ts defines them. */
export interface ProvinceFigures {
  readonly period?: string;
  /** Province totals by code. */
  readonly province: ReadonlyMap<string, number>;
  /** Per-unit amounts by unit key, when the earlier file has them (appendices, or a summary's figures sheet). */
  readonly units?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Options of a consolidation. */
export interface ConsolidateOptions {
  /** Which unit is which office, for province-wide indicators. */
  readonly roles: RoleMap;
  /** Names of the units expected to report. */
  readonly expected?: readonly string[];
  /** The previous period's figures, for the cross-period checks. */
  readonly previous?: ProvinceFigures;
  /** The catalogue of appendices typed by hand, without a version in F1. */
  readonly catalogue?: LoadedCatalogue;
}

/** One thing to fix or check in a unit's appendix, as its correction request lists it. */
export interface CorrectionItem {
  readonly severity: Severity;
  /** Local address of the cell ("D15"), when the item has one. */
  readonly cell?: string;
  readonly message: Bilingual;
  readonly suggestion?: Bilingual;
}

/** A letter asking one unit to correct its appendix, Vietnamese first. */
export interface CorrectionRequest {
  readonly unit: string;
  readonly file?: string;
  readonly sheet: string;
  readonly items: readonly CorrectionItem[];
  readonly text: Bilingual;
}

/** A unit as the summary's unit list shows it. */
export interface UnitSummary {
  readonly unit: string;
  readonly file?: string;
  readonly sheet: string;
  readonly level?: Level;
  readonly period?: string;
  readonly role?: ProvinceRole;
  readonly verdict: Verdict;
  readonly counts: SeverityCounts;
  /** Rules that failed at least once, by id. */
  readonly failedRules: readonly string[];
  /** False for an appendix left out of the totals (a duplicate of one already counted). */
  readonly included: boolean;
  /** The unit's amounts, aligned with Consolidation.valueCodes; undefined where it holds no usable value. */
  readonly amounts: readonly (number | undefined)[];
}

/** One indicator's consolidated figure. */
export interface RowTotal {
  readonly code: string;
  readonly aggregation: RowDef["aggregation"];
  /** The province's amount; undefined stays blank (nobody reported it, or it cannot be aggregated). */
  readonly amount?: number;
  /** A recomputed rate's summed numerator and denominator, exact. */
  readonly ratio?: Ratio;
  /** Units whose values are in the figure. */
  readonly contributors: readonly string[];
  /** Units expected to report it that left it blank. */
  readonly missing: readonly string[];
  /** Units whose value could not be read (an error in their appendix). */
  readonly unreadable: readonly string[];
  /** Contributors whose appendix still has errors: the figure is marked. */
  readonly withErrors: readonly string[];
  /** Units that reported it although it is not theirs to report (another level, another office's indicator). */
  readonly ignored: readonly string[];
  /** For a province-wide indicator, the office it is taken from. */
  readonly source?: string;
  readonly notes: readonly { readonly unit: string; readonly text: string }[];
  /** What the summary's note column says about the figure. */
  readonly remark: Bilingual;
  /** Why the figure is marked, when it includes a unit with errors. */
  readonly flag?: Bilingual;
}

/** A unit's value that is listed rather than aggregated: a rate without counts, or a coded status. */
export interface NonAggregable {
  readonly unit: string;
  readonly code: string;
  readonly kind: "percent" | "coded";
  readonly amount: number;
  readonly display: Bilingual;
  readonly reason: Bilingual;
}

/** A finding of the consolidation itself: across units or periods, about the files, or about one unit. */
export interface ConsolidationIssue {
  readonly severity: Severity;
  readonly kind: string;
  readonly unit?: string;
  readonly codes: readonly string[];
  /** Qualified address of the unit's cell, when it is about one. */
  readonly cell?: string;
  readonly params: Readonly<Record<string, FindingParam>>;
  readonly message: Bilingual;
}

/** A file or sheet that was not consolidated, and why. */
export interface Excluded {
  readonly file?: string;
  readonly sheet?: string;
  readonly reason: Bilingual;
}

/** The province's summary. */
export interface Consolidation {
  readonly catalogue: LoadedCatalogue;
  readonly templateVersion: string;
  /** The period most units report for. */
  readonly period?: string;
  readonly units: readonly UnitSummary[];
  /** Codes of the value rows, in the form's order; UnitSummary.amounts follows it. */
  readonly valueCodes: readonly string[];
  /** One total per value row, in the form's order. */
  readonly totals: readonly RowTotal[];
  readonly issues: readonly ConsolidationIssue[];
  /** Expected units with no appendix. */
  readonly missingUnits: readonly string[];
  readonly requests: readonly CorrectionRequest[];
  readonly nonAggregable: readonly NonAggregable[];
  /** Summary sheets set aside, unreadable files, sheets without an appendix. */
  readonly excluded: readonly Excluded[];
  /** Some counted unit has errors, or the consolidation found an error of its own. */
  readonly hasErrors: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// The consolidator

const BLANK = 0;
const VALUE = 1;
const NOT_APPLICABLE = 2;
const UNREADABLE = 3;

/** A unit reduced to what the consolidation needs: its numbers, where they sit, and what its validation said. */
interface UnitRecord {
  readonly name: string;
  readonly key: string;
  readonly named: boolean;
  readonly file?: string;
  readonly sheet: string;
  readonly level?: Level;
  readonly period?: string;
  readonly role?: ProvinceRole;
  readonly verdict: Verdict;
  readonly counts: SeverityCounts;
  readonly failedRules: readonly string[];
  /** By value-row index. */
  readonly amounts: (number | undefined)[];
  readonly states: Uint8Array;
  /** Sheet row of each value row, 0 when the sheet lacks it. */
  readonly rows: Uint32Array;
  readonly notes: readonly (readonly [string, string])[];
  readonly items: readonly CorrectionItem[];
  included: boolean;
  duplicateOf?: UnitRecord;
}

function localCell(qualified: string | undefined): string | undefined {
  if (!qualified) return undefined;
  const local = qualified.slice(qualified.lastIndexOf("!") + 1);
  return /^[A-Z]+\d+$/.test(local) ? local : undefined;
}

/**
 * Builds a consolidation one unit at a time, keeping only each unit's numbers: the CLI adds units as it reads
 * files and never holds more than one workbook. `consolidate` is the one-call form.
 */
export class Consolidator {
  private catalogue: LoadedCatalogue | undefined;
  private readonly fallback: LoadedCatalogue;
  private readonly records: UnitRecord[] = [];
  private readonly byKey = new Map<string, UnitRecord>();
  private readonly versions = new Map<string, string[]>();
  private readonly excluded: Excluded[] = [];

  constructor(private readonly options: ConsolidateOptions) {
    this.fallback = options.catalogue ?? defaultCatalogue;
  }

  /** Adds one unit's appendix. Units of a template version other than the first are kept out (see result). */
  add(unit: UnitAppendix): void {
    const appendix = unit.appendix;
    const version = appendix.templateVersion ?? this.fallback.templateVersion;
    this.noteVersion(version, unit.file, appendix.sheet);
    const catalogue = appendix.templateVersion ? cataloguesByVersion.get(version) : this.fallback;
    if (!catalogue || (this.catalogue && catalogue !== this.catalogue)) return;
    this.catalogue = catalogue;
    const record = this.compact(unit, catalogue);
    const earlier = this.byKey.get(record.key);
    if (earlier) {
      record.duplicateOf = earlier;
      // The same appendix sent twice (a file copied, a sheet and its file) is counted once; two different
      // appendices under one name are both counted, and the consolidation says so as an error.
      record.included = !sameNumbers(earlier, record);
    } else {
      this.byKey.set(record.key, record);
    }
    this.records.push(record);
  }

  /** Records an appendix sheet of a template version this tool cannot read, for the version check. */
  addUnknownVersion(version: string, file: string | undefined, sheet: string): void {
    this.noteVersion(version, file, sheet);
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

  private compact(unit: UnitAppendix, catalogue: LoadedCatalogue): UnitRecord {
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
    const named = Boolean(appendix.unit);
    const name = appendix.unit ?? `${unit.file ? `${unit.file} ` : ""}'${appendix.sheet}'`;
    const items: CorrectionItem[] = validation.findings.map((finding) => {
      // The completeness finding names every blank row in its message; its first cell is no place to go.
      const cell = finding.kind === "incomplete" ? undefined : localCell(finding.cells[0]);
      return {
        severity: finding.severity,
        ...(cell ? { cell } : {}),
        message: finding.message,
        ...(finding.suggestion ? { suggestion: finding.suggestion.display } : {}),
      };
    });
    const role = named ? this.options.roles.get(unitKey(name)) : undefined;
    return {
      name,
      key: named ? unitKey(name) : `\u0000${name}`,
      named,
      ...(unit.file !== undefined ? { file: unit.file } : {}),
      sheet: appendix.sheet,
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

  /**
   * The consolidation of every unit added. Throws ConsolidationError "mixed_versions" when the appendices follow
   * different template versions, "unknown_version" when none can be read, "no_units" when there is none.
   */
  result(): Consolidation {
    if (this.versions.size > 1) throw mixedVersionsError(this.versions);
    const catalogue = this.catalogue;
    if (!catalogue) {
      const [version] = [...this.versions.keys()];
      if (version !== undefined) {
        throw new ConsolidationError("unknown_version", {
          vi: `Mẫu phụ lục "${version}" không được hỗ trợ, không tổng hợp được.`,
          en: `Template version "${version}" is not supported and cannot be consolidated.`,
        });
      }
      throw new ConsolidationError("no_units", {
        vi: "Không có phụ lục nào để tổng hợp.",
        en: "There is no appendix to consolidate.",
      });
    }
    return new Aggregator(catalogue, this.records, this.options, this.excluded).run();
  }
}

function sameNumbers(a: UnitRecord, b: UnitRecord): boolean {
  if (a.amounts.length !== b.amounts.length) return false;
  for (let at = 0; at < a.amounts.length; at++) {
    if (a.states[at] !== b.states[at] || a.amounts[at] !== b.amounts[at]) return false;
  }
  return true;
}

const valueIndexes = new WeakMap<LoadedCatalogue, Map<string, number>>();

function valueIndex(catalogue: LoadedCatalogue): Map<string, number> {
  let index = valueIndexes.get(catalogue);
  if (!index) {
    index = new Map(catalogue.valueRows.map((row, at) => [row.code, at]));
    valueIndexes.set(catalogue, index);
  }
  return index;
}

/** The error for appendices of different template versions, listing where each version was found. */
export function mixedVersionsError(versions: ReadonlyMap<string, readonly string[]>): ConsolidationError {
  const list = (lang: Lang) =>
    [...versions].map(([version, where]) => `${version} (${nameList(where, lang, 3)})`).join("; ");
  return new ConsolidationError("mixed_versions", {
    vi: `Không tổng hợp chung các phụ lục khác mẫu: ${list("vi")}. Đề nghị các đơn vị dùng cùng một mẫu phụ lục.`,
    en: `Appendices of different template versions cannot be consolidated together: ${list("en")}. Ask the units to use one template.`,
  });
}

/** Consolidates the units' appendices into the province's summary (see Consolidator). */
export function consolidate(units: readonly UnitAppendix[], options: ConsolidateOptions): Consolidation {
  const consolidator = new Consolidator(options);
  for (const unit of units) consolidator.add(unit);
  return consolidator.result();
}

// ---------------------------------------------------------------------------------------------------------------
// Aggregation

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

class Aggregator {
  private readonly index: Map<string, number>;
  private readonly issues: ConsolidationIssue[] = [];
  private readonly extraItems = new Map<UnitRecord, CorrectionItem[]>();
  private readonly nonAggregable: NonAggregable[] = [];
  private readonly included: UnitRecord[];
  private readonly holders = new Map<ProvinceRole, UnitRecord>();

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
              ? "Phụ lục chưa ghi cấp của đơn vị (Sở, ngành; Huyện; Xã): số liệu chưa được cộng vào các chỉ tiêu tính theo cấp."
              : "The appendix does not state the unit's level (department, district, commune): its figures are left out of the level-based totals.",
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
    const roles = new Set(
      this.catalogue.valueRows.flatMap((row) =>
        row.aggregation === "province" && row.role ? [row.role] : [],
      ),
    );
    if (this.options.roles.size === 0) {
      const codes = this.catalogue.valueRows
        .filter((row) => row.aggregation === "province")
        .map((row) => row.code);
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
      const codes = this.catalogue.valueRows
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
    return record.level !== undefined && row.scope.includes(record.level);
  }

  private total(row: RowDef): RowTotal {
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
    const remark = bilingual((lang) => {
      const vi = lang === "vi";
      const said: string[] = [];
      const lead = parts.lead?.(lang);
      if (lead) said.push(lead);
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

  /** Counts: summed over the units whose level fills the row; blanks stay out and are reported missing. */
  private sum(row: RowDef): RowTotal {
    const walk = this.walk(row, (record) => this.inScope(record, row));
    let amount: number | undefined;
    for (const { amount: value } of walk.counted) amount = (amount ?? 0) + value;
    return this.finish(row, {
      ...(amount !== undefined ? { amount } : {}),
      counted: walk.counted.map((entry) => entry.record),
      missing: walk.missing,
      unreadable: walk.unreadable,
      ignored: walk.ignored,
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
        const levels = scope.map((level) => levelName(level, lang)).join(", ");
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
      ...(amount !== undefined ? { amount } : {}),
      counted: walk.counted.map((entry) => entry.record),
      missing: walk.missing,
      unreadable: walk.unreadable,
      ignored: walk.ignored,
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
    const now = period ? periodRange(period) : undefined;
    const before = previous.period ? periodRange(previous.period) : undefined;
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

/** First and last month (counted from year 0) a period id covers. */
function periodRange(id: string): { start: number; end: number } | undefined {
  const match = /^(\d{4})(?:-(Q[1-4]|H1))?$/.exec(id);
  if (!match) return undefined;
  const year = Number(match[1]) * 12;
  const part = match[2];
  if (part === undefined) return { start: year, end: year + 11 };
  if (part === "H1") return { start: year, end: year + 5 };
  const quarter = Number(part.slice(1));
  return { start: year + (quarter - 1) * 3, end: year + quarter * 3 - 1 };
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
      const fix = item.suggestion
        ? vi
          ? ` Đề xuất: ${item.suggestion.vi}.`
          : ` Suggested: ${item.suggestion.en}.`
        : "";
      out.push(`${at + 1}. ${cell}${item.message[lang]}${fix}`);
    });
  }
  out.push("");
  out.push(vi ? "Trân trọng./." : "Kind regards.");
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
// The previous period

function amountsOfSheet(appendix: AppendixSheet, catalogue: LoadedCatalogue): Map<string, number> {
  const amounts = new Map<string, number>();
  for (const row of catalogue.valueRows) {
    const reading = readValue(row, appendix.cells.get(row.code)?.cell);
    if (reading.state === "value") amounts.set(row.code, reading.amount);
  }
  return amounts;
}

/** Rows a summary sheet's table header may sit on, below its title. */
const HEADER_ROWS_SCANNED = 5;

/** Per-unit figures from a summary's figures sheet: a header row of codes, then one row per unit. */
function unitFiguresOf(
  grid: SheetGrid,
  catalogue: LoadedCatalogue,
): Map<string, Map<string, number>> | undefined {
  const headerAt = grid.cells
    .slice(0, HEADER_ROWS_SCANNED)
    .findIndex((line) => cellText(line[0]?.value) === UNIT_FIGURES_HEADER);
  const header = grid.cells[headerAt];
  if (headerAt < 0 || !header) return undefined;
  const columns: { column: number; row: RowDef }[] = [];
  header.forEach((cell, column) => {
    const code = normaliseCode(cellText(cell?.value));
    const row = code ? catalogue.byCode.get(code) : undefined;
    if (row && row.kind !== "none") columns.push({ column, row });
  });
  if (!columns.length) return undefined;
  const units = new Map<string, Map<string, number>>();
  for (const line of grid.cells.slice(headerAt + 1)) {
    const name = cellText(line[0]?.value);
    if (!name) continue;
    const amounts = new Map<string, number>();
    for (const { column, row } of columns) {
      const reading = readValue(row, line[column]);
      if (reading.state === "value") amounts.set(row.code, reading.amount);
    }
    units.set(unitKey(name), amounts);
  }
  return units;
}

/**
 * The previous period's figures from the sheets of the file `file`, for the cross-period checks. Throws
 * ConsolidationError "no_previous" when the file holds neither a summary nor an appendix.
 */
export function previousPeriodOf(grids: readonly SheetGrid[], file: string): ProvinceFigures {
  const figures = previousFigures(grids);
  if (!figures) {
    throw new ConsolidationError("no_previous", {
      vi: `Tệp kỳ trước ${file} không có bảng tổng hợp hay phụ lục nào.`,
      en: `The previous period file ${file} holds no summary and no appendix.`,
    });
  }
  return figures;
}

/**
 * The figures of an earlier period from a workbook: a summary this tool wrote (its province figures and, when
 * present, its per-unit figures sheet), or the units' own appendices (consolidated here, per unit kept). Returns
 * undefined when the workbook holds neither.
 */
export function previousFigures(
  grids: readonly SheetGrid[],
  fallback: LoadedCatalogue = defaultCatalogue,
): ProvinceFigures | undefined {
  const summary = grids.find((grid) => isSummarySheet(grid) && summaryVersion(grid) !== undefined);
  if (summary) {
    const catalogue = cataloguesByVersion.get(summaryVersion(summary) ?? "") ?? fallback;
    const appendix = locateAppendix(summary, catalogue);
    if (appendix) {
      let units: Map<string, Map<string, number>> | undefined;
      for (const grid of grids) units ??= unitFiguresOf(grid, catalogue);
      return {
        ...(appendix.period ? { period: appendix.period } : {}),
        province: amountsOfSheet(appendix, catalogue),
        ...(units ? { units } : {}),
      };
    }
  }
  const found = readUnits(grids, undefined, fallback);
  if (!found.units.length) return undefined;
  const consolidation = consolidate(found.units, { roles: new Map(), catalogue: fallback });
  const province = new Map<string, number>();
  for (const total of consolidation.totals)
    if (total.amount !== undefined) province.set(total.code, total.amount);
  const units = new Map<string, Map<string, number>>();
  for (const unit of found.units) {
    if (!unit.appendix.unit) continue;
    const catalogue = cataloguesByVersion.get(unit.appendix.templateVersion ?? "") ?? fallback;
    units.set(unitKey(unit.appendix.unit), amountsOfSheet(unit.appendix, catalogue));
  }
  return {
    ...(consolidation.period !== undefined ? { period: consolidation.period } : {}),
    province,
    units,
  };
}
