import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoOf, parseIsoInstant } from './iso-instant.ts';

describe('parseIsoInstant', () => {
  it('reads dates and date-times as UTC instants, with offsets', () => {
    expect(parseIsoInstant('2026-12-31')).toBe(Date.parse('2026-12-31T00:00:00Z'));
    expect(parseIsoInstant(' 2026-12-31T18:00:00Z ')).toBe(Date.parse('2026-12-31T18:00:00Z'));
    expect(parseIsoInstant('2026-12-31T18:00')).toBe(Date.parse('2026-12-31T18:00:00Z'));
    expect(parseIsoInstant('2026-12-31T18:00:00.5+02:00')).toBe(Date.parse('2026-12-31T16:00:00.500Z'));
    expect(parseIsoInstant('2026-12-31 18:00:00-0500')).toBe(Date.parse('2026-12-31T23:00:00Z'));
    expect(parseIsoInstant('2024-02-29')).toBe(Date.parse('2024-02-29T00:00:00Z'));
    expect(parseIsoInstant('0099-01-01')).toBe(Date.parse('0099-01-01T00:00:00Z'));
  });

  it('refuses days and times that do not exist, and what is not a date', () => {
    for (const bad of ['2026-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-12-32', '2026-12-31T24:00', '2026-12-31T12:60', '2026-12-31T12:00:60', '2026-12-31T12:00+24:00', '31/12/2026', 'tomorrow', '']) {
      expect(parseIsoInstant(bad), bad).toBeUndefined();
    }
  });

  it('writes an instant as toISOString does (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (d) => {
        expect(isoOf(d.getTime())).toBe(d.toISOString());
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees with Date.parse on every instant it writes as ISO (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString();
        expect(parseIsoInstant(iso)).toBe(d.getTime());
        expect(parseIsoInstant(iso.replace('.000Z', 'Z').replace('T', ' '))).toBe(d.getTime() - (iso.includes('.000Z') ? 0 : 0));
      }),
      { numRuns: 2_000 },
    );
  });
});
