import { describe, expect, it } from 'vitest';
import { describeZones, friendlyZoneName } from './describe-zones.ts';
import { timeZonesOf } from './time-zones.ts';

describe('describeZones', () => {
  it('names one zone by its generic name', () => {
    expect(describeZones(['America/New_York']).label).toBe('Eastern');
    expect(describeZones(['America/Los_Angeles']).label).toBe('Pacific');
  });

  it('names a zone-spanning prefix by its first zone and a count, with all of them in the title', () => {
    const d = describeZones(timeZonesOf('+12082000123', 'US'));
    expect(d.label).toBe('Mountain +1 more');
    expect(d.names).toEqual(['Mountain', 'Pacific']);
    expect(d.title).toBe('Mountain (America/Boise), Pacific (America/Los_Angeles)');
  });

  it('counts distinct names, not zones', () => {
    expect(describeZones(['America/Boise', 'America/Denver']).label).toBe('Mountain');
  });

  it('names zones Intl knows only by offset, or not at all, by their city', () => {
    expect(friendlyZoneName('Europe/Kyiv')).not.toMatch(/Moscow/);
    expect(friendlyZoneName('Mars/Olympus_Mons')).toBe('Olympus Mons');
    expect(describeZones([]).label).toBe('Unknown');
  });
});
