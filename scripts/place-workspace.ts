/**
 * The shard a workspace created by a script goes on: its current one when it is placed already,
 * otherwise the least-loaded (the same rule as the Worker, workers/leads/choose-shard.ts), read
 * from DB's placements and each shard's counters.
 */
import { chooseShard } from '../workers/leads/choose-shard.ts';
import { sqlString, type D1Access } from './d1.ts';
import { leadShardBindings } from './shards.ts';

export async function shardFor(d1: D1Access, workspaceId: string): Promise<number> {
  const [mine] = await d1.query<{ shard: number }>(`SELECT shard FROM workspace_shards WHERE workspace_id = ${sqlString(workspaceId)}`);
  if (mine) return mine.shard;
  const placed = await d1.query<{ shard: number; n: number }>('SELECT shard, count(*) AS n FROM workspace_shards GROUP BY shard');
  const loads = [];
  for (const binding of leadShardBindings()) {
    const shard = Number(binding.slice('LEADS_'.length));
    const [row] = await d1.query<{ n: number }>('SELECT coalesce(sum(leads), 0) AS n FROM campaign_counters', binding);
    loads.push({ shard, leads: row?.n ?? 0, workspaces: placed.find((p) => p.shard === shard)?.n ?? 0 });
  }
  return chooseShard(loads);
}
