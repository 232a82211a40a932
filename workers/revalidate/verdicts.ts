/** A chunk after server validation, as kept in R2 between the validate and write passes. */
import type { NormalizedLead, RowError } from '../../src/lib/types.ts';

export interface RowVerdict {
  row: number;
  cells: string[];
  /** The valid row's lead: it takes part in the file's first occurrences even when refused below. */
  lead?: NormalizedLead;
  errors: RowError[];
  /**
   * Why a valid row is refused if it is its number's first occurrence in the file (SUPPRESSED,
   * SECONDARY_SUPPRESSED, DUPLICATE_EXISTING); a later occurrence is DUPLICATE_IN_FILE instead
   * (src/lib/dedupe/duplicate-outcome.ts, the preview's rule too). Decided by the write pass.
   */
  refusal?: { suppressed: boolean; inCampaign: boolean; errors: RowError[] };
}

export interface ChunkVerdicts {
  index: number;
  entries: RowVerdict[];
}
