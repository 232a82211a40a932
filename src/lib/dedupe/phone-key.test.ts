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
  it('is the key the first-occurrence index files a number under', () => {
    const index = createFirstOccurrenceIndex();
    index.record('+14155551234', 7);
    expect(index.firstOfKey(phoneKey('+14155551234'))).toBe(7);
  });
});
