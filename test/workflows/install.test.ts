/** @jest-environment ./test/helpers/excel-environment.js */
import { readWorkbookBuffer } from "../../src/cli/xlsx/read";
import { catalogue } from "../../src/domain/catalogue";
import type { SheetGrid } from "../../src/domain/cell";
import { derivedFormula, sheetLayout } from "../../src/domain/layout";
import { locateAppendix } from "../../src/domain/locate";
import { InvalidMetaError } from "../../src/domain/meta";
import { BilingualError } from "../../src/domain/messages/error";
import { installAppendix, installPlan } from "../../src/workflows/install";
import type { InstallOptions } from "../../src/workflows/install";
import { SheetNameError, templateSpec } from "../../src/workflows/template-spec";
import { validateSheets } from "../../src/workflows/validate";
import { handTypedWorkbook } from "../helpers/hand-typed";
import { SEED_VALUES, templateGrid, typedCell } from "../helpers/seed";
import { TestWorkbook } from "../helpers/workbook";

const layout = sheetLayout(catalogue);
const SO_TTTT: InstallOptions = {
  unit: "Sở Thông tin và Truyền thông",
  level: "so",
  period: "2021-Q3",
  sheetName: "Sở TTTT",
};

function d(code: string): string {
  return `D${layout.rowOf.get(code)}`;
}

function e(code: string): string {
  return `E${layout.rowOf.get(code)}`;
}

function formulaOf(code: string): string {
  return `=${derivedFormula(layout, catalogue.byCode.get(code)!)}`;
}

/** A sheet that is not an appendix: a summary someone keeps in the same workbook. */
const SUMMARY: SheetGrid = {
  name: "Tổng hợp",
  cells: [
    [{ value: "Tổng hợp quý III" }, undefined, { value: 40 }],
    [{ value: "Số đơn vị" }, { value: 3, formula: "COUNTA(A5:A7)" }],
  ],
};

/** installAppendix as the pane runs it: one Excel.run through the adapter. */
function install(book: TestWorkbook, options: InstallOptions) {
  return book.run((port) => installAppendix(port, options));
}

/** A workbook with the appendix of Sở TTTT installed, its round trips counted from zero. */
async function installed(grids?: readonly SheetGrid[]): Promise<TestWorkbook> {
  const book = new TestWorkbook(grids);
  await install(book, SO_TTTT);
  book.resetCalls();
  return book;
}

describe("installAppendix: a new sheet", () => {
  it("writes the template's spec in two round trips and selects the first value cell", async () => {
    const book = new TestWorkbook();
    await expect(install(book, SO_TTTT)).resolves.toEqual({ sheetName: "Sở TTTT", carried: 0 });
    expect(book.calls).toEqual({ listSheets: 1, readSheets: 0, apply: 1 });
    expect(book.specOf("Sở TTTT")).toEqual(
      templateSpec({ sheetName: "Sở TTTT", unit: SO_TTTT.unit!, level: "so", period: "2021-Q3" }),
    );
    const sheet = locateAppendix(await book.grid("Sở TTTT"))!;
    expect(sheet).toMatchObject({
      foundBy: "key",
      templateVersion: "CCHC-PL-2021",
      unit: "Sở Thông tin và Truyền thông",
      level: "so",
      period: "2021-Q3",
    });
    expect(sheet.cells.size).toBe(catalogue.rows.length);
    expect(book.cell("Sở TTTT", d("3.4.1"))).toEqual({
      value: null,
      formula: formulaOf("3.4.1"),
      numberFormat: "0.00%",
    });
    expect(book.selections).toEqual([{ sheet: "Sở TTTT", address: d(catalogue.valueRows[0]!.code) }]);
  });

  it("names the sheet after the unit, and opens on the unit's name when there is none", async () => {
    const book = new TestWorkbook();
    const named = await install(book, { unit: "UBND xã Long Đức", level: "xa", period: "2021" });
    const unnamed = await install(book, { level: "huyen", period: "2021-H1" });
    expect([named.sheetName, unnamed.sheetName]).toEqual(["UBND xã Long Đức", "Phụ lục"]);
    expect(book.selections.at(-1)).toEqual({ sheet: "Phụ lục", address: "B4" });
  });

  it("gives a workbook that already has the unit's sheet one more, uniquely named, ignoring case", async () => {
    const book = new TestWorkbook([{ name: "sở tttt (2)", cells: [] }]);
    const names = [];
    for (let time = 0; time < 3; time++) names.push((await install(book, SO_TTTT)).sheetName);
    expect(names).toEqual(["Sở TTTT", "Sở TTTT (3)", "Sở TTTT (4)"]);
    expect(book.calls).toEqual({ listSheets: 3, readSheets: 0, apply: 3 });
    expect((await book.run((port) => port.listSheets())).map((info) => [info.name, info.keyHeader])).toEqual([
      ["sở tttt (2)", undefined],
      ["Sở TTTT", "CCHC-PL-2021"],
      ["Sở TTTT (3)", "CCHC-PL-2021"],
      ["Sở TTTT (4)", "CCHC-PL-2021"],
    ]);
  });

  it("never touches other sheets: a summary, or another unit's appendix with its values", async () => {
    const book = await installed([SUMMARY]);
    book.type("Sở TTTT", d("1.1.1"), 7);
    await book.apply({
      steps: [{ kind: "mark", sheet: "Sở TTTT", marks: [{ address: d("1.1.1"), severity: "info" }] }],
    });
    const before = {
      summary: await book.grid("Tổng hợp"),
      appendix: await book.grid("Sở TTTT"),
      marks: book.marks("Sở TTTT"),
    };
    await install(book, { unit: "Sở Tư pháp", level: "so", period: "2021-Q3" });
    expect(book.sheetNames).toEqual(["Tổng hợp", "Sở TTTT", "Sở Tư pháp"]);
    expect(await book.grid("Tổng hợp")).toEqual(before.summary);
    expect(await book.grid("Sở TTTT")).toEqual(before.appendix);
    expect(book.marks("Sở TTTT")).toEqual(before.marks);
    expect(before.marks).toEqual([{ address: d("1.1.1"), severity: "info" }]);
  });

  it("writes nothing when the sheet name is invalid", async () => {
    const book = new TestWorkbook();
    await expect(install(book, { ...SO_TTTT, sheetName: "Sở [TTTT]" })).rejects.toThrow(SheetNameError);
    await expect(install(book, { unit: "Sở TTTT", level: "so" })).rejects.toThrow(InvalidMetaError);
    expect(book.calls.apply).toBe(0);
  });
});

describe("installAppendix: re-installing an appendix sheet in place", () => {
  it("costs three round trips and reads only the sheet it replaces", async () => {
    const book = await installed([SUMMARY]);
    await install(book, { replace: "Sở TTTT" });
    expect(book.calls).toEqual({ listSheets: 1, readSheets: 1, apply: 1 });
    expect(book.reads.at(-1)).toEqual(["Sở TTTT"]);
    expect(book.sheetNames).toEqual(["Tổng hợp", "Sở TTTT"]);
  });

  it("keeps typed values, notes and a rate typed over a derived cell, and restores emptied formulas", async () => {
    const book = await installed([SUMMARY]);
    const summary = await book.grid("Tổng hợp");
    const typed: [string, string | number | null, string?][] = [
      [d("1.1.1"), 7],
      [d("3.1.1"), "02"],
      [d("HS.1"), 44],
      // A rate typed over a derived cell, with a format of its own: 12,5% as the seed prints it.
      [d("4.2.5"), 0.125, "0.0%"],
      [d("7.8.3"), 0.1192],
      // 12.5 typed without "%" in a rate row reads as 12,5% only while it stays unformatted.
      [d("7.4"), 12.5, "General"],
      // A derived formula deleted: the cell is empty.
      [d("3.3.3"), null],
      [e("3.5.3"), "Có 8 TTHC thu phí, lệ phí"],
      [e("1.1.1"), "Theo Quyết định số 12/QĐ-UBND"],
    ];
    for (const [address, value, format] of typed) book.type("Sở TTTT", address, value, format);

    const outcome = await install(book, { replace: "Sở TTTT" });
    expect(outcome).toEqual({ sheetName: "Sở TTTT", carried: typed.length - 1 });
    const cell = (address: string) => book.cell("Sở TTTT", address);
    expect(cell(d("1.1.1"))).toEqual({ value: 7, numberFormat: "#,##0" });
    expect(cell(d("3.1.1"))).toEqual({ value: "02", numberFormat: "#,##0" });
    expect(cell(d("HS.1"))).toEqual({ value: 44, numberFormat: "#,##0" });
    expect(cell(d("4.2.5"))).toEqual({ value: 0.125, numberFormat: "0.0%" });
    expect(cell(d("7.8.3"))).toEqual({ value: 0.1192, numberFormat: "0.00%" });
    expect(cell(d("7.4"))).toEqual({ value: 12.5, numberFormat: "General" });
    expect(cell(e("3.5.3"))?.value).toBe("Có 8 TTHC thu phí, lệ phí");
    expect(cell(e("1.1.1"))?.value).toBe("Theo Quyết định số 12/QĐ-UBND");
    expect(cell(d("3.3.3"))).toEqual({ value: null, formula: formulaOf("3.3.3"), numberFormat: "0.00%" });
    for (const code of ["3.3.4", "3.4.1", "4.3.4", "7.8.4"]) {
      expect([code, cell(d(code))?.formula]).toEqual([code, formulaOf(code)]);
    }
    // The template's own texts are not taken for typed notes.
    const printedNote = catalogue.appendixRows.find((row) => row.formNote)!;
    expect(cell(e(printedNote.code))?.value).toBe(printedNote.formNote);
    expect(await book.grid("Tổng hợp")).toEqual(summary);
    expect(book.specOf("Sở TTTT")?.name).toBe("Sở TTTT");
  });

  it("keeps the row 4 inputs unless the options say otherwise", async () => {
    const book = await installed();
    book.type("Sở TTTT", "B4", "Sở Thông tin và Truyền thông tỉnh Trà Vinh");
    await install(book, { replace: "Sở TTTT" });
    const kept = locateAppendix(await book.grid("Sở TTTT"))!;
    expect([kept.unit, kept.level, kept.period]).toEqual([
      "Sở Thông tin và Truyền thông tỉnh Trà Vinh",
      "so",
      "2021-Q3",
    ]);
    expect(book.cell("Sở TTTT", "A2")?.value).toContain("TẠI SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH TRÀ VINH");

    await install(book, { replace: "Sở TTTT", period: "2021-Q4", unit: "  " });
    const changed = locateAppendix(await book.grid("Sở TTTT"))!;
    expect([changed.unit, changed.level, changed.period]).toEqual([
      "Sở Thông tin và Truyền thông tỉnh Trà Vinh",
      "so",
      "2021-Q4",
    ]);
  });

  it("gives the same findings after re-installing the seed typed into the sheet", async () => {
    const book = await installed();
    for (const [code, value] of Object.entries(SEED_VALUES)) {
      const cell = typedCell(value);
      book.type("Sở TTTT", d(code), cell.value, cell.numberFormat);
    }
    const before = validateSheets([await book.grid("Sở TTTT")]).sheets[0]!;
    const { carried } = await install(book, { replace: "Sở TTTT" });
    const after = validateSheets([await book.grid("Sở TTTT")]).sheets[0]!;
    expect(carried).toBe(Object.keys(SEED_VALUES).length);
    expect(after.findings).toEqual(before.findings);
    expect(after.verdict).toBe(before.verdict);
    expect(before.findings.length).toBeGreaterThan(0);
  });

  it("carries the value of a formula a person wrote, but not an old derived formula or its result", () => {
    const old = templateGrid({ "1.1.1": 7 });
    const cells = old.cells.map((line) => [...line]);
    const put = (address: string, cell: { value: number; formula: string }) => {
      cells[Number(address.slice(1)) - 1]![address.charCodeAt(0) - 65] = cell;
    };
    put(d("1.1.2"), { value: 7, formula: "3+4" });
    put(d("3.4.1"), { value: 0.5, formula: 'IF(D50="","",D51/D50)' });
    const grid = { ...old, cells };
    const { plan, carried } = installPlan(
      [{ name: grid.name, visible: true, keyHeader: "CCHC-PL-2021" }],
      [grid],
      {
        replace: grid.name,
      },
    );
    const step = plan.steps[0];
    if (step?.kind !== "addSheet") throw new Error("no addSheet step");
    expect(step.replace).toBe(true);
    expect(step.values).toEqual([
      { address: d("1.1.1"), value: 7, numberFormat: "General" },
      { address: d("1.1.2"), value: 7, numberFormat: "General" },
    ]);
    expect(carried).toBe(2);
  });

  it("carries every value of a sheet typed by hand, found by its printed codes", async () => {
    const [grid] = await readWorkbookBuffer(Buffer.from(await handTypedWorkbook().xlsx.writeBuffer()));
    const old = locateAppendix(grid!)!;
    expect(old.foundBy).toBe("codes");
    const book = new TestWorkbook([grid!]);
    await expect(install(book, { replace: "STTTT" })).rejects.toThrow(InvalidMetaError);
    expect(book.calls.apply).toBe(0);

    await install(book, { replace: "STTTT", level: "so", period: "2021-Q3" });
    const now = locateAppendix(await book.grid("STTTT"))!;
    expect(now.foundBy).toBe("key");
    expect(now.unit).toBe(old.unit);
    let compared = 0;
    for (const [code, located] of old.cells) {
      const value = located.cell?.value;
      if (value === null || value === undefined || catalogue.byCode.get(code)?.kind === "none") continue;
      expect([code, now.cells.get(code)?.cell?.value]).toEqual([code, value]);
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });

  it.each([
    ["a sheet that does not exist", "Sở Tư pháp", "sheet_missing"],
    ["a sheet that holds no appendix", "Tổng hợp", "not_appendix"],
    ["an appendix of a newer template", "Mẫu mới", "unknown_version"],
  ])("refuses %s and writes nothing", async (_case, replace, reason) => {
    const newer = templateGrid({}, { name: "Mẫu mới" });
    const cells = newer.cells.map((line) => [...line]);
    cells[0]![5] = { value: "CCHC-PL-2030" };
    const book = await installed([SUMMARY, { ...newer, cells }]);
    const failure = install(book, { replace });
    await expect(failure).rejects.toThrow(BilingualError);
    await expect(failure).rejects.toMatchObject({
      code: `install:${reason}`,
      bilingual: { vi: expect.any(String), en: expect.any(String) },
    });
    expect(book.calls.apply).toBe(0);
  });

  it("refuses to rename the sheet it re-installs", async () => {
    const book = await installed();
    await expect(install(book, { replace: "Sở TTTT", sheetName: "Sở TTTT mới" })).rejects.toMatchObject({
      code: "install:rename_on_replace",
    });
    expect(book.calls.apply).toBe(0);
  });
});
