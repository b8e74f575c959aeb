// Excel's limits on texts, and the escape OOXML gives characters XML cannot hold: shared by the exceljs host of
// the template and the summary's own streaming writer, without loading exceljs.

/**
 * Excel's limits on the texts this writer writes (Excel's "specifications and limits"; a file beyond them is one
 * Excel opens only by "repairing" it, dropping the text or the validation).
 */
export const EXCEL_TEXT_LIMITS = {
  cell: 32_767,
  sheetName: 31,
  note: 32_767,
  validationTitle: 32,
  validationMessage: 255,
  validationList: 255,
} as const;

/** A text the writer cut to one of Excel's limits, for the caller to say so. */
export interface TextCut {
  readonly sheet: string;
  /** "B3", or "" for the sheet's name. */
  readonly address: string;
  readonly kind: keyof typeof EXCEL_TEXT_LIMITS;
  /** The text's length before the cut, in UTF-16 units as Excel counts. */
  readonly length: number;
  readonly limit: number;
}

/** Told of every text cut to Excel's limits. */
export type OnTextCut = (cut: TextCut) => void;

/** `text` within `limit` UTF-16 units, ending in "…" when cut, never splitting a surrogate pair. */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
}

// What XML cannot hold (C0 controls but tab and line feed, U+FFFE, U+FFFF), the carriage return (which an XML
// parser turns into a line feed, XML 1.0 section 2.11: Excel writes it as _x000D_) and text that looks like the
// escape itself: OOXML writes all three as _xHHHH_, which Excel, exceljs and our reader decode. exceljs drops the
// first silently, lets a conformant reader change the second, and leaves the third for every reader to decode into
// another character.
const NEEDS_OOXML_ESCAPE = new RegExp(
  String.raw`_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b-\u001f\ufffe\uffff]`,
  "g",
);

/** A cell's text as OOXML stores it, so that every reader gets back exactly `text`. */
export function ooxmlText(text: string): string {
  return text.replace(NEEDS_OOXML_ESCAPE, (match) =>
    match.length > 1
      ? `_x005F${match}`
      : `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

/** Cuts texts of one sheet to Excel's limits and reports each cut. */
export class TextLimiter {
  constructor(
    private readonly sheet: string,
    private readonly onCut: OnTextCut,
  ) {}

  fit(text: string, kind: keyof typeof EXCEL_TEXT_LIMITS, address: string): string {
    const limit = EXCEL_TEXT_LIMITS[kind];
    if (text.length <= limit) return text;
    this.onCut({ sheet: this.sheet, address, kind, length: text.length, limit });
    return cutText(text, limit);
  }

  /** The text of a cell or a note: within its limit, then escaped as OOXML stores it. */
  cellText(text: string, kind: "cell" | "note", address: string): string {
    return ooxmlText(this.fit(text, kind, address));
  }

  /** Runs of rich text within one cell's limit, counted together as Excel counts them, and escaped as OOXML. */
  fitRuns<Run extends { text: string }>(runs: readonly Run[], address: string): Run[] {
    const length = runs.reduce((sum, run) => sum + run.text.length, 0);
    const limit = EXCEL_TEXT_LIMITS.cell;
    if (length <= limit) return runs.map((run) => ({ ...run, text: ooxmlText(run.text) }));
    this.onCut({ sheet: this.sheet, address, kind: "cell", length, limit });
    const kept: Run[] = [];
    let room = limit;
    for (const run of runs) {
      if (room <= 0) break;
      const text = run.text.length < room ? run.text : cutText(run.text, room);
      kept.push({ ...run, text: ooxmlText(text) });
      room -= text.length;
    }
    return kept;
  }
}
