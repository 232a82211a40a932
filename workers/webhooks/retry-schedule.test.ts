import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, RETRY_DELAYS_S, parseRetryAfter, retryDelaySeconds } from './retry-schedule.ts';

describe('webhook retry schedule', () => {
  it('retries after about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then gives up (eight attempts)', () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => retryDelaySeconds(a, 0.5))).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(retryDelaySeconds(8, 0.5)).toBeNull();
  });

  it('jitters each delay by at most 10% either way', () => {
    RETRY_DELAYS_S.forEach((base, i) => {
      expect(retryDelaySeconds(i + 1, 0)).toBe(Math.max(1, Math.round(base * 0.9)));
      const high = retryDelaySeconds(i + 1, 0.999999)!;
      expect(high).toBeLessThanOrEqual(Math.round(base * 1.1));
      expect(high).toBeGreaterThan(base * 1.09 - 1);
    });
  });

  it('honours Retry-After (never sooner than asked), within the 12 hours a queue message may wait', () => {
    expect(retryDelaySeconds(1, 0.5, 120)).toBe(120);
    expect(retryDelaySeconds(3, 0.5, 10)).toBe(1800);
    expect(retryDelaySeconds(1, 0.5, 10 ** 9)).toBe(43_200);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Mon, 07 Dec 2026 10:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter('Mon, 07 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('9'.repeat(100_000), now)).toBeNull();
  });
});
