import { describe, expect, it } from 'vitest';
import { utf8Length } from './utf8-length.ts';

describe('utf8Length', () => {
  it('matches TextEncoder on ASCII, Latin, CJK, emoji and lone surrogates', () => {
    const samples = ['', 'abc', 'é', 'Zoë Ångström', '張偉'.repeat(500), '😀', 'a😀b', '\ud800', 'x\udc00y', '\ud83d', '\u07ff\u0800\uffff', '"\\\n'];
    const encoder = new TextEncoder();
    for (const s of samples) expect(utf8Length(s), JSON.stringify(s)).toBe(encoder.encode(s).length);
  });

  it('matches TextEncoder on random strings of every range', () => {
    const encoder = new TextEncoder();
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let n = 0; n < 500; n++) {
      const units = Array.from({ length: Math.floor(rnd() * 40) }, () => {
        const r = rnd();
        return r < 0.4 ? Math.floor(rnd() * 0x80) : r < 0.6 ? 0x80 + Math.floor(rnd() * 0x780) : r < 0.8 ? 0xd800 + Math.floor(rnd() * 0x800) : Math.floor(rnd() * 0x10000);
      });
      const s = String.fromCharCode(...units);
      expect(utf8Length(s)).toBe(encoder.encode(s).length);
    }
  });
});
