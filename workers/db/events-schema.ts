/**
 * The import lifecycle's outbox and the webhooks it feeds (workers/lifecycle, workers/webhooks):
 * events, endpoints, deliveries and their attempts. Re-exported by schema.ts, which drizzle-kit reads.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { workspaces } from './schema.ts';

/**
 * The outbox of the import lifecycle (workers/lifecycle): one row per announced transition
 * (an import ended or was undone, a list import completed), written in the same D1 batch as the
 * state change, unique per transition (`dedupe_key`), so it can be neither lost nor doubled. Its
 * two consumers, the completion email and the webhooks, each record here what they did.
 */
export const outboxEvents = sqliteTable(
  'outbox_events',
  {
    /** `msg_…`: also the webhook-id every endpoint receives for this event, on every retry. */
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    /** The import (or list import) the event is about. */
    subjectId: text('subject_id').notNull(),
    /** `<subject>:<transition>`: a transition is announced once. */
    dedupeKey: text('dedupe_key').notNull(),
    type: text('type').notNull(),
    /** The event's `data` as webhooks send it (JSON text, fixed when the event is written). */
    data: text('data').notNull(),
    /** The import resource at the transition (JSON), for the email. */
    snapshot: text('snapshot'),
    /** Where the completion email goes (the import's notifyEmail), if anywhere. */
    notifyEmail: text('notify_email'),
    createdAt: text('created_at').notNull(),
    /** When a queue message for the event was sent (the relay re-sends events still null). */
    dispatchedAt: text('dispatched_at'),
    /** The email consumer: claimed (a send in flight, retried after a lease), sent, attempts made. */
    emailClaimedAt: text('email_claimed_at'),
    emailSentAt: text('email_sent_at'),
    emailAttempts: integer('email_attempts').notNull().default(0),
    /** The webhook consumer: deliveries created for every subscribed endpoint. */
    webhooksFannedAt: text('webhooks_fanned_at'),
  },
  (t) => [
    uniqueIndex('outbox_events_dedupe').on(t.dedupeKey),
    index('outbox_events_undispatched').on(t.createdAt).where(sql`dispatched_at IS NULL`),
    index('outbox_events_created').on(t.createdAt),
  ],
);

/** Events a webhook endpoint may subscribe to (DESIGN.md, "Webhooks"). */
export type WebhookEventType = 'import.completed' | 'import.failed' | 'import.cancelled' | 'import.undone' | 'suppression_import.completed';

/**
 * A workspace's webhook endpoints (workers/webhooks). The secret signs every delivery; after a
 * rotation the previous one signs too until `previous_secret_expires_at`. An endpoint answering
 * 410, or failing for 5 days, is disabled.
 */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    url: text('url').notNull(),
    description: text('description'),
    events: text('events', { mode: 'json' }).$type<WebhookEventType[]>().notNull(),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: text('previous_secret_expires_at'),
    /** Where a disabled endpoint is reported (an allowed notify address), if anywhere. */
    alertEmail: text('alert_email'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    disabledReason: text('disabled_reason'),
    disabledAt: text('disabled_at'),
    /** The first failed attempt since the last success (5 days of failures disable the endpoint). */
    failingSince: text('failing_since'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('webhook_endpoints_workspace').on(t.workspaceId)],
);

/**
 * One event to one endpoint: its body (fixed, so every retry sends the same bytes under the same
 * webhook-id), where it stands and when it is tried next. `attempt` counts attempts begun; an
 * attempt is claimed by moving `attempt` from n to n+1, so two messages for one attempt post once.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id').notNull(),
    workspaceId: text('workspace_id').notNull(),
    /** The webhook-id header: the outbox event's id (or a test event's). */
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<'pending' | 'succeeded' | 'failed'>().notNull(),
    attempt: integer('attempt').notNull().default(0),
    /** An attempt in flight holds the delivery until then (a crashed one is retried after it). */
    leaseUntil: text('lease_until'),
    nextAttemptAt: text('next_attempt_at'),
    lastAttemptAt: text('last_attempt_at'),
    responseStatus: integer('response_status'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event').on(t.endpointId, t.eventId),
    index('webhook_deliveries_endpoint_created').on(t.endpointId, t.createdAt),
    index('webhook_deliveries_due').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('webhook_deliveries_created').on(t.createdAt),
  ],
);

/** Every attempt of a delivery: when, how long, the answer's status and at most 1 KB of its body, or why there was none. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    deliveryId: text('delivery_id').notNull(),
    attempt: integer('attempt').notNull(),
    at: text('at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attempt] })],
);
