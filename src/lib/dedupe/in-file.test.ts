import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFirstOccurrenceIndex, duplicateError } from './in-file.ts';

describe('first occurrence index', () => {
  it('in file order, later rows are duplicates of the first (DUPLICATE_IN_FILE)', () => {
    const index = createFirstOccurrenceIndex();
    expect(index.check('+14155551234', 1)).toBeUndefined();
    expect(index.check('+14155551235', 2)).toBeUndefined();
    expect(index.check('+14155551234', 3)).toBe(1);
    expect(index.check('+14155551234', 9)).toBe(1);
    expect(index.size).toBe(2);
  });

  it('is idempotent when a row is offered again (redelivery)', () => {
    const index = createFirstOccurrenceIndex();
    index.check('+1', 5);
    expect(index.check('+1', 5)).toBeUndefined();
  });

  it('whatever the order rows are recorded in, firstOf is the minimum row', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 1000 }))), (entries) => {
        const index = createFirstOccurrenceIndex();
        for (const [e164, row] of entries) index.record(e164, row);
        for (const e164 of ['a', 'b', 'c']) {
          const rows = entries.filter(([e]) => e === e164).map(([, r]) => r);
          expect(index.firstOf(e164)).toBe(rows.length ? Math.min(...rows) : undefined);
        }
      }),
    );
  });

  it('duplicateError says "duplicate of row N"', () => {
    const error = duplicateError(4, 'phone_number');
    expect(error).toMatchObject({ code: 'DUPLICATE_IN_FILE', duplicateOf: 4, column: 'phone_number' });
    expect(error.message).toContain('row 4');
  });

  it('agrees with a plain Map on E.164 numbers, through many table growths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1_000_000, max: 999_999_999_999_999 }), fc.integer({ min: 1, max: 1_000_000 })), { maxLength: 3_000 }),
        fc.integer({ min: 0, max: 50 }),
        (entries, repeats) => {
          const index = createFirstOccurrenceIndex();
          const reference = new Map<string, number>();
          const all = [...entries, ...entries.slice(0, repeats).map(([n]) => [n, 0] as [number, number])];
          for (const [n, row] of all) {
            const e164 = `+${n}`;
            index.record(e164, row);
            const seen = reference.get(e164);
            if (seen === undefined || row < seen) reference.set(e164, row);
          }
          expect(index.size).toBe(reference.size);
          for (const [e164, row] of reference) expect(index.firstOf(e164)).toBe(row);
          expect(index.firstOf('+19999999999999')).toBe(reference.get('+19999999999999'));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('by numeric key answers as by E.164 text, and refuses what is not a key', () => {
    const index = createFirstOccurrenceIndex();
    index.recordKey(14155551234, 9);
    index.record('+14155551234', 4);
    index.recordKey(14155551234, 7);
    expect(index.firstOfKey(14155551234)).toBe(4);
    expect(index.firstOf('+14155551234')).toBe(4);
    expect(index.firstOfKey(4915112345678)).toBeUndefined();
    expect(index.size).toBe(1);
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 60]) expect(() => index.recordKey(bad, 1)).toThrow(RangeError);
  });

  it('reserved for the rows to come, grows once and answers the same (growth counted in probes)', () => {
    const seed: [number, number] = [0x1234567, 0x7654321];
    const numbers = Array.from({ length: 50_000 }, (_, i) => `+1415${String(1_000_000 + ((i * 7_919) % 60_000)).padStart(7, '0')}`);
    const plain = createFirstOccurrenceIndex({ seed });
    const reserved = createFirstOccurrenceIndex({ seed });
    reserved.reserve(numbers.length);
    const afterReserve = reserved.probes;
    numbers.forEach((n, i) => expect(reserved.check(n, i + 1)).toBe(plain.check(n, i + 1)));
    expect(reserved.size).toBe(plain.size);
    // The plain table rehashed every key at each doubling from 4,096 slots; the reserved one only
    // probes for its inserts.
    expect(reserved.probes - afterReserve).toBeLessThan(plain.probes - plain.size);
    reserved.reserve(10); // never shrinks
    for (const n of numbers.slice(0, 100)) expect(reserved.firstOf(n)).toBe(plain.firstOf(n));
  });
});
