import { describe, expect, it } from 'vitest';
import { importAction } from '../utils/import-action.ts';
import { splitByPolicy } from '#lib/ui/preview/existing.ts';

describe('importAction', () => {
  it('says the import imports nothing when rows have errors and ignore errors is off', () => {
    const a = importAction(12, 4, false);
    expect(a.reportOnly).toBe(true);
    expect(a.label).not.toMatch(/Import \d/);
    expect(a.label).toMatch(/nothing is imported/);
    expect(a.note).toMatch(/4 rows have errors, so nothing will be imported/);
    expect(a.note).toMatch(/import the 8 rows without errors now, turn on "Ignore errors", or fix or delete the rows above first/);
    expect(a.offer).toBeUndefined();
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

describe('importAction with the numbers already in the campaign', () => {
  it('splits the leads into created and updated under "Update"', () => {
    const a = importAction(8, 0, false, splitByPolicy(8, 3, 'update'));
    expect(a).toMatchObject({ label: 'Import 8 leads: create 5, update 3', reportOnly: false });
    expect(a.note).toBe('Every row is ready: 5 leads will be added to the campaign and 3 leads already in it updated.');
  });

  it('says fill under "Fill in blanks", and keeps the skipped rows with errors', () => {
    expect(importAction(8, 0, true, splitByPolicy(8, 2, 'fill')).label).toBe('Import 8 leads: create 6, fill 2');
    expect(importAction(12, 4, true, splitByPolicy(8, 3, 'update')).label).toBe('Import 8 leads: create 5, update 3; skip 4 rows');
  });

  it('reads like before when nothing is in the campaign yet', () => {
    expect(importAction(8, 0, false, splitByPolicy(8, 0, 'update')).label).toBe('Import 8 leads');
    expect(importAction(8, 0, false, splitByPolicy(8, 0, 'skip')).label).toBe('Import 8 leads');
  });

  it('under "Skip" with ignore errors on, skips the rows already in the campaign', () => {
    const a = importAction(10, 2, true, splitByPolicy(8, 3, 'skip'));
    expect(a).toMatchObject({ label: 'Import 5 leads, skip 5 rows', reportOnly: false });
    expect(a.note).toMatch(/the 3 rows already in the campaign will be skipped/);
  });

  it('under "Skip" with ignore errors off and other errors, says the rows already in the campaign fail the import too', () => {
    const a = importAction(9, 1, false, splitByPolicy(8, 3, 'skip'));
    expect(a.reportOnly).toBe(true);
    expect(a.offer).toBeUndefined();
    expect(a.label).toMatch(/nothing is imported/);
    expect(a.note).toMatch(/1 row has an error and 3 rows already in the campaign are errors under "Skip", so nothing will be imported/);
    expect(a.note).toMatch(/choose "Update" or "Fill in blanks", turn on "Ignore errors", or fix or delete the rows above first/);
  });

  it('offers the one click that imports the rest when the only problems would be skipped anyway', () => {
    const a = importAction(30, 2, false, splitByPolicy(28, 14, 'skip'), 2);
    expect(a).toMatchObject({ reportOnly: true, label: 'Get the error report only (nothing is imported)', offer: { label: 'Import 14 leads, skip 16 rows' } });
    expect(a.note).toBe('The only problems are rows that would be skipped anyway: 2 rows repeat a number earlier in the file and 14 rows are already in the campaign. Import the other 14 leads now; the skipped rows are listed in the import\'s report.');
    expect(importAction(5, 1, false, null, 1).offer).toEqual({ label: 'Import 4 leads, skip 1 row' });
    expect(importAction(5, 2, false, null, 1).offer).toBeUndefined();
  });

  it('nothing to import when every valid row is already in the campaign under "Skip"', () => {
    expect(importAction(3, 0, true, splitByPolicy(3, 3, 'skip'))).toMatchObject({ reportOnly: true, label: 'Get the error report (nothing to import)' });
  });
});

describe('importAction notes', () => {
  it('keeps the plain note when nothing is in the campaign, and details it when rows update', () => {
    expect(importAction(4, 2, true, splitByPolicy(2, 0, 'update')).note).toMatch(/^The 2 rows without errors will be imported\. The 2 rows with errors will be skipped/);
    expect(importAction(4, 1, true, splitByPolicy(3, 1, 'update')).note).toMatch(/^The 3 rows without errors will be imported: 2 leads will be added to the campaign and 1 lead already in it updated\./);
  });
});
