import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PreviewDuplicates } from './duplicates.ts';

/** The answer by definition: a row is a later duplicate of the first row holding its number. */
function expected(numbers: (string | undefined)[]): (number | undefined)[] {
  return numbers.map((n, i) => {
    if (n === undefined) return undefined;
    const first = numbers.indexOf(n);
    return first === i ? undefined : first;
  });
}

const A = '+14155550001';
const B = '+14155550002';

describe('PreviewDuplicates', () => {
  it('names the first row holding a number while reading in file order', () => {
    const d = new PreviewDuplicates();
    expect([A, B, A, undefined, A].map((n, i) => d.add(i, n))).toEqual([undefined, undefined, 0, undefined, 0]);
    expect(d.firstOf(A)).toBe(0);
  });

  it('hands a number to the next row when an edit takes it from its first row, and back', () => {
    const d = new PreviewDuplicates();
    [A, B, A, A].forEach((n, i) => d.add(i, n));
    expect(d.change(0, B)).toEqual([0, 1, 2, 3]);
    expect([0, 1, 2, 3].map((i) => d.earlierOf(i))).toEqual([undefined, 0, undefined, 2]);
    expect(d.change(0, A)).toEqual([0, 1, 2, 3]);
    expect([0, 1, 2, 3].map((i) => d.earlierOf(i))).toEqual([undefined, undefined, 0, 0]);
    // Rows read after an edit still find the right first row.
    d.change(0, undefined);
    expect(d.add(4, A)).toBe(2);
    expect(d.add(5, B)).toBe(1);
  });

  it('agrees with the definition after any reads and edits (property)', () => {
    // Texts that are not `+` and digits are kept as text, and compared as such.
    const number = fc.option(fc.constantFrom(A, B, '+14155550003', '+0415', 'n/a'), { nil: undefined });
    fc.assert(
      fc.property(fc.array(number, { maxLength: 12 }), fc.array(fc.tuple(fc.nat(), number), { maxLength: 8 }), fc.array(number, { maxLength: 4 }), (initial, edits, more) => {
        const d = new PreviewDuplicates();
        const numbers = [...initial];
        initial.forEach((n, i) => d.add(i, n));
        for (const [at, n] of edits) {
          if (numbers.length === 0) break;
          const i = at % numbers.length;
          numbers[i] = n;
          d.change(i, n);
        }
        for (const n of more) {
          numbers.push(n);
          d.add(numbers.length - 1, n);
        }
        expect(numbers.map((_, i) => d.earlierOf(i))).toEqual(expected(numbers));
        expect(numbers.map((_, i) => d.numberAt(i))).toEqual(numbers);
      }),
    );
  });
});
