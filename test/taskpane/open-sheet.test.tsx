/** @jest-environment ./test/helpers/excel-jsdom-environment.js */
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { SEED_VALUES } from "../helpers/seed";
import { App } from "../../src/taskpane/App";
import { openSheetResult } from "../../src/taskpane/open-sheet";
import { READY_VALUES } from "../excel/pane-scenarios";
import { EmulatedExcel as Excel, hostOver, seedAppendix } from "../excel/setup";
import type { EmulatedExcel } from "../excel/setup";

// The pane follows the sheet the user is on: its header never shows another sheet's verdict, and findings of a sheet
// that is not the open one say which sheet they are of. Over the real Excel client library and the emulator, in
// jsdom, the library loaded by test/helpers/excel-jsdom-environment.js.

const layout = sheetLayout(catalogue);
const valueCell = (code: string) => `D${layout.rowOf.get(code)!}`;
const CHECK = { name: "Kiểm tra trước khi nộp" };
const COMMUNE = "UBND xã Long Đức";
const DEPARTMENT = "Sở TTTT";
const SUMMARY = "Tổng hợp";
// The pane's waits (after an activation, for a chunk) are short; a loaded machine gets time enough.
const LATER = { timeout: 10_000 };

/** A commune's sheet, ready, open; a department's with the seed's two errors; a sheet that holds no appendix. */
function provinceWorkbook(): EmulatedExcel {
  const excel = new Excel();
  seedAppendix(excel, READY_VALUES, { name: COMMUNE, unit: COMMUNE, level: "xa" });
  seedAppendix(excel, SEED_VALUES, { name: DEPARTMENT, unit: "Sở Thông tin và Truyền thông" });
  excel.addSheet(SUMMARY);
  excel.data.activeSheetId = excel.sheet(COMMUNE).id;
  return excel;
}

async function open(excel: EmulatedExcel, displayLanguage = "vi-VN") {
  const user = userEvent.setup();
  render(<App host={hostOver(excel, { displayLanguage })} />);
  await within(screen.getByRole("banner")).findAllByText(COMMUNE);
  return user;
}

/** The user says which sheet is theirs from “Trang tính của tôi: … Chọn”, which checks nothing. */
async function chooseOwn(
  user: ReturnType<typeof userEvent.setup>,
  sheet: string,
  confirm = "Đây là trang của tôi",
) {
  const line = (await screen.findByText(/^(Trang tính của tôi|My sheet):$/, {}, LATER)).parentElement!;
  await user.click(within(line).getByRole("button", { name: /^(Chọn|Choose)$/ }));
  await user.selectOptions(await screen.findByRole("combobox"), sheet);
  await user.click(screen.getByRole("button", { name: confirm }));
}

const header = () => screen.getByRole("banner");

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe("the header of the open sheet", () => {
  it("follows the user to another sheet's tab, and keeps that sheet's description when their own sheet is checked", async () => {
    const excel = provinceWorkbook();
    const user = await open(excel);
    await chooseOwn(user, COMMUNE);
    await user.click(screen.getByRole("button", CHECK));
    expect((await screen.findByTestId("verdict")).textContent).toContain("Sẵn sàng nộp");

    excel.emulator.activate(DEPARTMENT);
    await within(header()).findByText("Sở Thông tin và Truyền thông", {}, LATER);
    expect(within(header()).getByText(DEPARTMENT)).toBeTruthy();
    expect(within(header()).queryByText(COMMUNE)).toBeNull();

    // Validate checks the user's own sheet: the header still describes the department's, which has two errors.
    await user.click(screen.getByRole("button", CHECK));
    await screen.findByText(
      `Kết quả dưới đây là của trang “${COMMUNE}”, không phải của trang đang mở (“${DEPARTMENT}”).`,
      {},
      LATER,
    );
    expect(within(header()).getByText("Sở Thông tin và Truyền thông")).toBeTruthy();
    expect(within(header()).queryByText(COMMUNE)).toBeNull();
    expect(within(header()).queryByText("Xã")).toBeNull();
  });

  it("follows a sheet opened while a cell is being edited quietly, once the edit ends, with no error bar", async () => {
    const excel = provinceWorkbook();
    await open(excel);
    // A formula typed on one sheet that points at another's cells opens that sheet mid-edit: Excel refuses every
    // request until Enter or Esc.
    excel.emulator.cellEditMode = true;
    excel.emulator.activate(DEPARTMENT);
    const refused = excel.emulator.requests.length;
    await waitFor(() => expect(excel.emulator.requests.length).toBeGreaterThan(refused), LATER);
    expect(screen.queryByText(/chế độ sửa ô/)).toBeNull();
    expect(within(header()).queryByText("Sở Thông tin và Truyền thông")).toBeNull();
    excel.emulator.cellEditMode = false;
    await within(header()).findByText("Sở Thông tin và Truyền thông", {}, LATER);
    expect(within(header()).getByText(DEPARTMENT)).toBeTruthy();
    expect(screen.queryByText(/chế độ sửa ô/)).toBeNull();
  });

  it("names the sheet Validate found open, with none of the user's own sheet's facts, when Excel did not tell of the switch", async () => {
    const excel = provinceWorkbook();
    const user = await open(excel);
    await chooseOwn(user, COMMUNE);
    // A tab switch the pane never heard of (an Excel that refused the event): Validate's listing tells it.
    excel.data.activeSheetId = excel.sheet(DEPARTMENT).id;
    await user.click(screen.getByRole("button", CHECK));
    await within(header()).findByText(DEPARTMENT, {}, LATER);
    expect(within(header()).queryByText(COMMUNE)).toBeNull();
    expect(within(header()).queryByText("Xã")).toBeNull();
    // It holds an appendix, which the pane has not read: the header does not say it holds none.
    expect(within(header()).queryByText("Trang tính này chưa có phụ lục.")).toBeNull();
  });

  it("shows no description of another sheet under the open sheet's name", () => {
    const validation = { sheet: COMMUNE, unit: COMMUNE } as never;
    const described = { validation };
    expect(openSheetResult({ active: DEPARTMENT, results: new Map(), described })).toBeUndefined();
    expect(openSheetResult({ active: COMMUNE, results: new Map(), described })).toBe(described);
    const checked = { validation: { sheet: DEPARTMENT } as never };
    expect(
      openSheetResult({ active: DEPARTMENT, results: new Map([[DEPARTMENT, checked]]), described }),
    ).toBe(checked);
  });
});

describe("findings of a sheet that is not the open one", () => {
  it("name their sheet in every cell and fix, say whose they are, and selecting one opens its sheet", async () => {
    const excel = provinceWorkbook();
    const user = await open(excel);
    await chooseOwn(user, DEPARTMENT);
    excel.emulator.activate(SUMMARY);
    await within(header()).findByText("Trang tính này chưa có phụ lục.", {}, LATER);

    await user.click(screen.getByRole("button", CHECK));
    await screen.findByText(
      `Kết quả dưới đây là của trang “${DEPARTMENT}”, không phải của trang đang mở (“${SUMMARY}”).`,
      {},
      LATER,
    );
    const cell = valueCell("HS.1.2");
    expect(screen.getAllByText(`HS.1.2 · ô ${DEPARTMENT}!${cell}`).length).toBeGreaterThan(0);
    await user.click(screen.getAllByRole("button", { name: `Sửa ${DEPARTMENT}!${cell} thành 44` })[0]!);
    expect(await screen.findByText(`Đã sửa ${DEPARTMENT}!${cell}: 44.`, {}, LATER)).toBeTruthy();
    expect(excel.cell(DEPARTMENT, cell).value).toBe(44);

    await user.click(screen.getAllByText(/^DV\.4\.1 · ô /)[0]!);
    await waitFor(() => expect(excel.data.activeSheetId).toBe(excel.sheet(DEPARTMENT).id), LATER);
    await within(header()).findByText("Sở Thông tin và Truyền thông", {}, LATER);
    // On its own sheet a finding's cell and fix need no sheet's name.
    expect(screen.getAllByText(/^DV\.4\.1 · ô D\d+$/).length).toBeGreaterThan(0);
    expect(screen.queryByText(/không phải của trang đang mở/)).toBeNull();
  });

  it("say so in English too", async () => {
    const excel = provinceWorkbook();
    const user = await open(excel, "en-US");
    await chooseOwn(user, DEPARTMENT, "This is my sheet");
    excel.emulator.activate(SUMMARY);
    await within(header()).findByText(SUMMARY, {}, LATER);
    await user.click(screen.getByRole("button", { name: "Check before submitting" }));
    await screen.findByText(
      `The results below are for sheet “${DEPARTMENT}”, not for the open sheet (“${SUMMARY}”).`,
      {},
      LATER,
    );
    const cell = valueCell("HS.1.2");
    expect(screen.getAllByText(`HS.1.2 · cell ${DEPARTMENT}!${cell}`).length).toBeGreaterThan(0);
    await user.click(screen.getAllByRole("button", { name: `Change ${DEPARTMENT}!${cell} to 44` })[0]!);
    expect(await screen.findByText(`Fixed ${DEPARTMENT}!${cell}: 44.`, {}, LATER)).toBeTruthy();
  });
});
