/** Test helpers for the lifecycle's outbox: await an event and what its consumers did. */
import { env } from 'cloudflare:test';
import type { OutboxEvent } from '../../workers/lifecycle/outbox.ts';
import type { ImportView } from '../../src/lib/import-view.ts';
import { importEmailMessage } from '../../workers/notify/send-email.ts';
import { campaignName } from '../../workers/campaigns/campaigns.ts';

/** Awaits `check` returning a value (polling D1 or an API; no fixed sleep decides the outcome). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The outbox events about an import (or list import), oldest first. */
export async function eventsOf(subjectId: string): Promise<OutboxEvent[]> {
  return (await env.DB.prepare('SELECT * FROM outbox_events WHERE subject_id = ?1 ORDER BY created_at, id').bind(subjectId).all<OutboxEvent>()).results;
}

/**
 * The completion email of an import, once the outbox's email consumer (run by the Worker's own
 * queue) has sent it through the send_email binding: rebuilt from the event exactly as it was sent.
 */
export async function sentEmailOf(importId: string): Promise<{ event: OutboxEvent; from: string; to: string; raw: string }> {
  const event = await eventually(async () => (await eventsOf(importId)).find((e) => e.email_sent_at), `the email of import ${importId}`);
  const view = JSON.parse(event.snapshot!) as ImportView;
  const name = (await campaignName(env, event.workspace_id, view.campaignId)) ?? view.campaignId;
  const message = await importEmailMessage(env, event.notify_email!, view, name, Date.parse(event.created_at));
  return { event, ...message };
}
