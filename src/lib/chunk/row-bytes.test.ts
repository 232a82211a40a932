import { describe, expect, it } from 'vitest';
import { jsonStringBytes, rowJsonBytes } from './row-bytes.ts';

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

describe('row JSON size', () => {
  it('jsonStringBytes equals the UTF-8 length of JSON.stringify for escapes, CJK, emoji and lone surrogates', () => {
    const samples = ['', 'abc', '"quoted"', 'back\\slash', 'tab\tnew\nline\r', '\x00\x01\x1f\x7f', 'é', '張偉', '😀', '\ud800x', 'x\udc00', '\u2028\u2029'];
    for (const s of samples) expect(jsonStringBytes(s), JSON.stringify(s)).toBe(bytes(s));
  });

  it('rowJsonBytes equals the UTF-8 length of JSON.stringify(row) on random rows', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let n = 0; n < 300; n++) {
      const cells = Array.from({ length: Math.floor(rnd() * 12) }, () =>
        String.fromCharCode(...Array.from({ length: Math.floor(rnd() * 30) }, () => (rnd() < 0.5 ? Math.floor(rnd() * 0x80) : Math.floor(rnd() * 0x10000)))),
      );
      const row: any = { row: 1 + Math.floor(rnd() * 2_000_000), cells };
      if (rnd() < 0.3) row.numeric = { 0: rnd() * 1e10, 3: 14155550123 };
      expect(rowJsonBytes(row)).toBe(bytes(row));
    }
  });
});
