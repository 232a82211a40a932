/** The pool of leads databases: the bindings LEADS_0 … LEADS_{N-1} declared in wrangler.toml. */
import { envNumber, type Env } from '../env.ts';

/** How many shards workspaces may be placed on (LEADS_SHARDS, at least 1, at most the bindings declared). */
export function shardCount(env: Env): number {
  const wanted = envNumber(env, 'LEADS_SHARDS');
  let n = 0;
  while (n < wanted && env[`LEADS_${n}`]) n++;
  return Math.max(1, n);
}

/** The D1 database of one shard; a shard index outside the pool is a bug (or a config that shrank). */
export function shardDb(env: Env, shard: number): D1Database {
  const d1 = env[`LEADS_${shard}`];
  if (!d1) throw new Error(`leads shard ${shard} is not bound (LEADS_${shard} missing in wrangler.toml)`);
  return d1;
}
