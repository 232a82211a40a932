/** The OpenAPI paths of webhooks: endpoints, their secrets, test events and delivery logs (DESIGN.md, "Webhooks"). */
import { ListDeliveriesQuerySchema } from '../../../src/lib/schemas/webhooks.ts';
import { authed, body, error, idParam, queryParams, returns } from './shared-parts.ts';

const SIGNING =
  'Every delivery is a POST of {type, timestamp, data} signed as the Standard Webhooks specification says: headers webhook-id (the same on every retry), webhook-timestamp (unix seconds) and webhook-signature = "v1," + base64 HMAC-SHA256 of "{id}.{timestamp}.{body}" keyed with the base64-decoded part of the secret after "whsec_" (two signatures, space-separated, for 24 hours after a rotation). A non-2xx answer or none within 15 s is retried after about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (±10%, never sooner than a Retry-After); redirects are not followed; 410 disables the endpoint, and so do 5 days of failures. For import events, data is {importId, campaignId, status, totalRows, importedRows, createdRows, updatedRows, unchangedRows, failedRows, failure, finishedAt, errorReportUrl, leadsUrl, importUrl} (signed links, valid 7 days); import.undone adds undoneRows and undoSkippedRows; suppression_import.completed has {importId, status, fileName, totalRows, added, alreadyPresent, invalidRows, finishedAt}.';

export const webhookPaths = {
  '/webhooks': {
    post: {
      ...authed,
      summary: 'Add a webhook endpoint; the answer is the only time its secret is shown',
      description: `The URL must be https on a public host (422 WEBHOOK_URL_NOT_ALLOWED for http, private, loopback, link-local or metadata addresses, unless the server sets WEBHOOK_ALLOW_PRIVATE=true, as local development does). events defaults to all. ${SIGNING}`,
      requestBody: body('CreateWebhook'),
      responses: { 201: returns('The endpoint with its secret (whsec_ + base64 of 32 random bytes)', 'WebhookCreated'), 400: error, 409: error, 422: error },
    },
    get: { ...authed, summary: "The workspace's endpoints (never a secret)", responses: { 200: returns('{items}', 'WebhookList') } },
  },
  '/webhooks/{id}': {
    get: { ...authed, parameters: [idParam('id')], summary: 'One endpoint (never its secret)', responses: { 200: returns('The endpoint', 'Webhook'), 404: error } },
    patch: {
      ...authed,
      parameters: [idParam('id')],
      summary: 'Change the URL, events, description or alert address; enable (the failure streak starts over) or disable it',
      requestBody: body('UpdateWebhook'),
      responses: { 200: returns('The endpoint', 'Webhook'), 400: error, 404: error, 422: error },
    },
    delete: { ...authed, parameters: [idParam('id')], summary: 'Delete an endpoint (its pending deliveries fail)', responses: { 204: { description: 'Deleted' }, 404: error } },
  },
  '/webhooks/{id}/rotate-secret': {
    post: {
      ...authed,
      parameters: [idParam('id')],
      summary: 'A new secret, shown only in this answer; the previous one keeps signing (both signatures are sent) for 24 hours',
      responses: { 200: returns('{id, secret, previousSecretExpiresAt}', 'WebhookSecret'), 404: error },
    },
  },
  '/webhooks/{id}/test': {
    post: { ...authed, parameters: [idParam('id')], summary: 'Send a webhook.test event to this endpoint alone', responses: { 202: returns('Its delivery', 'WebhookDelivery'), 404: error, 409: error } },
  },
  '/webhooks/{id}/deliveries': {
    get: {
      ...authed,
      parameters: [idParam('id'), ...queryParams(ListDeliveriesQuerySchema)],
      summary: "The endpoint's delivery log, newest first",
      responses: { 200: returns('{items, nextCursor}', 'WebhookDeliveryPage'), 404: error },
    },
  },
  '/webhooks/{id}/deliveries/{deliveryId}': {
    get: {
      ...authed,
      parameters: [idParam('id'), idParam('deliveryId')],
      summary: 'One delivery with its body and every attempt (time, duration, answer status, at most 1 KB of the answer, or why there was none)',
      responses: { 200: returns('The delivery and its attempts', 'WebhookDeliveryDetail'), 404: error },
    },
  },
  '/webhooks/{id}/deliveries/{deliveryId}/retry': {
    post: {
      ...authed,
      parameters: [idParam('id'), idParam('deliveryId')],
      summary: 'Try a delivery again now, with the same webhook-id and body',
      responses: { 202: returns('The delivery, pending', 'WebhookDelivery'), 404: error, 409: error },
    },
  },
};
