import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '#lib/ui/preview/column-profile.ts';
import type { ColumnMapping } from '#lib/types.ts';
import { fillText, primaryReason } from '../utils/column-notes.ts';

const headers = ['First Name', 'Mobile Phone Number', 'Phone Number'];
const profile = (rows: number, sampled: number): ColumnProfile => ({
  rows,
  filled: [rows, rows - 1, 4],
  samples: [[], [], []],
  primary: { column: 1, sampled, changed: true, counts: [{ column: 1, filled: sampled - 1, valid: sampled - 1 }, { column: 2, filled: 4, valid: 4 }] },
});
const mapping: ColumnMapping = { columns: [{ kind: 'ignore' }, { kind: 'phone' }, { kind: 'secondaryPhone', index: 1 }] };

describe('column notes', () => {
  it('says how full a column is: counts for a small file, a share for a large one', () => {
    expect(fillText(profile(30, 30), 2)).toBe('4 of 30 filled');
    expect(fillText(profile(5000, 200), 1)).toBe('99% filled');
    expect(fillText(profile(5000, 200), 2)).toBe('<1% filled');
    expect(fillText({ ...profile(30, 30), filled: [0, 0, 0] }, 0)).toBe('Empty');
  });

  it('gives the reason for the primary phone while the mapping follows it', () => {
    expect(primaryReason(profile(30, 30), headers, mapping)).toEqual({ column: 1, text: 'Chosen for the phone number by what it holds: 29 of 30 valid (Phone Number: 4 of 30).' });
    expect(primaryReason(profile(5000, 200), headers, mapping)?.text).toBe('Chosen for the phone number by what it holds: 199 of the first 200 rows valid (Phone Number: 4 of 200).');
    expect(primaryReason(profile(30, 30), headers, { columns: [{ kind: 'ignore' }, { kind: 'secondaryPhone', index: 1 }, { kind: 'phone' }] })).toBeNull();
  });
});
