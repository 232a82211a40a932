/**
 * A region cell → its ISO 3166-2 code, for a lead of the US or Canada: the postal code ("FL"),
 * the ISO code ("US-FL"), the name ("Florida") or a common abbreviation ("Fla.", "N.Y.", "Qué."),
 * in any case, with or without dots and accents. One map lookup after one linear pass over the text.
 */
import { SUBDIVISIONS } from './subdivisions.ts';

/** Longest text a region can be (longer cells are not regions and are not normalised). */
const MAX_REGION_TEXT = 64;

/** Case, accent, dot and spacing-insensitive form: "Qué." ≡ "que", "N. Y." ≡ "ny", "Washington, D.C." ≡ "washington dc". */
export function regionKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'ʻ’]/g, '')
    .replace(/[\s,_-]+/g, ' ')
    .trim()
    .replace(/^(\w) (\w)$/, '$1$2'); // "n y" (from "N. Y.") is "ny"
}

let table: Map<string, string> | undefined;

function build(): Map<string, string> {
  const map = new Map<string, string>();
  const add = (text: string, code: string) => {
    const key = regionKey(text);
    if (key && !map.has(key)) map.set(key, code);
  };
  for (const s of SUBDIVISIONS) {
    add(s.code, s.code); // "US-FL" → "us fl"
    add(s.code.slice(3), s.code); // "FL"
    add(s.name, s.code);
    for (const a of s.aliases) add(a, s.code);
  }
  return map;
}

/** The ISO 3166-2 code of a US state, DC, US territory or Canadian province written in `text`; null when it is none. */
export function parseRegion(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_REGION_TEXT) return null;
  return (table ??= build()).get(regionKey(trimmed)) ?? null;
}
