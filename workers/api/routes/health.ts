/** GET /health: 200 when the Worker, its bindings and the workbook reader answer and APP_URL is set (https, or http on a local address). */
import { Hono } from 'hono';
import { can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';
import { appUrl } from '../../links/app-url.ts';

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
    // The workbook reader Worker answers (a workbook it is stuck on runs in another invocation).
    probe('workbookReader', async () => {
      if ((await c.env.WORKBOOK_READER.ping()) !== 'ok') throw new Error('no answer');
    }),
    // Emails link to APP_URL: a deploy without it (or with http outside local dev) is not healthy.
    probe('appUrl', async () => {
      if (!appUrl(c.env).ok) throw new Error('APP_URL');
    }),
  ]);
  const ok = Object.values(checks).every(Boolean);
  return c.json({ status: ok ? 'ok' : 'degraded', checks }, ok ? 200 : 503);
});
