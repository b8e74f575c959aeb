import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { SUMMARY_SHEETS } from "../../src/cli/xlsx/summary";
import { readWorkbookFile } from "../../src/cli/xlsx/read";
import type { Catalogue } from "../../src/domain/catalogue";
import { shapeCatalogue } from "../../src/domain/catalogue";
import { CARRIED_SHEET, definitionHash, readCarried } from "../../src/domain/forms/carried";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import { ValidationReportSchema } from "../../src/workflows/report";
import { thuFormCatalogue, thuFormXlsx } from "../helpers/thu-form";
import { filledTemplate, useTempDir } from "../helpers/xlsx";
import { SEED_VALUES } from "../helpers/seed";

// Issue #14 point 5 on the command line: the test form PL-THU-2026, typed as a table and turned into its definition
// workbook by LibreOffice (never by our writer), taken through template, a clerk's fill, validate without the
// definition file (the workbook carries it), the clerk's corrections, and the consolidation of two communes; every
// finding and message asserted in both languages, the summary's figures read back with exceljs.

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const temp = useTempDir("cchc-thu-form-");
let definition = "";
let thu: Catalogue;
let key = "";

/** The value column (D) as the clerk types into it, found by the key column (F) of each row. */
async function typed(template: string, name: string, values: Readonly<Record<string, ExcelJS.CellValue>>) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.worksheets[0]!;
  const rows = new Map<string, number>();
  sheet.eachRow((row, number) => {
    const code = row.getCell(COLUMNS.key + 1).value;
    if (typeof code === "string") rows.set(code, number);
  });
  for (const [code, value] of Object.entries(values)) {
    const row = rows.get(code);
    if (row === undefined) throw new Error(`no row ${code}`);
    sheet.getCell(row, COLUMNS.value + 1).value = value;
  }
  return temp.write(name, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** Every text on a written summary's "Cảnh báo tổng hợp" sheet, row by row. */
async function issueTexts(summaryFile: string): Promise<string[]> {
  const summary = new ExcelJS.Workbook();
  await summary.xlsx.readFile(summaryFile);
  const cells: string[] = [];
  summary
    .getWorksheet(SUMMARY_SHEETS.issues)!
    .eachRow((row) =>
      row.eachCell((cell) => void (typeof cell.value === "string" && cells.push(cell.value))),
    );
  return cells;
}

async function template(name: string, unit: string): Promise<string> {
  const output = temp.path(name);
  const args = ["template", "-o", output, "--form", definition, "--unit", unit, "--level", "xa"];
  const { code, stdout } = await run([...args, "--period", "2026-Q1"]);
  expect(code).toBe(0);
  expect(stdout).toBe(
    `Đã tạo phụ lục ${output} (${unit}; cấp Xã; Quý I/2026).\nWrote the appendix ${output} (${unit}, commune, Q1 2026).\n`,
  );
  return output;
}

/** Commune A's figures as first typed: 1.1 as text, a rate typed over its formula, HS.1 off its parts. */
const FIRST_TRY: Record<string, ExcelJS.CellValue> = {
  "1.1": "12",
  "1.2": 10,
  "1.4": 1,
  "2.2": 5,
  "2.3": 0.75,
  "3.1": 4,
  "3.2": 3,
  "3.4": 2,
  "HS.1": 100,
  "HS.1.1": 60,
  "HS.1.2": 30,
  "HS.2": 80,
  "HS.2.1": 70,
  "HS.3": 15,
};

/** Commune B's figures, right the first time. */
const COMMUNE_B: Record<string, ExcelJS.CellValue> = {
  "1.1": 8,
  "1.2": 8,
  "1.4": 0,
  "2.2": 3,
  "3.1": 2,
  "3.2": 1,
  "3.4": 1,
  "HS.1": 50,
  "HS.1.1": 20,
  "HS.1.2": 30,
  "HS.2": 40,
  "HS.2.1": 40,
  "HS.3": 10,
};

let templateA = "";
let firstTry = "";

beforeAll(async () => {
  definition = await thuFormXlsx();
  thu = await thuFormCatalogue();
  key = `PL-THU-2026#${definitionHash(thu)}`;
  templateA = await template("xa-a.xlsx", "UBND xã A");
  firstTry = await typed(templateA, "xa-a-lan-1.xlsx", FIRST_TRY);
}, 180_000);

describe("template --form with the definition typed in LibreOffice", () => {
  it("writes the appendix with F1 naming the form by id and hash, and the definition in a very hidden sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(templateA);
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ["UBND xã A", "visible"],
      [CARRIED_SHEET, "veryHidden"],
    ]);
    expect(workbook.worksheets[0]!.getCell("F1").value).toBe(key);
    const sheets = await readWorkbookFile(templateA);
    const carried = sheets.find((sheet) => sheet.name === CARRIED_SHEET)!;
    expect(carried.visibility).toBe("veryHidden");
    expect(readCarried(carried)).toEqual({
      forms: [{ catalogue: thu, hash: definitionHash(thu) }],
      problems: [],
    });
  });

  it("writes neither for a built-in form named by its id", async () => {
    const output = temp.path("co-san.xlsx");
    const args = ["template", "-o", output, "--form", "CCHC-PL-2021", "--period", "2021-Q3"];
    expect((await run(args)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Đơn vị báo cáo"]);
    expect(workbook.worksheets[0]!.getCell("F1").value).toBe("CCHC-PL-2021");
  });
});

const FIRST_FINDINGS_VI = [
  "xa-a-lan-1.xlsx",
  "  'UBND xã A' — UBND xã A · Xã · Quý I/2026",
  "  CHƯA SẴN SÀNG: 2 lỗi, 1 cảnh báo, 1 thông tin",
  "    LỖI       D17   Tỷ lệ hồ sơ nộp trực tuyến (2.3): ghi 75% nhưng tính từ số liệu chi tiết 60/90 được 67%.",
  "    LỖI       D25   Tổng số hồ sơ tiếp nhận (100) khác Số hồ sơ nộp trực tuyến (60) + Số hồ sơ nộp trực tiếp (30): chênh lệch 10. Không xác định được chỉ tiêu nào sai; có thể là một trong các chỉ tiêu: Tổng số hồ sơ tiếp nhận (HS.1); Số hồ sơ nộp trực tuyến (HS.1.1); Số hồ sơ nộp trực tiếp (HS.1.2).",
  "    CẢNH BÁO  D28   Số hồ sơ đã giải quyết (80) + Số hồ sơ đang giải quyết (15) = 95 nhỏ hơn Tổng số hồ sơ tiếp nhận (100): còn 5 hồ sơ (bị trả lại hoặc đã rút?). Không xác định được chỉ tiêu nào sai; có thể là một trong các chỉ tiêu: Số hồ sơ đã giải quyết (HS.2); Số hồ sơ đang giải quyết (HS.3); Tổng số hồ sơ tiếp nhận (HS.1).",
  '    THÔNG TIN D8    Số nhiệm vụ đề ra trong kế hoạch (1.1): "12" là số được lưu dạng văn bản; đọc là 12. Nên chuyển thành số.',
];

const FIRST_FINDINGS_EN = [
  "xa-a-lan-1.xlsx",
  "  'UBND xã A' — UBND xã A · commune · Q1 2026",
  "  NOT READY: 2 errors, 1 warning, 1 note",
  "    ERROR     D17   Share of dossiers submitted online (2.3): stated 75% but the counts give 60/90 = 67%.",
  "    ERROR     D25   Dossiers received (100) differs from Dossiers submitted online (60) + Dossiers submitted in person (30): a difference of 10. It cannot be told which indicator is wrong; it may be any of: Dossiers received (HS.1); Dossiers submitted online (HS.1.1); Dossiers submitted in person (HS.1.2).",
  "    WARNING   D28   Dossiers resolved (80) + Dossiers in progress (15) = 95 is below Dossiers received (100): 5 dossiers left (returned or withdrawn?). It cannot be told which indicator is wrong; it may be any of: Dossiers resolved (HS.2); Dossiers in progress (HS.3); Dossiers received (HS.1).",
  '    INFO      D8    Tasks set in the plan (1.1): "12" is a number stored as text; read as 12. Convert it to a number.',
];

describe("validate reads the definition the workbook carries, without the definition file", () => {
  it("finds the clerk's mistakes by the form's own rules, in Vietnamese (exit 1)", async () => {
    expect(await run(["validate", firstTry])).toEqual({
      code: 1,
      stdout: `${FIRST_FINDINGS_VI.join("\n")}\n`,
      stderr: "",
    });
  });

  it("says the same in English", async () => {
    const { code, stdout } = await run(["validate", firstTry, "--lang", "en"]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: `${FIRST_FINDINGS_EN.join("\n")}\n` });
  });

  it("gives the same findings in the JSON report, the rules of the form named, the sheet's form by id and hash", async () => {
    const { code, stdout } = await run(["validate", firstTry, "--format", "json"]);
    expect(code).toBe(1);
    const report = ValidationReportSchema.parse(JSON.parse(stdout));
    const [sheet] = report.files[0]!.sheets;
    // The version is the form's id, as for a built-in form; the definition's hash (F1 after "#") is a field of its own.
    expect(sheet).toMatchObject({
      sheet: "UBND xã A",
      level: "xa",
      period: "2026-Q1",
      templateVersion: "PL-THU-2026",
      templateHash: definitionHash(thu),
    });
    expect(`${sheet!.templateVersion}#${sheet!.templateHash}`).toBe(key);
    expect(
      sheet!.findings.map((finding) => [finding.rule, finding.kind, finding.severity, finding.cells[0]]),
    ).toEqual([
      ["derived:2.3", "derived_mismatch", "error", "'UBND xã A'!D17"],
      ["CD.HS1", "balance_mismatch", "error", "'UBND xã A'!D25"],
      ["TON.HS", "stock_shortfall", "warning", "'UBND xã A'!D28"],
      [expect.any(String), "text_number", "info", "'UBND xã A'!D8"],
    ]);
    expect(sheet!.findings.map((finding) => finding.message.vi)).toEqual(
      FIRST_FINDINGS_VI.slice(3).map((line) => line.slice(20)),
    );
    expect(sheet!.findings.map((finding) => finding.message.en)).toEqual(
      FIRST_FINDINGS_EN.slice(3).map((line) => line.slice(20)),
    );
    expect(sheet!.findings[0]!.suggestion).toMatchObject({ code: "2.3", value: 60 / 90 });
  });

  it("is ready once the clerk types the corrections (exit 0)", async () => {
    const fresh = new ExcelJS.Workbook();
    await fresh.xlsx.readFile(templateA);
    // The rate's formula as the template wrote it, restored where the clerk had typed over it.
    const formula = fresh.worksheets[0]!.getCell("D17").value;
    const fixed = await typed(firstTry, "xa-a-lan-2.xlsx", {
      "1.1": 12,
      "2.3": formula,
      "HS.1": 90,
      "HS.2": 75,
    });
    expect(await run(["validate", fixed])).toEqual({
      code: 0,
      stdout:
        "xa-a-lan-2.xlsx\n  'UBND xã A' — UBND xã A · Xã · Quý I/2026\n  SẴN SÀNG NỘP: 0 lỗi, 0 cảnh báo, 0 thông tin\n",
      stderr: "",
    });
  });
});

const ASK_VI =
  "Trang tính 'UBND xã A' theo mẫu \"PL-THU-2026\" nhưng tệp không mang theo định nghĩa của mẫu này và chưa được cung cấp: thêm --form DINH-NGHIA.xlsx (tệp định nghĩa của mẫu) để kiểm tra.";
const ASK_EN =
  "Sheet 'UBND xã A' follows the form \"PL-THU-2026\", whose definition the file does not carry and was not given: add --form DEFINITION.xlsx (the form's definition file) to check it.";

describe("a sheet whose definition is neither carried nor given", () => {
  /** The clerk's sheet copied into a workbook of its own, without the hidden `_cchc_mau`. */
  async function withoutCarried(name: string, edit?: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(firstTry);
    const carried = workbook.getWorksheet(CARRIED_SHEET)!;
    if (edit) edit(carried);
    else workbook.removeWorksheet(carried.id);
    return temp.write(name, new Uint8Array(await workbook.xlsx.writeBuffer()));
  }

  it("asks for the definition file by its option, in both languages (exit 2)", async () => {
    const copied = await withoutCarried("chep-sang.xlsx");
    expect(await run(["validate", copied])).toEqual({
      code: 2,
      stdout: "",
      stderr: `${copied}: ${ASK_VI}\n${copied}: ${ASK_EN}\n`,
    });
  });

  it("fails a workbook holding it beside a checked sheet of the built-in form, whose verdict is not the file's", async () => {
    // The clerk's sheet copied, its values only, into a workbook of the built-in form's appendix.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await filledTemplate(SEED_VALUES)) as unknown as ArrayBuffer);
    const clerks = new ExcelJS.Workbook();
    await clerks.xlsx.readFile(firstTry);
    const copy = workbook.addWorksheet("UBND xã A");
    clerks
      .getWorksheet("UBND xã A")!
      .eachRow((row, number) =>
        row.eachCell((cell, column) => void (copy.getCell(number, column).value = cell.value)),
      );
    const mixed = await temp.write("hai-mau.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(await run(["validate", mixed])).toEqual({
      code: 2,
      stdout: "",
      stderr: `${mixed}: ${ASK_VI}\n${mixed}: ${ASK_EN}\n`,
    });
    const { code, stdout } = await run(["validate", mixed, "--format", "json"]);
    const [file] = ValidationReportSchema.parse(JSON.parse(stdout)).files;
    expect(code).toBe(2);
    expect(file!.error).toEqual({ message: ASK_VI, messageEn: ASK_EN });
    expect(file!.sheets.map((sheet) => sheet.sheet)).toEqual(["Sở TTTT"]);
  });

  it("is validated against the definition given with --form, as if it carried it", async () => {
    const copied = await withoutCarried("chep-sang-2.xlsx");
    const { code, stdout } = await run(["validate", copied, "--form", definition]);
    expect({ code, stdout }).toEqual({
      code: 1,
      stdout: `${["chep-sang-2.xlsx", ...FIRST_FINDINGS_VI.slice(1)].join("\n")}\n`,
    });
  });

  it("says a carried definition someone edited is not used, and asks for the file", async () => {
    const edited = await withoutCarried("sua-mau.xlsx", (carried) => {
      carried.eachRow((row) => {
        if (row.getCell(1).value === "HS.1") row.getCell(5).value = "Tổng số hồ sơ (đã sửa)";
      });
    });
    expect(await run(["validate", edited])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `${edited}: Định nghĩa mẫu "PL-THU-2026" mà tệp mang theo (trang ẩn '_cchc_mau', dòng 1) đã bị sửa sau khi ghi, nên không được dùng. ${ASK_VI}\n` +
        `${edited}: The definition of the form "PL-THU-2026" the file carries (hidden sheet '_cchc_mau', row 1) was changed after it was written, so it is not used. ${ASK_EN}\n`,
    });
  });

  it("refuses a --form that is no definition file, with the command's help (exit 2)", async () => {
    const { code, stderr } = await run(["validate", firstTry, "--form", "CCHC-PL-2021"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^--form cần một tệp định nghĩa mẫu \.xlsx, không phải "CCHC-PL-2021" \(các mẫu có sẵn luôn được dùng, không cần chỉ ra\)\.\n--form takes a form definition file \(\.xlsx\), not "CCHC-PL-2021" \(the built-in forms are always used, without naming them\)\.\n\nCách dùng: cchc-appendix validate .*\[--form DINH-NGHIA\.xlsx\]\.\.\./,
    );
  });
});

describe("consolidate two communes' files of the form", () => {
  it("sums their counts and recomputes their rates by the carried definition, as the summary shows", async () => {
    const fresh = new ExcelJS.Workbook();
    await fresh.xlsx.readFile(templateA);
    const formula = fresh.worksheets[0]!.getCell("D17").value;
    const a = await typed(firstTry, "tong-hop-a.xlsx", { "1.1": 12, "2.3": formula, "HS.1": 90, "HS.2": 75 });
    const b = await typed(await template("xa-b.xlsx", "UBND xã B"), "tong-hop-b.xlsx", COMMUNE_B);
    const output = temp.path("tong-hop.xlsx");
    const { code, stdout, stderr } = await run(["consolidate", a, b, "-o", output]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "[1/2] tong-hop-a.xlsx\n[2/2] tong-hop-b.xlsx\n" });
    expect(stdout).toBe(
      `Đã tổng hợp 2 đơn vị vào ${output}: 0 đơn vị còn lỗi, 0 yêu cầu sửa, 0 đề nghị xem lại, 0 đơn vị chưa có phụ lục, 1 cảnh báo khi tổng hợp.\n` +
        `Consolidated 2 units into ${output}: 0 with errors, 0 correction requests, 0 requests to look again, 0 expected units missing, 1 consolidation warning.\n`,
    );
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.readFile(output);
    const form = summary.getWorksheet(SUMMARY_SHEETS.form)!;
    const layout = sheetLayout(shapeCatalogue(thu));
    const figure = (code: string) => {
      const value = form.getCell(layout.rowOf.get(code)!, COLUMNS.value + 1).value;
      return value !== null && typeof value === "object" && "result" in value ? value.result : value;
    };
    const figures = Object.fromEntries(
      [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "2.2",
        "2.3",
        "3.1",
        "3.2",
        "3.4",
        "HS.1",
        "HS.1.1",
        "HS.1.2",
        "HS.2",
        "HS.2.1",
        "HS.3",
      ].map((code) => [code, figure(code)]),
    );
    expect(figures).toEqual({
      "1.1": 20,
      "1.2": 18,
      "1.3": 18 / 20,
      "1.4": 0,
      "2.2": 8,
      "2.3": 80 / 140,
      "3.1": 6,
      "3.2": 4,
      "3.4": 1,
      "HS.1": 140,
      "HS.1.1": 80,
      "HS.1.2": 60,
      "HS.2": 115,
      "HS.2.1": 110,
      "HS.3": 25,
    });
    // The one warning: no office reports the form's province-wide rows, since no roles file was given.
    const issues: unknown[][] = [];
    summary.getWorksheet(SUMMARY_SHEETS.issues)!.eachRow((row, number) => {
      if (number > 2) issues.push((row.values as unknown[]).slice(1, 7));
    });
    expect(issues).toEqual([
      [
        "Cảnh báo",
        undefined,
        "2.1, 2.1.a, 2.1.b",
        undefined,
        "Chưa có tệp vai trò (--roles): các chỉ tiêu do một cơ quan báo cáo cho toàn tỉnh (2.1, 2.1.a, 2.1.b) để trống.",
        "No roles file (--roles): the indicators one office reports for the whole province (2.1, 2.1.a, 2.1.b) stay blank.",
      ],
    ]);
  });

  it("reads a previous period's file of the form by the definition it carries", async () => {
    const b = await typed(await template("xa-b-truoc.xlsx", "UBND xã B"), "xa-b-truoc-day.xlsx", COMMUNE_B);
    const again = await typed(await template("xa-b-nay.xlsx", "UBND xã B"), "xa-b-nay-day.xlsx", COMMUNE_B);
    const output = temp.path("tong-hop-ky-truoc.xlsx");
    const result = await run(["consolidate", again, "-o", output, "--previous", b]);
    // Without its carried definition the file would hold "no summary and no appendix" (exit 2).
    expect(result).toEqual({
      code: 0,
      stdout:
        `Đã tổng hợp 1 đơn vị vào ${output}: 0 đơn vị còn lỗi, 0 yêu cầu sửa, 0 đề nghị xem lại, 0 đơn vị chưa có phụ lục, 2 cảnh báo khi tổng hợp.\n` +
        `Consolidated 1 unit into ${output}: 0 with errors, 0 correction requests, 0 requests to look again, 0 expected units missing, 2 consolidation warnings.\n`,
      stderr: "[1/1] xa-b-nay-day.xlsx\n",
    });
    const cells = await issueTexts(output);
    // Read, by its own definition: its period is known (the same quarter, so no comparison is made).
    expect(cells).toContain(
      "Tệp kỳ trước là kỳ Quý I/2026, không trước kỳ Quý I/2026: không so sánh giữa hai kỳ.",
    );
    expect(cells).toContain("The previous file is for 2026-Q1, not before 2026-Q1: no cross-period check.");
  });

  it("writes a summary that carries the definition and names the form by id and hash, read as the previous period without --form", async () => {
    const b = await typed(await template("xa-b-q1.xlsx", "UBND xã B"), "xa-b-q1-day.xlsx", COMMUNE_B);
    const previous = temp.path("tong-hop-q1.xlsx");
    const first = await run(["consolidate", b, "-o", previous, "--form", definition]);
    expect(first.code).toBe(0);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(previous);
    expect(written.getWorksheet(SUMMARY_SHEETS.form)!.getCell("F2").value).toBe(key);
    expect(written.getWorksheet(CARRIED_SHEET)?.state).toBe("veryHidden");
    const carried = (await readWorkbookFile(previous)).find((sheet) => sheet.name === CARRIED_SHEET)!;
    expect(readCarried(carried)).toEqual({
      forms: [{ catalogue: thu, hash: definitionHash(thu) }],
      problems: [],
    });

    const again = await typed(
      await template("xa-b-q1-lai.xlsx", "UBND xã B"),
      "xa-b-q1-lai-day.xlsx",
      COMMUNE_B,
    );
    const output = temp.path("tong-hop-sau-q1.xlsx");
    const result = await run(["consolidate", again, "-o", output, "--previous", previous]);
    // Without the definition it carries, the summary would name a form this run does not know: "no summary" (exit 2).
    expect(result).toEqual({
      code: 0,
      stdout:
        `Đã tổng hợp 1 đơn vị vào ${output}: 0 đơn vị còn lỗi, 0 yêu cầu sửa, 0 đề nghị xem lại, 0 đơn vị chưa có phụ lục, 2 cảnh báo khi tổng hợp.\n` +
        `Consolidated 1 unit into ${output}: 0 with errors, 0 correction requests, 0 requests to look again, 0 expected units missing, 2 consolidation warnings.\n`,
      stderr: "[1/1] xa-b-q1-lai-day.xlsx\n",
    });
    const cells = await issueTexts(output);
    expect(cells).toContain(
      "Tệp kỳ trước là kỳ Quý I/2026, không trước kỳ Quý I/2026: không so sánh giữa hai kỳ.",
    );
  });

  it("reads a file without its carried definition only with --form, and otherwise leaves it out asking for it (exit 2)", async () => {
    const bare = new ExcelJS.Workbook();
    await bare.xlsx.readFile(
      await typed(await template("xa-c.xlsx", "UBND xã C"), "xa-c-day.xlsx", COMMUNE_B),
    );
    bare.removeWorksheet(bare.getWorksheet(CARRIED_SHEET)!.id);
    const c = await temp.write("xa-c-khong-mau.xlsx", new Uint8Array(await bare.xlsx.writeBuffer()));
    const output = temp.path("tong-hop-c.xlsx");
    const given = await run(["consolidate", c, "-o", output, "--form", definition]);
    expect({ code: given.code, stdout: given.stdout }).toEqual({
      code: 0,
      stdout:
        `Đã tổng hợp 1 đơn vị vào ${output}: 0 đơn vị còn lỗi, 0 yêu cầu sửa, 0 đề nghị xem lại, 0 đơn vị chưa có phụ lục, 1 cảnh báo khi tổng hợp.\n` +
        `Consolidated 1 unit into ${output}: 0 with errors, 0 correction requests, 0 requests to look again, 0 expected units missing, 1 consolidation warning.\n`,
    });
    const b = await typed(await template("xa-b-2.xlsx", "UBND xã B"), "xa-b-day.xlsx", COMMUNE_B);
    const without = await run(["consolidate", b, c, "-o", temp.path("tong-hop-c-2.xlsx")]);
    // Each file is read with the forms given and its own: B's carried definition does not stand in for C's.
    const second = temp.path("tong-hop-c-2.xlsx");
    expect(without).toEqual({
      code: 2,
      stdout:
        `Đã tổng hợp 1 đơn vị vào ${second}: 0 đơn vị còn lỗi, 0 yêu cầu sửa, 0 đề nghị xem lại, 0 đơn vị chưa có phụ lục, 1 cảnh báo khi tổng hợp.\n` +
        `Consolidated 1 unit into ${second}: 0 with errors, 0 correction requests, 0 requests to look again, 0 expected units missing, 1 consolidation warning.\n`,
      stderr:
        "[1/2] xa-b-day.xlsx\n[2/2] xa-c-khong-mau.xlsx\n" +
        `xa-c-khong-mau.xlsx: ${ASK_VI.replace("xã A", "xã C")}\n` +
        `xa-c-khong-mau.xlsx: ${ASK_EN.replace("xã A", "xã C")}\n`,
    });
  });
});
