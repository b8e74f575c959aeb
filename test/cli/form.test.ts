import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/cli/xlsx/read";
import { CCHC_PL_2021 } from "../../src/domain/catalogue/cchc-pl-2021";
import { CatalogueSchema } from "../../src/domain/catalogue/load";
import { definitionHash } from "../../src/domain/forms/carried";
import { readDefinition } from "../../src/domain/forms/definition";
import { ValidationReportSchema } from "../../src/workflows/report";
import { viaLibreOffice as convertWithLibreOffice } from "../helpers/thu-form";
import { useTempDir } from "../helpers/xlsx";

// `cchc-appendix form export` and `form check` on real files: the 2021 form's export read back by our reader and,
// after LibreOffice saved it again, by the same reader; damaged definitions (edited with exceljs, not our writer)
// each refused with its message at its sheet, row and column, Vietnamese then English, exit 2.

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const temp = useTempDir("cchc-form-");
const BUILT_IN = CatalogueSchema.parse(CCHC_PL_2021);
let exported = "";

beforeAll(async () => {
  exported = temp.path("dinh-nghia.xlsx");
  const { code, stdout } = await run(["form", "export", "-o", exported]);
  expect(code).toBe(0);
  expect(stdout).toBe(
    `Đã ghi định nghĩa mẫu CCHC-PL-2021 vào ${exported}: đổi mã mẫu trước khi dùng làm mẫu riêng.\n` +
      `Wrote the definition of the form CCHC-PL-2021 to ${exported}: change its id before using it as your own form.\n`,
  );
});

/** The export, edited with exceljs as a person's office suite would save it, written as `name`. */
async function edited(name: string, edit: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(exported);
  edit(workbook);
  return temp.write(name, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The row of `Chỉ tiêu` that declares `code`. */
function rowOf(worksheet: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  for (let number = 2; number <= worksheet.rowCount; number++) {
    if (worksheet.getCell(number, 1).value === code) return worksheet.getRow(number);
  }
  throw new Error(`no row ${code}`);
}

const renamed = (workbook: ExcelJS.Workbook) => (sheet(workbook, "Mẫu").getCell("B2").value = "PL-THU-2026");

describe("cchc-appendix form export", () => {
  it("writes a definition our reader reads back as the built-in 2021 catalogue", async () => {
    const read = readDefinition(await readWorkbookFile(exported));
    expect(read.ok && read.catalogue).toEqual(BUILT_IN);
  });

  it("formats the code and expression columns as Text, under a bold, frozen header row", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(exported);
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      "Mẫu",
      "Vai trò",
      "Chỉ tiêu",
      "Quy tắc",
    ]);
    const rows = sheet(workbook, "Chỉ tiêu");
    expect(rows.getRow(1).values).toEqual([
      undefined,
      ...[
        "mã",
        "in là",
        "mã cha",
        "khối",
        "chỉ tiêu",
        "chỉ tiêu tiếng Anh",
        "đơn vị tính",
        "đơn vị tính tiếng Anh",
      ],
      ...[
        "loại",
        "giá trị cho phép",
        "cấp báo cáo",
        "vai trò",
        "tổng hợp",
        "công thức",
        "có thể âm",
        "lũy kế",
      ],
      ...["giới hạn", "không áp dụng từ", "cách ghi trong báo cáo", "chuyển từ kỳ trước", "ghi chú"],
    ]);
    expect(rows.getCell("A1").font?.bold).toBe(true);
    expect(rows.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const derived = rowOf(rows, "3.4.1");
    expect(derived.getCell(1).numFmt).toBe("@");
    expect(derived.getCell(14).value).toBe("HS.2.1 / HS.2");
    expect(derived.getCell(14).numFmt).toBe("@");
    expect(rows.getColumn(1).numFmt).toBe("@");
    expect(rows.getColumn(5).numFmt).toBeUndefined();
    expect(sheet(workbook, "Quy tắc").getCell("C2").numFmt).toBe("@");
  });

  it("is read back the same after LibreOffice opened and saved it", async () => {
    const read = readDefinition(await readWorkbookFile(await viaLibreOffice(exported)));
    expect(read.ok && read.catalogue).toEqual(BUILT_IN);
  }, 120_000);

  it("refuses a form that is not built in, naming the built-in ones", async () => {
    const { code, stderr } = await run([
      "form",
      "export",
      "--form",
      "PL-THU-2026",
      "-o",
      temp.path("x.xlsx"),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'Không có mẫu có sẵn "PL-THU-2026" (các mẫu có sẵn: CCHC-PL-2021).\nNo built-in form "PL-THU-2026" (the built-in forms: CCHC-PL-2021).\n',
    );
  });
});

/** `source` saved as .xlsx by LibreOffice (headless), in a folder of its own; the path of the workbook written. */
async function viaLibreOffice(source: string): Promise<string> {
  return convertWithLibreOffice(source, await mkdtemp(join(temp.path(""), "lo-")));
}

describe("cchc-appendix form check", () => {
  it("reads a definition typed in an office suite, not written by the export", async () => {
    const file = await viaLibreOffice(join(__dirname, "../fixtures/forms/pl-thu-2026.fods"));
    const { code, stdout } = await run(["form", "check", file]);
    expect({ code, stdout }).toEqual({
      code: 0,
      stdout:
        "Định nghĩa mẫu PL-THU-2026 hợp lệ: 13 chỉ tiêu, 6 dòng số liệu nguồn, 7 quy tắc.\n" +
        "The form definition PL-THU-2026 is sound: 13 indicators, 6 source rows, 7 rules.\n",
    });
    const read = readDefinition(await readWorkbookFile(file));
    if (!read.ok) throw new Error("the typed form was refused");
    const rows = new Map(read.catalogue.rows.map((row) => [row.code, row]));
    expect(read.catalogue).toMatchObject({ levels: ["so", "xa"], appliesFrom: "2026-Q1" });
    expect(read.catalogue.roles.map((role) => role.id)).toEqual(["vpubnd"]);
    expect(rows.get("2.3")?.derived).toEqual({
      plus: ["HS.1.1"],
      minus: [],
      denominator: ["HS.1.1", "HS.1.2"],
    });
    expect(rows.get("2.1.a")).toMatchObject({ printed: "Trong đó", role: "vpubnd", aggregation: "province" });
    expect(rows.get("2.1.b")?.printed).toBe("");
    expect(rows.get("HS.1.1")?.reportWordings).toEqual({
      anywhere: ["Số hồ sơ nộp trực tuyến"],
      underParent: ["trực tuyến"],
    });
    expect(read.catalogue.patterns).toEqual([
      {
        id: "SC.3",
        kind: "pattern",
        pairs: [
          ["3.1", "1.1"],
          ["3.2", "1.2"],
        ],
      },
    ]);
  }, 120_000);

  it("summarises a sound definition in one line per language, exit 0", async () => {
    const file = await edited("rieng.xlsx", renamed);
    const { code, stdout } = await run(["form", "check", file]);
    const indicators = BUILT_IN.rows.filter((row) => row.block === "appendix" && row.kind !== "none").length;
    expect({ code, stdout }).toEqual({
      code: 0,
      stdout:
        `Định nghĩa mẫu PL-THU-2026 hợp lệ: ${indicators} chỉ tiêu, 25 dòng số liệu nguồn, 21 quy tắc.\n` +
        `The form definition PL-THU-2026 is sound: ${indicators} indicators, 25 source rows, 21 rules.\n`,
    });
  });

  it.each<[string, (workbook: ExcelJS.Workbook) => void, string, string]>([
    [
      "the 2021 form's own id",
      () => undefined,
      'Trang "Mẫu", dòng 2, cột "giá trị" (B): mã mẫu "CCHC-PL-2021" là mã của một mẫu có sẵn trong công cụ: đặt mã khác cho mẫu của mình (ví dụ thêm tên tỉnh và năm).',
      'Sheet "Mẫu", row 2, column "giá trị" (B): the form id "CCHC-PL-2021" is the id of a form built into the tool: give your form another id (adding the province and the year, say).',
    ],
    [
      "a code typed as the number 3.1",
      (workbook) => (rowOf(sheet(workbook, "Chỉ tiêu"), "3.1").getCell(1).value = 3.1),
      'Trang "Chỉ tiêu", dòng 15, cột "mã" (A): ô chứa số 3.1, không phải văn bản: mã hoặc biểu thức gõ thành số có thể mất chữ số 0 ở cuối ("3.10" thành 3.1). Định dạng ô là Văn bản (Text) rồi gõ lại.',
      'Sheet "Chỉ tiêu", row 15, column "mã" (A): the cell holds the number 3.1, not text: a code or an expression typed as a number can lose its trailing zero ("3.10" becomes 3.1). Format the cell as Text and type it again.',
    ],
    [
      "a formula in biểu thức",
      (workbook) =>
        (sheet(workbook, "Quy tắc").getCell("C2").value = {
          formula: "HS.1=HS.1.1+HS.1.2",
          result: "#NAME?",
        } as never),
      'Trang "Quy tắc", dòng 2, cột "biểu thức" (C): ô chứa công thức =HS.1=HS.1.1+HS.1.2, không phải văn bản: Excel tính công thức thay vì giữ biểu thức. Định dạng ô là Văn bản (Text) rồi gõ lại, không có dấu "=" ở đầu.',
      'Sheet "Quy tắc", row 2, column "biểu thức" (C): the cell holds the formula =HS.1=HS.1.1+HS.1.2, not text: Excel computes a formula instead of keeping the expression. Format the cell as Text and type it again, without a leading "=".',
    ],
    [
      "an unknown loại",
      (workbook) => (rowOf(sheet(workbook, "Chỉ tiêu"), "1.1.1").getCell(9).value = "số lượng"),
      'Trang "Chỉ tiêu", dòng 4, cột "loại" (I): "số lượng" không phải giá trị của cột này (dùng "số đếm", "tỷ lệ", "mã", "tiêu đề").',
      'Sheet "Chỉ tiêu", row 4, column "loại" (I): "số lượng" is not a value of this column (use "số đếm", "tỷ lệ", "mã", "tiêu đề").',
    ],
    [
      "a missing header",
      (workbook) => sheet(workbook, "Chỉ tiêu").spliceColumns(6, 1),
      'Trang "Chỉ tiêu", dòng 1: thiếu cột "chỉ tiêu tiếng Anh" (tiêu đề các cột ở dòng 1).',
      'Sheet "Chỉ tiêu", row 1: the column "chỉ tiêu tiếng Anh" is missing (the columns\' headers are in row 1).',
    ],
    [
      "a rule naming an unknown code",
      (workbook) => (sheet(workbook, "Quy tắc").getCell("C2").value = "HS.1 = HS.1.1 + HS.1.9"),
      'Trang "Quy tắc", dòng 2, cột "biểu thức" (C): mã HS.1.9 không có trong trang "Chỉ tiêu".',
      'Sheet "Quy tắc", row 2, column "biểu thức" (C): the code HS.1.9 is not on the "Chỉ tiêu" sheet.',
    ],
  ])("refuses %s with its message at its sheet, row and column, exit 2", async (what, edit, vi, en) => {
    const file = await edited(`hong-${what.replace(/\W+/g, "-")}.xlsx`, (workbook) => {
      if (what !== "the 2021 form's own id") renamed(workbook);
      edit(workbook);
    });
    const { code, stdout } = await run(["form", "check", file]);
    expect({ code, stdout }).toEqual({
      code: 2,
      stdout:
        `${vi}\n${en}\n` +
        `${file}: 1 lỗi, định nghĩa này không được dùng cho đến khi sửa hết.\n` +
        `${file}: 1 problem; the definition is not used until all are fixed.\n`,
    });
  });

  it("says why a file that is no workbook cannot be checked, exit 2", async () => {
    const file = await temp.write("khong-phai.xlsx", "không phải tệp Excel");
    const { code, stdout, stderr } = await run(["form", "check", file]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr.split("\n")).toHaveLength(3);
    expect(stderr.startsWith(`${file}: `)).toBe(true);
  });

  it.each([
    [["form"], "Thiếu việc cần làm: export hoặc check.", "Missing what to do: export or check."],
    [
      ["form", "sua"],
      'Việc không hợp lệ: "sua" (dùng export hoặc check).',
      'Unknown action: "sua" (use export or check).',
    ],
    [["form", "export"], "Thiếu tên tệp đầu ra: -o TỆP.xlsx.", "Missing the output file: -o FILE.xlsx."],
    [
      ["form", "check"],
      "Cần đúng một tệp định nghĩa: cchc-appendix form check TỆP.xlsx.",
      "Give exactly one definition file: cchc-appendix form check FILE.xlsx.",
    ],
  ])("%j: a usage error in both languages, then the command's help, exit 2", async (args, vi, en) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr.startsWith(`${vi}\n${en}\n\nCách dùng: cchc-appendix form export`)).toBe(true);
  });
});

describe("cchc-appendix template --form", () => {
  let typed = "";
  beforeAll(async () => {
    typed = await viaLibreOffice(join(__dirname, "../fixtures/forms/pl-thu-2026.fods"));
  }, 120_000);

  it("writes the appendix of a definition file: its rows in its order, its id and hash in F1", async () => {
    const output = temp.path("phu-luc-thu.xlsx");
    const args = ["template", "-o", output, "--form", typed, "--level", "xa", "--period", "2026-Q1"];
    const { code } = await run([...args, "--unit", "UBND xã A"]);
    expect(code).toBe(0);
    const [sheet] = await readWorkbookFile(output);
    const keys = (sheet?.cells ?? []).map((row) => row[5]?.value).filter((value) => value !== undefined);
    const read = readDefinition(await readWorkbookFile(typed));
    if (!read.ok) throw new Error("the typed form was refused");
    expect(keys).toEqual([
      `PL-THU-2026#${definitionHash(read.catalogue)}`,
      ...read.catalogue.rows.map((row) => row.code),
    ]);
  });

  it("refuses a level the form has no rows for, before writing anything", async () => {
    const output = temp.path("khong-ghi.xlsx");
    const args = ["template", "-o", output, "--form", typed, "--level", "huyen", "--period", "2025-Q1"];
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "Mẫu PL-THU-2026 không có cấp huyen (các cấp báo cáo theo mẫu: so, xa).\n" +
        "The form PL-THU-2026 has no level huyen (the levels that report on it: so, xa).\n",
    );
    expect(existsSync(output)).toBe(false);
  });

  it("never uses a definition with a problem: its problems instead, exit 2, nothing written", async () => {
    const broken = await edited("mau-hong.xlsx", (workbook) => {
      renamed(workbook);
      sheet(workbook, "Quy tắc").getCell("C2").value = "HS.1 = HS.1.1 + HS.1.9";
    });
    const output = temp.path("khong-ghi-2.xlsx");
    const { code, stdout } = await run(["template", "-o", output, "--form", broken, "--period", "2021-Q3"]);
    expect({ code, stdout }).toEqual({
      code: 2,
      stdout:
        'Trang "Quy tắc", dòng 2, cột "biểu thức" (C): mã HS.1.9 không có trong trang "Chỉ tiêu".\n' +
        'Sheet "Quy tắc", row 2, column "biểu thức" (C): the code HS.1.9 is not on the "Chỉ tiêu" sheet.\n' +
        `${broken}: 1 lỗi, định nghĩa này không được dùng cho đến khi sửa hết.\n` +
        `${broken}: 1 problem; the definition is not used until all are fixed.\n`,
    });
    expect(existsSync(output)).toBe(false);
  });

  it("takes a built-in form by its id and refuses an id no form has", async () => {
    const output = temp.path("phu-luc-2021.xlsx");
    expect(
      (await run(["template", "-o", output, "--form", "CCHC-PL-2021", "--period", "2021-Q3"])).code,
    ).toBe(0);
    const { code, stderr } = await run(["template", "-o", temp.path("x2.xlsx"), "--form", "PL-XYZ"]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'Không có mẫu có sẵn "PL-XYZ": dùng mã một mẫu có sẵn (CCHC-PL-2021) hoặc tệp định nghĩa mẫu .xlsx.\n' +
        'No built-in form "PL-XYZ": give a built-in form\'s id (CCHC-PL-2021) or a form definition .xlsx file.\n',
    );
  });
});

describe("validate --form with --format json", () => {
  it("prints a refused definition's problems as JSON, each with its kind, place and message, exit 2", async () => {
    const broken = await edited("mau-hong-json.xlsx", (workbook) => {
      renamed(workbook);
      sheet(workbook, "Quy tắc").getCell("C2").value = "HS.1 = HS.1.1 + HS.1.9";
    });
    const appendix = temp.path("phu-luc-json.xlsx");
    expect((await run(["template", "-o", appendix, "--period", "2021-Q3"])).code).toBe(0);
    const { code, stdout, stderr } = await run(["validate", appendix, "--form", broken, "--format", "json"]);
    expect(code).toBe(2);
    const report = ValidationReportSchema.parse(JSON.parse(stdout));
    expect(report).toEqual({
      schema: 1,
      files: [],
      forms: [
        {
          file: broken,
          error: {
            message: `${broken}: 1 lỗi, định nghĩa này không được dùng cho đến khi sửa hết.`,
            messageEn: `${broken}: 1 problem; the definition is not used until all are fixed.`,
          },
          problems: [
            {
              kind: "code_unknown",
              place: { sheet: "Quy tắc", row: 2, header: "biểu thức", column: "C" },
              params: { code: "HS.1.9" },
              message: {
                vi: 'Trang "Quy tắc", dòng 2, cột "biểu thức" (C): mã HS.1.9 không có trong trang "Chỉ tiêu".',
                en: 'Sheet "Quy tắc", row 2, column "biểu thức" (C): the code HS.1.9 is not on the "Chỉ tiêu" sheet.',
              },
            },
          ],
        },
      ],
    });
    expect(stderr).toBe(
      `${broken}: 1 lỗi, định nghĩa này không được dùng cho đến khi sửa hết.\n` +
        `${broken}: 1 problem; the definition is not used until all are fixed.\n`,
    );
  });

  it("prints why a definition file cannot be read as JSON too, the same message on stderr, exit 2", async () => {
    const unreadable = await temp.write("khong-phai-json.xlsx", "không phải tệp Excel");
    const appendix = temp.path("phu-luc-json-2.xlsx");
    expect((await run(["template", "-o", appendix, "--period", "2021-Q3"])).code).toBe(0);
    const text = await run(["form", "check", unreadable]);
    const { code, stdout, stderr } = await run([
      "validate",
      appendix,
      "--form",
      unreadable,
      "--format",
      "json",
    ]);
    expect({ code, stderr }).toEqual({ code: 2, stderr: text.stderr });
    const [vi, en] = text.stderr.split("\n").map((line) => line.slice(`${unreadable}: `.length));
    expect(ValidationReportSchema.parse(JSON.parse(stdout))).toEqual({
      schema: 1,
      files: [],
      forms: [{ file: unreadable, error: { message: vi, messageEn: en }, problems: [] }],
    });
  });
});
