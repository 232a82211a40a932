/**
 * Bytes a string takes in UTF-8, counted without encoding it. ASCII-only text (most of a lead
 * file) is answered by one native regex scan; other text is counted per UTF-16 unit: a lone
 * surrogate counts 3 bytes, as TextEncoder replaces it with U+FFFD.
 */
const NON_ASCII = /[^\x00-\x7f]/;

export function utf8Length(s: string): number {
  if (!NON_ASCII.test(s)) return s.length;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
