/**
 * Retention of the webhook delivery log and the outbox: deliveries (with their attempts) created
 * more than WEBHOOK_LOG_RETENTION_DAYS (default 30) ago and no longer pending, and outbox events
 * that old, are deleted, in bounded statements; the hourly run goes on where it stopped.
 */
import { envNumber, type Env } from '../env.ts';

const DAY_MS = 86_400_000;
const BATCH = 1_000;
const MAX_BATCHES = 20;

export function webhookLogRetentionDays(env: Env): number {
  return envNumber(env, 'WEBHOOK_LOG_RETENTION_DAYS');
}

/** Returns the deliveries and events deleted. */
export async function pruneWebhookLog(env: Env, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - webhookLogRetentionDays(env) * DAY_MS).toISOString();
  let deleted = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const [, deliveries] = await env.DB.batch([
      env.DB.prepare(
        `DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE created_at < ?1 AND status <> 'pending' ORDER BY created_at LIMIT ?2)`,
      ).bind(cutoff, BATCH),
      env.DB.prepare(`DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries WHERE created_at < ?1 AND status <> 'pending' ORDER BY created_at LIMIT ?2)`).bind(cutoff, BATCH),
    ]);
    const n = deliveries!.meta.changes ?? 0;
    deleted += n;
    if (n < BATCH) break;
  }
  for (let i = 0; i < MAX_BATCHES; i++) {
    const events = await env.DB.prepare('DELETE FROM outbox_events WHERE id IN (SELECT id FROM outbox_events WHERE created_at < ?1 ORDER BY created_at LIMIT ?2)').bind(cutoff, BATCH).run();
    const n = events.meta.changes ?? 0;
    deleted += n;
    if (n < BATCH) break;
  }
  return deleted;
}
