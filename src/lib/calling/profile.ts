/**
 * A lead's calling profile: where the person may be — the number's country, every candidate
 * region (ISO 3166-2) and every candidate time zone — from the primary number and the address
 * columns. The number gives its area code's region and its zones; the address gives the region
 * column, a US ZIP's state and zone (else every zone of each address region) or a Canadian
 * postal code's province(s). All candidates are kept: a person who may be in two places is called
 * only when both allow it. Leads store the profile's key, and calling decisions are made once per
 * profile (a campaign has a few hundred, not a row per lead).
 */
import { regionsOfNumber, zipLocation, zonesOfRegion } from '../regions/where.ts';
import { parsePostalCode, provincesOfPostalCode } from '../regions/parse-postal-code.ts';
import { subdivision } from '../regions/subdivisions.ts';

export interface CallingProfile {
  /** ISO country of the primary number; null when unknown. */
  country: string | null;
  /** Every candidate region, sorted; empty when nothing is known. */
  regions: readonly string[];
  /** Every candidate IANA zone (the number's and the address's), sorted: `callingTimeZones`. */
  zones: readonly string[];
}

/** What a profile is made from: the primary number's facts and the lead's address fields. */
export interface ProfileInput {
  e164: string;
  country?: string | null;
  /** The number's candidate zones (phoneTimeZones). */
  timeZones: readonly string[];
  /** Normalised `region` field (ISO code for a US or Canadian number), null when empty. */
  region?: string | null;
  /** Normalised `postal_code` field, null when empty. */
  postalCode?: string | null;
}

const sortedUnique = (items: Iterable<string>): string[] => [...new Set(items)].sort();

/** The profile of a lead. */
export function profileOf(input: ProfileInput): CallingProfile {
  const country = input.country ?? null;
  const regions = new Set(regionsOfNumber(input.e164, country));
  const zones = new Set(input.timeZones);
  const addressRegions: string[] = [];
  if (input.region && subdivision(input.region)) addressRegions.push(input.region);
  let zipZones: readonly string[] | null = null;
  if (input.postalCode && (country === 'US' || country === 'CA')) {
    const postal = parsePostalCode(input.postalCode);
    if (postal?.country === 'US') {
      const at = zipLocation(postal.code);
      if (at) {
        regions.add(at.region);
        zipZones = at.zones;
        if (!addressRegions.includes(at.region)) addressRegions.push(at.region);
      }
    } else if (postal?.country === 'CA') {
      for (const p of provincesOfPostalCode(postal.code)) addressRegions.push(p);
    }
  }
  for (const r of addressRegions) regions.add(r);
  // The ZIP's own zone stands for its state; every other address region adds all of its zones.
  const zipRegion = zipZones ? zipLocation(parsePostalCode(input.postalCode!)!.code)!.region : null;
  if (zipZones) for (const z of zipZones) zones.add(z);
  for (const r of addressRegions) if (r !== zipRegion) for (const z of zonesOfRegion(r)) zones.add(z);
  return { country, regions: sortedUnique(regions), zones: sortedUnique(zones) };
}

/** The stored form of a profile: `US|US-FL,US-GA|America/Chicago,America/New_York`. */
export function profileKey(p: CallingProfile): string {
  return `${p.country ?? ''}|${p.regions.join(',')}|${p.zones.join(',')}`;
}

const parsed = new Map<string, CallingProfile>();

/** The profile of a stored key (cached: a campaign has few distinct keys). */
export function parseProfileKey(key: string): CallingProfile {
  let p = parsed.get(key);
  if (!p) {
    const [country = '', regions = '', zones = ''] = key.split('|');
    p = Object.freeze({
      country: country || null,
      regions: Object.freeze(regions ? regions.split(',') : []),
      zones: Object.freeze(zones ? zones.split(',') : []),
    });
    if (parsed.size > 20_000) parsed.clear();
    parsed.set(key, p);
  }
  return p;
}

/** One remembered answer of profileKeyOf, under its number's first eight characters. */
interface Remembered {
  country: string | null;
  zones: readonly string[];
  region: string | null;
  postalCode: string | null;
  key: string;
}
const PER_PREFIX = 32;
const MAX_PREFIXES = 20_000;
const remembered = new Map<number | string, Remembered[]>();

/**
 * The number's first eight characters as a Map key: for E.164 (`+` and digits, as every caller
 * gives) a small integer, looked up without slicing and hashing a string per row; anything else
 * is its own string.
 */
function prefixOf(e164: string): number | string {
  const end = Math.min(8, e164.length);
  if (e164.charCodeAt(0) !== 43) return e164.slice(0, 8);
  let n = 0;
  for (let i = 1; i < end; i++) {
    const d = e164.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return e164.slice(0, 8);
    n = n * 10 + d;
  }
  return n * 8 + end; // with its length: `+0141` and `+141` stay apart
}
const keys = new Map<string, string>();

const sameZones = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((z, i) => z === b[i]));

/**
 * The key of a lead's profile, memoised on what decides it (zones, the number's first digits, the
 * address): a file of a million rows has a few thousand distinct answers. Looked up without
 * building a string: by the number's first eight characters, then among at most 32 answers
 * compared field by field (the zones are the shared array of the number's zone set); a prefix with
 * more distinct addresses than that falls back to a memo keyed by all of it.
 */
export function profileKeyOf(input: ProfileInput): string {
  const prefix = prefixOf(input.e164);
  const country = input.country ?? null;
  const region = input.region ?? null;
  const postalCode = input.postalCode ?? null;
  let list = remembered.get(prefix);
  if (list) {
    for (let i = 0; i < list.length; i++) {
      const m = list[i]!;
      if (m.country === country && m.region === region && m.postalCode === postalCode && sameZones(m.zones, input.timeZones)) return m.key;
    }
  }
  if (list && list.length >= PER_PREFIX) {
    const memo = `${country ?? ''}|${input.e164.slice(0, 8)}|${input.timeZones.join(',')}|${region ?? ''}|${postalCode ?? ''}`;
    let key = keys.get(memo);
    if (key === undefined) {
      key = profileKey(profileOf(input));
      if (keys.size > 50_000) keys.clear();
      keys.set(memo, key);
    }
    return key;
  }
  const key = profileKey(profileOf(input));
  if (!list) {
    if (remembered.size >= MAX_PREFIXES) remembered.clear();
    remembered.set(prefix, (list = []));
  }
  list.push({ country, zones: input.timeZones, region, postalCode, key });
  return key;
}
