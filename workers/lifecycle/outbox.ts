/**
 * The outbox: events written in the same D1 batch as the transition they announce (see
 * import-lifecycle.ts), then handed to the queue, whose `event` message runs the consumers (the
 * completion email, the webhooks). An event whose hand-off was lost (a crash after the commit, a
 * dead-lettered message) is handed off again by the relay, which the minute cron runs.
 */
import type { Env } from '../env.ts';
import { sendWithRetry } from '../queue/send.ts';
import { eventMessage } from '../queue/messages.ts';

export interface OutboxEvent {
  id: string;
  workspace_id: string;
  subject_id: string;
  type: string;
  data: string;
  snapshot: string | null;
  notify_email: string | null;
  created_at: string;
  dispatched_at: string | null;
  email_sent_at: string | null;
  email_attempts: number;
  webhooks_fanned_at: string | null;
}

/** An event ready to hand off: its id and workspace. */
export interface PendingEvent {
  id: string;
  workspace_id: string;
}

/** A statement selecting the event of `dedupeKey` while it is not handed off yet (put last in the transition's batch). */
export function pendingEventStatement(env: Env, dedupeKey: string): D1PreparedStatement {
  return env.DB.prepare('SELECT id, workspace_id FROM outbox_events WHERE dedupe_key = ?1 AND dispatched_at IS NULL').bind(dedupeKey);
}

/** Hands events to the queue, then marks them handed off (a repeat is harmless: consumers are idempotent). */
export async function dispatchEvents(env: Env, events: readonly PendingEvent[]): Promise<void> {
  if (!events.length) return;
  await sendWithRetry(env.EVENT_QUEUE, events.map((e) => eventMessage(e.workspace_id, e.id)));
  await env.DB.prepare(`UPDATE outbox_events SET dispatched_at = ?1 WHERE id IN (SELECT value FROM json_each(?2)) AND dispatched_at IS NULL`)
    .bind(new Date().toISOString(), JSON.stringify(events.map((e) => e.id)))
    .run();
}

/** How long a fresh event may wait for its own hand-off before the relay takes it. */
export const RELAY_AFTER_MS = 60_000;

/** The relay: hands off events written more than RELAY_AFTER_MS ago and never handed off. Returns how many. */
export async function relayEvents(env: Env, now = Date.now(), limit = 500): Promise<number> {
  const { results } = await env.DB.prepare(
    'SELECT id, workspace_id FROM outbox_events WHERE dispatched_at IS NULL AND created_at < ?1 ORDER BY created_at LIMIT ?2',
  )
    .bind(new Date(now - RELAY_AFTER_MS).toISOString(), limit)
    .all<PendingEvent>();
  await dispatchEvents(env, results);
  return results.length;
}

/** A dead-lettered hand-off: the relay tries again later. */
export async function undispatchEvent(env: Env, id: string): Promise<void> {
  await env.DB.prepare('UPDATE outbox_events SET dispatched_at = NULL WHERE id = ?1').bind(id).run();
}

export async function readEvent(env: Env, id: string): Promise<OutboxEvent | null> {
  return env.DB.prepare('SELECT * FROM outbox_events WHERE id = ?1').bind(id).first<OutboxEvent>();
}
