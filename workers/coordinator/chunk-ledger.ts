/**
 * The import's chunks in its Durable Object's SQLite storage: rows per chunk and how far each got.
 * Every statement on the `chunks` table is here.
 *
 * - validated / written: the chunk's validate and write passes are recorded (each once).
 * - claimed: a validate message writes this chunk in the same pass (ignoreErrors on); the write
 *   phase leaves it to that message (the watchdog still re-sends it if the message is lost).
 * - lease (ignoreErrors off): see LEASE; a chunk is rolled back only once no write of it can still land.
 * - undone (rolled back): the rows this chunk may have written are deleted again.
 */
import type { ChunkProgress } from './phases.ts';

/** A chunk's write lease: never taken, held (an insert may be in flight), released. */
export const LEASE = { none: 0, held: 1, released: 2 } as const;

const COLUMNS = ['claimed', 'lease', 'undone'] as const;

export type ChunkRow = {
  rows: number;
  validated: number;
  written: number;
  lease: number;
};

export class ChunkLedger {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS chunks (
      idx INTEGER PRIMARY KEY, rows INTEGER NOT NULL, validated INTEGER NOT NULL DEFAULT 0, written INTEGER NOT NULL DEFAULT 0,
      claimed INTEGER NOT NULL DEFAULT 0, lease INTEGER NOT NULL DEFAULT 0, undone INTEGER NOT NULL DEFAULT 0)`);
    // An import that was running when this version was deployed keeps the table an older version
    // created, without the later columns (CREATE TABLE IF NOT EXISTS leaves it as it is).
    const have = new Set(sql.exec<{ name: string }>('SELECT name FROM pragma_table_info(?)', 'chunks').toArray().map((c) => c.name));
    for (const column of COLUMNS) if (!have.has(column)) sql.exec(`ALTER TABLE chunks ADD COLUMN ${column} INTEGER NOT NULL DEFAULT 0`);
  }

  /** A chunk is in R2 (stored again before validation: its row count is replaced). */
  stored(chunk: number, rows: number): void {
    this.sql.exec('INSERT INTO chunks (idx, rows) VALUES (?, ?) ON CONFLICT (idx) DO UPDATE SET rows = excluded.rows WHERE validated = 0', chunk, rows);
  }

  /** Chunks 0..chunkCount-1 stored, and their rows. */
  storedTotals(chunkCount: number): { chunks: number; rows: number } {
    const r = this.sql.exec<{ n: number; total: number }>('SELECT count(*) AS n, coalesce(sum(rows), 0) AS total FROM chunks WHERE idx < ?', chunkCount).one();
    return { chunks: r.n, rows: r.total };
  }

  /** The chunk's row; throws for a chunk never stored. */
  get(chunk: number): ChunkRow {
    const row = this.sql.exec<ChunkRow>('SELECT rows, validated, written, lease FROM chunks WHERE idx = ?', chunk).toArray()[0];
    if (!row) throw new Error(`chunk ${chunk} unknown`);
    return row;
  }

  markValidated(chunk: number): void {
    this.sql.exec('UPDATE chunks SET validated = 1 WHERE idx = ?', chunk);
  }

  markWritten(chunk: number): void {
    this.sql.exec('UPDATE chunks SET written = 1 WHERE idx = ?', chunk);
  }

  /** The first chunk at or after `from` that is not validated: chunks before it are all validated. */
  validatedPrefix(from: number): number {
    let prefix = from;
    while (this.sql.exec<{ n: number }>('SELECT count(*) AS n FROM chunks WHERE idx = ? AND validated = 1', prefix).one().n) prefix++;
    return prefix;
  }

  claim(chunks: number[]): void {
    for (const idx of chunks) this.sql.exec('UPDATE chunks SET claimed = 1 WHERE idx = ?', idx);
  }

  /** Validated chunks before `prefix` not yet written nor claimed: they waited for an earlier chunk. */
  waitingToWrite(prefix: number): number[] {
    return this.indexes('SELECT idx FROM chunks WHERE validated = 1 AND written = 0 AND claimed = 0 AND idx < ? ORDER BY idx', prefix);
  }

  /** Chunks before chunkCount whose validate (or write) pass is not recorded. */
  pending(pass: 'validated' | 'written', chunkCount: number): number[] {
    return this.indexes(`SELECT idx FROM chunks WHERE ${pass} = 0 AND idx < ? ORDER BY idx`, chunkCount);
  }

  /** What the phase transitions read, each counted only when read. */
  progress(chunkCount: number, distinctPhones: () => number): ChunkProgress {
    const count = (pass: 'validated' | 'written') =>
      this.sql.exec<{ n: number }>(`SELECT count(*) AS n FROM chunks WHERE ${pass} = 1 AND idx < ?`, chunkCount).one().n;
    const indexes = (q: string) => this.indexes(q, chunkCount);
    return {
      get validated() {
        return count('validated');
      },
      get written() {
        return count('written');
      },
      get unclaimed() {
        return indexes('SELECT idx FROM chunks WHERE written = 0 AND claimed = 0 AND idx < ? ORDER BY idx');
      },
      get distinctPhones() {
        return distinctPhones();
      },
    };
  }

  takeLease(chunk: number): void {
    this.sql.exec('UPDATE chunks SET lease = ? WHERE idx = ?', LEASE.held, chunk);
  }

  /** The chunk's write is over (or will not run again): it may have rows to roll back. */
  releaseLease(chunk: number): void {
    this.sql.exec('UPDATE chunks SET lease = ?, undone = 0 WHERE idx = ?', LEASE.released, chunk);
  }

  releaseLeaseIfHeld(chunk: number): void {
    this.sql.exec('UPDATE chunks SET lease = ?, undone = 0 WHERE idx = ? AND lease = ?', LEASE.released, chunk, LEASE.held);
  }

  /** Chunks never leased wrote nothing: nothing to roll back. */
  markUnleasedRolledBack(): void {
    this.sql.exec('UPDATE chunks SET undone = 1 WHERE lease = ?', LEASE.none);
  }

  /** The chunk's rows are deleted again, unless its write still holds the lease (it may yet land rows). */
  markRolledBack(chunk: number): void {
    this.sql.exec('UPDATE chunks SET undone = 1 WHERE idx = ? AND lease <> ?', chunk, LEASE.held);
  }

  /** Chunks that may have rows in D1 and are not rolled back yet; with `held`, also those whose write holds its lease. */
  toRollBack(held: boolean): number[] {
    return this.indexes(`SELECT idx FROM chunks WHERE undone = 0 AND lease ${held ? '<>' : '='} ? ORDER BY idx`, held ? LEASE.none : LEASE.released);
  }

  private indexes(query: string, bound: number): number[] {
    return this.sql
      .exec<{ idx: number }>(query, bound)
      .toArray()
      .map((r) => r.idx);
  }
}
