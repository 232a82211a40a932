/** The Worker: the API on fetch, the import pipeline on queue, retention on a schedule. */
import { app } from './api/app.ts';
import { consumeBatch } from './queue/consumer.ts';
import { runRetention } from './retention/retention.ts';
import { startReprofiles } from './leads/reprofile.ts';
import type { Env } from './env.ts';
import type { QueueMessage } from './queue/messages.ts';
import { hardenRuntime } from './security/harden.ts';

export { ImportCoordinator } from './coordinator/import-coordinator.ts';

hardenRuntime();

export default {
  fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/')) return app.fetch(request, env, ctx);
    if (env.ASSETS) return env.ASSETS.fetch(request);
    return new Response('Not found', { status: 404 });
  },
  async queue(batch, env, _ctx) {
    await consumeBatch(batch, env);
  },
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runRetention(env, controller.scheduledTime));
    // Stored calling profiles made from older area-code, ZIP or zone tables are made again.
    ctx.waitUntil(startReprofiles(env));
  },
} satisfies ExportedHandler<Env, QueueMessage>;
