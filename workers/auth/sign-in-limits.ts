/**
 * Rate limits of sign-in, per address and per IP, in hour-long fixed windows of the `rate_limits`
 * table. A row's `window` is the last minute of its hour, so the minute-based pruning
 * (workers/limits/rate-limit.ts) deletes it only once the hour is over. Addresses are keyed by
 * their SHA-256: no address sits in the counters.
 */
import type { Env } from '../env.ts';
import { AuthRefusal } from './refusal.ts';
import { sha256Hex } from './hash.ts';

const HOUR_MINUTES = 60;

async function countInHour(env: Env, key: string, limit: number, message: string, now: number): Promise<void> {
  const minute = Math.floor(now / 60_000);
  const lastMinuteOfHour = (Math.floor(minute / HOUR_MINUTES) + 1) * HOUR_MINUTES - 1;
  const row = await env.DB.prepare(
    `INSERT INTO rate_limits (key, window, count) VALUES (?1, ?2, 1)
     ON CONFLICT (key, window) DO UPDATE SET count = count + 1 RETURNING count`,
  )
    .bind(key, lastMinuteOfHour)
    .first<{ count: number }>();
  if ((row?.count ?? 0) > limit) throw new AuthRefusal('RATE_LIMITED', message);
}

/** The client's IP as Cloudflare saw it ("unknown" locally without the header). */
export const clientIp = (request: Request) => request.headers.get('cf-connecting-ip') ?? 'unknown';

export async function limitCodeRequests(env: Env, email: string, ip: string, perAddress: number, perIp: number, now = Date.now()): Promise<void> {
  await countInHour(env, `signin-ip:${ip}`, perIp, 'Too many sign-in codes were asked for from this network. Try again within the hour.', now);
  await countInHour(env, `signin-address:${await sha256Hex(email)}`, perAddress, 'Too many sign-in codes were sent to this address. Use the last one, or try again within the hour.', now);
}

export async function limitCodeChecks(env: Env, ip: string, perIp: number, now = Date.now()): Promise<void> {
  await countInHour(env, `signin-check-ip:${ip}`, perIp, 'Too many sign-in attempts from this network. Try again within the hour.', now);
}
