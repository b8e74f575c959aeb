import { vietnameseWords } from "../../src/domain/number-words";

describe("Vietnamese numbers in words", () => {
  it.each([
    [0, "không"],
    [1, "một"],
    [5, "năm"],
    [10, "mười"],
    [11, "mười một"],
    [14, "mười bốn"],
    [15, "mười lăm"],
    [20, "hai mươi"],
    [21, "hai mươi mốt"],
    [24, "hai mươi tư"],
    [25, "hai mươi lăm"],
    [55, "năm mươi lăm"],
    [91, "chín mươi mốt"],
    [100, "một trăm"],
    [101, "một trăm linh một"],
    [104, "một trăm linh bốn"],
    [105, "một trăm linh năm"],
    [110, "một trăm mười"],
    [115, "một trăm mười lăm"],
    [121, "một trăm hai mươi mốt"],
    [1000, "một nghìn"],
    [1005, "một nghìn không trăm linh năm"],
    [1010, "một nghìn không trăm mười"],
    [1936, "một nghìn chín trăm ba mươi sáu"],
    [64073, "sáu mươi tư nghìn không trăm bảy mươi ba"],
    [1_000_000, "một triệu"],
    [1_000_001, "một triệu không trăm linh một"],
    [1_500_000, "một triệu năm trăm nghìn"],
    [2_021_000, "hai triệu không trăm hai mươi mốt nghìn"],
    [1_000_000_000, "một tỷ"],
    [3_000_000_015, "ba tỷ không trăm mười lăm"],
    [1_000_000_000_000, "một nghìn tỷ"],
    [-21, "âm hai mươi mốt"],
  ])("reads %i as “%s”", (n, words) => {
    expect(vietnameseWords(n)).toBe(words);
  });

  it.each([
    [105, { zeroTens: "lẻ" } as const, "một trăm lẻ năm"],
    [35, { fiveAfterTens: "nhăm" } as const, "ba mươi nhăm"],
    // "nhăm" only follows "mươi": fifteen stays "mười lăm".
    [15, { fiveAfterTens: "nhăm" } as const, "mười lăm"],
    [2000, { thousand: "ngàn" } as const, "hai ngàn"],
  ])("reads %i with regional words %j", (n, options, words) => {
    expect(vietnameseWords(n, options)).toBe(words);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])("has no words for %p", (n) => {
    expect(vietnameseWords(n)).toBeUndefined();
  });
});
