import type { Bilingual, CodeOption, RowDef } from "./catalogue";
import type { ReadingProblem } from "./values";

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

/** Messages of value reading, by problem: `raw` is the cell as typed, `shown` the value read or suggested. */
export function readingMessage(
  problem: ReadingProblem,
  row: RowDef,
  raw: string,
  shown: string | undefined,
  lang: Lang,
): string {
  const name = nameOf(row, lang);
  const vi = lang === "vi";
  switch (problem) {
    case "text_number":
      return vi
        ? `${name}: "${raw}" là số được lưu dạng văn bản; đọc là ${shown}. Nên chuyển thành số.`
        : `${name}: "${raw}" is a number stored as text; read as ${shown}. Convert it to a number.`;
    case "not_whole_number":
      return vi
        ? `${name}: ${raw} không phải số nguyên (có thể dấu chấm được gõ làm dấu phân cách hàng nghìn); có phải ${shown}?`
        : `${name}: ${raw} is not a whole number (a dot typed as a thousands separator?); did you mean ${shown}?`;
    case "malformed_number":
      return vi
        ? `${name}: "${raw}" không phải một số hợp lệ${shown ? `; theo số liệu cân đối, giá trị đúng có thể là ${shown}` : ""}.`
        : `${name}: "${raw}" is not a valid number${shown ? `; from its balance the value is likely ${shown}` : ""}.`;
    case "not_a_count":
      return vi
        ? `${name}: "${raw}" không phải số đếm (số nguyên không âm).`
        : `${name}: "${raw}" is not a count (a whole number of at least 0).`;
    case "not_a_percent":
      return vi ? `${name}: "${raw}" không phải tỷ lệ phần trăm.` : `${name}: "${raw}" is not a percentage.`;
    case "ambiguous_percent":
      return vi
        ? `${name}: ${raw} không có định dạng %: là ${shown}? Hãy nhập rõ, ví dụ 100%.`
        : `${name}: ${raw} has no % format: is it ${shown}? Type it explicitly, e.g. 100%.`;
    case "percent_out_of_range":
      return vi ? `${name}: ${raw} nằm ngoài khoảng 0–100%.` : `${name}: ${raw} is outside 0–100%.`;
    case "negative_reduction":
      return vi
        ? `${name}: tỷ lệ cắt giảm âm (${shown}): số hiện nay lớn hơn năm 2015. Kiểm tra lại nếu không đúng thực tế.`
        : `${name}: a negative reduction (${shown}): more now than in 2015. Check it if that is not the case.`;
    case "not_in_legend":
      return vi
        ? `${name}: "${raw}" không thuộc các giá trị cho phép (${legendText(row.codes, lang)}).`
        : `${name}: "${raw}" is not one of the allowed values (${legendText(row.codes, lang)}).`;
    case "not_a_value":
      return vi
        ? `${name}: ô chứa ${raw}, không phải giá trị của chỉ tiêu này.`
        : `${name}: the cell holds ${raw}, not a value of this indicator.`;
    case "unsafe_formula":
      return vi
        ? `${name}: ô chứa công thức lấy dữ liệu từ bên ngoài (${raw}); hãy nhập trực tiếp giá trị số.`
        : `${name}: the cell holds a formula that takes data from outside (${raw}); type the value itself.`;
    case "heading_has_value":
      return vi
        ? `${name} là dòng tiêu đề, không nhập số liệu (đang có "${raw}").`
        : `${name} is a heading row and holds no value (it has "${raw}").`;
  }
}
