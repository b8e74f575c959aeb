import ExcelJS from "exceljs";
import { SUMMARY_SHEETS } from "../../src/cli/xlsx/summary";
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { SO_TU_PHAP, SO_Y_TE } from "../helpers/departments";
import { runConsolidate } from "../helpers/tools";
import { filledTemplate, useTempDir } from "../helpers/xlsx";

// `cchc-appendix consolidate` on files whose appendix sheet is hidden: the reader states each sheet's visibility,
// a hidden sheet is summed with a line naming it, a very hidden one (which Excel shows no one) is not summed.

/** The department's appendix file with its sheet hidden the given way, as Excel saves it. */
async function hiddenAs(bytes: Uint8Array, state: "hidden" | "veryHidden"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  // Excel keeps one visible sheet in every workbook.
  workbook.addWorksheet("Ghi chú");
  workbook.worksheets[0]!.state = state;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function summed(path: string, code: string): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const row = sheetLayout(catalogue).rowOf.get(code)!;
  return workbook.getWorksheet(SUMMARY_SHEETS.form)!.getCell(row, 4).value;
}

describe("cchc-appendix consolidate with hidden appendix sheets", () => {
  const temp = useTempDir("cchc-hidden-");

  it("sums a hidden sheet's appendix and names the sheet on stderr, in Vietnamese then English", async () => {
    const files = [
      await temp.write("tu-phap.xlsx", await filledTemplate(SO_TU_PHAP, { unit: "Sở Tư pháp" })),
      await temp.write(
        "y-te.xlsx",
        await hiddenAs(await filledTemplate(SO_Y_TE, { unit: "Sở Y tế", sheetName: "Sở Y tế" }), "hidden"),
      ),
    ];
    const out = temp.path("tong-hop-an.xlsx");
    const { code, stderr } = await runConsolidate([...files, "-o", out]);
    expect(code).toBe(0);
    expect(await summed(out, "HS.2")).toBe(Number(SO_TU_PHAP["HS.2"]) + Number(SO_Y_TE["HS.2"]));
    expect(stderr).toMatch(/Phụ lục của "Sở Y tế" nằm trên .*đang bị ẩn: số liệu vẫn được cộng/);
    expect(stderr).toMatch(/The appendix of "Sở Y tế" is on .*which is hidden: its figures are summed/);
  });

  it("leaves a very hidden sheet's appendix out and says so", async () => {
    const files = [
      await temp.write("tu-phap-2.xlsx", await filledTemplate(SO_TU_PHAP, { unit: "Sở Tư pháp" })),
      await temp.write(
        "y-te-2.xlsx",
        await hiddenAs(
          await filledTemplate(SO_Y_TE, { unit: "Sở Y tế", sheetName: "Sở Y tế" }),
          "veryHidden",
        ),
      ),
    ];
    const out = temp.path("tong-hop-an-sau.xlsx");
    const { code, stderr } = await runConsolidate([...files, "-o", out]);
    expect(code).toBe(0);
    expect(await summed(out, "HS.2")).toBe(SO_TU_PHAP["HS.2"]);
    expect(stderr).toContain(
      'Trang tính bị ẩn sâu (very hidden, Excel không cho ai thấy) chứa phụ lục của "Sở Y tế"',
    );
    expect(stderr).toContain(
      'A very hidden sheet (one Excel shows to no one) holds the appendix of "Sở Y tế"',
    );
  });
});
