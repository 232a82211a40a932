import { describe, expect, it } from 'vitest';
import { createEntryReader, parseExpiresAt } from './entry.ts';

describe('parseExpiresAt', () => {
  it('reads ISO dates and times as UTC instants', () => {
    expect(parseExpiresAt('2026-12-31')).toBe('2026-12-31T00:00:00.000Z');
    expect(parseExpiresAt(' 2026-12-31T18:00:00Z ')).toBe('2026-12-31T18:00:00.000Z');
    expect(parseExpiresAt('2026-12-31T18:00')).toBe('2026-12-31T18:00:00.000Z');
    expect(parseExpiresAt('2026-12-31T18:00:00.5+02:00')).toBe('2026-12-31T16:00:00.500Z');
    expect(parseExpiresAt('2026-12-31 18:00:00-0500')).toBe('2026-12-31T23:00:00.000Z');
    expect(parseExpiresAt('')).toBeNull();
  });

  it('refuses what is not a date, and days that do not exist', () => {
    for (const bad of ['tomorrow', '31/12/2026', '2026-02-30', '2026-13-01', '2026-12-31T24:00', '2026-12-31T12:60']) {
      expect(parseExpiresAt(bad), bad).toBeUndefined();
    }
  });

  it('reads an Excel date cell from its serial day number', () => {
    expect(parseExpiresAt('1/1/25', 45658)).toBe('2025-01-01T00:00:00.000Z');
    expect(parseExpiresAt('12/31/26', 46387)).toBe('2026-12-31T00:00:00.000Z');
    expect(parseExpiresAt('soon', -5)).toBeUndefined();
  });
});

describe('createEntryReader', () => {
  it('normalises like leads and names the refusal', () => {
    const reader = createEntryReader('GB');
    expect(reader.fromRequest('020 7946 0958', null, null)).toEqual({ ok: true, entry: { phone: '+442079460958', reason: null, expiresAt: null } });
    const bad = reader.fromRequest('12', null, null);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.invalid).toMatchObject({ input: '12', code: 'PHONE_INVALID' });
    const row = reader.fromRow(4, { header: 'Phone', text: '+14155550132' }, 'x'.repeat(1001), undefined);
    expect(row.ok ? null : row.invalid).toMatchObject({ code: 'REASON_TOO_LONG', row: 4 });
  });
});
