import { mkdir } from "node:fs/promises";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { catalogue } from "../../src/domain/catalogue";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import { ValidationReportSchema } from "../../src/workflows/report";
import { blockingOf, SEED_BLOCKING, SEED_VALUES, seedWith } from "../helpers/seed";
import { filledTemplate, useTempDir } from "../helpers/xlsx";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe("cchc-appendix validate on real .xlsx files", () => {
  const temp = useTempDir("cchc-validate-");

  it("exits 1 on the seed with exactly its two errors and one warning, in a JSON document of its schema", async () => {
    const file = await temp.write("seed.xlsx", await filledTemplate(SEED_VALUES));
    const { code, stdout } = await run(["validate", file, "--format", "json"]);
    expect(code).toBe(1);
    const report = ValidationReportSchema.parse(JSON.parse(stdout));
    const sheet = report.files[0]!.sheets[0]!;
    expect(sheet).toMatchObject({
      sheet: "Sở TTTT",
      unit: "Sở Thông tin và Truyền thông",
      level: "so",
      period: "2021-Q3",
      templateVersion: "CCHC-PL-2021",
      templateHash: null,
      verdict: "not_ready",
    });
    expect(blockingOf(sheet.findings)).toEqual(SEED_BLOCKING);
    const infos = sheet.findings.filter((finding) => finding.severity === "info").map((f) => f.kind);
    expect(infos).toEqual([
      "text_number",
      "text_number",
      "derived_truncated",
      "derived_truncated",
      "pattern_copy",
      "incomplete",
    ]);
    const rule = (id: string) => sheet.summary.rules.find((entry) => entry.rule === id);
    expect(rule("derived:3.4.1")).toEqual({ rule: "derived:3.4.1", passed: 1, failed: 0, notEvaluated: 0 });
    expect(rule("balance:DV.3")).toMatchObject({ passed: 1 });
    for (const code of ["3.3.3", "3.3.4", "4.1.4.d", "4.2.5", "4.3.4", "7.6.2.a", "7.6.2.b"]) {
      expect(rule(`derived:${code}`)).toMatchObject({ notEvaluated: 1, passed: 0, failed: 0 });
    }
    expect(sheet.summary.counts).toEqual({ error: 2, warning: 1, info: 6 });
  });

  it("names two files of one name by their folders, so that their reports are told apart", async () => {
    await mkdir(temp.path("a"));
    await mkdir(temp.path("b"));
    const first = await temp.write("a/phu-luc.xlsx", await filledTemplate(SEED_VALUES));
    const second = await temp.write("b/phu-luc.xlsx", await filledTemplate(SEED_VALUES));
    const { stdout } = await run(["validate", first, second]);
    expect(stdout.split("\n").filter((line) => line.endsWith("phu-luc.xlsx"))).toEqual([
      "a/phu-luc.xlsx",
      "b/phu-luc.xlsx",
    ]);
  });

  it("quotes a date typed in a count cell as each language writes dates", async () => {
    // A date as Excel keeps one: a serial number in a cell of a date format.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await filledTemplate(SEED_VALUES)) as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]!.getCell(
      sheetLayout(catalogue).rowOf.get("1.1.1")!,
      COLUMNS.value + 1,
    );
    cell.value = new Date(Date.UTC(2021, 8, 30));
    cell.numFmt = "dd/mm/yyyy";
    const file = await temp.write("ngay.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    const { stdout } = await run(["validate", file, "--format", "json"]);
    const sheet = ValidationReportSchema.parse(JSON.parse(stdout)).files[0]!.sheets[0]!;
    const date = sheet.findings.find((finding) => finding.codes[0] === "1.1.1")!;
    expect(date.message.vi).toContain("ô chứa 30/09/2021, không phải giá trị của chỉ tiêu này");
    expect(date.message.en).toContain("the cell holds 30 September 2021, not a value of this indicator");
  });

  it("adds one error showing 11,95% and 11,93% when 7.8.3 is typed as 11,95%", async () => {
    const file = await temp.write(
      "seed-1195.xlsx",
      await filledTemplate(seedWith({ "7.8.3": { percent: 0.1195, format: "0.00%" } })),
    );
    const { code, stdout } = await run(["validate", file]);
    expect(code).toBe(1);
    expect(stdout).toContain("CHƯA SẴN SÀNG: 3 lỗi, 1 cảnh báo");
    expect(stdout).toMatch(/LỖI .*ghi 11,95% nhưng tính từ số liệu chi tiết 758\/6\.356 được 11,93%/);
  });

  it("exits 0 with no error and no warning once HS.1.2 = 44 and DV.4.1 = 1936", async () => {
    const file = await temp.write(
      "seed-fixed.xlsx",
      await filledTemplate(seedWith({ "HS.1.2": 44, "DV.4.1": 1936 })),
    );
    const { code, stdout } = await run(["validate", file, "--lang", "en"]);
    expect(code).toBe(0);
    expect(stdout).toContain("READY TO SUBMIT: 0 errors, 0 warnings");
    expect(stdout).not.toMatch(/WARNING/);
  });

  it("exits 2 for a file that is not an .xlsx, and 2 wins over 1", async () => {
    const text = await temp.write("notes.xlsx", "chỉ là văn bản");
    const seed = await temp.write("seed-2.xlsx", await filledTemplate(SEED_VALUES));
    const { code, stderr, stdout } = await run(["validate", seed, text, "--format", "json"]);
    expect(code).toBe(2);
    expect(stderr).toContain("notes.xlsx");
    const report = ValidationReportSchema.parse(JSON.parse(stdout));
    expect(report.files[1]!.error?.message).toMatch(/xlsx/);
    expect(report.files[1]!.sheets).toEqual([]);
  });

  it("exits 2 with a clear message for a workbook that holds no appendix", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Ghi chú").getCell("A1").value = "Danh sách cán bộ";
    const file = await temp.write("khong-phu-luc.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    const { code, stderr } = await run(["validate", file]);
    expect(code).toBe(2);
    expect(stderr).toContain("không có trang tính nào chứa phụ lục");
    expect(stderr).toContain("No sheet of this file holds a CCHC appendix");
  });

  it("exits 2 with a usage message for a missing file argument or an unknown option", async () => {
    expect((await run(["validate"])).code).toBe(2);
    const unknown = await run(["validate", "x.xlsx", "--colour"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Không có tùy chọn --colour.");
    expect(unknown.stderr).toContain("Unknown option --colour.");
    const missing = await run(["validate", temp.path("khong-co.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("khong-co.xlsx");
  });
});

describe("cchc-appendix template", () => {
  const temp = useTempDir("cchc-template-");

  it("writes a workbook that validates as an empty appendix of the given unit, level and period", async () => {
    const file = temp.path("mau.xlsx");
    const written = await run([
      "template",
      "-o",
      file,
      "--unit",
      "UBND huyện Càng Long",
      "--level",
      "huyen",
      "--period",
      "2022-H1",
    ]);
    expect(written.code).toBe(0);
    const { stdout } = await run(["validate", file, "--format", "json"]);
    const sheet = ValidationReportSchema.parse(JSON.parse(stdout)).files[0]!.sheets[0]!;
    expect(sheet).toMatchObject({
      unit: "UBND huyện Càng Long",
      level: "huyen",
      period: "2022-H1",
      verdict: "not_ready",
    });
    expect(sheet.findings.map((finding) => finding.kind)).toEqual(["empty_appendix"]);
  });

  it.each([
    [["template"], "Thiếu tên tệp đầu ra"],
    [["template", "-o", "x.xlsx", "--level", "tinh"], "Cấp không hợp lệ"],
    [["template", "-o", "x.xlsx", "--period", "2021-Q5"], "Kỳ báo cáo không hợp lệ"],
    [["dongbo"], "Lệnh không hợp lệ"],
  ])("refuses %j with a Vietnamese message", async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
