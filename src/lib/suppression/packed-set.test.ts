import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPhoneNormalizer } from '../validate/phone.ts';
import { createPackedSet, e164Key, keyToE164, packNumbers, PACKED_BYTES_PER_NUMBER } from './packed-set.ts';

/** E.164-shaped strings: a leading non-zero digit, 2 to 15 digits in all. */
const e164 = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 14 }))
  .map(([first, rest]) => `+${first}${rest}`);

describe('packNumbers / createPackedSet', () => {
  it('finds the normalised numbers of a list, whatever format they were typed in', () => {
    const phones = createPhoneNormalizer('US');
    const typed = ['(415) 555-0132', '+44 20 7946 0958', '+49 151 23456789', '212.555.0199', '+1 800 555 0123'];
    const listed = typed.map((t) => {
      const r = phones.normalize(t);
      if (!r.ok) throw new Error(`${t} should be valid`);
      return r.phone.e164;
    });
    const set = createPackedSet(packNumbers(listed));
    expect(set.size).toBe(5);
    for (const n of listed) expect(set.has(n)).toBe(true);
    expect(set.has('+14155550133')).toBe(false);
    expect(set.has('+442079460959')).toBe(false);
    expect(set.has('4155550132')).toBe(false); // not E.164: the caller normalises first
    expect(set.has('')).toBe(false);
  });

  it('is sorted, distinct, little-endian doubles of the digits, 8 bytes a number', () => {
    const bytes = packNumbers(['+442079460958', '+14155550132', '+14155550132', 'nonsense', '+861012345678']);
    expect(bytes.byteLength).toBe(3 * PACKED_BYTES_PER_NUMBER);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const keys = [0, 1, 2].map((i) => view.getFloat64(i * 8, true));
    expect(keys).toEqual([14155550132, 442079460958, 861012345678]);
  });

  it('keeps the largest 15-digit numbers exact', () => {
    const big = '+999999999999999';
    const next = '+999999999999998';
    expect(keyToE164(e164Key(big)!)).toBe(big);
    const set = createPackedSet(packNumbers([big]));
    expect(set.has(big)).toBe(true);
    expect(set.has(next)).toBe(false);
  });

  it('reads a packed list at any byte offset (a slice of a larger buffer)', () => {
    const packed = packNumbers(['+14155550132', '+442079460958']);
    const holder = new Uint8Array(packed.byteLength + 3);
    holder.set(packed, 3);
    const set = createPackedSet(holder.subarray(3));
    expect(set.has('+442079460958')).toBe(true);
    expect(set.has('+14155550133')).toBe(false);
  });

  it('refuses bytes that are not whole numbers', () => {
    expect(() => createPackedSet(new Uint8Array(12))).toThrow(RangeError);
  });

  it('an empty list has nothing', () => {
    const set = createPackedSet(packNumbers([]));
    expect(set.size).toBe(0);
    expect(set.has('+14155550132')).toBe(false);
  });

  it('has(x) holds exactly when x was in the input', () => {
    fc.assert(
      fc.property(fc.array(e164, { maxLength: 200 }), fc.array(e164, { maxLength: 50 }), (listed, probes) => {
        const set = createPackedSet(packNumbers(listed));
        const truth = new Set(listed);
        expect(set.size).toBe(truth.size);
        for (const x of [...listed, ...probes]) expect(set.has(x)).toBe(truth.has(x));
      }),
      { numRuns: 300 },
    );
  });

  it('its filter never turns a listed number away (200,000 numbers, and the number after each)', () => {
    // Deterministic spread of 15-digit and shorter numbers; probes next to each listed one.
    const listed: string[] = [];
    for (let i = 0; i < 200_000; i++) listed.push(`+${1 + (i % 9)}${String((i * 7_919_993) % 99_999_999_999).padStart(11, '0')}`);
    const set = createPackedSet(packNumbers(listed));
    const truth = new Set(listed);
    for (const x of listed) expect(set.has(x)).toBe(true);
    let found = 0;
    for (const x of listed) {
      const next = keyToE164(e164Key(x)! + 1);
      expect(set.has(next)).toBe(truth.has(next));
      if (set.has(next)) found++;
    }
    expect(found).toBeLessThan(listed.length);
  });

  it('looks up in logarithmic time: a 1,024× larger set costs at most ~2× the steps per lookup (counted, not timed)', () => {
    const makeKeys = (n: number) => Array.from({ length: n }, (_, i) => `+1${String(2_000_000_000 + i * 7919).padStart(10, '0')}`);
    const small = createPackedSet(packNumbers(makeKeys(1 << 10)));
    const large = createPackedSet(packNumbers(makeKeys(1 << 20)));
    // Listed numbers (every lookup passes the filter and searches) and unlisted ones.
    const listed = makeKeys(1 << 10).filter((_, i) => i % 3 === 0);
    const unlisted = Array.from({ length: 20_000 }, (_, i) => `+1${2_000_000_000 + i * 104_729 + 1}`);
    for (const set of [small, large]) for (const p of [...listed, ...unlisted]) set.has(p);
    const perLookup = (set: ReturnType<typeof createPackedSet>) => set.probes / (listed.length + unlisted.length);
    // Binary search: at most ⌈log2(n + 1)⌉ steps a lookup (11 and 21); a scan would take up to n (1,024×).
    expect(small.probes).toBeLessThanOrEqual(11 * (listed.length + unlisted.length));
    expect(large.probes).toBeLessThanOrEqual(21 * (listed.length + unlisted.length));
    expect(small.probes).toBeGreaterThanOrEqual(listed.length);
    expect(perLookup(large) / perLookup(small)).toBeLessThan(2.5);
    expect(listed.every((p) => large.has(p) && small.has(p))).toBe(true);
  });
});
