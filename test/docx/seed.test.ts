import type { Table } from "../../src/docx/document";
import { readBody, readStyles, withoutUnreadMarkup } from "../../src/docx/document";
import { readNumbering } from "../../src/docx/numbering";
import { BODY_LIMITS, readDocxBody } from "../../src/docx/package";
import { readWordReport } from "../../src/docx/report";
import { locateAppendix } from "../../src/domain/locate";
import { LIMITS } from "../../src/xlsx/grid";
import { decodeXml } from "../../src/xlsx/xml";
import { entryBytes, zipDirectory } from "../../src/xlsx/zip";
import { convertHtml, seedHtml } from "./seed-docx";

describe("the seed report as a Word document made by LibreOffice", () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await convertHtml(seedHtml());
  });

  it("takes exactly the figures the body states for the source block, each with its paragraph", () => {
    const report = readWordReport(bytes);
    expect(report.figures.map((figure) => [figure.code, figure.written])).toEqual([
      ["HS.1", "44"],
      ["HS.1.1", "0"],
      ["HS.1.2", "0"],
      ["HS.2", "44"],
      ["HS.2.1", "44"],
      ["HS.2.2", "0"],
      ["HS.3", "0"],
      ["HS.3.1", "0"],
      ["HS.3.2", "0"],
      ["HS.4", "0"],
      ["HS.5", "42"],
      ["DV.3", "6.356"],
      ["DV.3.1", "5.598"],
      ["DV.3.2", "758"],
      ["DV.4", "5.621"],
      ["DV.4.1", "1.93673"],
      ["DV.4.2", "3.685"],
    ]);
    expect(report.figures[0]!.paragraph).toBe("Tổng số hồ sơ yêu cầu giải quyết TTHC quý III/2021: 44");
    expect(report.figures[2]!.paragraph).toBe("+ Số mới tiếp nhận: 0");
    expect(report.unread).toEqual([]);
    // None of the province's iGate figures, nor any row the body does not state (QT, VB, BC).
    const written = report.figures.map((figure) => figure.written);
    for (const other of ["14.950", "10.507", "4.443", "11.093", "11.977", "1.567", "64.073", "762", "805"]) {
      expect(written).not.toContain(other);
    }
  });

  it("reads its appendix split over seven tables with repeated headers as one appendix, as printed", () => {
    const tables = readDocxBody(bytes).filter((block): block is Table => block.kind === "table");
    expect(tables.map((table) => table.rows.filter((row) => row.header).length)).toEqual([
      2, 2, 2, 2, 2, 2, 2,
    ]);
    const report = readWordReport(bytes);
    const sheet = locateAppendix(report.grid)!;
    // The title's "TẠI SỞ THÔNG TIN VÀ TRUYỀN THÔNG" written as its opening line writes the name.
    expect(sheet).toMatchObject({ unit: "Sở Thông tin và Truyền thông", level: "so", period: "2021-Q3" });
    const value = (code: string) => sheet.cells.get(code)?.cell;
    expect(value("1.1.1")?.value).toBe(7);
    expect(value("3.1.1")?.value).toBe(2);
    expect(value("3.4.5")).toBeUndefined();
    expect(sheet.cells.has("3.4.5")).toBe(true);
    expect(value("4.2.5")).toMatchObject({ value: 0.125, numberFormat: "0.0%" });
    expect(value("7.6.1.c")).toMatchObject({ value: 1, numberFormat: "0%" });
    expect(value("7.6.2.b")).toMatchObject({ value: 0.0002, numberFormat: "0.00%" });
    expect(value("7.8.4")).toMatchObject({ value: 0.6555, numberFormat: "0.00%" });
    expect(value("DV.4.1")?.value).toBe("1.93673");
    const notes = report.grid.cells.flatMap((row) => (row[4]?.value ? [row[4].value] : []));
    expect(notes).toEqual(
      expect.arrayContaining(["Số liệu này do Văn phòng UBND tỉnh cung cấp", "Có 8 TTHC thu phí, lệ phí"]),
    );
  });

  it("reads the same body when the markup nothing reads is removed before tokenizing, a third of the bytes", () => {
    const entries = zipDirectory(bytes, LIMITS);
    const part = (name: string) => decodeXml(entryBytes(bytes, entries.get(name)!));
    const read = (xml: string) =>
      readBody(
        xml,
        readNumbering(part("word/numbering.xml")),
        readStyles(part("word/styles.xml")),
        BODY_LIMITS,
      );
    const xml = part("word/document.xml");
    expect(withoutUnreadMarkup(xml).length).toBeLessThan(xml.length / 3);
    // A comment makes the reader keep every byte: markup-like text inside it is text.
    const kept = xml.replace("<w:body>", "<w:body><!-- kept whole -->");
    expect(withoutUnreadMarkup(kept)).toBe(kept);
    const blocks = read(xml);
    expect(blocks.filter((block) => block.kind === "table")).toHaveLength(7);
    expect(blocks).toEqual(read(kept));
    // With the document's styles, its paragraph styles go too (none of the seed's numbers a paragraph).
    const styled = withoutUnreadMarkup(xml, readStyles(part("word/styles.xml")));
    expect(styled.length).toBeLessThan(withoutUnreadMarkup(xml).length * 0.8);
    expect(read(styled)).toEqual(blocks);
  });
});
