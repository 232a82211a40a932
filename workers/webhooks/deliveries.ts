/**
 * An endpoint's delivery log: its deliveries newest first (each with its event, attempts made,
 * status, last answer and next attempt), one delivery with every attempt, a manual retry (same
 * webhook-id, same body), and a test event sent to that endpoint alone.
 */
import type { Env } from '../env.ts';
import { newId, nowIso } from '../db/ids.ts';
import { notFoundRefusal, Refusal } from '../refusal.ts';
import { webhookMessage } from '../queue/messages.ts';
import { WEBHOOK_TEST_EVENT } from '../../src/lib/schemas/webhooks.ts';
import { findEndpoint } from './endpoints.ts';
import { eventBody } from './fan-out.ts';

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  workspace_id: string;
  event_id: string;
  event_type: string;
  body: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempt: number;
  lease_until: string | null;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  response_status: number | null;
  created_at: string;
}

export interface AttemptRow {
  attempt: number;
  at: string;
  duration_ms: number;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
}

/** A delivery as the log lists it. */
export function toDelivery(d: DeliveryRow) {
  return {
    id: d.id,
    event: d.event_type,
    eventId: d.event_id,
    attempt: d.attempt,
    status: d.status,
    responseStatus: d.response_status,
    at: d.last_attempt_at ?? d.created_at,
    nextAttemptAt: d.status === 'pending' ? d.next_attempt_at : null,
    createdAt: d.created_at,
  };
}
export type Delivery = ReturnType<typeof toDelivery>;

/** Cursor of a page: the last item's creation time and id. */
const encodeCursor = (d: DeliveryRow) => btoa(`${d.created_at}|${d.id}`);
function decodeCursor(cursor: string): [string, string] {
  try {
    const [at, id] = atob(cursor).split('|');
    if (at && id) return [at, id];
  } catch {
    /* refused below */
  }
  throw new Refusal('NOT_FOUND', 'The cursor is not one this log gave.');
}

export async function listDeliveries(
  env: Env,
  workspaceId: string,
  endpointId: string,
  q: { limit: number; cursor?: string | undefined; status?: DeliveryRow['status'] | undefined },
): Promise<{ items: Delivery[]; nextCursor: string | null }> {
  await findEndpoint(env, workspaceId, endpointId);
  const [at, id] = q.cursor ? decodeCursor(q.cursor) : ['\uffff', ''];
  const { results } = await env.DB.prepare(
    `SELECT * FROM webhook_deliveries WHERE endpoint_id = ?1 AND workspace_id = ?2 AND (created_at < ?3 OR (created_at = ?3 AND id < ?4))
       AND (?5 IS NULL OR status = ?5)
     ORDER BY created_at DESC, id DESC LIMIT ?6`,
  )
    .bind(endpointId, workspaceId, at, id || '\uffff', q.status ?? null, q.limit + 1)
    .all<DeliveryRow>();
  const page = results.slice(0, q.limit);
  return { items: page.map(toDelivery), nextCursor: results.length > q.limit ? encodeCursor(page.at(-1)!) : null };
}

async function findDelivery(env: Env, workspaceId: string, endpointId: string, deliveryId: string): Promise<DeliveryRow> {
  const row = await env.DB.prepare('SELECT * FROM webhook_deliveries WHERE id = ?1 AND endpoint_id = ?2 AND workspace_id = ?3')
    .bind(deliveryId, endpointId, workspaceId)
    .first<DeliveryRow>();
  if (!row) throw notFoundRefusal('Delivery');
  return row;
}

/** One delivery with its body and every attempt (time, duration, answer status, ≤ 1 KB of the answer, or why there was none). */
export async function getDelivery(env: Env, workspaceId: string, endpointId: string, deliveryId: string) {
  const d = await findDelivery(env, workspaceId, endpointId, deliveryId);
  const { results } = await env.DB.prepare('SELECT * FROM webhook_attempts WHERE delivery_id = ?1 ORDER BY attempt').bind(d.id).all<AttemptRow>();
  return {
    ...toDelivery(d),
    body: d.body,
    attempts: results.map((a) => ({ attempt: a.attempt, at: a.at, durationMs: a.duration_ms, responseStatus: a.response_status, responseBody: a.response_body, error: a.error })),
  };
}

/** Tries a delivery again now, with the same webhook-id and body (the attempt count goes on). */
export async function retryDelivery(env: Env, workspaceId: string, endpointId: string, deliveryId: string, now = Date.now()): Promise<Delivery> {
  const endpoint = await findEndpoint(env, workspaceId, endpointId);
  if (!endpoint.enabled) throw new Refusal('WEBHOOK_DISABLED', 'The endpoint is disabled: enable it first (PATCH with {"enabled": true}), then retry.');
  const d = await findDelivery(env, workspaceId, endpointId, deliveryId);
  const at = new Date(now).toISOString();
  const queued = await env.DB.prepare(
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?2 WHERE id = ?1 AND (lease_until IS NULL OR lease_until < ?2) RETURNING *`,
  )
    .bind(d.id, at)
    .first<DeliveryRow>();
  if (!queued) throw new Refusal('DELIVERY_IN_FLIGHT', 'An attempt of this delivery is in flight; look again in a few seconds.');
  await env.EVENT_QUEUE.send(webhookMessage(workspaceId, d.id, queued.attempt));
  return toDelivery(queued);
}

/** Sends a `webhook.test` event to this endpoint only (signed like any other), and returns its delivery. */
export async function sendTestEvent(env: Env, workspaceId: string, endpointId: string): Promise<Delivery> {
  const endpoint = await findEndpoint(env, workspaceId, endpointId);
  if (!endpoint.enabled) throw new Refusal('WEBHOOK_DISABLED', 'The endpoint is disabled: enable it first (PATCH with {"enabled": true}).');
  const at = nowIso();
  const eventId = newId('msg');
  const body = eventBody(WEBHOOK_TEST_EVENT, at, JSON.stringify({ webhookId: endpoint.id, message: 'A test event from lead-import: your endpoint received and can verify it.' }));
  const row: DeliveryRow = {
    id: newId('dlv'),
    endpoint_id: endpoint.id,
    workspace_id: workspaceId,
    event_id: eventId,
    event_type: WEBHOOK_TEST_EVENT,
    body,
    status: 'pending',
    attempt: 0,
    lease_until: null,
    next_attempt_at: at,
    last_attempt_at: null,
    response_status: null,
    created_at: at,
  };
  await env.DB.prepare(
    `INSERT INTO webhook_deliveries (id, endpoint_id, workspace_id, event_id, event_type, body, status, attempt, next_attempt_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', 0, ?7, ?7)`,
  )
    .bind(row.id, row.endpoint_id, workspaceId, eventId, WEBHOOK_TEST_EVENT, body, at)
    .run();
  await env.EVENT_QUEUE.send(webhookMessage(workspaceId, row.id, 0));
  return toDelivery(row);
}
