/**
 * Cuts a list file's rows, as its reader yields them, into stored chunks of at most `perChunk`
 * rows and `byteBudget` bytes of text: one chunk's text at a time is held, never the file. Returns
 * the rows and chunks. A run of rows is encoded once (list-chunk.ts) and joined as text.
 */
import { FileReadError } from '../../../src/lib/parse/errors.ts';
import { FILE_ERRORS } from '../../../src/lib/validate/file-messages.ts';
import { utf8Length } from '../../../src/lib/text/utf8-length.ts';
import type { SourceRow } from '../../../src/lib/types.ts';
import type { ChunkEncoding } from './list-chunk.ts';

export interface CutLimits {
  perChunk: number;
  byteBudget: number;
  /** Rows the file may have (TOO_MANY_ROWS past it). */
  maxRows: number;
}

export async function cutChunks(
  rows: AsyncIterable<SourceRow[]>,
  limits: CutLimits,
  encoding: ChunkEncoding,
  store: (index: number, body: string) => Promise<void>,
): Promise<{ rows: number; chunks: number }> {
  let chunks = 0;
  let total = 0;
  let pending: string[] = [];
  let pendingRows = 0;
  let pendingBytes = 0;
  let firstRow = 0;
  const flush = async () => {
    if (!pendingRows) return;
    const body = encoding.body(chunks, firstRow, pending);
    pending = [];
    pendingRows = 0;
    pendingBytes = 0;
    await store(chunks, body);
    chunks++;
  };
  for await (const batch of rows) {
    total += batch.length;
    if (total > limits.maxRows) throw new FileReadError(FILE_ERRORS.tooManyRows(limits.maxRows));
    for (let rest = batch; rest.length; ) {
      const room = limits.perChunk - pendingRows;
      const part = rest.length <= room ? rest : rest.slice(0, room);
      rest = rest.length <= room ? [] : rest.slice(room);
      const text = encoding.part(part);
      const bytes = utf8Length(text) + 1;
      if (pendingRows && pendingBytes + bytes > limits.byteBudget) await flush();
      if (!pendingRows) firstRow = part[0]!.row;
      pending.push(text);
      pendingRows += part.length;
      pendingBytes += bytes;
      if (pendingRows >= limits.perChunk) await flush();
    }
  }
  await flush();
  return { rows: total, chunks };
}
