import ExcelJS from "exceljs";
import { SUMMARY_SHEETS } from "../../src/cli/xlsx/summary";
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { runConsolidate } from "../helpers/tools";
import { filledTemplate, useTempDir } from "../helpers/xlsx";
import { SO_TU_PHAP, SO_Y_TE } from "../helpers/departments";

// `cchc-appendix consolidate` given an appendix of another period: left out with a line saying so, unless
// --allow-other-periods.

async function hs2(path: string): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const row = sheetLayout(catalogue).rowOf.get("HS.2")!;
  return workbook.getWorksheet(SUMMARY_SHEETS.form)!.getCell(row, 4).value;
}

describe("cchc-appendix consolidate with an appendix of another period", () => {
  const temp = useTempDir("cchc-periods-");
  let files: string[];
  beforeAll(async () => {
    files = [
      await temp.write(
        "tu-phap.xlsx",
        await filledTemplate(SO_TU_PHAP, { unit: "Sở Tư pháp", period: "2021-Q3", sheetName: "Phụ lục" }),
      ),
      await temp.write(
        "y-te-q2.xlsx",
        await filledTemplate(SO_Y_TE, { unit: "Sở Y tế", period: "2021-Q2", sheetName: "Phụ lục" }),
      ),
      await temp.write(
        "xay-dung.xlsx",
        await filledTemplate(
          { "1.1.1": 2 },
          { unit: "Sở Xây dựng", period: "2021-Q3", sheetName: "Phụ lục" },
        ),
      ),
    ];
  });

  it("leaves it out of the summary and says so on stderr, in Vietnamese then English", async () => {
    const out = temp.path("tong-hop.xlsx");
    const { code, stderr } = await runConsolidate([...files, "-o", out]);
    expect(code).toBe(0);
    expect(await hs2(out)).toBe(100);
    expect(stderr).toContain(
      'y-te-q2.xlsx: Phụ lục của "Sở Y tế" ghi kỳ Quý II/2021, khác kỳ tổng hợp Quý III/2021: không cộng vào bảng tổng hợp.',
    );
    expect(stderr).toContain('y-te-q2.xlsx: The appendix of "Sở Y tế" states 2021-Q2');
  });

  it("sums it when --allow-other-periods is given", async () => {
    const out = temp.path("tong-hop-moi-ky.xlsx");
    const { code, stderr } = await runConsolidate([...files, "-o", out, "--allow-other-periods"]);
    expect(code).toBe(0);
    expect(await hs2(out)).toBe(110);
    expect(stderr).not.toContain("không cộng vào bảng tổng hợp");
  });
});
