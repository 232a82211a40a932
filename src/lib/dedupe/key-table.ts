/**
 * The first-occurrence table of phone keys: open addressing over typed arrays (see
 * createFirstOccurrenceIndex for why), linear probing at a load of at most one half, the slot from
 * a seeded hash so crafted collisions cannot make inserts walk long clusters.
 */
import { keyHash, type KeySeed } from './key-hash.ts';

export interface KeyTable {
  /** Notes that `row` holds `key` (a non-zero phone key); keeps the lowest row. */
  record(key: number, row: number): void;
  /** The lowest row recorded for `key`, if any. */
  firstOf(key: number): number | undefined;
  /** `record`, then the lowest row recorded for `key` (this row or an earlier one), in one lookup. */
  recordFirst(key: number, row: number): number;
  /** Makes room for `n` distinct keys at once (one rehash instead of one per doubling). */
  reserve(n: number): void;
  /** Distinct keys recorded. */
  readonly size: number;
  /** Slots inspected so far, by lookups, inserts and growth. */
  readonly probes: number;
}

export function createKeyTable([seed0, seed1]: KeySeed): KeyTable {
  let capacity = 1 << 12;
  let shift = 32 - 12; // slot = the hash's top log2(capacity) bits
  let keys = new Float64Array(capacity); // 0 = empty slot (no E.164 number is 0)
  let rows = new Int32Array(capacity);
  let count = 0;
  let probes = 0;

  /** The slot holding `key`, or the empty slot where it belongs. */
  const slotOf = (key: number, table: Float64Array): number => {
    const mask = table.length - 1;
    let i = keyHash(key, seed0, seed1) >>> shift;
    for (;;) {
      probes++;
      const k = table[i]!;
      if (k === 0 || k === key) return i;
      i = (i + 1) & mask;
    }
  };
  const grow = (factor = 2) => {
    const oldKeys = keys;
    const oldRows = rows;
    capacity *= factor;
    shift -= Math.log2(factor);
    keys = new Float64Array(capacity);
    rows = new Int32Array(capacity);
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k === 0) continue;
      const j = slotOf(k, keys);
      keys[j] = k;
      rows[j] = oldRows[i]!;
    }
  };
  const recordFirst = (key: number, row: number): number => {
    const i = slotOf(key, keys);
    if (keys[i] === 0) {
      keys[i] = key;
      rows[i] = row;
      if (++count * 2 > capacity) grow();
      return row;
    }
    if (row < rows[i]!) rows[i] = row;
    return rows[i]!;
  };
  return {
    record(key, row) {
      recordFirst(key, row);
    },
    reserve(n) {
      let factor = 1;
      while (n * 2 > capacity * factor && capacity * factor < 1 << 30) factor *= 2;
      if (factor > 1) grow(factor);
    },
    recordFirst,
    firstOf(key) {
      const i = slotOf(key, keys);
      return keys[i] === 0 ? undefined : rows[i];
    },
    get size() {
      return count;
    },
    get probes() {
      return probes;
    },
  };
}
