/**
 * What becomes of a row whose number is valid, among repeats and numbers already known: one rule
 * for the preview's counts and the import's verdicts (workers/write/write-entries.ts), so the
 * preview's "already in the campaign" and "earlier in the file" are the import's.
 *
 * 1. A later occurrence of a number in the file is DUPLICATE_IN_FILE (naming the first row),
 *    whatever else is true of it: the first occurrence decides for the number.
 * 2. A first occurrence whose number is on the suppression list is refused as suppressed.
 * 3. A first occurrence whose number the campaign already has is DUPLICATE_EXISTING under `skip`
 *    and merged into the lead under `update` and `fill`.
 * 4. Any other row creates a lead.
 */
import type { OnExisting } from '../import-view.ts';

export type DuplicateOutcome = 'create' | 'merge' | 'in-file' | 'suppressed' | 'existing';

export interface NumberedRow {
  /** A later occurrence of its number in the file (an earlier row holds the same valid number). */
  later: boolean;
  /** Its primary or a secondary number is on the suppression list (SUPPRESSED, SECONDARY_SUPPRESSED). */
  suppressed: boolean;
  /** The campaign already has its primary number (from other imports). */
  inCampaign: boolean;
}

export function duplicateOutcome(row: NumberedRow, onExisting: OnExisting): DuplicateOutcome {
  if (row.later) return 'in-file';
  if (row.suppressed) return 'suppressed';
  if (row.inCampaign) return onExisting === 'skip' ? 'existing' : 'merge';
  return 'create';
}

export type OutcomeCounts = Record<DuplicateOutcome, number>;

/** How many rows end each way. */
export function countOutcomes(rows: Iterable<NumberedRow>, onExisting: OnExisting): OutcomeCounts {
  const counts: OutcomeCounts = { create: 0, merge: 0, 'in-file': 0, suppressed: 0, existing: 0 };
  for (const row of rows) counts[duplicateOutcome(row, onExisting)]++;
  return counts;
}
