// Vietnamese typed with the legacy TCVN3 (ABC) fonts (.VnTime, .VnArial) is stored as Latin-1 letters that those
// fonts draw as Vietnamese ones: "Sè nhiÖm vô" is "Số nhiệm vụ". Offices still keep forms typed that way, so labels
// are decoded before they are compared. Table: TCVN 5712:1993, the 8-bit VN3 encoding.

// prettier-ignore
const TCVN3_TO_UNICODE: Readonly<Record<string, string>> = {
  "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
  "¨": "ă", "©": "â", "ª": "ê", "«": "ô", "¬": "ơ", "\u00AD": "ư", "®": "đ",
  "µ": "à", "¶": "ả", "·": "ã", "¸": "á", "¹": "ạ",
  "»": "ằ", "¼": "ẳ", "½": "ẵ", "¾": "ắ",
  "Æ": "ặ", "Ç": "ầ", "È": "ẩ", "É": "ẫ", "Ê": "ấ", "Ë": "ậ",
  "Ì": "è", "Î": "ẻ", "Ï": "ẽ", "Ð": "é", "Ñ": "ẹ",
  "Ò": "ề", "Ó": "ể", "Ô": "ễ", "Õ": "ế", "Ö": "ệ",
  "×": "ì", "Ø": "ỉ", "Ü": "ĩ", "Ý": "í", "Þ": "ị",
  "ß": "ò", "á": "ỏ", "â": "õ", "ã": "ó", "ä": "ọ",
  "å": "ồ", "æ": "ổ", "ç": "ỗ", "è": "ố", "é": "ộ",
  "ê": "ờ", "ë": "ở", "ì": "ỡ", "í": "ớ", "î": "ợ",
  "ï": "ù", "ñ": "ủ", "ò": "ũ", "ó": "ú", "ô": "ụ",
  "õ": "ừ", "ö": "ử", "÷": "ữ", "ø": "ứ", "ù": "ự",
  "ú": "ỳ", "û": "ỷ", "ü": "ỹ", "ý": "ý", "þ": "ỵ",
};

// Letters TCVN3 text is full of and Vietnamese in Unicode never uses; letters only Unicode has (beyond Latin-1)
// rule it out.
const TCVN3_ONLY_LETTERS = "®¸µ¶·¹¨¾»¼½Æ©ÇËÐÎÏÑªÖ×ØÜÞßäå«æçëîïñö÷øûüþ§¡¢£¤¥¦";
const TCVN3_ONLY = new RegExp(`[${TCVN3_ONLY_LETTERS}]`);
const UNICODE_VIETNAMESE_LETTERS = "ăđơưĂĐƠƯĩũĨŨ";
const UNICODE_VIETNAMESE = new RegExp(`[${UNICODE_VIETNAMESE_LETTERS}\\u1EA0-\\u1EF9]|[\\u0300-\\u0323]`);

/** By Latin-1 code: 1 for a TCVN3_ONLY letter. */
const IS_TCVN3_ONLY = new Uint8Array(256);
for (const letter of TCVN3_ONLY_LETTERS) IS_TCVN3_ONLY[letter.charCodeAt(0)] = 1;
const UNICODE_VIETNAMESE_CODES = new Set(
  Array.from(UNICODE_VIETNAMESE_LETTERS, (letter) => letter.charCodeAt(0)),
);

/**
 * True when neither NFC nor TCVN3 decoding changes `text`, told by one scan of its characters: every one below the
 * combining marks (U+0300) or a precomposed letter of Latin Extended Additional (U+1E00–U+1EFF, all of Vietnamese's
 * tone marks), which NFC leaves as they are, and no TCVN3-only letter unless a Unicode Vietnamese letter rules
 * TCVN3 out. Normalising costs far more than the scan, and a unit's name, new on every appendix, needs it. False
 * means only "not told": the text may still be normal.
 */
export function unchangedByDecoding(text: string): boolean {
  let tcvn3 = false;
  let unicodeVietnamese = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xa1) continue;
    if (code < 0x100) {
      if (IS_TCVN3_ONLY[code] === 1) tcvn3 = true;
    } else if (code >= 0x1e00 && code <= 0x1eff) {
      if (code >= 0x1ea0 && code <= 0x1ef9) unicodeVietnamese = true;
    } else if (code < 0x300) {
      if (UNICODE_VIETNAMESE_CODES.has(code)) unicodeVietnamese = true;
    } else return false;
  }
  return !tcvn3 || unicodeVietnamese;
}
const ANY_TCVN3 = /[¡-þ]/g;

/** True when a text looks typed in TCVN3 rather than Unicode. */
export function looksLikeTcvn3(text: string): boolean {
  return TCVN3_ONLY.test(text) && !UNICODE_VIETNAMESE.test(text);
}

/** Decodes TCVN3 text to Unicode (NFC); Unicode text is returned as it is. */
export function fromTcvn3(text: string): string {
  return looksLikeTcvn3(text)
    ? text.replace(ANY_TCVN3, (letter) => TCVN3_TO_UNICODE[letter] ?? letter)
    : text;
}

/**
 * Decodes text known to be TCVN3, whatever it looks like: a run in a TCVN3 font (.VnTime) may be a single letter
 * ("µ", à) that alone does not look like TCVN3, which fromTcvn3 needs to be sure of.
 */
export function decodeTcvn3(text: string): string {
  return text.replace(ANY_TCVN3, (letter) => TCVN3_TO_UNICODE[letter] ?? letter).normalize("NFC");
}
