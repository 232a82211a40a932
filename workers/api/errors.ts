/** The API's error shape `{"error": {"code", "message"}}` and the exception that carries it. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Refusal } from '../refusal.ts';

export class ApiError extends Refusal {
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
