import { zip } from "../helpers/zip";

// Word documents built part by part as ECMA-376 part 1 describes WordprocessingML, for the markup Word writes
// that an office suite converting HTML does not (tracked changes, fields, numbered cells, TCVN3 fonts).

/** The WordprocessingML namespace, bound to "w" in every fixture part. */
export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  "</Types>";

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  "</Relationships>";

function documentRels(numbering: boolean): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    (numbering
      ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
      : "") +
    "</Relationships>"
  );
}

/** A document.xml whose body is `body` (WordprocessingML with the "w" prefix). */
export function documentXml(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
    `<w:body>${body}<w:sectPr/></w:body></w:document>`
  );
}

/** A .docx package of a body, with a numbering part when given one, and any extra members. */
export function docx(
  body: string,
  options: { numbering?: string; extra?: Record<string, Buffer> } = {},
): Buffer {
  const members = new Map<string, Buffer>([
    ["[Content_Types].xml", Buffer.from(CONTENT_TYPES)],
    ["_rels/.rels", Buffer.from(ROOT_RELS)],
    ["word/_rels/document.xml.rels", Buffer.from(documentRels(options.numbering !== undefined))],
    ["word/document.xml", Buffer.from(documentXml(body))],
  ]);
  if (options.numbering !== undefined) {
    members.set(
      "word/numbering.xml",
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${options.numbering}</w:numbering>`,
      ),
    );
  }
  for (const [name, data] of Object.entries(options.extra ?? {})) members.set(name, data);
  return zip(members);
}

/** A paragraph of plain runs. */
export function p(...runs: string[]): string {
  return `<w:p>${runs.map((text) => r(text)).join("")}</w:p>`;
}

/** A run of text, spaces kept. */
export function r(text: string, properties = ""): string {
  return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
}

/** A table cell holding paragraphs (raw XML) with optional cell properties. */
export function tc(content: string, properties = ""): string {
  const paragraphs = content.startsWith("<w:p") ? content : p(content);
  return `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ""}${paragraphs}</w:tc>`;
}

/** A table row of cells, with optional row properties (w:tblHeader). */
export function tr(cells: string[], properties = ""): string {
  return `<w:tr>${properties ? `<w:trPr>${properties}</w:trPr>` : ""}${cells.join("")}</w:tr>`;
}

/** The appendix's two header rows as Word writes them: repeated on every page, merged down and across. */
export const HEADER_ROWS =
  tr(
    [
      tc("STT", '<w:vMerge w:val="restart"/>'),
      tc(
        "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)",
        '<w:vMerge w:val="restart"/>',
      ),
      tc("Kết quả thống kê", '<w:gridSpan w:val="2"/>'),
      tc("Ghi chú", '<w:vMerge w:val="restart"/>'),
    ],
    "<w:tblHeader/>",
  ) +
  tr(
    [tc("", "<w:vMerge/>"), tc("", "<w:vMerge/>"), tc("Đơn vị tính"), tc("Số liệu"), tc("", "<w:vMerge/>")],
    "<w:tblHeader/>",
  );

/** One appendix row: code, label, unit of measure, value, note. */
export function row(code: string, label: string, unit = "", value = "", note = ""): string {
  return tr([tc(code), tc(label), tc(unit), tc(value), tc(note)]);
}

/** A table of rows (raw XML) on a five-column grid. */
export function table(rows: string): string {
  return `<w:tbl><w:tblPr/><w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(5)}</w:tblGrid>${rows}</w:tbl>`;
}
