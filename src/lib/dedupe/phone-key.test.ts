import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phoneKey } from './phone-key.ts';
import { createFirstOccurrenceIndex } from './in-file.ts';

describe('phoneKey', () => {
  it('is the E.164 digits as an integer, with or without the +', () => {
    expect(phoneKey('+14155551234')).toBe(14155551234);
    expect(phoneKey('14155551234')).toBe(14155551234);
    expect(phoneKey('+999999999999999')).toBe(999999999999999);
  });
  it('is 0 for text that is no E.164 number', () => {
    for (const text of ['', '+', '+0123', '+1234567890123456', '+1 415', 'abc']) expect(phoneKey(text)).toBe(0);
  });
  it('is what the E.164 pattern and Number() make of any text (random digits, pluses and other characters)', () => {
    const reference = (text: string) => (/^\+?[1-9]\d{0,14}$/.test(text) ? Number(text.startsWith('+') ? text.slice(1) : text) : 0);
    const text = fc.oneof(fc.string({ unit: fc.constantFrom(...'+0123456789 x٣'), maxLength: 18 }), fc.stringMatching(/^\+?[0-9]{0,16}$/));
    fc.assert(fc.property(text, (t) => {
      expect(phoneKey(t)).toBe(reference(t));
    }), { numRuns: 5000 });
  });
  it('is the key the first-occurrence index files a number under', () => {
    const index = createFirstOccurrenceIndex();
    index.record('+14155551234', 7);
    expect(index.firstOfKey(phoneKey('+14155551234'))).toBe(7);
  });
});
