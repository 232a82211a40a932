/**
 * An outbox event's two consumers, run by its queue message: the completion email (when the import
 * named an address and ended) and the webhooks (a delivery per subscribed endpoint). Each records
 * in D1 what it did, so a redelivered message does neither twice.
 */
import type { Env } from '../env.ts';
import { readEvent } from './outbox.ts';
import { emailEvent } from '../notify/email-event.ts';
import { fanOutEvent } from '../webhooks/fan-out.ts';

export async function consumeEvent(env: Env, eventId: string, now = Date.now()): Promise<void> {
  const event = await readEvent(env, eventId);
  // Retention deleted it (long consumed).
  if (!event) return;
  await emailEvent(env, event, now);
  await fanOutEvent(env, event, now);
}
