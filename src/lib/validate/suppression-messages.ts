/** Row messages about the workspace's suppression (do-not-call) list. */
import type { RowError } from '../types.ts';
import { ROW_ERROR_GUIDANCE } from './row-guidance.ts';
import { quoteValue } from './message-words.ts';

/** The row's main number is on the workspace's suppression list (an entry in force). */
export function suppressed(column?: string): RowError {
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
