/** The kinds an uploaded file can be (decided from its content, sniff-upload.ts), and the most each may weigh. */
import { LIMITS } from '../../src/lib/limits.ts';
import { FileReadError, formatBytes } from '../../src/lib/parse/errors.ts';

export type UploadKind = 'csv' | 'xlsx' | 'xls';

/** Bytes a file of this kind may have: CSV is streamed, a workbook is read whole by the workbook reader. */
export function sizeLimit(kind: UploadKind): number {
  return kind === 'csv' ? LIMITS.maxCsvBytes : LIMITS.maxExcelBytesServer;
}

/** FILE_TOO_LARGE for a file of `kind` past its limit; `size` when it is known (a declared Content-Length). */
export function fileTooLarge(kind: UploadKind, size?: number): FileReadError {
  const limit = formatBytes(sizeLimit(kind));
  const upload = kind === 'csv' ? 'a CSV upload' : 'an Excel upload';
  const what = kind === 'csv' ? 'The file' : 'The workbook';
  const hint = kind === 'csv' ? '' : ' Save it as CSV to upload a larger file.';
  const text = size === undefined ? `${what} is larger than ${limit}, the most ${upload} accepts.` : `${what} is ${formatBytes(size)}; the most ${upload} accepts is ${limit}.`;
  return new FileReadError('FILE_TOO_LARGE', text + hint);
}
