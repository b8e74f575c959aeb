/** @jest-environment ./test/helpers/excel-environment.js */
import type { Catalogue } from "../../src/domain/catalogue";
import { BUILT_IN_FORMS, catalogue } from "../../src/domain/catalogue";
import { loadCatalogue } from "../../src/domain/catalogue/load";
import { cellInput } from "../../src/domain/cell";
import { carriedRows, CARRIED_SHEET, definitionHash, readCarried } from "../../src/domain/forms/carried";
import { COLUMNS } from "../../src/domain/layout";
import type { SheetGrid } from "../../src/domain/cell";
import { sheetLayout } from "../../src/domain/layout";
import {
  ConsolidationError,
  defaultRole,
  previousPeriodOf,
  SUMMARY_MARKER,
  unitKey,
} from "../../src/workflows/consolidate";
import { withGivenDefinition } from "../../src/workflows/carried-spec";
import {
  consolidateWorkbook,
  resolveRoles,
  summarySheetNames,
} from "../../src/workflows/consolidate-workbook";
import type {
  ConsolidateWorkbookOptions,
  ConsolidateProgress,
} from "../../src/workflows/consolidate-workbook";
import { SUMMARY_SHEETS } from "../../src/workflows/summary-spec";
import type { GridOptions, TypedValue } from "../helpers/seed";
import { SEED_VALUES, templateGrid } from "../helpers/seed";
import { SO_TU_PHAP, SO_Y_TE } from "../helpers/departments";
import type { SeedGrid } from "../helpers/workbook";
import { TestWorkbook } from "../helpers/workbook";
import { thuFormCatalogue } from "../helpers/thu-form";

// The pane's "Tổng hợp" over the emulated Excel, through the adapter: what it reads, what it writes, and in how many
// round trips.

const layout = sheetLayout(catalogue);
const valueAt = (code: string) => `D${layout.rowOf.get(code)}`;
const noteAt = (code: string) => `E${layout.rowOf.get(code)}`;

const SO_TTTT = { "1.1.1": 1, "7.8.1": 762 };

function sheet(
  values: Readonly<Record<string, TypedValue>>,
  options: GridOptions & { name: string },
): SheetGrid {
  return templateGrid(values, { period: "Quý III/2021", ...options });
}

/** consolidateWorkbook as the pane runs it: one Excel.run through the adapter. */
function consolidate(book: TestWorkbook, options?: ConsolidateWorkbookOptions) {
  return book.run((port) => consolidateWorkbook(port, options));
}

/** The sheets of the shared workbook, in order. */
const SHARED_SHEETS = ["Sở Tư pháp", "Sở Y tế", "Sở TTTT", "Ghi chú"];

/** A shared workbook: three departments' sheets and a sheet of notes that holds no appendix. */
function sharedWorkbook(): TestWorkbook {
  return new TestWorkbook([
    sheet(SO_TU_PHAP, { name: "Sở Tư pháp", unit: "Sở Tư pháp" }),
    sheet(SO_Y_TE, { name: "Sở Y tế", unit: "Sở Y tế" }),
    sheet(SO_TTTT, { name: "Sở TTTT", unit: "Sở Thông tin và Truyền thông" }),
    { name: "Ghi chú", cells: [[{ value: "Hạn nộp: ngày 20" }]] },
  ]);
}

/** A `_cchc_mau` sheet holding these forms' blocks, very hidden as an install leaves it. */
function carriedOf(forms: readonly Catalogue[]): SeedGrid {
  return {
    name: CARRIED_SHEET,
    cells: carriedRows(forms).map((row) => row.map((text) => cellInput(text))),
    visibility: "veryHidden",
  };
}

/** A commune's sheet made from a definition form, F1 naming it by id and hash as every sheet made from it does. */
function communeOf(form: Catalogue, name: string, figures: Readonly<Record<string, TypedValue>>): SheetGrid {
  const key = `${form.templateVersion}#${definitionHash(form)}`;
  const grid = templateGrid(figures, {
    catalogue: loadCatalogue(form),
    name,
    unit: `UBND ${name}`,
    level: "xa",
    period: "Quý I/2026",
  });
  const cells = grid.cells.map((row, at) =>
    at === 0 ? row.map((cell, column) => (column === COLUMNS.key ? cellInput(key) : cell)) : row,
  );
  return { ...grid, cells };
}

describe("consolidateWorkbook", () => {
  it("sums the open workbook's sheets and writes the summary beside them in 3 round trips", async () => {
    const book = sharedWorkbook();
    const before = await Promise.all(SHARED_SHEETS.map((name) => book.grid(name)));
    const phases: ConsolidateProgress["phase"][] = [];
    const { consolidation, sheets, roles } = await consolidate(book, {
      onProgress: (progress) => phases.push(progress.phase),
    });

    expect(book.calls).toEqual({ listSheets: 1, readSheets: 1, apply: 1 });
    expect(phases).toEqual(["reading", "consolidating", "writing"]);
    expect(sheets).toEqual(SUMMARY_SHEETS);
    expect(book.sheetNames).toEqual([...SHARED_SHEETS, ...Object.values(SUMMARY_SHEETS)]);
    // The units' sheets are read, never written.
    expect(await Promise.all(before.map((grid) => book.grid(grid.name)))).toEqual(before);
    expect(consolidation.units.map((unit) => unit.unit)).toEqual([
      "Sở Tư pháp",
      "Sở Y tế",
      "Sở Thông tin và Truyền thông",
    ]);
    const form = SUMMARY_SHEETS.form;
    expect(book.cell(form, valueAt("HS.2"))?.value).toBe(110);
    expect(book.cell(form, valueAt("HS.2.1"))?.value).toBe(95);
    expect(book.cell(form, valueAt("3.4.1"))?.value).toBeCloseTo(95 / 110, 12);
    expect(book.cell(form, valueAt("3.4.1"))?.formula).toBeUndefined();
    expect(book.cell(form, valueAt("HS.3"))?.value ?? null).toBeNull();
    // 7.8.1 is the Department of Information and Communications' alone: its role was guessed from its name.
    expect(book.cell(form, valueAt("7.8.1"))?.value).toBe(762);
    expect(String(book.cell(form, noteAt("7.8.1"))?.value)).toContain(
      "Theo số liệu của Sở Thông tin và Truyền thông.",
    );
    expect(roles).toEqual([
      { unit: "Sở Tư pháp", key: unitKey("Sở Tư pháp"), guessed: true },
      { unit: "Sở Y tế", key: unitKey("Sở Y tế"), guessed: true },
      {
        unit: "Sở Thông tin và Truyền thông",
        key: unitKey("Sở Thông tin và Truyền thông"),
        role: "stttt",
        guessed: true,
      },
    ]);
    for (const name of Object.values(SUMMARY_SHEETS))
      expect(book.cell(name, "F1")?.value).toBe(SUMMARY_MARKER);
    expect(book.selections).toEqual([{ sheet: form, address: "A1" }]);
  });

  it("never reads or sums its earlier summary again, and names the new one beside it", async () => {
    const book = sharedWorkbook();
    await consolidate(book);
    const { sheets } = await consolidate(book);
    expect(sheets.form).toBe("Tổng hợp (2)");
    expect(sheets.figures).toBe("Số liệu đơn vị (2)");
    expect(book.reads[1]).toEqual(SHARED_SHEETS);
    expect(book.cell("Tổng hợp (2)", valueAt("HS.2"))?.value).toBe(110);
    expect(book.sheetNames).toHaveLength(4 + 2 * 7);
  });

  it("rewrites its earlier summary in place when the user asks, still in 3 round trips", async () => {
    const book = sharedWorkbook();
    await consolidate(book);
    book.type("Sở Y tế", valueAt("HS.2"), 12);
    book.type("Sở Y tế", valueAt("HS.2.1"), 7);
    book.resetCalls();
    const { sheets } = await consolidate(book, { replaceSummary: true });

    expect(book.calls).toEqual({ listSheets: 1, readSheets: 1, apply: 1 });
    expect(sheets).toEqual(SUMMARY_SHEETS);
    expect(book.sheetNames).toEqual([...SHARED_SHEETS, ...Object.values(SUMMARY_SHEETS)]);
    expect(book.cell(SUMMARY_SHEETS.form, valueAt("HS.2"))?.value).toBe(112);
    expect(book.cell(SUMMARY_SHEETS.form, valueAt("HS.2.1"))?.value).toBe(97);
  });

  it("never overwrites a sheet of the user's that bears a summary sheet's name, even when asked to replace", async () => {
    const book = new TestWorkbook([
      sheet(SO_TU_PHAP, { name: "Sở Tư pháp", unit: "Sở Tư pháp" }),
      sheet(SO_Y_TE, { name: "Sở Y tế", unit: "Sở Y tế" }),
      { name: "Thiếu", cells: [[{ value: "Danh sách của tôi" }]] },
    ]);
    const { sheets } = await consolidate(book, { replaceSummary: true });
    expect(sheets.form).toBe(SUMMARY_SHEETS.form);
    expect(sheets.missing).toBe("Thiếu (2)");
    expect(book.cell("Thiếu", "A1")?.value).toBe("Danh sách của tôi");

    // Over the summary it wrote, where one sheet of a standard name is the user's, it adds a new summary beside both.
    const { sheets: again } = await consolidate(book, { replaceSummary: true });
    expect(again.form).toBe("Tổng hợp (2)");
    expect(book.cell("Thiếu", "A1")?.value).toBe("Danh sách của tôi");
    expect(book.cell(SUMMARY_SHEETS.form, valueAt("HS.2"))?.value).toBe(110);
  });

  it("adds the picked files' units with their file names, and lists a file it could not read", async () => {
    const book = new TestWorkbook([sheet(SO_TU_PHAP, { name: "Sở Tư pháp", unit: "Sở Tư pháp" })]);
    const unreadable = { vi: "Tệp không phải bảng tính Excel (.xlsx).", en: "Not an .xlsx." };
    const { consolidation } = await consolidate(book, {
      files: [
        { file: "so-y-te.xlsx", grids: [sheet(SO_Y_TE, { name: "Phụ lục", unit: "Sở Y tế" })] },
        { file: "ghi-chu.xlsx", error: unreadable },
        { file: "trong.xlsx", grids: [{ name: "Sheet1", cells: [] }] },
      ],
      expected: ["Sở Tư pháp", "Sở Y tế", "Sở Công Thương"],
    });
    expect(book.calls).toEqual({ listSheets: 1, readSheets: 1, apply: 1 });
    expect(consolidation.units.map((unit) => [unit.unit, unit.file, unit.sheet])).toEqual([
      ["Sở Tư pháp", undefined, "Sở Tư pháp"],
      ["Sở Y tế", "so-y-te.xlsx", "Phụ lục"],
    ]);
    expect(book.cell(SUMMARY_SHEETS.form, valueAt("HS.2"))?.value).toBe(110);
    expect(consolidation.missingUnits).toEqual(["Sở Công Thương"]);
    expect(consolidation.excluded.map((entry) => [entry.file, entry.reason.vi])).toEqual([
      ["ghi-chu.xlsx", unreadable.vi],
      ["trong.xlsx", "Tệp không có trang tính nào chứa phụ lục thống kê CCHC (đã xem: Sheet1)."],
    ]);
    expect(book.cell(SUMMARY_SHEETS.missing, "A3")?.value).toBe("Sở Công Thương");
    expect(book.cell(SUMMARY_SHEETS.missing, "A4")?.value).toBe("ghi-chu.xlsx");
  });

  it("reads the forms the open workbook and each picked file carry, each file by its own", async () => {
    const typed = await thuFormCatalogue();
    const carried = carriedOf([typed]);
    const commune = (name: string, figures: Readonly<Record<string, TypedValue>>) =>
      communeOf(typed, name, figures);
    const book = new TestWorkbook([commune("Xã A", { "HS.1": 100, "HS.1.1": 60, "HS.1.2": 40 }), carried]);
    const { consolidation } = await consolidate(book, {
      files: [
        { file: "xa-b.xlsx", grids: [commune("Xã B", { "HS.1": 30, "HS.1.1": 10, "HS.1.2": 20 }), carried] },
        // The same sheet without its definition: left out, never read by another file's.
        { file: "xa-c.xlsx", grids: [commune("Xã C", { "HS.1": 5, "HS.1.1": 5, "HS.1.2": 0 })] },
      ],
    });
    expect(book.calls).toEqual({ listSheets: 1, readSheets: 1, apply: 1 });
    expect(consolidation.units.map((unit) => [unit.unit, unit.file ?? null])).toEqual([
      ["UBND Xã A", null],
      ["UBND Xã B", "xa-b.xlsx"],
    ]);
    expect(consolidation.totals.find((row) => row.code === "HS.1")?.amount).toBe(130);
    expect(consolidation.excluded.map((entry) => [entry.file, entry.sheet, entry.reason.vi])).toEqual([
      [
        "xa-c.xlsx",
        "Xã C",
        `Trang tính 'Xã C' theo mẫu "PL-THU-2026" mà công cụ chưa có định nghĩa (hoặc đã có bản khác): chọn tệp định nghĩa của mẫu này để kiểm tra.`,
      ],
    ]);
  }, 120_000);

  it("consolidates extra grids as the open workbook's own, and takes a workbook with only extra grids", async () => {
    const book = new TestWorkbook();
    const { consolidation } = await consolidate(book, {
      extraGrids: [sheet(SO_Y_TE, { name: "Sở Y tế", unit: "Sở Y tế" })],
    });
    // Nothing to read in a new workbook, whose one sheet is empty: the listing and the write.
    expect(book.calls).toEqual({ listSheets: 1, readSheets: 0, apply: 1 });
    expect(consolidation.units.map((unit) => unit.unit)).toEqual(["Sở Y tế"]);
  });

  it("follows the roles the user chose over those guessed from the names", async () => {
    const book = sharedWorkbook();
    const { roles } = await consolidate(book, {
      roles: new Map([
        [unitKey("Sở Thông tin và Truyền thông"), null],
        [unitKey("Sở Y tế"), "stttt"],
      ]),
    });
    expect(roles.map((entry) => [entry.unit, entry.role, entry.guessed])).toEqual([
      ["Sở Tư pháp", undefined, true],
      ["Sở Y tế", "stttt", false],
      ["Sở Thông tin và Truyền thông", undefined, false],
    ]);
    // 7.8.1 now comes from the office the user named, which left it blank.
    expect(book.cell(SUMMARY_SHEETS.form, valueAt("7.8.1"))?.value ?? null).toBeNull();
  });

  it("marks a total that includes a unit with errors, and writes that unit's correction request", async () => {
    const book = new TestWorkbook([
      sheet(SO_TU_PHAP, { name: "Sở Tư pháp", unit: "Sở Tư pháp" }),
      sheet(SEED_VALUES, { name: "Sở TTTT", unit: "Sở TTTT (bản lỗi)" }),
    ]);
    const { consolidation } = await consolidate(book);
    const form = book.specOf(SUMMARY_SHEETS.form)!;
    const hs2 = form.cells.find((cell) => cell.address === valueAt("HS.2"))!;
    expect(hs2.value).toBe(100 + 44);
    expect(hs2.style?.fill).toBe("#FFC7CE");
    expect(hs2.note).toContain("Sở TTTT (bản lỗi)");
    const at = consolidation.requests.findIndex((request) => request.unit === "Sở TTTT (bản lỗi)");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(String(book.cell(SUMMARY_SHEETS.requests, `E${at + 3}`)?.value)).toMatch(
      /^Kính gửi: Sở TTTT \(bản lỗi\)[\s\S]*A\. Lỗi phải sửa \(2\):/,
    );
  });

  it("sums a hidden sheet with a warning and keeps a very hidden one out, each named in the summary", async () => {
    const book = new TestWorkbook([
      sheet(SO_TU_PHAP, { name: "Sở Tư pháp", unit: "Sở Tư pháp" }),
      { ...sheet(SO_Y_TE, { name: "Sở Y tế", unit: "Sở Y tế" }), visibility: "hidden" },
      {
        ...sheet(SO_TTTT, { name: "Sở TTTT", unit: "Sở Thông tin và Truyền thông" }),
        visibility: "veryHidden",
      },
    ]);
    const { consolidation } = await consolidate(book);
    expect(book.cell(SUMMARY_SHEETS.form, valueAt("HS.2"))?.value).toBe(110);
    expect(book.cell(SUMMARY_SHEETS.form, valueAt("7.8.1"))?.value ?? null).toBeNull();
    expect(consolidation.units.map((unit) => unit.unit)).toEqual(["Sở Tư pháp", "Sở Y tế"]);
    const hidden = consolidation.issues.filter((issue) => issue.kind === "hidden_sheet");
    expect(hidden.map((issue) => issue.message.vi)).toEqual([
      "Phụ lục của \"Sở Y tế\" nằm trên trang tính 'Sở Y tế' đang bị ẩn: số liệu vẫn được cộng. Hiện trang tính (Unhide) để kiểm tra.",
    ]);
    expect(consolidation.excluded.map((entry) => entry.sheet)).toEqual(["Sở TTTT"]);
    // Both lines are in the summary workbook, where its reader looks.
    const cellsOf = async (name: string) =>
      (await book.grid(name)).cells.flatMap((line) => line.map((cell) => String(cell?.value ?? "")));
    expect(await cellsOf(SUMMARY_SHEETS.issues)).toContain(hidden[0]!.message.vi);
    expect(await cellsOf(SUMMARY_SHEETS.missing)).toContain(consolidation.excluded[0]!.reason.vi);
  });

  it("says of an appendix of another period what can be done in the pane, and in the summary only what its reader can", async () => {
    const book = new TestWorkbook([
      sheet(SO_TU_PHAP, { name: "Sở Tư pháp", unit: "Sở Tư pháp" }),
      sheet(SO_TTTT, { name: "Sở TTTT", unit: "Sở Thông tin và Truyền thông" }),
      sheet(SO_Y_TE, { name: "Sở Y tế", unit: "Sở Y tế", period: "Quý II/2021" }),
    ]);
    const { consolidation } = await consolidate(book);
    const [excluded] = consolidation.excluded;
    expect(excluded?.sheet).toBe("Sở Y tế");
    expect(excluded?.reason.vi).toMatch(/sửa kỳ ghi trong phụ lục đó rồi bấm “Tổng hợp lại”\.$/);
    expect(excluded?.reason.en).toMatch(/correct it in the appendix and press “Consolidate again”\.$/);
    const missing = (await book.grid(SUMMARY_SHEETS.missing)).cells.flatMap((line) =>
      line.map((cell) => String(cell?.value ?? "")),
    );
    const line = missing.find((text) => text.startsWith('Phụ lục của "Sở Y tế"'));
    expect(line).toMatch(/Đề nghị đơn vị gửi phụ lục đúng kỳ\.$/);
    expect(missing.join("\n")).not.toMatch(/--allow-other-periods|Tổng hợp lại|Consolidate again/);
  });

  it("writes nothing when there is no appendix to consolidate, and says so in both languages", async () => {
    const book = new TestWorkbook([{ name: "Ghi chú", cells: [[{ value: "Hạn nộp: ngày 20" }]] }]);
    const failure = consolidate(book);
    await expect(failure).rejects.toBeInstanceOf(ConsolidationError);
    await expect(failure).rejects.toMatchObject({
      bilingual: { vi: "Không có phụ lục nào để tổng hợp.", en: "There is no appendix to consolidate." },
    });
    expect(book.calls.apply).toBe(0);
    expect(book.sheetNames).toEqual(["Ghi chú"]);
  });

  it("keeps text that begins with = + - @ as text: no summary cell holds a formula", async () => {
    const names = ['=HYPERLINK("http://example.com","x")', "+84 Sở", "-Sở Tài chính", "@SUM(A1)"];
    const book = new TestWorkbook(
      names.map((unit, index) =>
        sheet({ ...SO_Y_TE, "1.1.1": index }, { name: `Đơn vị ${index + 1}`, unit }),
      ),
    );
    await consolidate(book);
    for (const name of Object.values(SUMMARY_SHEETS)) {
      expect(book.specOf(name)!.cells.filter((cell) => cell.formula !== undefined)).toEqual([]);
    }
    names.forEach((unit, index) =>
      expect(book.cell(SUMMARY_SHEETS.units, `A${index + 3}`)?.value).toBe(unit),
    );
  });
});

describe("the default roles, from the units' names", () => {
  it.each([
    ["Văn phòng UBND tỉnh", "vpubnd"],
    ["Văn phòng Ủy ban nhân dân tỉnh Trà Vinh", "vpubnd"],
    ["Văn phòng Uỷ ban nhân dân tỉnh", "vpubnd"],
    ["VP UBND tỉnh", "vpubnd"],
    ["Sở Nội vụ", "snv"],
    ["SỞ NỘI VỤ TỈNH TRÀ VINH", "snv"],
    ["So Noi vu", "snv"],
    ["Sở Thông tin và Truyền thông", "stttt"],
    ["Sở TT&TT", "stttt"],
    ["Sở TT & TT", "stttt"],
    ["Sở TTTT", "stttt"],
    ["UBND huyện Càng Long", undefined],
    ["Văn phòng HĐND tỉnh", undefined],
    ["Sở Tư pháp", undefined],
    ["Sở Thông tin", undefined],
    ["Sở\u00a0Nội\u200b vụ", "snv"],
  ])("%s → %s", (name, role) => {
    expect(defaultRole(name)).toBe(role);
  });

  it("gives no province-wide role to a district's or a commune's office", () => {
    expect(defaultRole("Văn phòng UBND tỉnh", "so")).toBe("vpubnd");
    expect(defaultRole("Văn phòng UBND huyện Càng Long", "huyen")).toBeUndefined();
    expect(defaultRole("Văn phòng UBND xã Long Đức", "xa")).toBeUndefined();
  });

  it("lists each unit once, in the order found, with the user's choice or the default", () => {
    const units = ["Sở Nội vụ", "sở  nội vụ", "Sở Y tế"].map((unit) => ({ unit }));
    expect(resolveRoles(units, new Map([[unitKey("Sở Y tế"), "snv"]]))).toEqual([
      { unit: "Sở Nội vụ", key: unitKey("Sở Nội vụ"), role: "snv", guessed: true },
      { unit: "Sở Y tế", key: unitKey("Sở Y tế"), role: "snv", guessed: false },
    ]);
  });
});

describe("the summary of a definition form", () => {
  let typed: Catalogue;
  let key: string;
  beforeAll(async () => {
    typed = await thuFormCatalogue();
    key = `${typed.templateVersion}#${definitionHash(typed)}`;
  }, 120_000);

  const commune = (name: string, figures: Readonly<Record<string, TypedValue>>) =>
    communeOf(typed, name, figures);

  /** Every sheet of the workbook, hidden ones included, as a later period's pane or CLI reads the file. */
  const everySheet = (book: TestWorkbook) => Promise.all(book.sheetNames.map((name) => book.grid(name)));

  it("makes the workbook carry the definition, in the same requests, so the summary is a previous period without it", async () => {
    // The definition came from a file the user picked in the pane; the open workbook does not carry it.
    const book = new TestWorkbook([commune("Xã A", { "HS.1": 100, "HS.1.1": 60, "HS.1.2": 40 })]);
    const requests = book.requests;
    await consolidate(book, {
      forms: withGivenDefinition(BUILT_IN_FORMS, typed),
      files: [{ file: "xa-b.xlsx", grids: [commune("Xã B", { "HS.1": 30, "HS.1.1": 10, "HS.1.2": 20 })] }],
    });
    expect(book.calls).toEqual({ listSheets: 1, readSheets: 1, apply: 1 });
    // The listing, the read, the one apply and the release, as for a built-in form's summary.
    expect(book.requests - requests).toBe(4);
    expect(book.cell(SUMMARY_SHEETS.form, "F2")?.value).toBe(key);
    expect(book.excel.sheet(CARRIED_SHEET).visibility).toBe("VeryHidden");
    expect(readCarried(await book.grid(CARRIED_SHEET))).toEqual({
      forms: [{ catalogue: typed, hash: definitionHash(typed) }],
      problems: [],
    });
    // Read back with the built-in forms alone: the definition the workbook carries names the summary's form.
    const previous = await previousPeriodOf(await everySheet(book), "tong-hop-q1.xlsx");
    expect(previous.period).toBe("2026-Q1");
    expect(previous.province.get("HS.1")).toBe(130);
  }, 120_000);

  it("leaves a _cchc_mau that carries the definition already as it stands", async () => {
    const book = new TestWorkbook([
      commune("Xã A", { "HS.1": 100, "HS.1.1": 60, "HS.1.2": 40 }),
      carriedOf([typed]),
    ]);
    const before = await book.grid(CARRIED_SHEET);
    await consolidate(book);
    expect(book.calls).toEqual({ listSheets: 1, readSheets: 1, apply: 1 });
    expect(book.specOf(CARRIED_SHEET)).toBeUndefined();
    expect(await book.grid(CARRIED_SHEET)).toEqual(before);
  }, 120_000);

  it("adds the form's block beside another form's, losing neither", async () => {
    const other: Catalogue = { ...typed, templateVersion: "PL-KHAC-2026" };
    const book = new TestWorkbook([
      commune("Xã A", { "HS.1": 100, "HS.1.1": 60, "HS.1.2": 40 }),
      carriedOf([other]),
    ]);
    await consolidate(book, { forms: withGivenDefinition(BUILT_IN_FORMS, typed) });
    expect(book.calls).toEqual({ listSheets: 1, readSheets: 1, apply: 1 });
    expect(book.sheetNames.filter((name) => name === CARRIED_SHEET)).toHaveLength(1);
    const read = readCarried(await book.grid(CARRIED_SHEET));
    expect(read.problems).toEqual([]);
    expect(read.forms.map((form) => form.catalogue.templateVersion)).toEqual(["PL-KHAC-2026", "PL-THU-2026"]);
    const previous = await previousPeriodOf(await everySheet(book), "tong-hop-q1.xlsx");
    expect(previous.province.get("HS.1")).toBe(100);
  }, 120_000);

  it("rewrites a _cchc_mau someone emptied, which the listing leaves unread", async () => {
    const book = new TestWorkbook([
      commune("Xã A", { "HS.1": 100, "HS.1.1": 60, "HS.1.2": 40 }),
      { name: CARRIED_SHEET, cells: [], visibility: "veryHidden" },
    ]);
    await consolidate(book, { forms: withGivenDefinition(BUILT_IN_FORMS, typed) });
    expect(book.reads).toEqual([["Xã A"]]);
    expect(readCarried(await book.grid(CARRIED_SHEET)).forms.map((form) => form.hash)).toEqual([
      definitionHash(typed),
    ]);
  }, 120_000);

  it("writes no _cchc_mau for a built-in form's summary", async () => {
    const book = sharedWorkbook();
    await consolidate(book);
    expect(book.sheetNames).not.toContain(CARRIED_SHEET);
  });
});

describe("the summary's sheet names", () => {
  it("are the standard ones in an empty workbook, and numbered beside an earlier summary (ignoring case)", () => {
    expect(summarySheetNames([])).toEqual(SUMMARY_SHEETS);
    const next = summarySheetNames(["tổng hợp", "Đơn vị", "Đơn vị (2)"]);
    expect(next.form).toBe("Tổng hợp (2)");
    expect(next.units).toBe("Đơn vị (3)");
    expect(next.missing).toBe("Thiếu");
  });
});
