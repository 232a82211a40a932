import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRegionTables, generateRegionsModule, nanpRegionTable, parseGeocoding, regionsOfDescription } from './regions-table-source.ts';
import { parseZoneMap } from '../calling/zone-table-source.ts';
import { zipPoints, REGION_SOURCES } from '../../../scripts/region-sources.ts';
import { regionsOfNumber, zipLocation, zonesOfRegion } from './where.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const extract = read('./data/nanp-geocoding.txt');

describe('the generated region tables', () => {
  it('are what the generator makes of the committed sources (run `npm run gen:regions`)', () => {
    const tables = buildRegionTables(extract, parseZoneMap(read('../calling/data/map_data.txt')), zipPoints(), REGION_SOURCES);
    expect(generateRegionsModule(tables)).toBe(read('./data/regions.generated.ts'));
  });

  it('stay small enough to bundle', () => {
    expect(read('./data/regions.generated.ts').length).toBeLessThan(45_000);
  });

  it('keep the licence header of the source file', () => {
    expect(extract).toMatch(/^# Copyright \(C\) 2011 The Libphonenumber Authors[\s\S]*Apache License, Version 2\.0/);
  });

  it('answer every line of the geocoding extract as the source does (property against the source)', () => {
    const lines = parseGeocoding(extract);
    expect(lines.length).toBeGreaterThan(400);
    for (const line of lines) {
      const expected = regionsOfDescription(line.description);
      if (!expected.length) continue; // a place in no region of ours (Jamaica, the Bahamas)
      // Any number under the line's prefix, whatever digits follow.
      for (const tail of ['0000000', '5555555', '9999999']) {
        const e164 = `+${(line.prefix + tail).slice(0, 11)}`;
        expect(regionsOfNumber(e164, 'US'), `${line.prefix}|${line.description}`).toEqual(expected);
      }
    }
    expect(nanpRegionTable(lines).length).toBe(lines.length);
  });

  it('map area codes, a foreign exchange and territories', () => {
    expect(regionsOfNumber('+13055550100', 'US')).toEqual(['US-FL']);
    expect(regionsOfNumber('+12016315555', 'US')).toEqual(['US-NY']); // 201-631 is a New York exchange in New Jersey's area code
    expect(regionsOfNumber('+12015550100', 'US')).toEqual(['US-NJ']);
    expect(regionsOfNumber('+19025550100', 'CA')).toEqual(['CA-NS', 'CA-PE']);
    expect(regionsOfNumber('+17875550100', 'PR')).toEqual(['US-PR']);
    expect(regionsOfNumber('+18765550100', 'JM')).toEqual([]);
    expect(regionsOfNumber('+18005550100', 'US')).toEqual([]);
    expect(regionsOfNumber('+442079460958', 'GB')).toEqual([]);
  });

  it('know every zone of a region and a ZIP code\'s own', () => {
    expect(zonesOfRegion('US-FL')).toEqual(['America/Chicago', 'America/New_York']);
    expect(zonesOfRegion('US-TX')).toEqual(['America/Chicago', 'America/Denver']);
    expect(zipLocation('33101')).toEqual({ region: 'US-FL', zones: ['America/New_York'] });
    expect(zipLocation('32501')).toEqual({ region: 'US-FL', zones: ['America/Chicago'] }); // Pensacola
    expect(zipLocation('79901')).toEqual({ region: 'US-TX', zones: ['America/Denver'] }); // El Paso
    expect(zipLocation('00000')).toBeNull();
  });
});
