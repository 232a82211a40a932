/** The token's workspace settings: the addresses that may receive its import emails. */
import { Hono } from 'hono';
import { NotifyEmailListSchema } from '../../../src/lib/schemas/api.ts';
import { jsonBody } from '../validate.ts';
import { listAllowed, replaceAllowed } from '../../notify/allow-list.ts';
import { actor, can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';

export const workspaceRoutes = new Hono<AppEnv>()
  .get('/notify-emails', can('notify_emails.read'), async (c) => c.json({ items: await listAllowed(c.env, c.get('workspaceId')) }))
  /** Replaces the whole list: addresses (`ops@acme.com`) and domains (`@acme.com`). */
  .put('/notify-emails', can('notify_emails.write'), jsonBody(NotifyEmailListSchema), async (c) => {
    const { items } = c.req.valid('json');
    await replaceAllowed(c.env, c.get('workspaceId'), items, actor(c));
    return c.json({ items });
  });
