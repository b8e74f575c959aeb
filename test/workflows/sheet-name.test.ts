import {
  defaultSheetName,
  MAX_SHEET_NAME,
  sheetNameWithin,
  uniqueSheetName,
} from "../../src/workflows/template-spec";

// Sheet names from long unit names: shortened as officials shorten them (DESIGN.md section 3), never cut in a word.

describe("a sheet name from a long unit name", () => {
  it.each([
    ["Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"],
    ["Sở Lao động - Thương binh và Xã hội tỉnh Trà Vinh", "Sở LĐ-TB&XH tỉnh Trà Vinh"],
    ["Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"],
    ["Sở Giáo dục và Đào tạo tỉnh Trà Vinh", "Sở Giáo dục và Đào tạo"],
    ["Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Ủy ban nhân dân huyện Châu Thành tỉnh Trà Vinh", "UBND huyện Châu Thành"],
    ["Ủy ban nhân dân thành phố Trà Vinh", "UBND thành phố Trà Vinh"],
    ["Ban Quản lý các khu kinh tế tỉnh Trà Vinh", "Ban Quản lý các khu kinh tế"],
  ])("%s → %s", (unit, sheet) => {
    expect(defaultSheetName(unit)).toBe(sheet);
    expect(defaultSheetName(unit).length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });

  it.each(["Sở Nội vụ", "Sở Giáo dục và Đào tạo tỉnh Trà", "Ủy ban nhân dân xã Long Đức"])(
    "keeps a name that fits whole: %s",
    (unit) => {
      expect(defaultSheetName(unit)).toBe(unit);
    },
  );

  it("cuts a name it cannot shorten only between words, after dropping its place", () => {
    expect(defaultSheetName("Trung tâm Phục vụ hành chính công tỉnh Trà Vinh")).toBe(
      "Trung tâm Phục vụ hành chính",
    );
  });

  it("shortens a name that leaves no room for its number, and stays unique in the workbook", () => {
    const wanted = "Sở Văn hóa, Thể thao và Du lịch";
    expect(uniqueSheetName(wanted, [wanted])).toBe("Sở VH-TT&DL (2)");
    expect(uniqueSheetName(wanted, [wanted, "Sở VH-TT&DL (2)"])).toBe("Sở VH-TT&DL (3)");
    expect(uniqueSheetName("Sở LĐ-TB&XH", ["sở lđ-tb&xh"])).toBe("Sở LĐ-TB&XH (2)");
    expect(sheetNameWithin("Sở Giáo dục và Đào tạo tỉnh Trà", 27)).toBe("Sở Giáo dục và Đào tạo");
  });
});
