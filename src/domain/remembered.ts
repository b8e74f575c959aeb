/**
 * The answer of a pure function of a text, remembered in `cache`: appendices repeat the form's labels, codes,
 * levels and periods, and normalising such a text (NFC, NFD, TCVN3, regular expressions) costs far more than
 * looking it up. Bounded: the cache is emptied when it holds `limit` answers, so that texts that never repeat
 * (units' names, notes) cannot grow it without end.
 */
export function remembered<T>(
  cache: Map<string, T>,
  text: string,
  compute: (text: string) => T,
  limit = 4096,
): T {
  const known = cache.get(text);
  // One lookup for a remembered answer; only an answer that is undefined needs the second.
  if (known !== undefined || cache.has(text)) return known as T;
  const answer = compute(text);
  if (cache.size >= limit) cache.clear();
  cache.set(text, answer);
  return answer;
}
