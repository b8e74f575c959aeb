import * as zlib from "node:zlib";
import { Zip, ZipPassThrough } from "fflate";
import theme1Xml from "exceljs/lib/xlsx/xml/theme1.js";
import type { CellStyle, CellValidation, SheetSpec, SheetVisibility, SpecCell } from "../../workflows/port";
import type { OnTextCut } from "./text-limits";
import { TextLimiter } from "./text-limits";

// SheetSpecs written as an .xlsx file part by part, each row's XML deflated as soon as it is made and handed to a
// sink (the output file): a national summary (10,000 units, a million and a half cells) costs a few rows and the
// styles, never the workbook as exceljs's objects nor the zip in memory (exceljs's streaming writer keeps every part
// until the end). What a reader sees is what exceljs wrote from the same specs (applySheetSpec in template.ts): the
// same cells, styles, notes, validations, merges, columns, rows, panes and print set-up, with exceljs's rules where
// a spec leaves room (a merge's cells share the style of its first, a cell takes its column's font), so that a
// summary reads back cell for cell as before (test/cli/xlsx/summary.test.ts).

/** Where the file's bytes go, in order; awaited, so that a slow disk holds the writer back. */
export type ByteSink = (chunk: Uint8Array) => Promise<void>;

/** Deflate level of the parts: quicker than the usual 6, for a file that is rewritten each quarter, not archived. */
const LEVEL = 3;
/**
 * Characters of XML gathered before they are encoded and deflated. Each chunk is deflated on its own (NativeDeflate):
 * at 64 K characters the lost history made a national summary a fifth larger, at 256 K it is as small as one stream.
 */
const TEXT_CHUNK = 1 << 18;
/** Compressed bytes held before they are handed to the sink. */
const SINK_CHUNK = 1 << 20;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

const XML_ESCAPES: Record<string, string> = {
  '"': "&quot;",
  "&": "&amp;",
  "'": "&apos;",
  "<": "&lt;",
  ">": "&gt;",
};
// What XML 1.0 cannot hold is dropped as exceljs drops it; texts reach here already escaped as OOXML stores them
// (ooxmlText), so only a sheet's or a validation's text can still hold one.
const XML_SPECIAL = new RegExp(String.raw`["&'<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]`, "g");

/** `text` as XML text or attribute value. */
function xml(text: string): string {
  return text.replace(XML_SPECIAL, (character) => XML_ESCAPES[character] ?? "");
}

/** zlib.crc32 came with node 20.15; fflate's own sum before it. */
const nativeCrc = typeof zlib.crc32 === "function" ? zlib.crc32 : undefined;

/**
 * A part deflated by node's zlib rather than fflate's JavaScript deflate, which cost a national summary a tenth of
 * its writing: each chunk is deflated on its own and ended with a sync flush (the last with the stream's end), so
 * that the chunks joined make one deflate stream, as a ZIP member holds it.
 */
class NativeDeflate extends ZipPassThrough {
  private sum = 0;

  constructor(filename: string) {
    super(filename);
    this.compression = 8;
    // The general purpose flag's bits for a level below 6, as fflate sets them ("fast").
    (this as { flag?: number }).flag = 2;
  }

  override push(chunk: Uint8Array, final = false): void {
    if (!nativeCrc) {
      super.push(chunk, final);
      return;
    }
    this.sum = nativeCrc(chunk, this.sum);
    this.size += chunk.length;
    if (final) this.crc = this.sum;
    this.process(chunk as Uint8Array<ArrayBuffer>, final);
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    const out = zlib.deflateRawSync(chunk, {
      level: LEVEL,
      finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
    });
    // A fresh buffer of zlib's, never a shared one.
    this.ondata(null, out as Uint8Array<ArrayBuffer>, final);
  }
}

/** The compressed parts of one file, in the order they are added, handed to the sink in large pieces. */
class ZipOut {
  private readonly zip: Zip;
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  private failure: Error | null = null;

  constructor(private readonly sink: ByteSink) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure = error;
      else if (chunk.length) {
        this.held.push(chunk);
        this.heldBytes += chunk.length;
      }
    });
  }

  /** A new part; its text is pushed with write() and ended with end(). */
  part(name: string): PartWriter {
    const file = new NativeDeflate(name);
    this.zip.add(file);
    return new PartWriter(file, this);
  }

  /** A whole part at once. */
  async whole(name: string, text: string): Promise<void> {
    const part = this.part(name);
    part.write(text);
    await part.end();
  }

  /** Hands what is held to the sink once there is enough of it (or everything, when `all`). */
  async flush(all = false): Promise<void> {
    if (this.failure) throw this.failure;
    if (!all && this.heldBytes < SINK_CHUNK) return;
    const chunks = this.held;
    this.held = [];
    this.heldBytes = 0;
    for (const chunk of chunks) await this.sink(chunk);
  }

  async end(): Promise<void> {
    this.zip.end();
    await this.flush(true);
  }
}

/** One part's text, gathered in pieces and deflated a chunk at a time. */
class PartWriter {
  private pieces: string[] = [];
  private length = 0;
  private static readonly encoder = new TextEncoder();

  constructor(
    private readonly file: NativeDeflate,
    private readonly out: ZipOut,
  ) {}

  write(text: string): void {
    this.pieces.push(text);
    this.length += text.length;
    if (this.length >= TEXT_CHUNK) this.push(false);
  }

  /** Lets the sink take what is ready: called between rows. */
  async breathe(): Promise<void> {
    await this.out.flush();
  }

  async end(): Promise<void> {
    this.push(true);
    await this.out.flush();
  }

  private push(final: boolean): void {
    const text = this.pieces.join("");
    this.pieces = [];
    this.length = 0;
    this.file.push(PartWriter.encoder.encode(text), final);
  }
}

/** A cell's style as exceljs holds it while writing: a cell's own, or shared with the first cell of its merge. */
interface StyleModel {
  font?: FontModel;
  alignment?: { vertical?: string; horizontal?: string; wrapText?: boolean };
  border?: boolean;
  fill?: string;
  numFmt?: string;
  unlocked?: boolean;
}

interface FontModel {
  readonly name: string;
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly color?: string;
}

/** Excel's built-in number formats (ECMA-376 part 1, 18.8.30) by their code: written by id, not declared. */
const BUILT_IN_FORMATS: ReadonlyMap<string, number> = new Map([
  ["General", 0],
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
  ["0.00E+00", 11],
  ["# ?/?", 12],
  ["# ??/??", 13],
  ["mm-dd-yy", 14],
  ["d-mmm-yy", 15],
  ["d-mmm", 16],
  ["mmm-yy", 17],
  ["h:mm AM/PM", 18],
  ["h:mm:ss AM/PM", 19],
  ["h:mm", 20],
  ["h:mm:ss", 21],
  ["m/d/yy h:mm", 22],
  ["#,##0 ;(#,##0)", 37],
  ["#,##0 ;[Red](#,##0)", 38],
  ["#,##0.00 ;(#,##0.00)", 39],
  ["#,##0.00 ;[Red](#,##0.00)", 40],
  ["mm:ss", 45],
  ["[h]:mm:ss", 46],
  ["mmss.0", 47],
  ["##0.0E+0", 48],
  ["@", 49],
]);

/** The font element's children, in the order exceljs writes them; `nameTag` is "rFont" inside a rich-text run. */
function fontChildren(font: FontModel, nameTag: "name" | "rFont"): string {
  return (
    (font.bold ? "<b/>" : "") +
    (font.italic ? "<i/>" : "") +
    (font.color ? `<color rgb="${font.color}"/>` : "") +
    `<sz val="${font.size}"/><${nameTag} val="${xml(font.name)}"/>`
  );
}

const DEFAULT_FONT =
  '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';
const DEFAULT_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
const BOX_BORDER =
  '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>';

/** The workbook's fonts, fills, borders, number formats and cell formats, each written once, by first use. */
class StyleTable {
  private readonly fonts = new Map<string, number>([[DEFAULT_FONT, 0]]);
  private readonly fills = new Map<string, number>([
    ['<fill><patternFill patternType="none"/></fill>', 0],
    ['<fill><patternFill patternType="gray125"/></fill>', 1],
  ]);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([[DEFAULT_XF, 0]]);
  /** Cell formats by a short key of their parts, so that a million cells build no XML to find theirs. */
  private readonly xfByKey = new Map<string, number>();
  private readonly fontIds = new WeakMap<FontModel, number>();
  private readonly alignments = new WeakMap<NonNullable<StyleModel["alignment"]>, string>();
  // As exceljs: a shared style object (a merge's cells share their first's) keeps the id it had when first seen.
  private readonly seen = new WeakMap<StyleModel, number>();
  private bordered = false;

  /** The cell format of a style; `shared` when several cells hold this very object (a merge's). */
  id(style: StyleModel, shared = false): number {
    if (shared) {
      const known = this.seen.get(style);
      if (known !== undefined) return known;
    }
    const numFmtId = style.numFmt === undefined ? 0 : this.format(style.numFmt);
    const fontId = style.font ? this.fontId(style.font) : 0;
    const fillId = style.fill
      ? indexOf(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/></patternFill></fill>`,
        )
      : 0;
    const borderId = style.border ? 1 : 0;
    if (style.border) this.bordered = true;
    const alignment = style.alignment ? this.alignmentXml(style.alignment) : undefined;
    const key = `${numFmtId} ${fontId} ${fillId} ${borderId} ${style.unlocked ? 1 : 0} ${alignment ?? "-"}`;
    let id = this.xfByKey.get(key);
    if (id === undefined) {
      let xf =
        `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
        (numFmtId ? ' applyNumberFormat="1"' : "") +
        (fontId ? ' applyFont="1"' : "") +
        (fillId ? ' applyFill="1"' : "") +
        (borderId ? ' applyBorder="1"' : "") +
        (alignment !== undefined ? ' applyAlignment="1"' : "") +
        (style.unlocked ? ' applyProtection="1"' : "");
      const protection = style.unlocked ? '<protection locked="0"/>' : "";
      xf += alignment || protection ? `>${alignment ?? ""}${protection}</xf>` : "/>";
      id = indexOf(this.xfs, xf);
      this.xfByKey.set(key, id);
    }
    if (shared) this.seen.set(style, id);
    return id;
  }

  private fontId(font: FontModel): number {
    let id = this.fontIds.get(font);
    if (id === undefined) {
      id = indexOf(this.fonts, `<font>${fontChildren(font, "name")}</font>`);
      this.fontIds.set(font, id);
    }
    return id;
  }

  /** The alignment element exceljs writes ("" for an alignment that sets nothing, still applied). */
  private alignmentXml(alignment: NonNullable<StyleModel["alignment"]>): string {
    let text = this.alignments.get(alignment);
    if (text === undefined) {
      const { horizontal, vertical, wrapText } = alignment;
      text =
        horizontal || vertical || wrapText
          ? `<alignment${horizontal ? ` horizontal="${horizontal}"` : ""}${
              vertical ? ` vertical="${vertical === "middle" ? "center" : vertical}"` : ""
            }${wrapText ? ' wrapText="1"' : ""}/>`
          : "";
      this.alignments.set(alignment, text);
    }
    return text;
  }

  private format(code: string): number {
    const builtIn = BUILT_IN_FORMATS.get(code);
    if (builtIn !== undefined) return builtIn;
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = 164 + this.formats.size;
    this.formats.set(code, id);
    return id;
  }

  xml(): string {
    const list = (tag: string, entries: Map<string, number>) =>
      `<${tag} count="${entries.size}">${[...entries.keys()].join("")}</${tag}>`;
    const formats = this.formats.size
      ? `<numFmts count="${this.formats.size}">${[...this.formats]
          .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xml(code)}"/>`)
          .join("")}</numFmts>`
      : "";
    const borders = this.bordered ? [BORDER_NONE, BOX_BORDER] : [BORDER_NONE];
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">${formats}${list("fonts", this.fonts)}${list("fills", this.fills)}` +
      `<borders count="${borders.length}">${borders.join("")}</borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `${list("cellXfs", this.xfs)}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`
    );
  }
}

const BORDER_NONE = "<border><left/><right/><top/><bottom/><diagonal/></border>";

function indexOf(entries: Map<string, number>, key: string): number {
  const known = entries.get(key);
  if (known !== undefined) return known;
  entries.set(key, entries.size);
  return entries.size - 1;
}

/** "AB" of a 1-based column. */
function letters(column: number): string {
  let text = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    text = String.fromCharCode(65 + ((rest - 1) % 26)) + text;
  }
  return text;
}

/** The 1-based column and row of "AB12". */
function position(address: string): { column: number; row: number } {
  const parts = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  if (!parts) throw new RangeError(`${address} is not a cell address`);
  let column = 0;
  for (const letter of parts[1]!) column = column * 26 + letter.charCodeAt(0) - 64;
  return { column, row: Number(parts[2]) };
}

/** What a written cell holds: its content as XML (the `t` attribute and children), or a merge's covered cell. */
interface CellSlot {
  style: StyleModel;
  content?: string;
  covered?: boolean;
  /** The style object is a merge's, shared by its cells. */
  shared?: boolean;
}

/** One cell's data validation as exceljs writes it, its texts cut to Excel's limits (each cut reported). */
function validationXml(validation: CellValidation, limiter: TextLimiter, address: string): string {
  const { min, max } = validation;
  let operator = "";
  let formulae: string[];
  if (validation.type === "list") {
    const list = validation.list ?? "";
    formulae = [list.startsWith("=") ? list.slice(1) : `"${fitList(list, limiter, address)}"`];
  } else if (min !== undefined && max !== undefined) formulae = [String(min), String(max)];
  else if (min !== undefined) {
    operator = "greaterThanOrEqual";
    formulae = [String(min)];
  } else {
    operator = "lessThanOrEqual";
    formulae = [String(max ?? 0)];
  }
  const attribute = (name: string, text: string) => ` ${name}="${xml(text)}"`;
  return (
    `<dataValidation type="${validation.type}"${operator ? ` operator="${operator}"` : ""} allowBlank="1" showInputMessage="1"` +
    attribute("promptTitle", limiter.fit(validation.prompt.title, "validationTitle", address)) +
    attribute("prompt", limiter.fit(validation.prompt.message, "validationMessage", address)) +
    ' showErrorMessage="1" errorStyle="stop"' +
    attribute("errorTitle", limiter.fit(validation.error.title, "validationTitle", address)) +
    attribute("error", limiter.fit(validation.error.message, "validationMessage", address)) +
    ` sqref="${address}">` +
    formulae.map((formula, index) => `<formula${index + 1}>${xml(formula)}</formula${index + 1}>`).join("") +
    "</dataValidation>"
  );
}

/** A literal list within Excel's limit, cut after its last whole item (as the exceljs host cuts it). */
function fitList(list: string, limiter: TextLimiter, address: string): string {
  const fitted = limiter.fit(list, "validationList", address);
  if (fitted === list) return list;
  const lastComma = fitted.lastIndexOf(",");
  return lastComma > 0 ? fitted.slice(0, lastComma) : fitted.slice(0, -1);
}

/** `<t>` of a text, keeping its edge spaces and line breaks as exceljs marks them. */
function textElement(text: string): string {
  return `<t${/^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : ""}>${xml(text)}</t>`;
}

function fontOf(
  spec: SheetSpec,
  style: CellStyle,
  run: { bold?: boolean; italic?: boolean } = style,
): FontModel {
  return {
    name: spec.font.name,
    size: style.size ?? spec.font.size,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italic: true } : {}),
    ...(style.color ? { color: argb(style.color) } : {}),
  };
}

function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

/** The note of a cell: in the comments part and, for Excel to draw it, a hidden VML shape. */
interface Note {
  readonly column: number;
  readonly row: number;
  readonly address: string;
  readonly text: string;
}

/** What one sheet adds to the workbook's parts. */
interface WrittenSheet {
  readonly name: string;
  readonly notes: boolean;
  readonly visibility: SheetVisibility;
  readonly printArea?: string;
  readonly printTitles?: string;
}

const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/**
 * Writes one sheet as applySheetSpec lays it out: the cells row by row, each row's XML deflated as soon as its
 * cells are in; the merges, validations and notes, which come after the cells in the file, kept until then.
 */
async function writeSheet(
  out: ZipOut,
  styles: StyleTable,
  spec: SheetSpec,
  index: number,
  onCut: OnTextCut,
): Promise<WrittenSheet> {
  if (spec.cells.some((cell) => cell.formula)) throw new Error(`${spec.name} holds formulas`);
  const name = new TextLimiter(spec.name, onCut).fit(spec.name, "sheetName", "");
  const limiter = new TextLimiter(name, onCut);
  const part = out.part(`xl/worksheets/sheet${index}.xml`);
  const print = spec.print;
  const fitted = print?.fitToWidth === 1;
  part.write(
    `${XML_HEAD.trimEnd()}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      (fitted ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
      (spec.frozenRows
        ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${spec.frozenRows}" topLeftCell="A${spec.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`
        : "") +
      '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0"/>',
  );
  const columnFont: FontModel = { name: spec.font.name, size: spec.font.size };
  const columnStyle: StyleModel = { font: columnFont };
  const columnStyleId = styles.id(columnStyle);
  if (spec.columns.length) {
    const cols: string[] = [];
    let first = 1;
    spec.columns.forEach((column, at) => {
      const next = spec.columns[at + 1];
      if (next && next.width === column.width && Boolean(next.hidden) === Boolean(column.hidden)) return;
      cols.push(
        `<col min="${first}" max="${at + 1}" width="${column.width}" style="${columnStyleId}"${column.hidden ? ' hidden="1"' : ""} customWidth="1"/>`,
      );
      first = at + 2;
    });
    part.write(`<cols>${cols.join("")}</cols>`);
  }
  part.write("<sheetData>");

  // Cells not yet written, by row then column; a merge's cells share the style of its first cell, as in exceljs.
  const pending = new Map<number, Map<number, CellSlot>>();
  const slot = (column: number, row: number): CellSlot => {
    let cells = pending.get(row);
    if (!cells) pending.set(row, (cells = new Map()));
    let cell = cells.get(column);
    if (!cell) {
      cell = { style: column <= spec.columns.length ? { font: columnFont } : {} };
      cells.set(column, cell);
    }
    return cell;
  };
  const merges: string[] = [];
  for (const range of spec.merges) {
    const [from, to] = range.split(":");
    const top = position(from ?? "");
    const bottom = position(to ?? from ?? "");
    const master = slot(top.column, top.row);
    master.shared = true;
    for (let row = top.row; row <= bottom.row; row++) {
      for (let column = top.column; column <= bottom.column; column++) {
        if (row === top.row && column === top.column) continue;
        const covered = slot(column, row);
        covered.style = master.style;
        covered.covered = true;
        covered.shared = true;
      }
    }
    merges.push(`<mergeCell ref="${range}"/>`);
  }
  const byRow = new Map<number, [number, SpecCell][]>();
  for (const cell of spec.cells) {
    const { row, column } = position(cell.address);
    const cells = byRow.get(row);
    if (cells) cells.push([column, cell]);
    else byRow.set(row, [[column, cell]]);
  }
  const heights = new Map(Object.entries(spec.rowHeights).map(([row, height]) => [Number(row), height]));
  const rows = [...new Set([...byRow.keys(), ...heights.keys(), ...pending.keys()])].sort((a, b) => a - b);
  const notes: Note[] = [];
  const validations: string[] = [];
  for (const number of rows) {
    for (const [column, specCell] of byRow.get(number) ?? []) {
      const cell = slot(column, number);
      writeCell(cell, spec, specCell, limiter);
      if (specCell.validation)
        validations.push(validationXml(specCell.validation, limiter, specCell.address));
      if (specCell.note !== undefined) {
        notes.push({
          column,
          row: number,
          address: specCell.address,
          text: limiter.cellText(specCell.note, "note", specCell.address),
        });
      }
    }
    const cells = pending.get(number);
    pending.delete(number);
    const height = heights.get(number);
    const ordered = cells ? [...cells].sort((a, b) => a[0] - b[0]) : [];
    if (!height && !ordered.some(([, cell]) => cell.content !== undefined || cell.covered)) continue;
    let xmlRow = `<row r="${number}"${height ? ` ht="${height}" customHeight="1"` : ""}>`;
    for (const [column, cell] of ordered) {
      const styleId = styles.id(cell.style, cell.shared);
      if (cell.content === undefined && !styleId) continue;
      xmlRow += `<c r="${letters(column)}${number}"${styleId ? ` s="${styleId}"` : ""}${cell.content ?? "/>"}`;
    }
    part.write(`${xmlRow}</row>`);
    await part.breathe();
  }
  part.write("</sheetData>");
  if (spec.protection) {
    const allowed = spec.protection.allowFormatting;
    const formatting = allowed ? ' formatCells="0" formatColumns="0" formatRows="0"' : "";
    part.write(`<sheetProtection sheet="1"${formatting}/>`);
  }
  if (merges.length) part.write(`<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>`);
  if (validations.length) {
    part.write(`<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`);
  }
  if (print) {
    if (fitted) part.write('<printOptions horizontalCentered="1"/>');
    part.write('<pageMargins left="0.7" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
    const fit = fitted ? ` fitToWidth="${print.fitToWidth}" fitToHeight="${print.fitToHeight}"` : "";
    part.write(
      `<pageSetup paperSize="9" orientation="${print.orientation}" scale="${fitted ? 100 : (print.scale ?? 100)}"${fit}/>`,
    );
    part.write(
      `<headerFooter><oddFooter>${xml(`&C&"${spec.font.name}"&10Trang &P/&N`)}</oddFooter></headerFooter>`,
    );
  }
  if (notes.length) part.write('<legacyDrawing r:id="rId2"/>');
  part.write("</worksheet>");
  await part.end();
  if (notes.length) await writeNotes(out, index, notes);
  const quoted = `'${name.replace(/'/g, "''")}'`;
  const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  const columns = (range: string) => range.replace(/([A-Z]+)/g, "$$$1");
  const rowsOf = (range: string) => range.replace(/(\d+)/g, "$$$1");
  return {
    name,
    notes: notes.length > 0,
    visibility: spec.visibility ?? "visible",
    ...(print
      ? {
          printArea: `${quoted}!${absolute(print.area)}`,
          printTitles: [
            ...(print.titleColumns ? [`${quoted}!${columns(print.titleColumns)}`] : []),
            `${quoted}!${rowsOf(print.titleRows)}`,
          ].join(","),
        }
      : {}),
  };
}

// A spec shares one CellStyle among many cells: its font and alignment are made once, for the style table to know
// them by identity.
const DERIVED = new WeakMap<
  CellStyle,
  { font: FontModel; alignment: NonNullable<StyleModel["alignment"]> }
>();

function derivedStyle(spec: SheetSpec, style: CellStyle) {
  let derived = DERIVED.get(style);
  if (
    !derived ||
    derived.font.name !== spec.font.name ||
    (style.size === undefined && derived.font.size !== spec.font.size)
  ) {
    derived = {
      font: fontOf(spec, style),
      alignment: {
        ...(style.vertical ? { vertical: style.vertical } : {}),
        ...(style.horizontal ? { horizontal: style.horizontal } : {}),
        ...(style.wrap ? { wrapText: true } : {}),
      },
    };
    DERIVED.set(style, derived);
  }
  return derived;
}

/** Writes one spec cell into its slot as writeSpecCell does into an exceljs cell. */
function writeCell(cell: CellSlot, spec: SheetSpec, specCell: SpecCell, limiter: TextLimiter): void {
  if (specCell.richText) {
    const style = specCell.style ?? {};
    const runs = limiter.fitRuns(specCell.richText, specCell.address);
    cell.content = ` t="inlineStr"><is>${runs
      .map(
        (run) =>
          `<r><rPr>${fontChildren(fontOf(spec, style, run), "rFont")}</rPr>${textElement(run.text)}</r>`,
      )
      .join("")}</is></c>`;
  } else if (typeof specCell.value === "string") {
    cell.content = ` t="str"><v>${xml(limiter.cellText(specCell.value, "cell", specCell.address))}</v></c>`;
  } else if (typeof specCell.value === "number") {
    cell.content = `><v>${specCell.value}</v></c>`;
  }
  const target = cell.style;
  const style = specCell.style;
  if (style) {
    const { font, alignment } = derivedStyle(spec, style);
    target.font = font;
    target.alignment = alignment;
    if (style.border) target.border = true;
    if (style.fill) target.fill = argb(style.fill);
  }
  if (specCell.numberFormat) target.numFmt = specCell.numberFormat;
  if (specCell.locked === false) target.unlocked = true;
}

const VML_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><xml xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1" /></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter" /><v:path gradientshapeok="t" o:connecttype="rect" /></v:shapetype>';

/** A sheet's notes: the comments part, the VML drawing Excel shows them with, and the sheet's links to both. */
async function writeNotes(out: ZipOut, index: number, notes: readonly Note[]): Promise<void> {
  const comments = out.part(`xl/comments${index}.xml`);
  comments.write(
    `${XML_HEAD.trimEnd()}<comments xmlns="${MAIN_NS}"><authors><author>Author</author></authors><commentList>`,
  );
  for (const note of notes) {
    comments.write(
      `<comment ref="${note.address}" authorId="0"><text><r>${textElement(note.text)}</r></text></comment>`,
    );
  }
  comments.write("</commentList></comments>");
  await comments.end();
  const vml = out.part(`xl/drawings/vmlDrawing${index}.vml`);
  vml.write(VML_HEAD);
  notes.forEach((note, at) => {
    const top = Math.max(note.row - 2, 0);
    const anchor = [note.column, 6, top, 14, note.column + 2, 2, top + 4, 16].join(", ");
    vml.write(
      `<v:shape id="_x0000_s${1025 + at}" type="#_x0000_t202" style="position:absolute; margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto"><v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm"><div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:Locked>True</x:Locked><x:AutoFill>False</x:AutoFill><x:LockText>True</x:LockText><x:Row>${note.row - 1}</x:Row><x:Column>${note.column - 1}</x:Column></x:ClientData></v:shape>`,
    );
  });
  vml.write("</xml>");
  await vml.end();
  await out.whole(
    `xl/worksheets/_rels/sheet${index}.xml.rels`,
    `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/comments" Target="../comments${index}.xml"/><Relationship Id="rId2" Type="${REL_NS}/vmlDrawing" Target="../drawings/vmlDrawing${index}.vml"/></Relationships>`,
  );
}

/**
 * Writes the sheets `specs` yields, in order, as one .xlsx file to `sink`, each sheet made only when the one before
 * is written (a generator builds each in turn), so that a million-cell sheet is never held with another. Texts
 * beyond Excel's limits are cut, ending in "…", and reported to `onCut`. A spec holding formulas is refused: nothing
 * here asks Excel to compute them on opening.
 */
export async function writeSheetsXlsx(
  specs: Iterable<SheetSpec>,
  sink: ByteSink,
  options: {
    readonly creator: string;
    readonly onCut?: OnTextCut;
    readonly now?: Date;
    /** Called after each sheet is written, when its spec is garbage (the command collects it). */
    readonly afterSheet?: () => void;
  },
): Promise<void> {
  const onCut = options.onCut ?? (() => undefined);
  const out = new ZipOut(sink);
  const styles = new StyleTable();
  const sheets: WrittenSheet[] = [];
  for (const spec of specs) {
    sheets.push(await writeSheet(out, styles, spec, sheets.length + 1, onCut));
    options.afterSheet?.();
  }
  await out.whole("xl/styles.xml", styles.xml());
  await out.whole("xl/theme/theme1.xml", theme1Xml);
  const names = sheets
    .flatMap((sheet, at) => [
      ...(sheet.printArea
        ? [`<definedName name="_xlnm.Print_Area" localSheetId="${at}">${xml(sheet.printArea)}</definedName>`]
        : []),
      ...(sheet.printTitles
        ? [
            `<definedName name="_xlnm.Print_Titles" localSheetId="${at}">${xml(sheet.printTitles)}</definedName>`,
          ]
        : []),
    ])
    .join("");
  await out.whole(
    "xl/workbook.xml",
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/><sheets>${sheets
      .map(
        (sheet, at) =>
          `<sheet sheetId="${at + 1}" name="${xml(sheet.name)}" state="${sheet.visibility}" r:id="rId${at + 3}"/>`,
      )
      .join(
        "",
      )}</sheets>${names ? `<definedNames>${names}</definedNames>` : ""}<calcPr calcId="171027"/></workbook>`,
  );
  await out.whole(
    "xl/_rels/workbook.xml.rels",
    `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL_NS}/theme" Target="theme/theme1.xml"/>${sheets
      .map(
        (_, at) =>
          `<Relationship Id="rId${at + 3}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${at + 1}.xml"/>`,
      )
      .join("")}</Relationships>`,
  );
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const office = "application/vnd.openxmlformats-officedocument";
  await out.whole(
    "[Content_Types].xml",
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="${office}.vmlDrawing"/>` +
      override("/xl/workbook.xml", `${office}.spreadsheetml.sheet.main+xml`) +
      sheets.map((_, at) => override(`/xl/worksheets/sheet${at + 1}.xml`, WORKSHEET_TYPE)).join("") +
      sheets
        .map((sheet, at) =>
          sheet.notes ? override(`/xl/comments${at + 1}.xml`, `${office}.spreadsheetml.comments+xml`) : "",
        )
        .join("") +
      override("/xl/theme/theme1.xml", `${office}.theme+xml`) +
      override("/xl/styles.xml", `${office}.spreadsheetml.styles+xml`) +
      override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
      override("/docProps/app.xml", `${office}.extended-properties+xml`) +
      "</Types>",
  );
  await out.whole(
    "_rels/.rels",
    `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${PACKAGE_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  const stamp = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  await out.whole(
    "docProps/core.xml",
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xml(options.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
  );
  await out.whole(
    "docProps/app.xml",
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets
      .map((sheet) => `<vt:lpstr>${xml(sheet.name)}</vt:lpstr>`)
      .join("")}</vt:vector></TitlesOfParts></Properties>`,
  );
  await out.end();
}
