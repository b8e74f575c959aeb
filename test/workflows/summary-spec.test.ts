import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import type { Consolidation } from "../../src/workflows/consolidate";
import { consolidate, readUnits, SUMMARY_MARKER } from "../../src/workflows/consolidate";
import type { SheetSpec, SpecCell } from "../../src/workflows/port";
import { SUMMARY_SHEETS, summarySpecs } from "../../src/workflows/summary-spec";
import { SEED_VALUES, templateGrid } from "../helpers/seed";

// The summary as host-neutral sheets: what every host is asked to write. test/cli/consolidate.test.ts reads the
// same sheets back from the file exceljs writes; test/workflows/consolidate-workbook.test.ts from a workbook port.

const layout = sheetLayout(catalogue);

function cellOf(spec: SheetSpec, address: string): SpecCell | undefined {
  return spec.cells.find((cell) => cell.address === address);
}

function consolidation(): Consolidation {
  const grids = [
    templateGrid(
      { "HS.1": 10, "HS.1.1": 0, "HS.1.2": 10, "HS.2": 10, "HS.2.1": 5, "HS.2.2": 5 },
      { name: "A", unit: "Sở Y tế" },
    ),
    templateGrid(SEED_VALUES, { name: "B", unit: "=Sở TTTT" }),
  ];
  return consolidate(readUnits(grids, "so.xlsx").units, {
    roles: new Map(),
    expected: ["Sở Y tế", "@Sở Xây dựng"],
  });
}

describe("summarySpecs", () => {
  const result = consolidation();
  const specs = summarySpecs(result);
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const form = byName.get(SUMMARY_SHEETS.form)!;

  it("gives the seven sheets in order, each with the summary marker in F1", () => {
    expect(specs.map((spec) => spec.name)).toEqual(Object.values(SUMMARY_SHEETS));
    for (const spec of specs) expect(cellOf(spec, "F1")?.value).toBe(SUMMARY_MARKER);
    expect(cellOf(form, "F2")?.value).toBe(catalogue.templateVersion);
  });

  it("protects the form alone; the tables stay open, their header frozen and printed on every page", () => {
    expect(form.protection).toEqual({ allowFormatting: true });
    expect(form.print).toMatchObject({ area: layout.printArea, orientation: "portrait", fitToWidth: 1 });
    for (const spec of specs.slice(1)) {
      expect([spec.name, spec.protection, spec.frozenRows, spec.print?.titleRows]).toEqual([
        spec.name,
        undefined,
        2,
        "1:2",
      ]);
    }
  });

  it("prints the tables in landscape, fitted to the width of their Vietnamese columns; the figures across pages", () => {
    const requests = byName.get(SUMMARY_SHEETS.requests)!;
    const rows = requests.cells
      .filter((cell) => /^A\d+$/.test(cell.address))
      .map((cell) => Number(cell.address.slice(1)));
    // The seed's letter is taller than a row: it goes on in the row below.
    expect(Math.max(...rows)).toBe(2 + result.requests.length + 1);
    expect(requests.print).toEqual({
      area: `A1:E${Math.max(...rows)}`,
      titleRows: "1:2",
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
    });
    const figures = byName.get(SUMMARY_SHEETS.figures)!;
    expect(figures.print).toMatchObject({ titleRows: "1:2", titleColumns: "A:A", orientation: "landscape" });
    expect(figures.print).toMatchObject({ fitToWidth: 0, scale: 70 });
    expect(figures.print?.area).toMatch(/^A1:[A-Z]{2}4$/);
  });

  it("gives a wrapped text the rows it needs, and a letter longer than a row the rows below it", () => {
    const long = {
      ...result.requests[0]!,
      text: { vi: `${"Đề nghị sửa. ".repeat(400)}\nTrân trọng./.`, en: "To: …" },
    };
    const specsOf = summarySpecs({ ...result, requests: [long] });
    const requests = specsOf.find((spec) => spec.name === SUMMARY_SHEETS.requests)!;
    const pieces = requests.cells.filter(
      (cell) => /^E\d+$/.test(cell.address) && Number(cell.address.slice(1)) > 2,
    );
    expect(pieces.length).toBeGreaterThan(1);
    expect(
      pieces
        .map((cell) => cell.value)
        .join(" ")
        .replace(/\s+/g, " "),
    ).toBe(long.text.vi.replace(/\s+/g, " "));
    for (const cell of pieces) {
      const row = Number(cell.address.slice(1));
      expect(requests.rowHeights[row]).toBeLessThanOrEqual(409);
      expect(requests.cells.find((other) => other.address === `A${row}`)?.value).toBe(long.unit);
    }
    const issues = byName.get(SUMMARY_SHEETS.issues)!;
    expect(issues.rowHeights[3]).toBeGreaterThan(15.75);
  });

  it("writes the province's figures as values, a total with a unit in error filled and annotated", () => {
    const hs2 = cellOf(form, `D${layout.rowOf.get("HS.2")}`)!;
    expect(hs2).toMatchObject({ value: 54, style: { fill: "#FFC7CE", border: true }, numberFormat: "#,##0" });
    expect(hs2.note).toBe(
      "Số liệu gồm 1 đơn vị có phụ lục còn lỗi: =Sở TTTT.\nIncludes 1 units whose appendix still has errors: =Sở TTTT.",
    );
    const rate = cellOf(form, `D${layout.rowOf.get("3.4.1")}`)!;
    expect(rate.formula).toBeUndefined();
    expect(rate.value).toBeCloseTo(49 / 54, 12);
    const blank = cellOf(form, `D${layout.rowOf.get("2.1")}`)!;
    expect([blank.value, blank.formula, blank.style?.fill, blank.note]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(specs.flatMap((spec) => spec.cells).filter((cell) => cell.formula !== undefined)).toEqual([]);
  });

  it("keeps text from the units as plain values, whatever it begins with", () => {
    const units = byName.get(SUMMARY_SHEETS.units)!;
    expect(cellOf(units, "A4")).toMatchObject({ value: "=Sở TTTT", style: { vertical: "top", wrap: true } });
    expect(cellOf(units, "D4")).toMatchObject({
      value: "Chưa sẵn sàng",
      style: { bold: true, color: "#9C0006" },
    });
    expect(cellOf(byName.get(SUMMARY_SHEETS.missing)!, "A3")?.value).toBe("@Sở Xây dựng");
  });

  it("heads the figures sheet with the bare unit header and one code column per value row, labelled in a note", () => {
    const figures = byName.get(SUMMARY_SHEETS.figures)!;
    expect(cellOf(figures, "A2")?.value).toBe("Đơn vị báo cáo");
    expect(cellOf(figures, "G2")).toMatchObject({
      value: catalogue.valueRows[0]!.code,
      note: expect.any(String),
    });
    expect(figures.columns).toHaveLength(6 + catalogue.valueRows.length);
  });

  it("takes other sheet names", () => {
    const renamed = summarySpecs(result, { names: { form: "Tổng hợp (2)", figures: "Số liệu (2)" } });
    expect(renamed.map((spec) => spec.name)).toEqual([
      "Tổng hợp (2)",
      ...Object.values(SUMMARY_SHEETS).slice(1, -1),
      "Số liệu (2)",
    ]);
  });
});
