import { describe, expect, it } from 'vitest';
import { importAction } from '../utils/import-action.ts';

describe('importAction', () => {
  it('says the import imports nothing when rows have errors and ignore errors is off', () => {
    const a = importAction(12, 4, false);
    expect(a.reportOnly).toBe(true);
    expect(a.label).not.toMatch(/Import \d/);
    expect(a.label).toMatch(/nothing is imported/);
    expect(a.note).toMatch(/4 rows have errors, so nothing will be imported/);
    expect(a.note).toMatch(/import the 8 rows without errors now, turn on "Ignore errors"/);
  });

  it('counts the good rows and the skipped ones with ignore errors on', () => {
    expect(importAction(12, 4, true)).toMatchObject({ label: 'Import 8 leads, skip 4 rows', reportOnly: false });
    expect(importAction(2, 1, true).label).toBe('Import 1 lead, skip 1 row');
    expect(importAction(3, 3, true)).toMatchObject({ reportOnly: true });
  });

  it('imports every row when none has an error', () => {
    expect(importAction(6000, 0, false)).toMatchObject({ label: 'Import 6,000 leads', reportOnly: false });
  });
});
