/**
 * The minute sweep: a webhook delivery due for an attempt (its next attempt time passed a minute
 * ago) whose queue message was lost (a crash after recording it, a broker restart that dropped a
 * delayed message, a dead-lettered attempt) is queued again. A duplicate of a message still on its
 * way finds the attempt claimed and posts nothing.
 */
import type { Env } from '../env.ts';
import { sendWithRetry } from '../queue/send.ts';
import { webhookMessage } from '../queue/messages.ts';

export const SWEEP_GRACE_MS = 60_000;

/** Queues the overdue attempts; returns how many. */
export async function sweepDeliveries(env: Env, now = Date.now(), limit = 500): Promise<number> {
  const due = new Date(now - SWEEP_GRACE_MS).toISOString();
  const { results } = await env.DB.prepare(
    `SELECT id, workspace_id, attempt FROM webhook_deliveries
     WHERE status = 'pending' AND next_attempt_at < ?1 AND (lease_until IS NULL OR lease_until < ?2)
     ORDER BY next_attempt_at LIMIT ?3`,
  )
    .bind(due, new Date(now).toISOString(), limit)
    .all<{ id: string; workspace_id: string; attempt: number }>();
  await sendWithRetry(env.EVENT_QUEUE, results.map((d) => webhookMessage(d.workspace_id, d.id, d.attempt)));
  return results.length;
}
