/** @jest-environment ./test/helpers/excel-jsdom-environment.js */
import { act, configure, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { catalogue } from "../../src/domain/catalogue";
import { columnLetter } from "../../src/domain/cell";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import { OFFICE_ERROR_MESSAGES } from "../../src/excel";
import { SAMPLE_SHEET, sampleWrites } from "../../src/preview/sample";
import { App } from "../../src/taskpane/App";
import { FIRST_SCREEN_FINDINGS } from "../../src/taskpane/components/FindingList";
import { stampRows } from "../../src/workflows/stamp";
import type { AddinHost } from "../../src/workflows/host";
import type { WorkbookPort } from "../../src/workflows/port";
import { templateSpec } from "../../src/workflows/template-spec";
import { TestWorkbook, sampleWorkbook } from "../helpers/workbook";

// What the pane shows after a click or an edit comes after requests through the real library (and, for a live check,
// the pane's debounce); how soon is the bench's to measure, so the waits are generous enough for a loaded machine.
configure({ asyncUtilTimeout: 10_000 });

const layout = sheetLayout(catalogue);
const SHEET = SAMPLE_SHEET.sheetName;
const valueCell = (code: string) => `${columnLetter(COLUMNS.value)}${layout.rowOf.get(code)}`;
const CHECK = /Kiểm tra trước khi nộp/;

// The real pane over createExcelHost, the real Excel client library and the emulated Excel holding the preview's
// sample: what Excel would run, with the preview's grid reading the workbook back.
async function setUp(options: { displayLanguage?: string } = {}) {
  const book = await sampleWorkbook(undefined, options);
  const user = userEvent.setup();
  render(<App host={book.host} />);
  await screen.findByText(SAMPLE_SHEET.unit);
  await act(() => book.excel.settle());
  return { book, workbook: book.view, user };
}

async function check(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: CHECK }));
  return screen.findByTestId("verdict");
}

function findingButton(text: RegExp) {
  return screen.getAllByRole("button").find((button) => text.test(button.textContent ?? ""))!;
}

beforeEach(() => localStorage.clear());

describe("the task pane over the emulated Excel", () => {
  it("opens in Vietnamese on the sheet, its unit, level, period and template version, and waits for the click", async () => {
    const { workbook } = await setUp();
    const header = screen.getByRole("banner");
    for (const text of [SHEET, SAMPLE_SHEET.unit, "Sở, ngành", "Quý III/2021", "CCHC-PL-2021"]) {
      expect(within(header).getByText(text)).toBeTruthy();
    }
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Phụ lục thống kê CCHC");
    expect(screen.getByText(/Nhấn “Kiểm tra trước khi nộp”/)).toBeTruthy();
    expect(screen.getByText("Chưa có dấu kiểm tra trên trang này.")).toBeTruthy();
    expect(workbook.sheet(SHEET)!.marks.size).toBe(0);
  });

  it("shows the seed's two errors, the 44 ≠ 0 + 0 finding, the warning and the blank count", async () => {
    const { workbook, user } = await setUp();
    const verdict = await check(user);
    expect(verdict.textContent).toContain("2 lỗi, 1 cảnh báo");
    expect(verdict.textContent).toContain("Còn 16 chỉ tiêu chưa nhập.");
    expect(screen.getByRole("heading", { name: "Lỗi (2)" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Cảnh báo (1)" })).toBeTruthy();
    expect(findingButton(/\(44\) khác Số kỳ trước chuyển qua \(0\) \+ Số mới tiếp nhận \(0\)/)).toBeTruthy();
    expect(screen.getAllByText("Số liệu chi tiết: hồ sơ thủ tục hành chính").length).toBeGreaterThan(0);
    expect(screen.getByText("Mục 3. Cải cách thủ tục hành chính")).toBeTruthy();
    expect(workbook.sheet(SHEET)!.marks.get(valueCell("HS.1.2"))).toBe("error");
    expect(workbook.sheet(SHEET)!.marks.get(valueCell("DV.4.1"))).toBe("error");
    // Nothing was fixed without a click.
    expect(workbook.valueAt(SHEET, valueCell("HS.1.2"))).toBe(0);
    expect(workbook.valueAt(SHEET, valueCell("DV.4.1"))).toBe("1.93673");
  });

  it("lists every finding of a sheet with more than a screenful of them, each selectable by keyboard", async () => {
    const { book, workbook, user } = await setUp();
    const typedOver = catalogue.appendixRows
      .filter((row) => row.kind === "count" && layout.rowOf.has(row.code))
      .slice(0, FIRST_SCREEN_FINDINGS + 8);
    for (const row of typedOver) book.type(SHEET, valueCell(row.code), "nhiều");
    await act(() => book.excel.settle());
    await check(user);
    const list = screen.getByRole("region", { name: "Các điểm cần xem" });
    // Each severity's heading counts its findings ("Lỗi (22)"); every one of them is listed once the list is whole.
    const counted = () =>
      within(list)
        .getAllByRole("heading", { level: 3 })
        .reduce((sum, heading) => sum + Number(/\((\d+)\)/.exec(heading.textContent ?? "")?.[1]), 0);
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(counted()));
    expect(counted()).toBeGreaterThan(FIRST_SCREEN_FINDINGS + 8);
    // The last finding with a cell, rendered after the first screen, selects it from the keyboard.
    const last = within(list)
      .getAllByRole("listitem")
      .filter((item) => / ô [A-Z]+\d+/.test(item.textContent ?? ""))
      .at(-1)!;
    const address = / ô ([A-Z]+\d+)/.exec(last.textContent ?? "")![1];
    within(last).getAllByRole("button")[0]!.focus();
    await user.keyboard("{Enter}");
    expect(workbook.selection).toEqual({ sheet: SHEET, address });
  });

  it("warns, naming the reform, when the sheet says it is a district's for a period after 1 July 2025", async () => {
    const { book, user } = await setUp();
    book.type(SHEET, "D4", "Huyện");
    book.type(SHEET, "E4", "Quý I/2026");
    await act(() => book.excel.settle());
    const verdict = await check(user);
    expect(verdict.textContent).toContain("2 lỗi, 2 cảnh báo");
    const warning = findingButton(/từ 01\/7\/2025 không còn cấp huyện/);
    expect(warning.textContent).toContain(
      "Phụ lục là của cấp huyện (ghi cấp Huyện) nhưng báo cáo kỳ Quý I/2026",
    );
    await user.click(warning);
    expect(book.view.selection).toEqual({ sheet: SHEET, address: "D4" });
  });

  it("selects a finding's suspect cell when it is clicked", async () => {
    const { workbook, user } = await setUp();
    await check(user);
    await user.click(findingButton(/\(44\) khác/));
    expect(workbook.selection).toEqual({ sheet: SHEET, address: valueCell("HS.1.2") });
  });

  it("disables every button that starts work while a check runs, shows its progress once it lasts, and ends both with its result", async () => {
    const book = await sampleWorkbook();
    // The host holds the pane's requests while `held` is pending: the check is seen running, however fast it is.
    let held = Promise.resolve();
    let release = () => undefined as void;
    let runs = 0;
    const host = Object.assign(Object.create(book.host) as AddinHost, {
      run: <T,>(useCase: (port: WorkbookPort) => Promise<T>) => {
        runs += 1;
        return held.then(() => book.host.run(useCase));
      },
    });
    const user = userEvent.setup();
    render(<App host={host} />);
    await screen.findByText(SAMPLE_SHEET.unit);
    await act(() => book.excel.settle());
    await check(user);
    const working = () => [
      ...[
        "Kiểm tra trước khi nộp",
        "Kiểm tra tất cả",
        "Điền tỷ lệ tự động",
        "Xóa đánh dấu",
        "Sửa thành 44",
      ].map((name) => screen.getAllByRole("button", { name })[0]!),
      screen.getByRole("button", { name: "Cài trang tính từ báo cáo Word…" }),
    ];
    await screen.findByRole("button", { name: "Cài trang tính từ báo cáo Word…" });
    for (const button of working()) expect(button.getAttribute("aria-disabled")).toBeNull();
    held = new Promise((resolve) => (release = resolve));
    await user.click(screen.getByRole("button", { name: CHECK }));
    await waitFor(() => {
      for (const button of working()) expect(button.getAttribute("aria-disabled")).toBe("true");
    });
    // A disabled button takes no click: Validate again does not start a second check.
    const started = runs;
    await user.click(screen.getByRole("button", { name: CHECK }));
    expect(runs).toBe(started);
    // A check that lasts (this one is held) shows its progress.
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    release();
    await waitFor(() => {
      for (const button of working()) expect(button.getAttribute("aria-disabled")).toBeNull();
    });
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByTestId("verdict").textContent).toContain("2 lỗi, 1 cảnh báo");
  });

  it("fixes on click: 44 leaves one error, 1.936 makes the sheet ready and stamps it", async () => {
    const { workbook, user } = await setUp();
    await check(user);
    await user.click(screen.getAllByRole("button", { name: "Sửa thành 44" })[0]!);
    await waitFor(() => expect(screen.getByTestId("verdict").textContent).toContain("1 lỗi, 0 cảnh báo"));
    expect(workbook.valueAt(SHEET, valueCell("HS.1.2"))).toBe(44);
    expect(document.activeElement).toBe(screen.getByTestId("verdict"));
    await user.click(screen.getByRole("button", { name: "Sửa thành 1.936" }));
    await waitFor(() => expect(screen.getByTestId("verdict").textContent).toContain("Sẵn sàng nộp"));
    expect(workbook.valueAt(SHEET, valueCell("DV.4.1"))).toBe(1936);
    expect(screen.getByTestId("stamp").textContent).toMatch(
      /^Đã kiểm tra lúc .+; số liệu không thay đổi từ đó\.$/,
    );
    expect(workbook.valueAt(SHEET, `B${stampRows(layout)[0]}`)).toMatch(/^DẤU KIỂM TRA/);
  });

  it("says why it could not stamp a sheet whose stamp cells are locked, and still marks it", async () => {
    const stampCells = new Set(stampRows(layout).map((row) => `B${row}`));
    const spec = templateSpec({ ...SAMPLE_SHEET });
    const locked = { ...spec, cells: spec.cells.filter((cell) => !stampCells.has(cell.address)) };
    const book = new TestWorkbook([]);
    const workbook = book.view;
    const values = sampleWrites().map((write) =>
      write.address === valueCell("HS.1.2")
        ? { ...write, value: 44 }
        : write.address === valueCell("DV.4.1")
          ? { ...write, value: 1936 }
          : write,
    );
    await book.apply({ steps: [{ kind: "addSheet", spec: locked, values }] });
    const user = userEvent.setup();
    render(<App host={book.host} />);
    await check(user);
    expect(screen.getByTestId("verdict").textContent).toContain("Sẵn sàng nộp");
    expect(
      await screen.findByText(`Không ghi được dấu kiểm tra: ${OFFICE_ERROR_MESSAGES.AccessDenied!.vi}`, {
        exact: false,
      }),
    ).toBeTruthy();
    expect(workbook.sheet(SHEET)!.marks.size).toBeGreaterThan(0);
  });

  it("converts a number stored as text on click", async () => {
    const { workbook, user } = await setUp();
    await check(user);
    await user.click(screen.getAllByRole("button", { name: "Chuyển thành số" })[0]!);
    await waitFor(() => expect(workbook.valueAt(SHEET, valueCell("3.1.1"))).toBe(2));
  });

  it("checks again after an edit, local or remote, without moving the selection", async () => {
    const { book, workbook, user } = await setUp();
    await check(user);
    await user.click(screen.getAllByRole("button", { name: "Sửa thành 44" })[0]!);
    await user.click(screen.getByRole("button", { name: "Sửa thành 1.936" }));
    await waitFor(() => expect(screen.getByTestId("verdict").textContent).toContain("Sẵn sàng nộp"));
    workbook.select(SHEET, "E10");
    await act(() => book.coauthorTypes(SHEET, valueCell("HS.1.1"), "5"));
    await waitFor(() => expect(screen.getByTestId("verdict").textContent).toContain("1 lỗi"));
    expect(findingButton(/\(44\) khác Số kỳ trước chuyển qua \(5\)/)).toBeTruthy();
    expect(screen.getByTestId("stamp").textContent).toMatch(/^Số liệu đã thay đổi sau lần kiểm tra lúc/);
    expect(workbook.selection).toEqual({ sheet: SHEET, address: "E10" });
    expect([...workbook.sheet(SHEET)!.marks.values()]).toContain("error");
  });

  it("checks once after a burst of edits (debounced), without a stamp", async () => {
    const { book, workbook } = await setUp();
    const before = book.requests;
    act(() => {
      workbook.edit(SHEET, valueCell("HS.1.2"), "4");
      workbook.edit(SHEET, valueCell("HS.1.2"), "44");
      workbook.edit(SHEET, valueCell("DV.4.1"), "1936");
    });
    await waitFor(() => expect(screen.getByTestId("verdict").textContent).toContain("Sẵn sàng nộp"));
    // One check: the open sheet read with the listing, the marks, the release; a live check never stamps.
    expect(book.requests - before).toBe(3);
    expect(workbook.valueAt(SHEET, `B${stampRows(layout)[0]}`)).toBeNull();
  });

  it("checks live even before the first click", async () => {
    const { workbook } = await setUp();
    act(() => {
      workbook.edit(SHEET, valueCell("HS.1.2"), "44");
    });
    await waitFor(() => expect(screen.getByTestId("verdict").textContent).toContain("1 lỗi"));
  });

  it("shows a host error as a Vietnamese message bar, and dismisses it", async () => {
    const { book, user } = await setUp();
    const notFound = OFFICE_ERROR_MESSAGES.ItemNotFound!.vi;
    book.excel.failRequest(1, "ItemNotFound");
    await user.click(screen.getByRole("button", { name: CHECK }));
    expect(await screen.findByText(notFound)).toBeTruthy();
    expect(screen.getByText("Không thực hiện được")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Đóng thông báo" }));
    expect(screen.queryByText(notFound)).toBeNull();
  });

  it("explains an error without a text of its own, and a cell being edited", async () => {
    const { book, user } = await setUp();
    // A person typing in a cell: Excel refuses the request and the host's one retry.
    book.excel.emulator.cellEditMode = true;
    await user.click(screen.getByRole("button", { name: CHECK }));
    expect(await screen.findByText(/Excel đang ở chế độ sửa ô/)).toBeTruthy();
    book.excel.emulator.cellEditMode = false;
    book.excel.failRequest(1, "Boom");
    await user.click(screen.getByRole("button", { name: CHECK }));
    expect(await screen.findByText(/^Excel báo lỗi \(mã Boom\)\. Hãy thử lại/)).toBeTruthy();
  });

  it("fills derived rates on click and says how many", async () => {
    const { workbook, user } = await setUp();
    await user.click(screen.getByRole("button", { name: "Điền tỷ lệ tự động" }));
    expect(await screen.findByText(/^Đã điền công thức cho \d+ tỷ lệ/)).toBeTruthy();
    expect(workbook.cellAt(SHEET, valueCell("4.1.4.d"))?.formula).toBeDefined();
    expect(workbook.cellAt(SHEET, valueCell("3.4.2"))?.formula).toBeUndefined();
    expect(workbook.valueAt(SHEET, valueCell("7.8.3"))).toBeCloseTo(0.1192, 10);
  });

  it("fills and counts the rates of the sheet the user is on, and leaves other sheets alone", async () => {
    const alone = await setUp();
    await alone.user.click(screen.getByRole("button", { name: "Điền tỷ lệ tự động" }));
    const notice = (await screen.findByText(/^Đã điền công thức cho \d+ tỷ lệ/)).textContent;
    cleanup();

    const book = await sampleWorkbook();
    const workbook = book.view;
    const other = "Sở Tư pháp";
    const spec = templateSpec({ ...SAMPLE_SHEET, sheetName: other });
    // The other unit's rates are empty, so that a fill of every sheet would show there.
    const emptied = catalogue.derivedRows.map((row) => ({ address: valueCell(row.code), value: null }));
    await book.apply({ steps: [{ kind: "addSheet", spec, values: [...sampleWrites(), ...emptied] }] });
    workbook.select(SHEET, "D7");
    const user = userEvent.setup();
    render(<App host={book.host} />);
    await screen.findByText(SAMPLE_SHEET.unit);
    await user.click(screen.getByRole("button", { name: "Điền tỷ lệ tự động" }));
    expect((await screen.findByText(/^Đã điền công thức cho \d+ tỷ lệ/)).textContent).toBe(notice);
    for (const row of catalogue.derivedRows)
      expect(workbook.cellAt(other, valueCell(row.code))?.formula).toBeUndefined();
  });

  it("clears the marks on click", async () => {
    const { workbook, user } = await setUp();
    await check(user);
    expect(workbook.sheet(SHEET)!.marks.size).toBeGreaterThan(0);
    await user.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
    expect(await screen.findByText("Đã xóa đánh dấu trên 1 trang tính.")).toBeTruthy();
    expect(workbook.sheet(SHEET)!.marks.size).toBe(0);
  });

  it("shows the per-rule summary when unfolded", async () => {
    const { user } = await setUp();
    await check(user);
    const toggle = screen.getByRole("button", { name: /Tóm tắt theo quy tắc/ });
    expect(screen.queryByRole("table")).toBeNull();
    await user.click(toggle);
    const table = screen.getByRole("table");
    expect(within(table).getByRole("rowheader", { name: "Cân đối: HS.1" })).toBeTruthy();
    expect(within(table).getByRole("columnheader", { name: "Không đạt" })).toBeTruthy();
  });

  it("installs an appendix for a unit from the form, and lists both sheets after “Kiểm tra tất cả”", async () => {
    const { workbook, user } = await setUp();
    await user.click(screen.getByRole("button", { name: "Cài đặt phụ lục" }));
    await user.click(screen.getByRole("button", { name: "Thêm trang phụ lục" }));
    expect(screen.getByText("Hãy nhập tên đơn vị báo cáo.")).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: /Tên đơn vị báo cáo/ }), "UBND huyện Càng Long");
    // The period first: it decides whether there is a district level to choose.
    await user.selectOptions(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), "H1");
    const year = screen.getByRole("textbox", { name: "Năm" });
    await user.clear(year);
    await user.type(year, "2022");
    await user.selectOptions(screen.getByRole("combobox", { name: "Cấp" }), "huyen");
    await user.click(screen.getByRole("button", { name: "Thêm trang phụ lục" }));
    expect(await screen.findByText("Đã thêm trang phụ lục “UBND huyện Càng Long”.")).toBeTruthy();
    expect(workbook.sheetNames).toEqual([SHEET, "UBND huyện Càng Long"]);
    expect(workbook.valueAt("UBND huyện Càng Long", "E4")).toBe("6 tháng/2022");
    const header = screen.getByRole("banner");
    await waitFor(() => expect(within(header).getByText("Huyện")).toBeTruthy());
    // Two appendix sheets: Validate is the user's own sheet's; the check of every sheet is the reviewer's.
    await user.click(screen.getByRole("button", { name: "Kiểm tra tất cả" }));
    await screen.findByTestId("verdict");
    expect(screen.getByRole("heading", { name: "Các trang phụ lục (2)" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: new RegExp(`^${SHEET}`) }));
    expect(screen.getByTestId("verdict").textContent).toContain("2 lỗi");
  });

  it("asks for the period before the level, and offers no district for a period after the 2025 reform", async () => {
    const { workbook, user } = await setUp();
    await user.click(screen.getByRole("button", { name: "Cài đặt phụ lục" }));
    const form = screen.getByRole("form", { name: "Cài đặt phụ lục" });
    const period = within(form).getByRole("combobox", { name: "Kỳ báo cáo" });
    const level = within(form).getByRole("combobox", { name: "Cấp" });
    const choice = within(form).getByRole("combobox", { name: "Mẫu" });
    expect(within(form).getAllByRole("combobox")).toEqual([choice, period, level]);
    const year = within(form).getByRole("textbox", { name: "Năm" });
    const levels = () =>
      within(level)
        .getAllByRole("option")
        .map((option) => option.textContent);
    await user.selectOptions(period, "H1");
    await user.clear(year);
    await user.type(year, "2025");
    expect(levels()).toEqual(["Sở, ngành", "Huyện", "Xã"]);
    await user.selectOptions(level, "huyen");
    expect(within(form).queryByText(/không còn cấp huyện/)).toBeNull();
    // Quý I/2026: no district, and a hint saying why; the district chosen before is not swapped for another level
    // behind the user's back: the select asks again, and nothing is added until a level is chosen.
    await user.selectOptions(period, "Q1");
    await user.clear(year);
    await user.type(year, "2026");
    expect(levels()).toEqual(["— Chọn cấp —", "Sở, ngành", "Xã"]);
    expect((level as HTMLSelectElement).value).toBe("");
    expect(within(form).getByText("Từ 01/7/2025 không còn cấp huyện: chọn Sở, ngành hoặc Xã.")).toBeTruthy();
    expect(
      within(form).getByText("Kỳ hoặc mẫu đã chọn không có cấp “Huyện”: hãy chọn lại cấp của đơn vị."),
    ).toBeTruthy();
    await user.type(within(form).getByRole("textbox", { name: /Tên đơn vị báo cáo/ }), "UBND xã Long Đức");
    const sheets = workbook.sheetNames.length;
    await user.click(within(form).getByRole("button", { name: "Thêm trang phụ lục" }));
    expect(workbook.sheetNames).toHaveLength(sheets);
    await user.selectOptions(level, "xa");
    expect(levels()).toEqual(["Sở, ngành", "Xã"]);
    expect(within(form).queryByText(/hãy chọn lại cấp/)).toBeNull();
    await user.click(within(form).getByRole("button", { name: "Thêm trang phụ lục" }));
    expect(await screen.findByText("Đã thêm trang phụ lục “UBND xã Long Đức”.")).toBeTruthy();
    expect(workbook.valueAt("UBND xã Long Đức", "D4")).toBe("Xã");
    expect(workbook.valueAt("UBND xã Long Đức", "E4")).toBe("Quý I/2026");
    // The sheet's own level list (row 4's validation) holds no district either.
    expect(["G1", "G2", "G3"].map((address) => workbook.valueAt("UBND xã Long Đức", address) ?? "")).toEqual([
      "Sở, ngành",
      "Xã",
      "",
    ]);
  });

  it("says so when the workbook holds no appendix, and opens the install form", async () => {
    const user = userEvent.setup();
    render(<App host={new TestWorkbook().host} />);
    expect(await screen.findByRole("textbox", { name: /Tên đơn vị báo cáo/ })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: CHECK }));
    expect(await screen.findByText(/Không tìm thấy trang phụ lục nào/)).toBeTruthy();
  });

  it("reports a sheet of a newer template version instead of checking it", async () => {
    const spec = templateSpec({ ...SAMPLE_SHEET, sheetName: "Mẫu mới" });
    const newer = {
      ...spec,
      cells: spec.cells.map((cell) => (cell.address === "F1" ? { ...cell, value: "CCHC-PL-2099" } : cell)),
    };
    const only = new TestWorkbook([]);
    await only.apply({ steps: [{ kind: "addSheet", spec: newer }] });
    const user = userEvent.setup();
    render(<App host={only.host} />);
    await user.click(screen.getByRole("button", { name: CHECK }));
    expect(await screen.findByText(/dùng mẫu CCHC-PL-2099, mới hơn phiên bản này/)).toBeTruthy();
  });
});

describe("languages", () => {
  it("follows an English Office, and switches to Vietnamese and back with a visible button", async () => {
    const { user } = await setUp({ displayLanguage: "en-US" });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("CCHC statistical appendix");
    expect(within(screen.getByRole("banner")).getByText("Department")).toBeTruthy();
    expect(within(screen.getByRole("banner")).getByText("Q3 2021")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Check before submitting" }));
    const verdict = await screen.findByTestId("verdict");
    expect(verdict.textContent).toContain("2 errors, 1 warning");
    expect(screen.getAllByRole("button", { name: "Change to 44" }).length).toBe(2);
    await user.click(screen.getByRole("button", { name: "Chuyển ngăn tác vụ sang tiếng Việt" }));
    expect(screen.getByTestId("verdict").textContent).toContain("2 lỗi, 1 cảnh báo");
    expect(localStorage.getItem("cchc-appendix.lang")).toBe("vi");
  });

  it("stays Vietnamese for an Office in another language", async () => {
    await setUp({ displayLanguage: "fr-FR" });
    expect(screen.getByRole("button", { name: CHECK })).toBeTruthy();
  });
});

describe("keyboard", () => {
  // Fluent's focus manager (tabster) moves focus only to elements that have a size; jsdom lays nothing out.
  const saved = {
    offsetParent: Object.getOwnPropertyDescriptor(HTMLElement.prototype, "offsetParent")!,
    offsetWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, "offsetWidth")!,
    offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, "offsetHeight")!,
    rect: HTMLElement.prototype.getBoundingClientRect,
  };
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, "offsetParent", {
      configurable: true,
      get(this: HTMLElement) {
        return this.parentElement;
      },
    });
    Object.defineProperty(HTMLElement.prototype, "offsetWidth", { configurable: true, get: () => 10 });
    Object.defineProperty(HTMLElement.prototype, "offsetHeight", { configurable: true, get: () => 10 });
    HTMLElement.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 10, 10);
  });
  afterAll(() => {
    Object.defineProperty(HTMLElement.prototype, "offsetParent", saved.offsetParent);
    Object.defineProperty(HTMLElement.prototype, "offsetWidth", saved.offsetWidth);
    Object.defineProperty(HTMLElement.prototype, "offsetHeight", saved.offsetHeight);
    HTMLElement.prototype.getBoundingClientRect = saved.rect;
  });

  it("reaches the main button, a finding and its fix by Tab, and acts on Enter", async () => {
    const { workbook, user } = await setUp();
    const main = screen.getByRole("button", { name: CHECK });
    main.focus();
    await user.keyboard("{Enter}");
    await screen.findByTestId("verdict");
    const target = findingButton(/\(44\) khác/);
    for (let i = 0; i < 6 && document.activeElement !== target; i++) await user.tab();
    expect(document.activeElement).toBe(target);
    await user.keyboard("{Enter}");
    expect(workbook.selection?.address).toBe(valueCell("HS.1.2"));
    await user.tab();
    expect(document.activeElement?.textContent).toBe("Sửa thành 44");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByTestId("verdict").textContent).toContain("1 lỗi"));
  });
});
