/**
 * Remembered mappings: a mapping someone confirmed in the wizard, offered again for the next file
 * with the same or overlapping headers (POST /campaigns/{id}/mappings/match). Pure: the Worker's
 * store (workers/mappings/saved-mappings.ts) reads the saved mappings and asks here what they give for a new
 * header row. A headless import applies only the same campaign's mapping for identical headers
 * (headless-mapping.ts).
 */
import type { AssistantConfig, ColumnMapping, ColumnTarget } from '../types.ts';
import { autoMapWithSuggestions, isValidTarget, normalizeHeader, targetKey } from './columns.ts';

export interface SavedMapping {
  id: string;
  campaignId: string;
  fileName: string;
  headers: string[];
  targets: ColumnTarget[];
  savedAt: string;
  /**
   * The headers' normalised names (normalizeHeader), in order: the store keeps them from save time
   * (the header key), so matching never normalises a saved header again. Computed once when absent.
   */
  names?: readonly string[];
}

/**
 * Largest header key (normalised names joined) a mapping is saved or matched with, in characters.
 * Counted after normalisation: NFKC turns some characters into up to 18 (U+FDFA), so a bound on the
 * headers as written does not bound the work of comparing them.
 */
export const MAX_SAVED_KEY_CHARS = 32 * 1024;

export type MappingScope = 'campaign' | 'workspace';

export interface MappingSource {
  id: string;
  fileName: string;
  savedAt: string;
  scope: MappingScope;
}

export interface RememberedMapping {
  mapping: ColumnMapping;
  source: MappingSource;
  /** How it matched: the same header row, or some headers in common. */
  match: 'exact' | 'overlap';
  /** Columns whose target came from a saved mapping (the others are matched automatically). */
  remembered: number[];
}

const KEY_SEPARATOR = '\u001f';

/** The key of a header row: its normalised names in order (a name never holds the separator). */
export function headerKey(headers: readonly string[]): string {
  return keyOfNames(headers.map(normalizeHeader));
}

export const keyOfNames = (names: readonly string[]): string => names.join(KEY_SEPARATOR);

/** The normalised names a header key was made of. */
export const namesOfKey = (key: string): string[] => key.split(KEY_SEPARATOR);

/** What is saved of a mapping: one target per header, report columns left to automatic matching. */
export function targetsToSave(mapping: ColumnMapping, headers: readonly string[]): ColumnTarget[] {
  return headers.map((_, i) => mapping.columns[i] ?? { kind: 'ignore' });
}

/**
 * The remembered mapping for `headers` in campaign `campaignId`, from `saved` (any order): the
 * most recent mapping with the same header row (this campaign's first, then the workspace's);
 * otherwise, per header, the target of the most recent mapping that had that header (again this
 * campaign's first), when the assistant still has it. Other columns are matched automatically,
 * except to a destination a remembered column already takes. Null when nothing applies, or when
 * headers in common give what automatic matching gives anyway.
 */
export function rememberMapping(
  headers: readonly string[],
  assistant: AssistantConfig,
  campaignId: string,
  saved: readonly SavedMapping[],
): RememberedMapping | null {
  // Each saved mapping's names are read once (from save time, or normalised once here), and one
  // index per name is built over all of them: the cost is linear in the headers' text, whatever
  // the number of saved mappings (never headers × mappings × saved header text).
  const candidates = saved
    .map((s) => ({ s, names: s.names ?? s.headers.map(normalizeHeader) }))
    .filter((c) => keyLength(c.names) <= MAX_SAVED_KEY_CHARS)
    .sort(
      ({ s: a }, { s: b }) =>
        Number(b.campaignId === campaignId) - Number(a.campaignId === campaignId) || (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0),
    );
  // The wizard's answer: columns no saved mapping decides get what the wizard proposes, suggestions included.
  const auto = autoMapWithSuggestions(headers, assistant).mapping;
  const scopeOf = (s: SavedMapping): MappingScope => (s.campaignId === campaignId ? 'campaign' : 'workspace');
  const sourceOf = (s: SavedMapping): MappingSource => ({ id: s.id, fileName: s.fileName, savedAt: s.savedAt, scope: scopeOf(s) });

  const names = headers.map(normalizeHeader);
  const key = keyOfNames(names);
  const exact = candidates.find((c) => keyOfNames(c.names) === key)?.s;
  const picks: (ColumnTarget | undefined)[] = headers.map(() => undefined);
  let source: SavedMapping | undefined;
  if (exact) {
    exact.targets.forEach((t, i) => (picks[i] = t));
    source = exact;
  } else {
    const byName = rememberedTargets(candidates, assistant);
    let best = Infinity;
    names.forEach((name, i) => {
      const hit = name === '' ? undefined : byName.get(name);
      if (!hit) return;
      picks[i] = hit.target;
      // The source named is the one with the most recent header taken, this campaign's first.
      if (hit.rank < best) [best, source] = [hit.rank, candidates[hit.rank]!.s];
    });
  }
  if (!source) return null;

  const columns: ColumnTarget[] = headers.map(() => ({ kind: 'ignore' }));
  const used = new Set<string>();
  const remembered: number[] = [];
  const place = (i: number, t: ColumnTarget): boolean => {
    const k = targetKey(t);
    if (k !== undefined && used.has(k)) return false;
    if (k !== undefined) used.add(k);
    columns[i] = t;
    return true;
  };
  headers.forEach((_, i) => {
    const t = picks[i];
    // Report columns are always the report's; a target the assistant no longer has is dropped.
    if (auto.columns[i]?.kind === 'reportColumn') return;
    if (t && isValidTarget(t, assistant) && t.kind !== 'reportColumn' && place(i, t)) remembered.push(i);
  });
  const taken = new Set(remembered);
  headers.forEach((_, i) => {
    if (taken.has(i)) return;
    const t = auto.columns[i] ?? { kind: 'ignore' };
    if (!place(i, t)) columns[i] = { kind: 'ignore' };
  });
  // Headers in common that change nothing are not worth naming a source for.
  if (!exact && JSON.stringify(columns) === JSON.stringify(auto.columns)) return null;
  return { mapping: { columns }, source: sourceOf(source), match: exact ? 'exact' : 'overlap', remembered };
}

/** Characters of the key these names make. */
function keyLength(names: readonly string[]): number {
  let n = Math.max(0, names.length - 1);
  for (const name of names) n += name.length;
  return n;
}

/**
 * Per normalised name, the target of the first mapping (in preference order, `rank`) whose first
 * header of that name has a target the assistant still has; a mapping whose first such header has
 * none gives way to the next. One pass over every saved header.
 */
function rememberedTargets(
  candidates: readonly { s: SavedMapping; names: readonly string[] }[],
  assistant: AssistantConfig,
): Map<string, { target: ColumnTarget; rank: number }> {
  const byName = new Map<string, { target: ColumnTarget; rank: number }>();
  candidates.forEach(({ s, names }, rank) => {
    const seen = new Set<string>();
    names.forEach((name, j) => {
      if (name === '' || seen.has(name)) return;
      seen.add(name);
      const t = s.targets[j];
      if (byName.has(name) || !t || !isValidTarget(t, assistant) || t.kind === 'reportColumn') return;
      byName.set(name, { target: t, rank });
    });
  });
  return byName;
}
