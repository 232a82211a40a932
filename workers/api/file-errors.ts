/** Maps a file-level error from the readers to an HTTP answer with its public code. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from './errors.ts';
import { isFileReadError } from '../../src/lib/parse/errors.ts';
import type { FileErrorCode } from '../../src/lib/codes.ts';

const STATUS: Record<FileErrorCode, ContentfulStatusCode> = {
  FILE_UNSUPPORTED: 415,
  FILE_CORRUPT: 422,
  FILE_EMPTY: 422,
  FILE_TOO_LARGE: 413,
  NO_PHONE_COLUMN: 422,
  DUPLICATE_COLUMN: 422,
  TOO_MANY_COLUMNS: 422,
  TOO_MANY_ROWS: 413,
};

export function fileError(code: FileErrorCode, message: string, details?: unknown): ApiError {
  return new ApiError(STATUS[code], code, message, details);
}

/** A FileReadError becomes its ApiError; anything else thrown by a parser is a corrupt file, never a stack trace. */
export function toFileApiError(err: unknown, details?: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isFileReadError(err)) return fileError(err.code, err.message, details);
  return fileError('FILE_CORRUPT', 'The file could not be read. It may be damaged or not the type its name says; save it again as .csv or .xlsx and retry.', details);
}
