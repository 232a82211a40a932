/**
 * Which of the preview's valid numbers the campaign already has, asked of the server in batches
 * (`POST /campaigns/{id}/leads/existing`, at most 10,000 numbers each) rather than by downloading
 * the campaign; and what the duplicate policy then does with the valid rows.
 */
import type { OnExisting } from '../../import-view.ts';
import { countOutcomes } from '../../dedupe/duplicate-outcome.ts';

/** Numbers per request: the route's limit. */
export const EXISTING_BATCH = 10_000;

/** Asks the server which of these numbers (≤ EXISTING_BATCH) the campaign has. */
export type ExistingLookup = (numbers: string[], signal: AbortSignal) => Promise<string[]>;

/**
 * The subset of `numbers` the campaign already has. Numbers in `known` (answers of earlier checks,
 * number → exists) are not asked again, so an edit costs one small request; every answer is added
 * to `known`. Throws an AbortError once `signal` is aborted.
 */
export async function findExisting(numbers: readonly string[], lookup: ExistingLookup, signal: AbortSignal, known = new Map<string, boolean>()): Promise<Set<string>> {
  const ask: string[] = [];
  const queued = new Set<string>();
  for (const n of numbers) {
    if (!known.has(n) && !queued.has(n)) {
      queued.add(n);
      ask.push(n);
    }
  }
  for (let start = 0; start < ask.length; start += EXISTING_BATCH) {
    signal.throwIfAborted();
    const batch = ask.slice(start, start + EXISTING_BATCH);
    const found = new Set(await lookup(batch, signal));
    signal.throwIfAborted();
    for (const n of batch) known.set(n, found.has(n));
  }
  const existing = new Set<string>();
  for (const n of numbers) if (known.get(n)) existing.add(n);
  return existing;
}

/** What the valid rows will do under a duplicate policy. */
export interface ExistingCounts {
  /** Valid rows (each with a distinct number: repeats in the file are already errors). */
  valid: number;
  /** Rows whose number the campaign already has. */
  existing: number;
  /** Rows that will create a lead. */
  create: number;
  /** Rows that will update a lead (onExisting update). */
  update: number;
  /** Rows that will fill a lead's empty values (onExisting fill). */
  fill: number;
  /** Rows that will be refused as DUPLICATE_EXISTING (onExisting skip). */
  skip: number;
}

/**
 * Counts the valid rows' numbers found in the campaign and splits them by the policy, with the
 * import's own rule (src/lib/dedupe/duplicate-outcome.ts). `numbers` are the rows without errors:
 * first occurrences in the file, not suppressed (later ones are already DUPLICATE_IN_FILE).
 */
export function countExisting(numbers: readonly string[], existing: ReadonlySet<string>, onExisting: OnExisting): ExistingCounts {
  const outcomes = countOutcomes(
    numbers.map((n) => ({ later: false, suppressed: false, inCampaign: existing.has(n) })),
    onExisting,
  );
  return splitByPolicy(numbers.length, outcomes.existing + outcomes.merge, onExisting);
}

export function splitByPolicy(valid: number, existing: number, onExisting: OnExisting): ExistingCounts {
  return {
    valid,
    existing,
    create: valid - existing,
    update: onExisting === 'update' ? existing : 0,
    fill: onExisting === 'fill' ? existing : 0,
    skip: onExisting === 'skip' ? existing : 0,
  };
}
