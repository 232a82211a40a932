/**
 * The webhooks as a consumer of the outbox: an event becomes one delivery per enabled endpoint of
 * its workspace subscribed to its type (unique per endpoint and event, so a redelivered event adds
 * none), each created with its first attempt claimed, and that attempt is made at once. The body
 * is fixed here, so every retry sends the same bytes under the same webhook-id (the event's id).
 * A crash before an attempt is recorded leaves it claimed: its lease runs out and the minute sweep
 * queues it again.
 */
import type { Env } from '../env.ts';
import { newId } from '../db/ids.ts';
import type { OutboxEvent } from '../lifecycle/outbox.ts';
import type { EndpointRow } from './endpoints.ts';
import type { DeliveryRow } from './deliveries.ts';
import { ATTEMPT_LEASE_MS, postAndRecord } from './attempt-delivery.ts';

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
    'SELECT * FROM webhook_endpoints WHERE workspace_id = ?1 AND enabled = 1 AND EXISTS (SELECT 1 FROM json_each(events) WHERE value = ?2)',
  )
    .bind(event.workspace_id, event.type)
    .all<EndpointRow>();
  const at = new Date(now).toISOString();
  const fanned = env.DB.prepare('UPDATE outbox_events SET webhooks_fanned_at = ?2 WHERE id = ?1').bind(event.id, at);
  if (!endpoints.length) {
    await fanned.run();
    return;
  }
  const body = eventBody(event.type, event.created_at, event.data);
  const lease = new Date(now + ATTEMPT_LEASE_MS).toISOString();
  // Each delivery with attempt 1 claimed; RETURNING gives only the ones this message created.
  const results = await env.DB.batch([
    ...endpoints.map((e) =>
      env.DB.prepare(
        `INSERT INTO webhook_deliveries (id, endpoint_id, workspace_id, event_id, event_type, body, status, attempt, lease_until, last_attempt_at, next_attempt_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', 1, ?7, ?8, ?8, ?8) ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING *`,
      ).bind(newId('dlv'), e.id, event.workspace_id, event.id, event.type, body, lease, at),
    ),
    fanned,
  ]);
  await Promise.all(
    endpoints.map((e, i) => {
      const created = (results[i]!.results as DeliveryRow[])[0];
      return created ? postAndRecord(env, created, e, now) : undefined;
    }),
  );
}
