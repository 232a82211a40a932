/**
 * Admission of one browser-uploaded chunk, run by the import's coordinator while nothing else runs
 * on it (so `seal` is either before or after, never in between). The server counts and orders what
 * it stores; it never takes the client's word for the import's size or row numbering:
 *   - rows of chunk i all lie below rows of chunk i+1 (no overlapping ranges between chunks),
 *   - the rows stored across all chunks stay within `maxRows` (MAX_ROWS),
 *   - inline (≤ `inlineMaxRows` rows: INLINE_MAX_ROWS) or background follows from the rows stored.
 */
import type { RefusalCode } from '../refusal.ts';
import { FILE_ERRORS } from '../../src/lib/validate/file-messages.ts';

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
}

export type Admission =
  | { ok: true; storedRows: number; inline: boolean }
  | { ok: false; code: Extract<RefusalCode, 'IMPORT_STARTED' | 'CHUNK_ROWS_OVERLAP' | 'TOO_MANY_ROWS' | 'STORAGE_UNAVAILABLE'>; message: string };

/** The coordinator's ranges of stored chunks (its own SQLite storage). */
export const CHUNK_RANGES_TABLE = 'CREATE TABLE IF NOT EXISTS chunk_ranges (idx INTEGER PRIMARY KEY, first_row INTEGER NOT NULL, last_row INTEGER NOT NULL, rows INTEGER NOT NULL)';

/** Checks, stores in R2 and records the chunk; a refused chunk leaves R2 and the tables as they were. */
export async function admitChunk(sql: SqlStorage, bucket: R2Bucket, chunk: UploadedChunk): Promise<Admission> {
  sql.exec(CHUNK_RANGES_TABLE);
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
  try {
    await bucket.put(chunk.key, chunk.body, { httpMetadata: { contentType: 'application/json' } });
  } catch {
    return { ok: false, code: 'STORAGE_UNAVAILABLE', message: 'The chunk could not be stored just now. Upload it again.' };
  }
  sql.exec(
    'INSERT INTO chunk_ranges (idx, first_row, last_row, rows) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (idx) DO UPDATE SET first_row = ?2, last_row = ?3, rows = ?4',
    chunk.index,
    chunk.firstRow,
    chunk.lastRow,
    chunk.rows,
  );
  return { ok: true, storedRows, inline: storedRows <= chunk.inlineMaxRows };
}
