import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { readWorkbookBuffer } from "../../../src/cli/xlsx/read";
import type { TextCut } from "../../../src/cli/xlsx/template";
import { applySheetSpec, EXCEL_TEXT_LIMITS } from "../../../src/cli/xlsx/template";
import type { SheetSpec } from "../../../src/workflows/port";

// The writer shared by the template and the summary keeps every text within Excel's limits, says which it cut, and
// writes a file that exceljs, our reader and LibreOffice all read back with the cut texts.

jest.setTimeout(120_000);

const execFileAsync = promisify(execFile);
const LONG = `Sở ${"Thông tin và Truyền thông ".repeat(5_000)}`;
// An emoji (two UTF-16 units) straddling the cut: it must go whole or not at all.
const STRADDLING = `${"a".repeat(EXCEL_TEXT_LIMITS.cell - 2)}😀${"b".repeat(10)}`;

const SPEC: SheetSpec = {
  name: "Một tên trang tính dài hơn ba mươi mốt ký tự",
  font: { name: "Times New Roman", size: 12 },
  columns: [{ width: 30 }, { width: 30 }],
  rowHeights: {},
  merges: [],
  cells: [
    { address: "A1", value: LONG },
    { address: "A2", richText: [{ text: "Đơn vị: ", bold: true }, { text: LONG }] },
    { address: "A3", value: STRADDLING },
    { address: "A4", value: "ngắn", note: LONG.repeat(2) },
    {
      address: "B1",
      validation: {
        type: "list",
        list: Array.from({ length: 60 }, (_, index) => `Lựa chọn ${index + 1}`).join(","),
        prompt: { title: "Một tiêu đề lời nhắc dài hơn ba mươi hai ký tự", message: LONG },
        error: { title: "Ngắn", message: LONG },
      },
    },
    {
      address: "B2",
      value: "vừa đủ",
      validation: {
        type: "whole",
        min: 0,
        prompt: { title: "T", message: "M" },
        error: { title: "E", message: "x".repeat(255) },
      },
    },
  ],
};

describe("applySheetSpec within Excel's limits", () => {
  let cuts: TextCut[];
  let bytes: Uint8Array;
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "cchc-limits-"));
    cuts = [];
    const workbook = new ExcelJS.Workbook();
    applySheetSpec(workbook, SPEC, [{ address: "A5", value: LONG }], (cut) => cuts.push(cut));
    bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  async function readBack(): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    return workbook.worksheets[0]!;
  }

  it("reports every cut with its place, kind, length and limit, and nothing within the limits", () => {
    const sheet = "Một tên trang tính dài hơn ba …";
    expect(sheet).toHaveLength(31);
    expect(cuts.map(({ sheet: name, address, kind, limit }) => ({ name, address, kind, limit }))).toEqual([
      { name: SPEC.name, address: "", kind: "sheetName", limit: 31 },
      { name: sheet, address: "A1", kind: "cell", limit: 32_767 },
      { name: sheet, address: "A2", kind: "cell", limit: 32_767 },
      { name: sheet, address: "A3", kind: "cell", limit: 32_767 },
      { name: sheet, address: "A4", kind: "note", limit: 32_767 },
      { name: sheet, address: "B1", kind: "validationList", limit: 255 },
      { name: sheet, address: "B1", kind: "validationTitle", limit: 32 },
      { name: sheet, address: "B1", kind: "validationMessage", limit: 255 },
      { name: sheet, address: "B1", kind: "validationMessage", limit: 255 },
      { name: sheet, address: "A5", kind: "cell", limit: 32_767 },
    ]);
    expect(cuts[1]!.length).toBe(LONG.length);
  });

  it("writes texts exceljs reads back within the limits, each cut one ending in …", async () => {
    const worksheet = await readBack();
    expect(worksheet.name).toBe("Một tên trang tính dài hơn ba …");
    const a1 = worksheet.getCell("A1").value as string;
    expect(a1).toHaveLength(32_767);
    expect(a1.endsWith("…")).toBe(true);
    expect(LONG.startsWith(a1.slice(0, -1))).toBe(true);
    const runs = (worksheet.getCell("A2").value as ExcelJS.CellRichTextValue).richText;
    expect(runs.map((run) => run.text).join("")).toHaveLength(32_767);
    expect(runs[0]!.font?.bold).toBe(true);
    expect(worksheet.getCell("A3").value).toBe(`${"a".repeat(EXCEL_TEXT_LIMITS.cell - 2)}…`);
    expect(worksheet.getCell("A5").value).toHaveLength(32_767);
    const validation = worksheet.getCell("B1").dataValidation;
    expect(validation.promptTitle).toHaveLength(32);
    expect(validation.prompt).toHaveLength(255);
    expect(validation.error).toHaveLength(255);
    expect(validation.errorTitle).toBe("Ngắn");
    // The list is cut after its last whole item, inside its quotes.
    const list = validation.formulae[0] as string;
    expect(list.length).toBeLessThanOrEqual(257);
    expect(list).toMatch(/^"Lựa chọn 1,.*,Lựa chọn \d+"$/);
    expect(worksheet.getCell("B2").dataValidation.error).toBe("x".repeat(255));
  });

  it("writes a file our reader reads, with the cut texts", async () => {
    const [grid] = await readWorkbookBuffer(Buffer.from(bytes));
    expect(grid!.name).toBe("Một tên trang tính dài hơn ba …");
    expect(grid!.cells[0]![0]!.value).toBe(`${LONG.slice(0, 32_766)}…`);
  });

  it("writes a file LibreOffice opens with the cut texts", async () => {
    const file = join(work, "gioi-han.xlsx");
    await writeFile(file, bytes);
    const profile = join(work, "lo-profile");
    await mkdir(profile, { recursive: true });
    await execFileAsync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--calc",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1",
        "--outdir",
        work,
        file,
      ],
      { timeout: 100_000 },
    );
    const csv = await readFile(join(work, "gioi-han.csv"), "utf8");
    expect(csv).toContain(`"${LONG.slice(0, 32_766)}…"`);
    expect(csv).toContain(`${"a".repeat(EXCEL_TEXT_LIMITS.cell - 2)}…`);
  });
});

describe("applySheetSpec writes text of any content so that it reads back exactly", () => {
  // What XML cannot hold (ESC, other C0 controls, U+FFFF), a carriage return (XML turns it into a line feed) and
  // text that looks like OOXML's own escape.
  const ODD = "Sở\u001b[31mY tế\u0001_x0041_ _x005F_ \uffff\ttab\nline\r\ncarriage";

  async function written(): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    applySheetSpec(
      workbook,
      {
        name: "Lạ",
        font: { name: "Times New Roman", size: 12 },
        columns: [{ width: 20 }],
        rowHeights: {},
        merges: [],
        cells: [
          { address: "A1", value: ODD },
          { address: "A2", richText: [{ text: ODD, bold: true }] },
          { address: "A3", value: "ghi chú", note: ODD },
        ],
      },
      [{ address: "A4", value: ODD }],
    );
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it("through exceljs", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await written()) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell("A1").value).toBe(ODD);
    expect((sheet.getCell("A2").value as ExcelJS.CellRichTextValue).richText.map((run) => run.text)).toEqual([
      ODD,
    ]);
    expect(sheet.getCell("A4").value).toBe(ODD);
  });

  it("through our reader", async () => {
    const [grid] = await readWorkbookBuffer(Buffer.from(await written()));
    expect(grid!.cells.slice(0, 4).map((row) => row[0]?.value)).toEqual([ODD, ODD, "ghi chú", ODD]);
  });
});
