/**
 * Whether a phone cell that could not be read holds words ("call after 5", "n/a", "ask Bob"): then
 * the cell is not a number at all, whatever digits it also has, and the message says so instead of
 * counting its digits. An extension at the end ("x12", "ext. 12", "extension 12", "#12") is part of
 * a number, not words. One pass over the text, no regex with quantifiers (cells are user bytes).
 */

const LETTER = /\p{L}/u;
const EXTENSION_WORDS = ['extension', 'ext.', 'ext', 'x'];

const isDigit = (c: string) => c >= '0' && c <= '9';
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\u00a0';

/** The text without a trailing extension ("… x12", "… ext. 12", "… #12"); the text itself when it has none. */
function withoutExtension(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1]!)) end--;
  const digitsEnd = end;
  while (end > 0 && isDigit(text[end - 1]!)) end--;
  if (end === digitsEnd) return text;
  while (end > 0 && isSpace(text[end - 1]!)) end--;
  if (end > 0 && text[end - 1] === '#') return text.slice(0, end - 1);
  const before = text.slice(Math.max(0, end - 9), end).toLowerCase();
  for (const word of EXTENSION_WORDS) if (before.endsWith(word)) return text.slice(0, end - word.length);
  return text;
}

/** True when the cell holds letters other than an extension marker. */
export function hasLetters(text: string): boolean {
  return LETTER.test(withoutExtension(text));
}
