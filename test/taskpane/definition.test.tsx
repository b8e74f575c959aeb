/** @jest-environment ./test/helpers/excel-jsdom-environment.js */
import { readFile } from "node:fs/promises";
import { act, configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Catalogue } from "../../src/domain/catalogue";
import { loadCatalogue } from "../../src/domain/catalogue/load";
import { CARRIED_SHEET, definitionHash, readCarried } from "../../src/domain/forms/carried";
import { exportDefinition } from "../../src/domain/forms/definition-export";
import { definitionWorkbook } from "../../src/cli/xlsx/definition";
import { App } from "../../src/taskpane/App";
import { installAppendix } from "../../src/workflows/install";
import { templateSpec } from "../../src/workflows/template-spec";
import { seedWith, templateGrid } from "../helpers/seed";
import { thuFormCatalogue, thuFormXlsx } from "../helpers/thu-form";
import { TestWorkbook } from "../helpers/workbook";

configure({ asyncUtilTimeout: 15_000 });

// The pane's forms from definition files (issue #14 points 1 and 2): "Mẫu từ tệp định nghĩa…" installs a sheet of
// the test form PL-THU-2026 as LibreOffice wrote it, F1 naming it by id and hash and the workbook carrying it on a
// very hidden sheet; a definition with a mistake is listed problem by problem and installs nothing; a sheet whose
// form the workbook does not carry asks for the file, refuses another one and embeds the right one.

const MAIN = "Sở TTTT";
const UNIT = "UBND xã Long Hòa";
/** The seed with its two errors fixed: a sheet of the built-in form ready to submit. */
const READY = seedWith({ "HS.1.2": 44, "DV.4.1": 1936 });

let thuBytes: Buffer;
let thu: Catalogue;
let hash: string;
beforeAll(async () => {
  thuBytes = await readFile(await thuFormXlsx());
  thu = await thuFormCatalogue();
  hash = definitionHash(thu);
}, 120_000);

beforeEach(() => localStorage.clear());

/** A definition workbook of `catalogue` with its first rule's expression replaced, as the export writes it. */
async function definitionFile(catalogue: Catalogue, name: string, rule?: string): Promise<File> {
  const sheets = exportDefinition(catalogue).map((sheet) =>
    sheet.name === "Quy tắc" && rule !== undefined
      ? {
          ...sheet,
          rows: sheet.rows.map((row, index) =>
            index === 0
              ? row.map((cell, column) => (sheet.headers[column] === "biểu thức" ? rule : cell))
              : row,
          ),
        }
      : sheet,
  );
  const bytes = new Uint8Array(await definitionWorkbook(sheets).xlsx.writeBuffer());
  return new File([bytes], name);
}

/** A workbook whose open sheet was made from the test form, without the definition (copied from another). */
function copiedSheetWorkbook(): TestWorkbook {
  return new TestWorkbook([{ name: MAIN, cells: [] }]);
}

async function withCopiedSheet(book: TestWorkbook): Promise<void> {
  const spec = templateSpec(
    { sheetName: UNIT, unit: UNIT, level: "xa", period: "2026-Q1" },
    loadCatalogue(thu),
    hash,
  );
  await book.apply({ steps: [{ kind: "addSheet", spec }] });
  book.active = UNIT;
}

async function open(book: TestWorkbook) {
  const user = userEvent.setup();
  render(<App host={book.host} />);
  await screen.findByRole("banner");
  await act(() => book.excel.settle());
  return user;
}

describe("installing a sheet from a definition file in the pane", () => {
  it("offers the form's levels, writes F1 as ID#hash and embeds the definition very hidden", async () => {
    const book = new TestWorkbook();
    const user = await open(book);
    // A workbook of no appendix opens the install form.
    const form = await screen.findByRole("form", { name: "Cài đặt phụ lục" });
    const choice = within(form).getByRole("combobox", { name: "Mẫu" });
    expect(
      within(choice)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["CCHC-PL-2021", "Mẫu từ tệp định nghĩa…"]);
    await user.selectOptions(choice, "file");
    // Nothing picked yet: the install waits for the file.
    await user.type(within(form).getByRole("textbox", { name: /Tên đơn vị báo cáo/ }), UNIT);
    await user.click(within(form).getByRole("button", { name: "Thêm trang phụ lục" }));
    expect(within(form).getByRole("alert").textContent).toBe("Hãy chọn tệp định nghĩa mẫu.");
    expect(book.sheetNames).toEqual(["Sheet1"]);

    await user.upload(
      within(form).getByLabelText("Chọn tệp định nghĩa…"),
      new File([new Uint8Array(thuBytes)], "pl-thu-2026.xlsx"),
    );
    expect(await within(form).findByText(`Mẫu PL-THU-2026: ${thu.title.vi}`)).toBeTruthy();
    await user.selectOptions(within(form).getByRole("combobox", { name: "Kỳ báo cáo" }), "Q1");
    const year = within(form).getByRole("textbox", { name: "Năm" });
    await user.clear(year);
    await user.type(year, "2026");
    const level = within(form).getByRole("combobox", { name: "Cấp" });
    expect(
      within(level)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(thu.levels.map((known) => ({ so: "Sở, ngành", huyen: "Huyện", xa: "Xã" })[known]));
    await user.selectOptions(level, "xa");
    await user.click(within(form).getByRole("button", { name: "Thêm trang phụ lục" }));
    expect(await screen.findByText(`Đã thêm trang phụ lục “${UNIT}”.`)).toBeTruthy();

    expect(book.sheetNames).toEqual(["Sheet1", CARRIED_SHEET, UNIT]);
    expect(book.cell(UNIT, "F1")?.value).toBe(`PL-THU-2026#${hash}`);
    expect(book.excel.sheet(CARRIED_SHEET).visibility).toBe("VeryHidden");
    expect(readCarried(await book.grid(CARRIED_SHEET)).forms.map((carried) => carried.hash)).toEqual([hash]);
    // The header describes the new sheet with the form the workbook now carries.
    const header = screen.getByRole("banner");
    await waitFor(() => expect(within(header).getByText(`PL-THU-2026#${hash}`)).toBeTruthy());
    expect(within(header).getAllByText(UNIT)).toHaveLength(2);
    expect(within(header).queryByText(/định nghĩa/)).toBeNull();
  });

  it("lists a definition's problems by sheet, row and column, and installs nothing", async () => {
    const book = new TestWorkbook();
    const user = await open(book);
    // A workbook of no appendix opens the install form.
    const form = await screen.findByRole("form", { name: "Cài đặt phụ lục" });
    await user.selectOptions(within(form).getByRole("combobox", { name: "Mẫu" }), "file");
    const broken = await definitionFile(
      { ...thu, templateVersion: "PL-SAI-2026" },
      "sai.xlsx",
      "HS.1 = XYZ.9",
    );
    await user.upload(within(form).getByLabelText("Chọn tệp định nghĩa…"), broken);
    const bar = await within(form).findByText(/^Tệp “sai.xlsx” có 1 lỗi/);
    expect(bar.textContent).toBe("Tệp “sai.xlsx” có 1 lỗi, chưa dùng được cho đến khi sửa hết:");
    const items = within(form)
      .getAllByRole("listitem")
      .map((item) => item.textContent);
    expect(items).toEqual([
      'Trang "Quy tắc", dòng 2, cột "biểu thức" (C): mã XYZ.9 không có trong trang "Chỉ tiêu".',
    ]);
    await user.type(within(form).getByRole("textbox", { name: /Tên đơn vị báo cáo/ }), UNIT);
    await user.click(within(form).getByRole("button", { name: "Thêm trang phụ lục" }));
    expect(within(form).getByRole("alert").textContent).toBe("Hãy chọn tệp định nghĩa mẫu.");
    expect(book.sheetNames).toEqual(["Sheet1"]);
  });
});

describe("installing from a definition file, in English", () => {
  it("names the choice, the form read and the sheet added in English", async () => {
    localStorage.setItem("cchc-appendix.lang", "en");
    const book = new TestWorkbook();
    const user = await open(book);
    const form = await screen.findByRole("form", { name: "Install the appendix" });
    const choice = within(form).getByRole("combobox", { name: "Form" });
    expect(
      within(choice)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["CCHC-PL-2021", "Form from a definition file…"]);
    await user.selectOptions(choice, "file");
    await user.upload(
      within(form).getByLabelText("Choose the definition file…"),
      new File([new Uint8Array(thuBytes)], "pl-thu-2026.xlsx"),
    );
    expect(
      await within(form).findByText("Form PL-THU-2026: TEST APPENDIX OF ADMINISTRATIVE REFORM STATISTICS"),
    ).toBeTruthy();
    await user.type(within(form).getByRole("textbox", { name: /Reporting unit name/ }), UNIT);
    await user.selectOptions(within(form).getByRole("combobox", { name: "Period" }), "Q1");
    const year = within(form).getByRole("textbox", { name: "Year" });
    await user.clear(year);
    await user.type(year, "2026");
    await user.click(within(form).getByRole("button", { name: "Add appendix sheet" }));
    expect(await screen.findByText(`Added the appendix sheet “${UNIT}”.`)).toBeTruthy();
    expect(book.cell(UNIT, "F1")?.value).toBe(`PL-THU-2026#${hash}`);
    expect(book.excel.sheet(CARRIED_SHEET).visibility).toBe("VeryHidden");
  });
});

describe("a sheet whose form's definition the workbook does not carry", () => {
  it("says so, refuses a file of another form, then embeds the right one and checks the sheet", async () => {
    const book = copiedSheetWorkbook();
    await withCopiedSheet(book);
    const user = await open(book);
    const header = screen.getByRole("banner");
    expect(
      await within(header).findByText(
        "Trang tính này theo mẫu PL-THU-2026, nhưng sổ làm việc không mang định nghĩa của mẫu này nên chưa kiểm tra được.",
      ),
    ).toBeTruthy();
    const section = await screen.findByRole("region", { name: "Thiếu định nghĩa mẫu" });
    expect(
      within(section).getByText(
        `Trang tính '${UNIT}' theo mẫu "PL-THU-2026" mà công cụ chưa có định nghĩa (hoặc đã có bản khác): chọn tệp định nghĩa của mẫu này để kiểm tra.`,
      ),
    ).toBeTruthy();

    // Another version of the form: same id, other content, so another hash.
    const changed: Catalogue = { ...thu, title: { ...thu.title, vi: `${thu.title.vi} (sửa)` } };
    const otherHash = definitionHash(changed);
    await user.upload(
      within(section).getByLabelText("Chọn tệp định nghĩa…"),
      await definitionFile(changed, "ban-khac.xlsx"),
    );
    expect(
      await within(section).findByText(
        `Tệp “ban-khac.xlsx” định nghĩa mẫu PL-THU-2026#${otherHash}, không phải mẫu PL-THU-2026#${hash} mà trang tính này được tạo từ đó: hãy chọn đúng tệp định nghĩa đã dùng để tạo trang.`,
      ),
    ).toBeTruthy();
    expect(book.sheetNames).toEqual([MAIN, UNIT]);

    await user.upload(
      within(section).getByLabelText("Chọn tệp định nghĩa…"),
      new File([new Uint8Array(thuBytes)], "pl-thu-2026.xlsx"),
    );
    expect(
      await screen.findByText(
        `Đã lưu định nghĩa mẫu PL-THU-2026 vào sổ làm việc và kiểm tra trang “${UNIT}”.`,
      ),
    ).toBeTruthy();
    expect(book.sheetNames).toEqual([MAIN, UNIT, CARRIED_SHEET]);
    expect(book.excel.sheet(CARRIED_SHEET).visibility).toBe("VeryHidden");
    // The sheet is checked against its form: a verdict, no question left.
    expect(await screen.findByTestId("verdict")).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("region", { name: "Thiếu định nghĩa mẫu" })).toBeNull());
    expect(within(header).getByText(`PL-THU-2026#${hash}`)).toBeTruthy();
  });

  it("asks in English too, and refuses another form's file in English", async () => {
    localStorage.setItem("cchc-appendix.lang", "en");
    const book = copiedSheetWorkbook();
    await withCopiedSheet(book);
    const user = await open(book);
    const header = screen.getByRole("banner");
    expect(
      await within(header).findByText(
        "This sheet follows the form PL-THU-2026, but the workbook does not carry that form's definition, so it cannot be checked yet.",
      ),
    ).toBeTruthy();
    const section = await screen.findByRole("region", { name: "Form definition missing" });
    expect(
      within(section).getByText(
        `Sheet '${UNIT}' follows the form "PL-THU-2026", whose definition this tool does not have (or has in another version): give this form's definition file to check it.`,
      ),
    ).toBeTruthy();
    const other: Catalogue = { ...thu, templateVersion: "PL-KHAC-2026" };
    await user.upload(
      within(section).getByLabelText("Choose the definition file…"),
      await definitionFile(other, "khac.xlsx"),
    );
    expect(
      await within(section).findByText(
        `The file “khac.xlsx” defines the form PL-KHAC-2026#${definitionHash(other)}, not the form PL-THU-2026#${hash} this sheet was made from: choose the definition file the sheet was made from.`,
      ),
    ).toBeTruthy();
    const broken = await definitionFile(thu, "sai.xlsx", "HS.1 = XYZ.9");
    await user.upload(within(section).getByLabelText("Choose the definition file…"), broken);
    expect(
      await within(section).findByText(
        "The file “sai.xlsx” has 1 problem; it is not used until all are fixed:",
      ),
    ).toBeTruthy();
    expect(within(section).getByRole("listitem").textContent).toBe(
      'Sheet "Quy tắc", row 2, column "biểu thức" (C): the code XYZ.9 is not on the "Chỉ tiêu" sheet.',
    );
    expect(book.sheetNames).toEqual([MAIN, UNIT]);
  });
});

describe("checking and fixing a sheet of a carried form", () => {
  it("checks it against the carried definition, and its fix checks it again with that form", async () => {
    const book = new TestWorkbook();
    await book.run((port) =>
      installAppendix(port, { unit: UNIT, level: "xa", period: "2026-Q1", definition: thu }),
    );
    // HS.1 is not HS.1.1 + HS.1.2: the balance CD.HS1, whose fix writes their sum.
    book.excel.type(UNIT, "D25", 50);
    book.excel.type(UNIT, "D26", 20);
    book.excel.type(UNIT, "D27", 20);
    const user = await open(book);
    await user.click(screen.getByRole("button", { name: "Kiểm tra trước khi nộp" }));
    await waitFor(() => expect(screen.getByTestId("verdict").textContent).toContain("1 lỗi, 0 cảnh báo"));
    await user.click(screen.getByRole("button", { name: "Sửa thành 40" }));
    await waitFor(() => expect(screen.getByTestId("verdict").textContent).toContain("Sẵn sàng nộp"));
    expect(book.cell(UNIT, "D25")?.value).toBe(40);
    expect(screen.queryByRole("region", { name: "Thiếu định nghĩa mẫu" })).toBeNull();
    expect(within(screen.getByRole("banner")).getByText(`PL-THU-2026#${hash}`)).toBeTruthy();
  });
});

/** A workbook of an appendix of the built-in form, ready, open, beside a copied sheet of the test form. */
async function readyBesideCopied(): Promise<TestWorkbook> {
  const book = new TestWorkbook([templateGrid(READY, { name: MAIN })]);
  await withCopiedSheet(book);
  book.active = MAIN;
  return book;
}

describe("checking a workbook in which another sheet's form definition is missing", () => {
  it("says which sheet Kiểm tra tất cả could not check and why, opens it for its definition, then checks it", async () => {
    const book = await readyBesideCopied();
    const user = await open(book);
    await user.click(screen.getByRole("button", { name: "Kiểm tra tất cả" }));
    expect(
      await screen.findByText(
        "Đã kiểm tra 1 trang phụ lục; 1 trang chưa kiểm tra được (xem bên dưới). Không đánh dấu, không ghi dấu kiểm tra lên trang nào.",
      ),
    ).toBeTruthy();
    // The sheet checked is ready, but the workbook is not said to be: the other sheet is listed as not checked.
    const unchecked = screen.getByRole("region", { name: "1 trang phụ lục chưa được kiểm tra" });
    expect(
      within(unchecked).getByText(
        "Kết quả kiểm tra không gồm các trang này, nên chưa thể coi sổ làm việc là sẵn sàng nộp.",
      ),
    ).toBeTruthy();
    expect(
      within(unchecked).getByText(
        `Trang tính '${UNIT}' theo mẫu "PL-THU-2026" mà công cụ chưa có định nghĩa (hoặc đã có bản khác): chọn tệp định nghĩa của mẫu này để kiểm tra.`,
      ),
    ).toBeTruthy();
    const list = screen.getByRole("navigation", { name: "Các trang phụ lục (2)" });
    expect(
      within(list)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual([`${MAIN}sẵn sàng`, `${UNIT}chưa kiểm tra`]);
    expect(screen.getByTestId("verdict").textContent).toContain("Sẵn sàng nộp");

    // Its button opens the sheet, where the pane asks for the definition file as for any open sheet lacking it.
    await user.click(
      within(unchecked).getByRole("button", { name: `Mở trang “${UNIT}” để chọn tệp định nghĩa` }),
    );
    const section = await screen.findByRole("region", { name: "Thiếu định nghĩa mẫu" });
    expect(book.active).toBe(UNIT);
    await user.upload(
      within(section).getByLabelText("Chọn tệp định nghĩa…"),
      new File([new Uint8Array(thuBytes)], "pl-thu-2026.xlsx"),
    );
    expect(
      await screen.findByText(
        `Đã lưu định nghĩa mẫu PL-THU-2026 vào sổ làm việc và kiểm tra trang “${UNIT}”.`,
      ),
    ).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("region", { name: /chưa được kiểm tra/ })).toBeNull());
    expect(
      within(screen.getByRole("navigation", { name: "Các trang phụ lục (2)" }))
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).not.toContain(`${UNIT}chưa kiểm tra`);
  });

  it("says it in English too", async () => {
    localStorage.setItem("cchc-appendix.lang", "en");
    const book = await readyBesideCopied();
    const user = await open(book);
    await user.click(screen.getByRole("button", { name: "Check all sheets" }));
    expect(
      await screen.findByText(
        "Checked 1 appendix sheet; 1 sheet could not be checked (see below). Marked and stamped none of them.",
      ),
    ).toBeTruthy();
    const unchecked = screen.getByRole("region", { name: "1 appendix sheet was not checked" });
    expect(
      within(unchecked).getByText(
        "The check leaves these sheets out, so the workbook cannot be taken as ready to submit.",
      ),
    ).toBeTruthy();
    expect(
      within(unchecked).getByText(
        `Sheet '${UNIT}' follows the form "PL-THU-2026", whose definition this tool does not have (or has in another version): give this form's definition file to check it.`,
      ),
    ).toBeTruthy();
    expect(
      within(unchecked).getByRole("button", { name: `Open “${UNIT}” to choose its definition file` }),
    ).toBeTruthy();
    expect(
      within(screen.getByRole("navigation", { name: "Appendix sheets (2)" }))
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual([`${MAIN}ready`, `${UNIT}not checked`]);
  });

  it("does not call a workbook of no appendix one whose only appendix sheet lacks its definition", async () => {
    const book = copiedSheetWorkbook();
    await withCopiedSheet(book);
    const user = await open(book);
    await user.click(screen.getByRole("button", { name: "Kiểm tra trước khi nộp" }));
    expect(await screen.findByRole("region", { name: "1 trang phụ lục chưa được kiểm tra" })).toBeTruthy();
    expect(screen.queryByText(/Không tìm thấy trang phụ lục nào/)).toBeNull();
    expect(screen.queryByTestId("verdict")).toBeNull();
  });
});
