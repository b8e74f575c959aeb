import { CatalogueIntegrityError, catalogueProblems } from "../../../src/domain/catalogue/integrity";
import {
  appliesIn,
  catalogue,
  filledAt,
  CCHC_PL_2021_VERSION,
  normaliseCode,
  ROW_FIELDS,
  RULE_FIELDS,
} from "../../../src/domain/catalogue";
import {
  CatalogueSchema,
  loadCatalogue,
  RelationRuleSchema,
  RowDefSchema,
} from "../../../src/domain/catalogue/load";
import type { Catalogue, CatalogueInput } from "../../../src/domain/catalogue";
import { CCHC_PL_2021 } from "../../../src/domain/catalogue/cchc-pl-2021";

/** A catalogue parsed by its schema but not checked, for the integrity rules themselves. */
function loadCatalogueUnchecked(input: CatalogueInput): Catalogue {
  return CatalogueSchema.parse(input);
}

describe("the 2021 catalogue", () => {
  it("carries its template version id", () => {
    expect(catalogue.templateVersion).toBe(CCHC_PL_2021_VERSION);
    expect(CCHC_PL_2021_VERSION).toBe("CCHC-PL-2021");
  });

  it("is, without zod at run time, exactly what its schema parses it to (defaults filled, fields in order)", () => {
    const parsed = loadCatalogue(CCHC_PL_2021);
    expect(catalogue).toStrictEqual(parsed);
    expect(catalogue.rows.map((row) => Object.keys(row))).toEqual(parsed.rows.map((row) => Object.keys(row)));
    expect(ROW_FIELDS).toEqual(Object.keys(RowDefSchema.shape));
    expect(RULE_FIELDS).toEqual(Object.keys(RelationRuleSchema.shape));
  });

  it("gives every row, and every relation, the same fields in the same order", () => {
    // The engine reads rows and rules on every validation; one shape each keeps those reads direct.
    expect(new Set(catalogue.rows.map((row) => Object.keys(row).join(","))).size).toBe(1);
    expect(new Set(catalogue.relations.map((rule) => Object.keys(rule).join(","))).size).toBe(1);
  });

  it("is sound: unique codes, known references, no cycles, units on every value row", () => {
    expect(catalogueProblems(catalogue)).toEqual([]);
  });

  it("lists every row of the seed's appendix from 1 to 7.8.4 in the form's order", () => {
    const codes = catalogue.appendixRows.map((row) => row.code);
    expect(codes[0]).toBe("1");
    expect(codes[codes.length - 1]).toBe("7.8.4");
    expect(codes).toHaveLength(109);
    expect(codes.indexOf("3.4.5")).toBe(codes.indexOf("3.4.4") + 1);
    expect(codes.slice(codes.indexOf("4.1.4"), codes.indexOf("4.1.4") + 5)).toEqual([
      "4.1.4",
      "4.1.4.a",
      "4.1.4.b",
      "4.1.4.c",
      "4.1.4.d",
    ]);
  });

  it("holds the source block HS, DV, QT, VB and BC", () => {
    expect(catalogue.sourceRows.map((row) => row.code)).toEqual([
      "HS.1",
      "HS.1.1",
      "HS.1.2",
      "HS.2",
      "HS.2.1",
      "HS.2.2",
      "HS.3",
      "HS.3.1",
      "HS.3.2",
      "HS.4",
      "HS.5",
      "DV.3",
      "DV.3.1",
      "DV.3.2",
      "DV.4",
      "DV.4.1",
      "DV.4.2",
      "QT.1",
      "QT.2",
      "QT.3",
      "VB.1",
      "VB.2",
      "BC.1",
      "BC.2",
      "BC.3",
    ]);
  });

  it("derives exactly the ten percentages of the form", () => {
    expect(catalogue.derivedRows.map((row) => row.code)).toEqual([
      "3.3.3",
      "3.3.4",
      "3.4.1",
      "3.4.2",
      "3.4.3",
      "4.1.4.d",
      "4.2.5",
      "4.3.4",
      "7.6.2.a",
      "7.6.2.b",
      "7.8.3",
      "7.8.4",
    ]);
  });

  it.each([
    ["1.1.1", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", "count"],
    [
      "1.2",
      "Tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp",
      "Không = 0 Có = 1",
      "coded",
    ],
    ["3.1.3.a", "Số TTHC cấp tỉnh:", "Thủ tục", "count"],
    ["4.1.4.d", "<i>Tỷ lệ ĐVSNCL đã cắt giảm so với năm 2015</i>", "%", "percent"],
    [
      "5.3.1",
      "Thực hiện tuyển chọn, bổ nhiệm lãnh đạo qua thi tuyển",
      "Đã thực hiện = 1 Chưa thực hiện = 0",
      "coded",
    ],
    ["7.2", expect.stringContaining("Liên thông 3 cấp"), "Chưa có = 0 2 cấp = 1 3 cấp = 2", "coded"],
    ["7.4", expect.stringContaining("chứng thư số"), "%", "percent"],
    ["7.8.1", "Tổng số TTHC cung cấp trực tuyến mức độ 3", "TTHC", "count"],
  ])("transcribes %s as printed in the seed", (code, label, unit, kind) => {
    const row = catalogue.byCode.get(code);
    expect(row?.label.vi).toEqual(label);
    expect(row?.unit?.vi).toBe(unit);
    expect(row?.kind).toBe(kind);
    expect(row?.label.en.length).toBeGreaterThan(3);
  });

  it("prints 'Trong đó' on the first row under a total and nothing on the next", () => {
    expect(["3.1.3.a", "3.1.3.b", "3.1.3.c"].map((code) => catalogue.byCode.get(code)?.printed)).toEqual([
      "Trong đó",
      "",
      "",
    ]);
    expect(catalogue.byCode.get("3.4.5")?.printed).toBe("3.4.5.");
  });

  it("rejects a catalogue with a duplicate code, an unknown reference and a parent cycle", () => {
    const broken = structuredClone(CCHC_PL_2021);
    broken.rows.push({ ...broken.rows[2]! });
    broken.relations.push({
      id: "order:x",
      kind: "order",
      left: ["9.9"],
      right: ["1.1.1"],
      relation: "le",
      severity: "error",
    });
    broken.rows[0] = { ...broken.rows[0]!, parent: "1.1" };
    let caught: unknown;
    try {
      loadCatalogue(broken);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CatalogueIntegrityError);
    const problems = (caught as CatalogueIntegrityError).problems;
    expect(problems).toEqual([
      { kind: "code_twice", subject: { row: "1.1.1" }, field: "code", params: { code: "1.1.1" } },
      { kind: "parent_cycle", subject: { row: "1" }, field: "parent", params: { code: "1" } },
      { kind: "code_unknown", subject: { rule: "order:x" }, field: "left", params: { code: "9.9" } },
    ]);
    expect((caught as Error).message).toBe(
      "Catalogue integrity: row 1.1.1, code: code twice (code 1.1.1); row 1, parent: parent cycle (code 1); " +
        "rule order:x, left: code unknown (code 9.9)",
    );
  });

  it("says a cycle of parents once, at its first row, not at the rows that lead into it", () => {
    const parsed = loadCatalogueUnchecked(CCHC_PL_2021);
    const parents: Record<string, string> = { "1.1": "1.1.2", "1.1.2": "1.1" };
    const broken = {
      ...parsed,
      rows: parsed.rows.map((row) => (parents[row.code] ? { ...row, parent: parents[row.code] } : row)),
    };
    expect(broken.rows.filter((row) => row.parent === "1.1").length).toBeGreaterThan(1);
    expect(catalogueProblems(broken)).toEqual([
      { kind: "parent_cycle", subject: { row: "1.1" }, field: "parent", params: { code: "1.1" } },
    ]);
  });

  it("rejects a derived row that reads a percentage", () => {
    const broken = structuredClone(CCHC_PL_2021);
    const row = broken.rows.find((candidate) => candidate.code === "7.8.3")!;
    row.derived = { plus: ["7.8.4"], minus: [], denominator: ["DV.3"] };
    expect(catalogueProblems(loadCatalogueUnchecked(broken))).toEqual([
      {
        kind: "derived_reads_non_count",
        subject: { row: "7.8.3" },
        field: "derived",
        params: { code: "7.8.3", input: "7.8.4" },
      },
    ]);
    expect(() => loadCatalogue(broken)).toThrow(
      "row 7.8.3, derived: derived reads non count (code 7.8.3, input 7.8.4)",
    );
  });

  it("bounds the figures a typing slip turns absurd: staff, units, procedures, dossiers, reduction rates", () => {
    const bounds = (code: string) => catalogue.byCode.get(code)?.plausible;
    expect(bounds("4.2.1")?.max).toEqual({ so: 2000, huyen: 1000, xa: 300 });
    expect(bounds("4.3.1")?.max?.so).toBeGreaterThanOrEqual(10_000);
    for (const code of ["5.1.2", "6.1", "4.1.4", "QT.1", "3.2.1", "HS.1", "DV.4.1", "7.6.2"]) {
      expect([code, bounds(code)?.max?.so]).toEqual([code, expect.any(Number)]);
    }
    for (const code of ["4.1.4.d", "4.2.5", "4.3.4"]) expect(bounds(code)).toEqual({ min: -100 });
    // The seed's own figures are all within them.
    expect(
      catalogue.rows.filter((row) => row.plausible && row.kind !== "count" && row.kind !== "percent"),
    ).toEqual([]);
  });

  it("rejects plausible bounds on a heading and a maximum below the minimum", () => {
    const broken = structuredClone(CCHC_PL_2021);
    broken.rows.find((candidate) => candidate.code === "4.2")!.plausible = { max: { so: 10 } };
    broken.rows.find((candidate) => candidate.code === "4.2.1")!.plausible = { min: 50, max: { so: 10 } };
    expect(catalogueProblems(loadCatalogueUnchecked(broken))).toEqual([
      { kind: "limit_not_figure", subject: { row: "4.2" }, field: "plausible", params: { code: "4.2" } },
      { kind: "limit_order", subject: { row: "4.2.1" }, field: "plausible", params: { code: "4.2.1" } },
    ]);
  });

  it("expects the six rows that presuppose districts only for periods before the 2025 reform", () => {
    const aboutDistricts = catalogue.rows.filter((row) => row.notApplicableFrom !== undefined);
    expect(aboutDistricts.map((row) => [row.code, row.notApplicableFrom])).toEqual(
      ["3.4.2", "4.1.4.c", "5.3.4", "7.2", "7.6.1.b", "7.7.2"].map((code) => [code, "2025-Q3"]),
    );
    for (const row of aboutDistricts) {
      expect([row.code, appliesIn(row, "2025-H1"), appliesIn(row, "2025-Q2")]).toEqual([
        row.code,
        true,
        true,
      ]);
      expect([row.code, appliesIn(row, "2025-Q3"), appliesIn(row, "2025")]).toEqual([row.code, false, false]);
      expect(appliesIn(row, undefined)).toBe(true);
    }
    const onTime = catalogue.byCode.get("3.4.3")!;
    expect(appliesIn(onTime, "2026-Q1")).toBe(true);
  });

  it("lets a level fill a row only in the periods the row applies in", () => {
    const districtRate = catalogue.byCode.get("3.4.2")!;
    const province = catalogue.byCode.get("7.2")!;
    expect(filledAt(districtRate, "huyen", "2025-H1")).toBe(true);
    expect(filledAt(districtRate, "huyen", "2025-Q3")).toBe(false);
    expect(filledAt(districtRate, "huyen")).toBe(true);
    expect(filledAt(province, "so", "2021-Q3")).toBe(true);
    expect(filledAt(province, "so", "2026-Q1")).toBe(false);
  });

  it("rejects a row not applicable from something that is no period", () => {
    const input = structuredClone(CCHC_PL_2021);
    input.rows.find((candidate) => candidate.code === "3.4.2")!.notApplicableFrom = "01/7/2025";
    // The schema refuses it; a catalogue built in code skips the schema and meets the integrity check.
    expect(() => loadCatalogue(input)).toThrow();
    const parsed = loadCatalogueUnchecked(CCHC_PL_2021);
    const broken = {
      ...parsed,
      rows: parsed.rows.map((row) =>
        row.code === "3.4.2" ? { ...row, notApplicableFrom: "01/7/2025" } : row,
      ),
    };
    expect(catalogueProblems(broken)).toEqual([
      {
        kind: "period_invalid",
        subject: { row: "3.4.2" },
        field: "notApplicableFrom",
        params: { text: "01/7/2025" },
      },
    ]);
  });
});

describe("normaliseCode", () => {
  it.each([
    ["1.1.1.", "1.1.1"],
    ["1.1.1", "1.1.1"],
    [" 3.3.1 ", "3.3.1"],
    ["1.", "1"],
    ["3.1.3.a", "3.1.3.a"],
    ["HS.2.1", "HS.2.1"],
    ["DVC.1", "DVC.1"],
    ["1.2.e.", "1.2.e"],
    ["TTHC.3.1", "TTHC.3.1"],
    ["ABCDE.1", ""],
    ["HS", ""],
    ["1.2.ab", ""],
    ["Trong đó", ""],
    ["", ""],
    ["STT", ""],
  ])("reads %j as %j", (printed, code) => {
    expect(normaliseCode(printed)).toBe(code);
  });
});

describe("a form's own data", () => {
  it("says who reports on the 2021 form and from when", () => {
    expect([catalogue.levels, catalogue.appliesFrom, catalogue.appliesTo]).toEqual([
      ["so", "huyen", "xa"],
      "2021-Q1",
      undefined,
    ]);
  });

  it("carries the previous period's dossiers in progress over as HS.1.1, by data", () => {
    expect(catalogue.rows.filter((row) => row.carriedFrom).map((row) => [row.code, row.carriedFrom])).toEqual(
      [["HS.1.1", "HS.3"]],
    );
  });

  it("holds the report wordings in the rows, the short ones counting only under their parent", () => {
    expect(catalogue.byCode.get("HS.3.2")?.reportWordings).toEqual({
      anywhere: [],
      underParent: ["Quá hạn", "Đã quá hạn"],
    });
    expect(catalogue.byCode.get("QT.1")?.reportWordings).toEqual({
      anywhere: ["Số TTHC thuộc thẩm quyền giải quyết"],
      underParent: [],
    });
    expect(catalogue.reportWordings.map((wording) => wording.code)).toEqual(
      catalogue.sourceRows.map((row) => row.code),
    );
  });

  it("refuses levels, periods, carried rows and wordings that do not fit", () => {
    const parsed = loadCatalogueUnchecked(CCHC_PL_2021);
    const changed: Record<string, Partial<Catalogue["rows"][number]>> = {
      "HS.1.1": { carriedFrom: "HS.9" },
      "HS.1.2": { carriedFrom: "3.4.1" },
      "QT.1": { reportWordings: { anywhere: [], underParent: ["Thẩm quyền"] } },
    };
    const broken: Catalogue = {
      ...parsed,
      levels: ["so", "huyen", "xa", "xa"],
      appliesFrom: "2026-Q1",
      appliesTo: "2025",
      rows: parsed.rows.map((row) => ({ ...row, ...changed[row.code] })),
    };
    expect(catalogueProblems(broken)).toEqual([
      {
        kind: "period_order",
        subject: { form: true },
        field: "appliesTo",
        params: { from: "2026-Q1", to: "2025" },
      },
      { kind: "level_twice", subject: { form: true }, field: "levels", params: { level: "xa" } },
      { kind: "code_unknown", subject: { row: "HS.1.1" }, field: "carriedFrom", params: { code: "HS.9" } },
      {
        kind: "carried_not_count",
        subject: { row: "HS.1.2" },
        field: "carriedFrom",
        params: { code: "HS.1.2", from: "3.4.1" },
      },
      {
        kind: "wording_without_parent",
        subject: { row: "QT.1" },
        field: "reportWordings",
        params: { code: "QT.1" },
      },
    ]);
    expect(catalogueProblems({ ...parsed, levels: [] })[0]).toEqual({
      kind: "list_empty",
      subject: { form: true },
      field: "levels",
      params: {},
    });
    const noDistricts = catalogueProblems({ ...parsed, levels: ["so", "xa"] });
    expect(noDistricts).toContainEqual({
      kind: "level_not_on_form",
      subject: { row: "3.4.2" },
      field: "scope",
      params: { code: "3.4.2", level: "huyen" },
    });
    expect(noDistricts).toHaveLength(parsed.rows.filter((row) => row.scope.includes("huyen")).length);
  });
});
