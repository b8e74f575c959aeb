import type { Aggregation, Level, ValueKind } from "../catalogue";

// The layout of a form definition workbook (DESIGN.md section 11), as data: the sheets, their Vietnamese headers and
// the words their cells take. The reader (definition.ts) and the export (definition-export.ts) both read it, so a
// header or a word is written once.

/** The sheets of a definition workbook, by what they hold. */
export const DEFINITION_SHEETS = {
  form: "Mẫu",
  roles: "Vai trò",
  rows: "Chỉ tiêu",
  rules: "Quy tắc",
} as const;

/** The two columns of the `Mẫu` sheet. */
export const FORM_HEADERS = { key: "khóa", value: "giá trị" } as const;

/** The keys of the `Mẫu` sheet, by the catalogue field each fills. */
export const FORM_KEYS = {
  id: "mã mẫu",
  title: "tên",
  titleEn: "tên tiếng Anh",
  appliesFrom: "áp dụng từ",
  appliesTo: "áp dụng đến",
  levels: "cấp",
} as const;

/** The headers of the `Vai trò` sheet. */
export const ROLE_HEADERS = {
  id: "mã vai trò",
  name: "tên",
  nameEn: "tên tiếng Anh",
  patterns: "nhận biết",
  from: "áp dụng từ",
  until: "áp dụng đến",
} as const;

/** The headers of the `Chỉ tiêu` sheet, by the row field each fills, in the export's order. */
export const ROW_HEADERS = {
  code: "mã",
  printed: "in là",
  parent: "mã cha",
  block: "khối",
  label: "chỉ tiêu",
  labelEn: "chỉ tiêu tiếng Anh",
  unit: "đơn vị tính",
  unitEn: "đơn vị tính tiếng Anh",
  kind: "loại",
  codes: "giá trị cho phép",
  scope: "cấp báo cáo",
  role: "vai trò",
  aggregation: "tổng hợp",
  derived: "công thức",
  mayBeNegative: "có thể âm",
  cumulative: "lũy kế",
  plausible: "giới hạn",
  notApplicableFrom: "không áp dụng từ",
  reportWordings: "cách ghi trong báo cáo",
  carriedFrom: "chuyển từ kỳ trước",
  formNote: "ghi chú",
} as const;

/** The headers of the `Quy tắc` sheet. */
export const RULE_HEADERS = {
  id: "mã quy tắc",
  kind: "loại",
  expression: "biểu thức",
  severity: "mức độ",
  shortfall: "khi thiếu hụt",
} as const;

/**
 * Columns whose cells are codes or expressions: text, never numbers or formulas ("3.10" typed as a number is 3.1).
 * The export formats them as Text; the reader names any cell of them that holds a number or a formula.
 */
export const TEXT_HEADERS: ReadonlySet<string> = new Set([
  ROW_HEADERS.code,
  ROW_HEADERS.printed,
  ROW_HEADERS.parent,
  ROW_HEADERS.derived,
  ROW_HEADERS.carriedFrom,
  RULE_HEADERS.id,
  RULE_HEADERS.expression,
]);

/** The `khối` words. */
export const BLOCK_WORDS: Readonly<Record<string, "appendix" | "source">> = {
  "phụ lục": "appendix",
  nguồn: "source",
};

/** The `loại` words of an indicator. */
export const KIND_WORDS: Readonly<Record<string, ValueKind>> = {
  "số đếm": "count",
  "tỷ lệ": "percent",
  mã: "coded",
  "tiêu đề": "none",
};

/** The `tổng hợp` words. */
export const AGGREGATION_WORDS: Readonly<Record<string, Aggregation>> = {
  cộng: "sum",
  "tính lại": "recompute",
  "toàn tỉnh": "province",
  "thấp nhất": "lowest",
  "liệt kê": "list",
  không: "none",
};

/** The words of a level in `cấp` and `cấp báo cáo` lists (and in `giới hạn`). */
export const LEVEL_WORDS: Readonly<Record<string, Level>> = { so: "so", huyen: "huyen", xa: "xa" };

/** The `mức độ` words of a rule. */
export const SEVERITY_WORDS: Readonly<Record<string, "error" | "warning">> = {
  lỗi: "error",
  "cảnh báo": "warning",
};

/** The `khi thiếu hụt` words of a rule: what a shortfall below a total is. */
export const SHORTFALL_WORDS: Readonly<Record<string, "warning" | "info">> = {
  "cảnh báo": "warning",
  "thông tin": "info",
};

/** The word of a true flag (`có thể âm`, `lũy kế`); a blank cell is false. */
export const TRUE_WORD = "x";

/** The word of a plausible minimum in `giới hạn` ("tối thiểu -100"), beside the levels' maxima. */
export const MINIMUM_WORD = "tối thiểu";

/** What starts a report wording that counts only under its parent's line ("+ Kỳ trước chuyển qua"). */
export const UNDER_PARENT = "+ ";

/** The word in a list of `Mẫu`'s `cấp` and `cấp báo cáo` that separates items. */
export const LIST_SEPARATOR = ", ";

/** The word of a `;`-separated list (legends, limits, name patterns, report wordings). */
export const ITEM_SEPARATOR = "; ";

/** The word of `khối`, `loại`… for a value: the inverse of a words table. */
export function wordOf<T extends string>(words: Readonly<Record<string, T>>, value: T): string {
  const entry = Object.entries(words).find(([, meant]) => meant === value);
  if (!entry) throw new RangeError(`no word for ${value}`);
  return entry[0];
}
