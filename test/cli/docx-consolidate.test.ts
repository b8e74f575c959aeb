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
const UNIT = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG";

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
});
