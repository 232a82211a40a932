/** The kinds an uploaded file can be (decided from its content, sniff-upload.ts), and the most each may weigh. */
import { LIMITS } from '../../src/lib/limits.ts';
import { FileReadError } from '../../src/lib/parse/errors.ts';
import { FILE_ERRORS } from '../../src/lib/validate/file-messages.ts';

export type UploadKind = 'csv' | 'xlsx' | 'xls';

/** Bytes a file of this kind may have: CSV is streamed, a workbook is read whole by the workbook reader. */
export function sizeLimit(kind: UploadKind): number {
  return kind === 'csv' ? LIMITS.maxCsvBytes : LIMITS.maxExcelBytesServer;
}

/** FILE_TOO_LARGE for a file of `kind` past its limit; `size` when it is known (a declared Content-Length). */
export function fileTooLarge(kind: UploadKind, size?: number): FileReadError {
  const workbook = kind !== 'csv';
  return new FileReadError(FILE_ERRORS.tooLarge(sizeLimit(kind), { size, workbook, what: workbook ? 'The workbook' : 'The file' }));
}
