import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/cli/xlsx/read";
import { SUMMARY_SHEETS } from "../../src/cli/xlsx/summary";
import { catalogue } from "../../src/domain/catalogue";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import { WORD_SHEET } from "../../src/docx/report";
import { SO_TU_PHAP } from "../helpers/departments";
import { seedWith } from "../helpers/seed";
import { runConsolidate } from "../helpers/tools";
import { filledTemplate, typeInto, useTempDir } from "../helpers/xlsx";
import { convertHtml, seedHtml } from "../docx/seed-docx";

// The seed's Word report consolidated beside a department's workbook, against the same figures typed into a
// workbook: a Word report is one unit's appendix like any sheet, so the province's summary is the same.

/** The seed's figures as the Word report states them: "02" is the count 2 (a Word document holds only text). */
const SEED_AS_WORD = seedWith({ "3.1.1": 2, "3.1.2": 2 });
const UNIT = "Sở Thông tin và Truyền thông";

async function seedWorkbook(): Promise<Uint8Array> {
  const bytes = await filledTemplate(SEED_AS_WORD, { unit: UNIT, sheetName: WORD_SHEET });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0]!;
  typeInto(sheet, {});
  const layout = sheetLayout(catalogue);
  sheet.getCell(layout.rowOf.get("3.1.3.a")!, COLUMNS.note + 1).value =
    "Số liệu này do Văn phòng UBND tỉnh cung cấp";
  sheet.getCell(layout.rowOf.get("3.5.3")!, COLUMNS.note + 1).value = "Có 8 TTHC thu phí, lệ phí";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * Every sheet of a summary as text, file names made one: what the two summaries must share. The correction
 * requests are the one place they differ by design: a workbook's name cells, a Word report's its rows and paragraphs.
 */
async function summaryText(path: string, name: string): Promise<string[]> {
  const sheets = await readWorkbookFile(path);
  return sheets
    .filter((sheet) => sheet.name !== SUMMARY_SHEETS.requests)
    .map((sheet) =>
      JSON.stringify([
        sheet.name,
        sheet.cells.map((row) => row.map((cell) => cell?.value ?? null)),
      ]).replaceAll(name, "so-tttt"),
    );
}

/** The sentence of a unit's correction letter that says where its appendix is, Vietnamese then English. */
async function letterOpening(path: string, unit: string): Promise<[string, string]> {
  const requests = (await readWorkbookFile(path)).find((sheet) => sheet.name === SUMMARY_SHEETS.requests)!;
  const row = requests.cells.find((cells) => cells[0]?.value === unit)!;
  const sentence = (column: number) => String(row[column]?.value).split("\n")[2]!;
  return [sentence(4), sentence(5)];
}

describe("consolidate of Word reports and workbooks together", () => {
  const temp = useTempDir("cchc-docx-consolidate-");

  it("gives the same summary as the same figures typed into workbooks", async () => {
    const other = await temp.write(
      "so-tu-phap.xlsx",
      await filledTemplate(SO_TU_PHAP, { unit: "Sở Tư pháp" }),
    );
    const word = await temp.write("so-tttt.docx", await convertHtml(seedHtml()));
    const typed = await temp.write("so-tttt.xlsx", await seedWorkbook());
    const fromWord = await runConsolidate([word, other, "-o", temp.path("tong-hop-word.xlsx")]);
    const fromWorkbooks = await runConsolidate([typed, other, "-o", temp.path("tong-hop-excel.xlsx")]);
    expect(fromWord.stderr).toBe(fromWorkbooks.stderr.replace("so-tttt.xlsx", "so-tttt.docx"));
    expect([fromWord.code, fromWord.stdout]).toEqual([
      fromWorkbooks.code,
      fromWorkbooks.stdout.replaceAll("tong-hop-excel", "tong-hop-word"),
    ]);
    expect(await summaryText(temp.path("tong-hop-word.xlsx"), "so-tttt.docx")).toEqual(
      await summaryText(temp.path("tong-hop-excel.xlsx"), "so-tttt.xlsx"),
    );
    const requests = (await readWorkbookFile(temp.path("tong-hop-word.xlsx"))).find(
      (sheet) => sheet.name === SUMMARY_SHEETS.requests,
    )!;
    const letter = String(requests.cells.find((row) => row[0]?.value === UNIT)?.[4]?.value);
    expect(letter).toContain(
      '1. Mức độ 4: tiếp nhận trực tiếp (DV.4.1): "1.93673" không phải một số hợp lệ; theo số liệu cân đối, giá trị đúng có thể là 1.936. — đoạn: "…',
    );
    expect(letter).toContain(
      "khi cắt bớt chữ số thập phân; làm tròn đúng là 11,93%. — bảng phụ lục, dòng 7.8.3; đoạn:",
    );
    expect(letter).not.toMatch(/Ô D\d+/);
  });

  it("names a Word report's appendix as its table in the report, a workbook's as its sheet", async () => {
    const other = await temp.write(
      "so-tu-phap.xlsx",
      await filledTemplate(SO_TU_PHAP, { unit: "Sở Tư pháp" }),
    );
    const word = await temp.write("bao-cao.docx", await convertHtml(seedHtml()));
    const typed = await temp.write("bao-cao.xlsx", await seedWorkbook());
    await runConsolidate([word, other, "-o", temp.path("thu-word.xlsx")]);
    await runConsolidate([typed, other, "-o", temp.path("thu-excel.xlsx")]);
    expect(await letterOpening(temp.path("thu-word.xlsx"), UNIT)).toEqual([
      "Sở Nội vụ đã nhận phụ lục thống kê số liệu về kết quả thực hiện công tác cải cách hành chính Quý III/2021 của đơn vị (bảng phụ lục của báo cáo bao-cao.docx). Qua kiểm tra, đề nghị đơn vị rà soát, chỉnh sửa các nội dung dưới đây và gửi lại phụ lục đã sửa:",
      "The Department of Home Affairs has received your administrative reform statistical appendix for 2021-Q3 (the appendix table of the report bao-cao.docx). Please review and correct the points below and send the corrected appendix back:",
    ]);
    // The same figures in a workbook, even on a sheet named as the reader names a report's table: still a sheet.
    expect(await letterOpening(temp.path("thu-excel.xlsx"), UNIT)).toEqual([
      "Sở Nội vụ đã nhận phụ lục thống kê số liệu về kết quả thực hiện công tác cải cách hành chính Quý III/2021 của đơn vị (tệp bao-cao.xlsx, trang tính 'bảng phụ lục'). Qua kiểm tra, đề nghị đơn vị rà soát, chỉnh sửa các nội dung dưới đây và gửi lại phụ lục đã sửa:",
      "The Department of Home Affairs has received your administrative reform statistical appendix for 2021-Q3 (file bao-cao.xlsx, sheet 'bảng phụ lục'). Please review and correct the points below and send the corrected appendix back:",
    ]);
    for (const summary of ["thu-word.xlsx", "thu-excel.xlsx"]) {
      expect(await letterOpening(temp.path(summary), "Sở Tư pháp")).toEqual([
        "Sở Nội vụ đã nhận phụ lục thống kê số liệu về kết quả thực hiện công tác cải cách hành chính Quý III/2021 của đơn vị (tệp so-tu-phap.xlsx, trang tính 'Sở TTTT'). Qua kiểm tra, đề nghị đơn vị rà soát, chỉnh sửa các nội dung dưới đây và gửi lại phụ lục đã sửa:",
        "The Department of Home Affairs has received your administrative reform statistical appendix for 2021-Q3 (file so-tu-phap.xlsx, sheet 'Sở TTTT'). Please review and correct the points below and send the corrected appendix back:",
      ]);
    }
  });
});
