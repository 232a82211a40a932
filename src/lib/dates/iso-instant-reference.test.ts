/**
 * parseIsoInstant (its month-start table for 1970-2099, arithmetic outside it) against a reference
 * that asks Date for the instant of the same parts, and isIsoString against the stored form: on
 * random parts, out-of-range ones included, and on the table's edges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoString, isoOf, parseIsoInstant } from './iso-instant.ts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The instant Date gives the parts, or undefined when a part is out of range (Date would roll it over). */
function reference(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  const same = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && date.getUTCHours() === h && date.getUTCMinutes() === mi && date.getUTCSeconds() === s;
  return same ? date.getTime() : undefined;
}

/** Years around the table's edges and across the whole four-digit range. */
const year = fc.oneof(fc.integer({ min: 1965, max: 1975 }), fc.integer({ min: 2095, max: 2105 }), fc.integer({ min: 0, max: 9999 }));
const parts = fc.tuple(year, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 999 }));

describe('parseIsoInstant against Date (property)', () => {
  it('toISOString form, with and without milliseconds', () => {
    fc.assert(
      fc.property(parts, ([y, mo, d, h, mi, s, ms]) => {
        const head = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`;
        expect(parseIsoInstant(`${head}.${pad(ms, 3)}Z`), head).toBe(reference(y, mo, d, h, mi, s, ms));
        expect(parseIsoInstant(`${head}Z`), head).toBe(reference(y, mo, d, h, mi, s, 0));
      }),
      { numRuns: 5_000 },
    );
  });

  it('the other forms (space, offset, bare date) through the pattern', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: -14 * 60, max: 14 * 60 }), ([y, mo, d, h, mi, s], offset) => {
        const sign = offset < 0 ? '-' : '+';
        const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60), 2)}:${pad(Math.abs(offset) % 60, 2)}`;
        const local = reference(y, mo, d, h, mi, s, 0);
        expect(parseIsoInstant(`${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${zone}`)).toBe(local === undefined ? undefined : local - offset * 60_000);
        expect(parseIsoInstant(`${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`)).toBe(reference(y, mo, d, 0, 0, 0, 0));
      }),
      { numRuns: 3_000 },
    );
  });

  it('the first and last instants of the table and beyond', () => {
    for (const text of ['1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '2000-02-29T12:00:00.000Z', '2099-12-31T23:59:59.999Z', '2100-01-01T00:00:00.000Z', '2100-02-28T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      expect(parseIsoInstant(text), text).toBe(Date.parse(text));
    }
    expect(parseIsoInstant('2100-02-29T00:00:00.000Z')).toBeUndefined();
  });
});

describe('isIsoString', () => {
  it('is true exactly when the text is the stored form of its instant (property)', () => {
    const text = fc.oneof(
      fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString()),
      fc
        .tuple(parts, fc.constantFrom('T', 't', ' '), fc.constantFrom('.', ''), fc.constantFrom('Z', 'z', '', '+00:00'))
        .map(([[y, mo, d, h, mi, s, ms], sep, dot, zone]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}${sep}${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${dot}${dot ? pad(ms, 3) : ''}${zone}`),
    );
    fc.assert(
      fc.property(text, (t) => {
        const at = parseIsoInstant(t);
        if (at === undefined) return;
        expect(isIsoString(t), t).toBe(t === isoOf(at));
      }),
      { numRuns: 5_000 },
    );
  });
});
