/**
 * A CSV upload read in the API Worker as it streams in: decoded and parsed piece by piece (never
 * held whole), its rows cut into chunks by the one chunk cutter as they complete.
 */
import { createDecoder } from '../../src/lib/parse/decode.ts';
import { createCsvStream, type HeaderPick } from '../../src/lib/parse/csv.ts';
import { asFileReadError, FileReadError } from '../../src/lib/parse/errors.ts';
import { FILE_ERRORS } from '../../src/lib/validate/file-messages.ts';
import { createRowCutter, type ChunkBudget } from '../../src/lib/chunk/cut.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import type { HeaderRowChoice } from '../../src/lib/map/header-row.ts';
import type { SourceRow } from '../../src/lib/types.ts';
import { fileTooLarge } from './upload-kind.ts';
import type { UploadReader } from './upload-reader.ts';

/** Decoded text is parsed in pieces of at most this many characters, so one large read never yields rows past a chunk or two at once. */
const PIECE_CHARS = 1024 * 1024;

export interface CsvReadOptions {
  budget: ChunkBudget;
  /** How the header row is chosen; `choice` is where the parser reports the row it took. */
  header?: { pick: HeaderPick; choice: () => HeaderRowChoice | null };
  /** The encoding the client named (a WHATWG name, resolved from encoding=<label>); otherwise it is detected. A BOM still wins. */
  encoding?: string;
  /** Data rows the file may have (TOO_MANY_ROWS past it; default LIMITS.maxRows). */
  maxRows?: number;
}

/**
 * Runs the parser on the file's content: its own crash means a file it cannot make sense of,
 * FILE_CORRUPT. Only what runs here may blame the file; reading the body (the request, an R2
 * object) and storing the chunks stay outside, so their failures are never the file's.
 */
function parsing<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw asFileReadError(err);
  }
}

export async function readCsvUpload(body: ReadableStream<Uint8Array>, opts: CsvReadOptions): Promise<UploadReader> {
  const reader = body.getReader();
  const decoder = createDecoder({ encoding: opts.encoding });
  const csv = createCsvStream({ header: opts.header?.pick, maxRows: opts.maxRows });
  let size = 0;
  let ended = false;
  const cutter = createRowCutter(opts.budget);
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
      throw fileTooLarge('csv');
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
  return { headers, header: opts.header?.choice() ?? null, rows: rows(), detection: () => decoder.detection };
}
