/**
 * What an unexpected error says of the platform call that failed, for the log: workerd marks its
 * own failures of a Durable Object or a connection `retryable` or `overloaded`, and D1, R2 and the
 * runtime write fixed prefixes. Those messages name the operation, never the request's data, so
 * they may be logged; anything else is logged by its name alone (handle-error.ts). `remote` alone
 * does not count: it marks any error a Durable Object threw, our own code's messages included.
 */
const PLATFORM_MESSAGE = /^(?:D1_[A-Z_]+:|Durable Object |Network connection lost|internal error|R2 |Storage |Cannot resolve Durable Object)/;
const MAX_LOGGED = 200;

export interface PlatformCause {
  /** The platform's message, cut to 200 characters. */
  message: string;
  /** workerd says trying again may succeed (a reset, an overloaded or lost connection). */
  retryable: boolean;
  /** The flags workerd set on it, for the log: "retryable", "overloaded", "remote". */
  flags: string[];
}

/** The platform's account of `err`, or null when it is not one of the platform's errors. */
export function platformCause(err: unknown): PlatformCause | null {
  if (!(err instanceof Error)) return null;
  const marks = err as Error & { retryable?: unknown; overloaded?: unknown; remote?: unknown };
  const retryable = marks.retryable === true || marks.overloaded === true;
  if (!retryable && !PLATFORM_MESSAGE.test(err.message)) return null;
  const flags = (['retryable', 'overloaded', 'remote'] as const).filter((k) => marks[k] === true);
  return { message: err.message.slice(0, MAX_LOGGED), retryable, flags };
}
