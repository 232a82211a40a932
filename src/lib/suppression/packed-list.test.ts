import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPhoneNormalizer } from '../validate/phone.ts';
import { createBloomFilter, filterBits, filterHashes } from './bloom-filter.ts';
import { createSuppressionLookup, exactBytes, packExact, PACKED_HEADER_BYTES, readPackedHeader, writePackedHeader } from './packed-list.ts';
import { e164Key, keyToE164, searchKey, sortedKeys } from './packed-set.ts';

/** E.164-shaped strings: a leading non-zero digit, 2 to 15 digits in all. */
const e164 = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 14 }))
  .map(([first, rest]) => `+${first}${rest}`);

/** A filter form of these numbers, as the Worker builds it (build-packed.ts), within `maxBytes`. */
function packFilter(numbers: string[], maxBytes: number): Uint8Array {
  const bits = filterBits(numbers.length, (maxBytes - PACKED_HEADER_BYTES) * 8);
  const filter = createBloomFilter(bits, filterHashes(bits, numbers.length));
  for (const n of numbers) filter.add(e164Key(n)!);
  const out = new Uint8Array(PACKED_HEADER_BYTES + bits / 8);
  out.set(writePackedHeader({ form: 'filter', count: numbers.length, permanent: 0, expiring: 0, bits, hashes: filter.hashes }));
  out.set(new Uint8Array(filter.words.buffer), PACKED_HEADER_BYTES);
  return out;
}

describe('exact packed list', () => {
  it('finds the normalised numbers of a list, whatever format they were typed in', () => {
    const phones = createPhoneNormalizer('US');
    const typed = ['(415) 555-0132', '+44 20 7946 0958', '+49 151 23456789', '212.555.0199', '+1 800 555 0123'];
    const listed = typed.map((t) => {
      const r = phones.normalize(t);
      if (!r.ok) throw new Error(`${t} should be valid`);
      return r.phone.e164;
    });
    const set = createSuppressionLookup(packExact(listed));
    expect(set).toMatchObject({ size: 5, form: 'exact' });
    for (const n of listed) expect(set.has(n)).toBe(true);
    expect(set.has('+14155550133')).toBe(false);
    expect(set.has('+442079460959')).toBe(false);
    expect(set.has('4155550132')).toBe(false); // not E.164: the caller normalises first
    expect(set.has('')).toBe(false);
  });

  it('is a header, then sorted distinct little-endian doubles of the digits (8 bytes a number), then the expiring ones with their expiries', () => {
    const bytes = packExact(['+442079460958', '+14155550132', '+14155550132', 'nonsense', '+861012345678'], new Map([['+4915123456789', 1_800_000_000_000]]));
    expect(bytes.byteLength).toBe(exactBytes(3, 1));
    expect(bytes.byteLength).toBe(PACKED_HEADER_BYTES + 3 * 8 + 16);
    expect(readPackedHeader(bytes)).toMatchObject({ form: 'exact', count: 4, permanent: 3, expiring: 1 });
    const view = new DataView(bytes.buffer, PACKED_HEADER_BYTES);
    expect([0, 1, 2, 3, 4].map((i) => view.getFloat64(i * 8, true))).toEqual([14155550132, 442079460958, 861012345678, 4915123456789, 1_800_000_000_000]);
  });

  it('an entry that expires counts until its expiry passes, with no new copy of the list', () => {
    const expiring = new Map([
      ['+14155550101', 1_000],
      ['+14155550102', 2_000],
    ]);
    const bytes = packExact(['+14155550100'], expiring);
    expect([...[999, 1_000, 1_999, 2_000]].map((now) => ['+14155550100', '+14155550101', '+14155550102'].map((n) => createSuppressionLookup(bytes, now).has(n)))).toEqual([
      [true, true, true],
      [true, false, true],
      [true, false, true],
      [true, false, false],
    ]);
  });

  it('keeps the largest 15-digit numbers exact', () => {
    const big = '+999999999999999';
    expect(keyToE164(e164Key(big)!)).toBe(big);
    const set = createSuppressionLookup(packExact([big]));
    expect(set.has(big)).toBe(true);
    expect(set.has('+999999999999998')).toBe(false);
  });

  it('reads a packed list at any byte offset (a slice of a larger buffer)', () => {
    const packed = packExact(['+14155550132'], new Map([['+442079460958', Date.now() + 60_000]]));
    const holder = new Uint8Array(packed.byteLength + 3);
    holder.set(packed, 3);
    const set = createSuppressionLookup(holder.subarray(3));
    expect(set.has('+442079460958')).toBe(true);
    expect(set.has('+14155550132')).toBe(true);
    expect(set.has('+14155550133')).toBe(false);
  });

  it('refuses bytes that are not a whole packed list, with a message', () => {
    expect(() => createSuppressionLookup(new Uint8Array(12))).toThrow(/arrived damaged/);
    const bytes = packExact(['+14155550132']);
    expect(() => createSuppressionLookup(bytes.subarray(0, bytes.byteLength - 1))).toThrow(RangeError);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0;
    expect(() => createSuppressionLookup(wrongMagic)).toThrow(/not a packed list/);
  });

  it('an empty list has nothing', () => {
    const set = createSuppressionLookup(packExact([]));
    expect(set.size).toBe(0);
    expect(set.has('+14155550132')).toBe(false);
  });

  it('has(x) holds exactly when x was in the input', () => {
    fc.assert(
      fc.property(fc.array(e164, { maxLength: 200 }), fc.array(e164, { maxLength: 50 }), (listed, probes) => {
        const set = createSuppressionLookup(packExact(listed));
        const truth = new Set(listed);
        expect(set.size).toBe(truth.size);
        for (const x of [...listed, ...probes]) expect(set.has(x)).toBe(truth.has(x));
      }),
      { numRuns: 300 },
    );
  });

  it('its quick screen never turns a listed number away (200,000 numbers, and the number after each)', () => {
    const listed: string[] = [];
    for (let i = 0; i < 200_000; i++) listed.push(`+${1 + (i % 9)}${String((i * 7_919_993) % 99_999_999_999).padStart(11, '0')}`);
    const set = createSuppressionLookup(packExact(listed));
    const truth = new Set(listed);
    let wrong = 0;
    for (const x of listed) if (!set.has(x)) wrong++;
    for (const x of listed) {
      const next = keyToE164(e164Key(x)! + 1);
      if (set.has(next) !== truth.has(next)) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it('looks up in logarithmic work: at most 17 key reads for 65,536 keys', () => {
    const keys = sortedKeys(Array.from({ length: 1 << 16 }, (_, i) => `+1${2_000_000_000 + i * 7919}`));
    let reads = 0;
    const counting = new Proxy(keys, {
      get(target, prop) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Float64Array;
    let worst = 0;
    for (const probe of [keys[0]!, keys[keys.length - 1]!, keys[12_345]!, 1, 9e14, keys[40_000]! + 1]) {
      reads = 0;
      searchKey(counting, probe);
      worst = Math.max(worst, reads);
    }
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(17);
  });
});

describe('filter packed list', () => {
  it('never misses a listed number, and says "maybe" rarely for others (300,000 numbers in 1 MB)', () => {
    const listed: string[] = [];
    for (let i = 0; i < 300_000; i++) listed.push(`+1${2_000_000_000 + i * 7_919}`);
    const bytes = packFilter(listed, 1024 * 1024);
    expect(bytes.byteLength).toBeLessThanOrEqual(1024 * 1024);
    const set = createSuppressionLookup(bytes);
    expect(set).toMatchObject({ form: 'filter', size: 300_000 });
    let missed = 0;
    for (const x of listed) if (!set.has(x)) missed++;
    expect(missed).toBe(0);
    let maybe = 0;
    for (let i = 0; i < 100_000; i++) if (set.has(`+1${2_000_000_001 + i * 7_919}`)) maybe++;
    // ~28 bits a number, 16 positions: a false "maybe" about once in 100,000.
    expect(maybe).toBeLessThan(100);
  });

  it('property: whatever the numbers and the budget, a listed number is always found', () => {
    fc.assert(
      fc.property(fc.array(e164, { minLength: 1, maxLength: 300 }), fc.integer({ min: 64, max: 4_096 }), (listed, budget) => {
        const set = createSuppressionLookup(packFilter(listed, budget));
        for (const x of listed) expect(set.has(x)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a filter whose size does not match its header', () => {
    const bytes = packFilter(['+14155550132'], 1_024);
    expect(() => createSuppressionLookup(bytes.subarray(0, bytes.byteLength - 4))).toThrow(/arrived damaged/);
  });
});
