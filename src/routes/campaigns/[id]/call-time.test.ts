import { describe, expect, it } from 'vitest';
import { clockWithZone, nextCallTimes } from './call-time.ts';

// 2026-12-08 is a Tuesday; 14:00 UTC is 09:00 in New York (EST) and 08:00 in Chicago (CST).
const AT = '2026-12-08T14:00:00.000Z';

describe('clockWithZone', () => {
  it('shows weekday, 24-hour time and the zone abbreviation', () => {
    expect(clockWithZone(AT, 'America/Chicago', 'en-US')).toBe('Tue 08:00 CST');
    expect(clockWithZone('2026-07-07T13:00:00.000Z', 'America/New_York', 'en-US')).toBe('Tue 09:00 EDT');
  });
});

describe('nextCallTimes', () => {
  it("gives the viewer's time and the lead's first zone's time", () => {
    expect(nextCallTimes(AT, ['America/New_York', 'America/Chicago'], 'America/Chicago', 'en-US')).toEqual({ yours: 'Tue 08:00 CST', lead: 'Tue 09:00 EST' });
  });

  it('leaves the lead\'s time out when it reads the same, when the lead has no zone, or when the zone is unknown', () => {
    expect(nextCallTimes(AT, ['America/Chicago'], 'America/Chicago', 'en-US')).toEqual({ yours: 'Tue 08:00 CST', lead: null });
    expect(nextCallTimes(AT, [], 'America/Chicago', 'en-US')).toEqual({ yours: 'Tue 08:00 CST', lead: null });
    expect(nextCallTimes(AT, ['Mars/Olympus_Mons'], 'America/Chicago', 'en-US')).toEqual({ yours: 'Tue 08:00 CST', lead: null });
  });
});
