import type { Bilingual, CodeOption, RowDef } from "./catalogue";
import { formatCount, formatPercent } from "./format";
import { vietnameseWords } from "./number-words";
import type { ReadingIssue } from "./values";

/** A language users read: Vietnamese first, English available. */
export type Lang = "vi" | "en";

/**
 * A message in both languages, rendered when first read (as zod renders its issues): a validation finds, a reader
 * asks for words. JSON shows both languages.
 */
class LazyBilingual implements Bilingual {
  readonly #render: (lang: Lang) => string;
  #vi: string | undefined;
  #en: string | undefined;
  constructor(render: (lang: Lang) => string) {
    this.#render = render;
  }
  get vi(): string {
    return (this.#vi ??= this.#render("vi"));
  }
  get en(): string {
    return (this.#en ??= this.#render("en"));
  }
  toJSON(): Bilingual {
    return { vi: this.vi, en: this.en };
  }
}

/** A message in both languages from one function of the language, rendered on first read. */
export function bilingual(render: (lang: Lang) => string): Bilingual {
  return new LazyBilingual(render);
}

/** An indicator's label as messages show it: without markup or trailing punctuation. */
export function labelOf(row: RowDef, lang: Lang): string {
  return row.label[lang].replace(/<\/?i>/g, "").replace(/[\s:.]+$/, "");
}

/** An indicator as messages name it: its label, then its code. */
export function nameOf(row: RowDef, lang: Lang): string {
  return `${labelOf(row, lang)} (${row.code})`;
}

function legendText(codes: readonly CodeOption[] | undefined, lang: Lang): string {
  return (codes ?? []).map((option) => `${option.value} = ${option.label[lang]}`).join("; ");
}

/**
 * A cell's content as a message quotes it in `lang`: a percentage as its cell shows it (150%, not the fraction
 * 1.5), a stored number in the language's notation (64,073 in Vietnamese is a decimal, as 64.073 is in English),
 * text in quotes exactly as typed.
 */
export function quotedValue(issue: ReadingIssue, lang: Lang): string {
  if (issue.shown) return formatPercent(issue.shown, lang);
  if (issue.stored !== undefined) return formatCount(issue.stored, lang);
  return `"${issue.raw}"`;
}

/**
 * The whole number a not-whole count most likely meant, asked in each language's own notation: Vietnamese groups
 * thousands with the dot a person just mistyped, so it gives the digits ungrouped and the number in words.
 */
export function meantNumber(amount: number, lang: Lang): string {
  if (lang === "en") return formatCount(amount, "en");
  const words = vietnameseWords(amount);
  return words ? `${amount} (${words})` : String(amount);
}

/**
 * Messages of value reading, by problem: `issue` carries the cell as typed or stored, `shown` the value read or
 * suggested as the message gives it.
 */
export function readingMessage(
  issue: ReadingIssue,
  row: RowDef,
  shown: string | undefined,
  lang: Lang,
): string {
  const name = nameOf(row, lang);
  const vi = lang === "vi";
  const raw = issue.raw;
  const quoted = quotedValue(issue, lang);
  switch (issue.problem) {
    case "text_number":
      return vi
        ? `${name}: "${raw}" là số được lưu dạng văn bản; đọc là ${shown}. Nên chuyển thành số.`
        : `${name}: "${raw}" is a number stored as text; read as ${shown}. Convert it to a number.`;
    case "not_whole_number": {
      const stored = issue.stored !== undefined;
      return vi
        ? `${name}: ${quoted} không phải số nguyên (có thể đã gõ dấu phân cách hàng nghìn thành dấu thập phân)${shown ? `; có phải ${shown}?` : "."}`
        : `${name}: ${stored ? quoted : `${quoted} (a decimal comma)`} is not a whole number (a thousands separator typed as a decimal point?)${shown ? `; did you mean ${shown}?` : "."}`;
    }
    case "malformed_number":
      return vi
        ? `${name}: "${raw}" không phải một số hợp lệ${shown ? `; theo số liệu cân đối, giá trị đúng có thể là ${shown}` : ""}.`
        : `${name}: "${raw}" is not a valid number${shown ? `; from its balance the value is likely ${shown}` : ""}.`;
    case "not_a_count":
      return vi
        ? `${name}: ${quoted} không phải số đếm (số nguyên không âm).`
        : `${name}: ${quoted} is not a count (a whole number of at least 0).`;
    case "not_a_percent":
      return vi ? `${name}: "${raw}" không phải tỷ lệ phần trăm.` : `${name}: "${raw}" is not a percentage.`;
    case "ambiguous_percent":
      return vi
        ? `${name}: ${quoted} không có định dạng %: là ${shown}? Hãy nhập rõ, ví dụ 100%.`
        : `${name}: ${quoted} has no % format: is it ${shown}? Type it explicitly, e.g. 100%.`;
    case "percent_out_of_range":
      return vi
        ? `${name}: ${quoted} nằm ngoài khoảng 0–100%${row.mayBeNegative ? " (tỷ lệ cắt giảm không quá 100%)" : ""}.`
        : `${name}: ${quoted} is outside 0–100%${row.mayBeNegative ? " (a reduction cannot exceed 100%)" : ""}.`;
    case "negative_reduction":
      return vi
        ? `${name}: tỷ lệ cắt giảm âm (${shown}): số hiện nay lớn hơn năm 2015. Kiểm tra lại nếu không đúng thực tế.`
        : `${name}: a negative reduction (${shown}): more now than in 2015. Check it if that is not the case.`;
    case "not_in_legend":
      return vi
        ? `${name}: ${quoted} không thuộc các giá trị cho phép (${legendText(row.codes, lang)}).`
        : `${name}: ${quoted} is not one of the allowed values (${legendText(row.codes, lang)}).`;
    case "not_a_value":
      return vi
        ? `${name}: ô chứa ${raw}, không phải giá trị của chỉ tiêu này.`
        : `${name}: the cell holds ${raw}, not a value of this indicator.`;
    case "unsafe_formula":
      return vi
        ? `${name}: ô chứa công thức lấy dữ liệu từ bên ngoài (${raw}); hãy nhập trực tiếp giá trị số.`
        : `${name}: the cell holds a formula that takes data from outside (${raw}); type the value itself.`;
    case "conflicting_rows":
      return vi
        ? `${name}: có hai dòng cùng mã với số liệu khác nhau (${raw}).`
        : `${name}: two rows carry this code with different values (${raw}).`;
    case "heading_has_value":
      return vi
        ? `${name} là dòng tiêu đề, không nhập số liệu (đang có ${quoted}).`
        : `${name} is a heading row and holds no value (it has ${quoted}).`;
  }
}
