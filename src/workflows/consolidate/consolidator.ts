import type { LoadedCatalogue } from "../../domain/catalogue";
import { catalogue as defaultCatalogue, cataloguesByVersion } from "../../domain/catalogue";
import type { Lang } from "../../domain/messages";
import { validationPlan } from "../../domain/plan";
import { Aggregator } from "./aggregator";
import type { ConsolidateOptions, Consolidation, CorrectionItem, Excluded } from "./model";
import type { UnitRecord } from "./record";
import { BLANK, localCell, NOT_APPLICABLE, UNREADABLE, VALUE } from "./record";
import { ConsolidationError, nameList, unitKey } from "./names";
import type { UnitAppendix } from "./units";

// The consolidator: units in, one at a time, one consolidation out.

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
