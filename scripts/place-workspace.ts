/**
 * The shard a workspace created by a script goes on: its current one when it is placed already,
 * otherwise the least-loaded (the same rule as the Worker, workers/leads/choose-shard.ts), read
 * through wrangler from DB's placements and each shard's counters.
 */
import { chooseShard } from '../workers/leads/choose-shard.ts';
import { querySql, sqlString } from './d1.ts';
import { leadShardBindings } from './shards.ts';

export function shardFor(workspaceId: string, remote = false): number {
  const [mine] = querySql<{ shard: number }>(`SELECT shard FROM workspace_shards WHERE workspace_id = ${sqlString(workspaceId)}`, remote);
  if (mine) return mine.shard;
  const placed = querySql<{ shard: number; n: number }>('SELECT shard, count(*) AS n FROM workspace_shards GROUP BY shard', remote);
  const loads = leadShardBindings().map((binding) => {
    const shard = Number(binding.slice('LEADS_'.length));
    const [row] = querySql<{ n: number }>('SELECT coalesce(sum(leads), 0) AS n FROM campaign_counters', remote, binding);
    return { shard, leads: row?.n ?? 0, workspaces: placed.find((p) => p.shard === shard)?.n ?? 0 };
  });
  return chooseShard(loads);
}
