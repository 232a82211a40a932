/** Bench-only routes, mounted only when BENCH_ROUTES=1 (never in production config): the raw D1 insert ceiling. */
import { Hono } from 'hono';
import { insertCeiling } from '../../../bench/insert-ceiling.ts';
import { notFound } from '../errors.ts';
import type { AppEnv } from '../app-env.ts';

export const benchRoutes = new Hono<AppEnv>().post('/insert-ceiling', async (c) => {
  if (c.env.BENCH_ROUTES !== '1') throw notFound('Route');
  return c.json(await insertCeiling(c.env.DB, Number(c.req.query('rows') ?? 100_000)));
});
