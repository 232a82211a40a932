/**
 * Where a North American person may be, from the generated tables (data/regions.generated.ts):
 * the regions of a number's area code (or exchange), every zone of a region, a US ZIP's state and
 * zone. Tables are unpacked on first use (~1 ms); lookups are a few map probes or a binary search.
 */
import { NANP_REGIONS, REGION_DATA_VERSION, REGION_ZONES, REGION_ZONE_NAMES, ZIP_RANGES } from './data/regions.generated.ts';

export { REGION_DATA_VERSION };

const NONE: readonly string[] = Object.freeze([]);

interface Tables {
  nanp: Map<string, readonly string[]>;
  zonesOf: Map<string, readonly string[]>;
  zipFirst: Int32Array;
  zipLast: Int32Array;
  zipRegion: string[];
  zipZones: (readonly string[])[];
}

let tables: Tables | undefined;

function unpack(): Tables {
  const names = REGION_ZONE_NAMES.trim().split(/\s+/);
  const zones = (code: string) => Object.freeze(code === '' ? [] : code.split('.').map((i) => names[parseInt(i, 36)]!));
  const nanp = new Map<string, readonly string[]>();
  for (const e of NANP_REGIONS.trim().split(/\s+/)) {
    const [prefix, regions] = e.split('=') as [string, string];
    nanp.set(prefix, Object.freeze(regions === '' ? [] : regions.split(',')));
  }
  const zonesOf = new Map<string, readonly string[]>();
  for (const e of REGION_ZONES.trim().split(/\s+/)) {
    const [region, code] = e.split('=') as [string, string];
    zonesOf.set(region, zones(code));
  }
  const ranges = ZIP_RANGES.trim().split(/\s+/);
  const t: Tables = { nanp, zonesOf, zipFirst: new Int32Array(ranges.length), zipLast: new Int32Array(ranges.length), zipRegion: [], zipZones: [] };
  ranges.forEach((e, i) => {
    const [span, rest] = e.split('=') as [string, string];
    const [first, last] = span.split('-');
    const [state, code] = rest.split(':') as [string, string];
    t.zipFirst[i] = Number(first);
    t.zipLast[i] = Number(last ?? first);
    t.zipRegion.push(`US-${state}`);
    t.zipZones.push(zones(code));
  });
  return t;
}

/** US territories with country codes of their own in libphonenumber, as regions of the US. */
const TERRITORIES: Record<string, readonly string[]> = {
  PR: Object.freeze(['US-PR']), GU: Object.freeze(['US-GU']), VI: Object.freeze(['US-VI']), AS: Object.freeze(['US-AS']), MP: Object.freeze(['US-MP']),
};

/**
 * The regions (ISO 3166-2) a NANP number's area code or exchange places it in: usually one; empty
 * for a number outside +1, an area code the table lacks (toll-free, new codes), or a NANP country
 * with no subdivisions of ours (Jamaica, the Bahamas…).
 */
export function regionsOfNumber(e164: string, country: string | null | undefined): readonly string[] {
  if (!e164.startsWith('+1')) return NONE;
  const t = (tables ??= unpack());
  for (let n = 8; n >= 5; n--) {
    const hit = t.nanp.get(e164.slice(1, n));
    if (hit) return hit.length ? hit : (country && TERRITORIES[country]) || NONE;
  }
  return (country && TERRITORIES[country]) || NONE;
}

/** Every zone of a region (sorted); empty for one the tables do not know. */
export function zonesOfRegion(region: string): readonly string[] {
  return (tables ??= unpack()).zonesOf.get(region) ?? NONE;
}

/** A US ZIP code's (5 digits) state and zones; null when the table does not know it. */
export function zipLocation(zip: string): { region: string; zones: readonly string[] } | null {
  const t = (tables ??= unpack());
  const z = Number(zip);
  let lo = 0;
  let hi = t.zipFirst.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.zipFirst[mid]! <= z) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && z <= t.zipLast[hi]! ? { region: t.zipRegion[hi]!, zones: t.zipZones[hi]! } : null;
}
