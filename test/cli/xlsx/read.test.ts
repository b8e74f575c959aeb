import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CellInput } from "../../../src/domain/cell";
import { readWorkbookBuffer, readWorkbookFile, WorkbookReadError } from "../../../src/cli/xlsx/read";
import type { WorkbookReadReason } from "../../../src/cli/xlsx/read";
import { LIMITS } from "../../../src/cli/xlsx/read";
import { xlsxPackage } from "../../helpers/zip";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cchc-read-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fixture(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook with every kind of value the reader must map, written by exceljs as Excel would store it. */
async function variedWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Dữ liệu");
  sheet.getCell("A1").value = { richText: [{ text: "Số " }, { text: "liệu", font: { italic: true } }] };
  sheet.getCell("B1").value = 1936;
  sheet.getCell("B1").numFmt = "#,##0";
  sheet.getCell("C1").value = { formula: "B1*2", result: 3872 };
  sheet.getCell("D1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  sheet.getCell("E1").value = new Date(Date.UTC(2021, 8, 30));
  sheet.getCell("E1").numFmt = "dd/mm/yyyy";
  sheet.getCell("F1").value = { text: "Cổng DVC", hyperlink: "https://dichvucong.gov.vn" };
  sheet.mergeCells("A2:C2");
  sheet.getCell("A2").value = "Gộp";
  sheet.getCell("D2").value = { error: "#REF!" };
  sheet.getCell("E2").value = true;
  sheet.getCell("C3").value = { formula: "B1*0", result: 0 };
  sheet.getCell("D3").value = { formula: "B1+1" };
  sheet.getCell("E3").value = false;
  sheet.getCell("G3").value = { formula: 'IF(B1="","",B1)', result: "" };
  sheet.getCell("A4").value = 0.125;
  sheet.getCell("A4").numFmt = "0.00%";
  sheet.getCell("A5").value = "02";
  sheet.getCell("B5").value = {
    formula: "A4*2",
    result: 0.25,
    shareType: "shared",
    ref: "B5:B6",
  } as ExcelJS.CellValue;
  sheet.getCell("B6").value = { sharedFormula: "B5", result: 0 };
  // A styled but empty cell is not part of the used range.
  sheet.getCell("A9").numFmt = "0.00%";
  workbook.addWorksheet("Trống");
  return xlsxBytes(workbook);
}

async function expectReadError(
  read: Promise<unknown>,
  reason: WorkbookReadReason,
  text: RegExp,
): Promise<void> {
  const error = await read.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WorkbookReadError);
  const readError = error as WorkbookReadError;
  expect(readError.reason).toBe(reason);
  expect(`${readError.bilingual.vi}\n${readError.bilingual.en}`).toMatch(text);
  expect(readError.message).toBe(`${readError.bilingual.vi} / ${readError.bilingual.en}`);
}

describe("readWorkbookFile on a valid workbook", () => {
  it("maps every kind of cell value to exactly the SheetGrid the domain reads", async () => {
    const path = await fixture("varied.xlsx", await variedWorkbook());
    const grids = await readWorkbookFile(path);
    const none = undefined;
    const rows: (CellInput | undefined)[][] = [
      [
        { value: "Số liệu" },
        { value: 1936, numberFormat: "#,##0" },
        { value: 3872, formula: "B1*2" },
        { value: { error: "#DIV/0!" }, formula: "1/0" },
        // A date is the number Excel stores (days since 1899-12-30), told apart by its format.
        { value: 44469, numberFormat: "dd/mm/yyyy" },
        { value: "Cổng DVC" },
        none,
      ],
      [{ value: "Gộp" }, none, none, { value: { error: "#REF!" } }, { value: true }, none, none],
      [
        none,
        none,
        // A cached 0 must survive: exceljs's cell.value drops falsy results.
        { value: 0, formula: "B1*0" },
        { value: null, formula: "B1+1" },
        { value: false },
        none,
        // An empty text result is stored as t="str" with <v></v>: a cached "" (ECMA-376 part 1, 18.18.11 "str"),
        // which exceljs drops and Excel and LibreOffice keep.
        { value: "", formula: 'IF(B1="","",B1)' },
      ],
      [{ value: 0.125, numberFormat: "0.00%" }, none, none, none, none, none, none],
      [{ value: "02" }, { value: 0.25, formula: "A4*2" }, none, none, none, none, none],
      // The shared formula's follower reads as its own formula, translated from the master's.
      [none, { value: 0, formula: "A5*2" }, none, none, none, none, none],
    ];
    expect(grids).toEqual([
      { name: "Dữ liệu", cells: rows, visibility: "visible" },
      { name: "Trống", cells: [], visibility: "visible" },
    ]);
  });

  it("builds every cell in the one shape all hosts build, which the engine reads fastest", async () => {
    const grids = await readWorkbookBuffer(await variedWorkbook());
    const shapes = new Set(
      grids.flatMap((grid) =>
        grid.cells.flat().flatMap((cell) => (cell ? [Object.keys(cell).join(",")] : [])),
      ),
    );
    expect([...shapes]).toEqual(["value,numberFormat,formula"]);
  });

  it("reads a buffer the same way as a file", async () => {
    const bytes = await variedWorkbook();
    const fromBuffer = await readWorkbookBuffer(bytes);
    const fromFile = await readWorkbookFile(await fixture("same.xlsx", bytes));
    expect(fromBuffer).toEqual(fromFile);
  });

  it("pads narrow sheets to column F so that the key column is always addressable", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Hẹp").getCell("A2").value = 7;
    const [grid] = await readWorkbookBuffer(await xlsxBytes(workbook));
    expect(grid?.cells).toEqual([
      new Array(6).fill(undefined),
      [{ value: 7 }, ...new Array(5).fill(undefined)],
    ]);
  });
});

describe("readWorkbookBuffer on what other tools write", () => {
  it("reads the rows after one beyond the rows it holds, when rows come out of order", async () => {
    const bytes = xlsxPackage({
      sheets: [
        {
          name: "Trang",
          sheetData: `<row r="${LIMITS.rows + 5}"><c r="A${LIMITS.rows + 5}"><v>9</v></c></row><row r="2"><c r="B2"><v>7</v></c></row>`,
        },
      ],
    });
    const [sheet] = await readWorkbookBuffer(bytes);
    expect(sheet!.cells).toHaveLength(2);
    expect(sheet!.cells[1]![1]).toEqual({ value: 7 });
  });

  it("reads an ISO 8601 date cell as the serial number Excel stores, with its format", async () => {
    const sheetData = `<row r="1"><c r="A1" t="d" s="1"><v>2021-09-30T12:00:00</v></c><c r="B1" t="d"><v>2021-09-30</v></c></row>`;
    const styles = `<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>`;
    const [sheet] = await readWorkbookBuffer(xlsxPackage({ styles, sheets: [{ name: "Ngày", sheetData }] }));
    expect(sheet!.cells[0]!.slice(0, 2)).toEqual([
      { value: 44469.5, numberFormat: "dd/mm/yyyy" },
      { value: 44469 },
    ]);
  });

  it("says which sheets are hidden and very hidden", async () => {
    const one = `<row r="1"><c r="A1"><v>1</v></c></row>`;
    const sheets = await readWorkbookBuffer(
      xlsxPackage({
        sheets: [
          { name: "Hiện", sheetData: one },
          { name: "Ẩn", sheetData: one, state: "hidden" },
          { name: "Rất ẩn", sheetData: one, state: "veryHidden" },
        ],
      }),
    );
    expect(sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
      ["Hiện", "visible"],
      ["Ẩn", "hidden"],
      ["Rất ẩn", "veryHidden"],
    ]);
  });
});

describe("readWorkbookFile on what is not a readable workbook", () => {
  it("rejects a text file as not_xlsx", async () => {
    const path = await fixture("notes.xlsx", "STT;Chỉ tiêu;Số liệu\n1.1.1.;Số nhiệm vụ;7\n");
    await expectReadError(
      readWorkbookFile(path),
      "not_xlsx",
      /không phải bảng tính Excel[\s\S]*not an Excel workbook/,
    );
  });

  it("rejects an empty file as not_xlsx", async () => {
    await expectReadError(
      readWorkbookFile(await fixture("empty.xlsx", "")),
      "not_xlsx",
      /tệp rỗng[\s\S]*empty/,
    );
  });

  it("rejects a truncated zip as corrupt", async () => {
    const bytes = await variedWorkbook();
    const path = await fixture("truncated.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectReadError(readWorkbookFile(path), "corrupt", /bị hỏng[\s\S]*damaged/);
  });

  it("rejects a zip that holds no workbook as not_xlsx", async () => {
    // The smallest valid zip: an end-of-central-directory record and nothing else.
    const emptyZip = Buffer.concat([Buffer.from("504b0506", "hex"), Buffer.alloc(18)]);
    await expectReadError(readWorkbookBuffer(emptyZip), "not_xlsx", /Save As/);
  });

  const ole = (...streamNames: string[]) =>
    Buffer.concat([
      Buffer.from("d0cf11e0a1b11ae1", "hex"),
      Buffer.alloc(504),
      ...streamNames.map((name) => Buffer.from(`${name}\u0000`, "utf16le")),
    ]);

  it("rejects an OLE file of unknown content as encrypted, saying how to save it as .xlsx", async () => {
    const path = await fixture("ole.xlsx", ole());
    await expectReadError(readWorkbookFile(path), "encrypted", /mật khẩu[\s\S]*\.xls[\s\S]*Save As .*\.xlsx/);
  });

  it("rejects a password-protected workbook as encrypted", async () => {
    const path = await fixture("locked.xlsx", ole("EncryptionInfo", "EncryptedPackage"));
    await expectReadError(
      readWorkbookFile(path),
      "encrypted",
      /bảo vệ bằng mật khẩu[\s\S]*password-protected/,
    );
  });

  it("rejects an Excel 97–2003 .xls as not_xlsx, saying to Save As .xlsx", async () => {
    const path = await fixture("old.xls", ole("Workbook", "SummaryInformation"));
    await expectReadError(readWorkbookFile(path), "not_xlsx", /97–2003 \(\.xls\)[\s\S]*Save As .*\(\.xlsx\)/);
  });

  it("reports a missing file as unreadable", async () => {
    await expectReadError(
      readWorkbookFile(join(dir, "absent.xlsx")),
      "unreadable",
      /Không tìm thấy[\s\S]*not found/,
    );
  });

  it("reports a directory as unreadable", async () => {
    await expectReadError(readWorkbookFile(dir), "unreadable", /Không đọc được[\s\S]*Cannot read/);
  });
});
