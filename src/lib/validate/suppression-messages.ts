/** Row messages about the workspace's suppression (do-not-call) list. */
import type { RowError } from '../types.ts';
import { ROW_ERROR_GUIDANCE } from './row-guidance.ts';
import { quoteValue } from './message-words.ts';

/**
 * One SUPPRESSED error per column name, shared by every row that has it (errors are never changed
 * after they are made): a preview posting thousands of such rows to the page clones it once per
 * message instead of once per row.
 */
const suppressedByColumn = new Map<string, Readonly<RowError>>();

/**
 * Said of a number a filter matched (a list too large to send whole to the browser): it is probably
 * listed, and only the server, which checks exactly, can say for sure.
 */
const PROBABLY = ' (probably: the list is too large to check exactly here; the import checks every number exactly)';

/** The row's main number is on the workspace's suppression list (an entry in force); `probably` when a filter says so. */
export function suppressed(column?: string, probably = false): RowError {
  const key = `${probably ? 'p' : 'x'}${column ?? ''}`;
  let shared = suppressedByColumn.get(key);
  if (!shared) {
    if (suppressedByColumn.size > 1_000) suppressedByColumn.clear();
    shared = newSuppressed(column, probably);
    suppressedByColumn.set(key, shared);
  }
  return shared as RowError;
}

function newSuppressed(column: string | undefined, probably: boolean): RowError {
  const error: RowError = {
    code: 'SUPPRESSED',
    message: probably
      ? `This phone number is probably on the workspace's do-not-call (suppression) list${PROBABLY}.`
      : "This phone number is on the workspace's do-not-call (suppression) list.",
    guidance: ROW_ERROR_GUIDANCE.SUPPRESSED,
  };
  if (column !== undefined) error.column = column;
  return error;
}

/** A secondary contact's number is on the workspace's suppression list; `probably` when a filter says so. */
export function secondarySuppressed(column: string, value: string, probably = false): RowError {
  return {
    code: 'SECONDARY_SUPPRESSED',
    column,
    message: `The secondary phone number ${quoteValue(value)} in column "${column}" is ${probably ? 'probably ' : ''}on the workspace's do-not-call (suppression) list${probably ? PROBABLY : ''}.`,
    guidance: ROW_ERROR_GUIDANCE.SECONDARY_SUPPRESSED,
  };
}
