/**
 * The API's error shape `{"error": {"code", "message"}}` and the exception the HTTP layer (routes,
 * middleware, workers/api only) throws with its status. Domain code throws a Refusal instead
 * (workers/refusal.ts), and handle-error.ts gives its code a status.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
  override readonly name = 'ApiError';

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
