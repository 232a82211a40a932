/**
 * The sources of where a North American person may be → the source text of the compact module
 * `data/regions.generated.ts`. Pure: scripts/gen-regions.ts feeds it the files and writes its
 * output, and a test checks that the committed module equals it. Not imported at run time.
 *
 * - NANP prefixes → regions, from libphonenumber's `resources/geocoding/en/1.txt` (Apache-2.0):
 *   its lines are `prefix|Description`, the description a state or province ("New Jersey",
 *   "Washington State", "Nova Scotia/Prince Edward Island") or a place ("Jersey City, NJ"). A number
 *   takes the regions of its longest matching line; an area code without a line of its own takes
 *   every region its lines name (in practice one), so an exchange missing from the file is not
 *   left without a state.
 * - Region → every zone of it: the zones (libphonenumber's `map_data.txt`) of the prefixes mapped
 *   to it.
 * - US ZIP → state and zone: npm `zipcodes` (BSD; US data from federalgovernmentzipcodes.us) with
 *   each ZIP's coordinates placed in a zone by npm `tz-lookup` (CC0), cut into ranges of
 *   consecutive ZIPs with one state and zone (military APO/FPO codes and the freely associated
 *   states are left out: they are not US subdivisions).
 */
import { parseRegion } from './parse-region.ts';

export interface GeocodingLine {
  prefix: string;
  description: string;
}

/** The `prefix|Description` lines of a geocoding file, comments and blank lines skipped. */
export function parseGeocoding(text: string): GeocodingLine[] {
  const out: GeocodingLine[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const bar = line.indexOf('|');
    if (bar < 2 || !/^1\d+$/.test(line.slice(0, bar))) throw new Error(`geocoding line ${i + 1} is not "prefix|Description": ${line.slice(0, 80)}`);
    out.push({ prefix: line.slice(0, bar), description: line.slice(bar + 1) });
  }
  return out;
}

/** The regions a description names: ["US-NJ"] for "New Jersey" or "Jersey City, NJ", several for "A/B", [] for other places. */
export function regionsOfDescription(description: string): string[] {
  const whole = parseRegion(description);
  if (whole) return [whole];
  const comma = description.lastIndexOf(', ');
  if (comma > 0 && /^[A-Z]{2}$/.test(description.slice(comma + 2))) {
    const code = parseRegion(description.slice(comma + 2));
    return code ? [code] : [];
  }
  if (description.includes('/')) {
    const parts = description.split('/').map((p) => parseRegion(p.trim()));
    if (parts.every((p) => p !== null)) return [...new Set(parts as string[])].sort();
  }
  return [];
}

/** NANP area codes that are US territories, whose geocoding lines (if any) name places, not regions. */
const TERRITORY_AREA_CODES: Record<string, string> = { '1787': 'US-PR', '1939': 'US-PR', '1671': 'US-GU', '1340': 'US-VI', '1684': 'US-AS', '1670': 'US-MP' };

/**
 * The table: prefix → regions, as few lines as give every number the same answer as the longest
 * line of the source (plus the area-code rule above). Sorted by prefix.
 */
export function nanpRegionTable(lines: GeocodingLine[]): { prefix: string; regions: string[] }[] {
  const regionsOf = new Map<string, string[]>();
  for (const l of lines) regionsOf.set(l.prefix, TERRITORY_AREA_CODES[l.prefix.slice(0, 4)] ? [TERRITORY_AREA_CODES[l.prefix.slice(0, 4)]!] : regionsOfDescription(l.description));
  const areaCodes = new Map<string, Set<string>>();
  for (const [prefix, regions] of regionsOf) {
    const npa = prefix.slice(0, 4);
    let s = areaCodes.get(npa);
    if (!s) areaCodes.set(npa, (s = new Set()));
    for (const r of regions) s.add(r);
  }
  for (const [npa, region] of Object.entries(TERRITORY_AREA_CODES)) if (!areaCodes.has(npa)) areaCodes.set(npa, new Set([region]));
  const answer = new Map<string, string[]>(); // the table's own answer at each kept prefix
  for (const [npa, union] of areaCodes) answer.set(npa, regionsOf.get(npa) ?? [...union].sort());
  const key = (r: readonly string[]) => r.join(',');
  const parentAnswer = (prefix: string): string[] => {
    for (let n = prefix.length - 1; n >= 4; n--) {
      const a = regionsOf.get(prefix.slice(0, n)) ?? (n === 4 ? answer.get(prefix.slice(0, 4)) : undefined);
      if (a) return a;
    }
    return [];
  };
  const out: { prefix: string; regions: string[] }[] = [];
  for (const [npa, regions] of answer) out.push({ prefix: npa, regions });
  // A longer line naming a place in no region ("Watson Lake") is a place inside its area code's region.
  for (const [prefix, regions] of regionsOf) if (prefix.length > 4 && regions.length === 0) regionsOf.delete(prefix);
  for (const [prefix, regions] of regionsOf) {
    if (prefix.length > 4 && key(regions) !== key(parentAnswer(prefix))) out.push({ prefix, regions });
  }
  return out.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
}

/** The regions of a number (E.164 digits) by a table: its longest matching prefix. */
export function regionsByTable(table: { prefix: string; regions: string[] }[], digits: string): string[] {
  let best: string[] = [];
  let bestLength = 0;
  for (const t of table) if (t.prefix.length > bestLength && digits.startsWith(t.prefix)) ((best = t.regions), (bestLength = t.prefix.length));
  return best;
}

/**
 * The extract of the geocoding file kept in the repository (`data/nanp-geocoding.txt`): the source
 * licence header, then the table as `prefix|Description` lines, each description the source's own
 * or, for an area code without a line, the names of its regions joined by "/".
 */
export function geocodingExtract(source: string, names: (code: string) => string): string {
  const header = source.split('\n').filter((l, i, all) => l.startsWith('#') && all.slice(0, i).every((x) => x.startsWith('#') || x.trim() === ''));
  const lines = parseGeocoding(source);
  const described = new Map(lines.map((l) => [l.prefix, l.description]));
  const table = nanpRegionTable(lines);
  const body = table.map((t) => `${t.prefix}|${described.get(t.prefix) ?? (t.regions.map(names).join('/') || 'Unknown')}`);
  return [...header, '#', '# Extract made by scripts/gen-regions.ts: only the lines the region table needs.', '', ...body, ''].join('\n');
}

export interface ZipPoint {
  zip: string;
  state: string;
  zone: string | null;
}

/** ZIP ranges [first, last] with one state and zone; a gap between two ranges that differ stays unknown. */
export function zipRanges(points: ZipPoint[], zonesOfRegion: (region: string) => string[]): { first: number; last: number; region: string; zones: string[] }[] {
  const sorted = [...points].sort((a, b) => (a.zip < b.zip ? -1 : a.zip > b.zip ? 1 : 0));
  const out: { first: number; last: number; region: string; zones: string[] }[] = [];
  for (const p of sorted) {
    const region = `US-${p.state}`;
    const zones = p.zone ? [p.zone] : zonesOfRegion(region);
    const zip = Number(p.zip);
    const prev = out[out.length - 1];
    if (prev && prev.region === region && prev.zones.join(',') === zones.join(',') && Math.floor(prev.last / 100) === Math.floor(zip / 100)) prev.last = zip;
    else out.push({ first: zip, last: zip, region, zones });
  }
  return out;
}

export interface RegionTables {
  nanp: { prefix: string; regions: string[] }[];
  regionZones: Map<string, string[]>;
  zips: { first: number; last: number; region: string; zones: string[] }[];
  sources: string;
}

/** The generated module's source text. */
export function generateRegionsModule(t: RegionTables): string {
  const zoneNames = [...new Set([...t.regionZones.values(), ...t.zips.map((z) => z.zones)].flat())].sort();
  const zoneIndex = new Map(zoneNames.map((z, i) => [z, i.toString(36)]));
  const zonesCode = (zones: string[]) => zones.map((z) => zoneIndex.get(z)!).join('.');
  const wrap = (items: string[]) => {
    const lines: string[] = [];
    let line = '';
    for (const item of items) {
      if (line.length + item.length + 1 > 100) (lines.push(line), (line = ''));
      line = line ? `${line} ${item}` : item;
    }
    if (line) lines.push(line);
    return lines.join('\n');
  };
  const version = fnv([t.nanp.map((n) => `${n.prefix}=${n.regions}`).join(';'), [...t.regionZones].join(';'), t.zips.map((z) => `${z.first}-${z.last}=${z.region}/${z.zones}`).join(';')].join('|'));
  return `// Generated by scripts/gen-regions.ts (see ../regions-table-source.ts for the sources and how).
// Do not edit: run \`npm run gen:regions\`. Sources, licences and dates: NOTICE beside this file.
${t.sources
  .split('\n')
  .map((l) => `// ${l}`)
  .join('\n')}

/** Names the tables a stored calling profile was made from (FNV-1a of their content). */
export const REGION_DATA_VERSION = '${version}';

/** IANA zones, referred to by base-36 index below. */
export const REGION_ZONE_NAMES = \`
${wrap(zoneNames)}
\`;

/** NANP prefix (E.164 digits) = regions (ISO 3166-2, "," between several; empty: a known place in no region). */
export const NANP_REGIONS = \`
${wrap(t.nanp.map((n) => `${n.prefix}=${n.regions.join(',')}`))}
\`;

/** Region = its zones (indexes into REGION_ZONE_NAMES, "." between them). */
export const REGION_ZONES = \`
${wrap([...t.regionZones].sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, z]) => `${r}=${zonesCode(z)}`))}
\`;

/** US ZIP ranges: first-last (5 digits, last omitted when equal) = state (US-XX without "US-") zones. */
export const ZIP_RANGES = \`
${wrap(t.zips.map((z) => `${String(z.first).padStart(5, '0')}${z.last !== z.first ? `-${String(z.last).padStart(5, '0')}` : ''}=${z.region.slice(3)}:${zonesCode(z.zones)}`))}
\`;
`;
}

function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** One line of libphonenumber's time-zone map: prefix and zones. */
export interface ZoneLine {
  prefix: string;
  zones: string[];
}

/** Every table from the committed extract, the zone map's lines and the ZIP points. */
export function buildRegionTables(extract: string, zoneLines: ZoneLine[], zipPoints: ZipPoint[], sources: string): RegionTables {
  const nanp = nanpRegionTable(parseGeocoding(extract));
  const regionZones = new Map<string, Set<string>>();
  for (const line of zoneLines) {
    if (!line.prefix.startsWith('1') || line.prefix.length < 4) continue;
    for (const region of regionsByTable(nanp, line.prefix)) {
      let s = regionZones.get(region);
      if (!s) regionZones.set(region, (s = new Set()));
      for (const z of line.zones) s.add(z);
    }
  }
  const sortedZones = new Map([...regionZones].map(([r, s]) => [r, [...s].sort()]));
  const zips = zipRanges(zipPoints, (r) => sortedZones.get(r) ?? []);
  return { nanp, regionZones: sortedZones, zips, sources };
}
