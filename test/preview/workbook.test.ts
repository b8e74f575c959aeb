import { catalogue } from "../../src/domain/catalogue";
import { validateSheets } from "../../src/workflows/validate";
import { COLUMNS, derivedFormula, sheetLayout } from "../../src/domain/layout";
import { columnLetter } from "../../src/domain/cell";
import type { CellsChanged } from "../../src/workflows/host";
import { templateSpec } from "../../src/workflows/template-spec";
import { MemoryHost } from "../../src/preview/host";
import { SAMPLE_SHEET, SAMPLE_VALUES, sampleWorkbook } from "../../src/preview/sample";
import { MemoryWorkbook, WorkbookError } from "../../src/preview/workbook";
import { SEED_VALUES } from "../helpers/seed";

const layout = sheetLayout(catalogue);
const SHEET = SAMPLE_SHEET.sheetName;
const valueCell = (code: string) => `${columnLetter(COLUMNS.value)}${layout.rowOf.get(code)}`;
const derivedRow = (code: string) => catalogue.derivedRows.find((row) => row.code === code)!;

function changes(workbook: MemoryWorkbook): CellsChanged[] {
  const seen: CellsChanged[] = [];
  workbook.onCellsChanged((change) => seen.push(change));
  return seen;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the preview's sample", () => {
  it("holds the seed exactly as test/helpers/seed.ts types it", () => {
    expect(SAMPLE_VALUES).toEqual(SEED_VALUES);
  });

  it("validates as the seed does: two errors, HS.1.2 and DV.4.1 suspected", async () => {
    const workbook = await sampleWorkbook();
    const validation = validateSheets(await workbook.readSheets([SHEET]));
    const sheet = validation.sheets[0]!;
    expect(sheet.counts.error).toBe(2);
    expect(sheet.findings.filter((f) => f.severity === "error").map((f) => f.suggestion?.code)).toEqual(
      expect.arrayContaining(["HS.1.2", "DV.4.1"]),
    );
    expect(sheet.unit).toBe(SAMPLE_SHEET.unit);
    expect(sheet.templateVersion).toBe(catalogue.templateVersion);
  });

  it("lists its sheet with the template version read from F1", async () => {
    const workbook = await sampleWorkbook();
    expect(await workbook.listSheets()).toEqual([
      { name: SHEET, keyHeader: catalogue.templateVersion, visible: true },
    ]);
  });
});

describe("derived cells computed from the catalogue's own definitions", () => {
  async function withSource(values: Record<string, number | string>) {
    const workbook = await sampleWorkbook({});
    await workbook.apply({
      steps: [
        {
          kind: "write",
          sheet: SHEET,
          cells: Object.entries(values).map(([code, value]) => ({ address: valueCell(code), value })),
        },
      ],
    });
    return workbook;
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

  it("shows #NAME? for a formula it does not know, and gives readSheets the formula with its value", async () => {
    const workbook = await withSource({});
    await workbook.apply({
      steps: [
        { kind: "write", sheet: SHEET, cells: [{ address: valueCell("7.8.3"), formula: "=SUM(D1:D3)" }] },
      ],
    });
    const [grid] = await workbook.readSheets([SHEET]);
    const row = layout.rowOf.get("7.8.3")!;
    expect(grid!.cells[row - 1]![COLUMNS.value]).toEqual({
      value: { error: "#NAME?" },
      formula: "=SUM(D1:D3)",
      numberFormat: "0.00%",
    });
  });
});

describe("plan steps", () => {
  it("adds a sheet from a spec: cells, merges, protection, print area", async () => {
    const workbook = new MemoryWorkbook();
    const spec = templateSpec({ sheetName: "Huyện A", unit: "UBND huyện A", level: "huyen", period: "2021" });
    await workbook.apply({ steps: [{ kind: "addSheet", spec }] });
    const sheet = workbook.sheet("Huyện A")!;
    expect(sheet.protected).toBe(true);
    expect(sheet.printArea).toBe(layout.printArea);
    expect(sheet.merges).toContainEqual({ top: 1, left: 0, bottom: 1, right: 4 });
    expect(workbook.valueAt("Huyện A", "B4")).toBe("UBND huyện A");
    expect(workbook.activeSheet).toBe("Huyện A");
  });

  it("refuses a second sheet of the same name unless replacing it", async () => {
    const workbook = await sampleWorkbook();
    const spec = templateSpec({ ...SAMPLE_SHEET, sheetName: "sở tttt" });
    await expect(workbook.apply({ steps: [{ kind: "addSheet", spec }] })).rejects.toBeInstanceOf(
      WorkbookError,
    );
    await workbook.apply({ steps: [{ kind: "addSheet", spec, replace: true }] });
    expect(workbook.sheetNames).toEqual(["sở tttt"]);
  });

  it("writes values and formats; a value replaces a formula", async () => {
    const workbook = await sampleWorkbook();
    const cell = valueCell("4.1.4.d");
    expect(workbook.cellAt(SHEET, cell)?.formula).toBeDefined();
    await workbook.apply({
      steps: [{ kind: "write", sheet: SHEET, cells: [{ address: cell, value: 0.5, numberFormat: "0%" }] }],
    });
    expect(workbook.cellAt(SHEET, cell)).toMatchObject({ value: 0.5, numberFormat: "0%", locked: false });
    expect(workbook.cellAt(SHEET, cell)?.formula).toBeUndefined();
  });

  it("replaces a sheet's marks and selects a cell", async () => {
    const workbook = await sampleWorkbook();
    await workbook.apply({
      steps: [
        { kind: "mark", sheet: SHEET, marks: [{ address: "D120", severity: "error" }] },
        { kind: "select", sheet: SHEET, address: "D120" },
      ],
    });
    expect([...workbook.sheet(SHEET)!.marks]).toEqual([["D120", "error"]]);
    expect(workbook.selection).toEqual({ sheet: SHEET, address: "D120" });
    await workbook.apply({ steps: [{ kind: "mark", sheet: SHEET, marks: [] }] });
    expect(workbook.sheet(SHEET)!.marks.size).toBe(0);
  });

  it("applies a plan all or nothing: a locked cell refuses, and nothing before it stays written", async () => {
    const workbook = await sampleWorkbook();
    const plan = {
      steps: [
        { kind: "write" as const, sheet: SHEET, cells: [{ address: valueCell("HS.1.2"), value: 44 }] },
        { kind: "mark" as const, sheet: SHEET, marks: [{ address: "D1", severity: "error" as const }] },
        { kind: "write" as const, sheet: SHEET, cells: [{ address: "B7", value: "đè nhãn" }] },
      ],
    };
    await expect(workbook.apply(plan)).rejects.toMatchObject({ code: "CellProtected" });
    expect(workbook.valueAt(SHEET, valueCell("HS.1.2"))).toBe(0);
    expect(workbook.sheet(SHEET)!.marks.size).toBe(0);
  });

  it("refuses a step on a sheet that does not exist", async () => {
    const workbook = await sampleWorkbook();
    await expect(
      workbook.apply({ steps: [{ kind: "select", sheet: "Không có", address: "A1" }] }),
    ).rejects.toMatchObject({
      code: "ItemNotFound",
    });
  });
});

describe("change events", () => {
  it("fires one local event per write step, after the write, with the range written", async () => {
    const workbook = await sampleWorkbook();
    const seen = changes(workbook);
    const write = workbook.apply({
      steps: [
        {
          kind: "write",
          sheet: SHEET,
          cells: [
            { address: valueCell("HS.1.1"), value: 1 },
            { address: valueCell("HS.1.2"), value: 43 },
          ],
        },
      ],
    });
    expect(seen).toEqual([]);
    await write;
    await flush();
    expect(seen).toEqual([
      { sheet: SHEET, address: `${valueCell("HS.1.1")}:${valueCell("HS.1.2")}`, source: "local" },
    ]);
  });

  it("fires for a person's edit, local or remote, and not for marks or selection", async () => {
    const workbook = await sampleWorkbook();
    const seen = changes(workbook);
    expect(workbook.edit(SHEET, valueCell("HS.1.2"), "44")).toEqual({ ok: true });
    expect(workbook.edit(SHEET, valueCell("HS.1.1"), "0", "remote")).toEqual({ ok: true });
    await workbook.apply({
      steps: [
        { kind: "mark", sheet: SHEET, marks: [] },
        { kind: "select", sheet: SHEET, address: "A1" },
      ],
    });
    workbook.select(SHEET, "B7");
    await flush();
    expect(seen).toEqual([
      { sheet: SHEET, address: valueCell("HS.1.2"), source: "local" },
      { sheet: SHEET, address: valueCell("HS.1.1"), source: "remote" },
    ]);
  });

  it("refuses a person's edit of a locked cell, with no event", async () => {
    const workbook = await sampleWorkbook();
    const seen = changes(workbook);
    expect(workbook.edit(SHEET, "B7", "x")).toEqual({ ok: false, reason: "locked" });
    await flush();
    expect(seen).toEqual([]);
  });

  it("stops after unsubscribing", async () => {
    const workbook = await sampleWorkbook();
    const seen: CellsChanged[] = [];
    const stop = workbook.onCellsChanged((change) => seen.push(change));
    stop();
    workbook.edit(SHEET, valueCell("HS.1.2"), "1");
    await flush();
    expect(seen).toEqual([]);
  });
});

describe("typing as Excel in vi-VN stores it", () => {
  it.each([
    ["44", 44, "#,##0"],
    ["02", 2, "#,##0"],
    ["1.936", 1936, "#,##0"],
    ["1.93673", "1.93673", "#,##0"],
    ["abc", "abc", "#,##0"],
    ["", null, "#,##0"],
  ])("%p in a count cell → %p", async (typed, value, format) => {
    const workbook = await sampleWorkbook();
    workbook.edit(SHEET, valueCell("HS.1.2"), typed);
    expect(workbook.cellAt(SHEET, valueCell("HS.1.2"))).toMatchObject({ value, numberFormat: format });
  });

  it("reads a plain number in a percentage cell as a percentage, and 12,5% as 0.125", async () => {
    const workbook = await sampleWorkbook();
    workbook.edit(SHEET, valueCell("7.8.3"), "12,5");
    expect(workbook.valueAt(SHEET, valueCell("7.8.3"))).toBeCloseTo(0.125, 12);
    workbook.edit(SHEET, valueCell("7.8.4"), "65,56%");
    expect(workbook.cellAt(SHEET, valueCell("7.8.4"))).toMatchObject({ numberFormat: "0.00%" });
    expect(workbook.valueAt(SHEET, valueCell("7.8.4"))).toBeCloseTo(0.6556, 12);
  });
});

describe("the preview host", () => {
  it("runs use cases on the workbook, counts round trips, and fails on demand", async () => {
    const workbook = await sampleWorkbook();
    const host = new MemoryHost(workbook, { displayLanguage: "en-US" });
    expect(host.displayLanguage).toBe("en-US");
    expect(await host.activeSheet()).toBe(SHEET);
    const names = await host.run(async (port) => (await port.listSheets()).map((info) => info.name));
    expect(names).toEqual([SHEET]);
    expect(host.roundTrips).toBe(1);
    host.failNextCall(new Error("busy"));
    await expect(host.run((port) => port.listSheets())).rejects.toThrow("busy");
    await expect(host.run((port) => port.listSheets())).resolves.toHaveLength(1);
  });
});
