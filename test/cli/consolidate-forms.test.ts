import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { LoadedCatalogue } from "../../src/domain/catalogue";
import { BUILT_IN_FORMS } from "../../src/domain/catalogue";
import { loadCatalogue } from "../../src/domain/catalogue/load";
import { definitionHash } from "../../src/domain/forms/carried";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import { thuFormCatalogue, thuFormXlsx } from "../helpers/thu-form";
import { filledTemplate, useTempDir } from "../helpers/xlsx";

// `cchc-appendix consolidate` over real .xlsx files of two forms: the 2021 form's template and PL-THU-2026's (the
// definition LibreOffice wrote from the fixture typed by hand), each of its files carrying the definition.
// The command's result line counts the rows left out, stderr says which and why, and the summary holds it.

const temp = useTempDir("cchc-consolidate-forms-");
let thu: LoadedCatalogue;
let hash: string;
let definition: string;

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/**
 * A commune's appendix on PL-THU-2026 as `template --form` writes it (carrying its definition, F1 naming its id and
 * hash), typed into as a person would.
 */
async function communeFile(name: string, unit: string): Promise<string> {
  const blank = temp.path(`mau-${name}`);
  const made = await run(
    ["template", "-o", blank, "--form", definition, "--level", "xa"].concat([
      "--period",
      "2026-Q1",
      "--unit",
      unit,
    ]),
  );
  expect(made.code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(blank);
  const sheet = workbook.worksheets.find((each) =>
    String(each.getCell("F1").value).startsWith("PL-THU-2026#"),
  )!;
  expect(sheet.getCell("F1").value).toBe(`PL-THU-2026#${hash}`);
  const layout = sheetLayout(thu);
  const values = { "2.2": 5, "HS.1": 100, "HS.1.1": 60, "HS.1.2": 40, "HS.2": 80, "HS.2.1": 70, "HS.3": 20 };
  for (const [code, value] of Object.entries(values)) {
    sheet.getCell(layout.rowOf.get(code)!, COLUMNS.value + 1).value = value;
  }
  return temp.write(name, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

beforeAll(async () => {
  definition = await thuFormXlsx();
  const typed = await thuFormCatalogue();
  thu = loadCatalogue(typed);
  hash = definitionHash(typed);
}, 120_000);

describe("cchc-appendix consolidate over two forms", () => {
  it("sums the rows both forms declare alike, says which rows it left out and why, and counts them", async () => {
    const files = [
      await communeFile("xa-a.xlsx", "UBND xã A"),
      await communeFile("xa-b.xlsx", "UBND xã B"),
      await temp.write(
        "so-a.xlsx",
        await filledTemplate(
          { "2.2": 7, "HS.1": 50, "HS.1.1": 30, "HS.1.2": 20, "HS.2": 40, "HS.2.1": 35, "HS.3": 10 },
          { unit: "Sở A", level: "so", period: "2026-Q1", sheetName: "Phụ lục" },
        ),
      ),
    ];
    const summary = temp.path("tong-hop.xlsx");
    // No definition given: each commune's file carries its own.
    const { code, stdout: out, stderr: err } = await run(["consolidate", ...files, "-o", summary]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(summary);
    const issues = workbook.getWorksheet("Cảnh báo tổng hợp")!;
    let finding: { vi: string; en: string } | undefined;
    issues.eachRow((row) => {
      const vi = String(row.getCell(5).value);
      if (vi.startsWith("Bảng tổng hợp theo mẫu")) finding = { vi, en: String(row.getCell(6).value) };
    });
    // Every value row of either form but the six source rows both declare alike.
    const left = new Set(
      [...thu.valueRows, ...BUILT_IN_FORMS.default.valueRows]
        .map((row) => row.code)
        .filter((rowCode) => !["HS.1", "HS.1.1", "HS.1.2", "HS.2", "HS.2.1", "HS.3"].includes(rowCode)),
    ).size;
    expect(out).toMatch(
      new RegExp(
        ` Các phụ lục theo 2 mẫu khác nhau: ${left} chỉ tiêu không tổng hợp \\(xem trang "Cảnh báo tổng hợp"\\)\\.\\n` +
          `.* The appendices follow 2 different forms: ${left} indicators not consolidated \\(see the "Cảnh báo tổng hợp" sheet\\)\\.\\n$`,
      ),
    );
    expect(finding?.vi).toMatch(
      /^Bảng tổng hợp theo mẫu PL-THU-2026 \(2 đơn vị\); phụ lục của 1 đơn vị theo mẫu CCHC-PL-2021 chỉ được cộng ở 6 chỉ tiêu/,
    );
    expect(err).toContain(`${finding?.vi}\n${finding?.en}\n`);
    const form = workbook.getWorksheet("Tổng hợp")!;
    const layout = sheetLayout(thu);
    expect(form.getCell(layout.rowOf.get("HS.1")!, COLUMNS.value + 1).value).toBe(250);
    expect(form.getCell(layout.rowOf.get("2.2")!, COLUMNS.note + 1).value).toBe(
      "Không tổng hợp: ở mẫu CCHC-PL-2021 (1 đơn vị), chỉ tiêu này khác đơn vị tính.",
    );
    expect(code).toBe(0);
  });
});
