/**
 * The mapping a headless import applies (DESIGN.md, "Same request, same result"): the automatic
 * mapping (exact names, normalised names, phone synonyms), or, when this campaign has a mapping
 * saved for the identical header row, that one. Never the wizard's suggestions (a second phone-like
 * column as a secondary contact, the primary chosen by content) and never a mapping saved for other
 * headers or in another campaign: what an API call does depends on the request and the campaign only.
 */
import type { AssistantConfig, ColumnMapping, ColumnTarget } from '../types.ts';
import { autoMap, isValidTarget, targetKey } from './columns.ts';
import type { SavedMapping } from './remembered.ts';

export interface HeadlessMapping {
  mapping: ColumnMapping;
  mappingSource: 'automatic' | 'remembered';
}

const IGNORE: ColumnTarget = { kind: 'ignore' };

/**
 * `saved`: the campaign's mapping for these very headers (the caller looks it up by header key), or
 * null. Its targets apply column by column; a target the assistant no longer has, and the error
 * report's own columns, fall back to the automatic mapping where that destination is still free.
 */
export function headlessMapping(headers: readonly string[], assistant: AssistantConfig, saved: SavedMapping | null): HeadlessMapping {
  const auto = autoMap(headers, assistant);
  if (!saved) return { mapping: auto, mappingSource: 'automatic' };
  const columns: ColumnTarget[] = headers.map(() => IGNORE);
  const used = new Set<string>();
  const place = (i: number, target: ColumnTarget): boolean => {
    const key = targetKey(target);
    if (key !== undefined && used.has(key)) return false;
    if (key !== undefined) used.add(key);
    columns[i] = target;
    return true;
  };
  const kept = headers.map((_, i) => {
    const target = saved.targets[i];
    if (!target || target.kind === 'reportColumn' || auto.columns[i]?.kind === 'reportColumn') return false;
    return isValidTarget(target, assistant) && place(i, target);
  });
  headers.forEach((_, i) => {
    if (!kept[i]) place(i, auto.columns[i] ?? IGNORE);
  });
  return { mapping: { columns }, mappingSource: 'remembered' };
}
