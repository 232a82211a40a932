/**
 * Reads an uploaded file in the Worker: CSV is streamed (decoded and parsed piece by piece, never
 * held whole), Excel is read within its size limit. Yields the header, then rows in batches.
 */
import { createDecoder } from '../../src/lib/parse/decode.ts';
import { createCsvStream } from '../../src/lib/parse/csv.ts';
import { readWorkbook } from '../../src/lib/parse/xlsx.ts';
import { FileReadError, formatBytes } from '../../src/lib/parse/errors.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import type { SourceRow } from '../../src/lib/types.ts';

export type UploadKind = 'csv' | 'xlsx' | 'xls';

export interface UploadReader {
  headers: string[];
  sheet?: string;
  /** Batches of rows in file order. */
  rows: AsyncGenerator<SourceRow[]>;
}

const tooLarge = (limit: number) =>
  new FileReadError('FILE_TOO_LARGE', `The file is larger than ${formatBytes(limit)}, the most this upload accepts.`);

export function sizeLimit(kind: UploadKind): number {
  return kind === 'csv' ? LIMITS.maxCsvBytes : LIMITS.maxExcelBytesServer;
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

export async function openUpload(body: ReadableStream<Uint8Array>, kind: UploadKind, opts: { sheet?: string } = {}): Promise<UploadReader> {
  if (kind !== 'csv') {
    const bytes = await readAll(body, sizeLimit(kind));
    if (!bytes.length) throw new FileReadError('FILE_EMPTY', 'The file is empty.');
    const book = readWorkbook(bytes, { sheet: opts.sheet, maxUncompressedBytes: LIMITS.maxXlsxUncompressedBytesServer });
    async function* rows() {
      for (let i = 0; i < book.rows.length; i += LIMITS.chunkRows) yield book.rows.slice(i, i + LIMITS.chunkRows);
    }
    return { headers: book.headers, sheet: book.sheet, rows: rows() };
  }

  const reader = body.getReader();
  const decoder = createDecoder();
  const csv = createCsvStream();
  let size = 0;
  let ended = false;
  const pending: SourceRow[] = [];

  const pump = async (): Promise<void> => {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      pending.push(...csv.push(decoder.end()), ...csv.end());
      return;
    }
    size += value.byteLength;
    if (size > LIMITS.maxCsvBytes) {
      await reader.cancel();
      throw tooLarge(LIMITS.maxCsvBytes);
    }
    const text = decoder.push(value);
    if (text) for (const r of csv.push(text)) pending.push(r);
  };

  while (!csv.headers && !ended) await pump();
  if (!csv.headers) throw new FileReadError('FILE_EMPTY', 'The file is empty.');
  const headers = csv.headers;

  async function* rows() {
    try {
      for (;;) {
        if (pending.length >= LIMITS.chunkRows || (ended && pending.length)) {
          yield pending.splice(0, LIMITS.chunkRows);
          continue;
        }
        if (ended) return;
        await pump();
      }
    } finally {
      if (!ended) await reader.cancel().catch(() => {});
    }
  }
  return { headers, rows: rows() };
}
