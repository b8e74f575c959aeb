import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { catalogue, filledAt } from "../../../src/domain/catalogue";
import type { RowDef } from "../../../src/domain/catalogue";
import { derivedFormula, sheetLayout } from "../../../src/domain/layout";
import { InvalidMetaError, parseLevel, parsePeriod } from "../../../src/domain/meta";
import { SheetNameError } from "../../../src/workflows/template-spec";
import { readWorkbookFile } from "../../../src/cli/xlsx/read";
import { seedWith } from "../../helpers/seed";
import type { PdfPage } from "../../helpers/tools";
import { pdfBoxPages, runTool } from "../../helpers/tools";
import { typeInto } from "../../helpers/xlsx";
import {
  defaultSheetName,
  setPrintArea,
  templateWorkbook,
  writeTemplateSheet,
} from "../../../src/cli/xlsx/template";

// Real files all the way: the template is written to disk, read back with exceljs and with our reader, recalculated
// by LibreOffice (CSV) and printed by it (PDF). LibreOffice and poppler-utils are required, as in CI: a missing
// tool fails the suite with a message instead of skipping it.

jest.setTimeout(120_000);

const layout = sheetLayout(catalogue);
const SHEET = "Sở TTTT";
const OPTIONS = {
  sheetName: SHEET,
  unit: "Sở Thông tin và Truyền thông",
  level: "so",
  period: "2021-Q3",
} as const;
/** The derived rows the sheet's level fills: the others (3.4.2, 3.4.3 on a department's sheet) hold no formula. */
const FORMULA_ROWS = catalogue.derivedRows.filter((row) => filledAt(row, OPTIONS.level));
const REPO = resolve(__dirname, "../../..");
// README's picture is rewritten only on request (`npm run docs:pictures`); otherwise the test draws it aside.
const PICTURES = process.env.UPDATE_DOCS
  ? join(REPO, "docs")
  : join(tmpdir(), `cchc-pictures-${process.pid}`);

function rowOf(code: string): number {
  const row = layout.rowOf.get(code);
  if (row === undefined) throw new Error(`no row for ${code}`);
  return row;
}

// LibreOffice trusts cached formula results unless told otherwise; a fresh profile that always recalculates makes
// the CSV prove what the formulas compute, whatever the file carries.
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** One soffice run with its own throwaway profile, so that parallel runs and a user's own LibreOffice never clash. */
async function soffice(work: string, convertTo: string, outdir: string, files: string[]): Promise<string> {
  const profile = await mkdtemp(join(work, "lo-profile-"));
  await mkdir(join(profile, "user"), { recursive: true });
  await writeFile(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  return runTool("soffice", [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--norestore",
    "--calc",
    "--convert-to",
    convertTo,
    "--outdir",
    outdir,
    ...files,
  ]);
}

/** The text of one entry of a zip archive, read from its central directory (enough for the .xlsx exceljs writes). */
function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    at += 46 + skip;
  }
  throw new Error(`${name} not in the archive`);
}

/** RFC 4180 fields, quotes and embedded newlines included. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += char;
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

type Counts = Readonly<Record<string, number>>;

function fill(sheet: ExcelJS.Worksheet, values: Readonly<Record<string, ExcelJS.CellValue>>): void {
  for (const [code, value] of Object.entries(values)) sheet.getCell(rowOf(code), 4).value = value;
}

// Scenario "edges": a zero denominator (3.3.4 over QT.2 = 0, 7.8.4 over DV.4 = 0), a blank input (4.1.4 for
// 4.1.4.d, VB.2 for 7.6.2.b), a zero numerator and a negative reduction.
const EDGES: Counts = {
  "QT.1": 37,
  "QT.2": 0,
  "QT.3": 5,
  "HS.2": 44,
  "HS.2.1": 41,
  "BC.3": 60,
  "4.2.1": 28,
  "BC.1": 32,
  "4.3.1": 30,
  "BC.2": 27,
  "7.6.2": 64073,
  "VB.1": 49362,
  "DV.3": 6356,
  "DV.3.2": 758,
  "DV.4": 0,
  "DV.4.2": 0,
};

// Scenario "complete": every derived rate has all its inputs and a non-zero denominator.
const COMPLETE: Counts = {
  "QT.1": 40,
  "QT.2": 37,
  "QT.3": 12,
  "HS.2": 3,
  "HS.2.1": 1,
  "4.1.4": 58,
  "BC.3": 61,
  "4.2.1": 28,
  "BC.1": 32,
  "4.3.1": 27,
  "BC.2": 28,
  "7.6.2": 64073,
  "VB.1": 49362,
  "VB.2": 13,
  "DV.3": 6356,
  "DV.3.2": 758,
  "DV.4": 5621,
  "DV.4.2": 3685,
};

/** A derived rate as an exact fraction of whole counts, or "blank" (an input blank or a zero denominator). */
type Expected = readonly [numerator: number, denominator: number] | "blank";

const EXPECTED_EDGES: Readonly<Record<string, Expected>> = {
  "3.3.3": [0, 37],
  "3.3.4": "blank",
  "3.4.1": [41, 44],
  "3.4.2": [41, 44],
  "3.4.3": [41, 44],
  "4.1.4.d": "blank",
  "4.2.5": [32 - 28, 32],
  "4.3.4": [27 - 30, 27],
  "7.6.2.a": [49362, 64073],
  "7.6.2.b": "blank",
  "7.8.3": [758, 6356],
  "7.8.4": "blank",
};

const EXPECTED_COMPLETE: Readonly<Record<string, Expected>> = {
  "3.3.3": [37, 40],
  "3.3.4": [12, 37],
  "3.4.1": [1, 3],
  "3.4.2": [1, 3],
  "3.4.3": [1, 3],
  "4.1.4.d": [61 - 58, 61],
  "4.2.5": [32 - 28, 32],
  "4.3.4": [28 - 27, 28],
  "7.6.2.a": [49362, 64073],
  "7.6.2.b": [13, 64073],
  "7.8.3": [758, 6356],
  "7.8.4": [3685, 5621],
};

/** The catalogue's own definition of a rate, in whole numbers: what the spreadsheet formula must agree with. */
function fromCatalogue(row: RowDef, counts: Counts): Expected {
  const derived = row.derived;
  if (!derived) throw new Error(`${row.code} is not derived`);
  const inputs = [...derived.plus, ...derived.minus, ...derived.denominator].map((code) => counts[code]);
  if (inputs.some((value) => value === undefined)) return "blank";
  const sum = (codes: string[]) => codes.reduce((total, code) => total + (counts[code] ?? 0), 0);
  const denominator = sum(derived.denominator);
  return denominator === 0 ? "blank" : [sum(derived.plus) - sum(derived.minus), denominator];
}

let work: string;
let templatePath: string;
let templateBytes: Buffer;
let csvBySheet: Map<string, string[][]>;
let pdfPages: string[];
let pdfBoxes: PdfPage[];
let pdfInfo: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "cchc-template-"));

  templatePath = join(work, "template.xlsx");
  await (await templateWorkbook(OPTIONS)).xlsx.writeFile(templatePath);
  templateBytes = await readFile(templatePath);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function readBack(): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const sheet = workbook.getWorksheet(SHEET);
  if (!sheet) throw new Error("template sheet missing");
  return sheet;
}

function plain(value: ExcelJS.CellValue): string {
  if (value && typeof value === "object" && "richText" in value)
    return value.richText.map((run) => run.text).join("");
  return String(value ?? "");
}

describe("the template read back with exceljs", () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    sheet = await readBack();
  });

  it("writes the title, merged A:E, with the unit in upper case", () => {
    expect(sheet.getCell("A1").value).toBe("PHỤ LỤC");
    expect(sheet.getCell("A2").value).toBe(
      "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TẠI SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
    );
    expect(sheet.getCell("A3").value).toBe(
      "(Ban hành kèm theo Báo cáo số …/… ngày … của Sở Thông tin và Truyền thông)",
    );
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(
      expect.arrayContaining(["A1:E1", "A2:E2", "A3:E3", "A5:A6", "B5:B6", "C5:D5", "E5:E6"]),
    );
    expect(sheet.getCell("A1").font).toMatchObject({ name: "Times New Roman", bold: true });
  });

  it("writes the row 4 inputs, which read back as the level and period ids", () => {
    expect([1, 2, 3, 4, 5].map((column) => sheet.getCell(4, column).value)).toEqual([
      "Đơn vị báo cáo:",
      "Sở Thông tin và Truyền thông",
      "Cấp:",
      "Sở, ngành",
      "Quý III/2021",
    ]);
    expect(parseLevel(String(sheet.getCell("D4").value))).toBe("so");
    expect(parsePeriod(String(sheet.getCell("E4").value))).toBe("2021-Q3");
    // A list of three labels, one with a comma, so it refers to hidden cells rather than an inline literal.
    expect(sheet.getCell("D4").dataValidation).toMatchObject({
      type: "list",
      formulae: ["$G$1:$G$3"],
      showErrorMessage: true,
    });
    expect(["G1", "G2", "G3"].map((address) => sheet.getCell(address).value)).toEqual([
      "Sở, ngành",
      "Huyện",
      "Xã",
    ]);
    expect(sheet.getColumn(7).hidden).toBe(true);
  });

  it("writes the two-row header with its italic parenthesis", () => {
    expect(sheet.getCell("A5").value).toBe("STT");
    const label = sheet.getCell("B5").value as ExcelJS.CellRichTextValue;
    expect(plain(label)).toBe("Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)");
    expect(label.richText[1]).toMatchObject({
      text: "(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)",
      font: { italic: true },
    });
    expect(sheet.getCell("C5").value).toBe("Kết quả thống kê");
    expect(sheet.getCell("C6").value).toBe("Đơn vị tính");
    expect(sheet.getCell("D6").value).toBe("Số liệu");
    expect(sheet.getCell("E5").value).toBe("Ghi chú");
    for (const address of ["A5", "B5", "C5", "C6", "D6", "E5"]) {
      expect(sheet.getCell(address).font).toMatchObject({ bold: true, name: "Times New Roman" });
      expect(sheet.getCell(address).border).toMatchObject({
        top: { style: "thin" },
        bottom: { style: "thin" },
      });
      expect(sheet.getCell(address).alignment).toMatchObject({ wrapText: true });
    }
  });

  it("writes one row per indicator in the form's order, then the source block below one empty row", () => {
    expect(layout.firstIndicatorRow).toBe(7);
    for (const row of catalogue.appendixRows) {
      const at = rowOf(row.code);
      expect([plain(sheet.getCell(at, 1).value), plain(sheet.getCell(at, 2).value)]).toEqual([
        row.printed,
        row.label.vi.replace(/<\/?i>/g, ""),
      ]);
      expect(sheet.getCell(at, 3).value ?? undefined).toBe(row.unit?.vi);
      expect(sheet.getCell(at, 5).value ?? undefined).toBe(row.formNote);
    }
    expect(plain(sheet.getCell(rowOf("3.4.5"), 1).value)).toBe("3.4.5.");
    expect(plain(sheet.getCell(rowOf("3.1.3.a"), 1).value)).toBe("Trong đó");
    expect(sheet.getCell(rowOf("3.1.3.b"), 1).value).toBeNull();
    expect(sheet.getRow(layout.lastIndicatorRow + 1).values).toEqual([]);
    expect(sheet.getCell(layout.sourceTitleRow, 1).value).toBe("SỐ LIỆU CHI TIẾT ĐỂ TÍNH TỶ LỆ (không in)");
    for (const row of catalogue.sourceRows) {
      const at = rowOf(row.code);
      expect([1, 2, 3].map((column) => sheet.getCell(at, column).value)).toEqual([
        row.code,
        row.label.vi,
        row.unit?.vi,
      ]);
    }
    expect(layout.lastRow).toBe(layout.sourceTitleRow + catalogue.sourceRows.length);
  });

  it("keeps the template version in F1 and every row's code in the hidden key column F", () => {
    expect(sheet.getCell("F1").value).toBe("CCHC-PL-2021");
    for (const row of catalogue.rows) expect(sheet.getCell(rowOf(row.code), 6).value).toBe(row.code);
    expect(sheet.getColumn(6).hidden).toBe(true);
  });

  it("writes labels with <i> runs as rich text, italic, and headings bold", () => {
    const runs = (code: string) =>
      (sheet.getCell(rowOf(code), 2).value as ExcelJS.CellRichTextValue).richText;
    expect(runs("4.1.4.a")).toEqual([
      { text: "Số ĐVSNCL thuộc UBND tỉnh", font: expect.objectContaining({ italic: true }) },
    ]);
    const mixed = runs("7.6.2.a");
    expect(mixed.map((run) => [run.text, Boolean(run.font?.italic)])).toEqual([
      ["Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử ", false],
      ["(Sử dụng chữ ký số, chứng thư số và gửi trên môi trường điện tử).", true],
    ]);
    // Labels without italics are plain text; a heading's cell is bold.
    expect(sheet.getCell(rowOf("3"), 2).value).toBe("Cải cách thủ tục hành chính");
    expect(sheet.getCell(rowOf("3"), 2).font).toMatchObject({ bold: true, name: "Times New Roman" });
    expect(sheet.getCell(rowOf("3.1.1"), 2).font?.bold).toBeFalsy();
  });

  it("writes a live formula without cached result in every derived cell", () => {
    expect(catalogue.derivedRows.map((row) => row.code)).toEqual(Object.keys(EXPECTED_EDGES));
    for (const row of catalogue.derivedRows) {
      const cell = sheet.getCell(rowOf(row.code), 4);
      expect(cell.formula).toBe(FORMULA_ROWS.includes(row) ? derivedFormula(layout, row) : undefined);
      expect(cell.result).toBeUndefined();
    }
    const xml = zipEntry(templateBytes, "xl/worksheets/sheet1.xml");
    const cell = new RegExp(`<c r="D${rowOf("3.4.1")}"[^>]*>(.*?)</c>`).exec(xml);
    expect(cell?.[1]).toMatch(/^<f>[^<]+<\/f>$/);
    expect(zipEntry(templateBytes, "xl/workbook.xml")).toContain('fullCalcOnLoad="1"');
  });

  it("formats every value cell by its kind and validates it with Vietnamese messages", () => {
    const formats = { count: "#,##0", percent: "0.00%", coded: "0" };
    for (const row of catalogue.rows) {
      const cell = sheet.getCell(rowOf(row.code), 4);
      if (row.kind === "none") {
        expect(cell.dataValidation).toBeUndefined();
        continue;
      }
      expect(cell.numFmt).toBe(formats[row.kind]);
      const validation = cell.dataValidation;
      expect(validation).toMatchObject({ allowBlank: true, showErrorMessage: true, showInputMessage: true });
      expect(validation.prompt?.length).toBeLessThanOrEqual(255);
      expect(validation.error?.length).toBeLessThanOrEqual(255);
      expect(validation.promptTitle?.length).toBeLessThanOrEqual(32);
      expect(validation.errorTitle?.length).toBeLessThanOrEqual(32);
      if (row.kind === "count") {
        expect(validation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
        expect(validation.error).toContain("số nguyên");
      } else if (row.kind === "percent") {
        expect(validation).toMatchObject(
          row.mayBeNegative
            ? { type: "decimal", operator: "lessThanOrEqual", formulae: [1] }
            : { type: "decimal", operator: "between", formulae: [0, 1] },
        );
        expect(validation.error).toMatch(row.mayBeNegative ? /không quá 100%/ : /Tỷ lệ phải từ/);
      } else {
        const codes = (row.codes ?? []).map((option) => option.value).join(",");
        expect(validation).toMatchObject({ type: "list", formulae: [`"${codes}"`] });
        expect(validation.error).toContain(row.codes?.[0]?.label.vi);
      }
    }
    expect(sheet.getCell(rowOf("1.2"), 4).dataValidation.formulae).toEqual(['"0,1"']);
    expect(sheet.getCell(rowOf("7.2"), 4).dataValidation.formulae).toEqual(['"0,1,2"']);
  });

  it("protects the sheet without a password, formatting allowed, leaving values, notes and inputs unlocked", () => {
    const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({
      sheet: true,
      formatCells: true,
      formatColumns: true,
      formatRows: true,
    });
    expect(protection.hashValue).toBeUndefined();
    const xml = zipEntry(templateBytes, "xl/worksheets/sheet1.xml");
    expect(xml).toContain('<sheetProtection sheet="1" formatCells="0" formatColumns="0" formatRows="0"/>');

    const locked = (row: number, column: number) => sheet.getCell(row, column).protection?.locked !== false;
    for (const row of catalogue.rows) {
      const at = rowOf(row.code);
      const editable = row.kind !== "none";
      expect([row.code, locked(at, 4), locked(at, 5)]).toEqual([row.code, !editable, !editable]);
      expect([row.code, locked(at, 1), locked(at, 2), locked(at, 3), locked(at, 6)]).toEqual([
        row.code,
        true,
        true,
        true,
        true,
      ]);
    }
    expect([locked(4, 2), locked(4, 4), locked(4, 5)]).toEqual([false, false, false]);
    expect([locked(1, 1), locked(4, 1), locked(4, 3), locked(5, 1), locked(6, 4)]).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(locked(layout.sourceTitleRow, 1)).toBe(true);
  });

  it("sets Times New Roman on every written cell, rich text runs included", () => {
    for (let row = 1; row <= layout.lastRow; row++) {
      for (let column = 1; column <= 5; column++) {
        const cell = sheet.getCell(row, column);
        if (cell.value === null || cell.isMerged) continue;
        expect(cell.font?.name).toBe("Times New Roman");
        if (typeof cell.value === "object" && cell.value !== null && "richText" in cell.value) {
          for (const run of cell.value.richText) expect(run.font?.name).toBe("Times New Roman");
        }
      }
    }
    expect([1, 2, 3, 4, 5].map((column) => sheet.getColumn(column).width)).toEqual([8, 60, 14, 12, 22]);
    expect(sheet.getCell(rowOf("1.1.1"), 2).alignment).toMatchObject({ wrapText: true });
    expect(sheet.getCell(rowOf("3.1.3.a"), 5).alignment).toMatchObject({ wrapText: true });
  });

  it("prints on A4 portrait, one page wide, repeating rows 5–6", () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "5:6",
      printArea: `A1:E${layout.lastIndicatorRow}`,
    });
  });

  it("defines a print area LibreOffice and Excel honour: absolute, quoted, sheet-local", () => {
    const workbookXml = zipEntry(templateBytes, "xl/workbook.xml");
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;${SHEET}&apos;!$A$1:$E$${layout.lastIndicatorRow}</definedName>`,
    );
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;${SHEET}&apos;!$5:$6</definedName>`,
    );
  });
});

describe("print areas through exceljs", () => {
  it("gives each sheet of a shared workbook its own print area", async () => {
    const workbook = new ExcelJS.Workbook();
    const first = writeTemplateSheet(workbook, OPTIONS);
    // writeTemplateSheet is synchronous: the protection must be in place when it returns.
    expect((first as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    writeTemplateSheet(workbook, {
      sheetName: "UBND huyện Càng Long",
      unit: "UBND huyện Càng Long",
      level: "huyen",
      period: "2021-H1",
    });
    const xml = zipEntry(Buffer.from(await workbook.xlsx.writeBuffer()), "xl/workbook.xml");
    const last = layout.lastIndicatorRow;
    expect(xml).toContain(`localSheetId="0">&apos;${SHEET}&apos;!$A$1:$E$${last}<`);
    expect(xml).toContain(`localSheetId="1">&apos;UBND huyện Càng Long&apos;!$A$1:$E$${last}<`);
  });

  it("breaks the print area on an exceljs round trip unless setPrintArea is applied again", async () => {
    const reread = async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(templateBytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
      return workbook;
    };
    const last = layout.lastIndicatorRow;
    const naive = await reread();
    const naiveXml = zipEntry(Buffer.from(await naive.xlsx.writeBuffer()), "xl/workbook.xml");
    expect(naiveXml).toContain(`!$A1:$E${last}<`);

    const fixed = await reread();
    const sheet = fixed.getWorksheet(SHEET);
    if (!sheet) throw new Error("template sheet missing");
    setPrintArea(sheet, sheet.pageSetup.printArea ?? "");
    const fixedXml = zipEntry(Buffer.from(await fixed.xlsx.writeBuffer()), "xl/workbook.xml");
    expect(fixedXml).toContain(`!$A$1:$E$${last}<`);
  });

  it("rejects a print area that is not a range", () => {
    const sheet = new ExcelJS.Workbook().addWorksheet("x");
    expect(() => setPrintArea(sheet, "A1")).toThrow(RangeError);
    expect(() => setPrintArea(sheet, "$A$1:$E$9")).not.toThrow();
    expect(sheet.pageSetup.printArea).toBe("A$1:E$9");
  });
});

describe("template options", () => {
  it.each(["", "a/b", "Sở [TTTT]", "O'Neil", "x".repeat(32), "History"])(
    "rejects the sheet name %j",
    (sheetName) => {
      expect(() => writeTemplateSheet(new ExcelJS.Workbook(), { ...OPTIONS, sheetName })).toThrow(
        SheetNameError,
      );
    },
  );

  it("rejects an invalid period or level with a bilingual InvalidMetaError", () => {
    expect(() => writeTemplateSheet(new ExcelJS.Workbook(), { ...OPTIONS, period: "2021-Q5" })).toThrow(
      InvalidMetaError,
    );
    expect(() => writeTemplateSheet(new ExcelJS.Workbook(), { ...OPTIONS, level: "tinh" as "so" })).toThrow(
      InvalidMetaError,
    );
  });

  it.each([
    ["Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông"],
    ["Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"],
    ["UBND xã Long Đức: 2021/Q3", "UBND xã Long Đức 2021 Q3"],
    ["   ", "Phụ lục"],
  ])("names the sheet of %j %j", (unit, name) => {
    expect(defaultSheetName(unit)).toBe(name);
  });

  it("writes a template for a unit not yet named, with placeholders in the title", async () => {
    const workbook = await templateWorkbook({ unit: "", level: "xa", period: "2021" });
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe("Phụ lục");
    expect(sheet?.getCell("A2").value).toBe(
      "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TẠI …",
    );
    expect([sheet?.getCell("B4").value, sheet?.getCell("D4").value, sheet?.getCell("E4").value]).toEqual([
      null,
      "Xã",
      "Năm 2021",
    ]);
  });
});

describe("the template read back with readWorkbookFile", () => {
  it("gives the grid the domain reads: codes in A and F, inputs in row 4, formulas in derived cells", async () => {
    const [grid, ...others] = await readWorkbookFile(templatePath);
    expect(others).toEqual([]);
    expect(grid?.name).toBe(SHEET);
    const cell = (row: number, column: number) => grid?.cells[row - 1]?.[column];
    expect(grid?.cells.length).toBe(layout.lastRow);
    expect(cell(1, 5)?.value).toBe("CCHC-PL-2021");
    expect([cell(4, 1)?.value, cell(4, 3)?.value, cell(4, 4)?.value]).toEqual([
      "Sở Thông tin và Truyền thông",
      "Sở, ngành",
      "Quý III/2021",
    ]);
    expect(cell(5, 1)?.value).toBe("Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)");
    // Merged cells: the covered part holds nothing.
    expect([cell(1, 1), cell(6, 0), cell(6, 1)]).toEqual([undefined, undefined, undefined]);
    for (const row of catalogue.rows) {
      expect(cell(rowOf(row.code), 5)?.value).toBe(row.code);
      expect(cell(rowOf(row.code), 0)?.value ?? "").toBe(row.block === "source" ? row.code : row.printed);
    }
    for (const row of FORMULA_ROWS) {
      expect(cell(rowOf(row.code), 3)).toEqual({
        value: null,
        numberFormat: "0.00%",
        formula: derivedFormula(layout, row),
      });
    }
  });
});

// Without LibreOffice these fail with the message of runTool(): CI installs it, so nothing here is ever skipped.
describe("LibreOffice (headless) on the written files", () => {
  beforeAll(async () => {
    await runTool("soffice", ["--version"]);
    // Filled the way another tool would: read the written template with exceljs, type counts, save.
    for (const [name, counts] of [
      ["edges", EDGES],
      ["complete", COMPLETE],
    ] as const) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(templatePath);
      const sheet = workbook.getWorksheet(SHEET);
      if (!sheet) throw new Error("template sheet missing");
      fill(sheet, counts);
      await workbook.xlsx.writeFile(join(work, `${name}.xlsx`));
    }

    const seed = await templateWorkbook(OPTIONS);
    const seedSheet = seed.getWorksheet(SHEET);
    if (!seedSheet) throw new Error("template sheet missing");
    // 3.4.1 keeps its live formula: 44 of 44 on time gives the printed 100%.
    typeInto(seedSheet, seedWith({ "3.4.1": undefined }));
    seedSheet.getCell(rowOf("3.5.3"), 5).value = "Có 8 TTHC thu phí, lệ phí";
    const seedPath = join(work, "seed.xlsx");
    await seed.xlsx.writeFile(seedPath);

    const csvDir = join(work, "csv");
    const pdfDir = join(work, "pdf");
    await Promise.all([
      soffice(work, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", csvDir, [
        join(work, "edges.xlsx"),
        join(work, "complete.xlsx"),
      ]),
      soffice(work, "pdf", pdfDir, [seedPath]),
    ]);

    csvBySheet = new Map();
    for (const file of await readdir(csvDir)) {
      csvBySheet.set(file, parseCsv(await readFile(join(csvDir, file), "utf8")));
    }
    const pdf = join(pdfDir, "seed.pdf");
    pdfPages = (await runTool("pdftotext", ["-layout", pdf, "-"])).split("\f").filter((page) => page.trim());
    pdfBoxes = pdfBoxPages(await runTool("pdftotext", ["-bbox", pdf, "-"]));
    pdfInfo = await runTool("pdfinfo", [pdf]);
    await mkdir(PICTURES, { recursive: true });
    await runTool("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      pdf,
      join(PICTURES, "template-page1"),
    ]);
  });

  describe("LibreOffice recalculation of the derived formulas", () => {
    // Raw (not "as shown") CSV export keeps full precision but still writes a %-formatted value as "93.1818181818182%".
    function csvNumber(field: string): number {
      return field.endsWith("%") ? Number(field.slice(0, -1)) / 100 : Number(field);
    }

    function derivedCells(file: string): Map<string, string> {
      const rows = csvBySheet.get(`${file}-${SHEET}.csv`);
      if (!rows) throw new Error(`no CSV for ${file}: ${[...csvBySheet.keys()].join(", ")}`);
      const found = new Map<string, string>();
      for (const row of catalogue.derivedRows) {
        const line = rows[rowOf(row.code) - 1];
        expect(line?.[5]).toBe(row.code);
        found.set(row.code, line?.[3] ?? "<missing>");
      }
      expect(rows.flat().filter((field) => /#DIV\/0!|#VALUE!|Err:\d+/.test(field))).toEqual([]);
      return found;
    }

    it.each([
      ["edges", EDGES, EXPECTED_EDGES],
      ["complete", COMPLETE, EXPECTED_COMPLETE],
    ] as const)("computes exactly the expected rates in %s", (file, counts, expected) => {
      const cells = derivedCells(file);
      for (const row of catalogue.derivedRows) {
        expect([row.code, fromCatalogue(row, counts)]).toEqual([row.code, expected[row.code]]);
        const want = FORMULA_ROWS.includes(row) ? expected[row.code] : "blank";
        const got = cells.get(row.code) ?? "";
        if (want === "blank" || want === undefined) {
          expect([row.code, got]).toEqual([row.code, ""]);
        } else {
          const [numerator, denominator] = want;
          expect([row.code, Math.abs(csvNumber(got) - numerator / denominator) < 1e-9, got]).toEqual([
            row.code,
            true,
            got,
          ]);
        }
      }
    });

    it("covers a blank input and a zero denominator", () => {
      const cells = derivedCells("edges");
      expect(EDGES["4.1.4"]).toBeUndefined();
      expect(cells.get("4.1.4.d")).toBe("");
      expect(EDGES["DV.4"]).toBe(0);
      expect(cells.get("7.8.4")).toBe("");
      expect(csvNumber(cells.get("4.3.4") ?? "")).toBeLessThan(0);
    });
  });

  describe("the printed appendix (LibreOffice PDF)", () => {
    it("prints on A4 portrait", () => {
      expect(pdfInfo).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      for (const page of pdfBoxes) expect(page.width).toBeLessThan(page.height);
    });

    it("starts with the title and the header", () => {
      const first = pdfPages[0] ?? "";
      for (const text of [
        "PHỤ LỤC",
        "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TẠI SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)",
        "Kết quả thống kê",
        "Đơn vị tính",
        "Quý III/2021",
      ]) {
        expect(first).toContain(text);
      }
    });

    it("repeats the header on every page and prints one page wide", () => {
      expect(pdfPages.length).toBeGreaterThan(1);
      expect(pdfBoxes.length).toBe(pdfPages.length);
      pdfPages.forEach((page, index) => {
        expect([index, page.includes("STT"), page.includes("Số liệu"), page.includes("Ghi chú")]).toEqual([
          index,
          true,
          true,
          true,
        ]);
        // Column A on every page: a page that held only column E would have no code.
        expect([index, /^\s*\d+\.(\d+\.)*\s/m.test(page)]).toEqual([index, true]);
      });
      for (const page of pdfBoxes) {
        for (const word of page.words) expect(word.xMax).toBeLessThanOrEqual(page.width);
      }
    });

    it("prints every indicator with the seed's values and computes 3.4.1 live", () => {
      const all = pdfPages.join("\n");
      expect(all).toContain("7.8.4.");
      expect(all).toContain("Tỷ lệ hồ sơ xử lý trực tuyến mức độ 4");
      expect(all).toContain("Có 8 TTHC thu phí, lệ phí");
      const line341 = all.split("\n").find((line) => line.includes("do các sở, ngành tiếp nhận"));
      expect(line341).toMatch(/100[.,]00%/);
    });

    it("does not print the source block", () => {
      const all = pdfPages.join("\n");
      expect(all).not.toContain("SỐ LIỆU CHI TIẾT");
      expect(all).not.toContain("HS.1");
      expect(all).not.toContain("Tổng số hồ sơ yêu cầu giải quyết");
      expect(all).not.toContain("1.93673");
    });

    it("saves a picture of page 1 for the README", async () => {
      const png = await readFile(join(PICTURES, "template-page1.png"));
      expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      // Width and height from the IHDR chunk: A4 portrait at 60 dpi is about 496 × 702 pixels.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([expect.any(Number), expect.any(Number)]);
      expect(png.readUInt32BE(16)).toBeLessThan(png.readUInt32BE(20));
    });
  });
});
