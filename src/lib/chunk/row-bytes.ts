/**
 * The UTF-8 size of a row as JSON.stringify writes it into a chunk, counted without building the
 * JSON: chunks are cut by bytes as well as rows, on the hot path of a million-row upload.
 */
import type { SourceRow } from '../types.ts';
import { utf8Length } from '../text/utf8-length.ts';

/** Characters JSON escapes, or that take more than one byte in UTF-8. */
const SPECIAL = /["\\\x00-\x1f\u0080-\uffff]/;

/** Bytes of `JSON.stringify(s)` in UTF-8, quotes included. */
export function jsonStringBytes(s: string): number {
  if (!SPECIAL.test(s)) return s.length + 2;
  let bytes = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) bytes += 2;
    else if (c < 0x20) bytes += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) bytes += 6; // a lone surrogate is written as \uXXXX
    else bytes += 3;
  }
  return bytes;
}

/** Bytes of `JSON.stringify(row)` in UTF-8. */
export function rowJsonBytes(row: SourceRow): number {
  // {"row":N,"cells":[…]} plus ,"numeric":{…} when present
  let bytes = 19 + String(row.row).length + Math.max(0, row.cells.length - 1);
  for (const cell of row.cells) bytes += jsonStringBytes(cell);
  if (row.numeric) bytes += 11 + utf8Length(JSON.stringify(row.numeric));
  return bytes;
}
