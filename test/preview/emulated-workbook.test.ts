/** @jest-environment ./test/helpers/excel-environment.js */
import { catalogue } from "../../src/domain/catalogue";
import { columnLetter } from "../../src/domain/cell";
import { COLUMNS, derivedFormula, sheetLayout } from "../../src/domain/layout";
import { MARK_COLOURS } from "../../src/excel/excel-port";
import { createExcelHost } from "../../src/excel/host";
import { WorkbookModel } from "../../src/emulator";
import { EmulatedWorkbook } from "../../src/preview/emulated-workbook";
import { SAMPLE_SHEET, SAMPLE_VALUES, writeSample } from "../../src/preview/sample";
import type { CellsChanged } from "../../src/workflows/host";
import { templateSpec } from "../../src/workflows/template-spec";
import { checkWorkbook } from "../../src/workflows/usecases";
import { validateSheets } from "../../src/workflows/validate";
import { emulate } from "../helpers/excel-library";
import { SEED_VALUES } from "../helpers/seed";
import type { TestWorkbook } from "../helpers/workbook";
import { sampleWorkbook } from "../helpers/workbook";

// The preview's grid over the emulator, with the pane's own Excel adapter writing through the real library.

const HS_1 = "D118";
const HS_1_1 = "D119";
const HS_1_2 = "D120";

/** Lets the library's queued requests, answers and events run out (rounds of the event loop, never a clock). */
async function settle(): Promise<void> {
  for (let round = 0; round < 30; round++) await new Promise((resolve) => setTimeout(resolve, 0));
}

async function sample() {
  const model = new WorkbookModel();
  const emulator = emulate(model);
  const workbook = new EmulatedWorkbook(model, emulator, MARK_COLOURS);
  const host = createExcelHost({ retryDelayMs: 0, displayLanguage: "vi-VN" });
  await writeSample(model, (plan) => host.run((port) => port.apply(plan)));
  return { model, emulator, workbook, host };
}

describe("the emulated workbook the preview's grid draws", () => {
  it("shows the sample the adapter wrote, and the marks a check leaves, redrawn after the check's requests", async () => {
    const { workbook, host } = await sample();
    expect(workbook.sheetNames).toEqual([SAMPLE_SHEET.sheetName]);
    expect(workbook.valueAt(SAMPLE_SHEET.sheetName, HS_1)).toBe(44);
    const sheet = workbook.sheet(SAMPLE_SHEET.sheetName)!;
    expect(sheet.protected).toBe(true);
    expect(sheet.merges.length).toBeGreaterThan(0);
    expect(sheet.marks.size).toBe(0);
    const before = workbook.version;
    await host.run((port) => checkWorkbook(port, { mark: true }));
    expect(workbook.version).toBeGreaterThan(before);
    expect(workbook.sheet(SAMPLE_SHEET.sheetName)!.marks.get(HS_1_2)).toBe("error");
  });

  it("stores a typed value in the emulator's workbook and tells the pane as Excel's Local change event", async () => {
    const { model, workbook, host } = await sample();
    const changes: CellsChanged[] = [];
    host.onCellsChanged((change) => changes.push(change));
    await settle();
    expect(workbook.edit(SAMPLE_SHEET.sheetName, HS_1_1, "5")).toEqual({ ok: true });
    expect(model.cell(SAMPLE_SHEET.sheetName, HS_1_1)).toMatchObject({ value: 5, valueType: "Double" });
    await settle();
    expect(changes).toContainEqual({ sheet: SAMPLE_SHEET.sheetName, address: HS_1_1, source: "local" });
  });

  it("refuses typing into a locked cell of the protected sheet, and leaves it as it was", async () => {
    const { model, workbook } = await sample();
    const label = model.cell(SAMPLE_SHEET.sheetName, "B118");
    expect(workbook.edit(SAMPLE_SHEET.sheetName, "B118", "x")).toEqual({ ok: false, reason: "locked" });
    expect(model.cell(SAMPLE_SHEET.sheetName, "B118")).toEqual(label);
  });
});

const layout = sheetLayout(catalogue);
const SHEET = SAMPLE_SHEET.sheetName;
const valueCell = (code: string) => `${columnLetter(COLUMNS.value)}${layout.rowOf.get(code)}`;
const derivedRow = (code: string) => catalogue.derivedRows.find((row) => row.code === code)!;

/** The change events the host reports, as the pane's subscription gets them. */
async function changes(book: TestWorkbook): Promise<CellsChanged[]> {
  const seen: CellsChanged[] = [];
  book.host.onCellsChanged((change) => seen.push(change));
  await book.excel.settle();
  return seen;
}

describe("the preview's sample", () => {
  it("holds the seed exactly as test/helpers/seed.ts types it", () => {
    expect(SAMPLE_VALUES).toEqual(SEED_VALUES);
  });

  it("validates as the seed does: two errors, HS.1.2 and DV.4.1 suspected", async () => {
    const book = await sampleWorkbook();
    const sheet = validateSheets([await book.grid(SHEET)]).sheets[0]!;
    expect(sheet.counts.error).toBe(2);
    expect(sheet.findings.filter((f) => f.severity === "error").map((f) => f.suggestion?.code)).toEqual(
      expect.arrayContaining(["HS.1.2", "DV.4.1"]),
    );
    expect(sheet.unit).toBe(SAMPLE_SHEET.unit);
    expect(sheet.templateVersion).toBe(catalogue.templateVersion);
  });

  it("is listed with the template version read from F1, as the open sheet", async () => {
    const book = await sampleWorkbook();
    const infos = await book.run((port) => port.listSheets());
    expect(infos).toEqual([
      expect.objectContaining({
        name: SHEET,
        keyHeader: catalogue.templateVersion,
        visible: true,
        active: true,
      }),
    ]);
  });
});

describe("derived cells the grid computes from the catalogue's own definitions", () => {
  async function withSource(values: Record<string, number | string>) {
    const book = await sampleWorkbook({});
    const cells = Object.entries(values).map(([code, value]) => ({ address: valueCell(code), value }));
    if (cells.length) await book.apply({ steps: [{ kind: "write", sheet: SHEET, cells }] });
    return book.view;
  }

  it("computes a template formula: 7.8.3 = DV.3.2 / DV.3", async () => {
    const workbook = await withSource({ "DV.3": 6356, "DV.3.2": 758 });
    expect(workbook.cellAt(SHEET, valueCell("7.8.3"))?.formula).toBe(
      `=${derivedFormula(layout, derivedRow("7.8.3"))}`,
    );
    expect(workbook.valueAt(SHEET, valueCell("7.8.3"))).toBeCloseTo(758 / 6356, 12);
  });

  it("computes a reduction rate with a minus part: 4.2.5 = (BC.1 − 4.2.1) / BC.1", async () => {
    const workbook = await withSource({ "BC.1": 32, "4.2.1": 28 });
    expect(workbook.valueAt(SHEET, valueCell("4.2.5"))).toBeCloseTo(4 / 32, 12);
  });

  it.each([
    ["an input is empty", { "DV.3": 6356 }],
    ["the denominator is 0", { "DV.3": 0, "DV.3.2": 0 }],
    ["an input is not a number", { "DV.3": 6356, "DV.3.2": "abc" }],
  ])("is empty when %s, never #DIV/0!", async (_, values) => {
    const workbook = await withSource(values);
    expect(workbook.valueAt(SHEET, valueCell("7.8.3"))).toBe("");
  });

  it("reads a number stored as text the vi-VN way, as Excel's arithmetic does", async () => {
    const workbook = await withSource({ "DV.3": "6.356", "DV.3.2": "758" });
    expect(workbook.valueAt(SHEET, valueCell("7.8.3"))).toBeCloseTo(758 / 6356, 12);
  });

  it("shows #NAME? for a formula it does not know", async () => {
    const book = await sampleWorkbook({});
    await book.apply({
      steps: [
        { kind: "write", sheet: SHEET, cells: [{ address: valueCell("7.8.3"), formula: "=SUM(D1:D3)" }] },
      ],
    });
    expect(book.view.cellAt(SHEET, valueCell("7.8.3"))).toMatchObject({
      formula: "=SUM(D1:D3)",
      numberFormat: "0.00%",
    });
    expect(book.view.valueAt(SHEET, valueCell("7.8.3"))).toEqual({ error: "#NAME?" });
  });
});

describe("plan steps the adapter writes, as the grid draws them", () => {
  it("adds a sheet from a spec: cells, merges, protection, print area, and opens it", async () => {
    const book = await sampleWorkbook();
    const spec = templateSpec({ sheetName: "Huyện A", unit: "UBND huyện A", level: "huyen", period: "2021" });
    await book.apply({ steps: [{ kind: "addSheet", spec }] });
    const sheet = book.view.sheet("Huyện A")!;
    expect(sheet.protected).toBe(true);
    expect(book.excel.sheet("Huyện A").pageLayout.printArea?.replace(/\$/g, "")).toMatch(
      new RegExp(`${layout.printArea}$`),
    );
    expect(sheet.merges).toContainEqual({ top: 1, left: 0, bottom: 1, right: 4 });
    expect(book.view.valueAt("Huyện A", "B4")).toBe("UBND huyện A");
    expect(book.view.sheetNames).toEqual([SHEET, "Huyện A"]);
  });

  it("refuses a second sheet of the same name unless replacing it", async () => {
    const book = await sampleWorkbook();
    const spec = templateSpec({ ...SAMPLE_SHEET, sheetName: "sở tttt" });
    await expect(book.apply({ steps: [{ kind: "addSheet", spec }] })).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
    await book.apply({ steps: [{ kind: "addSheet", spec, replace: true }] });
    // Rewritten in place, never deleted (formulas elsewhere keep pointing at it): the sheet keeps its own name.
    expect(book.view.sheetNames).toEqual([SAMPLE_SHEET.sheetName]);
  });

  it("writes values and formats; a value replaces a formula", async () => {
    const book = await sampleWorkbook();
    const cell = valueCell("4.1.4.d");
    expect(book.view.cellAt(SHEET, cell)?.formula).toBeDefined();
    await book.apply({
      steps: [{ kind: "write", sheet: SHEET, cells: [{ address: cell, value: 0.5, numberFormat: "0%" }] }],
    });
    expect(book.view.cellAt(SHEET, cell)).toMatchObject({ value: 0.5, numberFormat: "0%", locked: false });
    expect(book.view.cellAt(SHEET, cell)?.formula).toBeUndefined();
  });

  it("replaces a sheet's marks and selects a cell", async () => {
    const book = await sampleWorkbook();
    await book.apply({
      steps: [
        { kind: "mark", sheet: SHEET, marks: [{ address: "D120", severity: "error" }] },
        { kind: "select", sheet: SHEET, address: "D120" },
      ],
    });
    expect([...book.view.sheet(SHEET)!.marks]).toEqual([["D120", "error"]]);
    expect(book.view.selection).toEqual({ sheet: SHEET, address: "D120" });
    await book.apply({ steps: [{ kind: "mark", sheet: SHEET, marks: [] }] });
    expect(book.view.sheet(SHEET)!.marks.size).toBe(0);
  });

  it("refuses a step on a sheet that does not exist", async () => {
    const book = await sampleWorkbook();
    await expect(
      book.apply({ steps: [{ kind: "select", sheet: "Không có", address: "A1" }] }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("change events the pane hears", () => {
  it("come for a person's edit, local or remote, and not for the add-in's marks or a selection", async () => {
    const book = await sampleWorkbook();
    const seen = await changes(book);
    expect(book.view.edit(SHEET, valueCell("HS.1.2"), "44")).toEqual({ ok: true });
    await book.excel.settle();
    await book.coauthorTypes(SHEET, valueCell("HS.1.1"), "0");
    await book.apply({
      steps: [
        { kind: "mark", sheet: SHEET, marks: [] },
        { kind: "select", sheet: SHEET, address: "A1" },
      ],
    });
    book.view.select(SHEET, "B7");
    await book.excel.settle();
    expect(seen).toEqual([
      { sheet: SHEET, address: valueCell("HS.1.2"), source: "local" },
      { sheet: SHEET, address: valueCell("HS.1.1"), source: "remote" },
    ]);
  });

  it("do not come for a person's edit of a locked cell, which is refused", async () => {
    const book = await sampleWorkbook();
    const seen = await changes(book);
    expect(book.view.edit(SHEET, "B7", "x")).toEqual({ ok: false, reason: "locked" });
    await book.excel.settle();
    expect(seen).toEqual([]);
  });

  it("stop after unsubscribing", async () => {
    const book = await sampleWorkbook();
    const seen: CellsChanged[] = [];
    const stop = book.host.onCellsChanged((change) => seen.push(change));
    await book.excel.settle();
    stop();
    await book.excel.settle();
    book.view.edit(SHEET, valueCell("HS.1.2"), "1");
    await book.excel.settle();
    expect(seen).toEqual([]);
  });
});

describe("typing into the grid as Excel in vi-VN stores it", () => {
  it.each([
    ["44", 44, "#,##0"],
    ["02", 2, "#,##0"],
    ["1.936", 1936, "#,##0"],
    ["1.93673", "1.93673", "#,##0"],
    ["abc", "abc", "#,##0"],
    ["", null, "#,##0"],
  ])("%p in a count cell → %p", async (typed, value, format) => {
    const book = await sampleWorkbook();
    book.view.edit(SHEET, valueCell("HS.1.2"), typed);
    expect(book.view.cellAt(SHEET, valueCell("HS.1.2"))).toMatchObject({ value, numberFormat: format });
  });

  it("reads a plain number in a percentage cell as a percentage, and 12,5% as 0.125", async () => {
    const book = await sampleWorkbook();
    book.view.edit(SHEET, valueCell("7.8.3"), "12,5");
    expect(book.view.valueAt(SHEET, valueCell("7.8.3"))).toBeCloseTo(0.125, 12);
    book.view.edit(SHEET, valueCell("7.8.4"), "65,56%");
    expect(book.view.cellAt(SHEET, valueCell("7.8.4"))).toMatchObject({ numberFormat: "0.00%" });
    expect(book.view.valueAt(SHEET, valueCell("7.8.4"))).toBeCloseTo(0.6556, 12);
  });
});
