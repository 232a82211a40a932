/**
 * The benchmark's own Worker (bench/wrangler.bench.toml, never deployed): the real Worker plus
 * `POST /api/v1/_bench/insert-ceiling?rows=N`, the raw multi-row INSERT ceiling measured inside
 * the Worker. Kept out of workers/ so the production bundle holds no bench code at all.
 */
import { Hono } from 'hono';
import worker from '../workers/index.ts';
import type { AppEnv } from '../workers/api/app-env.ts';
import { errorBody } from '../workers/api/errors.ts';
import { handleError } from '../workers/api/handle-error.ts';
import { requireToken } from '../workers/api/middleware/auth.ts';
import type { Env } from '../workers/env.ts';
import type { QueueMessage } from '../workers/queue/messages.ts';
import { insertCeiling } from './insert-ceiling.ts';
import { compareCallable, rowsWrittenPerLead, seedLeads } from './seed-leads.ts';

export { ImportCoordinator } from '../workers/index.ts';

const BENCH_PREFIX = '/api/v1/_bench/';

const benchRoutes = new Hono<AppEnv>()
  .basePath('/api/v1/_bench')
  .use(requireToken)
  .post('/insert-ceiling', async (c) => c.json(await insertCeiling(c.env.LEADS_0, Number(c.req.query('rows') ?? 100_000))))
  .post('/seed-leads', async (c) => c.json(await seedLeads(c.env, c.get('workspaceId'), c.req.query('campaignId') ?? '', Number(c.req.query('from') ?? 0), Number(c.req.query('rows') ?? 0), Number(c.req.query('total') ?? c.req.query('rows') ?? 0))))
  .get('/rows-written-per-lead', async (c) => c.json({ rowsWrittenPerLead: await rowsWrittenPerLead(c.env, c.get('workspaceId')) }))
  .get('/callable-compare', async (c) =>
    c.json(await compareCallable(c.env, c.get('workspaceId'), c.req.query('campaignId') ?? '', new Date(c.req.query('at') ?? ''), Number(c.req.query('limit') ?? 100), c.req.query('cursor') ? Number(c.req.query('cursor')) : undefined)),
  )
  .notFound((c) => c.json(errorBody('NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), 404))
  .onError(handleError);

export default {
  ...worker,
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname.startsWith(BENCH_PREFIX)) return benchRoutes.fetch(request, env, ctx);
    return worker.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env, QueueMessage>;
