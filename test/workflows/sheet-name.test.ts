import { defaultSheetName, MAX_SHEET_NAME, uniqueSheetName } from "../../src/workflows/template-spec";

// Sheet names from long unit names: as much of the name as Excel's 31 characters hold, cut between words.

describe("a sheet name from a long unit name", () => {
  it.each([
    ["Sở Giáo dục và Đào tạo tỉnh Trà Vinh", "Sở Giáo dục và Đào tạo tỉnh Trà"],
    ["Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã"],
    ["Ban Quản lý các khu kinh tế tỉnh Trà Vinh", "Ban Quản lý các khu kinh tế"],
    ["Sở Giáo dục và Đào tạo tỉnh Trà", "Sở Giáo dục và Đào tạo tỉnh Trà"],
  ])("keeps every whole word that fits: %s → %s", (unit, sheet) => {
    expect(defaultSheetName(unit)).toBe(sheet);
    expect(defaultSheetName(unit).length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });

  it("keeps a whole last word before a number too", () => {
    const wanted = "Sở Giáo dục và Đào tạo tỉnh Trà";
    // " (2)" takes 4 characters: 27 are left, and the 27th ends "tỉnh".
    expect(uniqueSheetName(wanted, [wanted])).toBe("Sở Giáo dục và Đào tạo tỉnh (2)");
  });
});
