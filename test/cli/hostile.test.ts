import type ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { zipParts } from "../../src/cli/xlsx/read";
import { templateWorkbook } from "../../src/cli/xlsx/template";
import { ValidationReportSchema } from "../../src/workflows/report";
import { handTypedWorkbook } from "../helpers/hand-typed";
import { SEED_VALUES } from "../helpers/seed";
import { typeInto, useTempDir } from "../helpers/xlsx";
import { zip } from "../helpers/zip";

// Files that misbehave: each is answered with exit 2 and a clear message, or read with a finding, in bounded time.

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const started = Date.now();
  const code = await main(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr, ms: Date.now() - started };
}

async function seedWorkbook(extraSheet?: string): Promise<ExcelJS.Workbook> {
  const workbook = await templateWorkbook({
    unit: "Sở TTTT",
    level: "so",
    period: "2021-Q3",
    sheetName: "Sở TTTT",
  });
  typeInto(workbook.worksheets[0]!, SEED_VALUES);
  if (extraSheet) workbook.addWorksheet(extraSheet).getCell("A1").value = "x";
  return workbook;
}

async function seedParts(extraSheet?: string): Promise<Map<string, Buffer>> {
  const buffer = Buffer.from(await (await seedWorkbook(extraSheet)).xlsx.writeBuffer());
  return zipParts(buffer);
}

function ole(stream: string): Buffer {
  return Buffer.concat([
    Buffer.from("d0cf11e0a1b11ae1", "hex"),
    Buffer.alloc(504),
    Buffer.from(stream, "utf16le"),
  ]);
}

describe("hostile files given to cchc-appendix validate", () => {
  const temp = useTempDir("cchc-hostile-");

  it.each([
    ["a text file", () => Buffer.from("Báo cáo CCHC quý III"), /không phải bảng tính Excel/],
    ["an empty file", () => Buffer.alloc(0), /tệp rỗng/],
    ["a password-protected workbook", () => ole("EncryptedPackage"), /mật khẩu/],
    ["an old Excel 97–2003 .xls", () => ole("Workbook"), /Excel 97–2003 \(\.xls\).*Save As/s],
  ])("refuses %s with exit 2 and says what to do", async (_name, bytes, message) => {
    const file = await temp.write("hostile.xlsx", bytes());
    const { code, stderr } = await run(["validate", file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("refuses a truncated zip as damaged", async () => {
    const whole = Buffer.from(await (await seedWorkbook()).xlsx.writeBuffer());
    const file = await temp.write("truncated.xlsx", whole.subarray(0, Math.floor(whole.length / 2)));
    const { code, stderr } = await run(["validate", file]);
    expect(code).toBe(2);
    expect(stderr).toContain("bị hỏng");
  });

  it("refuses a zip bomb that declares its size, without inflating it", async () => {
    const parts = await seedParts();
    parts.set("xl/media/filler.bin", Buffer.alloc(300 * 1024 * 1024, 0x20));
    const file = await temp.write("bomb.xlsx", zip(parts));
    const { code, stderr, ms } = await run(["validate", file]);
    expect(code).toBe(2);
    expect(stderr).toContain("bom nén");
    expect(ms).toBeLessThan(20_000);
  });

  it("refuses a zip bomb that lies about its size, stopping at the declared size", async () => {
    const parts = await seedParts();
    const sheet = parts.get("xl/worksheets/sheet1.xml")!;
    const members = new Map<string, Buffer | { data: Buffer; declaredSize: number }>(parts);
    members.set("xl/worksheets/sheet1.xml", {
      data: Buffer.concat([sheet, Buffer.alloc(200 * 1024 * 1024, 0x20)]),
      declaredSize: sheet.length,
    });
    const file = await temp.write("lying-bomb.xlsx", zip(members));
    const { code, stderr } = await run(["validate", file]);
    expect(code).toBe(2);
    expect(stderr).toContain("bom nén");
  });

  it("refuses a workbook with macros (.xlsm) and says how to save it without", async () => {
    const parts = await seedParts();
    parts.set("xl/vbaProject.bin", ole("VBA"));
    const file = await temp.write("macros.xlsm", zip(parts));
    const { code, stderr } = await run(["validate", file]);
    expect(code).toBe(2);
    expect(stderr).toContain("macro");
    expect(stderr).toContain(".xlsx");
  });

  it("reads the appendix beside a sheet of 1,000,000 used cells, in bounded time", async () => {
    const parts = await seedParts("Dữ liệu");
    const rows: string[] = [];
    for (let row = 1; row <= 1_000_000; row++)
      rows.push(`<row r="${row}"><c r="A${row}"><v>${row % 97}</v></c></row>`);
    parts.set(
      "xl/worksheets/sheet2.xml",
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`,
      ),
    );
    const file = await temp.write("million.xlsx", zip(parts));
    const { code, stdout, ms } = await run(["validate", file, "--format", "json"]);
    expect(code).toBe(1);
    const report = ValidationReportSchema.parse(JSON.parse(stdout));
    expect(report.files[0]!.sheets.map((sheet) => sheet.sheet)).toEqual(["Sở TTTT"]);
    expect(ms).toBeLessThan(30_000);
  });

  it("validates the one appendix among 500 sheets", async () => {
    const workbook = await seedWorkbook();
    for (let index = 1; index < 500; index++)
      workbook.addWorksheet(`Trang ${index}`).getCell("A1").value = index;
    const file = await temp.write("500-sheets.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    const { code, stdout } = await run(["validate", file, "--format", "json"]);
    expect(code).toBe(1);
    expect(ValidationReportSchema.parse(JSON.parse(stdout)).files[0]!.sheets).toHaveLength(1);
  });

  it("flags values taken from another workbook, a HYPERLINK or DDE instead of reading them", async () => {
    const workbook = await seedWorkbook();
    const sheet = workbook.worksheets[0]!;
    const rowOf = (label: string) => {
      let found = 0;
      sheet.getColumn(6).eachCell((cell, row) => {
        if (cell.value === label) found = row;
      });
      return found;
    };
    sheet.getCell(rowOf("1.1.3"), 4).value = { formula: "[1]Sheet1!D9", result: 3 };
    sheet.getCell(rowOf("5.3.2"), 4).value = { formula: 'HYPERLINK("http://x.example","1")', result: "1" };
    sheet.getCell(rowOf("7.8.1"), 4).value = { formula: "cmd|'/c calc'!A0", result: 762 };
    const file = await temp.write("links.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    const { code, stdout } = await run(["validate", file, "--format", "json"]);
    expect(code).toBe(1);
    const findings = ValidationReportSchema.parse(JSON.parse(stdout)).files[0]!.sheets[0]!.findings;
    const unsafe = findings
      .filter((finding) => finding.kind === "unsafe_formula")
      .map((finding) => finding.codes[0]);
    expect(unsafe.sort()).toEqual(["1.1.3", "5.3.2", "7.8.1"]);
  });

  it.each([
    ["typed with the legacy TCVN3 (.VnTime) fonts", (text: string) => toTcvn3(text)],
    ["in decomposed Unicode", (text: string) => text.normalize("NFD")],
  ])("reads a hand-typed appendix whose labels are %s", async (_name, encode) => {
    const workbook = handTypedWorkbook();
    const sheet = workbook.worksheets[0]!;
    sheet.eachRow((row) => {
      const label = row.getCell(2);
      if (typeof label.value === "string") label.value = encode(label.value);
    });
    const file = await temp.write("legacy-labels.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    const { code, stdout } = await run(["validate", file, "--format", "json"]);
    expect(code).toBe(0);
    const result = ValidationReportSchema.parse(JSON.parse(stdout)).files[0]!.sheets[0]!;
    // The "Trong đó" rows have no code: only their labels place them, so reading them proves the decoding.
    const textRate = result.findings.find((finding) => finding.codes[0] === "7.6.2.b");
    expect(textRate?.kind).toBe("text_number");
  });
});

const UNICODE_TO_TCVN3: Record<string, string> = {
  ố: "è",
  ệ: "Ö",
  ụ: "ô",
  đ: "®",
  ề: "Ò",
  ế: "Õ",
  ạ: "¹",
  ổ: "æ",
  ó: "ã",
  ự: "ù",
  ô: "«",
  ớ: "í",
  ở: "ë",
  à: "µ",
  ả: "¶",
  á: "¸",
  ư: "\u00AD",
  ờ: "ê",
  ộ: "é",
  ỷ: "û",

  ể: "Ó",
  í: "Ý",
  ị: "Þ",
  ỉ: "Ø",
  ấ: "Ê",
  ậ: "Ë",
  ầ: "Ç",
  ẩ: "È",
  ă: "¨",
  â: "©",
  ê: "ª",
  ơ: "¬",
  ú: "ó",
  ù: "ï",
  ủ: "ñ",
  ứ: "ø",
  ừ: "õ",
  ử: "ö",
  ữ: "÷",
  ợ: "î",
  ồ: "å",
  ỗ: "ç",
  ọ: "ä",
  ò: "ß",
  ỏ: "á",
  õ: "â",
  é: "Ð",
  è: "Ì",
  ẻ: "Î",
  ẹ: "Ñ",
  ì: "×",
  ĩ: "Ü",
  ý: "ý",
  ỳ: "ú",
  ỹ: "ü",
  ỵ: "þ",
  ặ: "Æ",
  ắ: "¾",
  ằ: "»",
  ẳ: "¼",
  ẵ: "½",
  ã: "·",
  ễ: "Ô",
  ẫ: "É",
  ũ: "ò",
  ỡ: "ì",
  Đ: "§",
};

/** Encodes Unicode Vietnamese as TCVN3 bytes read as Latin-1 (letters with no TCVN3 form stay as they are). */
function toTcvn3(text: string): string {
  return [...text.normalize("NFC")].map((letter) => UNICODE_TO_TCVN3[letter] ?? letter).join("");
}
