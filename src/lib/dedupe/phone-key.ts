/**
 * A phone number as an integer key: its E.164 digits (at most 15, exact in a double), compact to
 * store and fast to hash. The browser's duplicate index and the import's Durable Object key numbers
 * the same way, so both agree on which rows hold the same number.
 */
const E164 = /^\+?[1-9]\d{0,14}$/;

/** The key of an E.164 number (with or without its `+`); 0 for text that is not one (no number has key 0). */
export function phoneKey(e164: string): number {
  return E164.test(e164) ? Number(e164.charCodeAt(0) === 43 ? e164.slice(1) : e164) : 0;
}
