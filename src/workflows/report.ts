import { z } from "zod";

const BilingualSchema = z.object({ vi: z.string(), en: z.string() });

const FindingSchema = z.object({
  rule: z.string(),
  kind: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  codes: z.array(z.string()),
  cells: z.array(z.string()),
  params: z.record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.array(z.number())]),
  ),
  message: BilingualSchema,
  suggestion: z
    .object({
      code: z.string(),
      cell: z.string(),
      value: z.number(),
      formula: z.string().optional(),
      numberFormat: z.string().optional(),
      display: BilingualSchema,
    })
    .optional(),
});

const SheetReportSchema = z.object({
  sheet: z.string(),
  unit: z.string().nullable(),
  level: z.enum(["so", "huyen", "xa"]).nullable(),
  period: z.string().nullable(),
  /** The form's id (F1 without its hash): "CCHC-PL-2021", "PL-THU-2026". */
  templateVersion: z.string().nullable(),
  /** The hash of the definition a sheet was made from (F1 after "#"), null for a built-in form. */
  templateHash: z.string().nullable(),
  verdict: z.enum(["ready", "not_ready"]),
  findings: z.array(FindingSchema),
  summary: z.object({
    counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
    blankExpected: z.number().int(),
    rules: z.array(
      z.object({
        rule: z.string(),
        passed: z.number().int(),
        failed: z.number().int(),
        notEvaluated: z.number().int(),
      }),
    ),
  }),
});

/** A problem of a form definition (DESIGN.md section 11): its kind and parameters, where it is, what it says. */
const DefinitionProblemSchema = z.object({
  kind: z.string(),
  place: z.object({
    sheet: z.string(),
    row: z.number().int().optional(),
    header: z.string().optional(),
    column: z.string().optional(),
  }),
  params: z.record(z.string(), z.unknown()),
  /** Where in an expression's text (UTF-16 units), for a problem of an expression. */
  offset: z.number().int().optional(),
  length: z.number().int().optional(),
  message: BilingualSchema,
});

/** The JSON document `cchc-appendix validate --format json` prints (DESIGN.md section 6), as a schema. */
export const ValidationReportSchema = z.object({
  schema: z.literal(1),
  files: z.array(
    z.object({
      file: z.string(),
      error: z.object({ message: z.string(), messageEn: z.string().optional() }).optional(),
      sheets: z.array(SheetReportSchema),
    }),
  ),
  /**
   * A definition given with `--form` that is refused (it does not read, or has problems): then no file is
   * validated, `files` is empty and the exit code is 2.
   */
  forms: z
    .array(
      z.object({
        file: z.string(),
        error: z.object({ message: z.string(), messageEn: z.string().optional() }),
        problems: z.array(DefinitionProblemSchema),
      }),
    )
    .optional(),
});

/** The JSON report of a validation run. */
export type ValidationReport = z.infer<typeof ValidationReportSchema>;
/** One file's entry in the report. */
export type FileReport = ValidationReport["files"][number];

/** The report entry of one validated sheet (in ./sheet-report, which loads no zod). */
export { sheetReport } from "./sheet-report";
