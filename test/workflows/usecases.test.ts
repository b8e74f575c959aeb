import { catalogue } from "../../src/domain/catalogue";
import { derivedFormula, sheetLayout } from "../../src/domain/layout";
import {
  applyFix,
  clearMarks,
  fillDerived,
  FixRefusedError,
  fixPlan,
  selectFinding,
  splitAddress,
  validateWorkbook,
} from "../../src/workflows/usecases";
import { MemoryPort } from "../helpers/memory-port";
import { SEED_VALUES, seedWith, templateGrid } from "../helpers/seed";

const layout = sheetLayout(catalogue);
const valueCell = (code: string) => `D${layout.rowOf.get(code)!}`;

function seedWorkbook(...extra: { name: string; values?: Record<string, never> }[]) {
  return new MemoryPort([
    templateGrid(SEED_VALUES, { name: "Sở TTTT" }),
    ...extra.map((sheet) => templateGrid(sheet.values ?? {}, { name: sheet.name })),
    { name: "Ghi chú", cells: [[{ value: "Danh sách cán bộ phụ trách" }]] },
  ]);
}

describe("validateWorkbook", () => {
  it("validates every appendix sheet in three round trips and marks each suspect cell once", async () => {
    const port = seedWorkbook({ name: "Sở Tư pháp" });
    const validation = await validateWorkbook(port, { mark: true });
    expect(port.calls).toEqual({ listSheets: 1, readSheets: 1, apply: 1 });
    expect(validation.sheets.map((sheet) => sheet.sheet)).toEqual(["Sở TTTT", "Sở Tư pháp"]);
    expect(validation.skipped).toEqual(["Ghi chú"]);
    const marks = port.marks.get("Sở TTTT")!;
    expect(marks).toEqual(
      expect.arrayContaining([
        { address: valueCell("HS.1.2"), severity: "error" },
        { address: valueCell("DV.4.1"), severity: "error" },
        { address: valueCell("3.1.1"), severity: "info" },
      ]),
    );
    expect(new Set(marks.map((mark) => mark.address)).size).toBe(marks.length);
  });

  it("reads only the named sheets when asked for one", async () => {
    const port = seedWorkbook({ name: "Sở Tư pháp" });
    await validateWorkbook(port, { sheets: ["Sở Tư pháp"] });
    expect(port.reads).toEqual([["Sở Tư pháp"]]);
    expect(port.calls.apply).toBe(0);
  });

  it("clears the marks of every appendix sheet in one write", async () => {
    const port = seedWorkbook();
    await validateWorkbook(port, { mark: true });
    expect(await clearMarks(port)).toBe(1);
    expect(port.marks.get("Sở TTTT")).toEqual([]);
    expect(port.calls.apply).toBe(2);
  });
});

describe("fillDerived", () => {
  it("restores the formula of every empty derived cell and never overwrites a typed percentage", async () => {
    const port = new MemoryPort([templateGrid(seedWith({ "3.3.4": undefined, "7.8.3": undefined }))]);
    const outcomes = await fillDerived(port);
    const byCode = Object.fromEntries(outcomes.map((outcome) => [outcome.code, outcome.action]));
    expect(byCode["3.3.4"]).toBe("formula");
    expect(byCode["7.8.3"]).toBe("formula");
    expect(byCode["3.4.1"]).toBe("kept_typed_value");
    expect(byCode["7.8.4"]).toBe("kept_typed_value");
    const row = catalogue.byCode.get("7.8.3")!;
    expect(port.cell("Sở TTTT", valueCell("7.8.3"))?.formula).toBe(`=${derivedFormula(layout, row)}`);
    expect(port.cell("Sở TTTT", valueCell("7.8.4"))?.value).toBe(0.6555);
    expect(port.roundTrips).toBe(3);
  });

  it("writes nothing when every derived cell is filled", async () => {
    const values = Object.fromEntries(
      catalogue.derivedRows.map((row) => [row.code, { percent: 0.5, format: "0%" }]),
    );
    const port = new MemoryPort([templateGrid(values)]);
    const outcomes = await fillDerived(port);
    expect(outcomes.every((outcome) => outcome.action === "kept_typed_value")).toBe(true);
    expect(port.calls.apply).toBe(0);
  });
});

describe("applyFix and selectFinding", () => {
  it("applies the suggested HS.1.2 = 44 on request and validates the sheet again", async () => {
    const port = seedWorkbook();
    const first = await validateWorkbook(port);
    const balance = first.sheets[0]!.findings.find((finding) => finding.rule === "balance:HS.1")!;
    const after = await applyFix(port, balance);
    expect(port.cell("Sở TTTT", valueCell("HS.1.2"))?.value).toBe(44);
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
      params: {},
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
        params: {},
        message: { vi: "", en: "" },
      }),
    ).toThrow(FixRefusedError);
  });

  it("selects a finding's suspect cell", async () => {
    const port = seedWorkbook();
    const balance = (await validateWorkbook(port)).sheets[0]!.findings.find(
      (f) => f.rule === "balance:HS.1",
    )!;
    await selectFinding(port, balance);
    expect(port.selections).toEqual([{ sheet: "Sở TTTT", address: valueCell("HS.1.2") }]);
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
