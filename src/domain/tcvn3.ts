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
const TCVN3_ONLY = /[®¸µ¶·¹¨¾»¼½Æ©ÇËÐÎÏÑªÖ×ØÜÞßäå«æçëîïñö÷øûüþ§¡¢£¤¥¦]/;
const UNICODE_VIETNAMESE = /[ăđơưĂĐƠƯĩũĨŨ\u1EA0-\u1EF9]|[\u0300-\u0323]/;
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
