import { catalogue } from "../../src/domain/catalogue";
import { derivedFormula, sheetLayout } from "../../src/domain/layout";
import type { Plan } from "../../src/workflows/port";
import { PartialPlanError } from "../../src/workflows/port";
import {
  applyFix,
  checkWorkbook,
  clearMarks,
  fillDerived,
  FillRefusedError,
  FixRefusedError,
  fixPlan,
  selectFinding,
  splitAddress,
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

/** A MemoryPort whose host applies plans as Excel does: the steps before a failing one stand. */
class ExcelLikePort extends MemoryPort {
  failAtStep: number | undefined;
  override async apply(plan: Plan): Promise<void> {
    const failing = this.failAtStep;
    if (failing === undefined || failing >= plan.steps.length) return super.apply(plan);
    this.failAtStep = undefined;
    // One round trip, whose steps before the failing one stand.
    if (failing > 0) await super.apply({ steps: plan.steps.slice(0, failing) });
    else this.calls.apply++;
    const refusal = Object.assign(new Error("locked"), { bilingual: { vi: "bị khóa", en: "locked" } });
    throw failing > 0 ? new PartialPlanError(failing, refusal) : refusal;
  }
}

describe("checkWorkbook", () => {
  it("validates every appendix sheet in three round trips and marks each suspect cell once", async () => {
    const port = seedWorkbook({ name: "Sở Tư pháp" });
    const validation = await checkWorkbook(port, { mark: true });
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
    await checkWorkbook(port, { sheets: ["Sở Tư pháp"] });
    expect(port.reads).toEqual([["Sở Tư pháp"]]);
    expect(port.calls.apply).toBe(0);
  });

  it("checks only the sheet the user is on when asked for it, and says which it is", async () => {
    const port = seedWorkbook({ name: "Sở Tư pháp" });
    port.active = "Sở Tư pháp";
    const result = await checkWorkbook(port, { sheets: "active" });
    expect(port.reads).toEqual([["Sở Tư pháp"]]);
    expect(result.sheets.map((sheet) => sheet.sheet)).toEqual(["Sở Tư pháp"]);
    expect(result.active).toBe("Sở Tư pháp");
  });

  it("asks for the sheet the user is on only where the listing does not say", async () => {
    const port = seedWorkbook({ name: "Sở Tư pháp" });
    port.active = undefined;
    const asked: string[] = [];
    const result = await checkWorkbook(port, {
      sheets: "active",
      activeSheet: async () => {
        asked.push("active");
        return "Sở Tư pháp";
      },
    });
    expect(asked).toEqual(["active"]);
    expect(result.active).toBe("Sở Tư pháp");
    port.active = "Sở TTTT";
    await checkWorkbook(port, {
      activeSheet: async () => {
        asked.push("again");
        return undefined;
      },
    });
    expect(asked).toEqual(["active"]);
  });

  it("writes the marks and the stamps in one round trip, marks first", async () => {
    const port = new MemoryPort([templateGrid(seedWith({ "HS.1.2": 44, "DV.4.1": 1936 }))]);
    const applied: string[][] = [];
    const apply = port.apply.bind(port);
    port.apply = (plan) => {
      applied.push(plan.steps.map((step) => step.kind));
      return apply(plan);
    };
    const result = await checkWorkbook(port, { mark: true, stamp: true });
    expect(result.stamped).toEqual(["Sở TTTT"]);
    expect(applied).toEqual([["mark", "write"]]);
  });

  it("keeps the marks that stood when a host like Excel refuses a stamp, without another round trip", async () => {
    const port = new ExcelLikePort([
      templateGrid(seedWith({ "HS.1.2": 44, "DV.4.1": 1936 }), { name: "A" }),
      templateGrid(seedWith({ "HS.1.2": 44, "DV.4.1": 1936 }), { name: "B" }),
    ]);
    // Steps: the marks of A and B, then the stamps of A and B; the stamp of B is refused.
    port.failAtStep = 3;
    const result = await checkWorkbook(port, { mark: true, stamp: true });
    expect(result.stamped).toEqual(["A"]);
    expect(result.stampFailure).toEqual({ sheets: ["B"], message: { vi: "bị khóa", en: "locked" } });
    expect(result.stamps.get("B")?.stamp).toBeUndefined();
    expect(port.marks.get("B")).toBeDefined();
    expect(port.calls.apply).toBe(1);
  });

  it("fails the check when the marks themselves are refused", async () => {
    const port = new ExcelLikePort([templateGrid(SEED_VALUES, { name: "A" })]);
    port.failAtStep = 0;
    await expect(checkWorkbook(port, { mark: true, stamp: true })).rejects.toThrow("locked");
    expect(port.marks.size).toBe(0);
  });

  it("clears the marks of every appendix sheet in one write", async () => {
    const port = seedWorkbook();
    await checkWorkbook(port, { mark: true });
    expect(await clearMarks(port)).toBe(1);
    expect(port.marks.get("Sở TTTT")).toEqual([]);
    expect(port.calls.apply).toBe(2);
  });
});

describe("fillDerived", () => {
  it("restores the formula of every empty derived cell and never overwrites a typed percentage", async () => {
    const port = new MemoryPort([templateGrid(seedWith({ "3.3.4": undefined, "7.8.3": undefined }))]);
    const { outcomes } = await fillDerived(port);
    const byCode = Object.fromEntries(outcomes.map((outcome) => [outcome.code, outcome.action]));
    expect(byCode["3.3.4"]).toBe("formula");
    expect(byCode["7.8.3"]).toBe("formula");
    expect(byCode["3.4.1"]).toBe("kept_typed_value");
    expect(byCode["7.8.4"]).toBe("kept_typed_value");
    const row = catalogue.byCode.get("7.8.3")!;
    expect(port.cell("Sở TTTT", valueCell("7.8.3"))?.formula).toBe(`=${derivedFormula(layout, row)}`);
    expect(port.cell("Sở TTTT", valueCell("7.8.4"))?.value).toBe(0.6555);
    // List, read, write; this port reads the sheet back in a round trip of its own (Excel's does not).
    expect(port.calls).toEqual({ listSheets: 1, readSheets: 2, apply: 1 });
  });

  it("fills and counts the sheet the user is on, and no other", async () => {
    const empty = seedWith({ "3.3.4": undefined, "7.8.3": undefined });
    const port = new MemoryPort([
      templateGrid(empty, { name: "Sở TTTT" }),
      templateGrid(empty, { name: "Sở Tư pháp" }),
    ]);
    port.active = "Sở Tư pháp";
    const alone = await fillDerived(new MemoryPort([templateGrid(empty)]));
    const result = await fillDerived(port, { mark: true });
    expect(result.sheet).toBe("Sở Tư pháp");
    expect(new Set(result.outcomes.map((outcome) => outcome.sheet))).toEqual(new Set(["Sở Tư pháp"]));
    expect(result.outcomes).toHaveLength(alone.outcomes.length);
    expect(port.cell("Sở Tư pháp", valueCell("7.8.3"))?.formula).toMatch(/^=/);
    expect(port.cell("Sở TTTT", valueCell("7.8.3"))).toBeUndefined();
    expect(result.check.sheets.map((sheet) => sheet.sheet)).toEqual(["Sở Tư pháp"]);
    expect([...port.marks.keys()]).toEqual(["Sở Tư pháp"]);
  });

  it("puts no formula in a rate of another level: a department's sheet gets none in the districts' 3.4.2", async () => {
    const empty = seedWith(Object.fromEntries(catalogue.derivedRows.map((row) => [row.code, undefined])));
    const department = await fillDerived(new MemoryPort([templateGrid(empty, { level: "so" })]));
    const filled = (result: typeof department) =>
      result.outcomes.filter((outcome) => outcome.action === "formula").map((outcome) => outcome.code);
    expect(filled(department)).toContain("3.4.1");
    expect(filled(department)).not.toContain("3.4.2");
    expect(filled(department)).not.toContain("3.4.3");
    const district = await fillDerived(new MemoryPort([templateGrid(empty, { level: "huyen" })]));
    expect(filled(district)).toContain("3.4.2");
    expect(filled(district)).not.toContain("3.4.1");
  });

  it("refuses, in Vietnamese and English, on a sheet that holds no appendix", async () => {
    const port = seedWorkbook();
    port.active = "Ghi chú";
    const attempt = fillDerived(port);
    await expect(attempt).rejects.toBeInstanceOf(FillRefusedError);
    await expect(attempt).rejects.toMatchObject({
      bilingual: { vi: expect.stringContaining("“Ghi chú” không phải trang phụ lục") },
    });
    expect(port.calls.apply).toBe(0);
  });

  it("refuses, in both languages, when the host cannot tell which sheet is open", async () => {
    const port = seedWorkbook();
    port.active = undefined;
    await expect(fillDerived(port)).rejects.toMatchObject({
      bilingual: { vi: expect.stringMatching(/^Không xác định được trang tính đang mở/) },
    });
    expect(port.calls.apply).toBe(0);
  });

  it("writes nothing when every derived cell is filled", async () => {
    const values = Object.fromEntries(
      catalogue.derivedRows.map((row) => [row.code, { percent: 0.5, format: "0%" }]),
    );
    const port = new MemoryPort([templateGrid(values)]);
    const { outcomes } = await fillDerived(port);
    expect(outcomes.every((outcome) => outcome.action === "kept_typed_value")).toBe(true);
    expect(port.calls.apply).toBe(0);
  });
});

describe("applyFix and selectFinding", () => {
  it("applies the suggested HS.1.2 = 44 on request and validates the sheet again", async () => {
    const port = seedWorkbook();
    const first = await checkWorkbook(port);
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
    const balance = (await checkWorkbook(port)).sheets[0]!.findings.find((f) => f.rule === "balance:HS.1")!;
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
