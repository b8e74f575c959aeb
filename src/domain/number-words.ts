// Vietnamese numbers in words, as a clerk reads a figure aloud to check it: 64073 is "sáu mươi tư nghìn không trăm
// bảy mươi ba". The rules of the units digit after a tens digit are what make it Vietnamese: 1 is "mốt" after
// "mươi" (hai mươi mốt) but "một" after "mười" (mười một); 5 is "lăm" after a tens digit (mười lăm, hai mươi lăm;
// "nhăm" in some regions, never after "mười"); 4 is "tư" after "mươi" (hai mươi tư) but "bốn" after "mười"; a zero
// tens digit before a units digit is "linh" (or "lẻ" in the South): một trăm linh năm.

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;

/** Regional choices of Vietnamese number words; the defaults are those of official documents. */
export interface VietnameseWordsOptions {
  /** A zero tens digit before a units digit: "linh" (default) or "lẻ". */
  readonly zeroTens?: "linh" | "lẻ";
  /** 5 after "mươi": "lăm" (default) or "nhăm". After "mười" it is always "lăm". */
  readonly fiveAfterTens?: "lăm" | "nhăm";
  /** The word for a thousand: "nghìn" (default) or "ngàn". */
  readonly thousand?: "nghìn" | "ngàn";
}

function digit(d: number): string {
  return DIGITS[d] ?? "";
}

/** Words of 0–999 as a group; `inside` when a higher group precedes it, so that its zero hundreds are said. */
function group(n: number, inside: boolean, options: Required<VietnameseWordsOptions>): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || inside) words.push(digit(hundreds), "trăm");
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push(options.zeroTens, digit(units));
    else if (units > 0) words.push(digit(units));
    return words;
  }
  if (tens === 1) {
    words.push("mười");
    if (units === 5) words.push("lăm");
    else if (units > 0) words.push(digit(units));
    return words;
  }
  words.push(digit(tens), "mươi");
  if (units === 1) words.push("mốt");
  else if (units === 4) words.push("tư");
  else if (units === 5) words.push(options.fiveAfterTens);
  else if (units > 0) words.push(digit(units));
  return words;
}

const BILLION = 1_000_000_000;

function integerWords(n: number, inside: boolean, options: Required<VietnameseWordsOptions>): string[] {
  // Above a billion the count of billions is itself read as a number: "một nghìn tỷ", "hai triệu tỷ".
  if (n >= BILLION) {
    const billions = Math.floor(n / BILLION);
    const rest = n - billions * BILLION;
    const words = [...integerWords(billions, inside, options), "tỷ"];
    return rest > 0 ? [...words, ...integerWords(rest, true, options)] : words;
  }
  const scales = [
    [1_000_000, "triệu"],
    [1_000, options.thousand],
    [1, ""],
  ] as const;
  const words: string[] = [];
  let rest = n;
  let started = inside;
  for (const [scale, name] of scales) {
    const value = Math.floor(rest / scale);
    rest -= value * scale;
    // An empty group is skipped ("một triệu không trăm linh một"); a later group after a said one says its zeros.
    if (value === 0) continue;
    words.push(...group(value, started, options));
    if (name) words.push(name);
    started = true;
  }
  return words;
}

/**
 * A whole number in Vietnamese words: 64073 → "sáu mươi tư nghìn không trăm bảy mươi ba", 105 → "một trăm linh
 * năm", -21 → "âm hai mươi mốt". Undefined for a number that is not a safe integer.
 */
export function vietnameseWords(n: number, options: VietnameseWordsOptions = {}): string | undefined {
  if (!Number.isSafeInteger(n)) return undefined;
  const chosen: Required<VietnameseWordsOptions> = {
    zeroTens: options.zeroTens ?? "linh",
    fiveAfterTens: options.fiveAfterTens ?? "lăm",
    thousand: options.thousand ?? "nghìn",
  };
  if (n === 0) return digit(0);
  const words = integerWords(Math.abs(n), false, chosen).join(" ");
  return n < 0 ? `âm ${words}` : words;
}
