import ExcelJS from "exceljs";
import { consolidateCommand } from "../../src/cli/consolidate";
import { main } from "../../src/cli/main";
import { terminalJson, terminalText } from "../../src/cli/terminal";
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { ValidationReportSchema } from "../../src/workflows/report";
import { SO_TU_PHAP } from "../helpers/departments";
import { SEED_VALUES } from "../helpers/seed";
import { filledTemplate, useTempDir } from "../helpers/xlsx";

// Issue 10, point 6: what the command line prints carries nothing from a file that a terminal would act on, and its
// counts read right in both languages.

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

// Characters XML 1.0 allows, so that a real .xlsx carries them: C1 controls (CSI, OSC), line breaks, tab, bidi
// overrides and isolates. (C0 controls such as ESC cannot be in the XML at all.)
const HOSTILE_UNIT =
  "Sở Y tế\u009b2J\u009d0;bị chiếm\u009c\n    LỖI       HS.1  Giả mạo\r\n\tcuối\u202ecba\u2066x\u2069";
// Everything a terminal acts on but the line feed that ends our own lines.
const TERMINAL_UNSAFE = new RegExp(
  String.raw`[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]`,
);

async function appendixWithUnit(unit: string, values = SEED_VALUES): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await filledTemplate(values)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  workbook.worksheets[0]!.getCell(`B${sheetLayout(catalogue).inputRow}`).value = unit;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("terminalText", () => {
  it.each([
    ["an SGR colour", "Sở \u001b[31mY tế\u001b[0m", "Sở Y tế"],
    ["a screen clear and cursor move", "a\u001b[2J\u001b[1;1Hb", "ab"],
    ["a window title (OSC ended by BEL)", "a\u001b]0;chiếm\u0007b", "ab"],
    [
      "a hyperlink (OSC 8 ended by ST), keeping its text",
      "\u001b]8;;http://x\u001b\\liên kết\u001b]8;;\u001b\\",
      "liên kết",
    ],
    ["8-bit CSI and OSC", "a\u009b31mb\u009d0;t\u009cc", "abc"],
    ["line breaks and tabs, as spaces", "dòng 1\ndòng 2\r\ndòng 3\tx\u2028y", "dòng 1 dòng 2 dòng 3 x y"],
    ["bidi overrides and isolates", "abc\u202efed\u202c\u2067x\u2069", "abcfedx"],
    ["other C0, C1 and DEL", "a\u0000b\u0007c\u007fd\u0085e", "abcd e"],
  ])("removes %s", (_, text, safe) => {
    expect(terminalText(text)).toBe(safe);
  });

  it("keeps Vietnamese text, its combining marks and emoji as they are", () => {
    const text = "Sở Thông tin và Truyền thông · Quý III/2021 — 1.936 hồ sơ 👍 (tổ hợp: e\u0301)";
    expect(terminalText(text)).toBe(text);
  });
});

describe("terminalJson", () => {
  it("escapes what a terminal acts on and parses back to the very same value", () => {
    const value = { unit: HOSTILE_UNIT, other: "\u0085\u2028\u00e9" };
    const json = terminalJson(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(TERMINAL_UNSAFE);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("the commands print a hostile unit name as harmless text", () => {
  const temp = useTempDir("cchc-terminal-");

  it("validate: the text report holds no control character and no forged line", async () => {
    const file = await temp.write("doc-hai.xlsx", await appendixWithUnit(HOSTILE_UNIT));
    const { stdout } = await run(["validate", file]);
    expect(stdout).toContain("Sở Y tế");
    expect(stdout).not.toMatch(TERMINAL_UNSAFE);
    const header = stdout.split("\n").find((line) => line.includes("Sở Y tế"))!;
    expect(header).toContain("Giả mạo");
    expect(stdout.split("\n").filter((line) => line.includes("Giả mạo"))).toEqual([header]);
  });

  it("validate --format json: the exact unit name, in JSON that holds nothing a terminal acts on", async () => {
    const file = await temp.write("doc-hai-json.xlsx", await appendixWithUnit(HOSTILE_UNIT));
    const { stdout } = await run(["validate", file, "--format", "json"]);
    expect(stdout).not.toMatch(TERMINAL_UNSAFE);
    const sheet = ValidationReportSchema.parse(JSON.parse(stdout)).files[0]!.sheets[0]!;
    // Raw exceljs stores the carriage return literally, and XML parsing turns a literal CR LF into LF (XML 1.0
    // section 2.11), as Excel's reading does: the unit is exactly what the file holds.
    expect(sheet.unit).toBe(HOSTILE_UNIT.replace(/\r\n?/g, "\n"));
  });

  it("consolidate: progress, warnings and the outcome hold no control character", async () => {
    const file = await temp.write("tu\u009b2Jphap.xlsx", await appendixWithUnit(HOSTILE_UNIT, SO_TU_PHAP));
    const second = await temp.write("tu-phap-2.xlsx", await appendixWithUnit(HOSTILE_UNIT, SO_TU_PHAP));
    let stdout = "";
    let stderr = "";
    await consolidateCommand([file, second, "-o", temp.path("tong\nhop.xlsx")], {
      out: (text) => (stdout += text),
      err: (text) => (stderr += text),
    });
    expect(stdout).toContain("Đã tổng hợp");
    expect(stdout + stderr).not.toMatch(TERMINAL_UNSAFE);
    expect(stdout.split("\n").filter((line) => line.includes("tong hop.xlsx"))).toHaveLength(2);
  });
});

describe("the commands' counts in English and Vietnamese", () => {
  const temp = useTempDir("cchc-plural-");

  it("consolidate of one unit says 1 unit, 1 correction request, 1 consolidation warning", async () => {
    const file = await temp.write("mot.xlsx", await filledTemplate(SEED_VALUES));
    const { stdout } = await run(["consolidate", file, "-o", temp.path("tong-hop.xlsx")]);
    expect(stdout).toContain("Đã tổng hợp 1 đơn vị vào");
    expect(stdout).toContain("Consolidated 1 unit into");
    expect(stdout).toContain("1 correction request,");
    expect(stdout).not.toMatch(/\b1 (units|correction requests|consolidation warnings|expected units)\b/);
  });

  it("validate --lang en says 2 errors, 1 warning", async () => {
    const file = await temp.write("seed.xlsx", await filledTemplate(SEED_VALUES));
    const { stdout } = await run(["validate", file, "--lang", "en"]);
    expect(stdout).toMatch(/NOT READY: 2 errors, 1 warning, \d+ notes/);
  });
});
