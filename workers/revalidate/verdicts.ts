/** A chunk after server validation, as kept in R2 between the validate and write passes. */
import type { NormalizedLead, RowError } from '../../src/lib/types.ts';

export interface RowVerdict {
  row: number;
  cells: string[];
  lead?: NormalizedLead;
  errors: RowError[];
}

export interface ChunkVerdicts {
  index: number;
  entries: RowVerdict[];
}
