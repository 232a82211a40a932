/**
 * The one error type the file readers throw: a file-level code of the public API and a plain-English
 * message for the user, both from the catalogue (`FILE_ERRORS` in src/lib/validate/file-messages.ts).
 */
import type { FileErrorCode } from '../codes.ts';
import type { FileError } from '../types.ts';
import { FILE_ERRORS } from '../validate/file-messages.ts';

export class FileReadError extends Error {
  readonly code: FileErrorCode;
  /** What the API adds to the error (e.g. every file-level problem of a mapping, or the import it ended). */
  readonly details?: unknown;

  constructor(error: FileError, details?: unknown) {
    super(error.message);
    if (details !== undefined) this.details = details;
    this.name = 'FileReadError';
    this.code = error.code;
  }

  /** The `{code, message}` the API and the UI show (never a stack trace). */
  toJSON(): FileError {
    return { code: this.code, message: this.message };
  }
}

/** True for a FileReadError, also across realms or bundles where `instanceof` may fail. */
export function isFileReadError(e: unknown): e is FileReadError {
  return (
    e instanceof FileReadError ||
    (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'FileReadError' && typeof (e as { code?: unknown }).code === 'string')
  );
}

/** What a reader's failure tells the user: a FileReadError as it is, anything else (a parser's own crash) an unreadable file. */
export function asFileReadError(err: unknown, details?: unknown): FileReadError {
  if (isFileReadError(err)) return details === undefined ? err : new FileReadError(err, details);
  return new FileReadError(FILE_ERRORS.unreadable(), details);
}
