/**
 * The webhooks as a consumer of the outbox: an event becomes one delivery per enabled endpoint of
 * its workspace subscribed to its type (unique per endpoint and event, so a redelivered event adds
 * none), and each delivery's first attempt is queued. The body is fixed here, so every retry sends
 * the same bytes under the same webhook-id (the event's id).
 */
import type { Env } from '../env.ts';
import { newId } from '../db/ids.ts';
import type { OutboxEvent } from '../lifecycle/outbox.ts';
import { sendWithRetry } from '../queue/send.ts';
import { webhookMessage } from '../queue/messages.ts';

/** A body past this is never sent (the specification's advice; ours are a few hundred bytes). */
export const MAX_BODY_BYTES = 20 * 1024;

/** `{type, timestamp, data}` with `data` as stored (JSON text), so the bytes never change. */
export function eventBody(type: string, timestamp: string, dataJson: string): string {
  const body = `{"type":${JSON.stringify(type)},"timestamp":${JSON.stringify(timestamp)},"data":${dataJson}}`;
  if (new TextEncoder().encode(body).length > MAX_BODY_BYTES) throw new Error(`webhook body of ${type} is over ${MAX_BODY_BYTES} bytes`);
  return body;
}

/** Creates the event's deliveries and queues their first attempts (idempotent). */
export async function fanOutEvent(env: Env, event: OutboxEvent, now = Date.now()): Promise<void> {
  if (event.webhooks_fanned_at) return;
  const { results: endpoints } = await env.DB.prepare(
    'SELECT id FROM webhook_endpoints WHERE workspace_id = ?1 AND enabled = 1 AND EXISTS (SELECT 1 FROM json_each(events) WHERE value = ?2)',
  )
    .bind(event.workspace_id, event.type)
    .all<{ id: string }>();
  if (endpoints.length) {
    const body = eventBody(event.type, event.created_at, event.data);
    const at = new Date(now).toISOString();
    await env.DB.batch(
      endpoints.map((e) =>
        env.DB.prepare(
          `INSERT INTO webhook_deliveries (id, endpoint_id, workspace_id, event_id, event_type, body, status, attempt, next_attempt_at, created_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', 0, ?7, ?7) ON CONFLICT (endpoint_id, event_id) DO NOTHING`,
        ).bind(newId('dlv'), e.id, event.workspace_id, event.id, event.type, body, at),
      ),
    );
    await queueFirstAttempts(env, event.workspace_id, event.id);
  }
  await env.DB.prepare('UPDATE outbox_events SET webhooks_fanned_at = ?2 WHERE id = ?1').bind(event.id, new Date(now).toISOString()).run();
}

/** Queues attempt 1 of the event's deliveries not yet tried (a duplicate message finds the attempt claimed and does nothing). */
async function queueFirstAttempts(env: Env, workspaceId: string, eventId: string): Promise<void> {
  const { results } = await env.DB.prepare("SELECT id FROM webhook_deliveries WHERE event_id = ?1 AND status = 'pending' AND attempt = 0")
    .bind(eventId)
    .all<{ id: string }>();
  await sendWithRetry(env.IMPORT_QUEUE, results.map((d) => webhookMessage(workspaceId, d.id, 0)));
}
