/**
 * The one place thrown values become HTTP answers: the API's own errors as they are, the domain's
 * errors mapped to their status (a file's fault 4xx, a store that failed 503 with Retry-After),
 * anything else 500 without user data.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError, errorBody } from './errors.ts';
import { fileError } from './file-errors.ts';
import { isFileReadError } from '../../src/lib/parse/errors.ts';
import { UploadRefusedError, type UploadRefusalCode } from '../chunk/errors.ts';
import { ImportUnavailableError } from '../import/errors.ts';
import { AuthRefusal, AUTH_REFUSAL_STATUS } from '../auth/refusal.ts';
import { DomainRefusal, type DomainRefusalCode } from '../domain-refusal.ts';

/** Seconds a client is asked to wait before retrying after a store failed. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 30;

const UPLOAD_REFUSAL_STATUS: Record<UploadRefusalCode, ContentfulStatusCode> = {
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  UPLOAD_INCOMPLETE: 400,
};

/** The status of each coded refusal services throw (workers/domain-refusal.ts). */
const DOMAIN_REFUSAL_STATUS: Record<DomainRefusalCode, ContentfulStatusCode> = {
  NOT_FOUND: 404,
  IMPORT_FINISHED: 409,
  REPORT_NOT_READY: 404,
  REPORT_EXPIRED: 410,
  WEBHOOK_URL_NOT_ALLOWED: 422,
};

/** The domain's errors as the API answers them; null for anything the domain did not mean to throw. */
export function toApiError(err: unknown): ApiError | null {
  if (err instanceof ApiError) return err;
  if (isFileReadError(err)) return fileError(err.code, err.message, err.details);
  if (err instanceof AuthRefusal) return new ApiError(AUTH_REFUSAL_STATUS[err.code], err.code, err.message, err.details);
  if (err instanceof DomainRefusal) return new ApiError(DOMAIN_REFUSAL_STATUS[err.code], err.code, err.message);
  if (err instanceof UploadRefusedError) return new ApiError(UPLOAD_REFUSAL_STATUS[err.code], err.code, err.message);
  if (err instanceof ImportUnavailableError) {
    return new ApiError(503, 'SERVICE_UNAVAILABLE', err.message, err.importId ? { importId: err.importId } : undefined, {
      'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
    });
  }
  return null;
}

/** Turns any thrown value into a JSON error; unknown errors are logged without user data and answered 500. */
export function handleError(err: unknown, c: Context) {
  const known = toApiError(err);
  if (err instanceof ImportUnavailableError) {
    const cause = err.cause instanceof Error ? err.cause.name : typeof err.cause;
    console.error(`store failure during an import on ${c.req.method} ${new URL(c.req.url).pathname}: ${cause}`);
  }
  if (known) return c.json(errorBody(known.code, known.message, known.details), known.status, known.headers);
  if (err instanceof HTTPException && err.status < 500) {
    const message = /json/i.test(err.message) ? 'The request body is not valid JSON.' : err.message || 'The request is malformed.';
    return c.json(errorBody('VALIDATION_FAILED', message), err.status as ContentfulStatusCode);
  }
  const name = err instanceof Error ? err.name : typeof err;
  console.error(`unhandled error on ${c.req.method} ${new URL(c.req.url).pathname}: ${name}`);
  return c.json(errorBody('INTERNAL', 'Something went wrong on our side. Please try again.'), 500);
}
