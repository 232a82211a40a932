/**
 * Admission of one browser-uploaded chunk, run by the import's coordinator while nothing else runs
 * on it (so `seal` is either before or after, never in between). The server counts and orders what
 * it stores; it never takes the client's word for the import's size or row numbering:
 *   - rows of chunk i all lie below rows of chunk i+1 (no overlapping ranges between chunks),
 *   - the rows stored across all chunks stay within `maxRows` (MAX_ROWS),
 *   - inline (≤ `inlineMaxRows` rows: INLINE_MAX_ROWS) or background follows from the rows stored,
 *   - the workspace's storage quota is charged here, where chunk stores are serialised and the size
 *     of the object a chunk replaces is known (chunk_ranges.bytes): concurrent replacements of one
 *     chunk each give back exactly what the object they replaced held.
 */
import type { RefusalCode } from '../refusal.ts';
import { FILE_ERRORS } from '../../src/lib/validate/file-messages.ts';
import { utf8Length } from '../../src/lib/text/utf8-length.ts';

export interface UploadedChunk {
  index: number;
  rows: number;
  firstRow: number;
  lastRow: number;
  /** The chunk's JSON as it goes to R2. */
  body: string;
  key: string;
  /** The Worker's limits (its env; the coordinator takes them from the request). */
  maxRows: number;
  inlineMaxRows: number;
  /** The workspace's storage quota (bytes) as the request's Worker reads it (else the coordinator's own). */
  quotaBytes?: number;
}

export type Admission =
  | { ok: true; storedRows: number; inline: boolean }
  | { ok: false; code: Extract<RefusalCode, 'IMPORT_STARTED' | 'CHUNK_ROWS_OVERLAP' | 'TOO_MANY_ROWS' | 'STORAGE_UNAVAILABLE' | 'STORAGE_QUOTA_EXCEEDED'>; message: string };

/** The workspace's storage quota as the coordinator charges it: `charge` answers a refusal's message, or null when charged. */
export interface ChunkQuota {
  charge(bytes: number): Promise<string | null>;
  uncharge(bytes: number): Promise<void>;
}

/** The coordinator's ranges of stored chunks (its own SQLite storage), with each stored object's size. */
export const CHUNK_RANGES_TABLE = 'CREATE TABLE IF NOT EXISTS chunk_ranges (idx INTEGER PRIMARY KEY, first_row INTEGER NOT NULL, last_row INTEGER NOT NULL, rows INTEGER NOT NULL, bytes INTEGER)';

function ensureTable(sql: SqlStorage): void {
  sql.exec(CHUNK_RANGES_TABLE);
  // A coordinator created by an earlier version has the table without `bytes` (null: read from R2).
  const have = sql.exec<{ name: string }>('SELECT name FROM pragma_table_info(?)', 'chunk_ranges').toArray();
  if (!have.some((c) => c.name === 'bytes')) sql.exec('ALTER TABLE chunk_ranges ADD COLUMN bytes INTEGER');
}

/** Checks, charges, stores in R2 and records the chunk; a refused chunk leaves R2, the quota and the tables as they were. */
export async function admitChunk(sql: SqlStorage, bucket: R2Bucket, chunk: UploadedChunk, quota: ChunkQuota): Promise<Admission> {
  ensureTable(sql);
  const clash = sql
    .exec<{ idx: number }>(
      'SELECT idx FROM chunk_ranges WHERE (idx < ?1 AND last_row >= ?2) OR (idx > ?1 AND first_row <= ?3) ORDER BY idx LIMIT 1',
      chunk.index,
      chunk.firstRow,
      chunk.lastRow,
    )
    .toArray()[0];
  if (clash) {
    return {
      ok: false,
      code: 'CHUNK_ROWS_OVERLAP',
      message: `Chunk ${chunk.index} holds rows ${chunk.firstRow}–${chunk.lastRow}, which overlap or come out of order with chunk ${clash.idx}. Every row of a chunk must come before every row of the next chunk.`,
    };
  }
  const others = sql.exec<{ n: number }>('SELECT coalesce(sum(rows), 0) AS n FROM chunk_ranges WHERE idx != ?', chunk.index).one().n;
  const storedRows = others + chunk.rows;
  if (storedRows > chunk.maxRows) {
    return { ok: false, code: 'TOO_MANY_ROWS', message: FILE_ERRORS.tooManyRows(chunk.maxRows).message };
  }
  const bytes = utf8Length(chunk.body);
  const previous = sql.exec<{ bytes: number | null }>('SELECT bytes FROM chunk_ranges WHERE idx = ?', chunk.index).toArray()[0];
  const replaced = previous ? (previous.bytes ?? (await bucket.head(chunk.key))?.size ?? 0) : 0;
  const growth = bytes - replaced;
  if (growth > 0) {
    const refused = await quota.charge(growth);
    if (refused) return { ok: false, code: 'STORAGE_QUOTA_EXCEEDED', message: refused };
  }
  try {
    await bucket.put(chunk.key, chunk.body, { httpMetadata: { contentType: 'application/json' } });
  } catch {
    if (growth > 0) await quota.uncharge(growth);
    return { ok: false, code: 'STORAGE_UNAVAILABLE', message: 'The chunk could not be stored just now. Upload it again.' };
  }
  if (growth < 0) await quota.uncharge(-growth);
  sql.exec(
    'INSERT INTO chunk_ranges (idx, first_row, last_row, rows, bytes) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (idx) DO UPDATE SET first_row = ?2, last_row = ?3, rows = ?4, bytes = ?5',
    chunk.index,
    chunk.firstRow,
    chunk.lastRow,
    chunk.rows,
    bytes,
  );
  return { ok: true, storedRows, inline: storedRows <= chunk.inlineMaxRows };
}
