import type { Level } from "../../src/domain/catalogue";
import {
  InvalidMetaError,
  LEVEL_LABELS_IN_ORDER,
  levelLabel,
  parseLevel,
  parsePeriod,
  periodLabel,
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
