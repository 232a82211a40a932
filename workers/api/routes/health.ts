/** GET /health: 200 when the Worker and its bindings answer. */
import { Hono } from 'hono';
import { can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';

export const health = new Hono<AppEnv>().get('/', can('public'), async (c) => {
  const checks: Record<string, boolean> = {};
  const probe = async (name: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
      checks[name] = true;
    } catch {
      checks[name] = false;
    }
  };
  await Promise.all([
    probe('db', () => c.env.DB.prepare('SELECT 1').first()),
    probe('uploads', () => c.env.UPLOADS.head('health-probe')),
    probe('imports', async () => {
      if (!c.env.IMPORTS) throw new Error('missing');
    }),
    probe('queue', async () => {
      if (!c.env.IMPORT_QUEUE) throw new Error('missing');
    }),
  ]);
  const ok = Object.values(checks).every(Boolean);
  return c.json({ status: ok ? 'ok' : 'degraded', checks }, ok ? 200 : 503);
});
