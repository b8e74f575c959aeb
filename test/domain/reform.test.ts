import type { SheetValidation } from "../../src/domain/engine";
import { validateAppendix } from "../../src/domain/engine";
import { locateAppendix } from "../../src/domain/locate";
import { districtName } from "../../src/domain/reform";
import type { GridOptions, TypedValue } from "../helpers/seed";
import { SEED_VALUES, seedWith, templateGrid } from "../helpers/seed";

function validate(values: Readonly<Record<string, TypedValue>>, options: GridOptions): SheetValidation {
  const sheet = locateAppendix(templateGrid(values, options));
  if (!sheet) throw new Error("the grid holds no appendix");
  return validateAppendix(sheet);
}

const ofKind = (result: SheetValidation, kind: string) =>
  result.findings.filter((finding) => finding.kind === kind);

const notBy = (result: SheetValidation, rule: string) =>
  result.findings.filter((finding) => finding.rule !== rule).map((finding) => [finding.kind, finding.codes]);

describe("an appendix for a period after the 2025 reform", () => {
  it("takes the seed's figures in the rows about districts as not asked for, in an info per row", () => {
    const result = validate(SEED_VALUES, { period: "Quý I/2026" });
    const infos = ofKind(result, "row_not_applicable");
    expect(infos.map((finding) => [finding.severity, finding.codes])).toEqual([
      ["info", ["7.2"]],
      ["info", ["7.6.1.b"]],
      ["info", ["7.7.2"]],
    ]);
    expect(infos[0]!.cells).toEqual([expect.stringMatching(/^'Sở TTTT'!D\d+$/)]);
    expect(infos[0]!.params).toEqual({ code: "7.2", from: "2025-Q3", period: "2026-Q1" });
    expect(infos[0]!.message.vi).toBe(
      "Xây dựng và vận hành Hệ thống hợp trực tuyến Liên thông 2 cấp: Từ UBND tỉnh đến 100% UBND các huyện. Liên thông 3 cấp: Từ UBND tỉnh đến 100% UBND cấp huyện, cấp xã (7.2) không áp dụng từ 01/7/2025: kỳ Quý I/2026 không cần nhập chỉ tiêu này; số liệu đã nhập không được tổng hợp.",
    );
    expect(infos[1]!.message.en).toBe(
      "Share of district People's Committees linked with the province (7.6.1.b) does not apply from 1 July 2025: 2026-Q1 does not ask for it, and the figure typed is left out of the consolidation.",
    );
    // A department is no district: nothing else changes, and its verdict is the seed's.
    expect(ofKind(result, "district_after_reform")).toEqual([]);
    const earlier = validate(SEED_VALUES, {});
    expect(notBy(result, "period")).toEqual(notBy(earlier, "period"));
    expect(result.verdict).toBe(earlier.verdict);
    expect(result.rules.find((rule) => rule.rule === "period")).toEqual({
      rule: "period",
      passed: 0,
      failed: 1,
      notEvaluated: 0,
    });
  });

  it("leaves the rows about districts out of the blanks still expected, as of 2025-Q3 and not before", () => {
    const blank = seedWith({ "3.4.2": undefined, "5.3.4": undefined, "3.4.3": undefined });
    const before = validate(blank, { unit: "UBND huyện Càng Long", level: "huyen", period: "2025-Q2" });
    expect(before.blankExpected).toEqual(expect.arrayContaining(["3.4.2", "5.3.4"]));
    const halfYear = validate(blank, {
      unit: "UBND huyện Càng Long",
      level: "huyen",
      period: "6 tháng/2025",
    });
    expect(halfYear.blankExpected).toEqual(before.blankExpected);
    for (const period of ["Quý III/2025", "Năm 2025"]) {
      const after = validate(blank, { unit: "UBND huyện Càng Long", level: "huyen", period });
      expect(after.blankExpected).toEqual(
        before.blankExpected.filter((code) => code !== "3.4.2" && code !== "5.3.4"),
      );
    }
  });

  it("warns once, naming the reform, about an appendix whose level is a district's", () => {
    const result = validate(SEED_VALUES, { unit: "Sở TTTT", level: "huyen", period: "2026-Q1" });
    const warnings = ofKind(result, "district_after_reform");
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning).toMatchObject({
      rule: "period",
      severity: "warning",
      codes: [],
      cells: ["'Sở TTTT'!D4"],
      params: { period: "2026-Q1", level: "huyen" },
    });
    expect(warning!.message.vi).toBe(
      "Phụ lục là của cấp huyện (ghi cấp Huyện) nhưng báo cáo kỳ Quý I/2026: từ 01/7/2025 không còn cấp huyện (chính quyền địa phương hai cấp). Kiểm tra lại tên đơn vị, cấp và kỳ báo cáo ở dòng 4.",
    );
    expect(warning!.message.en).toBe(
      "The appendix is a district's (its level is district) but reports for 2026-Q1: there are no districts from 1 July 2025 (two-level local government). Check the unit's name, level and period in row 4.",
    );
  });

  it("warns about an appendix whose unit is named as a district's, whatever level it states", () => {
    const result = validate(SEED_VALUES, { unit: "UBND huyện Càng Long", level: "xa", period: "2025" });
    const [warning] = ofKind(result, "district_after_reform");
    expect(warning).toMatchObject({ cells: ["'Sở TTTT'!B4"], params: { unit: "UBND huyện Càng Long" } });
    expect(warning!.message.vi).toContain("(đơn vị “UBND huyện Càng Long”)");
    expect(warning!.message.en).toContain("(the unit is “UBND huyện Càng Long”)");
  });

  it("says nothing of the reform for a district's appendix of a period before it", () => {
    for (const period of ["Quý II/2025", "6 tháng/2025", "Quý III/2021"]) {
      const result = validate(SEED_VALUES, { unit: "UBND huyện Càng Long", level: "huyen", period });
      expect(result.findings.filter((finding) => finding.rule === "period")).toEqual([]);
      expect(result.rules.some((rule) => rule.rule === "period")).toBe(false);
    }
  });
});

describe("districtName", () => {
  it.each([
    "UBND huyện Càng Long",
    "Ủy ban nhân dân huyện Cầu Kè",
    "Văn phòng UBND huyện Càng Long",
    "Huyện Càng Long",
    "UBND quận 1",
    "UBND thị xã Duyên Hải",
    "UBND. Huyện Tiểu Cần",
  ])("takes %s for a district's unit", (unit) => {
    expect(districtName(unit)).toBe(true);
  });

  it.each([
    "Sở Thông tin và Truyền thông",
    "UBND xã Long Đức",
    "UBND phường 1",
    "Văn phòng UBND tỉnh Trà Vinh",
    "UBND tỉnh",
  ])("does not take %s for one", (unit) => {
    expect(districtName(unit)).toBe(false);
  });

  it("takes a city for a district before the reform only: the cities that remain after it are provinces", () => {
    expect(districtName("UBND thành phố Trà Vinh", "2025-Q2")).toBe(true);
    expect(districtName("UBND thành phố Cần Thơ", "2026-Q1")).toBe(false);
    expect(districtName("Huyện Càng Long", "2026-Q1")).toBe(true);
  });
});
