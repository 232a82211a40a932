/** Row messages about the workspace's suppression (do-not-call) list. */
import type { RowError } from '../types.ts';
import { ROW_ERROR_GUIDANCE } from './row-guidance.ts';
import { quoteValue } from './message-words.ts';

/**
 * One SUPPRESSED error per column name, shared by every row that has it (errors are never changed
 * after they are made): a preview posting thousands of such rows to the page clones it once per
 * message instead of once per row.
 */
const suppressedByColumn = new Map<string | undefined, Readonly<RowError>>();

/** The row's main number is on the workspace's suppression list (an entry in force). */
export function suppressed(column?: string): RowError {
  let shared = suppressedByColumn.get(column);
  if (!shared) {
    if (suppressedByColumn.size > 1_000) suppressedByColumn.clear();
    shared = newSuppressed(column);
    suppressedByColumn.set(column, shared);
  }
  return shared as RowError;
}

function newSuppressed(column?: string): RowError {
  const error: RowError = {
    code: 'SUPPRESSED',
    message: "This phone number is on the workspace's do-not-call (suppression) list.",
    guidance: ROW_ERROR_GUIDANCE.SUPPRESSED,
  };
  if (column !== undefined) error.column = column;
  return error;
}

/** A secondary contact's number is on the workspace's suppression list. */
export function secondarySuppressed(column: string, value: string): RowError {
  return {
    code: 'SECONDARY_SUPPRESSED',
    column,
    message: `The secondary phone number ${quoteValue(value)} in column "${column}" is on the workspace's do-not-call (suppression) list.`,
    guidance: ROW_ERROR_GUIDANCE.SECONDARY_SUPPRESSED,
  };
}
