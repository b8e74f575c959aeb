/** @jest-environment ./test/helpers/excel-jsdom-environment.js */
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { stampRows } from "../../src/workflows/stamp";
import { SEED_VALUES, seedWith } from "../helpers/seed";
import { App } from "../../src/taskpane/App";
import { READY_VALUES } from "../excel/pane-scenarios";
import { EmulatedExcel as Excel, hostOver, seedAppendix } from "../excel/setup";
import type { EmulatedExcel } from "../excel/setup";

// The task pane's own-sheet question, "Trang tính của tôi" and "Kiểm tra tất cả", clicked as Chị Lan and Anh Minh
// would, over the real Excel client library and the emulator, in jsdom, the library loaded as the task pane page
// loads it (test/helpers/excel-jsdom-environment.js). The user's storage is jsdom's own localStorage.

const layout = sheetLayout(catalogue);
const valueCell = (code: string) => `D${layout.rowOf.get(code)!}`;
const stampCell = `B${stampRows(layout)[0]!}`;
const CHECK = { name: "Kiểm tra trước khi nộp" };
const MINE = "Sở TTTT";
const Y_TE = "Sở Y tế";

/** Three departments' sheets, open on Sở Y tế's; Sở Y tế's has one error left, which a fix of DV.4.1 clears. */
function provinceWorkbook(): EmulatedExcel {
  const excel = new Excel();
  seedAppendix(excel, READY_VALUES, { name: MINE });
  seedAppendix(excel, SEED_VALUES, { name: "Sở Tư pháp" });
  excel.data.activeSheetId = seedAppendix(excel, seedWith({ "HS.1.2": 44 }), { name: Y_TE }).id;
  return excel;
}

async function open(excel: EmulatedExcel, displayLanguage = "vi-VN") {
  const user = userEvent.setup();
  render(<App host={hostOver(excel, { displayLanguage })} />);
  await screen.findAllByText(Y_TE);
  return user;
}

const ownLine = () => screen.getByText(/^(Trang tính của tôi|My sheet):$/).parentElement!;

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe("the user's own sheet in the task pane", () => {
  it("asks which sheet is the user's at the first Validate, proposing the open one, then checks only the one chosen", async () => {
    const excel = provinceWorkbook();
    const user = await open(excel);
    expect(ownLine().textContent).toContain("chưa chọn");
    const others = JSON.stringify(["Sở Tư pháp", Y_TE].map((name) => excel.sheet(name)));

    await user.click(screen.getByRole("button", CHECK));
    const question = await screen.findByRole("form", { name: "Trang phụ lục nào là của bạn?" });
    const select = within(question).getByRole("combobox", { name: "Trang phụ lục" });
    expect((select as HTMLSelectElement).value).toBe(Y_TE);
    expect(
      within(question).getByText(/chỉ kiểm tra, đánh dấu và ghi dấu kiểm tra trên trang của bạn/),
    ).toBeTruthy();
    await user.selectOptions(select, MINE);
    await user.click(within(question).getByRole("button", { name: "Đây là trang của tôi" }));

    expect((await screen.findByTestId("verdict")).textContent).toContain("Sẵn sàng nộp");
    expect(screen.queryByRole("form")).toBeNull();
    expect(ownLine().textContent).toContain(MINE);
    expect(excel.cell(MINE, stampCell).value).toMatch(/^DẤU KIỂM TRA/);
    expect(JSON.stringify(["Sở Tư pháp", Y_TE].map((name) => excel.sheet(name)))).toBe(others);
  });

  it("remembers the choice when the pane is opened again, and Validate asks nothing", async () => {
    const excel = provinceWorkbook();
    const user = await open(excel);
    await user.click(screen.getByRole("button", CHECK));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Trang phụ lục" }), MINE);
    await user.click(screen.getByRole("button", { name: "Đây là trang của tôi" }));
    await screen.findByTestId("verdict");
    cleanup();

    const again = await open(excel);
    await screen.findByText(MINE);
    expect(ownLine().textContent).toContain(MINE);
    await again.click(screen.getByRole("button", CHECK));
    expect((await screen.findByTestId("verdict")).textContent).toContain("Sẵn sàng nộp");
    expect(screen.queryByRole("form")).toBeNull();
  });

  it("changes the user's sheet from “Trang tính của tôi: … Đổi”, and cancels without changing it", async () => {
    const excel = provinceWorkbook();
    const user = await open(excel);
    await user.click(within(ownLine()).getByRole("button", { name: "Chọn" }));
    await user.click(await screen.findByRole("button", { name: "Đây là trang của tôi" }));
    expect(ownLine().textContent).toContain(Y_TE);
    await user.click(within(ownLine()).getByRole("button", { name: "Đổi" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Trang phụ lục" }), MINE);
    await user.click(screen.getByRole("button", { name: "Hủy" }));
    expect(ownLine().textContent).toContain(Y_TE);
    // Choosing checks nothing and writes nothing on any sheet.
    expect(excel.sheet(Y_TE).conditionalFormats).toEqual([]);
  });

  it("asks a question with no serious or critical axe violation", async () => {
    const excel = provinceWorkbook();
    const user = await open(excel);
    await user.click(screen.getByRole("button", CHECK));
    await screen.findByRole("form", { name: "Trang phụ lục nào là của bạn?" });
    // jsdom lays nothing out: colour contrast is the browser tests' to judge (test/browser/preview.test.ts).
    const results = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } } });
    const serious = results.violations.filter(
      (violation) => violation.impact === "serious" || violation.impact === "critical",
    );
    expect(serious.map((violation) => violation.id)).toEqual([]);
  });

  it("asks in English in an English Office", async () => {
    const excel = provinceWorkbook();
    const user = await open(excel, "en-US");
    expect(ownLine().textContent).toContain("not chosen");
    await user.click(screen.getByRole("button", { name: "Check before submitting" }));
    const question = await screen.findByRole("form", { name: "Which appendix sheet is yours?" });
    expect(within(question).getByRole("button", { name: "This is my sheet" })).toBeTruthy();
  });
});

describe("the reviewer's “Kiểm tra tất cả” in the task pane", () => {
  it("lists every sheet with its verdict, says it wrote nothing, and offers, never writes, the stamp of a sheet a fix made ready", async () => {
    const excel = provinceWorkbook();
    const before = JSON.stringify(excel.data.sheets);
    const user = await open(excel);
    await user.click(screen.getByRole("button", { name: "Kiểm tra tất cả" }));
    expect(await screen.findByRole("heading", { name: "Các trang phụ lục (3)" })).toBeTruthy();
    expect(
      screen.getByText("Đã kiểm tra 3 trang phụ lục; không đánh dấu, không ghi dấu kiểm tra lên trang nào."),
    ).toBeTruthy();
    expect(JSON.stringify(excel.data.sheets)).toBe(before);

    // The open sheet, Sở Y tế, is focused: its one error has a fix.
    await user.click(await screen.findByRole("button", { name: "Sửa thành 1.936" }));
    expect(
      await screen.findByText(/^Trang “Sở Y tế” không còn lỗi nhưng không phải trang của bạn/),
    ).toBeTruthy();
    expect(excel.cell(Y_TE, valueCell("DV.4.1")).value).toBe(1936);
    expect(excel.cell(Y_TE, stampCell).value).not.toMatch(/DẤU KIỂM TRA/);
    await user.click(screen.getByRole("button", { name: "Ghi dấu kiểm tra lên trang này" }));
    await screen.findByText(/^Đã kiểm tra lúc .+; số liệu không thay đổi từ đó\.$/);
    expect(excel.cell(Y_TE, stampCell).value).toMatch(/^DẤU KIỂM TRA/);
    expect(screen.queryByText(/không phải trang của bạn/)).toBeNull();
    expect(excel.cell(MINE, stampCell).value).not.toMatch(/DẤU KIỂM TRA/);
  });
});
