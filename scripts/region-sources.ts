/**
 * The ZIP points of the region tables, from the development dependencies `zipcodes` (BSD) and
 * `tz-lookup` (CC0), and the sources line of the generated module. Node only (scripts and tests).
 */
import { createRequire } from 'node:module';
import type { ZipPoint } from '../src/lib/regions/regions-table-source.ts';

const require = createRequire(import.meta.url);

export const REGION_SOURCES = [
  'NANP regions: libphonenumber resources/geocoding/en/1.txt (Apache-2.0), google/libphonenumber at f7e3e88 (2026-07-17).',
  'Region zones: libphonenumber resources/timezones/map_data.txt (Apache-2.0), the zones of the prefixes of each region.',
  'US ZIP codes: npm zipcodes 8.0.0 (BSD; data from federalgovernmentzipcodes.us), zones by npm tz-lookup 6.1.25 (CC0-1.0).',
  'Generated 2026-12-07.',
].join('\n');

/** Every US ZIP of `zipcodes` in a state, DC or territory, with its zone (null when it has no coordinates). */
export function zipPoints(): ZipPoint[] {
  const codes = (require('zipcodes/lib/codes.js') as { codes: Record<string, { zip: string; latitude: number; longitude: number; state: string }> }).codes;
  const tz = require('tz-lookup') as (lat: number, lng: number) => string;
  const out: ZipPoint[] = [];
  for (const c of Object.values(codes)) {
    if (!/^\d{5}$/.test(c.zip) || ['AA', 'AE', 'AP', 'FM', 'MH', 'PW'].includes(c.state)) continue;
    out.push({ zip: c.zip, state: c.state, zone: c.latitude === 0 && c.longitude === 0 ? null : tz(c.latitude, c.longitude) });
  }
  return out;
}
