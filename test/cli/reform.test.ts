import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { ValidationReportSchema } from "../../src/workflows/report";
import { useTempDir } from "../helpers/xlsx";

// The 2025 reform through the command line and the real template file (DESIGN.md section 12): a 2026-Q1 template
// offers no district level, and `--level huyen` for such a period is refused before anything is written.

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const layout = sheetLayout(catalogue);
const ABOUT_DISTRICTS = ["3.4.2", "4.1.4.c", "5.3.4", "7.2", "7.6.1.b", "7.7.2"];

function rowOf(code: string): number {
  const row = layout.rowOf.get(code);
  if (row === undefined) throw new Error(`no row for ${code}`);
  return row;
}

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${file} holds no sheet`);
  return sheet;
}

/** What row 4's level cell offers, read from the file: the list its validation refers to. */
function offeredLevels(sheet: ExcelJS.Worksheet): string[] {
  const validation = sheet.getCell("D4").dataValidation;
  expect(validation.type).toBe("list");
  const match = /^\$?G\$?1:\$?G\$?(\d+)$/.exec(String(validation.formulae?.[0]).replace(/^=/, ""));
  if (!match) throw new Error(`D4 lists ${String(validation.formulae?.[0])}`);
  return Array.from({ length: Number(match[1]) }, (_, at) => String(sheet.getCell(`G${at + 1}`).value));
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === "pattern" ? fill.fgColor?.argb : undefined;
}

describe("cchc-appendix template for a period after the 2025 reform", () => {
  const temp = useTempDir("cchc-reform-");

  it("writes a 2026-Q1 template whose level list holds no district, and greys the rows about districts", async () => {
    const file = temp.path("quy-1-2026.xlsx");
    const { code, stderr } = await run([
      "template",
      "-o",
      file,
      "--unit",
      "UBND xã Long Đức",
      "--level",
      "xa",
      "--period",
      "Quý I/2026",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const sheet = await sheetOf(file);
    expect(offeredLevels(sheet)).toEqual(["Sở, ngành", "Xã"]);
    expect(sheet.getCell("D4").value).toBe("Xã");
    expect(sheet.getCell("E4").value).toBe("Quý I/2026");
    for (const code of ABOUT_DISTRICTS) {
      const value = sheet.getCell(`D${rowOf(code)}`);
      const note = sheet.getCell(`E${rowOf(code)}`);
      expect([code, value.protection?.locked ?? true, value.dataValidation?.type]).toEqual([
        code,
        true,
        undefined,
      ]);
      expect([code, note.value, fillOf(value), fillOf(note)]).toEqual([
        code,
        "Không áp dụng từ 01/7/2025",
        "FFD9D9D9",
        "FFD9D9D9",
      ]);
    }
    // The commune's own rate stays an input with its formula.
    const communeRate = sheet.getCell(`D${rowOf("3.4.3")}`);
    expect(communeRate.protection?.locked).toBe(false);
    expect(communeRate.formula).toBeDefined();
  });

  it("writes a 2025-H1 template with the three levels, the last period before the reform", async () => {
    const file = temp.path("6-thang-2025.xlsx");
    const { code } = await run(["template", "-o", file, "--level", "huyen", "--period", "6 tháng/2025"]);
    expect(code).toBe(0);
    const sheet = await sheetOf(file);
    expect(offeredLevels(sheet)).toEqual(["Sở, ngành", "Huyện", "Xã"]);
    expect(sheet.getCell(`D${rowOf("3.4.2")}`).protection?.locked).toBe(false);
    expect(sheet.getCell(`E${rowOf("3.4.2")}`).value ?? null).toBeNull();
  });

  it.each(["2026-Q1", "Quý III/2025", "Năm 2025"])(
    "refuses --level huyen --period %s with exit 2, in Vietnamese then English, writing nothing",
    async (period) => {
      const file = temp.path(`huyen-${period.replace(/\W/g, "")}.xlsx`);
      const { code, stdout, stderr } = await run([
        "template",
        "-o",
        file,
        "--level",
        "huyen",
        "--period",
        period,
      ]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      const vi = stderr.indexOf("từ 01/7/2025 không còn cấp huyện");
      const en = stderr.indexOf("there is no district level from 1 July 2025");
      expect(vi).toBeGreaterThanOrEqual(0);
      expect(en).toBeGreaterThan(vi);
      expect(stderr).toContain("Chọn Sở, ngành (so) hoặc Xã (xa).");
      expect(existsSync(file)).toBe(false);
    },
  );

  it("keeps working without --level: the default is a department, whatever the current quarter", async () => {
    const file = temp.path("mac-dinh.xlsx");
    const { code, stdout } = await run(["template", "-o", file]);
    expect(code).toBe(0);
    expect(stdout).toContain("Sở, ngành");
    const report = await run(["validate", file, "--format", "json"]);
    expect(ValidationReportSchema.parse(JSON.parse(report.stdout)).files[0]!.sheets[0]!.level).toBe("so");
  });

  it("warns in validate about a district's appendix for a period after the reform, in both languages", async () => {
    const file = temp.path("huyen-2025-q2.xlsx");
    expect(
      (
        await run([
          "template",
          "-o",
          file,
          "--unit",
          "UBND huyện Càng Long",
          "--level",
          "huyen",
          "--period",
          "2025-Q2",
        ])
      ).code,
    ).toBe(0);
    const before = await run(["validate", file, "--format", "json"]);
    const earlier = ValidationReportSchema.parse(JSON.parse(before.stdout)).files[0]!.sheets[0]!;
    expect(earlier.findings.some((finding) => finding.kind === "district_after_reform")).toBe(false);
    const sheet = await sheetOf(file);
    sheet.getCell("E4").value = "Quý III/2025";
    await sheet.workbook.xlsx.writeFile(file);
    const text = await run(["validate", file]);
    expect(text.stdout).toContain("từ 01/7/2025 không còn cấp huyện");
    const english = await run(["validate", file, "--lang", "en"]);
    expect(english.stdout).toContain("there are no districts from 1 July 2025");
    const json = await run(["validate", file, "--format", "json"]);
    const later = ValidationReportSchema.parse(JSON.parse(json.stdout)).files[0]!.sheets[0]!;
    const warnings = later.findings.filter((finding) => finding.kind === "district_after_reform");
    expect(warnings.map((finding) => [finding.severity, finding.rule])).toEqual([["warning", "period"]]);
    expect(warnings[0]!.message.vi).toContain(
      "Phụ lục là của cấp huyện (ghi cấp Huyện) nhưng báo cáo kỳ Quý III/2025",
    );
    expect(warnings[0]!.message.en).toContain("The appendix is a district's (its level is district)");
  });
});
