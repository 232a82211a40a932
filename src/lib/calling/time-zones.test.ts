import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { parseZoneMap } from './zone-table-source.ts';
import { NO_ZONE_SET, timeZonesOf, zoneSetCount, zoneSetIdOf, zonesOfSet } from './time-zones.ts';

const lines = parseZoneMap(readFileSync(new URL('./data/map_data.txt', import.meta.url), 'utf8'));
const byPrefix = new Map(lines.map((l) => [l.prefix, l.zones]));
const sorted = (zones: readonly string[]) => [...zones].sort();

/** The file's own rule, by brute force: the longest line that is a prefix of the digits. */
function reference(digits: string): string[] | undefined {
  for (let n = Math.min(digits.length, 9); n > 0; n--) {
    const zones = byPrefix.get(digits.slice(0, n));
    if (zones) return zones;
  }
  return undefined;
}

/** A +1 area code the table has no line for, that libphonenumber-js says is `country`'s. */
function areaCodeMissingFromTable(country: string): string {
  for (let ac = 200; ac <= 999; ac++) {
    if (lines.some((l) => l.prefix.startsWith(`1${ac}`))) continue;
    if (parsePhoneNumberFromString(`+1${ac}2345678`)?.country === country) return String(ac);
  }
  throw new Error(`no ${country} area code missing from the table`);
}

describe('timeZonesOf', () => {
  it('gives every line of map_data.txt exactly its zones', () => {
    expect(lines.length).toBeGreaterThan(3000);
    for (const { prefix, zones } of lines) {
      expect(sorted(timeZonesOf(`+${prefix}`, null)), prefix).toEqual(sorted(zones));
      expect(sorted(timeZonesOf(prefix, null)), prefix).toEqual(sorted(zones));
    }
  });

  it('gives a longer number under a line that line’s zones, unless a longer line matches', () => {
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 10 }), (i, tail) => {
        const { prefix, zones } = lines[i]!;
        const digits = (prefix + tail.join('')).slice(0, 15);
        const expected = reference(digits)!;
        expect(sorted(timeZonesOf(`+${digits}`, null))).toEqual(sorted(expected));
        let longer = false;
        for (let n = prefix.length + 1; n <= digits.length; n++) longer ||= byPrefix.has(digits.slice(0, n));
        if (!longer) expect(sorted(timeZonesOf(`+${digits}`, null))).toEqual(sorted(zones));
      }),
      { numRuns: 20_000, seed: 14 },
    );
  });

  it('answers the examples of the contract', () => {
    expect(timeZonesOf('+12015550123', 'US')).toEqual(['America/New_York']);
    expect(timeZonesOf('+12082000123', 'US')).toEqual(['America/Boise', 'America/Los_Angeles']);
    expect(timeZonesOf('+12082012345', 'US')).toEqual(['America/Denver']);
    expect(timeZonesOf('+4930123456', 'DE')).toEqual(['Europe/Berlin']);
    expect(timeZonesOf('+64 3 305 1234'.replace(/ /g, ''), 'NZ')).toContain('Pacific/Chatham');
  });

  it('falls back to the country when only the shared calling code matches', () => {
    const all = timeZonesOf('+1', null);
    expect(all.length).toBeGreaterThanOrEqual(40);
    const us = `+1${areaCodeMissingFromTable('US')}2345678`;
    expect(timeZonesOf(us, null)).toEqual(all);
    const usZones = timeZonesOf(us, 'US');
    expect(usZones).toContain('America/New_York');
    expect(usZones).toContain('America/Los_Angeles');
    expect(usZones).not.toContain('America/St_Johns');
    expect(usZones).not.toContain('Pacific/Guam');
    expect(usZones.length).toBeLessThan(all.length);
    const ca = `+1${areaCodeMissingFromTable('CA')}2345678`;
    const caZones = timeZonesOf(ca, 'CA');
    expect(caZones).toContain('America/St_Johns');
    expect(caZones).not.toContain('America/Chicago');
    // A country that is not the number's own is ignored.
    expect(timeZonesOf(us, 'DE')).toEqual(all);
    // A country behind a longer matching line changes nothing.
    expect(timeZonesOf('+12015550123', 'CA')).toEqual(['America/New_York']);
  });

  it('is never empty for a valid geographic number, and empty for non-geographic codes', () => {
    for (const text of ['+442071234567', '+819012345678', '+5511912345678', '+2348031234567', '+61412345678']) {
      const pn = parsePhoneNumberFromString(text)!;
      expect(pn.isValid(), text).toBe(true);
      expect(timeZonesOf(pn.number, pn.country ?? null).length, text).toBeGreaterThan(0);
    }
    expect(zoneSetIdOf('+80012345678', null)).toBe(NO_ZONE_SET);
    expect(timeZonesOf('+80012345678', null)).toEqual([]);
  });

  it('numbers each distinct zone set once, with ids from 0', () => {
    const count = zoneSetCount();
    expect(count).toBeGreaterThan(300);
    expect(count).toBeLessThan(1296);
    const keys = new Set<string>();
    for (let id = 0; id < count; id++) {
      const zones = zonesOfSet(id);
      expect(zones.length).toBeGreaterThan(0);
      expect(Object.isFrozen(zones)).toBe(true);
      keys.add(zones.join('&'));
    }
    expect(keys.size).toBe(count);
    expect(zonesOfSet(count)).toEqual([]);
    expect(zonesOfSet(zoneSetIdOf('+12082000123', 'US'))).toEqual(['America/Boise', 'America/Los_Angeles']);
  });
});
