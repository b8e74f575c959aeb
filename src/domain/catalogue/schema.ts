import { z } from "zod";
import { CODE_PATTERN } from "./code";
import { LEVELS } from "./constants";

// The task pane runs under a Content-Security-Policy without 'unsafe-eval': zod must not compile parsers with
// `new Function`, which it otherwise tries first.
z.config({ jitless: true });

/** Level of a reporting unit (cấp của đơn vị báo cáo): department, district or commune. */
export const LevelSchema = z.enum(LEVELS);
/** Level of a reporting unit. */
export type Level = z.infer<typeof LevelSchema>;

/** A text in both languages users read: Vietnamese first. */
export const BilingualSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });
/** A text in Vietnamese and English. */
export type Bilingual = z.infer<typeof BilingualSchema>;

/**
 * What a value cell holds: a count (whole number ≥ 0), a percentage, a code from a legend, or nothing at all
 * (section and group rows).
 */
export const ValueKindSchema = z.enum(["count", "percent", "coded", "none"]);
/** What a value cell holds. */
export type ValueKind = z.infer<typeof ValueKindSchema>;

/** One entry of a coded row's legend, e.g. "Không = 0". */
export const CodeOptionSchema = z.object({ value: z.number().int().min(0), label: BilingualSchema });
/** One entry of a coded row's legend. */
export type CodeOption = z.infer<typeof CodeOptionSchema>;

/**
 * A derived percentage: (Σ plus − Σ minus) / Σ denominator, as a live formula in the value cell (`(a + b) / (c + d)`).
 * Every code named here is an indicator or a source row of the same catalogue.
 */
export const DerivedSchema = z.object({
  plus: z.array(z.string()).min(1),
  minus: z.array(z.string()).default([]),
  denominator: z.array(z.string()).min(1),
});
/** A derived percentage's definition. */
export type Derived = z.infer<typeof DerivedSchema>;

/**
 * How consolidation treats an indicator: summed counts, recomputed rates, a value reported once for the whole
 * province by one office, the lowest status, or a list per unit that is never aggregated.
 */
export const AggregationSchema = z.enum(["sum", "recompute", "province", "lowest", "list", "none"]);
/** How consolidation treats an indicator. */
export type Aggregation = z.infer<typeof AggregationSchema>;

/** A period id: a year, its first half or one of its quarters ("2025", "2025-H1", "2025-Q3"). */
export const PeriodSchema = z.string().regex(/^\d{4}(-(Q[1-4]|H1))?$/);
/** A period id. */
export type Period = z.infer<typeof PeriodSchema>;

/**
 * An office that reports a province-wide indicator once for everyone (DESIGN.md section 11, sheet `Vai trò`): its
 * id (`mã vai trò`), its name, and the name patterns that identify its unit (`nhận biết`, compared without
 * diacritics or case, as whole words). An id declared again with `from` names the office that reports it from that
 * period on, the earlier declaration ending `until` the period before (Sở Thông tin và Truyền thông, merged into Sở
 * Khoa học và Công nghệ from 1 March 2025).
 */
export const RoleDefSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: BilingualSchema,
  patterns: z.array(z.string().min(1)),
  from: PeriodSchema.optional(),
  until: PeriodSchema.optional(),
});
/** An office that reports a province-wide indicator, in the periods it does. */
export type RoleDef = z.infer<typeof RoleDefSchema>;

/** The id of a role the form declares (RoleDef.id): the office that reports a province-wide indicator. */
export type ProvinceRole = string;

/**
 * Plausible bounds of a row's value (DESIGN.md section 11, `giới hạn`): a figure outside them is possible but most
 * likely mistyped, so it gets a warning showing it, never an error. Counts in their own unit, rates in percent.
 */
export const PlausibleSchema = z.object({
  /** Plausible maximum by level of the reporting unit: "so 2000; xa 300". */
  max: z.partialRecord(LevelSchema, z.number().nonnegative()).optional(),
  /** Plausible minimum whatever the level: −100 for a reduction rate (possible after a merger, rarely right). */
  min: z.number().optional(),
});
/** Plausible bounds of a row's value. */
export type Plausible = z.infer<typeof PlausibleSchema>;

/**
 * Other wordings of a row's label in report bodies (DESIGN.md section 11, `cách ghi trong báo cáo`; section 13), for
 * reading Word reports. `anywhere` wordings name their row wherever they stand; `underParent` wordings are too short
 * to name a row alone ("Quá hạn" is late among resolved dossiers and overdue among those in progress): they count only
 * in a sub-item under the parent's line or in the parenthesis after the parent's own figure. In a definition, a
 * wording written with a leading "+ " is one of the latter.
 */
export const ReportWordingsSchema = z.object({
  anywhere: z.array(z.string().min(1)).default([]),
  underParent: z.array(z.string().min(1)).default([]),
});
/** A row's wordings in report bodies. */
export type ReportWordings = z.infer<typeof ReportWordingsSchema>;

/** One row of the form (an indicator) or of the source block beneath it. */
export const RowDefSchema = z.object({
  code: z.string().regex(CODE_PATTERN),
  printed: z.string(),
  parent: z.string().optional(),
  block: z.enum(["appendix", "source"]),
  label: BilingualSchema,
  unit: BilingualSchema.optional(),
  kind: ValueKindSchema,
  codes: z.array(CodeOptionSchema).optional(),
  scope: z.array(LevelSchema),
  /** The id of a declared role (Catalogue.roles) whose office reports the row once for the whole province. */
  role: z.string().optional(),
  aggregation: AggregationSchema,
  derived: DerivedSchema.optional(),
  mayBeNegative: z.boolean().default(false),
  cumulative: z.boolean().default(false),
  plausible: PlausibleSchema.optional(),
  formNote: z.string().optional(),
  /**
   * The first period for which the row is not expected (DESIGN.md section 11, `không áp dụng từ`): from it on a
   * blank is no missing value and the template offers no input cell. 2025-Q3 for the rows that presuppose districts.
   */
  notApplicableFrom: PeriodSchema.optional(),
  reportWordings: ReportWordingsSchema.optional(),
  /**
   * The row of the previous period whose figure this one carries over (`chuyển từ kỳ trước`): HS.1.1, the dossiers
   * carried over, equals the previous period's HS.3, those still in progress at its end. Consolidation compares them.
   */
  carriedFrom: z.string().optional(),
});
/** One row of the form or of its source block. */
export type RowDef = z.infer<typeof RowDefSchema>;

/** A linear relation between sums of values: Σ left (relation) Σ right, or Σ left ≤ a constant percentage. */
export const RelationRuleSchema = z.object({
  id: z.string(),
  kind: z.enum(["balance", "ofWhich", "stock", "order"]),
  left: z.array(z.string()).min(1),
  right: z.array(z.string()).default([]),
  rightPercent: z.number().optional(),
  relation: z.enum(["eq", "le"]),
  severity: z.enum(["error", "warning"]),
  shortfall: z.enum(["warning", "info"]).optional(),
});
/** A linear relation rule: balance, of-which, stock or order. */
export type RelationRule = z.infer<typeof RelationRuleSchema>;

/** Block B equal to block A pair by pair (a likely copy-paste). */
export const PatternRuleSchema = z.object({
  id: z.string(),
  kind: z.literal("pattern"),
  pairs: z.array(z.tuple([z.string(), z.string()])).min(1),
});
/** A copy-paste pattern rule. */
export type PatternRule = z.infer<typeof PatternRuleSchema>;

/** The whole catalogue of one template version. */
export const CatalogueSchema = z.object({
  /** The form id (`mã mẫu`), written in F1 of every appendix sheet made from it. */
  templateVersion: z.string(),
  title: BilingualSchema,
  /** The levels that report on the form (`cấp`). */
  levels: z.array(LevelSchema).min(1),
  /** The first period the form applies to (`áp dụng từ`). */
  appliesFrom: PeriodSchema,
  /** The last period the form applies to (`áp dụng đến`), when it has been replaced. */
  appliesTo: PeriodSchema.optional(),
  /** The offices that report province-wide rows; every row's `role` names one of their ids. */
  roles: z.array(RoleDefSchema).default([]),
  rows: z.array(RowDefSchema),
  relations: z.array(RelationRuleSchema),
  patterns: z.array(PatternRuleSchema),
});
/** The whole catalogue of one template version. */
export type Catalogue = z.infer<typeof CatalogueSchema>;
/** The catalogue as written in source, before zod fills defaults. */
export type CatalogueInput = z.input<typeof CatalogueSchema>;
