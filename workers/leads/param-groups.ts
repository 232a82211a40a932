/**
 * Splits rows into JSON arrays, each sent to D1 as one bound parameter. D1 caps a bound value at
 * 2,000,000 bytes (UTF-8, not characters: a CJK name takes three bytes a character), so groups
 * are cut by their UTF-8 size with a margin.
 */
import { utf8Length } from '../../src/lib/text/utf8-length.ts';

/** UTF-8 bytes of JSON per bound parameter (D1's limit is 2,000,000). */
export const MAX_PARAM_BYTES = 1_500_000;

/** JSON arrays of the encoded items, each under `maxBytes` unless one item alone is larger. */
export function paramGroups<T>(items: T[], encode: (t: T) => unknown, maxBytes = MAX_PARAM_BYTES): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const item of items) {
    const json = JSON.stringify(encode(item));
    const bytes = utf8Length(json) + 1;
    if (current.length && size + bytes > maxBytes) {
      out.push('[' + current.join(',') + ']');
      current = [];
      size = 2;
    }
    current.push(json);
    size += bytes;
  }
  if (current.length) out.push('[' + current.join(',') + ']');
  return out;
}
