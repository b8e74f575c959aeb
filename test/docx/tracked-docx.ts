import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { runTool } from "../helpers/tools";

// A report with tracked changes as LibreOffice Writer saves it as .docx: its insertions, deletions, a move (Writer
// pairs a deletion and an insertion of the same text into w:moveFrom / w:moveTo) and a format change come from
// an OpenDocument text with tracked changes that Writer converts headless. Writer writes no paragraph-property
// change from OpenDocument (its w:rPrChange holds no old properties either), so the old properties that Word keeps
// in w:pPrChange, w:rPrChange, w:trPrChange and w:tcPrChange are written into Writer's document.xml by hand, in
// Writer's own container (its styles.xml numbers the Heading 1 style an old property names, by the outline
// numbering; its numbering.xml holds the list another names).

const ODF_NAMESPACES =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/"';

const CHANGE_INFO =
  "<office:change-info><dc:creator>Lan</dc:creator><dc:date>2026-01-05T08:00:00</dc:date></office:change-info>";

/**
 * The flat OpenDocument text: a numbered heading, a list item (list L1, "a)"), tracked changes, two one-row tables.
 */
const FODT =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  `<office:document ${ODF_NAMESPACES} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">` +
  "<office:styles>" +
  '<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-format="1" style:num-suffix="."/></text:outline-style>' +
  '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>' +
  '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix=")" style:num-format="a"/></text:list-style>' +
  "</office:styles>" +
  "<office:body><office:text>" +
  '<text:tracked-changes text:track-changes="true">' +
  `<text:changed-region text:id="xoa"><text:deletion>${CHANGE_INFO}<text:p>40</text:p></text:deletion></text:changed-region>` +
  `<text:changed-region text:id="them"><text:insertion>${CHANGE_INFO}</text:insertion></text:changed-region>` +
  `<text:changed-region text:id="chuyen-di"><text:deletion>${CHANGE_INFO}<text:p>(kỳ trước) </text:p></text:deletion></text:changed-region>` +
  `<text:changed-region text:id="chuyen-den"><text:insertion>${CHANGE_INFO}</text:insertion></text:changed-region>` +
  `<text:changed-region text:id="dinh-dang"><text:format-change>${CHANGE_INFO}</text:format-change></text:changed-region>` +
  // A paragraph break deleted: the two paragraphs Writer writes are one once the change is accepted.
  `<text:changed-region text:id="noi-dong"><text:deletion>${CHANGE_INFO}<text:p/><text:p/></text:deletion></text:changed-region>` +
  "</text:tracked-changes>" +
  '<text:h text:style-name="Heading_20_1" text:outline-level="1">Công tác chỉ đạo</text:h>' +
  '<text:list text:style-name="L1"><text:list-item><text:p>Kế hoạch</text:p></text:list-item></text:list>' +
  '<text:p>Số hồ sơ nộp trực tuyến: <text:change text:change-id="xoa"/><text:change-start text:change-id="them"/>42<text:change-end text:change-id="them"/></text:p>' +
  '<text:p>Số kỳ trước chuyển qua <text:change text:change-id="chuyen-di"/>: 0</text:p>' +
  '<text:p>Số mới tiếp nhận <text:change-start text:change-id="chuyen-den"/>(kỳ trước) <text:change-end text:change-id="chuyen-den"/>: 30</text:p>' +
  "<text:p>Tổng số hồ sơ: 44</text:p>" +
  "<text:p>Số hồ sơ đã giải quyết: 40</text:p>" +
  '<text:p>Số hồ sơ trả quá hạn:<text:change text:change-id="noi-dong"/> 5</text:p>' +
  '<text:p><text:change-start text:change-id="dinh-dang"/>Trả đúng thời hạn: 40<text:change-end text:change-id="dinh-dang"/></text:p>' +
  '<table:table table:name="PhuLuc"><table:table-column table:number-columns-repeated="5"/><table:table-row>' +
  ["1.1.1.", "Số nhiệm vụ", "Nhiệm vụ", "7", ""]
    .map((text) => `<table:table-cell><text:p>${text}</text:p></table:table-cell>`)
    .join("") +
  "</table:table-row></table:table>" +
  // A second table, whose cells' tracked deletion and insertion are written into Writer's document.xml.
  '<table:table table:name="PhuLuc2"><table:table-column table:number-columns-repeated="6"/><table:table-row>' +
  ["1.1.2.", "Số văn bản", "Văn bản", "9", "4", ""]
    .map((text) => `<table:table-cell><text:p>${text}</text:p></table:table-cell>`)
    .join("") +
  "</table:table-row></table:table>" +
  "</office:text></office:body></office:document>";

/** One hand-written edit of Writer's document.xml: `pattern` must occur, and is replaced by `replacement`. */
function edit(xml: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(xml)) throw new Error(`Writer's document.xml has no ${pattern}`);
  return xml.replace(pattern, replacement);
}

const CHANGE = 'w:author="Lan" w:date="2026-01-05T08:00:00Z"';

/** `xml` with the old properties `old` (change `id`) in the pPr of the paragraph whose text starts with `text`. */
function oldParagraphProperties(xml: string, id: number, text: string, old: string): string {
  const paragraph = new RegExp(`(<w:p>(?:(?!</w:p>).)*?)</w:pPr>((?:(?!</w:p>).)*?<w:t>${text})`);
  return edit(
    xml,
    paragraph,
    `$1<w:pPrChange w:id="${id}" ${CHANGE}><w:pPr>${old}</w:pPr></w:pPrChange></w:pPr>$2`,
  );
}

/**
 * The old properties Word keeps with a tracked property change, written where Word writes them (the last child of
 * the properties they belong to): "Tổng số hồ sơ: 44" was a Heading 1 (numbered "2."), "Số hồ sơ đã giải quyết:
 * 40" an item of the list (numbered "b)"), "Trả đúng thời hạn: 40" hidden text in a TCVN3 font, the table's row a
 * header row repeated on every page, its first cell merged down and over two columns.
 */
function withOldProperties(xml: string, heading: string, listNumId: string): string {
  let edited = oldParagraphProperties(xml, 900, "Tổng số hồ sơ", `<w:pStyle w:val="${heading}"/>`);
  edited = oldParagraphProperties(
    edited,
    901,
    "Số hồ sơ đã giải quyết",
    `<w:pStyle w:val="Normal"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${listNumId}"/></w:numPr>`,
  );
  edited = edit(
    edited,
    /<w:rPrChange ([^>]*)(?:\/>|><\/w:rPrChange>)/,
    '<w:rPrChange $1><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/><w:vanish/></w:rPr></w:rPrChange>',
  );
  edited = edit(
    edited,
    /<w:tr>(?:<w:trPr\/>|<w:trPr>((?:(?!<\/w:trPr>).)*)<\/w:trPr>)?/,
    `<w:tr><w:trPr>$1<w:trPrChange w:id="902" ${CHANGE}><w:trPr><w:tblHeader/></w:trPr></w:trPrChange></w:trPr>`,
  );
  return edit(
    edited,
    /(<w:tc><w:tcPr>(?:(?!<\/w:tcPr>).)*)<\/w:tcPr>/,
    `$1<w:tcPrChange w:id="903" ${CHANGE}><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr></w:tcPrChange></w:tcPr>`,
  );
}

/** `xml` with the tracked change `change` (w:cellDel, w:cellIns) in the properties of the cell that holds `text`. */
function cellChange(xml: string, text: string, change: string): string {
  const cell = new RegExp(
    `(<w:tc><w:tcPr>(?:(?!</w:tcPr>).)*)</w:tcPr>((?:(?!</w:tc>).)*<w:t>${text}</w:t>)`,
  );
  return edit(xml, cell, `$1${change}</w:tcPr>$2`);
}

/**
 * Whole cells deleted and inserted with tracking, written where Word writes them (in the cell's tcPr): the second
 * table's cell "9" deleted (accepted, it is gone and the cells after it move left), its cell "4" inserted.
 */
function withCellChanges(xml: string): string {
  const deleted = cellChange(xml, "9", `<w:cellDel w:id="904" ${CHANGE}/>`);
  return cellChange(deleted, "4", `<w:cellIns w:id="905" ${CHANGE}/>`);
}

/** The fixture: the report as read, and what Writer wrote before the old properties were written in. */
export interface TrackedReport {
  /** The .docx with the old properties written in. */
  readonly docx: Uint8Array;
  /** Writer's own document.xml, for what the test asserts Writer wrote. */
  readonly writerXml: string;
}

/** The report with tracked changes (see above), converted by LibreOffice Writer headless. */
export async function trackedReport(): Promise<TrackedReport> {
  const dir = await mkdtemp(join(tmpdir(), "cchc-tracked-"));
  try {
    const source = join(dir, "bao-cao.fodt");
    await writeFile(source, FODT);
    await runTool("soffice", [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      "docx:MS Word 2007 XML",
      "--outdir",
      dir,
      source,
    ]);
    const members = unzipSync(await readFile(join(dir, "bao-cao.docx")));
    const writerXml = new TextDecoder().decode(members["word/document.xml"]);
    // The heading's style and the list's numbering as Writer wrote them.
    const heading = /<w:pStyle w:val="([^"]+)"\/>(?:(?!<\/w:p>).)*Công tác chỉ đạo/.exec(writerXml)?.[1];
    const listNumId = /<w:numId w:val="(\d+)"\/>(?:(?!<\/w:p>).)*Kế hoạch/.exec(writerXml)?.[1];
    if (heading === undefined || listNumId === undefined)
      throw new Error("Writer wrote the heading or the list item otherwise");
    const edited = withCellChanges(withOldProperties(writerXml, heading, listNumId));
    members["word/document.xml"] = new TextEncoder().encode(edited);
    return { docx: zipSync(members), writerXml };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
