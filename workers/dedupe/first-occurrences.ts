/**
 * The first row of each valid number in the file, whatever order chunks are validated in: what
 * makes DUPLICATE_IN_FILE independent of delivery order.
 *
 * Kept in memory (12 bytes a slot: ~25 MB for a million distinct numbers) and rebuilt from the
 * append-only `occurrences` table after a restart. A SQLite table keyed by number cost a random
 * B-tree insert per row, most of a chunk's recording time at 1M rows.
 */
import { createFirstOccurrenceIndex, type FirstOccurrenceIndex } from '../../src/lib/dedupe/in-file.ts';

export class FirstOccurrences {
  private index: FirstOccurrenceIndex | null = null;

  constructor(private readonly sql: SqlStorage) {
    sql.exec('CREATE TABLE IF NOT EXISTS occurrences (phone INTEGER NOT NULL, row INTEGER NOT NULL)');
  }

  /** Records [phoneKey, row] pairs (of one chunk, recorded once). */
  record(pairs: [number, number][]): void {
    const index = this.table(); // (built from the table before these rows are appended to it)
    this.sql.exec('INSERT INTO occurrences (phone, row) SELECT j.value->>0, j.value->>1 FROM json_each(?) AS j', JSON.stringify(pairs));
    for (const [key, row] of pairs) index.recordKey(key, row);
  }

  /**
   * Of these [phoneKey, row] pairs, the rows that are not their number's first occurrence in the
   * file, each with that first row (the minimum row recorded), flat: [row, firstRow, row, firstRow, …].
   */
  later(pairs: [number, number][]): number[] {
    const index = this.table();
    const out: number[] = [];
    for (const [key, row] of pairs) {
      const first = index.firstOfKey(key);
      if (first !== undefined && first !== row) out.push(row, first);
    }
    return out;
  }

  /** Distinct numbers recorded. */
  get size(): number {
    return this.table().size;
  }

  /** Storage was deleted: the in-memory table goes with it. */
  forget(): void {
    this.index = null;
  }

  private table(): FirstOccurrenceIndex {
    if (!this.index) {
      const index = createFirstOccurrenceIndex();
      for (const r of this.sql.exec<{ phone: number; row: number }>('SELECT phone, row FROM occurrences')) index.recordKey(r.phone, r.row);
      this.index = index;
    }
    return this.index;
  }
}
