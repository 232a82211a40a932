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
import type { ChunkMessage } from '../workers/queue/messages.ts';
import { insertCeiling } from './insert-ceiling.ts';

export { ImportCoordinator } from '../workers/index.ts';

const BENCH_PREFIX = '/api/v1/_bench/';

const benchRoutes = new Hono<AppEnv>()
  .basePath('/api/v1/_bench')
  .use(requireToken)
  .post('/insert-ceiling', async (c) => c.json(await insertCeiling(c.env.LEADS_0, Number(c.req.query('rows') ?? 100_000))))
  .notFound((c) => c.json(errorBody('NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), 404))
  .onError(handleError);

export default {
  ...worker,
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname.startsWith(BENCH_PREFIX)) return benchRoutes.fetch(request, env, ctx);
    return worker.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env, ChunkMessage>;
