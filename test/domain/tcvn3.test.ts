import { decodeTcvn3, fromTcvn3, looksLikeTcvn3 } from "../../src/domain/tcvn3";

describe("TCVN3 (.VnTime) text", () => {
  it.each([
    ["Sè nhiÖm vô ®Ò ra trong kÕ ho¹ch", "Số nhiệm vụ đề ra trong kế hoạch"],
    ["Tæng sè TTHC ®ang cã hiÖu lùc", "Tổng số TTHC đang có hiệu lực"],
    ["Sè TTHC c«ng bè míi", "Số TTHC công bố mới"],
    ["Së Th«ng tin vµ TruyÒn th«ng", "Sở Thông tin và Truyền thông"],
  ])("decodes %j", (tcvn3, unicode) => {
    expect(looksLikeTcvn3(tcvn3)).toBe(true);
    expect(fromTcvn3(tcvn3)).toBe(unicode);
  });

  it.each(["Số nhiệm vụ đề ra trong kế hoạch", "Kế hoạch CCHC", "STT", "Tỷ lệ %", "Ghi chú"])(
    "leaves Unicode %j alone",
    (text) => {
      expect(looksLikeTcvn3(text)).toBe(false);
      expect(fromTcvn3(text)).toBe(text);
    },
  );

  it("decodes text known to be TCVN3 (a run in a .VnTime font) even when too short to look like it", () => {
    expect(fromTcvn3("mí")).toBe("mí");
    expect(decodeTcvn3("mí")).toBe("mớ");
    expect(decodeTcvn3("nhËn")).toBe("nhận");
  });
});
