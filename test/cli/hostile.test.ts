import type ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { execFileSync } from "node:child_process";
import { open as openFile } from "node:fs/promises";
import { LIMITS, readWorkbookFile, WorkbookReadError, zipParts } from "../../src/cli/xlsx/read";
import { templateWorkbook } from "../../src/cli/xlsx/template";
import { ValidationReportSchema } from "../../src/workflows/report";
import { handTypedWorkbook } from "../helpers/hand-typed";
import { SEED_VALUES } from "../helpers/seed";
import { typeInto, useTempDir } from "../helpers/xlsx";
import type { ZipMember } from "../helpers/zip";
import { zip } from "../helpers/zip";

// Files that misbehave: each is answered with exit 2 and a clear message, or read with a finding; how long they take is the bench's to measure, never a test's.

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
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
    const { code, stderr } = await run(["validate", file]);
    expect(code).toBe(2);
    expect(stderr).toContain("bom nén");
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

  it("reads the appendix beside a sheet of 1,000,000 used cells", async () => {
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
    const { code, stdout } = await run(["validate", file, "--format", "json"]);
    expect(code).toBe(1);
    const report = ValidationReportSchema.parse(JSON.parse(stdout));
    expect(report.files[0]!.sheets.map((sheet) => sheet.sheet)).toEqual(["Sở TTTT"]);
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

/** What the reader inflated and held while refusing a file, counted through its probe. */
async function costOfRefusing(file: string): Promise<{ inflated: number; cells: number; error: unknown }> {
  let inflated = 0;
  let cells = 0;
  const error = await readWorkbookFile(file, {
    probe: { inflated: (bytes) => (inflated += bytes), cells: (count) => (cells += count) },
  }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { inflated, cells, error };
}

/** Compressed input the reader feeds at a time (src/xlsx/zip.ts) times DEFLATE's largest expansion. */
const ONE_PUSH = 16 * 1024 * 1032;

describe("hostile files, refused by what the reader inflated and held", () => {
  const temp = useTempDir("cchc-hostile-cost-");

  async function refuses(name: string, bytes: Buffer, message: RegExp) {
    const file = await temp.write(name, bytes);
    const { code, stderr } = await run(["validate", file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    const cost = await costOfRefusing(file);
    expect(cost.error).toBeInstanceOf(WorkbookReadError);
    return cost;
  }

  it("refuses an honest bomb from its directory, inflating nothing", async () => {
    const parts = await seedParts();
    parts.set("xl/media/filler.bin", Buffer.alloc(32 * 1024 * 1024));
    const cost = await refuses("honest.xlsx", zip(parts), /bom nén[\s\S]*zip bomb/);
    expect(cost).toMatchObject({ inflated: 0, cells: 0 });
  });

  it("refuses a member declaring more than DEFLATE can produce from its bytes, inflating nothing", async () => {
    const parts: Map<string, Buffer | ZipMember> = await seedParts();
    parts.set("xl/media/small.bin", { data: Buffer.alloc(1024, 7), declaredSize: 10 * 1024 * 1024 });
    const cost = await refuses("impossible.xlsx", zip(parts), /bom nén/);
    expect(cost.inflated).toBe(0);
  });

  it("stops inflating a part that lies about its size one push past the size it declares", async () => {
    const parts = await seedParts();
    const sheet = parts.get("xl/worksheets/sheet1.xml")!;
    const members = new Map<string, Buffer | ZipMember>(parts);
    members.set("xl/worksheets/sheet1.xml", {
      data: Buffer.concat([sheet, Buffer.alloc(200 * 1024 * 1024, 0x20)]),
      declaredSize: sheet.length,
    });
    const cost = await refuses("liar.xlsx", zip(members), /bom nén/);
    expect(cost.inflated).toBeGreaterThan(sheet.length);
    expect(cost.inflated).toBeLessThan(sheet.length + ONE_PUSH);
    expect(cost.cells).toBe(0);
  });

  it("holds no more than the declared size plus one byte of a small part that lies about its size", async () => {
    const parts = await seedParts();
    const styles = parts.get("xl/styles.xml")!;
    const members = new Map<string, Buffer | ZipMember>(parts);
    members.set("xl/styles.xml", {
      data: Buffer.concat([styles, Buffer.alloc(20 * 1024 * 1024, 0x20)]),
      declaredSize: styles.length,
    });
    const cost = await refuses("small-liar.xlsx", zip(members), /bom nén/);
    const readBefore = [
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
    ];
    const before = readBefore.reduce((sum, name) => sum + parts.get(name)!.length, 0);
    expect(cost.inflated).toBe(before + styles.length + 1);
  });

  it("refuses more members than a workbook has, inflating nothing", async () => {
    const parts = await seedParts();
    for (let index = 0; index <= LIMITS.members; index++) parts.set(`xl/media/${index}.bin`, Buffer.alloc(0));
    const cost = await refuses("members.xlsx", zip(parts), /bom nén/);
    expect(cost.inflated).toBe(0);
  });

  it("refuses members that share their bytes (an overlapping bomb), inflating nothing", async () => {
    const parts: Map<string, Buffer | ZipMember> = await seedParts();
    for (let index = 2; index < 50; index++) {
      parts.set(`xl/worksheets/sheet${index}.xml`, {
        data: Buffer.alloc(0),
        sharesDataOf: "xl/worksheets/sheet1.xml",
      });
    }
    const cost = await refuses("overlap.xlsx", zip(parts), /bom nén/);
    expect(cost.inflated).toBe(0);
  });

  it("never opens a zip nested inside the package", async () => {
    const inner = zip(new Map([["bomb.bin", Buffer.alloc(64 * 1024 * 1024)]]));
    const parts = await seedParts();
    parts.set("xl/embeddings/oleObject1.bin", inner);
    const file = await temp.write("nested.xlsx", zip(parts));
    let inflated = 0;
    await readWorkbookFile(file, { probe: { inflated: (bytes) => (inflated += bytes) } });
    const needed = ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/sharedStrings.xml"];
    expect(inflated).toBeLessThan(
      needed.reduce((sum, name) => sum + (parts.get(name)?.length ?? 0), 0) + 64 * 1024,
    );
  });

  it("refuses a zip64 archive, which no appendix needs, inflating nothing", async () => {
    const bytes = zip(await seedParts());
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bytes.writeUInt16LE(0xffff, end + 8);
    bytes.writeUInt16LE(0xffff, end + 10);
    const cost = await refuses("zip64.xlsx", bytes, /ZIP64/);
    expect(cost.inflated).toBe(0);
  });

  it("refuses a part whose CRC-32 does not match, holding no cell", async () => {
    const parts: Map<string, Buffer | ZipMember> = await seedParts();
    const sheet = parts.get("xl/worksheets/sheet1.xml") as Buffer;
    parts.set("xl/worksheets/sheet1.xml", { data: sheet, crc: 0x12345678 });
    const cost = await refuses("crc.xlsx", zip(parts), /bị hỏng[\s\S]*CRC-32/);
    expect(cost.cells).toBe(0);
  });

  it("refuses an archive cut short anywhere, its directory or its data", async () => {
    const whole = zip(await seedParts());
    await refuses("tail.xlsx", whole.subarray(0, whole.length - 10), /bị hỏng/);
    const body = Buffer.from(whole);
    body.fill(0, 200, 4000);
    await refuses("holes.xlsx", body, /bị hỏng/);
  });

  it("refuses a DOCTYPE (a billion laughs) before expanding any entity", async () => {
    const parts = await seedParts();
    const lol = ['<!ENTITY lol0 "lol">'];
    for (let level = 1; level < 10; level++)
      lol.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
    parts.set(
      "xl/sharedStrings.xml",
      Buffer.from(
        `<?xml version="1.0"?><!DOCTYPE sst [${lol.join("")}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>`,
      ),
    );
    const cost = await refuses("laughs.xlsx", zip(parts), /DOCTYPE/);
    expect(cost.cells).toBe(0);
    expect(cost.inflated).toBeLessThan(1024 * 1024);
  });

  it("refuses a file larger than the limit from its size, before reading it", async () => {
    const file = temp.path("huge.xlsx");
    const handle = await openFile(file, "w");
    await handle.truncate(LIMITS.fileBytes + 1);
    await handle.close();
    const { code, stderr } = await run(["validate", file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/quá lớn[\s\S]*too large/);
  });

  it("refuses /dev/zero, an endless device, without reading from it", async () => {
    const { code, stderr } = await run(["validate", "/dev/zero"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/không phải một tệp thông thường[\s\S]*not a regular file/);
  });

  it("refuses a named pipe with no writer instead of waiting on it", async () => {
    const fifo = temp.path("pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const { code, stderr } = await run(["validate", fifo]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/không phải một tệp thông thường[\s\S]*not a regular file/);
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
