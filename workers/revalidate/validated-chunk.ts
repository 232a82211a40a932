/** A chunk after server validation, as kept in R2 between the validate and write passes. */
import type { NormalizedLead, RowError } from '../../src/lib/types.ts';

export interface ValidatedEntry {
  row: number;
  cells: string[];
  lead?: NormalizedLead;
  errors: RowError[];
}

export interface ValidatedChunk {
  index: number;
  entries: ValidatedEntry[];
}

export function countCodes(entries: { errors: RowError[] }[], into: Record<string, number> = {}) {
  for (const e of entries) for (const code of new Set(e.errors.map((x) => x.code))) into[code] = (into[code] ?? 0) + 1;
  return into;
}
