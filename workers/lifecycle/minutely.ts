/**
 * The minute cron: the outbox relay (events never handed to the queue) and the webhook sweep
 * (attempts whose queue message was lost). Each on its own, so one failing does not stop the other.
 */
import type { Env } from '../env.ts';
import { relayEvents } from './outbox.ts';
import { sweepDeliveries } from '../webhooks/sweep.ts';

/** The cron expression that runs it (wrangler.toml); the other one runs retention. */
export const MINUTE_CRON = '* * * * *';

export async function runMinutely(env: Env, now = Date.now()): Promise<{ events: number; deliveries: number }> {
  const [events, deliveries] = await Promise.allSettled([relayEvents(env, now), sweepDeliveries(env, now)]);
  if (events.status === 'rejected' || deliveries.status === 'rejected') throw new Error('the outbox relay or the webhook sweep failed; the next minute tries again');
  return { events: events.value, deliveries: deliveries.value };
}
