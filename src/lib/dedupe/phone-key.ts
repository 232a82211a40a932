/**
 * A phone number as an integer key: its E.164 digits (at most 15, exact in a double), compact to
 * store and fast to hash. The browser's duplicate index and the import's Durable Object key numbers
 * the same way, so both agree on which rows hold the same number.
 */

/** The key of an E.164 number (with or without its `+`); 0 for text that is not one (no number has key 0). One pass over the digits, no pattern and no substring: it runs for every row of a preview and every number of an import. */
export function phoneKey(e164: string): number {
  const n = e164.length;
  let i = n > 0 && e164.charCodeAt(0) === 43 ? 1 : 0;
  if (n - i < 1 || n - i > 15) return 0;
  let digit = e164.charCodeAt(i) - 48;
  if (digit < 1 || digit > 9) return 0;
  let key = digit;
  for (i++; i < n; i++) {
    digit = e164.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return 0;
    key = key * 10 + digit;
  }
  return key;
}
