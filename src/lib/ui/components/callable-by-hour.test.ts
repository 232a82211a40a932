import { describe, expect, it } from 'vitest';
import { callableByHour, hoursOf } from './callable-by-hour.ts';
import { isCallableAt } from '../../calling/callable.ts';
import type { CallingContext } from '../../calling/calling-verdict.ts';

const context: CallingContext = { window: { start: '07:00', end: '22:00', days: [1, 2, 3, 4, 5, 6, 7] }, purpose: 'telemarketing' };
const profiles = [
  { country: 'DE', regions: [], callingTimeZones: ['Europe/Berlin'], count: 3 },
  { country: 'US', regions: ['US-FL'], callingTimeZones: ['America/New_York'], count: 2 },
  { country: 'US', regions: ['US-ID'], callingTimeZones: ['America/Boise', 'America/Los_Angeles'], count: 1 },
  { country: null, regions: [], callingTimeZones: [], count: 4 },
];

describe('leads callable by hour', () => {
  it('gives 24 local hours of the day', () => {
    const hours = hoursOf(new Date(2026, 2, 18, 15, 30));
    expect(hours).toHaveLength(24);
    expect(hours.map((d) => d.getHours())).toEqual(Array.from({ length: 24 }, (_, h) => h));
    expect(hours.every((d) => d.getDate() === 18)).toBe(true);
  });

  it('weights each profile by its count, applies window ∩ rules in every zone, never counts a profile without zones', () => {
    const day = new Date(2026, 2, 18);
    const bars = callableByHour(profiles, context, day);
    const w = (from: string, to: string) => ({ start: from, end: to, days: [1, 2, 3, 4, 5, 6, 7] });
    for (const b of bars) {
      const expected =
        (isCallableAt(['Europe/Berlin'], context.window, b.at) ? 3 : 0) +
        // Florida: the window ∩ the federal 08–21 ∩ Florida's 08–20.
        (isCallableAt(['America/New_York'], w('08:00', '20:00'), b.at) ? 2 : 0) +
        (isCallableAt(['America/Boise', 'America/Los_Angeles'], w('08:00', '21:00'), b.at) ? 1 : 0);
      expect(b.callable, b.at.toISOString()).toBe(expected);
    }
    expect(Math.max(...bars.map((b) => b.callable))).toBeLessThanOrEqual(6);
    expect(bars.some((b) => b.callable === 0)).toBe(true);
  });
});
