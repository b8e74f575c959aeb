import type { Level } from "../../src/domain/catalogue";
import {
  afterReform,
  checkLevelInPeriod,
  InvalidMetaError,
  LEVEL_LABELS_IN_ORDER,
  levelLabel,
  levelsIn,
  parseLevel,
  parsePeriod,
  periodLabel,
  periodMonths,
  periodReaches,
  periodStartText,
} from "../../src/domain/meta";

describe("levelLabel", () => {
  it.each<[Level, string]>([
    ["so", "Sở, ngành"],
    ["huyen", "Huyện"],
    ["xa", "Xã"],
  ])("prints %s as %s", (level, label) => {
    expect(levelLabel(level)).toBe(label);
  });

  it("lists the labels in the form's order", () => {
    expect(LEVEL_LABELS_IN_ORDER).toEqual(["Sở, ngành", "Huyện", "Xã"]);
  });

  it("throws a bilingual InvalidMetaError for a level that is not one", () => {
    const call = () => levelLabel("tinh" as Level);
    expect(call).toThrow(InvalidMetaError);
    try {
      call();
    } catch (error) {
      expect(error).toMatchObject({ field: "level", input: "tinh" });
      expect((error as InvalidMetaError).bilingual.vi).toContain("Cấp");
      expect((error as InvalidMetaError).bilingual.en).toContain("Invalid level");
    }
  });
});

describe("parseLevel", () => {
  it.each<[string, Level]>([
    ["so", "so"],
    ["SO", "so"],
    ["Sở", "so"],
    ["sở", "so"],
    ["Sở, ngành", "so"],
    ["Sở,ngành", "so"],
    ["Sở/ngành", "so"],
    ["Sở / Ngành", "so"],
    ["so nganh", "so"],
    ["Cấp sở", "so"],
    ["  Sở, ngành  ", "so"],
    ["huyen", "huyen"],
    ["Huyện", "huyen"],
    ["HUYỆN", "huyen"],
    ["Cấp huyện", "huyen"],
    ["xa", "xa"],
    ["Xã", "xa"],
    ["XÃ", "xa"],
    // A decomposed "Xã" (NFD), as some keyboards and PDFs produce it.
    ["Xa\u0303", "xa"],
  ])("reads %j as %s", (text, level) => {
    expect(parseLevel(text)).toBe(level);
  });

  it.each(["", "tỉnh", "sở ngành huyện", "x", "so1", "Sở, ngành, huyện"])("rejects %j", (text) => {
    expect(parseLevel(text)).toBeUndefined();
  });

  it.each<Level>(["so", "huyen", "xa"])("reads back what levelLabel prints for %s", (level) => {
    expect(parseLevel(levelLabel(level))).toBe(level);
  });
});

describe("periodLabel", () => {
  it.each([
    ["2021-Q1", "Quý I/2021"],
    ["2021-Q2", "Quý II/2021"],
    ["2021-Q3", "Quý III/2021"],
    ["2021-Q4", "Quý IV/2021"],
    ["2021-H1", "6 tháng/2021"],
    ["2021", "Năm 2021"],
    ["2000", "Năm 2000"],
    ["2099-Q4", "Quý IV/2099"],
  ])("prints %s as %s", (period, label) => {
    expect(periodLabel(period)).toBe(label);
  });

  it.each(["", "2021-Q5", "2021-Q0", "2021-H2", "2021-q3", "21-Q3", "1999", "2100", "Quý III/2021", " 2021"])(
    "throws a bilingual InvalidMetaError for %j",
    (period) => {
      expect(() => periodLabel(period)).toThrow(InvalidMetaError);
      expect(() => periodLabel(period)).toThrow(/Kỳ báo cáo .* không hợp lệ.*Invalid period/);
    },
  );
});

describe("parsePeriod", () => {
  it.each([
    ["2021-Q3", "2021-Q3"],
    ["2021-q3", "2021-Q3"],
    ["2021-H1", "2021-H1"],
    ["2021-h1", "2021-H1"],
    ["2021", "2021"],
    [" 2021 ", "2021"],
    ["Quý I/2021", "2021-Q1"],
    ["Quý II/2021", "2021-Q2"],
    ["Quý III/2021", "2021-Q3"],
    ["Quý IV/2021", "2021-Q4"],
    ["quý iii/2021", "2021-Q3"],
    ["QUÝ III/2021", "2021-Q3"],
    ["Quy III/2021", "2021-Q3"],
    ["Quý III / 2021", "2021-Q3"],
    ["Quý III - 2021", "2021-Q3"],
    ["Quý 3/2021", "2021-Q3"],
    ["Quý 3 năm 2021", "2021-Q3"],
    ["Quý III năm 2021", "2021-Q3"],
    ["Quý 3 2021", "2021-Q3"],
    ["Q3/2021", "2021-Q3"],
    ["6 tháng/2021", "2021-H1"],
    ["6 tháng năm 2021", "2021-H1"],
    ["6 tháng đầu năm 2021", "2021-H1"],
    ["6 THÁNG/2021", "2021-H1"],
    ["6 thang 2021", "2021-H1"],
    ["Năm 2021", "2021"],
    ["năm 2021", "2021"],
    ["NĂM 2021", "2021"],
  ])("reads %j as %s", (text, period) => {
    expect(parsePeriod(text)).toBe(period);
  });

  it.each([
    "",
    "2021-Q5",
    "2021-H2",
    "Quý V/2021",
    "Quý 5/2021",
    "Quý III",
    "Quý III/21",
    "9 tháng/2021",
    "6 tháng cuối năm 2021",
    "Năm",
    "1999",
    "Năm 2100",
    "Quý IIII/2021",
    "tháng 6/2021",
  ])("rejects %j", (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  it.each(["2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4", "2021-H1", "2021"])(
    "reads back what periodLabel prints for %s",
    (period) => {
      expect(parsePeriod(periodLabel(period))).toBe(period);
    },
  );
});

describe("the 2025 reform of local government", () => {
  it.each<[string, boolean]>([
    ["2025-Q2", false],
    ["2025-H1", false],
    ["2025-Q1", false],
    ["2024", false],
    ["2021-Q3", false],
    ["2025-Q3", true],
    ["2025-Q4", true],
    ["2025", true],
    ["2026-Q1", true],
    ["2026-H1", true],
  ])("takes %s as after the reform: %s (it ends after 30 June 2025)", (period, after) => {
    expect(afterReform(period)).toBe(after);
  });

  it("takes an unknown period as not after the reform", () => {
    expect(afterReform(undefined)).toBe(false);
    expect(afterReform("9 tháng 2025")).toBe(false);
    expect(afterReform("2025-Q5")).toBe(false);
  });

  it("has no notation for nine months: only quarters, the first half and the year are periods", () => {
    expect(parsePeriod("9 tháng 2025")).toBeUndefined();
    expect(parsePeriod("2025-9M")).toBeUndefined();
  });

  it("counts a period's months from its first to its last", () => {
    expect(periodMonths("2025-Q3")).toEqual({ start: 2025 * 12 + 6, end: 2025 * 12 + 8 });
    expect(periodMonths("2025-H1")).toEqual({ start: 2025 * 12, end: 2025 * 12 + 5 });
    expect(periodMonths("2025")).toEqual({ start: 2025 * 12, end: 2025 * 12 + 11 });
    expect(periodMonths("Quý III/2025")).toBeUndefined();
  });

  it("says a period reaches another when it ends in or after the other's first month", () => {
    expect(periodReaches("2025", "2025-Q3")).toBe(true);
    expect(periodReaches("2025-Q3", "2025-Q3")).toBe(true);
    expect(periodReaches("2025-Q2", "2025-Q3")).toBe(false);
    expect(periodReaches("2026-Q1", "2025")).toBe(true);
    expect(periodReaches("2024-Q4", "2025")).toBe(false);
    expect(periodReaches("2026-Q1", "not a period")).toBe(false);
  });

  it("writes a period's first day the way each language writes dates", () => {
    expect(periodStartText("2025-Q3")).toEqual({ vi: "01/7/2025", en: "1 July 2025" });
    expect(periodStartText("2026")).toEqual({ vi: "01/1/2026", en: "1 January 2026" });
    expect(() => periodStartText("Quý III/2025")).toThrow(InvalidMetaError);
  });

  it("offers the district level only for periods before the reform", () => {
    expect(levelsIn("2025-Q2")).toEqual(["so", "huyen", "xa"]);
    expect(levelsIn("2025-H1")).toEqual(["so", "huyen", "xa"]);
    expect(levelsIn("2025-Q3")).toEqual(["so", "xa"]);
    expect(levelsIn("2025")).toEqual(["so", "xa"]);
    expect(levelsIn("2026-Q1")).toEqual(["so", "xa"]);
    expect(levelsIn(undefined)).toEqual(["so", "huyen", "xa"]);
  });

  it("refuses a district for a period after the reform, saying since when there are none, in both languages", () => {
    expect(() => checkLevelInPeriod("huyen", "2025-H1")).not.toThrow();
    expect(() => checkLevelInPeriod("so", "2026-Q1")).not.toThrow();
    expect(() => checkLevelInPeriod("xa", "2026-Q1")).not.toThrow();
    let thrown: unknown;
    try {
      checkLevelInPeriod("huyen", "2026-Q1");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidMetaError);
    expect(thrown).toMatchObject({ field: "level", input: "huyen" });
    expect((thrown as InvalidMetaError).bilingual).toEqual({
      vi: "Kỳ Quý I/2026: từ 01/7/2025 không còn cấp huyện (chính quyền địa phương hai cấp). Chọn Sở, ngành (so) hoặc Xã (xa).",
      en: "2026-Q1: there is no district level from 1 July 2025 (two-level local government). Choose department (so) or commune (xa).",
    });
  });
});
