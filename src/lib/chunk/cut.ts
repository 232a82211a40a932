/**
 * Cutting a file's rows into chunks: the one cutter used by the browser's upload (rows already
 * encoded as JSON), the Worker's reading of an uploaded file and list imports (rows as objects).
 * A chunk holds at most `budget.rows` rows and `budget.bytes` bytes of row JSON (UTF-8, commas
 * counted); a row that alone is larger than the server accepts as a chunk is refused.
 */
import { LIMITS } from '../limits.ts';
import { FileReadError } from '../parse/errors.ts';
import { FILE_ERRORS } from '../validate/file-messages.ts';
import type { SourceRow } from '../types.ts';
import { utf8Length } from '../text/utf8-length.ts';
import { rowJsonBytes } from './row-bytes.ts';

export interface ChunkBudget {
  /** Rows a chunk holds at most. */
  rows: number;
  /** Bytes of row JSON a chunk is filled to at most. */
  bytes: number;
  /** The largest chunk the server accepts: one row past it can never be stored. */
  limit: number;
}

/** A chunk is filled to 90% of the server's limit: room for the chunk's own JSON around the rows. */
const FILL = 0.9;

/** The budget for chunks the server accepts with at most `chunkRows` rows and `maxChunkBytes` bytes (what POST /imports answers). */
export function chunkBudget(chunkRows: number = LIMITS.chunkRows, maxChunkBytes: number = LIMITS.maxChunkBytes): ChunkBudget {
  return { rows: chunkRows, bytes: Math.floor(maxChunkBytes * FILL), limit: maxChunkBytes };
}

/** A lead import's chunks, from the browser or from a file read in the Worker. */
export const CHUNK_BUDGET: ChunkBudget = chunkBudget();

/**
 * A list import's chunks: a list's rows are short and each chunk costs the queue a fixed round of
 * R2 and D1 calls, so a chunk takes more rows; the byte budget still bounds what one consumer holds.
 */
export const LIST_CHUNK_BUDGET: ChunkBudget = { ...CHUNK_BUDGET, rows: 25_000 };

export interface ChunkCutter<T> {
  /** Takes one row; answers the chunk it completes (the rows before it) when the row does not fit the current one. */
  add(item: T): T[] | null;
  /** The last chunk, or null when no row is waiting. */
  flush(): T[] | null;
}

function createCutter<T>(budget: ChunkBudget, sizeOf: (item: T) => number, tooLarge: (item: T) => Error): ChunkCutter<T> {
  let items: T[] = [];
  let bytes = 0;
  return {
    add(item) {
      const size = sizeOf(item) + 1;
      if (size > budget.limit) throw tooLarge(item);
      let full: T[] | null = null;
      if (items.length && (items.length >= budget.rows || bytes + size > budget.bytes)) {
        full = items;
        items = [];
        bytes = 0;
      }
      items.push(item);
      bytes += size;
      return full;
    },
    flush() {
      const last = items.length ? items : null;
      items = [];
      bytes = 0;
      return last;
    },
  };
}

const rowTooLarge = (row: number | null, limit: number) => new FileReadError(FILE_ERRORS.rowTooLarge(row, limit));

/** Cuts rows (as the readers give them) into chunks. */
export function createRowCutter(budget: ChunkBudget = CHUNK_BUDGET): ChunkCutter<SourceRow> {
  return createCutter<SourceRow>(budget, rowJsonBytes, (row) => rowTooLarge(row.row, budget.limit));
}

/** Cuts rows already encoded as the chunk format's JSON (`{"row":…,"cells":[…]}`) into chunks. */
export function createJsonRowCutter(budget: ChunkBudget = CHUNK_BUDGET): ChunkCutter<string> {
  return createCutter<string>(budget, utf8Length, () => rowTooLarge(null, budget.limit));
}

/** Every chunk of `rows` in order (a convenience over the cutter for rows already in hand). */
export function* cutRows<T>(cutter: ChunkCutter<T>, rows: Iterable<T>): Generator<T[]> {
  for (const row of rows) {
    const full = cutter.add(row);
    if (full) yield full;
  }
  const last = cutter.flush();
  if (last) yield last;
}
