/** The OpenAPI component schemas of webhooks: request bodies from the valibot schemas, answers as the services build them. */
import { CreateWebhookSchema, UpdateWebhookSchema, WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT } from '../../../src/lib/schemas/webhooks.ts';
import { schema } from './shared-parts.ts';

const events = { type: 'array', items: { enum: [...WEBHOOK_EVENT_TYPES] } };
const time = { type: 'string', format: 'date-time' };
const nullableTime = { type: ['string', 'null'], format: 'date-time' };

const webhook = {
  type: 'object',
  required: ['id', 'url', 'events', 'enabled', 'createdAt'],
  properties: {
    id: { type: 'string' },
    url: { type: 'string', format: 'uri' },
    description: { type: ['string', 'null'] },
    events,
    enabled: { type: 'boolean' },
    disabledReason: { type: ['string', 'null'], description: 'GONE (it answered 410), FAILING (5 days of failures) or DISABLED_BY_USER' },
    disabledAt: nullableTime,
    failingSince: { ...nullableTime, description: 'The first failed attempt since the last success' },
    alertEmail: { type: ['string', 'null'], description: 'Told by email when the endpoint is disabled' },
    secretRotation: { type: ['object', 'null'], properties: { previousSecretExpiresAt: time } },
    createdAt: time,
  },
};

const delivery = {
  type: 'object',
  required: ['id', 'event', 'attempt', 'status', 'at'],
  properties: {
    id: { type: 'string' },
    event: { enum: [...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT] },
    eventId: { type: 'string', description: 'The webhook-id header of every attempt' },
    attempt: { type: 'integer', description: 'Attempts made (at most 8)' },
    status: { enum: ['pending', 'succeeded', 'failed'] },
    responseStatus: { type: ['integer', 'null'], description: "The endpoint's last answer; null when there was none (timeout, connection refused)" },
    at: { ...time, description: 'The last attempt (the creation before any)' },
    nextAttemptAt: nullableTime,
    createdAt: time,
  },
};

export const webhookSchemas = {
  CreateWebhook: schema(CreateWebhookSchema),
  UpdateWebhook: schema(UpdateWebhookSchema),
  Webhook: webhook,
  WebhookCreated: { ...webhook, required: [...webhook.required, 'secret'], properties: { ...webhook.properties, secret: { type: 'string', pattern: '^whsec_[A-Za-z0-9+/]{43}=$' } } },
  WebhookList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Webhook' } } } },
  WebhookSecret: { type: 'object', required: ['id', 'secret', 'previousSecretExpiresAt'], properties: { id: { type: 'string' }, secret: { type: 'string' }, previousSecretExpiresAt: time } },
  WebhookDelivery: delivery,
  WebhookDeliveryPage: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/WebhookDelivery' } }, nextCursor: { type: ['string', 'null'] } } },
  WebhookDeliveryDetail: {
    ...delivery,
    properties: {
      ...delivery.properties,
      body: { type: 'string', description: 'The exact bytes every attempt sent' },
      attempts: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            attempt: { type: 'integer' },
            at: time,
            durationMs: { type: 'integer' },
            responseStatus: { type: ['integer', 'null'] },
            responseBody: { type: ['string', 'null'], description: 'At most 1 KB of the answer' },
            error: { type: ['string', 'null'] },
          },
        },
      },
    },
  },
};
