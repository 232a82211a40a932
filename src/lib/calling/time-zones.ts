/**
 * Time zones of a phone number from libphonenumber's prefix table: the longest matching prefix of
 * the E.164 digits, else the zones of the number's country, else those of its calling code.
 * A lookup walks a digit trie (at most 9 steps, no allocation); the trie is built from the compact
 * generated table on first use (~1 ms).
 */
import { COUNTRIES, PREFIXES, SETS, ZONES, ZONE_DATA_VERSION } from './data/timezones.generated.ts';

export { ZONE_DATA_VERSION };

/** The zone-set id of a number with no zones (non-geographic calling codes such as +800, +882). */
export const NO_ZONE_SET = -1;

interface Table {
  /** children[node * 10 + digit] = child node, 0 = none (node 0 is the root). */
  children: Uint16Array | Uint32Array;
  /** Zone-set id of the table line ending at each node, -1 when none. */
  setOf: Int16Array;
  /** 1 where the node's line is a calling code's own line (the country-level answer). */
  callingCodeLine: Uint8Array;
  sets: readonly (readonly string[])[];
  /** Country → its calling code's node and the zone set that stands for the whole country. */
  countries: Map<string, { node: number; set: number }>;
}

let table: Table | undefined;
const NONE: readonly string[] = Object.freeze([]);

function build(): Table {
  const zones = ZONES.trim().split(/\s+/);
  const sets = SETS.trim()
    .split(/\s+/)
    .map((s) => Object.freeze(s.split(',').map((i) => zones[parseInt(i, 36)]!)));
  const entries = PREFIXES.trim().split(/\s+/);
  // Sorted and front-coded: each entry adds exactly (length - shared) trie nodes.
  let nodes = 1;
  for (const e of entries) nodes += e.length - 3;
  const children = nodes < 0xffff ? new Uint16Array(nodes * 10) : new Uint32Array(nodes * 10);
  const setOf = new Int16Array(nodes).fill(-1);
  const callingCodeLine = new Uint8Array(nodes);
  let next = 1;
  let previous = '';
  const insert = (digits: string): number => {
    let node = 0;
    for (let i = 0; i < digits.length; i++) {
      const slot = node * 10 + digits.charCodeAt(i) - 48;
      if (children[slot] === 0) children[slot] = next++;
      node = children[slot]!;
    }
    return node;
  };
  for (const e of entries) {
    const prefix = previous.slice(0, e.charCodeAt(2) - 48) + e.slice(3);
    setOf[insert(prefix)] = parseInt(e.slice(0, 2), 36);
    previous = prefix;
  }
  const countries = new Map<string, { node: number; set: number }>();
  for (const e of COUNTRIES.trim().split(/\s+/)) {
    const dot = e.indexOf('.');
    const node = insert(e.slice(2, dot));
    callingCodeLine[node] = 1;
    countries.set(e.slice(0, 2), { node, set: parseInt(e.slice(dot + 1), 36) });
  }
  return { children, setOf, callingCodeLine, sets, countries };
}

/**
 * The zone-set id of a number: a small integer, stable for one ZONE_DATA_VERSION, that leads can
 * store instead of zone names. `e164` is `+` and digits (the `+` may be left out); `country` is
 * the ISO code libphonenumber-js found, which picks the country's zones when the only matching
 * line is the shared calling code's (a +1 number whose area code the table lacks gets its own
 * country's zones, not all 42 of +1). NO_ZONE_SET when the calling code has no zones.
 */
export function zoneSetIdOf(e164: string, country: string | null): number {
  const t = (table ??= build());
  const { children, setOf, callingCodeLine } = t;
  let node = 0;
  let best = -1;
  let callingCodeNode = -1;
  let callingCodeSet = -1;
  for (let i = e164.charCodeAt(0) === 43 ? 1 : 0; i < e164.length; i++) {
    const digit = e164.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    node = children[node * 10 + digit]!;
    if (node === 0) break;
    if (callingCodeLine[node] === 1) {
      callingCodeNode = node;
      callingCodeSet = setOf[node]!;
    } else if (setOf[node]! >= 0) best = setOf[node]!;
  }
  if (best >= 0) return best;
  if (country !== null) {
    const c = t.countries.get(country);
    if (c !== undefined && c.node === callingCodeNode) return c.set;
  }
  return callingCodeSet;
}

/** The zones of a zone-set id (shared and frozen); empty for NO_ZONE_SET or an unknown id. */
export function zonesOfSet(id: number): readonly string[] {
  return (table ??= build()).sets[id] ?? NONE;
}

/** How many zone sets there are: ids run from 0 to zoneSetCount() - 1. */
export function zoneSetCount(): number {
  return (table ??= build()).sets.length;
}

/** Every candidate IANA zone of a number (shared, frozen, sorted); see zoneSetIdOf. Empty only for non-geographic numbers. */
export function timeZonesOf(e164: string, country: string | null): readonly string[] {
  return zonesOfSet(zoneSetIdOf(e164, country));
}
