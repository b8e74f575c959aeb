/** @jest-environment ./test/helpers/excel-environment.js */
import { catalogue } from "../../src/domain/catalogue";
import { derivedFormula, sheetLayout } from "../../src/domain/layout";
import { BilingualError } from "../../src/domain/messages/error";
import { parseArea, seedSheet } from "../../src/emulator";
import { OFFICE_ERROR_MESSAGES } from "../../src/excel";
import { stampRows } from "../../src/workflows/stamp";
import {
  applyFix,
  checkWorkbook,
  clearMarks,
  fillDerived,
  fixPlan,
  selectFinding,
  splitAddress,
} from "../../src/workflows/usecases";
import type { GridOptions } from "../helpers/seed";
import { SEED_VALUES, seedWith, templateGrid } from "../helpers/seed";
import { TestWorkbook } from "../helpers/workbook";
import { templateUnlocked } from "../excel/setup";

const layout = sheetLayout(catalogue);
const valueCell = (code: string) => `D${layout.rowOf.get(code)!}`;

function seedWorkbook(...extra: { name: string; values?: Record<string, never> }[]) {
  return new TestWorkbook([
    templateGrid(SEED_VALUES, { name: "Sở TTTT" }),
    ...extra.map((sheet) => templateGrid(sheet.values ?? {}, { name: sheet.name })),
    { name: "Ghi chú", cells: [[{ value: "Danh sách cán bộ phụ trách" }]] },
  ]);
}

const STAMP_ROWS = new Set(stampRows(layout).map((row) => row - 1));

/**
 * A workbook of appendix sheets protected as the template protects them, except that `lockedStamp` sheets keep their
 * stamp cells locked, so that Excel refuses a stamp there after the marks before it stood.
 */
function protectedWorkbook(names: readonly string[], lockedStamp: readonly string[]): TestWorkbook {
  const book = new TestWorkbook([]);
  for (const name of names) {
    const locked = lockedStamp.includes(name);
    seedSheet(book.excel, templateGrid(seedWith({ "HS.1.2": 44, "DV.4.1": 1936 }), { name }), {
      protect: true,
      unlocked: (row, column) =>
        templateUnlocked(row, column) && !(locked && column === 1 && STAMP_ROWS.has(row)),
    });
  }
  return book;
}

describe("checkWorkbook", () => {
  it("validates every appendix sheet in three round trips and marks each suspect cell once", async () => {
    const book = seedWorkbook({ name: "Sở Tư pháp" });
    const validation = await book.run((port) => checkWorkbook(port, { mark: true }));
    expect(book.calls).toEqual({ listSheets: 1, readSheets: 1, apply: 1 });
    expect(validation.sheets.map((sheet) => sheet.sheet)).toEqual(["Sở TTTT", "Sở Tư pháp"]);
    expect(validation.skipped).toEqual(["Ghi chú"]);
    const marks = book.marks("Sở TTTT");
    expect(marks).toEqual(
      expect.arrayContaining([
        { address: valueCell("HS.1.2"), severity: "error" },
        { address: valueCell("DV.4.1"), severity: "error" },
        { address: valueCell("3.1.1"), severity: "info" },
      ]),
    );
    // Each cell under one mark: the cells the add-in's formats cover, overlaps counted, are the marked cells.
    const covered = book.excel
      .sheet("Sở TTTT")
      .conditionalFormats.flatMap((format) => format.areas)
      .map((area) => parseArea(area.replace(/^.*!/, "")))
      .reduce((cells, area) => cells + (area.r2 - area.r1 + 1) * (area.c2 - area.c1 + 1), 0);
    expect(covered).toBe(marks.length);
  });

  it("reads only the named sheets when asked for one", async () => {
    const book = seedWorkbook({ name: "Sở Tư pháp" });
    await book.run((port) => checkWorkbook(port, { sheets: ["Sở Tư pháp"] }));
    expect(book.reads).toEqual([["Sở Tư pháp"]]);
    expect(book.calls.apply).toBe(0);
  });

  it("checks only the sheet the user is on when asked for it, and says which it is", async () => {
    const book = seedWorkbook({ name: "Sở Tư pháp" });
    book.active = "Sở Tư pháp";
    const result = await book.run((port) => checkWorkbook(port, { sheets: "active" }));
    expect(book.reads).toEqual([["Sở Tư pháp"]]);
    expect(result.sheets.map((sheet) => sheet.sheet)).toEqual(["Sở Tư pháp"]);
    expect(result.active).toBe("Sở Tư pháp");
  });

  it("asks for the sheet the user is on only where the listing does not say", async () => {
    const book = seedWorkbook({ name: "Sở Tư pháp" });
    book.hideActive = true;
    const asked: string[] = [];
    const result = await book.run((port) =>
      checkWorkbook(port, {
        sheets: "active",
        activeSheet: async () => {
          asked.push("active");
          return "Sở Tư pháp";
        },
      }),
    );
    expect(asked).toEqual(["active"]);
    expect(result.active).toBe("Sở Tư pháp");
    book.hideActive = false;
    await book.run((port) =>
      checkWorkbook(port, {
        activeSheet: async () => {
          asked.push("again");
          return undefined;
        },
      }),
    );
    expect(asked).toEqual(["active"]);
  });

  it("writes the marks and the stamps in one round trip, marks first", async () => {
    const book = new TestWorkbook([templateGrid(seedWith({ "HS.1.2": 44, "DV.4.1": 1936 }))]);
    const applied: string[][] = [];
    const result = await book.run((port) =>
      checkWorkbook(
        {
          ...port,
          apply: (plan) => {
            applied.push(plan.steps.map((step) => step.kind));
            return port.apply(plan);
          },
        },
        { mark: true, stamp: true },
      ),
    );
    expect(result.stamped).toEqual(["Sở TTTT"]);
    expect(applied).toEqual([["mark", "write"]]);
  });

  it("keeps the marks that stood when Excel refuses a stamp, without another round trip", async () => {
    // Steps: the marks of A and B, then the stamps of A and B; B's stamp cells are locked on its protected sheet.
    const book = protectedWorkbook(["A", "B"], ["B"]);
    const result = await book.run((port) => checkWorkbook(port, { mark: true, stamp: true }));
    expect(result.stamped).toEqual(["A"]);
    expect(result.stampFailure).toEqual({ sheets: ["B"], message: OFFICE_ERROR_MESSAGES.AccessDenied });
    expect(result.stamps.get("B")?.stamp).toBeUndefined();
    expect(book.marks("B").length).toBeGreaterThan(0);
    expect(book.calls.apply).toBe(1);
  });

  it("fails the check when the marks themselves are refused", async () => {
    const book = new TestWorkbook([], { protectedSheetFormats: "refused" });
    seedSheet(book.excel, templateGrid(SEED_VALUES, { name: "A" }), {
      protect: true,
      unlocked: templateUnlocked,
    });
    await expect(book.run((port) => checkWorkbook(port, { mark: true, stamp: true }))).rejects.toMatchObject({
      code: "AccessDenied",
      bilingual: OFFICE_ERROR_MESSAGES.AccessDenied,
    });
    expect(book.markedSheets).toEqual([]);
  });

  it("clears the marks of every appendix sheet in one write", async () => {
    const book = seedWorkbook();
    await book.run((port) => checkWorkbook(port, { mark: true }));
    expect(book.marks("Sở TTTT").length).toBeGreaterThan(0);
    expect(await book.run((port) => clearMarks(port))).toBe(1);
    expect(book.marks("Sở TTTT")).toEqual([]);
    expect(book.calls.apply).toBe(2);
  });
});

describe("the stamp's place", () => {
  const READY = seedWith({ "HS.1.2": 44, "DV.4.1": 1936 });
  const [first] = stampRows(layout);
  const column = (rows: readonly number[], book: TestWorkbook, sheet = "Sở TTTT") =>
    rows.map((row) => book.cell(sheet, `B${row}`)?.value ?? null);
  const rowsFrom = (start: number) => [start, start + 1, start + 2, start + 3];

  it("never writes over what a person typed in its place: it goes two rows below, and is read there", async () => {
    const book = new TestWorkbook([templateGrid(READY)]);
    book.type("Sở TTTT", `B${first!}`, "Người lập biểu");
    book.type("Sở TTTT", `B${first! + 1}`, "Nguyễn Văn A");
    const result = await book.run((port) => checkWorkbook(port, { mark: true, stamp: true }));
    expect(result.stamped).toEqual(["Sở TTTT"]);
    expect(column([first!, first! + 1], book)).toEqual(["Người lập biểu", "Nguyễn Văn A"]);
    expect(String(book.cell("Sở TTTT", `B${first! + 3}`)?.value)).toMatch(/^DẤU KIỂM TRA/);
    expect(book.cell("Sở TTTT", `B${first! + 2}`)?.value ?? null).toBeNull();
    const again = await book.run((port) => checkWorkbook(port, {}));
    expect(again.stamps.get("Sở TTTT")).toMatchObject({
      stamp: { at: expect.any(String) },
      valuesChanged: false,
    });
  });

  it("goes below the last row of a sheet longer than the template, not into it", async () => {
    const grid = templateGrid(READY);
    const cells = grid.cells.map((row) => [...row]);
    while (cells.length < first! + 6) cells.push([]);
    cells[first! + 5]![3] = { value: "Hà Nội, ngày 15 tháng 10 năm 2021" };
    const book = new TestWorkbook([{ ...grid, cells }]);
    await book.run((port) => checkWorkbook(port, { stamp: true }));
    expect(book.cell("Sở TTTT", `D${first! + 6}`)?.value).toBe("Hà Nội, ngày 15 tháng 10 năm 2021");
    expect(column(rowsFrom(first!), book)).toEqual([null, null, null, null]);
    expect(String(book.cell("Sở TTTT", `B${first! + 8}`)?.value)).toMatch(/^DẤU KIỂM TRA/);
  });

  it("writes a stamp again where it stands, and clears what is left of one a person partly typed over", async () => {
    const book = new TestWorkbook([templateGrid(READY)]);
    await book.run((port) => checkWorkbook(port, { stamp: true }));
    book.type("Sở TTTT", `B${first!}`, "Người lập biểu");
    await book.run((port) => checkWorkbook(port, { stamp: true }));
    // With its title gone the old stamp is none: its lines are cleared, and the new one is two rows under the text.
    const moved = column(rowsFrom(first! + 2), book);
    expect(column([first!, first! + 1], book)).toEqual(["Người lập biểu", null]);
    expect(moved.map((line) => String(line).split(":")[0])).toEqual([
      "DẤU KIỂM TRA (không in)",
      "Thời điểm kiểm tra",
      "Bộ quy tắc",
      "Mã số liệu",
    ]);
    book.type("Sở TTTT", `B${first! + 7}`, "Trần Thị B");
    await book.run((port) => checkWorkbook(port, { stamp: true }));
    expect(column(rowsFrom(first! + 2), book)[0]).toEqual(moved[0]);
    expect(column([first! + 1, first! + 6, first! + 7, first! + 9], book)).toEqual([
      null,
      null,
      "Trần Thị B",
      null,
    ]);
  });

  it("on a protected sheet, where the cells below are locked, keeps what was typed and says why it has no stamp", async () => {
    const book = protectedWorkbook(["A", "B"], []);
    book.type("B", `B${first!}`, "Người lập biểu");
    const result = await book.run((port) => checkWorkbook(port, { mark: true, stamp: true }));
    // B's stamp is written last, so that its refusal leaves A's standing.
    expect(result.stamped).toEqual(["A"]);
    expect(result.stampFailure?.sheets).toEqual(["B"]);
    const taken = `B${first!}:B${first! + 3}`;
    expect(result.stampFailure?.message.vi).toBe(
      `ô ${taken}, chỗ dành cho dấu kiểm tra, đang có nội dung khác, nên dấu được ghi xuống B${first! + 2}:B${first! + 5} và bị từ chối ở đó. ${OFFICE_ERROR_MESSAGES.AccessDenied!.vi} Nội dung đã nhập được giữ nguyên; muốn có dấu, hãy để trống ${taken} hoặc bỏ bảo vệ trang tính rồi kiểm tra lại.`,
    );
    expect(result.stampFailure?.message.en).toMatch(
      /^B\d+:B\d+, the place kept for the validation stamp, holds/,
    );
    expect(column(rowsFrom(first!), book, "B")).toEqual(["Người lập biểu", null, null, null]);
    expect(result.stamps.get("B")?.stamp).toBeUndefined();
    expect(book.marks("B").length).toBeGreaterThan(0);
    expect(book.calls.apply).toBe(1);
  });
});

describe("fillDerived", () => {
  it("restores the formula of every empty derived cell and never overwrites a typed percentage", async () => {
    const book = new TestWorkbook([templateGrid(seedWith({ "3.3.4": undefined, "7.8.3": undefined }))]);
    const { outcomes } = await book.run((port) => fillDerived(port));
    const byCode = Object.fromEntries(outcomes.map((outcome) => [outcome.code, outcome.action]));
    expect(byCode["3.3.4"]).toBe("formula");
    expect(byCode["7.8.3"]).toBe("formula");
    expect(byCode["3.4.1"]).toBe("kept_typed_value");
    expect(byCode["7.8.4"]).toBe("kept_typed_value");
    const row = catalogue.byCode.get("7.8.3")!;
    expect(book.cell("Sở TTTT", valueCell("7.8.3"))?.formula).toBe(`=${derivedFormula(layout, row)}`);
    expect(book.cell("Sở TTTT", valueCell("7.8.4"))?.value).toBe(0.6555);
    // List, read, write, and the sheet read again, which Excel's port answers from the write's own request.
    expect(book.calls).toEqual({ listSheets: 1, readSheets: 2, apply: 1 });
  });

  it("fills and counts the sheet the user is on, and no other", async () => {
    const empty = seedWith({ "3.3.4": undefined, "7.8.3": undefined });
    const book = new TestWorkbook([
      templateGrid(empty, { name: "Sở TTTT" }),
      templateGrid(empty, { name: "Sở Tư pháp" }),
    ]);
    book.active = "Sở Tư pháp";
    const lone = new TestWorkbook([templateGrid(empty)]);
    const alone = await lone.run((port) => fillDerived(port));
    const untouched = book.cell("Sở TTTT", valueCell("7.8.3"));
    const result = await book.run((port) => fillDerived(port, { mark: true }));
    expect(result.sheet).toBe("Sở Tư pháp");
    expect(new Set(result.outcomes.map((outcome) => outcome.sheet))).toEqual(new Set(["Sở Tư pháp"]));
    expect(result.outcomes).toHaveLength(alone.outcomes.length);
    expect(book.cell("Sở Tư pháp", valueCell("7.8.3"))?.formula).toMatch(/^=/);
    expect(book.cell("Sở TTTT", valueCell("7.8.3"))).toEqual(untouched);
    expect(result.check.sheets.map((sheet) => sheet.sheet)).toEqual(["Sở Tư pháp"]);
    expect(book.markedSheets).toEqual(["Sở Tư pháp"]);
  });

  it("puts no formula in a rate of another level: a department's sheet gets none in the districts' 3.4.2", async () => {
    const empty = seedWith(Object.fromEntries(catalogue.derivedRows.map((row) => [row.code, undefined])));
    const fill = (level: "so" | "huyen") =>
      new TestWorkbook([templateGrid(empty, { level })]).run((port) => fillDerived(port));
    const department = await fill("so");
    const filled = (result: typeof department) =>
      result.outcomes.filter((outcome) => outcome.action === "formula").map((outcome) => outcome.code);
    expect(filled(department)).toContain("3.4.1");
    expect(filled(department)).not.toContain("3.4.2");
    expect(filled(department)).not.toContain("3.4.3");
    const district = await fill("huyen");
    expect(filled(district)).toContain("3.4.2");
    expect(filled(district)).not.toContain("3.4.1");
  });

  it("puts no formula in a rate its period no longer asks for: 3.4.2 after the 2025 reform", async () => {
    const empty = seedWith(Object.fromEntries(catalogue.derivedRows.map((row) => [row.code, undefined])));
    const fill = (options: GridOptions) =>
      new TestWorkbook([templateGrid(empty, options)]).run((port) => fillDerived(port));
    const filled = (result: Awaited<ReturnType<typeof fill>>) =>
      result.outcomes.filter((outcome) => outcome.action === "formula").map((outcome) => outcome.code);
    const before = await fill({ level: "huyen", period: "6 tháng/2025" });
    expect(filled(before)).toContain("3.4.2");
    // A sheet that (wrongly) says it is a district's for 2025-Q3 still gets no district rate.
    const after = await fill({ level: "huyen", period: "Quý III/2025" });
    expect(filled(after)).toEqual(filled(before).filter((code) => code !== "3.4.2"));
    const department = await fill({ level: "so", period: "Quý III/2025" });
    expect(filled(department)).toContain("3.4.1");
  });

  it("refuses, in Vietnamese and English, on a sheet that holds no appendix", async () => {
    const book = seedWorkbook();
    book.active = "Ghi chú";
    const attempt = book.run((port) => fillDerived(port));
    await expect(attempt).rejects.toBeInstanceOf(BilingualError);
    await expect(attempt).rejects.toMatchObject({
      code: "fill:not_appendix",
      bilingual: { vi: expect.stringContaining('"Ghi chú" không phải trang phụ lục') },
    });
    expect(book.calls.apply).toBe(0);
  });

  it("refuses, in both languages, when the host cannot tell which sheet is open", async () => {
    const book = seedWorkbook();
    book.hideActive = true;
    await expect(book.run((port) => fillDerived(port))).rejects.toMatchObject({
      bilingual: { vi: expect.stringMatching(/^Không xác định được trang tính đang mở/) },
    });
    expect(book.calls.apply).toBe(0);
  });

  it("writes nothing when every derived cell is filled", async () => {
    const values = Object.fromEntries(
      catalogue.derivedRows.map((row) => [row.code, { percent: 0.5, format: "0%" }]),
    );
    const book = new TestWorkbook([templateGrid(values)]);
    const { outcomes } = await book.run((port) => fillDerived(port));
    expect(outcomes.every((outcome) => outcome.action === "kept_typed_value")).toBe(true);
    expect(book.calls.apply).toBe(0);
  });
});

describe("applyFix and selectFinding", () => {
  it("applies the suggested HS.1.2 = 44 on request and validates the sheet again", async () => {
    const book = seedWorkbook();
    const first = await book.run((port) => checkWorkbook(port));
    const balance = first.sheets[0]!.findings.find((finding) => finding.rule === "balance:HS.1")!;
    const after = await book.run((port) => applyFix(port, balance));
    expect(book.cell("Sở TTTT", valueCell("HS.1.2"))?.value).toBe(44);
    const errors = after.sheets[0]!.findings.filter((finding) => finding.severity === "error");
    expect(errors.map((finding) => finding.codes[0])).toEqual(["DV.4.1"]);
  });

  it("converts a number stored as text, keeping the cell's percentage format", () => {
    const plan = fixPlan({
      rule: "unit",
      kind: "text_number",
      severity: "info",
      codes: ["7.4"],
      cells: ["'Sở TTTT'!D98"],
      params: { code: "7.4", raw: "12,5%", value: 0.125 },
      message: { vi: "x", en: "x" },
      suggestion: {
        code: "7.4",
        cell: "'Sở TTTT'!D98",
        value: 0.125,
        numberFormat: "0.0%",
        display: { vi: "12,5%", en: "12.5%" },
      },
    });
    expect(plan.steps).toEqual([
      { kind: "write", sheet: "Sở TTTT", cells: [{ address: "D98", value: 0.125, numberFormat: "0.0%" }] },
    ]);
  });

  it("refuses a finding without a suggestion, in Vietnamese", () => {
    expect(() =>
      fixPlan({
        rule: "complete",
        kind: "incomplete",
        severity: "info",
        codes: [],
        cells: [],
        params: { blank: 0 },
        message: { vi: "", en: "" },
      }),
    ).toThrow(BilingualError);
  });

  it("selects a finding's suspect cell", async () => {
    const book = seedWorkbook();
    const check = await book.run((port) => checkWorkbook(port));
    const balance = check.sheets[0]!.findings.find((f) => f.rule === "balance:HS.1")!;
    await book.run((port) => selectFinding(port, balance));
    expect(book.selections).toEqual([{ sheet: "Sở TTTT", address: valueCell("HS.1.2") }]);
  });
});

describe("splitAddress", () => {
  it.each([
    ["'Sở TTTT'!D15", "Sở TTTT", "D15"],
    ["'UBND xã Long Đức''s'!D7", "UBND xã Long Đức's", "D7"],
    ["Sheet1!A1", "Sheet1", "A1"],
  ])("splits %s", (qualified, sheet, address) => {
    expect(splitAddress(qualified)).toEqual({ sheet, address });
  });
});
