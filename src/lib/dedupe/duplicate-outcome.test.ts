import { describe, expect, it } from 'vitest';
import { countOutcomes, duplicateOutcome } from './duplicate-outcome.ts';

describe('duplicate outcome: one rule for the preview and the import', () => {
  it('a later occurrence is a duplicate in the file whatever the campaign or the list holds', () => {
    for (const onExisting of ['skip', 'update', 'fill'] as const) {
      expect(duplicateOutcome({ later: true, suppressed: true, inCampaign: true }, onExisting)).toBe('in-file');
      expect(duplicateOutcome({ later: true, suppressed: false, inCampaign: true }, onExisting)).toBe('in-file');
    }
  });

  it('a first occurrence: suppressed before existing; existing is refused under skip and merged otherwise', () => {
    expect(duplicateOutcome({ later: false, suppressed: true, inCampaign: true }, 'skip')).toBe('suppressed');
    expect(duplicateOutcome({ later: false, suppressed: false, inCampaign: true }, 'skip')).toBe('existing');
    expect(duplicateOutcome({ later: false, suppressed: false, inCampaign: true }, 'update')).toBe('merge');
    expect(duplicateOutcome({ later: false, suppressed: false, inCampaign: true }, 'fill')).toBe('merge');
    expect(duplicateOutcome({ later: false, suppressed: false, inCampaign: false }, 'skip')).toBe('create');
  });

  it('counts a number in the campaign that appears three times as 1 existing and 2 in the file (the review saw 3 existing)', () => {
    const rows = [
      { later: false, suppressed: false, inCampaign: true },
      { later: true, suppressed: false, inCampaign: true },
      { later: true, suppressed: false, inCampaign: true },
      { later: false, suppressed: false, inCampaign: false },
    ];
    expect(countOutcomes(rows, 'skip')).toEqual({ create: 1, merge: 0, 'in-file': 2, suppressed: 0, existing: 1 });
  });
});
