/**
 * Webhook endpoints and their delivery logs (workers/webhooks; DESIGN.md, "Webhooks"): create
 * (the secret is shown only in that answer), list, read, change, rotate the secret, delete, send a
 * test event; the deliveries of an endpoint, one with its attempts, and a manual retry. Admins only.
 */
import { Hono } from 'hono';
import { CreateWebhookSchema, ListDeliveriesQuerySchema, UpdateWebhookSchema } from '../../../src/lib/schemas/webhooks.ts';
import { jsonBody, query } from '../validate.ts';
import { actor, can } from '../middleware/can.ts';
import { createEndpoint, deleteEndpoint, findEndpoint, listEndpoints, rotateSecret, toEndpoint, updateEndpoint } from '../../webhooks/endpoints.ts';
import { getDelivery, listDeliveries, retryDelivery, sendTestEvent } from '../../webhooks/deliveries.ts';
import type { AppEnv } from '../app-env.ts';

export const webhookRoutes = new Hono<AppEnv>()
  .post('/', can('webhooks.write'), jsonBody(CreateWebhookSchema), async (c) => c.json(await createEndpoint(c.env, c.get('workspaceId'), c.req.valid('json'), actor(c)), 201))
  .get('/', can('webhooks.read'), async (c) => c.json({ items: await listEndpoints(c.env, c.get('workspaceId')) }))
  .get('/:id', can('webhooks.read'), async (c) => c.json(toEndpoint(await findEndpoint(c.env, c.get('workspaceId'), c.req.param('id')))))
  .patch('/:id', can('webhooks.write'), jsonBody(UpdateWebhookSchema), async (c) => c.json(await updateEndpoint(c.env, c.get('workspaceId'), c.req.param('id'), c.req.valid('json'))))
  .delete('/:id', can('webhooks.write'), async (c) => {
    await deleteEndpoint(c.env, c.get('workspaceId'), c.req.param('id'), actor(c));
    return c.body(null, 204);
  })
  /** A new secret, shown only in this answer; the previous one keeps signing (both signatures are sent) for 24 hours. */
  .post('/:id/rotate-secret', can('webhooks.write'), async (c) => c.json(await rotateSecret(c.env, c.get('workspaceId'), c.req.param('id'))))
  /** A `webhook.test` event to this endpoint alone: 202 with its delivery (watch the log for the answer). */
  .post('/:id/test', can('webhooks.write'), async (c) => c.json(await sendTestEvent(c.env, c.get('workspaceId'), c.req.param('id')), 202))
  .get('/:id/deliveries', can('webhooks.read'), query(ListDeliveriesQuerySchema), async (c) =>
    c.json(await listDeliveries(c.env, c.get('workspaceId'), c.req.param('id'), c.req.valid('query'))),
  )
  .get('/:id/deliveries/:deliveryId', can('webhooks.read'), async (c) => c.json(await getDelivery(c.env, c.get('workspaceId'), c.req.param('id'), c.req.param('deliveryId'))))
  /** Tries the delivery again now, with the same webhook-id and body: 202 with the delivery. */
  .post('/:id/deliveries/:deliveryId/retry', can('webhooks.write'), async (c) =>
    c.json(await retryDelivery(c.env, c.get('workspaceId'), c.req.param('id'), c.req.param('deliveryId')), 202),
  );
