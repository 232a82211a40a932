/** The one error type the file readers throw: a file-level code of the public API and a plain-English message for the user. */
import type { FileErrorCode } from '../codes.ts';
import type { FileError } from '../types.ts';

export class FileReadError extends Error {
  readonly code: FileErrorCode;
  /** What the API adds to the error (e.g. every file-level problem of a mapping, or the import it ended). */
  readonly details?: unknown;

  constructor(code: FileErrorCode, message: string, details?: unknown) {
    super(message);
    if (details !== undefined) this.details = details;
    this.name = 'FileReadError';
    this.code = code;
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

/** "1,048,576" — numbers in messages are read by people. */
export function formatCount(n: number): string {
  const text = String(Math.round(n));
  const start = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (!/^\d+$/.test(text.slice(start))) return text; // NaN, Infinity, 1e+21
  // A loop, not /\B(?=(\d{3})+(?!\d))/g, whose lookahead rescans the rest at every digit.
  let out = text.slice(0, start);
  for (let i = start; i < text.length; i++) {
    if (i > start && (text.length - i) % 3 === 0) out += ',';
    out += text[i];
  }
  return out;
}

/** "256 MB" / "1.5 MB" / "900 KB" for byte counts in messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) {
    const mb = n / (1024 * 1024);
    return `${mb >= 10 ? formatCount(Math.round(mb)) : mb.toFixed(1).replace(/\.0$/, '')} MB`;
  }
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
