import type { CellInput, SheetGrid } from "../../src/domain/cell";
import { cellInput } from "../../src/domain/cell";
import type { SheetValidation } from "../../src/domain/engine";
import { validateAppendix } from "../../src/domain/engine";
import { COLUMNS } from "../../src/domain/layout";
import type { AppendixSheet } from "../../src/domain/locate";
import { locateAppendix } from "../../src/domain/locate";
import type { GridOptions } from "../helpers/seed";
import { seedWith, templateGrid } from "../helpers/seed";

// Row 4 states the unit's level and the period; an appendix whose level or period reads as none is never taken
// for ready when it was typed wrong or cleared on the template, and is warned about when typed by hand without it.

/** The seed with its two mistakes corrected: ready when row 4 reads. */
const READY = seedWith({ "HS.1.2": 44, "DV.4.1": 1936 });

/** Our template's sheet with row 4's level (column D) and period (column E) as given; undefined keeps the template's. */
function templateWith(row4: { level?: string; period?: string }, options: GridOptions = {}): SheetGrid {
  const grid = templateGrid(READY, options);
  const inputs = [...grid.cells[3]!];
  if (row4.level !== undefined) inputs[COLUMNS.value] = cellInput(row4.level || null);
  if (row4.period !== undefined) inputs[COLUMNS.note] = cellInput(row4.period || null);
  return { name: grid.name, cells: grid.cells.map((line, at) => (at === 3 ? inputs : line)) };
}

/** The same sheet as a person types the printed form: no key column, no row 4. */
function typedByHand(grid: SheetGrid): SheetGrid {
  const cells = grid.cells.map((line, at) =>
    at === 3 ? [] : line.map((cell, column) => (column === COLUMNS.key ? undefined : cell)),
  );
  return { name: grid.name, cells };
}

function validate(grid: SheetGrid): SheetValidation {
  const sheet = locateAppendix(grid);
  if (!sheet) throw new Error("the grid holds no appendix");
  return validateAppendix(sheet);
}

/** The findings about row 4's level and period, which belong to the rule of the level and rows of the period. */
const byInputs = (result: SheetValidation) =>
  result.findings.filter((finding) => finding.kind === "level_unknown" || finding.kind === "period_unknown");

describe("row 4's level and period, when one reads as none", () => {
  it("makes a period typed as no period an error at E4, naming what was typed and what is accepted", () => {
    const result = validate(templateWith({ period: "Quý 5/2021" }));
    expect(result.period).toBeUndefined();
    const [finding, ...others] = byInputs(result);
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      rule: "period",
      kind: "period_unknown",
      severity: "error",
      codes: [],
      cells: ["'Sở TTTT'!E4"],
      params: { typed: "Quý 5/2021" },
    });
    expect(finding!.message.vi).toBe(
      "Kỳ báo cáo ở dòng 4 ghi “Quý 5/2021”, không đọc được là kỳ nào: hãy ghi theo dạng “Quý III/2021”, “6 tháng/2021” hoặc “Năm 2021” (quý I–IV, năm 2000–2099). Chưa rõ kỳ thì không kiểm tra được các chỉ tiêu theo kỳ (không còn cấp huyện từ 01/7/2025), và khi tổng hợp không biết số liệu thuộc kỳ nào.",
    );
    expect(finding!.message.en).toBe(
      "The period in row 4 reads “Quý 5/2021”, which is no period: write it as “Quý III/2021”, “6 tháng/2021” or “Năm 2021” (quarters I–IV, years 2000–2099). Without its period the indicators that depend on it (no districts from 1 July 2025) are not checked, and a consolidation cannot tell which period its figures are for.",
    );
    expect(result.verdict).toBe("not_ready");
    expect(result.rules.find((rule) => rule.rule === "period")).toEqual({
      rule: "period",
      passed: 0,
      failed: 1,
      notEvaluated: 0,
    });
  });

  it("makes a level typed as no level an error at D4, offering the levels the period has", () => {
    const result = validate(templateWith({ level: "Cấp tỉnh" }));
    const [finding, ...others] = byInputs(result);
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      kind: "level_unknown",
      severity: "error",
      cells: ["'Sở TTTT'!D4"],
      params: { typed: "Cấp tỉnh", levels: ["so", "huyen", "xa"] },
    });
    expect(finding!.message.vi).toBe(
      "Cấp của đơn vị ở dòng 4 ghi “Cấp tỉnh”, không phải cấp nào của mẫu: hãy ghi “Sở, ngành”, “Huyện” hoặc “Xã”. Chưa rõ cấp thì không kiểm tra được các chỉ tiêu theo cấp, và khi tổng hợp số liệu không được cộng vào các chỉ tiêu tính theo cấp.",
    );
    expect(finding!.message.en).toBe(
      "The unit's level in row 4 reads “Cấp tỉnh”, which is no level of the form: write “Sở, ngành” (department), “Huyện” (district) or “Xã” (commune). Without its level the indicators by level are not checked, and a consolidation leaves its figures out of the level-based totals.",
    );
    expect(result.verdict).toBe("not_ready");

    const later = validate(templateWith({ level: "Cấp tỉnh" }, { period: "Quý I/2026" }));
    expect(byInputs(later)[0]!.params).toEqual({ typed: "Cấp tỉnh", levels: ["so", "xa"] });
    expect(byInputs(later)[0]!.message.vi).toContain("hãy ghi “Sở, ngành” hoặc “Xã”.");
    // Beside the reform's own findings of the period, in the one summary of that rule.
    expect(
      later.findings.filter((finding) => finding.rule === "period").map((finding) => finding.kind),
    ).toEqual(["level_unknown", "row_not_applicable", "row_not_applicable", "row_not_applicable"]);
    expect(later.rules.filter((rule) => rule.rule === "period")).toEqual([
      { rule: "period", passed: 0, failed: 1, notEvaluated: 0 },
    ]);
  });

  it("makes a level or period cleared on our template an error: the template always writes both", () => {
    const result = validate(templateWith({ level: "", period: "" }));
    expect(byInputs(result).map((finding) => [finding.kind, finding.severity, finding.cells])).toEqual([
      ["level_unknown", "error", ["'Sở TTTT'!D4"]],
      ["period_unknown", "error", ["'Sở TTTT'!E4"]],
    ]);
    expect(byInputs(result)[0]!.message.vi).toMatch(/^Dòng 4 chưa ghi cấp của đơn vị: hãy ghi “Sở, ngành”/);
    expect(byInputs(result)[1]!.message.en).toMatch(/^Row 4 does not state the period: write it as/);
    expect(result.verdict).toBe("not_ready");
  });

  it("warns about a sheet typed by hand without row 4, as the printed form is, and leaves it ready", () => {
    const result = validate(typedByHand(templateGrid(READY)));
    expect(
      byInputs(result).map((finding) => [finding.kind, finding.severity, finding.cells, finding.params]),
    ).toEqual([
      ["level_unknown", "warning", [], { levels: ["so", "huyen", "xa"] }],
      ["period_unknown", "warning", [], {}],
    ]);
    expect(byInputs(result)[0]!.message.vi).toMatch(
      /^Phụ lục không có dòng 4 \(“Đơn vị báo cáo:” ở cột A\) nên chưa ghi cấp của đơn vị: thêm dòng này, ghi cấp ở cột D/,
    );
    expect(byInputs(result)[1]!.message.en).toMatch(
      /^The appendix has no row 4 \(“Đơn vị báo cáo:” in column A\), so it does not state the period: add that row, with the period in column E/,
    );
    expect(result.verdict).toBe("ready");
  });

  it("warns about a sheet typed by hand whose row 4 leaves them blank, and errs on one typed wrong", () => {
    const byHand = typedByHand(templateGrid(READY));
    const row4 = (level: string | null, period: string | null): SheetGrid => {
      const inputs: CellInput[] = [];
      inputs[COLUMNS.code] = cellInput("Đơn vị báo cáo:");
      inputs[COLUMNS.label] = cellInput("Sở Thông tin và Truyền thông");
      inputs[COLUMNS.value] = cellInput(level);
      inputs[COLUMNS.note] = cellInput(period);
      return { name: byHand.name, cells: byHand.cells.map((line, at) => (at === 3 ? inputs : line)) };
    };
    const blank = validate(row4(null, "Quý III/2021"));
    expect(byInputs(blank).map((finding) => [finding.kind, finding.severity, finding.params])).toEqual([
      ["level_unknown", "warning", { typed: "", levels: ["so", "huyen", "xa"] }],
    ]);
    expect(blank.verdict).toBe("ready");
    const wrong = validate(row4("Sở, ngành", "Quý III năm hai nghìn"));
    expect(byInputs(wrong).map((finding) => [finding.kind, finding.severity])).toEqual([
      ["period_unknown", "error"],
    ]);
    expect(wrong.verdict).toBe("not_ready");
  });

  it("says nothing, and adds no rule, when row 4 states both or the sheet was not located from a grid", () => {
    const stated = validate(templateGrid(READY));
    expect(byInputs(stated)).toEqual([]);
    expect(stated.rules.some((rule) => rule.rule === "period")).toBe(false);
    expect(stated.verdict).toBe("ready");
    const located = locateAppendix(templateWith({ level: "", period: "" }))!;
    const described: AppendixSheet = {
      sheet: located.sheet,
      foundBy: located.foundBy,
      cells: new Map(located.cells),
    };
    expect(byInputs(validateAppendix(described))).toEqual([]);
  });
});
