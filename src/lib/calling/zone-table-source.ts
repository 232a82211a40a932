/**
 * libphonenumber's time-zone prefix table (`map_data.txt`) → the source text of the compact table
 * module `data/timezones.generated.ts`. Pure: scripts/gen-timezones.ts writes its output, and a
 * test checks that the committed module equals it. Not imported at run time.
 */
import { parsePhoneNumberFromString, type MetadataJson } from 'libphonenumber-js/core';

/** One line of the file: E.164 digits prefix (calling code + national digits) and its zones. */
export interface ZoneMapLine {
  prefix: string;
  zones: string[];
}

/** The `prefix|Zone1&Zone2` lines of map_data.txt, in file order; comments and blank lines skipped. */
export function parseZoneMap(text: string): ZoneMapLine[] {
  const lines: ZoneMapLine[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const bar = line.indexOf('|');
    const prefix = line.slice(0, bar);
    const zones = line.slice(bar + 1).split('&');
    if (bar < 1 || !/^[1-9]\d*$/.test(prefix) || zones.some((z) => !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(z))) {
      throw new Error(`map_data.txt line ${i + 1} is not "prefix|Zone&Zone": ${line.slice(0, 80)}`);
    }
    if (seen.has(prefix)) throw new Error(`map_data.txt line ${i + 1} repeats prefix ${prefix}`);
    seen.add(prefix);
    lines.push({ prefix, zones });
  }
  return lines;
}

/** FNV-1a (32 bit) of the file: names the data a stored zone-set id refers to. */
export function zoneDataVersion(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The country a table prefix belongs to, when its calling code is shared: the first valid number
 * under it decides, else the first possible one whose country the library finds by its leading
 * digits (a prefix like +1268 has few valid numbers of repeated digits, but is Antigua's).
 */
function countryOfPrefix(prefix: string, metadata: MetadataJson): string | undefined {
  for (const acceptPossible of [false, true]) {
    for (let length = prefix.length + 1; length <= 17; length++) {
      for (const digit of '2345678901') {
        const pn = parsePhoneNumberFromString(`+${prefix}${digit.repeat(length - prefix.length)}`, metadata);
        if (pn?.country && (pn.isValid() || (acceptPossible && pn.isPossible()))) return pn.country;
      }
    }
  }
  return undefined;
}

interface Metadataish {
  countries: Record<string, [string, ...unknown[]]>;
  country_calling_codes: Record<string, string[]>;
}

/**
 * Zone sets per country, for numbers no prefix below the calling code matches. A country with a
 * calling code of its own gets the table's line for that code; a country sharing one (NANP +1,
 * +7, +44, ...) gets the union of the zones of the prefixes whose numbers are its own, so a
 * Canadian number in an area code newer than the table gets Canada's zones, not all of +1's.
 */
function countryZones(lines: ZoneMapLine[], metadata: MetadataJson): Map<string, { callingCode: string; zones: string[] }> {
  const meta = metadata as unknown as Metadataish;
  const byPrefix = new Map(lines.map((l) => [l.prefix, l.zones]));
  const shared = new Map<string, Set<string>>(); // country → zones of its own prefixes
  for (const line of lines) {
    for (const [cc, countries] of Object.entries(meta.country_calling_codes)) {
      if (countries.length < 2 || !line.prefix.startsWith(cc) || line.prefix === cc) continue;
      const country = countryOfPrefix(line.prefix, metadata);
      if (!country) continue;
      const zones = shared.get(country) ?? new Set<string>();
      for (const z of line.zones) zones.add(z);
      shared.set(country, zones);
    }
  }
  const out = new Map<string, { callingCode: string; zones: string[] }>();
  for (const country of Object.keys(meta.countries).sort()) {
    const callingCode = meta.countries[country]![0];
    const own = shared.get(country);
    const zones = own ? [...own].sort() : byPrefix.get(callingCode);
    if (zones) out.set(country, { callingCode, zones });
  }
  return out;
}

function wrap(entries: string[], width = 100): string {
  const rows: string[] = [];
  let row = '';
  for (const e of entries) {
    if (row && row.length + 1 + e.length > width) {
      rows.push(row);
      row = e;
    } else row = row ? `${row} ${e}` : e;
  }
  if (row) rows.push(row);
  return rows.join('\n');
}

/**
 * The generated module's text. Encoding (all whitespace-separated, decoded once at first use):
 * ZONES: zone names, sorted; SETS: each zone set as comma-separated base-36 zone indices, ids
 * in order of first appearance in the file (then sets only a country fallback uses), so ids are
 * stable while the file is; PREFIXES: sorted prefixes, front-coded, each entry two base-36
 * characters of set id, one digit counting the leading digits shared with the previous prefix,
 * then the rest of the prefix; COUNTRIES: ISO code, calling code, '.', base-36 set id.
 */
export function generateZoneTableModule(text: string, metadata: MetadataJson): string {
  const lines = parseZoneMap(text);
  const zones = [...new Set(lines.flatMap((l) => l.zones))].sort();
  const zoneIndex = new Map(zones.map((z, i) => [z, i]));
  const sets: number[][] = [];
  const setIds = new Map<string, number>();
  const setOf = (names: string[]): number => {
    const indices = [...new Set(names.map((n) => zoneIndex.get(n)!))].sort((a, b) => a - b);
    const key = indices.join(',');
    let id = setIds.get(key);
    if (id === undefined) {
      id = sets.length;
      sets.push(indices);
      setIds.set(key, id);
    }
    return id;
  };
  const lineSets = lines.map((l) => setOf(l.zones));
  const countries = [...countryZones(lines, metadata)].map(
    ([country, { callingCode, zones: names }]) => `${country}${callingCode}.${setOf(names).toString(36)}`,
  );
  if (sets.length > 36 * 36) throw new Error('more zone sets than two base-36 digits hold');
  if (lines.some((l) => l.prefix.length > 9)) throw new Error('a prefix longer than 9 digits: the front coding counts shared digits with one digit');

  const order = lines.map((_, i) => i).sort((a, b) => (lines[a]!.prefix < lines[b]!.prefix ? -1 : 1));
  let previous = '';
  const prefixes = order.map((i) => {
    const prefix = lines[i]!.prefix;
    let shared = 0;
    while (shared < previous.length && shared < prefix.length && previous[shared] === prefix[shared]) shared++;
    previous = prefix;
    return `${lineSets[i]!.toString(36).padStart(2, '0')}${shared}${prefix.slice(shared)}`;
  });

  return `// Generated by scripts/gen-timezones.ts from map_data.txt (libphonenumber, Apache-2.0; see NOTICE).
// Do not edit: run \`npm run gen:timezones\`. The encoding is described in ../zone-table-source.ts.

/** Names the table a stored zone-set id refers to (FNV-1a of map_data.txt). */
export const ZONE_DATA_VERSION = '${zoneDataVersion(text)}';

export const ZONES = \`
${wrap(zones)}
\`;

export const SETS = \`
${wrap(sets.map((s) => s.map((i) => i.toString(36)).join(',')))}
\`;

export const PREFIXES = \`
${wrap(prefixes)}
\`;

export const COUNTRIES = \`
${wrap(countries)}
\`;
`;
}
