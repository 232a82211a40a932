/**
 * What the preview shows of each row's primary number (country, line type, time zones, extension),
 * kept as typed arrays indexed by row position rather than an object per row: a million rows cost
 * 5 bytes each plus the few extensions. The same arrays travel from the validation workers to the
 * preview worker and on to the page.
 */
import { PHONE_TYPES } from '../../calling/blocked-phone-types.ts';
import type { NormalizedPhone } from '../../types.ts';

/** zoneSets entry of a row without a valid primary number (NO_ZONE_SET, -1, is a valid number with no zone). */
export const NO_NUMBER = -2;
/** types entry of a valid number whose type the metadata does not give; 0 is no valid number, 1 + i is PHONE_TYPES[i]. */
export const UNKNOWN_TYPE = PHONE_TYPES.length + 1;
/** The name a type code is counted under: a PHONE_TYPES name, or UNKNOWN. */
export const UNKNOWN_TYPE_NAME = 'UNKNOWN';

/** Facts of consecutive rows. `extensions` is keyed by position within these rows. */
export interface PhoneFacts {
  zoneSets: Int16Array;
  types: Uint8Array;
  /** Country as two char codes (c0 << 8 | c1); 0 when none. */
  countries: Uint16Array;
  extensions: Record<number, string>;
  /** Per row the index of its lead's calling profile in `profileKeys`; -1 for a row that is not a lead. */
  profiles: Int32Array;
  /** The calling-profile keys (src/lib/calling/profile.ts) these rows use, each once. */
  profileKeys: string[];
}

const typeCodes = new Map<string, number>(PHONE_TYPES.map((t, i) => [t, i + 1]));

export function typeCodeOf(phone: NormalizedPhone | undefined): number {
  if (!phone) return 0;
  return phone.type === undefined ? UNKNOWN_TYPE : (typeCodes.get(phone.type) ?? UNKNOWN_TYPE);
}

/** The type name of a code (UNKNOWN for a valid number of unknown type); null for no valid number. */
export function typeNameOf(code: number): string | null {
  if (code === 0) return null;
  return PHONE_TYPES[code - 1] ?? UNKNOWN_TYPE_NAME;
}

export function countryOfCode(code: number): string | null {
  return code === 0 ? null : String.fromCharCode(code >> 8, code & 0xff);
}

export function emptyFacts(n: number): PhoneFacts {
  return { zoneSets: new Int16Array(n).fill(NO_NUMBER), types: new Uint8Array(n), countries: new Uint16Array(n), extensions: {}, profiles: new Int32Array(n).fill(-1), profileKeys: [] };
}

/** Each batch's key → index, so recording a profile is one map probe (kept beside the batch, never posted). */
const keyIndexes = new WeakMap<PhoneFacts, Map<string, number>>();

/** Records row k's primary number (undefined when it has none that is valid) and, for a lead, its calling profile. */
export function setFact(f: PhoneFacts, k: number, phone: NormalizedPhone | undefined, profileKey?: string): void {
  if (profileKey === undefined) f.profiles[k] = -1;
  else {
    let index = keyIndexes.get(f);
    if (!index) keyIndexes.set(f, (index = new Map(f.profileKeys.map((key, i) => [key, i]))));
    let id = index.get(profileKey);
    if (id === undefined) {
      id = f.profileKeys.push(profileKey) - 1;
      index.set(profileKey, id);
    }
    f.profiles[k] = id;
  }
  f.zoneSets[k] = phone ? phone.zoneSetId : NO_NUMBER;
  f.types[k] = typeCodeOf(phone);
  const c = phone?.country;
  f.countries[k] = c && c.length === 2 ? (c.charCodeAt(0) << 8) | c.charCodeAt(1) : 0;
  if (phone?.extension) f.extensions[k] = phone.extension;
  else delete f.extensions[k];
}

/** The facts of every row, filled batch by batch (typed arrays grown by doubling). */
export class FactStore {
  zoneSets = new Int16Array(0);
  types = new Uint8Array(0);
  countries = new Uint16Array(0);
  /** Per row an id into `profileKeys` (the store's own numbering), -1 when the row is not a lead. */
  profiles = new Int32Array(0);
  /** Every calling-profile key seen, by id. */
  profileKeys: string[] = [];
  private profileIds = new Map<string, number>();
  private extensions = new Map<number, string>();

  clear(): void {
    this.zoneSets = new Int16Array(0);
    this.types = new Uint8Array(0);
    this.countries = new Uint16Array(0);
    this.profiles = new Int32Array(0);
    this.profileKeys = [];
    this.profileIds.clear();
    this.extensions.clear();
  }

  private profileId(key: string): number {
    let id = this.profileIds.get(key);
    if (id === undefined) {
      id = this.profileKeys.push(key) - 1;
      this.profileIds.set(key, id);
    }
    return id;
  }

  /** Makes room for `n` rows at once. */
  reserve(n: number): void {
    this.ensure(n, n);
  }

  private ensure(n: number, size = Math.max(1024, this.types.length * 2, n)): void {
    if (n <= this.types.length) return;
    const zoneSets = new Int16Array(size).fill(NO_NUMBER);
    zoneSets.set(this.zoneSets);
    const types = new Uint8Array(size);
    types.set(this.types);
    const countries = new Uint16Array(size);
    countries.set(this.countries);
    const profiles = new Int32Array(size).fill(-1);
    profiles.set(this.profiles);
    this.zoneSets = zoneSets;
    this.types = types;
    this.countries = countries;
    this.profiles = profiles;
  }

  /** Stores the facts of rows start, start + 1, … */
  put(start: number, f: PhoneFacts): void {
    const n = f.types.length;
    this.ensure(start + n);
    this.zoneSets.set(f.zoneSets, start);
    this.types.set(f.types, start);
    this.countries.set(f.countries, start);
    const ids = f.profileKeys.map((key) => this.profileId(key));
    for (let k = 0; k < n; k++) this.profiles[start + k] = f.profiles[k]! < 0 ? -1 : ids[f.profiles[k]!]!;
    for (let k = 0; k < n; k++) this.extensions.delete(start + k);
    for (const k in f.extensions) this.extensions.set(start + Number(k), f.extensions[k]!);
  }

  extension(i: number): string | null {
    return this.extensions.get(i) ?? null;
  }

  country(i: number): string | null {
    return i < this.countries.length ? countryOfCode(this.countries[i]!) : null;
  }

  /** Rows [start, end) as PhoneFacts (copies, to post). */
  slice(start: number, end: number): PhoneFacts {
    this.ensure(end);
    const extensions: Record<number, string> = {};
    for (const [i, ext] of this.extensions) if (i >= start && i < end) extensions[i - start] = ext;
    const profiles = this.profiles.slice(start, end);
    const profileKeys: string[] = [];
    const local = new Map<number, number>();
    for (let k = 0; k < profiles.length; k++) {
      const id = profiles[k]!;
      if (id < 0) continue;
      let l = local.get(id);
      if (l === undefined) local.set(id, (l = profileKeys.push(this.profileKeys[id]!) - 1));
      profiles[k] = l;
    }
    return {
      zoneSets: this.zoneSets.slice(start, end),
      types: this.types.slice(start, end),
      countries: this.countries.slice(start, end),
      extensions,
      profiles,
      profileKeys,
    };
  }
}
