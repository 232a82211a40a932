import { describe, expect, it } from 'vitest';
import { callableByHour, hoursOf } from './callable-by-hour.ts';
import { isCallableAt } from '../../calling/callable.ts';

const window = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5, 6, 7] };
const sets = [
  { zones: ['America/New_York'], count: 3 },
  { zones: ['America/Los_Angeles'], count: 2 },
  { zones: ['America/Boise', 'America/Los_Angeles'], count: 1 },
  { zones: [], count: 4 },
];

describe('leads callable by hour', () => {
  it('gives 24 local hours of the day', () => {
    const hours = hoursOf(new Date(2026, 2, 18, 15, 30));
    expect(hours).toHaveLength(24);
    expect(hours.map((d) => d.getHours())).toEqual(Array.from({ length: 24 }, (_, h) => h));
    expect(hours.every((d) => d.getDate() === 18)).toBe(true);
  });

  it('weights each zone set by its count, fail closed across its zones, and never counts a set without zones', () => {
    const day = new Date(2026, 2, 18);
    const bars = callableByHour(sets, window, day);
    for (const b of bars) {
      const expected = (isCallableAt(['America/New_York'], window, b.at) ? 3 : 0)
        + (isCallableAt(['America/Los_Angeles'], window, b.at) ? 2 : 0)
        + (isCallableAt(['America/Boise'], window, b.at) && isCallableAt(['America/Los_Angeles'], window, b.at) ? 1 : 0);
      expect(b.callable).toBe(expected);
    }
    // 17:00 UTC on that day: 13:00 in New York, 10:00 in LA, 11:00 in Boise: everyone but the zoneless.
    const at = new Date(Date.UTC(2026, 2, 18, 17));
    expect(callableByHour(sets, window, at).length).toBe(24);
    expect(isCallableAt(['America/Boise', 'America/Los_Angeles'], window, at)).toBe(true);
    expect(Math.max(...bars.map((b) => b.callable))).toBe(6);
    expect(bars.some((b) => b.callable === 0)).toBe(true);
  });
});
