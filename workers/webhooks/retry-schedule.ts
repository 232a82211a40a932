/**
 * When a failed webhook delivery is tried again (pure): after about 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h and 10 h (eight attempts in all, about 27.6 hours), each delay jittered by ±10% so endpoints
 * that failed together are not retried together; a Retry-After the endpoint sent is honoured (never
 * sooner than it asked). A queue message waits at most 12 hours, the bound of any delay.
 */

/** Seconds before attempt 2, 3, … 8. */
export const RETRY_DELAYS_S = [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_S.length + 1;
export const MAX_DELAY_S = 43_200;
const JITTER = 0.1;

/**
 * Seconds to wait after failed attempt `attempt` (1-based), or null when it was the last.
 * `random` in [0, 1) picks the jitter; `retryAfterS` is the endpoint's Retry-After, if any.
 */
export function retryDelaySeconds(attempt: number, random: number, retryAfterS: number | null = null): number | null {
  const base = RETRY_DELAYS_S[attempt - 1];
  if (base === undefined) return null;
  const jittered = Math.max(1, Math.round(base * (1 + JITTER * (2 * random - 1))));
  return Math.min(MAX_DELAY_S, Math.max(jittered, retryAfterS ?? 0));
}

/** A Retry-After header as seconds from `nowMs` (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text);
  if (text.length > 64) return null;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - nowMs) / 1000)) : null;
}
