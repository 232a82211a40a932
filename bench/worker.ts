/**
 * The benchmark's own Worker (bench/wrangler.bench.toml, never deployed): the real Worker plus
 * `POST /api/v1/_bench/insert-ceiling?rows=N`, the raw multi-row INSERT ceiling measured inside
 * the Worker, and a few reads the parts check their results with. Kept out of workers/ so the production bundle holds no bench code at all.
 */
import { Hono } from 'hono';
import worker from '../workers/index.ts';
import type { AppEnv } from '../workers/api/app-env.ts';
import { errorBody } from '../workers/api/errors.ts';
import { handleError } from '../workers/api/handle-error.ts';
import { can } from '../workers/api/middleware/can.ts';
import type { Env } from '../workers/env.ts';
import type { QueueMessage } from '../workers/queue/messages.ts';
import { insertCeiling } from './insert-ceiling.ts';
import { compareCallable, rowsWrittenPerLead, seedLeads } from './seed-leads.ts';
import { suppressionRows } from './suppression-rows.ts';
import { securityHeaders } from '../workers/api/middleware/security-headers.ts';
import { recordAudit } from '../workers/audit/record-audit.ts';

export { ImportCoordinator } from '../workers/index.ts';

const BENCH_PREFIX = '/api/v1/_bench/';

const benchRoutes = new Hono<AppEnv>()
  .basePath('/api/v1/_bench')
  .use(can('imports.write'))
  .post('/insert-ceiling', async (c) => c.json(await insertCeiling(c.env.LEADS_0, Number(c.req.query('rows') ?? 100_000))))
  .post('/seed-leads', async (c) => c.json(await seedLeads(c.env, c.get('workspaceId'), c.req.query('campaignId') ?? '', Number(c.req.query('from') ?? 0), Number(c.req.query('rows') ?? 0), Number(c.req.query('total') ?? c.req.query('rows') ?? 0))))
  .get('/rows-written-per-lead', async (c) => c.json({ rowsWrittenPerLead: await rowsWrittenPerLead(c.env, c.get('workspaceId')) }))
  // The audit entry an import writes (import.created), timed in the Worker: ms per write over `n` writes.
  .post('/audit-write', async (c) => {
    const n = Math.max(1, Math.min(5_000, Number(c.req.query('n') ?? 200)));
    const t0 = Date.now();
    for (let i = 0; i < n; i++) {
      await recordAudit(c.env, { workspaceId: c.get('workspaceId'), actor: { type: 'token', id: 'tok_bench', name: 'bench' }, action: 'import.created', target: { type: 'import', id: `imp_bench_${i}` }, details: { fileName: 'bench.csv' } });
    }
    return c.json({ writes: n, msPerWrite: (Date.now() - t0) / n });
  })
  .get('/callable-compare', async (c) =>
    c.json(await compareCallable(c.env, c.get('workspaceId'), c.req.query('campaignId') ?? '', new Date(c.req.query('at') ?? ''), Number(c.req.query('limit') ?? 100), c.req.query('cursor') ? Number(c.req.query('cursor')) : undefined)),
  )
  .get('/suppression-rows', async (c) => c.json(await suppressionRows(c.env, c.get('workspaceId'), c.req.query('source') ?? 'internal')))
  .notFound((c) => c.json(errorBody('NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), 404))
  .onError(handleError);

/**
 * The same tiny answer with and without authentication and the permission check (bench/auth.ts):
 * their medians differ by what `can()` costs a request.
 */
const pingRoutes = new Hono<AppEnv>()
  .basePath('/api/v1/_bench')
  .use(securityHeaders)
  .get('/ping-open', (c) => c.json({ ok: true }))
  .get('/ping', can('campaigns.read'), (c) => c.json({ ok: true }))
  .onError(handleError);

export default {
  ...worker,
  fetch(request, env, ctx) {
    const path = new URL(request.url).pathname;
    if (path.startsWith(`${BENCH_PREFIX}ping`)) return pingRoutes.fetch(request, env, ctx);
    if (path.startsWith(BENCH_PREFIX)) return benchRoutes.fetch(request, env, ctx);
    return worker.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env, QueueMessage>;
