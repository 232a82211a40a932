/**
 * Which shard holds a workspace's leads (DB's workspace_shards), cached per isolate for a few
 * seconds. A move waits longer than the cache lives between flipping the placement and deleting
 * the old rows, and a write that meets the old shard's fence drops the cached entry, so a stale
 * entry never loses a read or a write.
 */
import { envNumber, type Env } from '../env.ts';
import { chooseShard, type ShardLoad } from './choose-shard.ts';
import { shardCount, shardDb } from './shards.ts';
import { WorkspaceMovingError } from './errors.ts';


const cache = new Map<string, { shard: number; until: number }>();

/** The shard of a workspace; a workspace not placed yet (placement happens at its first use) is placed now. */
export async function shardOf(env: Env, workspaceId: string): Promise<number> {
  const hit = cache.get(workspaceId);
  if (hit && hit.until > Date.now()) return hit.shard;
  let shard = await storedShard(env, workspaceId);
  if (shard === null) shard = await placeWorkspace(env, workspaceId);
  cache.set(workspaceId, { shard, until: Date.now() + envNumber(env, 'PLACEMENT_CACHE_MS') });
  return shard;
}

/** The D1 database holding a workspace's leads and suppression list (its shard). */
export async function workspaceDb(env: Env, workspaceId: string): Promise<D1Database> {
  return shardDb(env, await shardOf(env, workspaceId));
}

/** Forgets the cached placement (a write met a fence: the workspace moved or is moving). */
export function forgetPlacement(workspaceId: string): void {
  cache.delete(workspaceId);
}

async function storedShard(env: Env, workspaceId: string): Promise<number | null> {
  const row = await env.DB.prepare('SELECT shard FROM workspace_shards WHERE workspace_id = ?1').bind(workspaceId).first<{ shard: number }>();
  return row ? row.shard : null;
}

/**
 * Places a workspace on `shard`, or on the least-loaded shard, unless it is placed already
 * (concurrent first uses agree on the first placement). Returns its shard.
 */
export async function placeWorkspace(env: Env, workspaceId: string, shard?: number): Promise<number> {
  const placed = await storedShard(env, workspaceId);
  if (placed !== null) return placed;
  const target = shard ?? chooseShard(await shardLoads(env));
  await env.DB.prepare('INSERT OR IGNORE INTO workspace_shards (workspace_id, shard, placed_at) VALUES (?1, ?2, ?3)')
    .bind(workspaceId, target, new Date().toISOString())
    .run();
  return (await storedShard(env, workspaceId))!;
}

/** Leads (from the shards' counters) and workspaces (from the placements) per shard. */
export async function shardLoads(env: Env): Promise<ShardLoad[]> {
  const n = shardCount(env);
  const [{ results: placed }, ...leads] = await Promise.all([
    env.DB.prepare('SELECT shard, count(*) AS n FROM workspace_shards GROUP BY shard').all<{ shard: number; n: number }>(),
    ...Array.from({ length: n }, (_, i) => shardDb(env, i).prepare('SELECT coalesce(sum(leads), 0) AS n FROM campaign_counters').first<{ n: number }>()),
  ]);
  return Array.from({ length: n }, (_, shard) => ({
    shard,
    leads: leads[shard]?.n ?? 0,
    workspaces: placed.find((p) => p.shard === shard)?.n ?? 0,
  }));
}

/** Refuses new imports (503 WORKSPACE_MOVING, retryable) while the workspace's leads are being moved. */
export async function assertAcceptingImports(env: Env, workspaceId: string): Promise<void> {
  const moving = await env.DB.prepare('SELECT 1 AS m FROM workspace_moves WHERE workspace_id = ?1').bind(workspaceId).first();
  if (moving) throw new WorkspaceMovingError();
}
