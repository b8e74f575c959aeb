import ExcelJS from "exceljs";
import { consolidateCommand } from "../../src/cli/consolidate";
import { templateWorkbook } from "../../src/cli/xlsx/template";
import type { LoadedCatalogue } from "../../src/domain/catalogue";
import { BUILT_IN_FORMS } from "../../src/domain/catalogue";
import { loadCatalogue } from "../../src/domain/catalogue/load";
import { definitionHash } from "../../src/domain/forms/carried";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import { thuFormCatalogue } from "../helpers/thu-form";
import { filledTemplate, useTempDir } from "../helpers/xlsx";

// `cchc-appendix consolidate` over real .xlsx files of two forms: the 2021 form's template and PL-THU-2026's (the
// definition LibreOffice wrote from the fixture typed by hand), its sheets naming the definition's id and hash in F1.
// The command's result line counts the rows left out, stderr says which and why, and the summary holds it.

const temp = useTempDir("cchc-consolidate-forms-");
let thu: LoadedCatalogue;
let hash: string;

/** A commune's appendix on PL-THU-2026, written by the template writer and typed into as a person would. */
async function communeFile(name: string, unit: string): Promise<string> {
  const workbook = await templateWorkbook(
    { unit, level: "xa", period: "2026-Q1", sheetName: "Phụ lục" },
    thu,
  );
  const sheet = workbook.worksheets[0]!;
  sheet.getCell("F1").value = `PL-THU-2026#${hash}`;
  const layout = sheetLayout(thu);
  const values = { "2.2": 5, "HS.1": 100, "HS.1.1": 60, "HS.1.2": 40, "HS.2": 80, "HS.2.1": 70, "HS.3": 20 };
  for (const [code, value] of Object.entries(values)) {
    sheet.getCell(layout.rowOf.get(code)!, COLUMNS.value + 1).value = value;
  }
  return temp.write(name, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

beforeAll(async () => {
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
    let out = "";
    let err = "";
    const forms = BUILT_IN_FORMS.with({ catalogue: thu, hash });
    const code = await consolidateCommand(
      [...files, "-o", summary],
      { out: (text) => (out += text), err: (text) => (err += text) },
      forms,
    );
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
