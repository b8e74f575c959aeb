import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { ValidationReportSchema } from "../../src/workflows/report";
import { filledTemplate, useTempDir } from "../helpers/xlsx";

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

describe("cchc-appendix consolidate for a period after the 2025 reform", () => {
  const temp = useTempDir("cchc-reform-consolidate-");
  const COMMUNE = { "HS.1": 40, "HS.1.1": 0, "HS.1.2": 40, "HS.2": 40, "HS.2.1": 30, "HS.2.2": 10 };
  // A list kept from before the reform: a department, a commune, one district and a commune that sent nothing.
  const EXPECTED = "Sở Tư pháp\nUBND huyện Càng Long\nUBND xã Long Đức\nUBND xã Tân An\n";
  let runs = 0;

  /** A department's and a commune's appendix of `period`, consolidated with the list; the summary read back. */
  async function consolidated(period: string) {
    const files = [
      await temp.write(
        `so-${period}.xlsx`,
        await filledTemplate(COMMUNE, { unit: "Sở Tư pháp", level: "so", period, sheetName: "Sở Tư pháp" }),
      ),
      await temp.write(
        `xa-${period}.xlsx`,
        await filledTemplate(COMMUNE, { unit: "UBND xã Long Đức", level: "xa", period, sheetName: "Xã" }),
      ),
    ];
    const expect = await temp.write(`don-vi-${period}.txt`, EXPECTED);
    const output = temp.path(`tong-hop-${period}-${++runs}.xlsx`);
    const result = await run(["consolidate", ...files, "-o", output, "--expect", expect]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const texts = (name: string) => {
      const sheet = workbook.getWorksheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      const values: string[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value))));
      return values;
    };
    return { result, form: workbook.getWorksheet("Tổng hợp")!, texts };
  }

  it("greys and locks the summary's rows about districts, each with its remark, as the template does", async () => {
    const { form } = await consolidated("2026-Q1");
    for (const code of ABOUT_DISTRICTS) {
      const cells = ["A", "B", "C", "D", "E"].map((column) => form.getCell(`${column}${rowOf(code)}`));
      const value = form.getCell(`D${rowOf(code)}`);
      expect([code, ...cells.map(fillOf)]).toEqual([code, ...cells.map(() => "FFD9D9D9")]);
      expect([code, value.value ?? null, value.protection?.locked ?? true]).toEqual([code, null, true]);
      expect([code, form.getCell(`E${rowOf(code)}`).value]).toEqual([
        code,
        "Không áp dụng từ 01/7/2025: kỳ Quý I/2026 không tổng hợp chỉ tiêu này.",
      ]);
    }
    // A row the period asks for keeps the form's look: not greyed, its figure summed.
    expect(fillOf(form.getCell(`D${rowOf("HS.2")}`))).not.toBe("FFD9D9D9");
    expect(form.getCell(`D${rowOf("HS.2")}`).value).toBe(80);
  });

  it("expects no district from the --expect list, and says so in a note naming the reform", async () => {
    const { result, texts } = await consolidated("2026-Q1");
    const missing = texts("Thiếu");
    expect(missing).toContain("UBND xã Tân An");
    expect(missing).not.toContain("UBND huyện Càng Long");
    const note = texts("Cảnh báo tổng hợp").join("\n");
    expect(note).toContain(
      "Danh sách đơn vị phải báo cáo còn 1 đơn vị cấp huyện (UBND huyện Càng Long): từ 01/7/2025 không còn cấp huyện, kỳ Quý I/2026 không chờ phụ lục của các đơn vị này; hãy bỏ khỏi danh sách.",
    );
    expect(note).toContain(
      "The list of units expected to report still names 1 district (UBND huyện Càng Long): there are no districts from 1 July 2025, so none is awaited for 2026-Q1; take them off the list.",
    );
    expect(result.stdout).toContain("1 đơn vị chưa có phụ lục");
  });

  it("keeps an earlier period as it was: the district expected and no row greyed", async () => {
    const { form, texts } = await consolidated("2025-Q2");
    expect(texts("Thiếu")).toEqual(expect.arrayContaining(["UBND huyện Càng Long", "UBND xã Tân An"]));
    expect(texts("Cảnh báo tổng hợp").join("\n")).not.toContain("cấp huyện");
    for (const code of ABOUT_DISTRICTS) {
      expect([code, fillOf(form.getCell(`D${rowOf(code)}`))]).not.toEqual([code, "FFD9D9D9"]);
    }
  });
});
