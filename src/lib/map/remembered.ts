/**
 * Remembered mappings: a mapping someone confirmed, applied again to the next file with the same
 * or overlapping headers. Pure: the Worker's store (workers/mappings/saved-mappings.ts) reads the saved
 * mappings and asks here what they give for a new header row.
 */
import type { AssistantConfig, ColumnMapping, ColumnTarget } from '../types.ts';
import { autoMap, isValidTarget, normalizeHeader, targetKey } from './columns.ts';

export interface SavedMapping {
  id: string;
  campaignId: string;
  fileName: string;
  headers: string[];
  targets: ColumnTarget[];
  savedAt: string;
}

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

/** The key of a header row: its normalised names in order. */
export function headerKey(headers: readonly string[]): string {
  return headers.map(normalizeHeader).join('\u001f');
}

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
  const ordered = [...saved].sort(
    (a, b) => Number(b.campaignId === campaignId) - Number(a.campaignId === campaignId) || (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0),
  );
  const auto = autoMap(headers, assistant);
  const scopeOf = (s: SavedMapping): MappingScope => (s.campaignId === campaignId ? 'campaign' : 'workspace');
  const sourceOf = (s: SavedMapping): MappingSource => ({ id: s.id, fileName: s.fileName, savedAt: s.savedAt, scope: scopeOf(s) });

  const key = headerKey(headers);
  const exact = ordered.find((s) => headerKey(s.headers) === key);
  const picks: (ColumnTarget | undefined)[] = headers.map(() => undefined);
  let source: SavedMapping | undefined;
  if (exact) {
    exact.targets.forEach((t, i) => (picks[i] = t));
    source = exact;
  } else {
    headers.forEach((h, i) => {
      const name = normalizeHeader(h);
      if (name === '') return;
      for (const s of ordered) {
        const j = s.headers.findIndex((x) => normalizeHeader(x) === name);
        if (j < 0) continue;
        const t = s.targets[j];
        if (!t || !isValidTarget(t, assistant) || t.kind === 'reportColumn') continue;
        picks[i] = t;
        // The source named is the one with the most recent header taken, this campaign's first.
        if (!source || ordered.indexOf(s) < ordered.indexOf(source)) source = s;
        break;
      }
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
  headers.forEach((_, i) => {
    if (remembered.includes(i)) return;
    const t = auto.columns[i] ?? { kind: 'ignore' };
    if (!place(i, t)) columns[i] = { kind: 'ignore' };
  });
  // Headers in common that change nothing are not worth naming a source for.
  if (!exact && JSON.stringify(columns) === JSON.stringify(auto.columns)) return null;
  return { mapping: { columns }, source: sourceOf(source), match: exact ? 'exact' : 'overlap', remembered };
}
