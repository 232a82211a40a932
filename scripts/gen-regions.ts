/**
 * Regenerates src/lib/regions/data/regions.generated.ts (NANP prefix → regions, region → zones, US
 * ZIP → state and zone) from
 *   - src/lib/regions/data/nanp-geocoding.txt, the extract of libphonenumber's
 *     resources/geocoding/en/1.txt this script writes when given that file:
 *       npm run gen:regions -- --geocoding <path to 1.txt>
 *   - src/lib/calling/data/map_data.txt (the time-zone table's source),
 *   - the npm packages `zipcodes` (BSD) and `tz-lookup` (CC0), development dependencies.
 * Re-runnable; without --geocoding it rebuilds from the committed extract.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildRegionTables, geocodingExtract, nanpRegionTable, parseGeocoding, generateRegionsModule } from '../src/lib/regions/regions-table-source.ts';
import { regionName } from '../src/lib/regions/subdivisions.ts';
import { parseZoneMap } from '../src/lib/calling/zone-table-source.ts';
import { zipPoints, REGION_SOURCES } from './region-sources.ts';

const dir = fileURLToPath(new URL('../src/lib/regions/data/', import.meta.url));
const at = process.argv.indexOf('--geocoding');
if (at > 0) {
  const source = readFileSync(process.argv[at + 1]!, 'utf8');
  const extract = geocodingExtract(source, regionName);
  const same = JSON.stringify(nanpRegionTable(parseGeocoding(extract))) === JSON.stringify(nanpRegionTable(parseGeocoding(source)));
  if (!same) throw new Error('the extract does not give the same region table as the whole file');
  writeFileSync(`${dir}nanp-geocoding.txt`, extract);
  console.log(`nanp-geocoding.txt: ${extract.length} bytes (whole file ${source.length})`);
}
const zoneMap = readFileSync(fileURLToPath(new URL('../src/lib/calling/data/map_data.txt', import.meta.url)), 'utf8');
const tables = buildRegionTables(readFileSync(`${dir}nanp-geocoding.txt`, 'utf8'), parseZoneMap(zoneMap), zipPoints(), REGION_SOURCES);
const module = generateRegionsModule(tables);
writeFileSync(`${dir}regions.generated.ts`, module);
console.log(`regions.generated.ts: ${module.length} bytes, ${tables.nanp.length} prefixes, ${tables.regionZones.size} regions, ${tables.zips.length} ZIP ranges`);
