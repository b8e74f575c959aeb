import { readDocxBody } from "../../src/docx/package";
import type { Block } from "../../src/docx/document";
import { trackedReport } from "./tracked-docx";

// Tracked changes read as the document reads once they are accepted (DESIGN.md section 13), in a report LibreOffice
// Writer saved as .docx: inserted and moved-in text read, deleted and moved-away text not, and of a property change
// only the current properties, never the old ones Word keeps beside them (an old style or numbering would number
// a paragraph, an old hidden or TCVN3 run would hide or garble its text, an old row or cell property would move a
// table's grid).

let blocks: Block[] = [];
let writerXml = "";

beforeAll(async () => {
  const report = await trackedReport();
  blocks = readDocxBody(report.docx);
  writerXml = report.writerXml;
}, 100_000);

describe("a report with tracked changes, saved by Writer", () => {
  it("is Writer's own tracked markup: a deletion, an insertion, a move, a format change, a paragraph mark deleted", () => {
    for (const element of ["w:del ", "w:delText", "w:ins ", "w:moveFrom ", "w:moveTo ", "w:rPrChange "]) {
      expect(writerXml).toContain(`<${element}`);
    }
    expect(writerXml).toMatch(
      /<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:del [^>]*>(?:<\/w:del>)?<\/w:rPr><\/w:pPr>/,
    );
  });

  it("reads inserted and moved-in text, not deleted or moved-away text, each paragraph by its current properties, joined to the next where its mark is deleted", () => {
    const paragraphs = blocks.flatMap((block) =>
      block.kind === "paragraph" && block.text
        ? [block.label ? `${block.label} ${block.text}` : block.text]
        : [],
    );
    expect(paragraphs).toEqual([
      "1. Công tác chỉ đạo",
      "a) Kế hoạch",
      "Số hồ sơ nộp trực tuyến: 42",
      "Số kỳ trước chuyển qua : 0",
      "Số mới tiếp nhận (kỳ trước) : 30",
      "Tổng số hồ sơ: 44",
      "Số hồ sơ đã giải quyết: 40",
      "Số hồ sơ trả quá hạn: 5",
      "Trả đúng thời hạn: 40",
    ]);
  });

  it("places the table's cells by their current row and cell properties", () => {
    const table = blocks.find((block) => block.kind === "table");
    expect(table?.rows.map((row) => row.header)).toEqual([false]);
    expect(table?.rows[0]!.cells.map((cell) => [cell.column, cell.span, cell.continued, cell.text])).toEqual([
      [0, 1, false, "1.1.1."],
      [1, 1, false, "Số nhiệm vụ"],
      [2, 1, false, "Nhiệm vụ"],
      [3, 1, false, "7"],
      [4, 1, false, ""],
    ]);
  });

  it("reads no cell whose deletion is tracked, the cells after it moving left, and reads an inserted cell", () => {
    const table = blocks.filter((block) => block.kind === "table")[1];
    expect(table?.rows[0]!.cells.map((cell) => [cell.column, cell.span, cell.continued, cell.text])).toEqual([
      [0, 1, false, "1.1.2."],
      [1, 1, false, "Số văn bản"],
      [2, 1, false, "Văn bản"],
      [3, 1, false, "4"],
      [4, 1, false, ""],
    ]);
  });
});
