/**
 * The webhook endpoint aggregate (DESIGN.md, "Webhooks"): created with a secret shown only then,
 * listed and read without it, changed, rotated (the previous secret keeps signing for a grace
 * period), deleted. The URL is checked by url-policy.ts on every write and again on every delivery.
 */
import type { Env } from '../env.ts';
import { newId, nowIso } from '../db/ids.ts';
import { notFoundRefusal, Refusal } from '../refusal.ts';
import { requireAllowedNotifyEmail } from '../notify/allow-list.ts';
import { WEBHOOK_EVENT_TYPES, type CreateWebhookInput, type UpdateWebhookInput, type WebhookEventType } from '../../src/lib/schemas/webhooks.ts';
import { allowsPrivate, checkWebhookUrl } from './url-policy.ts';
import { generateSecret } from './signing.ts';
import { auditStatement } from '../audit/record-audit.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/principal.ts';

/** Endpoints a workspace may have. */
export const MAX_ENDPOINTS = 20;
/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_GRACE_MS = 24 * 3_600_000;

export interface EndpointRow {
  id: string;
  workspace_id: string;
  url: string;
  description: string | null;
  events: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  alert_email: string | null;
  enabled: number;
  disabled_reason: string | null;
  disabled_at: string | null;
  failing_since: string | null;
  created_at: string;
}

/** The endpoint resource: never a secret. */
export function toEndpoint(r: EndpointRow) {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: JSON.parse(r.events) as WebhookEventType[],
    enabled: !!r.enabled,
    disabledReason: r.disabled_reason,
    disabledAt: r.disabled_at,
    failingSince: r.failing_since,
    alertEmail: r.alert_email,
    secretRotation: r.previous_secret_expires_at ? { previousSecretExpiresAt: r.previous_secret_expires_at } : null,
    createdAt: r.created_at,
  };
}
export type Endpoint = ReturnType<typeof toEndpoint>;

function allowedUrl(env: Env, url: string): string {
  const verdict = checkWebhookUrl(url, allowsPrivate(env));
  if (!verdict.ok) throw new Refusal('WEBHOOK_URL_NOT_ALLOWED', verdict.message);
  return verdict.url;
}

export async function findEndpoint(env: Env, workspaceId: string, id: string): Promise<EndpointRow> {
  const row = await env.DB.prepare('SELECT * FROM webhook_endpoints WHERE id = ?1 AND workspace_id = ?2').bind(id, workspaceId).first<EndpointRow>();
  if (!row) throw notFoundRefusal('Webhook');
  return row;
}

/** Creates an endpoint; the answer is the only time its secret is shown. */
export async function createEndpoint(env: Env, workspaceId: string, input: CreateWebhookInput, actor: Actor = SYSTEM_ACTOR): Promise<Endpoint & { secret: string }> {
  const url = allowedUrl(env, input.url);
  await requireAllowedNotifyEmail(env, workspaceId, input.alertEmail);
  const count = await env.DB.prepare('SELECT count(*) AS n FROM webhook_endpoints WHERE workspace_id = ?1').bind(workspaceId).first<{ n: number }>();
  if ((count?.n ?? 0) >= MAX_ENDPOINTS) throw new Refusal('WEBHOOK_LIMIT', `A workspace may have at most ${MAX_ENDPOINTS} webhook endpoints; delete one first.`);
  const row: EndpointRow = {
    id: newId('whk'),
    workspace_id: workspaceId,
    url,
    description: input.description || null,
    events: JSON.stringify(input.events ? WEBHOOK_EVENT_TYPES.filter((t) => input.events!.includes(t)) : WEBHOOK_EVENT_TYPES),
    secret: generateSecret(),
    previous_secret: null,
    previous_secret_expires_at: null,
    alert_email: input.alertEmail ?? null,
    enabled: 1,
    disabled_reason: null,
    disabled_at: null,
    failing_since: null,
    created_at: nowIso(),
  };
  // The endpoint and its audit entry in one transaction (never the secret).
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO webhook_endpoints (id, workspace_id, url, description, events, secret, alert_email, enabled, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8)`,
    ).bind(row.id, workspaceId, row.url, row.description, row.events, row.secret, row.alert_email, row.created_at),
    auditStatement(env.DB, { workspaceId, actor, action: 'webhook.created', target: { type: 'webhook', id: row.id }, details: { url: row.url, events: JSON.parse(row.events) } }, { at: row.created_at }),
  ]);
  return { ...toEndpoint(row), secret: row.secret };
}

export async function listEndpoints(env: Env, workspaceId: string): Promise<Endpoint[]> {
  const { results } = await env.DB.prepare('SELECT * FROM webhook_endpoints WHERE workspace_id = ?1 ORDER BY created_at DESC, id').bind(workspaceId).all<EndpointRow>();
  return results.map(toEndpoint);
}

export async function updateEndpoint(env: Env, workspaceId: string, id: string, input: UpdateWebhookInput): Promise<Endpoint> {
  const row = await findEndpoint(env, workspaceId, id);
  const next: EndpointRow = { ...row };
  if (input.url !== undefined) next.url = allowedUrl(env, input.url);
  if (input.events !== undefined) next.events = JSON.stringify(WEBHOOK_EVENT_TYPES.filter((t) => input.events!.includes(t)));
  if (input.description !== undefined) next.description = input.description || null;
  if (input.alertEmail !== undefined) {
    if (input.alertEmail !== null) await requireAllowedNotifyEmail(env, workspaceId, input.alertEmail);
    next.alert_email = input.alertEmail;
  }
  if (input.enabled === true && !row.enabled) Object.assign(next, { enabled: 1, disabled_reason: null, disabled_at: null, failing_since: null });
  if (input.enabled === false && row.enabled) Object.assign(next, { enabled: 0, disabled_reason: 'DISABLED_BY_USER', disabled_at: nowIso() });
  await env.DB.prepare(
    `UPDATE webhook_endpoints SET url = ?3, events = ?4, description = ?5, alert_email = ?6, enabled = ?7, disabled_reason = ?8, disabled_at = ?9, failing_since = ?10
     WHERE id = ?1 AND workspace_id = ?2`,
  )
    .bind(id, workspaceId, next.url, next.events, next.description, next.alert_email, next.enabled, next.disabled_reason, next.disabled_at, next.failing_since)
    .run();
  return toEndpoint(next);
}

/** Deletes an endpoint; its pending deliveries fail on their next attempt, its log goes with retention. */
export async function deleteEndpoint(env: Env, workspaceId: string, id: string, actor: Actor = SYSTEM_ACTOR): Promise<void> {
  const row = await findEndpoint(env, workspaceId, id);
  await env.DB.batch([
    env.DB.prepare('DELETE FROM webhook_endpoints WHERE id = ?1 AND workspace_id = ?2').bind(id, workspaceId),
    auditStatement(env.DB, { workspaceId, actor, action: 'webhook.deleted', target: { type: 'webhook', id }, details: { url: row.url } }, { ifChanged: true }),
  ]);
}

/** A new secret, shown only in this answer; the previous one keeps signing for ROTATION_GRACE_MS. */
export async function rotateSecret(env: Env, workspaceId: string, id: string, now = Date.now()): Promise<{ id: string; secret: string; previousSecretExpiresAt: string }> {
  const row = await findEndpoint(env, workspaceId, id);
  const secret = generateSecret();
  const expires = new Date(now + ROTATION_GRACE_MS).toISOString();
  await env.DB.prepare('UPDATE webhook_endpoints SET secret = ?3, previous_secret = ?4, previous_secret_expires_at = ?5 WHERE id = ?1 AND workspace_id = ?2')
    .bind(id, workspaceId, secret, row.secret, expires)
    .run();
  return { id, secret, previousSecretExpiresAt: expires };
}

/** The secrets that sign a delivery now: the current one, and the previous one during its grace period. */
export function signingSecrets(row: EndpointRow, now: number): string[] {
  const previous = row.previous_secret && row.previous_secret_expires_at && Date.parse(row.previous_secret_expires_at) > now ? [row.previous_secret] : [];
  return [row.secret, ...previous];
}
