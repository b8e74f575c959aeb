import fc from "fast-check";
import { fromTcvn3, unchangedByDecoding } from "../../src/domain/tcvn3";

// Locating skips normalising text that unchangedByDecoding says neither NFC nor TCVN3 decoding changes: it must
// never say so of text they do change.

// Letters of every kind the scan tells apart: ASCII, Unicode Vietnamese (precomposed), TCVN3 letters, Latin-1
// letters of both, combining marks (decomposed Vietnamese), a dash pasted from Word, and an astral character.
const alphabet = [
  ..."aAzZ09 .,-%",
  ..."ăđơưĂĐƠƯĩũĨŨạếờữỳẠỸ",
  ..."®¸µ¶·¹¨¾»Æ©ÇËÐÎÏÑªÖ×ØÜÞßäå«æçëîïñö÷øûüþ§¡¢£¤¥¦",
  ..."àáâãèéêìíòóôõùúýÀÁ",
  "\u0300",
  "\u0301",
  "\u0323",
  "\u0303",
  "\u2013",
  "😀",
];

describe("unchangedByDecoding", () => {
  it("is true only of text that NFC and TCVN3 decoding leave as it is", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (letters) => {
        const text = letters.join("");
        if (unchangedByDecoding(text)) expect(fromTcvn3(text.normalize("NFC"))).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });

  it("tells at once the names and labels of the form in Unicode, and not TCVN3 or decomposed text", () => {
    for (const text of [
      "Sở Thông tin và Truyền thông số 12",
      "Tổng số TTHC đang có hiệu lực",
      "CCHC-PL-2021",
    ]) {
      expect(unchangedByDecoding(text)).toBe(true);
    }
    expect(unchangedByDecoding("Së Th«ng tin vµ TruyÒn th«ng")).toBe(false);
    expect(unchangedByDecoding("So\u031B")).toBe(false);
  });
});
