import { catalogueProblems } from "../../../src/domain/catalogue/integrity";
import type { Catalogue } from "../../../src/domain/catalogue";
import { catalogue, roleByName, roleIn, roleNamesIn, rolesIn } from "../../../src/domain/catalogue";

// Roles are the form's data: which office reports the province-wide rows, recognised by its name, in which periods.

describe("the 2021 form's roles", () => {
  it("declare the three offices, the digital-government one twice: before and after the 2025 mergers", () => {
    expect(catalogue.roles.map((role) => [role.id, role.name.vi, role.from, role.until])).toEqual([
      ["vpubnd", "Văn phòng UBND tỉnh", undefined, undefined],
      ["snv", "Sở Nội vụ", undefined, undefined],
      ["stttt", "Sở Thông tin và Truyền thông", undefined, "2024-Q4"],
      ["stttt", "Sở Khoa học và Công nghệ", "2025-Q1", undefined],
    ]);
    expect(rolesIn(catalogue.roles, "2024-Q4").map((role) => role.id)).toEqual(["vpubnd", "snv", "stttt"]);
    expect(rolesIn(catalogue.roles, "2025-Q3").map((role) => role.id)).toEqual(["vpubnd", "snv", "stttt"]);
  });

  it("recognise Sở Khoa học và Công nghệ as the stttt office in 2025-Q3 and as no office in 2024-Q4", () => {
    const name = "Sở Khoa học và Công nghệ tỉnh Vĩnh Long";
    expect(roleByName(catalogue.roles, name, "2025-Q3")).toBe("stttt");
    expect(roleByName(catalogue.roles, name, "2024-Q4")).toBeUndefined();
    expect(roleByName(catalogue.roles, "Sở TT&TT tỉnh Trà Vinh", "2024-Q4")).toBe("stttt");
    expect(roleByName(catalogue.roles, "Sở TT&TT tỉnh Trà Vinh", "2025-Q3")).toBeUndefined();
  });

  it("name each office as the form declares it for the period", () => {
    expect(roleNamesIn(catalogue.roles, "2021-Q3").get("stttt")?.vi).toBe("Sở Thông tin và Truyền thông");
    expect(roleNamesIn(catalogue.roles, "2026-Q1").get("stttt")?.vi).toBe("Sở Khoa học và Công nghệ");
    expect(roleIn(catalogue.roles, "snv", "2026-Q1")?.name.en).toBe("Department of Home Affairs");
  });
});

describe("roles a form declares", () => {
  const office = (id: string, extra: Partial<Catalogue["roles"][number]> = {}) => ({
    id,
    name: { vi: `Cơ quan ${id}`, en: `Office ${id}` },
    patterns: [`cơ quan ${id}`],
    ...extra,
  });
  const form = (roles: Catalogue["roles"], role = "a"): Catalogue => ({
    ...catalogue,
    roles,
    rows: catalogue.rows.map((row) => (row.role ? { ...row, role } : row)),
  });

  it("recognise a unit by whole words of their patterns, without diacritics or case", () => {
    const roles = [office("a"), office("b")];
    expect(roleByName(roles, "CƠ QUAN B tỉnh X", "2026-Q1")).toBe("b");
    expect(roleByName(roles, "Cơ quan bc", "2026-Q1")).toBeUndefined();
  });

  it("must be declared where a row names them, and must not overlap or run backwards", () => {
    expect(catalogueProblems(form([office("a")]))).toEqual([]);
    expect(catalogueProblems(form([office("b")]))).toContainEqual({
      kind: "role_unknown",
      subject: { row: "3.1.3" },
      field: "role",
      params: { code: "3.1.3", role: "a", known: ["b"] },
    });
    expect(catalogueProblems(form([office("a"), office("a", { from: "2025-Q1" })]))).toEqual([
      { kind: "role_twice", subject: { role: "a" }, field: "id", params: { role: "a" } },
    ]);
    expect(
      catalogueProblems(form([office("a", { until: "2024-Q4" }), office("a", { from: "2025-Q1" })])),
    ).toEqual([]);
    expect(catalogueProblems(form([office("a", { from: "2025-Q3", until: "2025-Q1" })]))).toEqual([
      { kind: "role_order", subject: { role: "a" }, field: "until", params: { role: "a" } },
    ]);
    expect(catalogueProblems(form([office("a", { from: "2025-Q5" })]))).toEqual([
      { kind: "period_invalid", subject: { role: "a" }, field: "from", params: { text: "2025-Q5" } },
    ]);
  });
});
