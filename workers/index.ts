/** The Worker: the API on fetch, the import pipeline on queue, retention (hourly) and the outbox relay (every minute) on a schedule. */
import { app } from './api/app.ts';
import { consumeBatch } from './queue/consumer.ts';
import { retentionPass } from './retention/retention.ts';
import { MINUTE_CRON, runMinutely } from './lifecycle/minutely.ts';
import { startReprofiles } from './leads/reprofile.ts';
import type { Env } from './env.ts';
import type { QueueMessage } from './queue/messages.ts';
import { hardenRuntime } from './security/harden.ts';
import { withSecurityHeaders } from './api/middleware/security-headers.ts';

export { ImportCoordinator } from './coordinator/import-coordinator.ts';

hardenRuntime();

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    // Every API answer, including paths outside /api/v1, carries the API's security headers.
    if (url.pathname.startsWith('/api/')) return withSecurityHeaders(await app.fetch(request, env, ctx));
    // The SPA's own headers (its hash CSP) come from static/_headers with the assets.
    if (env.ASSETS) return env.ASSETS.fetch(request);
    return withSecurityHeaders(new Response('Not found', { status: 404 }));
  },
  async queue(batch, env, _ctx) {
    await consumeBatch(batch, env);
  },
  async scheduled(controller, env, ctx) {
    if (controller.cron === MINUTE_CRON) {
      ctx.waitUntil(runMinutely(env, controller.scheduledTime));
      return;
    }
    ctx.waitUntil(retentionPass(env, controller.scheduledTime));
    // Stored calling profiles made from older area-code, ZIP or zone tables are made again.
    ctx.waitUntil(startReprofiles(env));
  },
} satisfies ExportedHandler<Env, QueueMessage>;
