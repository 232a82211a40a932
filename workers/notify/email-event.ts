/**
 * The completion email as a consumer of the outbox: an import that ended (completed, failed or
 * cancelled) and named an address gets one email saying how it ended. The send is claimed first
 * (one claimant at a time; a claim older than EMAIL_LEASE_MS is taken to have crashed and is
 * taken over), then recorded sent, so a redelivered event sends nothing again.
 */
import type { Env } from '../env.ts';
import type { ImportView } from '../../src/lib/import-view.ts';
import type { OutboxEvent } from '../lifecycle/outbox.ts';
import { campaignName } from '../campaigns/campaigns.ts';
import { ConfigProblem, importEmailMessage } from './send-email.ts';
import { LINK_SECRET_PROBLEM } from '../links/secret.ts';

export const EMAIL_LEASE_MS = 120_000;
const EMAILED = new Set(['import.completed', 'import.failed', 'import.cancelled']);

export type EmailOutcome = 'none' | 'sent' | 'taken' | 'unavailable';

export async function emailEvent(env: Env, event: OutboxEvent, now = Date.now()): Promise<EmailOutcome> {
  if (!event.notify_email || !event.snapshot || !EMAILED.has(event.type) || event.email_sent_at) return 'none';
  if (!env.EMAIL) return 'unavailable';
  const claimed = await env.DB.prepare(
    `UPDATE outbox_events SET email_claimed_at = ?2, email_attempts = email_attempts + 1
     WHERE id = ?1 AND email_sent_at IS NULL AND (email_claimed_at IS NULL OR email_claimed_at < ?3)`,
  )
    .bind(event.id, new Date(now).toISOString(), new Date(now - EMAIL_LEASE_MS).toISOString())
    .run();
  if (!claimed.meta.changes) return 'taken';
  const view = JSON.parse(event.snapshot) as ImportView;
  const name = (await campaignName(env, event.workspace_id, view.campaignId)) ?? view.campaignId;
  let message;
  try {
    // The links run 7 days from the end, whenever the email goes out: the same email every time.
    message = await importEmailMessage(env, event.notify_email, view, name, Date.parse(event.created_at));
  } catch (err) {
    // No link-signing key or no usable APP_URL: an email without working links is not sent (and retrying will not help).
    const why = err instanceof ConfigProblem || (err instanceof Error && err.message === LINK_SECRET_PROBLEM) ? err.message : 'error';
    console.error(`import ${view.id}: notification email not sent (${why})`);
    return 'unavailable';
  }
  try {
    const { EmailMessage } = await import('cloudflare:email');
    await env.EMAIL.send(new EmailMessage(message.from, message.to, message.raw));
  } catch (err) {
    // Released for the queue's retry of this message.
    await env.DB.prepare('UPDATE outbox_events SET email_claimed_at = NULL WHERE id = ?1').bind(event.id).run();
    console.error(`import ${view.id}: notification email not sent (${err instanceof Error ? err.name : 'error'}); retrying`);
    throw err;
  }
  await env.DB.prepare('UPDATE outbox_events SET email_sent_at = ?2 WHERE id = ?1').bind(event.id, new Date().toISOString()).run();
  return 'sent';
}
