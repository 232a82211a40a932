/**
 * The checks every raw-file upload route (headless imports, list imports) makes before it reads a
 * byte: the body declares itself a file, its declared size is within the largest upload, there is
 * a body, and the route's rate limit. What the file is comes later, from its content (intake.ts).
 */
import type { Env } from '../env.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import { FileReadError } from '../../src/lib/parse/errors.ts';
import { FILE_ERRORS } from '../../src/lib/validate/file-messages.ts';
import { fileTooLarge } from './upload-kind.ts';

/**
 * Content types a CSV or workbook arrives with (clients often send none, or octet-stream). Which
 * one a client sends never decides how the file is read; a type outside these (JSON, a form) is
 * not a file upload at all.
 */
const FILE_TYPES = new Set([
  'text/csv',
  'text/plain',
  'application/csv',
  'text/tab-separated-values',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/octet-stream',
]);

export function isFileType(contentType: string | null | undefined): boolean {
  const type = contentType?.split(';')[0]!.trim().toLowerCase();
  return !type || FILE_TYPES.has(type);
}

export interface AdmittedUpload {
  body: ReadableStream<Uint8Array>;
  /** The declared Content-Length, when there is one: a workbook declared past its limit is refused before it is read. */
  declaredBytes?: number;
}

/** Refuses what is not an upload to take in, then spends one of the route's rate-limit units (`limit`). */
export async function admitUpload(
  env: Env,
  workspaceId: string,
  request: Request,
  limit: (env: Env, workspaceId: string) => Promise<void>,
): Promise<AdmittedUpload> {
  const type = request.headers.get('content-type');
  if (!isFileType(type)) {
    throw new FileReadError(FILE_ERRORS.unsupportedType(type!));
  }
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > LIMITS.maxCsvBytes) throw fileTooLarge('csv', declared);
  if (declared === 0 || !request.body) throw new FileReadError(FILE_ERRORS.noFile());
  await limit(env, workspaceId);
  return { body: request.body, declaredBytes: Number.isFinite(declared) ? declared : undefined };
}
