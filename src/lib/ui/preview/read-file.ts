/**
 * Reads the file the user chose, in the preview worker: CSV streamed (decoded and parsed as it
 * arrives), Excel read at once. Hands over the headers, then the rows in batches, to a sink that
 * validates them; the first batch is small so the first rows show at once.
 */
import { createDecoder, type Detection } from '../../parse/decode.ts';
import { sampleValues } from './sample-values.ts';
import { createCsvStream, type HeaderPick } from '../../parse/csv.ts';
import { readWorkbook, sniffFileKind, unsupportedFileError } from '../../parse/xlsx.ts';
import { LIMITS } from '../../limits.ts';
import { FILE_ERRORS } from '../../validate/file-messages.ts';
import type { SourceRow } from '../../types.ts';
import type { FromWorker } from './protocol.ts';

export const BATCH = 5_000;
const FIRST_BATCH = 200;

export interface RowSink {
  /** Rows handed over so far. */
  readonly taken: number;
  /** The file's headers, once, before any row. */
  begin(headers: string[]): void;
  take(batch: SourceRow[]): void;
  /** Resolves when the sink is ready for more (batches still being validated are bounded). */
  backpressure(): Promise<void>;
  post(message: FromWorker): void;
}

/**
 * Reads `file` into `sink` (`header` chooses the header row; `encoding`, a WHATWG name, reads a CSV
 * as that instead of detecting it); a file too large is reported (a 'failed' message), not thrown.
 */
export async function readFile(file: File, sheet: string | undefined, sink: RowSink, header?: HeaderPick, encoding?: string): Promise<void> {
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const kind = sniffFileKind(head, file.name);
  if (kind === 'xlsx' || kind === 'xls') await readExcel(file, sheet, sink, header);
  else if (kind === 'csv') await readCsv(file, sink, header, encoding);
  else throw unsupportedFileError(head, file.name);
}

async function readCsv(file: File, sink: RowSink, header?: HeaderPick, encoding?: string): Promise<void> {
  if (file.size > LIMITS.maxCsvBytes) {
    sink.post({ type: 'failed', error: FILE_ERRORS.tooLarge(LIMITS.maxCsvBytes) });
    return;
  }
  const decoder = createDecoder({ encoding });
  const csv = createCsvStream({ header });
  const told = createEncodingTeller(sink);
  const reader = file.stream().getReader();
  let bytesRead = 0;
  let pending: SourceRow[] = [];
  let lastProgress = 0;
  let begun = false;
  const flush = (force: boolean) => {
    if (csv.headers && !begun) {
      begun = true;
      sink.begin(csv.headers);
    }
    const limit = sink.taken === 0 ? FIRST_BATCH : BATCH;
    if (pending.length >= limit || (force && pending.length)) {
      sink.take(pending);
      pending = [];
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.byteLength;
    const text = decoder.push(value);
    if (text) for (const r of csv.push(text)) pending.push(r);
    told(decoder.detection, pending);
    flush(sink.taken === 0);
    await sink.backpressure();
    const now = performance.now();
    if (now - lastProgress > 100) {
      lastProgress = now;
      sink.post({ type: 'progress', bytesRead, totalBytes: file.size, rowsRead: sink.taken + pending.length });
    }
  }
  const tail = decoder.end();
  if (tail) for (const r of csv.push(tail)) pending.push(r);
  for (const r of csv.end()) pending.push(r);
  told(decoder.detection, pending);
  flush(true);
}

/**
 * Tells the wizard how the file is read, with a few values as read, before the rows it shows are
 * handed over, and again when the choice changes (a file whose first 64 KB are plain ASCII).
 */
function createEncodingTeller(sink: RowSink) {
  let said: Detection | null = null;
  return (detection: Detection | null, rows: SourceRow[]) => {
    if (!detection || (said && said.encoding === detection.encoding && said.source === detection.source)) return;
    if (!rows.length && !said) return;
    said = detection;
    sink.post({ type: 'encoding', detection, samples: sampleValues(rows) });
  };
}

async function readExcel(file: File, sheet: string | undefined, sink: RowSink, header?: HeaderPick): Promise<void> {
  if (file.size > LIMITS.maxExcelBytesBrowser) {
    sink.post({ type: 'failed', error: FILE_ERRORS.tooLarge(LIMITS.maxExcelBytesBrowser, { workbook: true }) });
    return;
  }
  const wb = readWorkbook(new Uint8Array(await file.arrayBuffer()), { sheet, header });
  sink.post({ type: 'sheets', sheetNames: wb.sheetNames, sheet: wb.sheet });
  sink.begin(wb.headers);
  for (let i = 0; i < wb.rows.length; i += i === 0 ? FIRST_BATCH : BATCH) {
    sink.take(wb.rows.slice(i, i + (i === 0 ? FIRST_BATCH : BATCH)));
    await sink.backpressure();
  }
}
