import type { Bilingual } from "../catalogue";

// The stamp's texts that a check says at once in both languages: the pane words its note on a refused stamp in
// Vietnamese and English when the check ends, before it has fetched either language's message templates (which come
// after the first verdict), so these are plain texts, like the Office errors they wrap (src/excel/errors.ts).

/** A text that may end without a stop (a host's reason) as a sentence of its own, ending with one. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Why a stamp is missing when its place (`taken`, "B144:B147") holds a person's text and the host refused it below
 * (`place`), on a protected sheet whose cells there the template locked; `reason` is the host's, in each language.
 */
export function stampMovedRefused(taken: string, place: string, reason: Bilingual): Bilingual {
  return {
    vi: `ô ${taken}, chỗ dành cho dấu kiểm tra, đang có nội dung khác, nên dấu được ghi xuống ${place} và bị từ chối ở đó. ${sentence(reason.vi)} Nội dung đã nhập được giữ nguyên; muốn có dấu, hãy để trống ${taken} hoặc bỏ bảo vệ trang tính rồi kiểm tra lại.`,
    en: `${taken}, the place kept for the validation stamp, holds other content, so the stamp went to ${place} and was refused there. ${sentence(reason.en)} What was typed is kept; for a stamp, leave ${taken} empty or unprotect the sheet, then check again.`,
  };
}
