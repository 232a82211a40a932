/**
 * Reads an uploaded file in the Worker: CSV is streamed (decoded and parsed piece by piece, never
 * held whole), Excel is read within its size limit. Yields the header, then the rows in batches
 * that are the file's chunks: at most `chunkRows` rows and 90% of `chunkBytes` bytes of JSON
 * each (uploadLimits: CHUNK_ROWS, CHUNK_BYTES), the budget the browser's uploads keep to (a few rows of huge cells must not make one
 * chunk of tens of MB that the consumer then holds several times over).
 */
import { createDecoder, type Detection } from '../../src/lib/parse/decode.ts';
import { createCsvStream, type HeaderPick } from '../../src/lib/parse/csv.ts';
import { readWorkbook } from '../../src/lib/parse/xlsx.ts';
import { asFileReadError, FileReadError } from '../../src/lib/parse/errors.ts';
import { FILE_ERRORS } from '../../src/lib/validate/file-messages.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import type { SourceRow } from '../../src/lib/types.ts';
import { rowJsonBytes } from './row-bytes.ts';
import { envNumber, type Env } from '../env.ts';

/** Bytes of row JSON per chunk: the browser's budget, 90% of what the server accepts as one chunk. */
export const chunkByteBudget = (chunkBytes: number) => Math.floor(chunkBytes * 0.9);

/** How uploads are cut and counted: rows and bytes per chunk, rows per file. */
export interface UploadLimits {
  chunkRows: number;
  chunkBytes: number;
  maxRows: number;
}

export const uploadLimits = (env: Env): UploadLimits => ({
  chunkRows: envNumber(env, 'CHUNK_ROWS'),
  chunkBytes: envNumber(env, 'CHUNK_BYTES'),
  maxRows: envNumber(env, 'MAX_ROWS'),
});
/** Decoded text is parsed in pieces of at most this many characters, so one large read never yields rows past a chunk or two at once. */
const PIECE_CHARS = 1024 * 1024;

export type UploadKind = 'csv' | 'xlsx' | 'xls';

export interface UploadReader {
  headers: string[];
  sheet?: string;
  /** The file's chunks: batches of rows in file order, each within the row and byte limits. */
  rows: AsyncGenerator<SourceRow[]>;
  /**
   * How a CSV's bytes were read (null for workbooks). It may change while rows are read when the
   * file's first 64 KB were plain ASCII: read it again after the last row.
   */
  detection(): Detection | null;
}

const tooLarge = (limit: number) => new FileReadError(FILE_ERRORS.tooLarge(limit));

export function sizeLimit(kind: UploadKind): number {
  return kind === 'csv' ? LIMITS.maxCsvBytes : LIMITS.maxExcelBytesServer;
}

/**
 * Runs a reader (CSV, workbook) on the file's content: its own crash means a file it cannot make
 * sense of, FILE_CORRUPT. Only what runs here may blame the file; reading the body (the request,
 * an R2 object) and storing the chunks stay outside, so their failures are never the file's.
 */
function parsing<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw asFileReadError(err);
  }
}

/** Reads at most `limit` bytes of a stream, refusing more before buffering it. */
async function readAll(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

/**
 * `header` chooses the header row (map/header-row.ts's headerPick); without it, the first non-blank
 * row. `encoding` (a WHATWG name) reads a CSV as that instead of detecting its encoding.
 */
export async function openUpload(
  body: ReadableStream<Uint8Array>,
  kind: UploadKind,
  limits: UploadLimits,
  opts: { sheet?: string; header?: HeaderPick; encoding?: string } = {},
): Promise<UploadReader> {
  if (kind !== 'csv') return openWorkbook(body, kind, limits, opts);
  return openCsv(body, limits, opts.header, opts.encoding);
}

/** A workbook, read whole within its size limit, its rows cut into chunks. */
async function openWorkbook(body: ReadableStream<Uint8Array>, kind: UploadKind, limits: UploadLimits, opts: { sheet?: string; header?: HeaderPick }): Promise<UploadReader> {
  const bytes = await readAll(body, sizeLimit(kind));
  if (!bytes.length) throw new FileReadError(FILE_ERRORS.empty());
  const book = parsing(() => readWorkbook(bytes, { sheet: opts.sheet, maxUncompressedBytes: LIMITS.maxXlsxUncompressedBytesServer, header: opts.header, maxRows: limits.maxRows }));
  async function* rows() {
    const cutter = createChunkCutter(limits);
    const iterator = book.rows[Symbol.iterator]();
    for (;;) {
      const next = parsing(() => iterator.next());
      if (next.done) break;
      const full = cutter.add(next.value);
      if (full) yield full;
    }
    const last = cutter.flush();
    if (last) yield last;
  }
  return { headers: book.headers, sheet: book.sheet, rows: rows(), detection: () => null };
}

/** A CSV, decoded and parsed as it streams in (never held whole), its rows cut into chunks. */
async function openCsv(body: ReadableStream<Uint8Array>, limits: UploadLimits, header: HeaderPick | undefined, encoding: string | undefined): Promise<UploadReader> {
  const reader = body.getReader();
  const decoder = createDecoder({ encoding });
  const csv = createCsvStream({ header, maxRows: limits.maxRows });
  let size = 0;
  let ended = false;
  const cutter = createChunkCutter(limits);
  /** Chunks cut and not yet yielded. */
  const ready: SourceRow[][] = [];
  const take = (rows: SourceRow[]) => {
    for (const r of rows) {
      const full = cutter.add(r);
      if (full) ready.push(full);
    }
  };
  const push = (text: string) => {
    for (let i = 0; i < text.length; i += PIECE_CHARS) take(csv.push(text.slice(i, i + PIECE_CHARS)));
  };

  const pump = async (): Promise<void> => {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      parsing(() => {
        push(decoder.end());
        take(csv.end());
      });
      const last = cutter.flush();
      if (last) ready.push(last);
      return;
    }
    size += value.byteLength;
    if (size > LIMITS.maxCsvBytes) {
      await reader.cancel();
      throw tooLarge(LIMITS.maxCsvBytes);
    }
    parsing(() => {
      const text = decoder.push(value);
      if (text) push(text);
    });
  };

  while (!csv.headers && !ended) await pump();
  if (!csv.headers) throw new FileReadError(FILE_ERRORS.empty());
  const headers = csv.headers;

  async function* rows() {
    try {
      for (;;) {
        const chunk = ready.shift();
        if (chunk) {
          yield chunk;
          continue;
        }
        if (ended) return;
        await pump();
      }
    } finally {
      if (!ended) await reader.cancel().catch(() => {});
    }
  }
  return { headers, rows: rows(), detection: () => decoder.detection };
}

/**
 * Gathers rows into chunks of at most `chunkRows` rows and chunkByteBudget(chunkBytes) bytes of JSON;
 * `add` answers a chunk when the row does not fit in the current one. A row larger than a chunk
 * may be is refused: stored, it would be a chunk the server refuses from a browser.
 */
function createChunkCutter({ chunkRows, chunkBytes }: UploadLimits) {
  const budget = chunkByteBudget(chunkBytes);
  let rows: SourceRow[] = [];
  let bytes = 0;
  return {
    add(row: SourceRow): SourceRow[] | null {
      const size = rowJsonBytes(row) + 1;
      if (size > chunkBytes) {
        throw new FileReadError(FILE_ERRORS.rowTooLarge(row.row, chunkBytes));
      }
      let full: SourceRow[] | null = null;
      if (rows.length && (rows.length >= chunkRows || bytes + size > budget)) {
        full = rows;
        rows = [];
        bytes = 0;
      }
      rows.push(row);
      bytes += size;
      return full;
    },
    flush(): SourceRow[] | null {
      const last = rows.length ? rows : null;
      rows = [];
      bytes = 0;
      return last;
    },
  };
}
