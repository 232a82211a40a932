/** valibot schemas of the webhook routes' bodies and queries (DESIGN.md, "Webhooks"). */
import * as v from 'valibot';
import { NotifyEmailSchema } from './api.ts';

/** The events an endpoint may subscribe to; an endpoint created without `events` gets all of them. */
export const WEBHOOK_EVENT_TYPES = ['import.completed', 'import.failed', 'import.cancelled', 'import.undone', 'suppression_import.completed'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The event a "send test event" delivers (to that endpoint only, whatever it subscribed to). */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

const UrlSchema = v.pipe(v.string('url is required.'), v.trim(), v.minLength(1, 'url is required.'), v.maxLength(2048, 'url is at most 2,048 characters.'));
const EventsSchema = v.pipe(
  v.array(v.picklist(WEBHOOK_EVENT_TYPES, `Each event is one of ${WEBHOOK_EVENT_TYPES.join(', ')}.`)),
  v.minLength(1, 'events needs at least one event (leave it out for all of them).'),
  v.maxLength(WEBHOOK_EVENT_TYPES.length),
);
const DescriptionSchema = v.pipe(v.string(), v.trim(), v.maxLength(500, 'description is at most 500 characters.'));

export const CreateWebhookSchema = v.object({
  url: UrlSchema,
  events: v.optional(EventsSchema),
  description: v.optional(DescriptionSchema),
  /** Told by email when the endpoint is disabled (it answered 410, or failed for 5 days); must be on the notify allow-list. */
  alertEmail: v.optional(NotifyEmailSchema),
});
export type CreateWebhookInput = v.InferOutput<typeof CreateWebhookSchema>;

export const UpdateWebhookSchema = v.pipe(
  v.object({
    url: v.optional(UrlSchema),
    events: v.optional(EventsSchema),
    description: v.optional(v.nullable(DescriptionSchema)),
    /** true re-enables a disabled endpoint (its failure streak starts again), false disables it. */
    enabled: v.optional(v.boolean()),
    alertEmail: v.optional(v.nullable(NotifyEmailSchema)),
  }),
  v.check((o) => Object.values(o).some((x) => x !== undefined), 'Send at least one of url, events, description, enabled, alertEmail.'),
);
export type UpdateWebhookInput = v.InferOutput<typeof UpdateWebhookSchema>;

export const ListDeliveriesQuerySchema = v.object({
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'limit is a whole number from 1 to 100.'), v.transform(Number), v.minValue(1), v.maxValue(100)), '50'),
  /** The nextCursor of the previous page. */
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  status: v.optional(v.picklist(['pending', 'succeeded', 'failed'] as const)),
});
