/**
 * The one place thrown values become HTTP answers: the API's own errors as they are, the domain's
 * refusals and the readers' file errors with the status of their code (the table below), a store
 * that failed 503 with Retry-After, a platform error workerd marks retryable 503 too, anything else
 * 500 without user data (a platform error's own message, which names the operation, is logged).
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError, errorBody } from './errors.ts';
import { isFileReadError } from '../../src/lib/parse/errors.ts';
import { Refusal, UNAVAILABLE_RETRY_AFTER_SECONDS, type RefusalCode } from '../refusal.ts';
import { ImportUnavailableError } from '../import/errors.ts';
import { platformCause } from './platform-error.ts';

export { UNAVAILABLE_RETRY_AFTER_SECONDS };

/** Every code the domain and the readers refuse with, and its HTTP status. */
export const REFUSAL_STATUS: Record<RefusalCode, ContentfulStatusCode> = {
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  UPLOAD_INCOMPLETE: 400,
  RATE_LIMITED: 429,
  NOTIFY_EMAIL_NOT_ALLOWED: 422,
  STORAGE_QUOTA_EXCEEDED: 507,
  STORAGE_UNAVAILABLE: 503,
  IMPORT_RUNNING: 409,
  IMPORT_FINISHED: 409,
  REPORT_NOT_READY: 404,
  WEBHOOK_URL_NOT_ALLOWED: 422,
  WEBHOOK_LIMIT: 409,
  WEBHOOK_DISABLED: 409,
  DELIVERY_IN_FLIGHT: 409,
  IMPORT_STARTED: 409,
  CHUNK_ROWS_OVERLAP: 409,
  UNDO_EXPIRED: 410,
  UNDO_RUNNING: 409,
  REPORT_EXPIRED: 410,
  WORKSPACE_MOVING: 503,
  MOVE_IN_PROGRESS: 409,
  SHARD_UNKNOWN: 422,
  MOVE_VERIFY_FAILED: 500,
  // The suppression list's (workers/suppression/refusals.ts).
  PROCESSING_FAILED: 503,
  SUPPRESSION_SOURCE_STALE: 409,
  SUPPRESSION_SOURCES_LIMIT: 422,
  // Authentication and authorisation (workers/auth/refusal.ts).
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  CODE_INVALID: 401,
  CODE_EXPIRED: 401,
  CODE_EXHAUSTED: 401,
  INVITATION_EXPIRED: 403,
  NO_WORKSPACE: 403,
  LAST_OWNER: 409,
  ALREADY_MEMBER: 409,
  NOT_A_SESSION: 400,
  EMAIL_NOT_SENT: 503,
  AUTH_NOT_CONFIGURED: 500,
  LINK_INVALID: 403,
  LINK_EXPIRED: 403,
  LINK_SIGNING_KEY_MISSING: 500,
  FILE_UNSUPPORTED: 415,
  FILE_CORRUPT: 422,
  FILE_EMPTY: 422,
  FILE_TOO_LARGE: 413,
  NO_PHONE_COLUMN: 422,
  DUPLICATE_COLUMN: 422,
  TOO_MANY_COLUMNS: 422,
  TOO_MANY_ROWS: 413,
};

const retryAfter = (seconds: number | undefined) => (seconds === undefined ? undefined : { 'Retry-After': String(seconds) });

/** The domain's errors as the API answers them; null for anything the domain did not mean to throw. */
export function toApiError(err: unknown): ApiError | null {
  if (err instanceof ApiError) return err;
  if (isFileReadError(err)) return new ApiError(REFUSAL_STATUS[err.code], err.code, err.message, err.details);
  if (err instanceof Refusal) return new ApiError(REFUSAL_STATUS[err.code], err.code, err.message, err.details, retryAfter(err.retryAfterSeconds));
  if (err instanceof ImportUnavailableError) {
    return new ApiError(503, 'SERVICE_UNAVAILABLE', err.message, err.importId ? { importId: err.importId } : undefined, retryAfter(UNAVAILABLE_RETRY_AFTER_SECONDS));
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
  const platform = platformCause(err);
  const where = `${c.req.method} ${new URL(c.req.url).pathname}`;
  if (platform) {
    console.error(`platform error on ${where}: ${name}: ${platform.message}${platform.flags.length ? ` [${platform.flags.join(', ')}]` : ''}`);
    // The platform says another try may succeed: the client is told so, as for a store that failed.
    if (platform.retryable) return c.json(errorBody('SERVICE_UNAVAILABLE', 'The service is busy just now; try again in a few seconds.'), 503, retryAfter(UNAVAILABLE_RETRY_AFTER_SECONDS));
  } else console.error(`unhandled error on ${where}: ${name}`);
  return c.json(errorBody('INTERNAL', 'Something went wrong on our side. Please try again.'), 500);
}
