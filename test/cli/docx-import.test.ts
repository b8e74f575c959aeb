import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { catalogue } from "../../src/domain/catalogue";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import { ValidationReportSchema } from "../../src/workflows/report";
import { SEED_VALUES } from "../helpers/seed";
import { filledTemplate, useTempDir } from "../helpers/xlsx";
import { docx, p } from "../docx/package";
import { convertHtml, convertText, seedHtml, seedText } from "../docx/seed-docx";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

async function blocking(file: string) {
  const { stdout } = await run(["validate", file, "--format", "json"]);
  return ValidationReportSchema.parse(JSON.parse(stdout))
    .files[0]!.sheets[0]!.findings.filter((finding) => finding.severity !== "info")
    .map((finding) => [finding.rule, finding.suggestion?.code, finding.suggestion?.value]);
}

describe("cchc-appendix import of a Word report", () => {
  const temp = useTempDir("cchc-docx-import-");
  let report: string;
  beforeAll(async () => {
    report = await temp.write("bao-cao.docx", await convertHtml(seedHtml()));
  });

  it("writes the standard workbook filled from the report, a note on every value from its text", async () => {
    const out = temp.path("phu-luc.xlsx");
    const { code, stdout, stderr } = await run(["import", report, "-o", out]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain("49 số liệu từ bảng phụ lục, 17 số liệu từ phần báo cáo");
    expect(stdout).toContain("49 values from the appendix table, 17 values from the report's text");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    const layout = sheetLayout(catalogue);
    const cell = (code: string) => sheet.getCell(layout.rowOf.get(code)!, COLUMNS.value + 1);
    expect(cell("1.1.1").value).toBe(7);
    expect([cell("4.2.5").value, cell("4.2.5").numFmt]).toEqual([0.125, "0.0%"]);
    expect(cell("HS.1").value).toBe(44);
    expect(cell("DV.4.1").value).toBe("1.93673");
    expect(String(cell("HS.1.2").note)).toContain('Lấy từ phần báo cáo, đoạn: "+ Số mới tiếp nhận: 0"');
    expect(String(cell("HS.1.2").note)).toContain("From the report's text, paragraph:");
    expect(cell("1.1.1").note).toBeUndefined();
    // The unit as the report's text writes it, not as its title's capitals.
    expect([sheet.name, sheet.getCell(4, COLUMNS.label + 1).value]).toEqual([
      expect.not.stringMatching(/^SỞ/),
      "Sở Thông tin và Truyền thông",
    ]);
    expect(sheet.getCell(layout.rowOf.get("3.5.3")!, COLUMNS.note + 1).value).toBe(
      "Có 8 TTHC thu phí, lệ phí",
    );
    // The workbook says what the report says: the same errors as the report and as the seed typed into the form.
    expect(await blocking(out)).toEqual(await blocking(report));
    expect(await blocking(out)).toEqual(
      await blocking(await temp.write("seed.xlsx", await filledTemplate(SEED_VALUES))),
    );
  });

  it("takes a numbered heading that names a row for no figure: the row keeps its list line's value", async () => {
    for (const [name, heading] of [
      ["heading-2.docx", "2. Kết quả giải quyết thủ tục hành chính"],
      ["heading-3-4.docx", "3.4. Kết quả giải quyết TTHC"],
    ] as const) {
      const html = seedHtml().replace(
        "<p>Tiếp tục nâng cao chất lượng hoạt động",
        `<p>${heading}</p>\n<p>Tiếp tục nâng cao chất lượng hoạt động`,
      );
      const file = await temp.write(name, await convertHtml(html));
      expect(await blocking(file)).toEqual(await blocking(report));
      const out = temp.path(`${name}.xlsx`);
      expect((await run(["import", file, "-o", out])).code).toBe(0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      const cell = workbook.worksheets[0]!.getCell(
        sheetLayout(catalogue).rowOf.get("HS.2")!,
        COLUMNS.value + 1,
      );
      expect([cell.value, String(cell.note)]).toEqual([
        44,
        expect.stringContaining("Kết quả giải quyết TTHC: 44"),
      ]);
    }
  });

  it("reads a tab-separated appendix (LibreOffice's .docx of the seed's .txt) as its table", async () => {
    const tabbed = await temp.write("seed-txt.docx", await convertText(seedText()));
    const read = await run(["import", tabbed, "-o", temp.path("seed-txt.xlsx")]);
    expect([read.code, read.stderr]).toEqual([0, ""]);
    expect(read.stdout).toContain("49 số liệu từ bảng phụ lục, 17 số liệu từ phần báo cáo");
  });

  it("writes a report without an appendix table from its text, warning in both languages that it has none", async () => {
    const bodyOnly = await temp.write("khong-bang.docx", docx(p("- Số hồ sơ nộp trực tuyến: 42")));
    const written = await run(["import", bodyOnly, "-o", temp.path("khong-bang.xlsx")]);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain("Không tìm thấy bảng phụ lục trong báo cáo: chỉ đọc được 1 số liệu");
    expect(written.stderr).toContain("No appendix table was found in the report: only 1 value stated");
  });

  it("refuses a workbook, a second report and an output that exists, in both languages", async () => {
    const workbook = await temp.write("da-la-excel.xlsx", await filledTemplate(SEED_VALUES));
    const again = await run(["import", workbook, "-o", temp.path("x.xlsx")]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("Tệp này đã là bảng tính Excel: dùng validate để kiểm tra");
    expect(again.stderr).toContain("This file is already an Excel workbook");
    const two = await run(["import", report, report, "-o", temp.path("y.xlsx")]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("Chỉ định đúng một báo cáo Word (.docx) cần chuyển.");
    const exists = await run(["import", report, "-o", workbook]);
    expect(exists.code).toBe(2);
  });

  it("refuses a district's report for a period after the 2025 reform, saying why, and writes nothing", async () => {
    const html = seedHtml()
      .replace("TẠI SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "TẠI UBND HUYỆN CÀNG LONG")
      .replace("Kết quả cải cách hành chính quý III năm 2021", "Kết quả cải cách hành chính quý I năm 2026");
    const district = await temp.write("huyen-2026.docx", await convertHtml(html));
    const out = temp.path("huyen-2026.xlsx");
    const { code, stderr } = await run(["import", district, "-o", out]);
    expect(code).toBe(2);
    expect(stderr).toContain("Kỳ Quý I/2026: từ 01/7/2025 không còn cấp huyện");
    expect(stderr).toContain("2026-Q1: there is no district level from 1 July 2025");
    expect(stderr).not.toContain("Lỗi không mong đợi");
    expect(existsSync(out)).toBe(false);
  });
});
