/** Duplicates within one file: the first occurrence (lowest row number) of each number wins. */
import type { RowError } from '../types.ts';
import { duplicateInFile } from '../validate/messages.ts';

export interface FirstOccurrenceIndex {
  /** Notes that `row` holds `e164`; keeps the lowest row number seen. Idempotent. */
  record(e164: string, row: number): void;
  /** The lowest row number recorded for `e164`, if any. */
  firstOf(e164: string): number | undefined;
  /**
   * Records the row, then returns the first row when this row is a later duplicate of it.
   * Exact when rows are offered in file order; for any other order, record everything first and
   * resolve each row with `firstOf(e164) !== row` (the minimum row wins).
   */
  check(e164: string, row: number): number | undefined;
  /** Distinct numbers recorded. */
  readonly size: number;
}

export function createFirstOccurrenceIndex(): FirstOccurrenceIndex {
  const first = new Map<string, number>();
  const record = (e164: string, row: number): void => {
    const seen = first.get(e164);
    if (seen === undefined || row < seen) first.set(e164, row);
  };
  return {
    record,
    firstOf: (e164) => first.get(e164),
    check(e164, row) {
      record(e164, row);
      const min = first.get(e164)!;
      return min < row ? min : undefined;
    },
    get size() {
      return first.size;
    },
  };
}

/** The DUPLICATE_IN_FILE error for a later occurrence of the number first seen in `firstRow`. */
export function duplicateError(firstRow: number, column?: string): RowError {
  return duplicateInFile(firstRow, column);
}
