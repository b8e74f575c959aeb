import { decodeTcvn3 } from "../domain/tcvn3";
import type { XmlAttributes } from "../xlsx/xml";
import { readXml, SKIP_CONTENT } from "../xlsx/xml";
import { isOn, isWordNamespace, MARKUP_COMPATIBILITY, wordAttribute } from "./namespace";
import type { Numbering } from "./numbering";

// The body of word/document.xml (ECMA-376 part 1, 17) read as Word shows it: tracked insertions and moves kept,
// deletions, moved-away text and the old properties of a property change dropped (the document as it reads once
// its changes are accepted), a field's result rather than its code, hidden text left out, runs joined whatever
// Word split them at, text in a TCVN3 font (.VnTime) decoded to Unicode, and automatic numbering written out. Tables keep their grid: where each cell starts, how many columns it spans, and
// whether it continues a vertical merge (a continued cell shows nothing of its own).

/** A paragraph of the body, outside tables. */
export interface Paragraph {
  readonly kind: "paragraph";
  /** Its automatic number or bullet text as Word shows it ("1.1.", "a)"); "" when it has none. */
  readonly label: string;
  /** Its list level (w:ilvl) when numbered or bulleted, else 0. */
  readonly level: number;
  /** Whether Word puts a number or bullet before it. */
  readonly listed: boolean;
  readonly text: string;
}

/** One cell of a table row, placed on the table's grid. */
export interface TableCell {
  /** The cell's text, its numbered paragraphs' labels included, paragraphs joined by line breaks. */
  readonly text: string;
  /** The first grid column it covers (0-based, after any w:gridBefore). */
  readonly column: number;
  readonly span: number;
  /** A cell that continues a vertical merge from the row above: Word shows the merged cell's text once, above. */
  readonly continued: boolean;
}

/** One row of a table; `header` for a row Word repeats at the top of every page (w:tblHeader). */
export interface TableRow {
  readonly header: boolean;
  readonly cells: readonly TableCell[];
}

/** A table of the body; a table nested in a cell is part of that cell's text. */
export interface Table {
  readonly kind: "table";
  readonly rows: readonly TableRow[];
}

/** What the body holds, in document order. */
export type Block = Paragraph | Table;

/** Paragraph styles that number their paragraphs (w:style with w:numPr), each with the style it is based on. */
export interface ParagraphStyles {
  readonly numbering: ReadonlyMap<string, { numId?: string; level?: number; basedOn?: string }>;
}

/** Bounds on a body: a report is some hundreds of paragraphs and one table of about 150 rows. */
export interface BodyBounds {
  readonly rows: number;
  readonly columns: number;
  readonly blocks: number;
}

/** A body that asks more than its bounds. */
export class BodyTooLarge extends Error {}

/** A font of the TCVN3 (ABC) family: .VnTime, .VnArial, .VnTimeH. */
const TCVN3_FONT = /^\.vn/i;
/** TCVN3's capital fonts (.VnTimeH, .VnArialH): the same codes drawn as capitals, the only capitals most have. */
const TCVN3_CAPITAL_FONT = /^\.[vV][nN].*H$/;

/** Elements whose content Word does not show: deletions, moved-away text, field codes, text boxes. */
const DROPPED = new Set(["del", "moveFrom", "instrText", "delText", "delInstrText", "txbxContent"]);

/**
 * A tracked property change keeps the properties as they were before it (an old style or numbering, a run once
 * hidden or in a TCVN3 font, a row once a header, a cell once merged): Word shows the current ones, which are
 * around them, so the old ones are passed over unread.
 */
const FORMER_PROPERTIES = new Set([
  "pPrChange",
  "rPrChange",
  "trPrChange",
  "tcPrChange",
  "tblPrChange",
  "tblPrExChange",
  "tblGridChange",
  "sectPrChange",
  "numberingChange",
]);

/**
 * Properties nothing here reads, passed over unread: borders, shading, table and section layout, drawings, a
 * content control's settings. Office suites write them on every cell, most of a table's markup.
 */
const UNREAD = new Set([
  "tcBorders",
  "tblPr",
  "tblGrid",
  "tblBorders",
  "shd",
  "sectPr",
  "drawing",
  "pict",
  "object",
  "sdtPr",
  "tblPrEx",
]);

interface ParagraphState {
  text: string;
  numId?: string;
  level?: number;
  style?: string;
  /** Its paragraph mark is a tracked deletion (or moved away): accepted, its text begins the next paragraph. */
  markDeleted?: boolean;
}

/** The text of paragraphs whose marks are deleted, waiting for the paragraph it joins, where they stood. */
interface JoinedText {
  readonly text: string;
  readonly cell: CellState | undefined;
}

interface RunState {
  text: string;
  hidden: boolean;
  tcvn3?: "small" | "capital";
}

interface CellState {
  paragraphs: string[];
  span: number;
  vMerge?: "restart" | "continue";
  hMergeContinue: boolean;
  /** The whole cell is a tracked deletion (w:cellDel): accepted, it is gone and the cells after it move left. */
  deleted?: boolean;
}

interface RowState {
  header: boolean;
  deleted: boolean;
  column: number;
  cells: TableCell[];
}

const WORD_PREFIX = /xmlns:w\s*=\s*(["'])(.*?)\1/g;
const WORD_URIS = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);

/**
 * Empty `w:` elements nothing here reads (paragraph and cell layout, run sizes and emphasis), and border groups
 * made only of empty elements: an office suite writes them on every paragraph and cell, two thirds of the seed's
 * 370 KB of document.xml (LibreOffice), so that tokenizing them cost more than reading everything else.
 */
const UNREAD_EMPTY =
  "(?:jc|bidi|spacing|tcW|vAlign|sz|szCs|ind|b|bCs|i|iCs|lang|color|kern|rtl|cs|snapToGrid|widowControl|keepNext|keepLines|contextualSpacing|adjustRightInd|autoSpaceDE|autoSpaceDN|textAlignment|noProof|tblW|tblInd|tblLayout|tblLook|trHeight|cantSplit|jcVertical|hideMark|noWrap|tcMar|tblCellMar|gridCol|lastRenderedPageBreak|proofErr|bookmarkStart|bookmarkEnd)(?=[\\s/>])[^<>]*\\/>";
/** A border group, after its `<w:`, closed by the name captured as group `group`. */
const borders = (group: number) =>
  `(tcBorders|pBdr|tblBorders)>(?:\\s*<w:[A-Za-z]+(?:\\s[^<>]*)?\\/>)*\\s*<\\/w:\\${group}>`;
/**
 * A paragraph's style (always in pPr) that numbers no paragraph: readBody reads a style only for its numbering.
 * Only a plain name is removed (what an office suite writes, `<w:pStyle w:val="TextBody"/>`), never one of
 * `numbered`; any other is read as it is.
 */
function unnumberedStyle(numbered: readonly string[]): string {
  const plain = numbered.filter((id) => /^[A-Za-z0-9]+$/.test(id));
  return `pStyle w:val="${plain.length ? `(?!(?:${plain.join("|")})")` : ""}[A-Za-z0-9]+"\\/>`;
}

/**
 * Those elements, and the property groups (rPr, pPr, trPr, tcPr) that hold nothing else, in one expression: one
 * pass over the text, every alternative behind the one `<w:` that the engine looks for first (three passes, and
 * two alternatives each starting with its own `<w:`, took twice as long). A group that holds anything more is kept,
 * its unread elements removed one by one. With `numbered` (the styles that number paragraphs), the paragraphs'
 * other styles are removed too, and so most paragraphs' whole pPr.
 */
function unreadMarkup(numbered: readonly string[] | undefined): RegExp {
  const empty = numbered ? `${UNREAD_EMPTY}|${unnumberedStyle(numbered)}` : UNREAD_EMPTY;
  return new RegExp(
    `<w:(?:${empty}|${borders(1)}|(rPr|pPr|trPr|tcPr)>(?:\\s*<w:(?:${empty}|${borders(3)}))*\\s*<\\/w:\\2>|(?:rPr|pPr|trPr|tcPr)\\/>)`,
    "g",
  );
}

const UNREAD_MARKUP = unreadMarkup(undefined);
/** The expressions of the documents' sets of numbered styles, made once each: a few sets recur across reports. */
const STYLED_MARKUP = new Map<string, RegExp>();
const MAX_STYLED = 64;

/** The styles of `styles` that number paragraphs, themselves or by a style they are based on. */
function numberedStyles(styles: ParagraphStyles): string[] {
  const numbered: string[] = [];
  for (const id of styles.numbering.keys()) {
    const seen = new Set<string>();
    for (let style: string | undefined = id; style !== undefined && !seen.has(style);) {
      seen.add(style);
      const definition = styles.numbering.get(style);
      if (!definition) break;
      if (definition.numId !== undefined) {
        numbered.push(id);
        break;
      }
      style = definition.basedOn;
    }
  }
  return numbered.sort();
}

function styledMarkup(styles: ParagraphStyles): RegExp {
  const numbered = numberedStyles(styles);
  const key = numbered.join(" ");
  let found = STYLED_MARKUP.get(key);
  if (!found) {
    if (STYLED_MARKUP.size >= MAX_STYLED) STYLED_MARKUP.clear();
    STYLED_MARKUP.set(key, (found = unreadMarkup(numbered)));
  }
  return found;
}

/**
 * The document's XML without markup that nothing here reads, removed as text before tokenizing. Only whole empty
 * elements are removed, and only where that cannot change what is read: the prefix `w` is bound once, on the root,
 * to WordprocessingML, and the part has no comment or CDATA section (where such text would be text, not markup).
 * What is removed goes unchecked, as a subtree passed over with SKIP_CONTENT does; anything else is read as it is.
 * Given the document's `styles`, a paragraph style that numbers nothing is removed too.
 */
export function withoutUnreadMarkup(xml: string, styles?: ParagraphStyles): string {
  const pruned = xml.replace(styles ? styledMarkup(styles) : UNREAD_MARKUP, "");
  // Checked on what is left, a third of the text: what is removed holds no "<!", and a declaration of `w` in it
  // was on a removed empty element, which binds nothing else.
  if (pruned.length === xml.length || /<!/.test(pruned)) return xml;
  const declarations = [...pruned.matchAll(WORD_PREFIX)];
  const only = declarations.length === 1 ? declarations[0]! : undefined;
  if (!only || !WORD_URIS.has(only[2]!)) return xml;
  // The declaration is on the root element: no other tag opens before it.
  const root = pruned.search(/<[^?!]/);
  return root >= 0 && pruned.lastIndexOf("<", only.index) === root ? pruned : xml;
}

/**
 * Reads a document's body into blocks, numbering its paragraphs as Word lays them out; the same from the text with
 * or without what withoutUnreadMarkup removes.
 */
export function readBody(
  xml: string,
  numbering: Numbering,
  styles: ParagraphStyles,
  bounds: BodyBounds,
): Block[] {
  const blocks: Block[] = [];
  const path: string[] = [];
  const fields: ("code" | "result")[] = [];
  let paragraph: ParagraphState | undefined;
  let run: RunState | undefined;
  let inText = false;
  let tableDepth = 0;
  let rows: TableRow[] = [];
  let row: RowState | undefined;
  let cell: CellState | undefined;
  let rowCount = 0;

  const parent = () => path[path.length - 1];
  const showing = () => !fields.includes("code");

  const addText = (text: string) => {
    if (run && showing()) run.text += text;
  };

  // A style's numbering, found once: every paragraph of a document names one of a few styles.
  const styleNumbering = new Map<string, { numId?: string; level?: number }>();
  const numberOf = (state: ParagraphState): { numId?: string; level: number } => {
    if (state.numId !== undefined) return { numId: state.numId, level: state.level ?? 0 };
    if (state.style === undefined) return { level: 0 };
    let numbered = styleNumbering.get(state.style);
    if (!numbered) styleNumbering.set(state.style, (numbered = styleNumberOf(state.style)));
    return numbered.numId === undefined
      ? { level: 0 }
      : { numId: numbered.numId, level: state.level ?? numbered.level ?? 0 };
  };
  const styleNumberOf = (first: string): { numId?: string; level?: number } => {
    let style: string | undefined = first;
    const seen = new Set<string>();
    while (style !== undefined && !seen.has(style)) {
      seen.add(style);
      const definition = styles.numbering.get(style);
      if (!definition) break;
      if (definition.numId !== undefined) return { numId: definition.numId, level: definition.level };
      style = definition.basedOn;
    }
    return {};
  };

  // Text of paragraphs whose marks are deleted, until the paragraph that follows them in the same place.
  let joined: JoinedText | undefined;
  // The paragraph marks' properties, on every paragraph, are read only in a document with tracked deletions (or
  // whose prefix for WordprocessingML is not `w`): the others' are passed over, as they hold nothing read here.
  const marksMayBeDeleted = !xml.includes("<w:") || /<w:(?:del|moveFrom)[\s>/]/.test(xml);

  const endParagraph = (state: ParagraphState) => {
    const { numId, level } = numberOf(state);
    const listed = numId !== undefined && numId !== "0";
    const label = listed ? numbering.next(numId, level) : "";
    const text = state.text;
    if (cell) {
      cell.paragraphs.push(label && text ? `${label} ${text}` : label || text);
      return;
    }
    if (tableDepth > 0) return;
    if (blocks.length >= bounds.blocks) throw new BodyTooLarge(`more than ${bounds.blocks} paragraphs`);
    blocks.push({ kind: "paragraph", label, level: listed ? level : 0, listed, text });
  };

  /**
   * Text whose paragraph marks are deleted with no paragraph after them in their place (the end of a cell, a table
   * or the body, which Word does not join across): a paragraph of its own, unnumbered.
   */
  const flushJoined = () => {
    if (!joined) return;
    const { text, cell: place } = joined;
    joined = undefined;
    if (place) place.paragraphs.push(text);
    else if (tableDepth === 0) {
      if (blocks.length >= bounds.blocks) throw new BodyTooLarge(`more than ${bounds.blocks} paragraphs`);
      blocks.push({ kind: "paragraph", label: "", level: 0, listed: false, text });
    }
  };

  readXml(xml, {
    open(uri: string, local: string, attributes: XmlAttributes) {
      if (uri === MARKUP_COMPATIBILITY) {
        path.push(`mc:${local}`);
        // AlternateContent offers the same content twice: the choice is read, its fallback copy is not.
        return local === "Fallback" ? SKIP_CONTENT : undefined;
      }
      if (!isWordNamespace(uri)) {
        path.push("");
        return;
      }
      const above = parent();
      path.push(local);
      // Nothing Word does not show is read, not even its paragraphs (a text box's are not the body's).
      if (DROPPED.has(local)) {
        if (local === "del" && above === "trPr" && row) row.deleted = true;
        // The paragraph mark's properties (pPr's rPr) say whether the mark itself was deleted or moved away.
        if (above === "rPr" && path[path.length - 3] === "pPr" && paragraph) paragraph.markDeleted = true;
        return SKIP_CONTENT;
      }
      if (UNREAD.has(local) || FORMER_PROPERTIES.has(local)) return SKIP_CONTENT;
      if (local === "rPr" && above === "pPr" && !marksMayBeDeleted) return SKIP_CONTENT;
      switch (local) {
        case "p":
          if (joined && joined.cell !== cell) flushJoined();
          paragraph = { text: joined?.text ?? "" };
          joined = undefined;
          break;
        case "pStyle":
          if (paragraph && above === "pPr") paragraph.style = wordAttribute(attributes, "val");
          break;
        case "numId":
          if (paragraph && above === "numPr") paragraph.numId = wordAttribute(attributes, "val");
          break;
        case "ilvl":
          if (paragraph && above === "numPr") paragraph.level = Number(wordAttribute(attributes, "val") ?? 0);
          break;
        case "r":
          run = { text: "", hidden: false };
          break;
        case "vanish":
          if (run && above === "rPr") run.hidden = isOn(attributes);
          break;
        case "rFonts":
          if (run && above === "rPr") {
            const font = [wordAttribute(attributes, "ascii"), wordAttribute(attributes, "hAnsi")].find(
              (name) => name !== undefined && TCVN3_FONT.test(name),
            );
            run.tcvn3 = font === undefined ? undefined : TCVN3_CAPITAL_FONT.test(font) ? "capital" : "small";
          }
          break;
        case "t":
          inText = above === "r";
          break;
        case "tab":
          if (above === "r") addText("\t");
          break;
        case "br":
        case "cr":
          if (above === "r") addText("\n");
          break;
        case "noBreakHyphen":
          if (above === "r") addText("-");
          break;
        case "fldChar": {
          const type = wordAttribute(attributes, "fldCharType");
          if (type === "begin") fields.push("code");
          else if (type === "separate" && fields.length) fields[fields.length - 1] = "result";
          else if (type === "end") fields.pop();
          break;
        }
        case "tbl":
          if (joined && !joined.cell && tableDepth === 0) flushJoined();
          tableDepth++;
          if (tableDepth === 1) rows = [];
          break;
        case "tr":
          if (tableDepth === 1) row = { header: false, deleted: false, column: 0, cells: [] };
          break;
        case "gridBefore":
          if (row && tableDepth === 1) row.column += Number(wordAttribute(attributes, "val") ?? 0) || 0;
          break;
        case "tblHeader":
          if (row && tableDepth === 1 && above === "trPr") row.header = isOn(attributes);
          break;
        case "tc":
          if (tableDepth === 1) cell = { paragraphs: [], span: 1, hMergeContinue: false };
          break;
        case "gridSpan":
          if (cell && tableDepth === 1 && above === "tcPr") {
            cell.span = Math.max(1, Number(wordAttribute(attributes, "val") ?? 1) || 1);
          }
          break;
        case "vMerge":
          if (cell && tableDepth === 1 && above === "tcPr") {
            cell.vMerge = wordAttribute(attributes, "val") === "restart" ? "restart" : "continue";
          }
          break;
        case "hMerge":
          if (cell && tableDepth === 1 && above === "tcPr") {
            cell.hMergeContinue = wordAttribute(attributes, "val") === "continue";
          }
          break;
        // A tracked insertion of the cell (w:cellIns) needs nothing: an inserted cell is read as any other.
        case "cellDel":
          if (cell && tableDepth === 1 && above === "tcPr") cell.deleted = true;
          break;
      }
    },
    close(uri: string, local: string) {
      path.pop();
      if (!isWordNamespace(uri)) return;
      switch (local) {
        case "t":
          inText = false;
          break;
        case "r":
          if (run && paragraph && !run.hidden && run.text) {
            const text = run.tcvn3 ? decodeTcvn3(run.text) : run.text;
            paragraph.text += run.tcvn3 === "capital" ? text.toUpperCase() : text;
          }
          run = undefined;
          break;
        case "p":
          if (paragraph?.markDeleted) joined = { text: paragraph.text, cell };
          else if (paragraph) endParagraph(paragraph);
          paragraph = undefined;
          break;
        case "tc":
          if (cell && row && tableDepth === 1) {
            if (joined?.cell === cell) flushJoined();
            if (cell.deleted) {
              cell = undefined;
              break;
            }
            const text = cell.paragraphs.join("\n").trim();
            const previous = row.cells[row.cells.length - 1];
            if (cell.hMergeContinue && previous) {
              row.cells[row.cells.length - 1] = { ...previous, span: previous.span + cell.span };
            } else if (row.column < bounds.columns) {
              row.cells.push({
                text,
                column: row.column,
                span: cell.span,
                continued: cell.vMerge === "continue",
              });
            }
            row.column += cell.span;
            cell = undefined;
          }
          break;
        case "tr":
          if (row && tableDepth === 1) {
            if (!row.deleted) {
              if (++rowCount > bounds.rows) throw new BodyTooLarge(`more than ${bounds.rows} table rows`);
              rows.push({ header: row.header, cells: row.cells });
            }
            row = undefined;
          }
          break;
        case "tbl":
          tableDepth--;
          if (tableDepth === 0) {
            if (blocks.length >= bounds.blocks) throw new BodyTooLarge(`more than ${bounds.blocks} blocks`);
            blocks.push({ kind: "table", rows });
          }
          break;
      }
    },
    text(text: string) {
      if (inText) addText(text);
    },
  });
  flushJoined();
  return blocks;
}

/** Reads the paragraph styles of word/styles.xml that carry numbering, or none when the part is absent. */
export function readStyles(xml: string | undefined): ParagraphStyles {
  const numbering = new Map<string, { numId?: string; level?: number; basedOn?: string }>();
  if (xml === undefined) return { numbering };
  let current: { numId?: string; level?: number; basedOn?: string } | undefined;
  const path: string[] = [];
  readXml(xml, {
    open(uri, local, attributes) {
      const above = path[path.length - 1];
      path.push(isWordNamespace(uri) ? local : "");
      if (!isWordNamespace(uri)) return;
      if (local === "style") {
        current = {};
        numbering.set(wordAttribute(attributes, "styleId") ?? "", current);
      } else if (current && local === "basedOn") current.basedOn = wordAttribute(attributes, "val");
      else if (current && above === "numPr" && local === "numId")
        current.numId = wordAttribute(attributes, "val");
      else if (current && above === "numPr" && local === "ilvl")
        current.level = Number(wordAttribute(attributes, "val") ?? 0);
    },
    close(uri, local) {
      path.pop();
      if (isWordNamespace(uri) && local === "style") current = undefined;
    },
  });
  return { numbering };
}
