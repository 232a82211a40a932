/**
 * A workbook read into frames (workers/intake/workbook-frames.ts), in the workbook reader Worker:
 * the bytes taken within the Excel upload limit, then SheetJS behind the parser's own guards (zip
 * sizes measured before anything is inflated, legacy .xls rebuilt), the rows cut into chunks by the
 * one chunk cutter. A file's error becomes an error frame; frames are produced as they are read.
 */
import { LIMITS } from '../../src/lib/limits.ts';
import { readWorkbook } from '../../src/lib/parse/xlsx.ts';
import { FileReadError, isFileReadError } from '../../src/lib/parse/errors.ts';
import { FILE_ERRORS } from '../../src/lib/validate/file-messages.ts';
import { headerPick, type HeaderRowChoice } from '../../src/lib/map/header-row.ts';
import { createRowCutter, cutRows } from '../../src/lib/chunk/cut.ts';
import { encodeFrame, type WorkbookFrame, type WorkbookRequest } from '../intake/workbook-frames.ts';
import { fileTooLarge } from '../intake/upload-kind.ts';

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
      await reader.cancel().catch(() => {});
      throw fileTooLarge('xlsx');
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

/** Whatever goes wrong while reading is the file's: its own error, or a damaged file the parser could not make sense of. */
function errorFrame(err: unknown): WorkbookFrame {
  const error = isFileReadError(err)
    ? err
    : new FileReadError(FILE_ERRORS.unreadable());
  return { t: 'error', code: error.code, message: error.message };
}

async function* frames(body: ReadableStream<Uint8Array>, request: WorkbookRequest): AsyncGenerator<WorkbookFrame> {
  const bytes = await readAll(body, LIMITS.maxExcelBytesServer);
  if (!bytes.length) throw new FileReadError(FILE_ERRORS.empty());
  let choice: HeaderRowChoice | null = null;
  const header = request.header && headerPick(request.header.assistant, { headerRow: request.header.headerRow, onChoice: (c) => (choice = c) });
  const book = readWorkbook(bytes, { sheet: request.sheet, maxUncompressedBytes: LIMITS.maxXlsxUncompressedBytesServer, header, maxRows: request.maxRows });
  yield { t: 'head', headers: book.headers, sheet: book.sheet, header: choice };
  for (const rows of cutRows(createRowCutter(request.budget), book.rows)) yield { t: 'rows', rows };
}

/** The frames as the byte stream RPC carries, one frame per pull (the API stores each batch before it asks for the next). */
export function workbookFramesOf(body: ReadableStream<Uint8Array>, request: WorkbookRequest): ReadableStream<Uint8Array> {
  const source = frames(body, request);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await source.next();
        if (next.done) controller.close();
        else controller.enqueue(encodeFrame(next.value));
      } catch (err) {
        controller.enqueue(encodeFrame(errorFrame(err)));
        controller.close();
      }
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}
