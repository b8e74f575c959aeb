import type { CatalogueInput } from "../../../src/domain/catalogue";
import { CatalogueIntegrityError } from "../../../src/domain/catalogue";
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
function problemsOf(input: CatalogueInput): string[] {
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
      "1.3 names role snv, which the form does not declare",
    ]);
    expect(problemsOf(withRow("HSO.2", { carriedFrom: "HSO.9" }))).toEqual([
      "carriedFrom of HSO.2 names unknown code HSO.9",
    ]);
    expect(problemsOf(withRow("1.2", { scope: ["so", "huyen"] }))).toEqual([
      "1.2 is filled at level huyen, which does not report on the form",
    ]);
    expect(
      problemsOf(withRow("1.1", { derived: { plus: ["DVC.1"], denominator: ["DVC.3", "1.1"] } })),
    ).toEqual(["derived 1.1 reads 1.1, not a count"]);
    expect(problemsOf({ ...SMALL_FORM, appliesTo: "2025-Q4" })).toEqual([
      "the form stops applying before it begins",
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
