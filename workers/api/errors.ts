/** The API's error shape `{"error": {"code", "message"}}` and the exception that carries it. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'NOT_FOUND', `${what} not found.`);

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Turns any thrown value into a JSON error; unknown errors are logged without user data and answered 500. */
export function handleError(err: unknown, c: Context) {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.details), err.status, err.headers);
  if (err instanceof HTTPException && err.status < 500) {
    const message = /json/i.test(err.message) ? 'The request body is not valid JSON.' : err.message || 'The request is malformed.';
    return c.json(errorBody('VALIDATION_FAILED', message), err.status as ContentfulStatusCode);
  }
  const name = err instanceof Error ? err.name : typeof err;
  console.error(`unhandled error on ${c.req.method} ${new URL(c.req.url).pathname}: ${name}`);
  return c.json(errorBody('INTERNAL', 'Something went wrong on our side. Please try again.'), 500);
}
