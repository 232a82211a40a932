/** A chunk after server validation, as kept in R2 between the validate and write passes. */
import type { NormalizedLead, RowError } from '../../src/lib/types.ts';
import { addRowCodes } from '../../src/lib/validate/count-codes.ts';

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
  for (const e of entries) addRowCodes(e.errors, into);
  return into;
}
