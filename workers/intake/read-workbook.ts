/**
 * A workbook upload read by the workbook reader Worker (workers/workbook-reader) through the
 * WORKBOOK_READER service binding: the body is streamed to it, its frames come back as the header
 * and chunk-sized batches of rows. Nothing of SheetJS runs in this isolate. A reader that fails,
 * crashes or stays silent past the deadline is a workbook that could not be read (FILE_CORRUPT).
 */
import { envNumber, type Env } from '../env.ts';
import { FileReadError } from '../../src/lib/parse/errors.ts';
import { FILE_ERRORS } from '../../src/lib/validate/file-messages.ts';
import type { SourceRow } from '../../src/lib/types.ts';
import { FrameReader, type WorkbookFrame, type WorkbookRequest } from './workbook-frames.ts';
import type { UploadReader } from './upload-reader.ts';


const unreadable = () => new FileReadError(FILE_ERRORS.workbookReaderFailed());

/** The reader's failure (a crash, a broken stream) as the file's: logged by name only, answered FILE_CORRUPT. */
function readerFailed(err: unknown): FileReadError {
  if (err instanceof FileReadError) return err;
  console.warn(JSON.stringify({ event: 'workbook_reader_failed', error: err instanceof Error ? err.name : typeof err }));
  return unreadable();
}

export async function readWorkbookUpload(env: Env, body: ReadableStream<Uint8Array>, request: WorkbookRequest): Promise<UploadReader> {
  const timeoutMs = envNumber(env, 'WORKBOOK_READ_TIMEOUT_MS');
  /** `work` within the deadline (counted while the API waits for the reader, not while it stores rows). */
  const waitFor = async <T>(work: Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(unreadable()), timeoutMs)));
    try {
      return await Promise.race([work, deadline]);
    } catch (err) {
      throw readerFailed(err);
    } finally {
      clearTimeout(timer);
    }
  };

  const frames = new FrameReader(await waitFor(Promise.resolve(env.WORKBOOK_READER.read(body, request))));
  /** The next frame; a file error the reader sent is thrown as it is. */
  const next = async (): Promise<WorkbookFrame | null> => {
    const frame = await waitFor(frames.next());
    if (frame?.t === 'error') throw new FileReadError({ code: frame.code, message: frame.message });
    return frame;
  };

  let head: WorkbookFrame | null;
  try {
    head = await next();
    if (head?.t !== 'head') throw unreadable();
  } catch (err) {
    await frames.cancel();
    throw err;
  }
  async function* rows(): AsyncGenerator<SourceRow[]> {
    try {
      for (let frame = await next(); frame; frame = await next()) {
        if (frame.t !== 'rows') throw unreadable();
        yield frame.rows;
      }
    } finally {
      await frames.cancel();
    }
  }
  // A workbook's text is never a guess: BIFF8 and .xlsx store Unicode, Excel 95 names its code page (read by the reader).
  return { headers: head.headers, sheet: head.sheet, header: head.header, rows: rows(), detection: () => null };
}
