import { bodyFigures } from "../../src/docx/body";
import type { Paragraph } from "../../src/docx/document";
import { catalogue } from "../../src/domain/catalogue";

function paragraph(text: string, listed = false, level = 0): Paragraph {
  return { kind: "paragraph", label: "", level, listed, text };
}

function read(...texts: (string | Paragraph)[]) {
  const result = bodyFigures(
    texts.map((text) => (typeof text === "string" ? paragraph(text) : text)),
    catalogue.reportWordings,
    catalogue,
  );
  return {
    figures: result.figures.map((figure) => [figure.code, figure.written]),
    unread: result.unread.map((entry) => [entry.reason, entry.codes, entry.numbers]),
  };
}

describe("the source block's figures in a report's body", () => {
  it("takes a list line's wording and its one number, not the period's year in it", () => {
    expect(read("- Tổng số hồ sơ yêu cầu giải quyết TTHC quý III/2021: 44").figures).toEqual([
      ["HS.1", "44"],
    ]);
  });

  it("reads a '+' sub-item under the list line above it: 'Quá hạn' is late or overdue by its parent", () => {
    const { figures } = read(
      "- Kết quả giải quyết TTHC: 44",
      "- + Trả đúng thời hạn: 40",
      "- + Quá hạn: 4",
      "- Số hồ sơ đang giải quyết: 3",
      "- + Chưa đến hạn: 1",
      "- + Quá hạn: 2",
    );
    expect(figures).toEqual([
      ["HS.2", "44"],
      ["HS.2.1", "40"],
      ["HS.2.2", "4"],
      ["HS.3", "3"],
      ["HS.3.1", "1"],
      ["HS.3.2", "2"],
    ]);
  });

  it("reads sub-items of Word's own bulleted list by their level, as it does typed '+' lines", () => {
    const { figures } = read(
      paragraph("Số hồ sơ đang giải quyết: 3", true, 0),
      paragraph("Chưa đến hạn: 1", true, 1),
      paragraph("Quá hạn: 2", true, 1),
    );
    expect(figures).toEqual([
      ["HS.3", "3"],
      ["HS.3.1", "1"],
      ["HS.3.2", "2"],
    ]);
  });

  it("takes nothing for a wording too short to name a row alone, outside its parent", () => {
    expect(read("- Quá hạn: 2", "Hồ sơ trực tiếp: 15").figures).toEqual([]);
  });

  it("reads running text clause by clause, a parenthesis under the figure it follows", () => {
    const { figures } = read(
      "Trong quý tiếp nhận 11.977 hồ sơ đối với dịch vụ công mức độ 3,4, trong đó: 6.356 hồ sơ mức 3 (5.598 trực tiếp, 758 trực tuyến (tỷ lệ 11,92%)); 5.621 hồ sơ mức 4 (1.93673 trực tiếp, 3.685 trực tuyến (tỷ lệ 65,55%)).",
    );
    expect(figures).toEqual([
      ["DV.3", "6.356"],
      ["DV.3.1", "5.598"],
      ["DV.3.2", "758"],
      ["DV.4", "5.621"],
      ["DV.4.1", "1.93673"],
      ["DV.4.2", "3.685"],
    ]);
  });

  it("takes no figure from a shared word: the province's iGate total is not 'Số mới tiếp nhận'", () => {
    const result = read(
      "Trong quý hệ thống đã tiếp nhận 14.950 hồ sơ (10.507 trực tiếp, 4.443 trực tuyến) và giải quyết 11.093 hồ sơ, các hồ sơ còn lại trong quá trình giải quyết.",
      "tổng số dịch vụ trực tuyến cung cấp của tỉnh là 1.567 (mức 3:762 (tỷ lệ 41,01%), mức 4: 805, (tỷ lệ 43,33%)).",
      "Tổng văn bản đi trong quý: 64.073, ký số 49.362 văn bản (tỷ lệ 77,04%).",
    );
    expect(result).toEqual({ figures: [], unread: [] });
  });

  it("reports a row with two numbers, and a number for two rows, as not read rather than guessed", () => {
    const result = read(
      "- Số hồ sơ nộp trực tuyến: 42 và 40",
      "- Số hồ sơ đang giải quyết và Số hồ sơ trả qua dịch vụ bưu chính công ích: 5",
    );
    expect(result).toEqual({
      figures: [],
      unread: [
        ["numbers", ["HS.5"], ["42", "40"]],
        ["rows", ["HS.4", "HS.3"], ["5"]],
      ],
    });
  });

  it("matches whole wordings only, whatever their case and spacing", () => {
    expect(read("- SỐ HỒ SƠ  NỘP TRỰC TUYẾN: 42", "- Số hồ sơ nộp trực tuyếnx: 41").figures).toEqual([
      ["HS.5", "42"],
    ]);
  });

  it("does not count dates, document numbers and levels as figures", () => {
    expect(
      read(
        "- Số hồ sơ nộp trực tuyến theo Nghị định 61/2018/NĐ-CP ngày 23/4/2018 trong năm 2021 (mức độ 4): 42",
      ).figures,
    ).toEqual([["HS.5", "42"]]);
  });

  it("takes a heading's outline number for no figure, though the heading names a row", () => {
    expect(
      read(
        "2. Kết quả giải quyết thủ tục hành chính",
        "3.4. Kết quả giải quyết TTHC",
        "3.4 Kết quả giải quyết TTHC",
        "II.2. Số hồ sơ đang giải quyết",
        "a) Số hồ sơ nộp trực tuyến",
      ),
    ).toEqual({ figures: [], unread: [] });
  });

  it("reads a numbered line's figure past its outline number, and a count at a line's start as a count", () => {
    expect(
      read("5. Số hồ sơ nộp trực tuyến: 42", "1) Số hồ sơ đang giải quyết: 3", "5.621 hồ sơ mức 4").figures,
    ).toEqual([
      ["HS.5", "42"],
      ["HS.3", "3"],
      ["DV.4", "5.621"],
    ]);
  });
});
