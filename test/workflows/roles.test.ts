import { defaultRole, parseRoles, roleName } from "../../src/workflows/consolidate";

// A unit's default role: the office whose name it holds, as the form declares the offices for the report's period.

describe("a unit's default role", () => {
  it("gives a unit named Sở Khoa học và Công nghệ the stttt role in 2025-Q3 and none in 2024-Q4", () => {
    const name = "Sở Khoa học và Công nghệ tỉnh Vĩnh Long";
    expect(defaultRole(name, "so", "2025-Q3")).toBe("stttt");
    expect(defaultRole(name, "so", "2025-Q1")).toBe("stttt");
    expect(defaultRole("Sở KH&CN tỉnh Vĩnh Long", "so", "2025")).toBe("stttt");
    expect(defaultRole(name, "so", "2024-Q4")).toBeUndefined();
    expect(defaultRole(name, "so", "2024")).toBeUndefined();
    expect(defaultRole(name, "so")).toBeUndefined();
    expect(defaultRole(name, "xa", "2025-Q3")).toBeUndefined();
  });

  it("gives Sở Thông tin và Truyền thông the role until the mergers, and a period not known the first offices", () => {
    expect(defaultRole("Sở TT&TT tỉnh Trà Vinh", "so", "2024-Q4")).toBe("stttt");
    expect(defaultRole("Sở TT&TT tỉnh Trà Vinh", "so")).toBe("stttt");
    expect(defaultRole("Sở TT&TT tỉnh Trà Vinh", "so", "2025-Q3")).toBeUndefined();
    expect(defaultRole("Sở Nội vụ", "so", "2025-Q3")).toBe("snv");
  });

  it("is named as the form declares its office for the period", () => {
    expect(roleName("stttt", "vi", "2021-Q3")).toBe("Sở Thông tin và Truyền thông");
    expect(roleName("stttt", "vi", "2026-Q1")).toBe("Sở Khoa học và Công nghệ");
    expect(roleName("stttt", "en", "2026-Q1")).toBe("Department of Science and Technology");
  });

  it("reads a roles file against the roles a form declares", () => {
    const declared = [{ id: "stc", name: { vi: "Sở Tài chính", en: "Department of Finance" }, patterns: [] }];
    expect(parseRoles("Sở Tài chính\tstc\n", declared)).toEqual(new Map([["sở tài chính", "stc"]]));
    expect(() => parseRoles("Sở Nội vụ\tsnv\n", declared)).toThrow('vai trò "snv" không hợp lệ');
  });
});
