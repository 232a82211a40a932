/**
 * Operator routes, outside any workspace: `Authorization: Bearer <ADMIN_TOKEN>` (a secret of at
 * least 32 characters; absent, the routes answer 404; shorter, 500 ADMIN_TOKEN_TOO_SHORT). The Worker holds the D1 bindings, so moving a workspace between leads
 * shards runs here, in bounded steps that `npm run workspace:move` calls until the move is done.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { ApiError, notFound } from '../errors.ts';
import { jsonBody } from '../validate.ts';
import { moveWorkspace, readMove } from '../../leads/move.ts';
import { shardOf, shardLoads } from '../../leads/placement.ts';

const MoveSchema = v.object({
  toShard: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Seconds to wait for running imports before fencing anyway (default 120). */
  drainSeconds: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(3600))),
  /** Seconds this call may work before answering (default 20). */
  budgetSeconds: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(600))),
  batchRows: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20_000))),
});

/** The shortest ADMIN_TOKEN the routes accept (as for LINK_SIGNING_KEY). */
export const MIN_ADMIN_TOKEN_LENGTH = 32;
const ADMIN_TOKEN_TOO_SHORT = `ADMIN_TOKEN is shorter than ${MIN_ADMIN_TOKEN_LENGTH} characters, so the operator routes are turned off: set a long random value (\`wrangler secret put ADMIN_TOKEN\`, or .dev.vars locally).`;

async function sameSecret(a: string, b: string): Promise<boolean> {
  const enc = new TextEncoder();
  const [x, y] = await Promise.all([crypto.subtle.digest('SHA-256', enc.encode(a)), crypto.subtle.digest('SHA-256', enc.encode(b))]);
  // Digests have one length, and every byte is compared: the time does not tell how much matched.
  const p = new Uint8Array(x);
  const q = new Uint8Array(y);
  let diff = 0;
  for (let i = 0; i < p.length; i++) diff |= p[i]! ^ q[i]!;
  return diff === 0;
}

export const adminRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    const secret = c.env.ADMIN_TOKEN;
    if (!secret) throw new ApiError(404, 'NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`);
    // A short secret is guessable: the routes are refused (whatever was sent) until it is replaced.
    if (secret.trim().length < MIN_ADMIN_TOKEN_LENGTH) {
      console.error(`admin routes refused: ${ADMIN_TOKEN_TOO_SHORT}`);
      throw new ApiError(500, 'ADMIN_TOKEN_TOO_SHORT', ADMIN_TOKEN_TOO_SHORT);
    }
    const given = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!given || !(await sameSecret(given, secret))) throw new ApiError(401, 'UNAUTHORIZED', 'The admin token is missing or wrong.');
    await next();
  })
  .get('/shards', async (c) => c.json({ items: await shardLoads(c.env) }))
  .get('/workspaces/:id/shard', async (c) => {
    const id = c.req.param('id');
    const ws = await c.env.DB.prepare('SELECT id FROM workspaces WHERE id = ?1').bind(id).first();
    if (!ws) throw notFound('Workspace');
    const move = await readMove(c.env, id);
    return c.json({ workspaceId: id, shard: await shardOf(c.env, id), move });
  })
  .post('/workspaces/:id/move', jsonBody(MoveSchema), async (c) => {
    const id = c.req.param('id');
    const body = c.req.valid('json');
    const ws = await c.env.DB.prepare('SELECT id FROM workspaces WHERE id = ?1').bind(id).first();
    if (!ws) throw notFound('Workspace');
    const status = await moveWorkspace(c.env, id, body.toShard, {
      drainMs: body.drainSeconds === undefined ? undefined : body.drainSeconds * 1000,
      budgetMs: body.budgetSeconds === undefined ? undefined : body.budgetSeconds * 1000,
      batchRows: body.batchRows,
    });
    return c.json(status, status.phase === 'done' ? 200 : 202);
  });
