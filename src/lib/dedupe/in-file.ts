/** Duplicates within one file: the first occurrence (lowest row number) of each number wins. */
import type { RowError } from '../types.ts';
import { duplicateInFile } from '../validate/messages.ts';
import { randomKeySeed, type KeySeed } from './key-hash.ts';
import { createKeyTable } from './key-table.ts';
import { phoneKey } from './phone-key.ts';

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
  /** `record` by the number's key (see phone-key.ts). */
  recordKey(key: number, row: number): void;
  /** `firstOf` by the number's key. */
  firstOfKey(key: number): number | undefined;
  /** Makes room for `n` distinct numbers at once (a reader that knows about how many rows come). */
  reserve(n: number): void;
  /** Distinct numbers recorded. */
  readonly size: number;
  /**
   * Slots inspected so far, by lookups, inserts and growth: about two per call when keys spread
   * well, so a test can tell crafted collisions from a healthy table without timing anything.
   */
  readonly probes: number;
}

export interface FirstOccurrenceOptions {
  /** The hash seed; random unless given (tests and benchmarks fix it to be reproducible). */
  seed?: KeySeed;
}

/**
 * An open-addressing hash table keyed by the E.164 digits as a double (exact: at most 15 digits):
 * 12 bytes a slot instead of a string and a Map entry per number, so a million numbers take about
 * 24 MB instead of about 80. Linear probing at a load of at most one half; the slot comes from a
 * hash seeded per table (see key-hash.ts), so numbers chosen to collide cannot make inserts walk
 * long clusters. A Durable Object rebuilds its table after a restart, with a new seed: the seed
 * only decides where keys sit, never what the table answers.
 */
export function createFirstOccurrenceIndex(options: FirstOccurrenceOptions = {}): FirstOccurrenceIndex {
  const table = createKeyTable(options.seed ?? randomKeySeed());
  /** Keys that are not E.164 digits (never produced by the validator, but allowed) live in a Map. */
  const other = new Map<string, number>();
  const record = (e164: string, row: number): void => {
    const key = phoneKey(e164);
    if (key !== 0) return table.record(key, row);
    const seen = other.get(e164);
    if (seen === undefined || row < seen) other.set(e164, row);
  };
  const firstOf = (e164: string): number | undefined => {
    const key = phoneKey(e164);
    return key === 0 ? other.get(e164) : table.firstOf(key);
  };
  const validKey = (key: number) => {
    if (!(Number.isSafeInteger(key) && key > 0)) throw new RangeError(`not a phone key: ${key}`);
  };
  return {
    record,
    firstOf,
    recordKey(key, row) {
      validKey(key);
      table.record(key, row);
    },
    reserve: (n) => table.reserve(n),
    firstOfKey(key) {
      validKey(key);
      return table.firstOf(key);
    },
    check(e164, row) {
      const key = phoneKey(e164);
      let min: number;
      if (key !== 0) min = table.recordFirst(key, row);
      else {
        record(e164, row);
        min = other.get(e164)!;
      }
      return min < row ? min : undefined;
    },
    get size() {
      return table.size + other.size;
    },
    get probes() {
      return table.probes;
    },
  };
}

/** The DUPLICATE_IN_FILE error for a later occurrence of the number first seen in `firstRow`. */
export function duplicateError(firstRow: number, column?: string): RowError {
  return duplicateInFile(firstRow, column);
}
