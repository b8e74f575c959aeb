/** @jest-environment ./test/helpers/excel-jsdom-environment.js */
import { act, configure, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { App } from "../../src/taskpane/App";
import { convertHtml, seedHtml } from "../docx/seed-docx";
import { templateSpec } from "../../src/workflows/template-spec";
import { TestWorkbook } from "../helpers/workbook";
import { filledTemplate } from "../helpers/xlsx";

configure({ asyncUtilTimeout: 10_000 });

// "Cài trang tính từ báo cáo Word…" in the pane over the emulated Excel: the seed report as LibreOffice writes it
// installed as the unit's appendix sheet, the figures of its text with notes quoting them (as `cchc-appendix import`
// writes them), and a sheet of that unit already in the workbook left alone until the user clicks to overwrite it.

const UNIT = "Sở Thông tin và Truyền thông";
const layout = sheetLayout(catalogue);
const valueCell = (code: string) => `D${layout.rowOf.get(code)}`;

let report: Buffer;
beforeAll(async () => {
  report = await convertHtml(seedHtml());
});

async function setUp(book: TestWorkbook) {
  const user = userEvent.setup();
  render(<App host={book.host} />);
  await screen.findByRole("banner");
  await act(() => book.excel.settle());
  const section = screen.getByRole("region", { name: "Cài trang tính từ báo cáo Word…" });
  const pick = (file: File) =>
    user.upload(within(section).getByLabelText("Cài trang tính từ báo cáo Word…"), file);
  return { user, section, pick };
}

describe("installing a unit's sheet from a Word report in the pane", () => {
  it("fills a new sheet from the report, a note on every value of its text", async () => {
    const book = new TestWorkbook();
    const { section, pick } = await setUp(book);
    await pick(new File([new Uint8Array(report)], "bao-cao-so-tttt.docx"));
    expect(
      await within(section).findByText(
        `Đã cài trang “${UNIT}” từ báo cáo Word: 49 số liệu từ bảng phụ lục, 17 số liệu từ phần báo cáo (có ghi chú trích đoạn).`,
      ),
    ).toBeTruthy();
    expect(book.sheetNames).toContain(UNIT);
    expect(book.view.valueAt(UNIT, valueCell("1.1.1"))).toBe(7);
    expect(book.view.valueAt(UNIT, valueCell("HS.1"))).toBe(44);
    expect(book.view.valueAt(UNIT, valueCell("DV.4.1"))).toBe("1.93673");
    expect(book.view.valueAt(UNIT, "B4")).toBe(UNIT);
    const note = (code: string) =>
      book.specOf(UNIT)!.cells.find((cell) => cell.address === valueCell(code))?.note;
    expect(note("HS.1.2")).toContain('Lấy từ phần báo cáo, đoạn: "+ Số mới tiếp nhận: 0"');
    expect(note("HS.1.2")).toContain("From the report's text, paragraph:");
    expect(note("1.1.1")).toBeUndefined();
  });

  it("asks before writing over the unit's sheet, and writes nothing until the user agrees", async () => {
    const book = new TestWorkbook();
    // The unit's sheet, under a name of its own, with a value typed.
    const spec = templateSpec({
      sheetName: "TTTT",
      unit: "Sở Thông tin và Truyền thông",
      level: "so",
      period: "2021-Q3",
    });
    await book.apply({
      steps: [{ kind: "addSheet", spec, values: [{ address: valueCell("1.1.1"), value: 99 }] }],
    });
    const { user, section, pick } = await setUp(book);
    await pick(new File([new Uint8Array(report)], "bao-cao.docx"));
    const question = await within(section).findByText(/^Sổ làm việc đã có trang “TTTT” của Sở Thông tin/);
    expect(book.view.valueAt("TTTT", valueCell("1.1.1"))).toBe(99);

    await user.click(within(section).getByRole("button", { name: "Không ghi đè" }));
    expect(within(section).getByText("Không thay đổi gì: trang của đơn vị giữ nguyên.")).toBeTruthy();
    expect(question.isConnected).toBe(false);
    expect(book.view.valueAt("TTTT", valueCell("1.1.1"))).toBe(99);

    await pick(new File([new Uint8Array(report)], "bao-cao.docx"));
    await user.click(await within(section).findByRole("button", { name: "Ghi đè trang đó" }));
    await within(section).findByText(/^Đã cài trang “TTTT” từ báo cáo Word/);
    // Rewritten in place: no second sheet of the unit.
    expect(book.sheetNames.filter((name) => name !== "Sheet1")).toEqual(["TTTT"]);
    expect(book.view.valueAt("TTTT", valueCell("1.1.1"))).toBe(7);
  });

  it("says a workbook picked is no Word report, and writes nothing", async () => {
    const book = new TestWorkbook();
    const { section, pick } = await setUp(book);
    const workbook = await filledTemplate({}, { unit: "Sở Tư pháp" });
    await pick(new File([new Uint8Array(workbook)], "phu-luc.docx"));
    expect(
      await within(section).findByText(
        "Tệp này không phải báo cáo Word (.docx): hãy chọn tệp báo cáo .docx của đơn vị.",
      ),
    ).toBeTruthy();
    expect(book.sheetNames).not.toContain("Sở Tư pháp");
  });
});
