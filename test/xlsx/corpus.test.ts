import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CellScalar } from "../../src/domain/cell";
import { columnLetter } from "../../src/domain/cell";
import { readWorkbookBytes } from "../../src/xlsx/grid";
import type { PackageSpec } from "../helpers/zip";
import { xlsxPackage } from "../helpers/zip";
import { useTempDir } from "../helpers/xlsx";

// The differential corpus: well-formed workbooks written part by part, in the ways files written by other tools
// than Excel differ, each read by our reader, by exceljs, and by LibreOffice (converted to .xlsx in one soffice
// call, its output read back). Every cell must come out the same from all three, except where a fixture says
// one of them is wrong and cites ECMA-376 (or the XML specifications it rests on) for the right answer.

type Scalar = string | number | boolean | { error: string } | null;

interface Cell {
  readonly value: Scalar;
  readonly formula?: string;
}

interface Sheet {
  readonly name: string;
  readonly visibility: string;
  readonly cells: Record<string, Cell>;
  readonly formats: Record<string, string>;
}

type Source = "exceljs" | "libreoffice";

interface Disagreement {
  readonly source: Source;
  /** "Sheet!A1", "Sheet" for the sheet's visibility, or "*" when the source cannot read the workbook at all. */
  readonly at: string;
  /** What our reader reads there, which that source gets wrong. */
  readonly right: Cell | string | undefined;
  readonly citation: string;
}

interface Fixture {
  readonly name: string;
  readonly spec: PackageSpec;
  readonly disagreements?: readonly Disagreement[];
}

const ONE_SHEET = (sheetData: string, after?: string) => [{ name: "Trang", sheetData, after }];

const FIXTURES: readonly Fixture[] = [
  {
    name: "comments-and-pis",
    spec: {
      noise: `<!-- sửa tay --><?mso-application progid="Excel.Sheet"?>`,
      sharedStrings: `<!-- bảng chuỗi --><si><t>Sở Nội vụ</t><!-- x --></si>`,
      sheets: ONE_SHEET(
        `<!-- dòng 1 --><row r="1"><?pi ?><c r="A1"><!-- ô --><v>1936</v></c><c r="B1" t="s"><v>0</v></c></row>`,
      ),
    },
  },
  {
    name: "single-quotes-and-gt-in-attributes",
    spec: {
      sharedStrings: `<si><t xml:space='preserve'> lớn </t></si>`,
      styles: `<numFmts count='1'><numFmt numFmtId='164' formatCode='[>=100]0" lớn";0'/></numFmts><cellXfs count='2'><xf numFmtId='0'/><xf numFmtId='164'/></cellXfs>`,
      sheets: ONE_SHEET(`<row r='1'><c r='A1' t='s'><v>0</v></c><c r='B1' s='1'><v>150</v></c></row>`),
    },
  },
  {
    name: "prefixed-namespace",
    spec: {
      prefix: "x",
      sharedStrings: `<x:si><x:t>Sở Tư pháp</x:t></x:si>`,
      styles: `<x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="10"/></x:cellXfs>`,
      sheets: ONE_SHEET(
        `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1"><x:v>0.1192</x:v></x:c><x:c r="C1"><x:f>B1*2</x:f><x:v>0.2384</x:v></x:c></x:row>`,
      ),
    },
    disagreements: [
      {
        source: "exceljs",
        at: "*",
        right: undefined,
        citation:
          "Namespaces in XML 1.0, section 6, and ECMA-376 Part 1, 8.1: elements are named by namespace and local name, whatever prefix is bound to the SpreadsheetML namespace",
      },
    ],
  },
  {
    name: "cdata",
    spec: {
      sharedStrings: `<si><t><![CDATA[A & <B>]]></t></si>`,
      sheets: ONE_SHEET(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v><![CDATA[42]]></v></c></row>`),
    },
    disagreements: [
      {
        source: "exceljs",
        at: "Trang!A1",
        right: { value: "A & <B>" },
        citation:
          "XML 1.0, section 2.7: a CDATA section is character data of its element, here the <t> of ECMA-376 Part 1, 18.4.12",
      },
      {
        source: "exceljs",
        at: "Trang!B1",
        right: { value: 42 },
        citation:
          "XML 1.0, section 2.7: a CDATA section is character data of its element, here the <v> of ECMA-376 Part 1, 18.3.1.96",
      },
    ],
  },
  {
    name: "inline-strings-rich-text-and-phonetic-runs",
    spec: {
      sharedStrings:
        `<si><r><t xml:space="preserve">Sở </t></r><r><rPr><i/></rPr><t>Y tế</t></r></si>` +
        `<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="0"/></si>`,
      sheets: ONE_SHEET(
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
          `<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">  đầu dòng</t></is></c>` +
          `<c r="B2" t="inlineStr"><is><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></is></c></row>`,
      ),
    },
  },
  {
    name: "shared-formulas",
    spec: {
      sheets: ONE_SHEET(
        `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c>` +
          `<c r="C1"><f t="shared" ref="C1:D1" si="1">$A$1+A1</f><v>2</v></c><c r="D1"><f t="shared" si="1"/><v>3</v></c></row>` +
          `<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>` +
          `<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>`,
      ),
    },
  },
  {
    name: "rows-and-cells-out-of-order-without-r",
    spec: {
      sheets: ONE_SHEET(
        `<row r="3"><c r="C3"><v>33</v></c><c r="A3"><v>31</v></c></row>` +
          `<row r="1"><c r="A1"><v>11</v></c></row>` +
          `<row><c><v>21</v></c><c><v>22</v></c><c r="E2"><v>25</v></c><c><v>26</v></c></row>`,
      ),
    },
    disagreements: [
      {
        source: "exceljs",
        at: "*",
        right: undefined,
        citation:
          "ECMA-376 Part 1, 18.3.1.73 and 18.3.1.4: r is optional on <row> and <c> (the next row or cell), and rows may come in any order",
      },
    ],
  },
  {
    name: "styles-and-dates",
    spec: {
      styles:
        `<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>` +
        `<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="3"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>`,
      sheets: ONE_SHEET(
        `<row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" s="2"><v>0.1192</v></c><c r="C1" s="3"><v>64073</v></c>` +
          `<c r="D1" s="4"><v>44469</v></c><c r="E1" s="5"><v>44469</v></c><c r="F1" s="6"><v>0.125</v></c><c r="G1"><v>1.5E-3</v></c></row>`,
      ),
    },
  },
  {
    name: "utf-16",
    spec: {
      encoding: "utf-16le",
      sharedStrings: `<si><t>Ủy ban nhân dân tỉnh</t></si>`,
      sheets: [
        { name: "Trang", sheetData: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row>` },
      ],
    },
    disagreements: [
      {
        source: "exceljs",
        at: "*",
        right: undefined,
        citation:
          "ECMA-376 Part 2, 8.1.4: a part's XML is encoded in UTF-8 or UTF-16, as its BOM and declaration say",
      },
    ],
  },
  {
    name: "formulas-without-a-saved-result",
    spec: {
      sheets: ONE_SHEET(
        `<row r="1"><c r="A1"><v>3</v></c><c r="B1"><f>A1*2</f></c><c r="C1" t="str"><f>IF(A1&gt;5,"x","")</f><v></v></c></row>`,
      ),
    },
    disagreements: [
      {
        source: "libreoffice",
        at: "Trang!B1",
        right: { value: null, formula: "A1*2" },
        citation:
          "ECMA-376 Part 1, 18.3.1.96 (v is optional): a formula cell without <v> holds no saved value; computing it is the reader's caller's choice",
      },
      {
        source: "exceljs",
        at: "Trang!C1",
        right: { value: "", formula: 'IF(A1>5,"x","")' },
        citation: 'ECMA-376 Part 1, 18.18.11 ST_CellType "str": <v></v> is a saved empty text result',
      },
    ],
  },
  {
    name: "visibility-and-merges",
    spec: {
      sharedStrings: `<si><t>Gộp</t></si><si><t>ẩn dưới ô gộp</t></si>`,
      sheets: [
        {
          name: "Hiện",
          sheetData: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>5</v></c></row>`,
          after: `<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>`,
        },
        { name: "Ẩn", state: "hidden", sheetData: `<row r="1"><c r="A1"><v>1</v></c></row>` },
        { name: "Rất ẩn", state: "veryHidden", sheetData: `<row r="1"><c r="A1"><v>2</v></c></row>` },
      ],
    },
    disagreements: [
      {
        source: "libreoffice",
        at: "Rất ẩn",
        right: "veryHidden",
        citation: "ECMA-376 Part 1, 18.18.68 ST_SheetState: veryHidden, a state LibreOffice saves as hidden",
      },
    ],
  },
  {
    name: "references-escapes-errors-booleans",
    spec: {
      sharedStrings: `<si><t>a &amp; b &#x1EA1;&#233; &lt;tag&gt; x_x0041_y</t></si>`,
      sheets: ONE_SHEET(
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>` +
          `<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F1" t="str"><f>&quot;""a"&amp;"x"</f><v>&quot;ax</v></c></row>`,
      ),
    },
    disagreements: [
      {
        source: "libreoffice",
        at: "Trang!A1",
        right: { value: "a & b ạé <tag> xAy" },
        citation: "ECMA-376 Part 1, 22.9.2.19 ST_Xstring: _xHHHH_ is the character of code HHHH",
      },
      {
        source: "libreoffice",
        at: "Trang!B1",
        right: { value: { error: "#N/A" } },
        citation:
          'ECMA-376 Part 1, 18.18.11 ST_CellType "e": an error value typed in a cell, with no formula (LibreOffice saves it as one)',
      },
      ...(["C1", "D1"] as const).map((cell, index) => ({
        source: "libreoffice" as const,
        at: `Trang!${cell}`,
        right: { value: index === 0 },
        citation:
          'ECMA-376 Part 1, 18.18.11 ST_CellType "b": a boolean typed in a cell, with no formula (LibreOffice, which has no boolean cells, saves TRUE() and FALSE())',
      })),
    ],
  },
];

function plain(value: unknown): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (typeof value === "object") {
    if ("error" in value) return { error: String((value as { error: unknown }).error) };
    if ("richText" in value)
      return (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("");
    if ("text" in value) return plain((value as { text: unknown }).text);
  }
  return String(value);
}

function ours(value: CellScalar): Scalar {
  return value instanceof Date ? plain(value) : value;
}

async function readWithExcelJs(bytes: Buffer): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch {
    return [];
  }
  return workbook.worksheets.map((worksheet) => {
    const cells: Record<string, Cell> = {};
    const formats: Record<string, string> = {};
    worksheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
        cells[cell.address] = formula ? { value: plain(cell.result), formula } : { value: plain(cell.value) };
        if (cell.numFmt && cell.numFmt !== "General") formats[cell.address] = cell.numFmt;
      }),
    );
    return { name: worksheet.name, visibility: worksheet.state, cells, formats };
  });
}

async function readWithOurs(bytes: Buffer): Promise<Sheet[]> {
  const sheets = await readWorkbookBytes(bytes);
  return sheets.map((sheet) => {
    const cells: Record<string, Cell> = {};
    const formats: Record<string, string> = {};
    sheet.cells.forEach((line, row) =>
      line.forEach((cell, column) => {
        if (!cell) return;
        const at = `${columnLetter(column)}${row + 1}`;
        cells[at] =
          cell.formula === undefined
            ? { value: ours(cell.value) }
            : { value: ours(cell.value), formula: cell.formula };
        if (cell.numberFormat) formats[at] = cell.numberFormat;
      }),
    );
    return { name: sheet.name, visibility: sheet.visibility, cells, formats };
  });
}

const temp = useTempDir("cchc-corpus-");
const readings = new Map<string, { ours: Sheet[]; exceljs: Sheet[]; libreoffice: Sheet[] }>();

beforeAll(async () => {
  const input = join(temp.path(""), "in");
  const output = join(temp.path(""), "out");
  await mkdir(input);
  await mkdir(output);
  const files = [];
  for (const fixture of FIXTURES) {
    const file = join(input, `${fixture.name}.xlsx`);
    await writeFile(file, xlsxPackage(fixture.spec));
    files.push(file);
  }
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${join(temp.path(""), "profile")}`,
      "--headless",
      "--convert-to",
      "xlsx",
      "--outdir",
      output,
      ...files,
    ],
    { stdio: "ignore", timeout: 120_000 },
  );
  for (const fixture of FIXTURES) {
    const bytes = await readFile(join(input, `${fixture.name}.xlsx`));
    const converted = await readFile(join(output, `${fixture.name}.xlsx`));
    readings.set(fixture.name, {
      ours: await readWithOurs(bytes),
      exceljs: await readWithExcelJs(bytes),
      // LibreOffice's own output is plain (default namespace, UTF-8, every r, no shared formulas or CDATA): read
      // with our reader, so that exceljs's mistakes do not pass for LibreOffice's.
      libreoffice: await readWithOurs(converted),
    });
  }
}, 180_000);

function cellAt(sheets: readonly Sheet[], sheet: string, cell: string): Cell | undefined {
  return sheets.find((candidate) => candidate.name === sheet)?.cells[cell];
}

describe.each(FIXTURES.map((fixture) => [fixture.name, fixture] as const))(
  "the corpus workbook %s",
  (_, fixture) => {
    it.each(["exceljs", "libreoffice"] as const)(
      "reads every cell as %s does, or as ECMA-376 says",
      (source) => {
        const reading = readings.get(fixture.name)!;
        const theirs = reading[source];
        expect(reading.ours.length).toBeGreaterThan(0);
        const known = new Map(
          (fixture.disagreements ?? [])
            .filter((entry) => entry.source === source)
            .map((entry) => [entry.at, entry]),
        );
        // A source that cannot read the workbook sees no cell in it; ours must see them.
        if (known.has("*")) {
          expect(theirs.flatMap((sheet) => Object.keys(sheet.cells))).toEqual([]);
          expect(reading.ours.flatMap((sheet) => Object.keys(sheet.cells)).length).toBeGreaterThan(0);
          return;
        }
        for (const sheet of reading.ours) {
          const other = theirs.find((candidate) => candidate.name === sheet.name);
          const visibility = known.get(sheet.name);
          if (visibility) {
            expect(sheet.visibility).toBe(visibility.right);
            expect(other?.visibility).not.toBe(visibility.right);
          } else
            expect({ sheet: sheet.name, visibility: other?.visibility }).toEqual({
              sheet: sheet.name,
              visibility: sheet.visibility,
            });
          const addresses = new Set([...Object.keys(sheet.cells), ...Object.keys(other?.cells ?? {})]);
          for (const address of addresses) {
            const at = `${sheet.name}!${address}`;
            const mine = sheet.cells[address];
            const disagreement = known.get(at);
            if (disagreement) {
              expect({ at, cell: mine }).toEqual({ at, cell: disagreement.right });
              expect({ at, cell: cellAt(theirs, sheet.name, address) }).not.toEqual({ at, cell: mine });
            } else {
              expect({ at, cell: mine }).toEqual({ at, cell: cellAt(theirs, sheet.name, address) });
            }
          }
        }
        // A disagreement that no longer happens is stale: each must still be seen.
        for (const entry of known.values()) {
          const [sheet = "", address] = entry.at.split("!");
          if (address === undefined) continue;
          expect({ at: entry.at, cell: cellAt(theirs, sheet, address) }).not.toEqual({
            at: entry.at,
            cell: entry.right,
          });
        }
      },
    );

    it("reads the number format of every cell as exceljs does", () => {
      const reading = readings.get(fixture.name)!;
      const exceljsNames = new Set(reading.exceljs.map((sheet) => sheet.name));
      for (const sheet of reading.ours) {
        if (!exceljsNames.has(sheet.name)) continue;
        const theirs = reading.exceljs.find((candidate) => candidate.name === sheet.name)!;
        const comparable = Object.keys(sheet.formats).filter((at) => theirs.cells[at] !== undefined);
        for (const at of comparable)
          expect({ at, format: sheet.formats[at] }).toEqual({ at, format: theirs.formats[at] });
      }
    });
  },
);
