/** Where a new workspace goes: the least-loaded shard. */

export interface ShardLoad {
  shard: number;
  leads: number;
  workspaces: number;
}

/** Fewest leads, then fewest workspaces, then the lowest index. */
export function chooseShard(loads: ShardLoad[]): number {
  const best = [...loads].sort((a, b) => a.leads - b.leads || a.workspaces - b.workspaces || a.shard - b.shard)[0];
  if (!best) throw new Error('no leads shard to place a workspace on');
  return best.shard;
}
