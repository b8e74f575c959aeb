import { CatalogueIntegrityError } from "../../../src/domain/catalogue/integrity";
import type { CatalogueInput, CatalogueProblem } from "../../../src/domain/catalogue";
import { loadCatalogue } from "../../../src/domain/catalogue/load";
import { SMALL_FORM } from "../../helpers/small-form";

// The schema holds everything the definition contract adds (DESIGN.md section 11), for a form that is not the 2021 one.

function withRow(code: string, change: Partial<CatalogueInput["rows"][number]>): CatalogueInput {
  return {
    ...SMALL_FORM,
    rows: SMALL_FORM.rows.map((row) => (row.code === code ? { ...row, ...change } : row)),
  };
}

/** The integrity problems loadCatalogue refuses a form with. */
function problemsOf(input: CatalogueInput): readonly CatalogueProblem[] {
  try {
    loadCatalogue(input);
    return [];
  } catch (error) {
    if (error instanceof CatalogueIntegrityError) return error.problems;
    throw error;
  }
}

describe("a form read at run time", () => {
  it("holds its levels, periods, roles, sum denominators, wordings and carried rows", () => {
    const form = loadCatalogue(SMALL_FORM);
    expect([form.templateVersion, form.levels, form.appliesFrom, form.appliesTo]).toEqual([
      "PL-THU-2026",
      ["so", "xa"],
      "2026-Q1",
      undefined,
    ]);
    expect(form.roles.map((role) => role.id)).toEqual(["stc"]);
    expect(form.byCode.get("1.3")?.role).toBe("stc");
    expect(form.derivedRows.map((row) => [row.code, row.derived])).toEqual([
      ["1.1", { plus: ["DVC.1", "DVC.2"], minus: [], denominator: ["DVC.3", "DVC.4"] }],
    ]);
    expect(form.reportWordings).toEqual([
      { code: "HSO.1", anywhere: ["Số hồ sơ tồn cuối kỳ"], underParent: [] },
    ]);
    expect(form.byCode.get("HSO.2")?.carriedFrom).toBe("HSO.1");
  });

  it("is refused for each reference that does not hold, one problem each", () => {
    expect(problemsOf(withRow("1.3", { role: "snv" }))).toEqual([
      {
        kind: "role_unknown",
        subject: { row: "1.3" },
        field: "role",
        params: { code: "1.3", role: "snv", known: ["stc"] },
      },
    ]);
    expect(problemsOf(withRow("HSO.2", { carriedFrom: "HSO.9" }))).toEqual([
      { kind: "code_unknown", subject: { row: "HSO.2" }, field: "carriedFrom", params: { code: "HSO.9" } },
    ]);
    expect(problemsOf(withRow("1.2", { scope: ["so", "huyen"] }))).toEqual([
      {
        kind: "level_not_on_form",
        subject: { row: "1.2" },
        field: "scope",
        params: { code: "1.2", level: "huyen" },
      },
    ]);
    expect(
      problemsOf(withRow("1.1", { derived: { plus: ["DVC.1"], denominator: ["DVC.3", "1.1"] } })),
    ).toEqual([
      {
        kind: "derived_reads_non_count",
        subject: { row: "1.1" },
        field: "derived",
        params: { code: "1.1", input: "1.1" },
      },
    ]);
    expect(problemsOf({ ...SMALL_FORM, appliesTo: "2025-Q4" })).toEqual([
      {
        kind: "period_order",
        subject: { form: true },
        field: "appliesTo",
        params: { from: "2026-Q1", to: "2025-Q4" },
      },
    ]);
  });

  it("is refused by its schema for a code, a period or a role id outside their grammar", () => {
    expect(() => loadCatalogue(withRow("DVC.1", { code: "ABCDE.1" }))).toThrow();
    expect(() => loadCatalogue({ ...SMALL_FORM, appliesFrom: "2026-Q5" })).toThrow();
    expect(() =>
      loadCatalogue({ ...SMALL_FORM, roles: [{ ...SMALL_FORM.roles![0]!, id: "Sở TC" }] }),
    ).toThrow();
    expect(() => loadCatalogue(withRow("1.1", { derived: { plus: ["DVC.1"], denominator: [] } }))).toThrow();
  });
});
