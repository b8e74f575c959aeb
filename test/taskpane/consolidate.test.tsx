/** @jest-environment ./test/helpers/excel-jsdom-environment.js */
import { act, configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { catalogue } from "../../src/domain/catalogue";
import type { Level } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import type { ExcelHostDeps } from "../../src/excel";
import { OFFICE_ERROR_MESSAGES } from "../../src/excel";
import type { SampleValue } from "../../src/preview/sample";
import { SAMPLE_VALUES, sampleWrites } from "../../src/preview/sample";
import { App } from "../../src/taskpane/App";
import { ConsolidationResult } from "../../src/taskpane/components/ConsolidationResult";
import { consolidateWorkbook } from "../../src/workflows/consolidate-workbook";
import { SUMMARY_MARKER } from "../../src/workflows/consolidate";
import { SUMMARY_SHEETS } from "../../src/workflows/summary-spec";
import { templateSpec } from "../../src/workflows/template-spec";
import { filledTemplate } from "../helpers/xlsx";
import { SO_TU_PHAP, SO_Y_TE } from "../helpers/departments";
import { templateGrid } from "../helpers/seed";
import { TestWorkbook } from "../helpers/workbook";

// What the pane shows after a click or an edit comes after requests through the real library (and, for a live check,
// the pane's debounce); how soon is the bench's to measure, so the waits are generous enough for a loaded machine.
configure({ asyncUtilTimeout: 10_000 });

// "Tổng hợp" in the task pane over the emulated Excel (the adapter through the real Excel client library), clicked as
// Anh Minh would: the open workbook's three department sheets, then files picked from disk, read by the lazily loaded
// exceljs reader.

const layout = sheetLayout(catalogue);
const valueCell = (code: string) => `D${layout.rowOf.get(code)}`;

async function addDepartment(
  book: TestWorkbook,
  sheetName: string,
  unit: string,
  values: Readonly<Record<string, SampleValue>>,
  level: Level = "so",
): Promise<void> {
  const spec = templateSpec({ sheetName, unit, level, period: "2021-Q3" });
  await book.apply({ steps: [{ kind: "addSheet", spec, values: sampleWrites(values) }] });
}

/** The sheets of the three departments' workbook, in order. */
const THREE_SHEETS = ["Sở Tư pháp", "Sở Y tế", "Sở TTTT"];

/** The shared workbook of three departments: two clean, and the seed's with its two errors. */
async function threeDepartments(host: Partial<ExcelHostDeps> = {}): Promise<TestWorkbook> {
  const book = new TestWorkbook([], { host });
  await addDepartment(book, "Sở Tư pháp", "Sở Tư pháp", SO_TU_PHAP);
  await addDepartment(book, "Sở Y tế", "Sở Y tế", SO_Y_TE);
  await addDepartment(book, "Sở TTTT", "Sở Thông tin và Truyền thông", SAMPLE_VALUES);
  book.view.activate("Sở Tư pháp");
  return book;
}

async function setUp(book: TestWorkbook) {
  const user = userEvent.setup();
  render(<App host={book.host} />);
  await screen.findByRole("banner");
  await act(() => book.excel.settle());
  // The section is a later part, fetched once the open sheet's first verdict has been painted.
  await user.click(await screen.findByRole("button", { name: "Tổng hợp phụ lục các đơn vị" }));
  const section = screen.getByRole("region", { name: "Tổng hợp phụ lục các đơn vị" });
  return { user, section, workbook: book.view };
}

beforeEach(() => localStorage.clear());

describe("Tổng hợp in the task pane", () => {
  it("consolidates the open workbook's sheets into new summary sheets and says what it did", async () => {
    const book = await threeDepartments();
    const { user, section, workbook } = await setUp(book);
    await user.click(within(section).getByRole("button", { name: "Tổng hợp" }));

    const result = await within(section).findByRole("region", {
      name: "Đã tổng hợp 3 đơn vị vào trang “Tổng hợp”.",
    });
    expect(result.textContent).toContain(
      "Các trang đã ghi: Tổng hợp, Đơn vị, Thiếu, Yêu cầu sửa, Không cộng được, Cảnh báo tổng hợp, Số liệu đơn vị.",
    );
    const units = within(result)
      .getAllByRole("listitem")
      .map((item) => item.textContent);
    expect(units).toEqual([
      "Sở Tư phápsẵn sàng",
      "Sở Y tếsẵn sàng",
      "Sở Thông tin và Truyền thông2 lỗi, 1 cảnh báo",
    ]);

    expect(workbook.sheetNames).toEqual([...THREE_SHEETS, ...Object.values(SUMMARY_SHEETS)]);
    expect(workbook.valueAt(SUMMARY_SHEETS.form, valueCell("HS.2"))).toBe(100 + 10 + 44);
    expect(workbook.valueAt(SUMMARY_SHEETS.form, "F1")).toBe(SUMMARY_MARKER);
    // The total that includes the unit with errors is filled and says why, in a note Excel keeps from ExcelApi 1.18
    // (test/excel/consolidate-workbook.test.ts); the npm library stops at 1.15, where the fill alone tells.
    expect(workbook.cellAt(SUMMARY_SHEETS.form, valueCell("HS.2"))).toMatchObject({
      style: { fill: "#FFC7CE" },
    });
    const hs2 = book.specOf(SUMMARY_SHEETS.form)!.cells.find((cell) => cell.address === valueCell("HS.2"));
    expect(hs2?.note).toContain("Sở Thông tin và Truyền thông");
    // The units' sheets are untouched, and the summary's form is open, as the header says.
    expect(workbook.valueAt("Sở Y tế", valueCell("HS.2"))).toBe(10);
    expect(workbook.activeSheet).toBe(SUMMARY_SHEETS.form);
    await waitFor(() =>
      expect(within(screen.getByRole("banner")).getByText(SUMMARY_SHEETS.form)).toBeTruthy(),
    );

    // The office's role was guessed from its name, and can be changed for the next run.
    const role = within(section).getByRole("combobox", { name: "Vai trò: Sở Thông tin và Truyền thông" });
    expect((role as HTMLSelectElement).value).toBe("stttt");
    // The offices to choose from are the form's, as it names them for the period (Quý III/2021).
    expect(Array.from((role as HTMLSelectElement).options, (option) => option.text)).toEqual([
      "Không",
      "Văn phòng UBND tỉnh",
      "Sở Nội vụ",
      "Sở Thông tin và Truyền thông",
    ]);
    await user.selectOptions(within(section).getByRole("combobox", { name: "Vai trò: Sở Y tế" }), "snv");
    expect(within(section).getByText("Đã đổi vai trò: nhấn “Tổng hợp lại” để áp dụng.")).toBeTruthy();
    await user.click(within(section).getByRole("button", { name: "Tổng hợp lại" }));
    await within(section).findByRole("region", { name: "Đã tổng hợp 3 đơn vị vào trang “Tổng hợp (2)”." });
    expect(workbook.sheetNames).toHaveLength(3 + 2 * 7);
    expect(workbook.valueAt("Tổng hợp (2)", valueCell("HS.2"))).toBe(154);
  });

  it("adds .xlsx files picked from disk, reading them one by one, and explains one it cannot read", async () => {
    const book = await threeDepartments();
    const { user, section, workbook } = await setUp(book);
    await user.type(
      within(section).getByRole("textbox", { name: /Đơn vị phải báo cáo/ }),
      "Sở Tư pháp{enter}Huyện Càng Long{enter}Sở Công Thương",
    );
    const district = await filledTemplate(
      { "HS.1": 1000, "HS.1.1": 0, "HS.1.2": 1000, "HS.2": 1000, "HS.2.1": 400, "HS.2.2": 600 },
      { unit: "Huyện Càng Long", level: "huyen", period: "2021-Q3", sheetName: "Phụ lục" },
    );
    await user.upload(within(section).getByLabelText("Chọn tệp .xlsx, .docx…"), [
      new File([new Uint8Array(district)], "huyen-cang-long.xlsx"),
      new File(["không phải bảng tính"], "ghi-chu.xlsx"),
    ]);

    expect(await within(section).findByText("Đã đọc 1 tệp; 1 tệp không đọc được.")).toBeTruthy();
    // One error bar per file that could not be read, in Vietnamese.
    const failure = within(section).getByText("Không đọc được tệp “ghi-chu.xlsx”").closest("[role=group]");
    expect(failure?.className).toContain("fui-MessageBar");
    expect(failure?.textContent).toContain("Tệp không phải bảng tính Excel (.xlsx)");

    await user.click(within(section).getByRole("button", { name: "Tổng hợp" }));
    const result = await within(section).findByRole("region", { name: /^Đã tổng hợp 4 đơn vị/ });
    expect(result.textContent).toContain("Chưa có phụ lục của 1 đơn vị: Sở Công Thương.");
    expect(result.textContent).toContain("ghi-chu.xlsx: Tệp không phải bảng tính Excel (.xlsx)");
    expect(within(result).getByText("Huyện Càng Long")).toBeTruthy();
    // A district's dossiers enter 3.4.2, never the departments' 3.4.1.
    expect(workbook.valueAt(SUMMARY_SHEETS.form, valueCell("3.4.2"))).toBeCloseTo(0.4, 12);
    expect(workbook.valueAt(SUMMARY_SHEETS.units, "I6")).toBe("huyen-cang-long.xlsx");
    // The list of expected units is kept for the next quarter.
    expect(localStorage.getItem("cchc-appendix.expected")).toBe(
      "Sở Tư pháp\nHuyện Càng Long\nSở Công Thương",
    );
  });

  it("compares with the previous period's file picked from disk, and explains one that holds no appendix", async () => {
    const book = new TestWorkbook([]);
    await addDepartment(book, "Sở Tư pháp", "Sở Tư pháp", { ...SO_TU_PHAP, "6.1": 4 });
    await addDepartment(book, "Sở Y tế", "Sở Y tế", SO_Y_TE);
    const { user, section } = await setUp(book);
    const pickPrevious = within(section).getByLabelText("Chọn tệp kỳ trước…");

    const notes = new ExcelJS.Workbook();
    notes.addWorksheet("Ghi chú").getCell("A1").value = "Biên bản họp";
    await user.upload(pickPrevious, new File([await notes.xlsx.writeBuffer()], "bien-ban.xlsx"));
    const failure = await within(section).findByText("Không đọc được tệp “bien-ban.xlsx”");
    expect(failure.closest("[role=group]")?.textContent).toContain(
      "Tệp kỳ trước bien-ban.xlsx không có bảng tổng hợp hay phụ lục nào.",
    );

    // Q2: Sở Tư pháp had 20 dossiers pending and 5 self-financing units, a cumulative figure.
    const q2 = await filledTemplate(
      { ...SO_TU_PHAP, "HS.1": 130, "HS.1.2": 120, "HS.3": 20, "HS.3.1": 20, "HS.3.2": 0, "6.1": 5 },
      { unit: "Sở Tư pháp", level: "so", period: "2021-Q2", sheetName: "Phụ lục" },
    );
    await user.upload(pickPrevious, new File([new Uint8Array(q2)], "tu-phap-q2.xlsx"));
    expect(
      await within(section).findByText("So sánh với kỳ trước (Quý II/2021): tu-phap-q2.xlsx."),
    ).toBeTruthy();
    expect(within(section).queryByText("Không đọc được tệp “bien-ban.xlsx”")).toBeNull();

    await user.click(within(section).getByRole("button", { name: "Tổng hợp" }));
    const result = await within(section).findByRole("region", { name: /^Đã tổng hợp 2 đơn vị/ });
    expect(result.textContent).toContain("cảnh báo khi tổng hợp");
    const issues = await book.grid(SUMMARY_SHEETS.issues);
    const texts = issues.cells
      .flat()
      .flatMap((cell) => (typeof cell?.value === "string" ? [cell.value] : []));
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\(6\.1\) là số lũy kế nhưng giảm từ 5 \(kỳ trước\) xuống 4\.$/),
        "Số kỳ trước chuyển qua (HS.1.1) = 10 khác Số hồ sơ đang giải quyết (HS.3) cuối kỳ trước = 20: chênh lệch 10.",
      ]),
    );

    // Without the previous period's file, the next run warns about neither.
    await user.click(within(section).getByRole("button", { name: "Bỏ tệp kỳ trước" }));
    expect(within(section).queryByText(/So sánh với kỳ trước/)).toBeNull();
    await user.click(within(section).getByRole("button", { name: "Tổng hợp lại" }));
    await within(section).findByRole("region", { name: /vào trang “Tổng hợp \(2\)”/ });
    const again = await book.grid("Cảnh báo tổng hợp (2)");
    const againTexts = again.cells
      .flat()
      .flatMap((cell) => (typeof cell?.value === "string" ? [cell.value] : []));
    expect(againTexts.some((text) => text.includes("kỳ trước"))).toBe(false);
  });

  it("overwrites the earlier summary only once the user ticks the box", async () => {
    const book = await threeDepartments();
    const { user, section, workbook } = await setUp(book);
    const overwrite = within(section).getByRole("checkbox", { name: "Ghi đè bảng tổng hợp đã có" });
    expect((overwrite as HTMLInputElement).checked).toBe(false);
    await user.click(within(section).getByRole("button", { name: "Tổng hợp" }));
    await within(section).findByRole("region", { name: "Đã tổng hợp 3 đơn vị vào trang “Tổng hợp”." });

    book.type("Sở Y tế", valueCell("HS.2"), 12);
    await user.click(overwrite);
    await user.click(within(section).getByRole("button", { name: "Tổng hợp lại" }));
    await within(section).findByRole("region", { name: "Đã tổng hợp 3 đơn vị vào trang “Tổng hợp”." });
    expect(workbook.sheetNames).toEqual([...THREE_SHEETS, ...Object.values(SUMMARY_SHEETS)]);
    expect(workbook.valueAt(SUMMARY_SHEETS.form, valueCell("HS.2"))).toBe(100 + 12 + 44);
  });

  it("says in Vietnamese why nothing was consolidated, and writes nothing", async () => {
    const book = new TestWorkbook();
    const { user, section, workbook } = await setUp(book);
    await user.click(within(section).getByRole("button", { name: "Tổng hợp" }));
    const alert = await within(section).findByText("Không có phụ lục nào để tổng hợp.");
    expect(alert.closest("[role=group]")?.className).toContain("fui-MessageBar");
    expect(workbook.sheetNames).toEqual(["Sheet1"]);
  });

  it("shows the host's refusal as an error bar, and dismisses it", async () => {
    const book = await threeDepartments();
    const { user, section, workbook } = await setUp(book);
    const exists = OFFICE_ERROR_MESSAGES.ItemAlreadyExists!.vi;
    book.excel.failRequest(1, "ItemAlreadyExists");
    await user.click(within(section).getByRole("button", { name: "Tổng hợp" }));
    expect(await within(section).findByText(exists)).toBeTruthy();
    expect(within(section).getByText("Không thực hiện được")).toBeTruthy();
    await user.click(within(section).getByRole("button", { name: "Đóng thông báo" }));
    expect(within(section).queryByText(exists)).toBeNull();
    expect(workbook.sheetNames).toHaveLength(3);
  });

  it("speaks English in an English Office", async () => {
    const book = await threeDepartments({ displayLanguage: "en-US" });
    const user = userEvent.setup();
    render(<App host={book.host} />);
    await user.click(await screen.findByRole("button", { name: "Consolidate the units' appendices" }));
    const section = screen.getByRole("region", { name: "Consolidate the units' appendices" });
    await user.click(within(section).getByRole("button", { name: "Consolidate" }));
    const result = await within(section).findByRole("region", {
      name: "Consolidated 3 units into the sheet “Tổng hợp”.",
    });
    expect(result.textContent).toContain("2 errors, 1 warning");
  });
});

describe("the consolidation's result in the pane", () => {
  it("says which hidden sheets were summed and which very hidden one was left out", async () => {
    const book = new TestWorkbook([
      templateGrid(SO_TU_PHAP, { name: "Sở Tư pháp", unit: "Sở Tư pháp", period: "Quý III/2021" }),
      {
        ...templateGrid(SO_Y_TE, { name: "Cũ", unit: "Sở Y tế", period: "Quý III/2021" }),
        visibility: "hidden",
      },
      {
        ...templateGrid(SO_Y_TE, { name: "Ẩn", unit: "Sở Xây dựng", period: "Quý III/2021" }),
        visibility: "veryHidden",
      },
    ]);
    const outcome = await book.run((port) => consolidateWorkbook(port));
    render(<ConsolidationResult result={outcome} />);
    const hidden = screen.getByText("Đã cộng cả trang tính đang ẩn").closest("[role=group]");
    expect(hidden?.textContent).toContain(
      "Phụ lục của \"Sở Y tế\" nằm trên trang tính 'Cũ' đang bị ẩn: số liệu vẫn được cộng.",
    );
    const excluded = screen.getByText("Không tổng hợp được").closest("[role=group]");
    expect(excluded?.textContent).toContain("'Ẩn': Trang tính bị ẩn sâu");
    expect(excluded?.textContent).toContain('phụ lục của "Sở Xây dựng": không cộng vào bảng tổng hợp');
  });
});
