/**
 * Operator routes, outside any workspace: `Authorization: Bearer <ADMIN_TOKEN>` (a secret; absent,
 * the routes answer 404), checked by `can('admin.operate')`. The Worker holds the D1 bindings, so moving a workspace between leads
 * shards runs here, in bounded steps that `npm run workspace:move` calls until the move is done.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';
import { notFound } from '../errors.ts';
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

export const adminRoutes = new Hono<AppEnv>()
  .get('/shards', can('admin.operate'), async (c) => c.json({ items: await shardLoads(c.env) }))
  .get('/workspaces/:id/shard', can('admin.operate'), async (c) => {
    const id = c.req.param('id');
    const ws = await c.env.DB.prepare('SELECT id FROM workspaces WHERE id = ?1').bind(id).first();
    if (!ws) throw notFound('Workspace');
    const move = await readMove(c.env, id);
    return c.json({ workspaceId: id, shard: await shardOf(c.env, id), move });
  })
  .post('/workspaces/:id/move', can('admin.operate'), jsonBody(MoveSchema), async (c) => {
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
