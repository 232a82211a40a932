/**
 * Disables a webhook endpoint that answered 410 or failed for 5 days, once (compare-and-set on
 * `enabled`), and tells its alert address by email, if it has one. Re-enabling is a PATCH.
 */
import { appUrl } from '../links/app-url.ts';
import type { Env } from '../env.ts';
import { buildMime } from '../notify/mime.ts';
import { escapeHtml } from '../notify/compose-email.ts';
import type { EndpointRow } from './endpoints.ts';

const DEFAULT_FROM = 'imports@example.com';

export async function disableEndpoint(env: Env, endpoint: EndpointRow, reason: 'GONE' | 'FAILING', why: string): Promise<void> {
  const disabled = await env.DB.prepare(
    "UPDATE webhook_endpoints SET enabled = 0, disabled_reason = ?2, disabled_at = ?3 WHERE id = ?1 AND enabled = 1",
  )
    .bind(endpoint.id, reason, new Date().toISOString())
    .run();
  if (!disabled.meta.changes || !endpoint.alert_email || !env.EMAIL) return;
  const from = env.EMAIL_FROM ?? DEFAULT_FROM;
  // The page's address starts with APP_URL; without a usable one the email says where to look in words.
  const app = appUrl(env);
  const page = app.ok ? new URL('/webhooks', app.url).toString() : 'the Webhooks page of the app';
  const subject = `Webhook endpoint disabled: ${endpoint.url}`;
  const text = [
    `We stopped sending events to your webhook endpoint ${endpoint.url}.`,
    '',
    why,
    '',
    `Fix the endpoint, then enable it again on the webhooks page: ${page}`,
    'Events that happen while it is disabled are not sent to it.',
  ].join('\n');
  const html = `<p>We stopped sending events to your webhook endpoint <code>${escapeHtml(endpoint.url)}</code>.</p><p>${escapeHtml(why)}</p><p>Fix the endpoint, then enable it again on ${app.ok ? `<a href="${escapeHtml(page)}">the webhooks page</a>` : 'the Webhooks page of the app'}. Events that happen while it is disabled are not sent to it.</p>`;
  try {
    const { EmailMessage } = await import('cloudflare:email');
    await env.EMAIL.send(new EmailMessage(from, endpoint.alert_email, buildMime({ from, fromName: 'Lead import', to: endpoint.alert_email, subject, text, html })));
  } catch (err) {
    console.error(`webhook ${endpoint.id}: the disabled-endpoint email was not sent (${err instanceof Error ? err.name : 'error'})`);
  }
}
