/** Bench-only: a list source's rows on its shard, every generation (what the sweep still has to delete), and whether its sweep is pending. */
import type { Env } from '../workers/env.ts';
import { shardOf } from '../workers/leads/placement.ts';
import { shardDb } from '../workers/leads/shards.ts';

export async function suppressionRows(env: Env, workspaceId: string, source: string): Promise<{ rows: number; sweepPending: boolean }> {
  const d1 = shardDb(env, await shardOf(env, workspaceId));
  const [rows, state] = await d1.batch([
    d1.prepare('SELECT count(*) AS n FROM suppressions WHERE workspace_id = ?1 AND source = ?2').bind(workspaceId, source),
    d1.prepare('SELECT sweep_pending FROM suppression_sources WHERE workspace_id = ?1 AND source = ?2').bind(workspaceId, source),
  ]);
  return { rows: (rows!.results[0] as { n: number }).n, sweepPending: !!(state!.results[0] as { sweep_pending?: number } | undefined)?.sweep_pending };
}
