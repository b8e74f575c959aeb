import { isUtf8 } from "node:buffer";
import { readBody, readStyles, withoutUnreadMarkup } from "../../src/docx/document";
import { readNumbering } from "../../src/docx/numbering";
import { BODY_LIMITS } from "../../src/docx/package";
import { readDocxBody } from "../../src/docx/package";
import type { Paragraph, Table } from "../../src/docx/document";
import { readWordReport } from "../../src/docx/report";
import { locateAppendix } from "../../src/domain/locate";
import { decodePrunedXml, useNativeText, XmlError } from "../../src/xlsx/xml";
import { docx, documentXml, HEADER_ROWS, p, r, row, table, tc, tr, W } from "./package";

function paragraphs(body: string, numbering?: string): string[] {
  return readDocxBody(docx(body, numbering === undefined ? {} : { numbering }))
    .filter((block): block is Paragraph => block.kind === "paragraph")
    .map((block) => (block.label ? `${block.label} ${block.text}` : block.text));
}

function tables(body: string, numbering?: string): Table[] {
  return readDocxBody(docx(body, numbering === undefined ? {} : { numbering })).filter(
    (block): block is Table => block.kind === "table",
  );
}

/** Three levels numbered "1.", "1.1.", "1.1.1." as Word's outline numbering of an STT column writes them. */
const OUTLINE =
  '<w:abstractNum w:abstractNumId="7">' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>' +
  '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3."/></w:lvl>' +
  "</w:abstractNum>" +
  '<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>' +
  '<w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>' +
  '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>' +
  '<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>' +
  '<w:num w:numId="5"><w:abstractNumId w:val="9"/></w:num>' +
  '<w:num w:numId="6"><w:abstractNumId w:val="9"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';

function numbered(level: number, text = "", numId = 3): string {
  return `<w:p><w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${text ? r(text) : ""}</w:p>`;
}

describe("a Word document's text as Word shows it", () => {
  it("keeps tracked insertions and drops tracked deletions, moved-away text and deleted rows", () => {
    const body =
      "<w:p>" +
      r("Số hồ sơ nộp trực tuyến: ") +
      '<w:del w:id="1" w:author="Lan"><w:r><w:delText>40</w:delText></w:r></w:del>' +
      '<w:ins w:id="2" w:author="Lan"><w:r><w:t>42</w:t></w:r></w:ins>' +
      '<w:moveFrom w:id="3" w:author="Lan"><w:r><w:t> (cũ)</w:t></w:r></w:moveFrom>' +
      "</w:p>" +
      table(
        row("1.1.1.", "Số nhiệm vụ", "Nhiệm vụ", "7") +
          tr([tc("1.1.2."), tc("Xóa"), tc(""), tc("9"), tc("")], '<w:del w:id="4" w:author="Lan"/>'),
      );
    expect(paragraphs(body)).toEqual(["Số hồ sơ nộp trực tuyến: 42"]);
    expect(tables(body)[0]!.rows.map((row) => row.cells[0]!.text)).toEqual(["1.1.1."]);
  });

  it("reads a field's result, not its code, for complex and simple fields alike", () => {
    const body =
      "<w:p>" +
      r("Kết quả giải quyết TTHC: ") +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> =40+4 </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>44</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      "</w:p>" +
      `<w:p>${r("Trang ")}<w:fldSimple w:instr=" PAGE ">${r("3")}</w:fldSimple></w:p>`;
    expect(paragraphs(body)).toEqual(["Kết quả giải quyết TTHC: 44", "Trang 3"]);
  });

  it("joins runs that Word split inside a word, and leaves out hidden text and a fallback's copy", () => {
    const body =
      `<w:p>${r("Số mới tiếp n")}${r("h", "<w:b/>")}${r("ận: ")}${r("99", "<w:vanish/>")}${r("0")}</w:p>` +
      '<w:p><mc:AlternateContent><mc:Choice Requires="w14">' +
      r("Hộp") +
      "</mc:Choice><mc:Fallback>" +
      r("Hộp") +
      "</mc:Fallback></mc:AlternateContent></w:p>";
    expect(paragraphs(body)).toEqual(["Số mới tiếp nhận: 0", "Hộp"]);
  });

  it("decodes text typed in a TCVN3 font (.VnTime), even a run of one letter", () => {
    const vn = '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>';
    const body = `<w:p>${r("Sè míi tiÕp nhËn", vn)}${r(": 0")}</w:p><w:p>${r("m", vn)}${r("í", vn)}</w:p>`;
    // "í" alone looks like Unicode (it is TCVN3's "ớ"): only the run's font says which it is.
    expect(paragraphs(body)).toEqual(["Số mới tiếp nhận: 0", "mớ"]);
  });

  it("decodes TCVN3 capital fonts (.VnTimeH), which draw every letter as a capital", () => {
    const capital = '<w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/>';
    const body = `<w:p>${r("b¸o c¸o kÕt qu¶ c¶i c¸ch hµnh chÝnh", capital)}${r(" quý III")}</w:p>`;
    expect(paragraphs(body)).toEqual(["BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH quý III"]);
  });

  it("keeps text that looks like markup in a CDATA section, and reads layout markup it passes over", () => {
    const body =
      '<w:p><w:pPr><w:spacing w:before="0" w:after="283"/><w:jc w:val="left"/><w:rPr><w:sz w:val="4"/></w:rPr></w:pPr>' +
      '<w:r><w:rPr><w:b/><w:sz w:val="26"/></w:rPr><w:t><![CDATA[Số <w:b/>mới]]></w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:bidi w:val="0"/></w:pPr><w:r><w:rPr></w:rPr><w:t>Kết quả: 44</w:t></w:r></w:p>';
    expect(paragraphs(body)).toEqual(["Số <w:b/>mới", "Kết quả: 44"]);
  });

  it("writes automatic numbering out as Word lays it out: levels, restarts, letters, bullets", () => {
    const body = [
      numbered(0, "Công tác chỉ đạo"),
      numbered(1, "Kế hoạch"),
      numbered(2, "Số nhiệm vụ"),
      numbered(2, "Đã hoàn thành"),
      numbered(1, "Đối thoại"),
      numbered(0, "Cải cách thể chế"),
      numbered(1, "Số VBQPPL"),
      numbered(0, "Tổng số hồ sơ: 44", 4),
      numbered(0, "đầu", 5),
      numbered(0, "tiếp", 5),
      numbered(0, "lại", 6),
    ].join("");
    expect(paragraphs(body, OUTLINE)).toEqual([
      "1. Công tác chỉ đạo",
      "1.1. Kế hoạch",
      "1.1.1. Số nhiệm vụ",
      "1.1.2. Đã hoàn thành",
      "1.2. Đối thoại",
      "2. Cải cách thể chế",
      "2.1. Số VBQPPL",
      "Tổng số hồ sơ: 44",
      "a) đầu",
      "b) tiếp",
      "a) lại",
    ]);
  });

  it("places cells on the table grid: spans, a row starting after w:gridBefore, merged cells continued", () => {
    const body = table(
      HEADER_ROWS +
        tr([tc("1.", ""), tc("Công tác chỉ đạo", '<w:gridSpan w:val="4"/>')]) +
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc("Số nhiệm vụ")}${tc("Nhiệm vụ")}${tc("7")}${tc("")}</w:tr>`,
    );
    const [found] = tables(body);
    expect(found!.rows.map((row) => row.header)).toEqual([true, true, false, false]);
    expect(found!.rows[1]!.cells.map((cell) => [cell.column, cell.continued, cell.text])).toEqual([
      [0, true, ""],
      [1, true, ""],
      [2, false, "Đơn vị tính"],
      [3, false, "Số liệu"],
      [4, true, ""],
    ]);
    expect(found!.rows[2]!.cells.map((cell) => [cell.column, cell.span])).toEqual([
      [0, 1],
      [1, 4],
    ]);
    expect(found!.rows[3]!.cells.map((cell) => cell.column)).toEqual([1, 2, 3, 4]);
  });
});

describe("the appendix table of a Word report, however Word split it", () => {
  const rows31 =
    row("3.", "Cải cách thủ tục hành chính") +
    row("3.1.", "Thống kê TTHC") +
    row("3.1.1.", "Số TTHC công bố mới", "Thủ tục", "02") +
    row("3.1.2.", "Số TTHC bãi bỏ, thay thế", "Thủ tục", "2") +
    row("3.1.3.", "Tổng số TTHC đang có hiệu lực", "Thủ tục", "9") +
    // "Trong đó" merged down over the three parts, the merge's later cells with no w:val (a continuation).
    tr([
      tc("Trong đó", '<w:vMerge w:val="restart"/>'),
      tc("Số TTHC cấp tỉnh:"),
      tc("Thủ tục"),
      tc("5"),
      tc(""),
    ]) +
    tr([tc("", "<w:vMerge/>"), tc("Số TTHC cấp huyện:"), tc("Thủ tục"), tc("3"), tc("")]) +
    tr([tc("", "<w:vMerge/>"), tc("Số TTHC cấp xã:"), tc("Thủ tục"), tc("1"), tc("")]);
  const rows34 =
    row("3.4.", "Kết quả giải quyết TTHC") +
    row("3.4.1", "Tỷ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hạn", "%", "100%") +
    row("3.4.2", "Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hạn", "%") +
    row("3.4.3", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn", "%") +
    row("3.4.4", "Tỷ lệ hồ sơ TTHC về lĩnh vực đất đai được giải quyết đúng hạn (ở cả 3 cấp).", "%", "95%");
  const rows345 =
    row("3.4", "Tỷ lệ hồ sơ TTHC về lĩnh vực xây dựng được giải quyết đúng hạn (ở cả 3 cấp).", "%", "12,5%") +
    row("7.8.1.", "Tổng số TTHC cung cấp trực tuyến mức độ 3", "TTHC", "64.073");

  it("finds every row across tables with repeated header rows, merged 'Trong đó' cells and the second 3.4", () => {
    const bytes = docx(
      p("THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TẠI UBND HUYỆN CÀNG LONG") +
        table(HEADER_ROWS + rows31) +
        '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' +
        table(HEADER_ROWS + rows34) +
        table(HEADER_ROWS + rows345),
    );
    const report = readWordReport(bytes);
    const sheet = locateAppendix(report.grid)!;
    const value = (code: string) => sheet.cells.get(code)?.cell;
    expect(sheet.unit).toBe("UBND HUYỆN CÀNG LONG");
    expect(sheet.level).toBe("huyen");
    expect(value("3.1.1")).toEqual({ value: 2, numberFormat: undefined, formula: undefined });
    expect([value("3.1.3.a")?.value, value("3.1.3.b")?.value, value("3.1.3.c")?.value]).toEqual([5, 3, 1]);
    expect(value("3.4.1")).toMatchObject({ value: 1, numberFormat: "0%" });
    expect(value("3.4.5")).toMatchObject({ value: 0.125, numberFormat: "0.0%" });
    expect(value("7.8.1")?.value).toBe(64073);
    const placeOf = (code: string) => report.places.get(sheet.cells.get(code)!.row);
    expect(placeOf("3.4.1")).toEqual({ vi: "bảng phụ lục, dòng 3.4.1", en: "appendix table, row 3.4.1" });
    expect(placeOf("3.4.5")).toEqual({
      vi: 'bảng phụ lục, dòng 3.4.5 (in là "3.4")',
      en: 'appendix table, row 3.4.5 (printed "3.4")',
    });
    expect(placeOf("3.1.3.b")?.vi).toBe("bảng phụ lục, dòng 3.1.3.b");
  });

  it("reads codes that only Word's automatic numbering writes, in a single table", () => {
    const stt = (level: number) => tc(numbered(level));
    const bytes = docx(
      table(
        HEADER_ROWS +
          tr([stt(0), tc("Công tác chỉ đạo điều hành CCHC"), tc(""), tc(""), tc("")]) +
          tr([stt(1), tc("Kế hoạch CCHC"), tc(""), tc(""), tc("")]) +
          tr([stt(2), tc("Số nhiệm vụ đề ra trong kế hoạch"), tc("Nhiệm vụ"), tc("7"), tc("")]) +
          tr([stt(2), tc("Số nhiệm vụ đã hoàn thành"), tc("Nhiệm vụ"), tc("8"), tc("")]) +
          tr([stt(2), tc("Số văn bản chỉ đạo CCHC đã ban hành"), tc("Văn bản"), tc("1"), tc("")]) +
          tr([
            stt(1),
            tc("Tổ chức đối thoại của lãnh đạo với người dân"),
            tc("Không = 0 Có = 1"),
            tc("0"),
            tc(""),
          ]) +
          tr([stt(0), tc("Cải cách thể chế"), tc(""), tc(""), tc("")]) +
          [1, 2, 3, 4, 5]
            .map((n) => tr([stt(1), tc(`Số VBQPPL ${n}`), tc("Văn bản"), tc(String(n)), tc("")]))
            .join(""),
      ),
      { numbering: OUTLINE },
    );
    const sheet = locateAppendix(readWordReport(bytes).grid)!;
    expect(sheet.cells.get("1.1.2")?.cell?.value).toBe(8);
    expect(sheet.cells.get("1.1.3")?.cell?.value).toBe(1);
    expect(sheet.cells.get("2.5")?.cell?.value).toBe(5);
  });
});

describe("the main document pruned before it is decoded, where the host converts bytes natively", () => {
  const xml = (body: string) =>
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    body +
    "</w:body></w:document>";
  const paragraph =
    '<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:before="0" w:after="120"/></w:pPr>' +
    '<w:r><w:rPr><w:b/><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">Tổng số hồ sơ: 44 </w:t></w:r></w:p>';
  const both = (bytes: Uint8Array) => {
    const read = (): string | Error => {
      try {
        return decodePrunedXml(bytes, withoutUnreadMarkup);
      } catch (error) {
        return error as Error;
      }
    };
    useNativeText(undefined);
    const decoded = read();
    useNativeText({
      binary: (part) => Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString("latin1"),
      bytes: (binary) => Buffer.from(binary, "latin1"),
      isUtf8: (part) => isUtf8(part),
    });
    const native = read();
    return { decoded, native };
  };

  it("gives the text that pruning the decoded text gives, the Vietnamese text whole", () => {
    const { decoded, native } = both(Buffer.from(xml(paragraph + paragraph), "utf8"));
    expect(native).toBe(decoded);
    const kept = '<w:p><w:r><w:t xml:space="preserve">Tổng số hồ sơ: 44 </w:t></w:r></w:p>';
    expect(native).toBe(xml(kept + kept));
  });

  it("refuses bytes invalid in UTF-8 even inside markup that pruning removes", () => {
    const valid = Buffer.from(xml(paragraph), "utf8");
    const at = valid.indexOf('"center"') + 1;
    const invalid = Buffer.concat([valid.subarray(0, at), Buffer.from([0xc3, 0x28]), valid.subarray(at)]);
    const { decoded, native } = both(invalid);
    expect(decoded).toBeInstanceOf(XmlError);
    expect(native).toBeInstanceOf(XmlError);
    expect((native as Error).message).toBe("bytes invalid in utf-8");
  });

  it("decodes a UTF-16 part as it is, unpruned by bytes", () => {
    const text = xml(paragraph);
    const sixteen = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(text.replace("UTF-8", "UTF-16"), "utf16le"),
    ]);
    const { decoded, native } = both(sixteen);
    expect(native).toBe(decoded);
    expect(native).toContain("Tổng số hồ sơ: 44");
    expect((native as string).length).toBeLessThan(text.length);
  });
});

describe("paragraph styles pruned with the markup nothing reads", () => {
  // "Muc" numbers its paragraphs, "MucCon" is based on it; "TextBody" and the undefined "Khac" number nothing.
  const styles = readStyles(
    `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">` +
      '<w:style w:type="paragraph" w:styleId="Muc"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="MucCon"><w:basedOn w:val="Muc"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="TextBody"><w:pPr><w:spacing w:after="140"/></w:pPr></w:style>' +
      "</w:styles>",
  );
  const styled = (style: string, text: string, more = "") =>
    `<w:p><w:pPr><w:pStyle w:val="${style}"/>${more}</w:pPr>${r(text)}</w:p>`;
  const body =
    styled("Muc", "Công tác chỉ đạo") +
    styled("MucCon", "Kế hoạch CCHC", '<w:jc w:val="left"/>') +
    styled("TextBody", "Số hồ sơ: 44") +
    styled("Khac", "Số mới tiếp nhận: 0", "<w:rPr><w:b/></w:rPr>") +
    styled("Text&amp;Body", "Ghi chú");
  const read = (xml: string) =>
    readBody(xml, readNumbering(`<w:numbering xmlns:w="${W}">${OUTLINE}</w:numbering>`), styles, BODY_LIMITS);

  it("removes the styles that number nothing, and a pPr left empty, keeping every numbering style", () => {
    const xml = documentXml(body);
    const pruned = withoutUnreadMarkup(xml, styles);
    expect(pruned).toContain('<w:pStyle w:val="Muc"/>');
    expect(pruned).toContain('<w:pPr><w:pStyle w:val="MucCon"/></w:pPr>');
    expect(pruned).not.toContain("TextBody");
    expect(pruned).toContain(`<w:p>${r("Số hồ sơ: 44")}</w:p>`);
    // The run properties of the paragraph mark go; the pPr around them, one group deeper, stays empty.
    expect(pruned).toContain(`<w:p><w:pPr></w:pPr>${r("Số mới tiếp nhận: 0")}</w:p>`);
    // A name written with a reference is not a plain name: it is read as it is.
    expect(pruned).toContain('<w:pStyle w:val="Text&amp;Body"/>');
    expect(withoutUnreadMarkup(xml)).toContain("TextBody");
  });

  it("reads the same paragraphs, numbered by their styles, from the pruned text as from the whole", () => {
    const xml = documentXml(body);
    const blocks = read(withoutUnreadMarkup(xml, styles));
    expect(blocks).toEqual(read(xml));
    expect(blocks.map((block) => (block.kind === "paragraph" ? [block.label, block.text] : []))).toEqual([
      ["1.", "Công tác chỉ đạo"],
      ["2.", "Kế hoạch CCHC"],
      ["", "Số hồ sơ: 44"],
      ["", "Số mới tiếp nhận: 0"],
      ["", "Ghi chú"],
    ]);
  });
});
