/**
 * Moves a workspace's leads to another shard, step by step, each step keyed by the move's state in
 * DB (workspace_moves) so that re-running after a crash at any point finishes the move:
 *
 *   draining   new imports, list files and undos are refused (503 WORKSPACE_MOVING); running
 *              imports and list imports may finish (for up to drainMs), running undos always do
 *   copying    the old shard is fenced (writes refused in their own transaction); then every table
 *              the registry carries (shard-tables.ts: leads and their counters, the suppression
 *              list, the change records and undo runs), batch by batch; a batch copied again after
 *              a crash inserts nothing twice
 *   verifying  every carried table: counts and checksums equal on both shards; then the placement
 *              flips (reads and writes go to the new shard)
 *   flipped    waits out the isolates' placement cache, so no reader still uses the old shard
 *   deleting   every carried table's rows are deleted from the old shard in slices; the fence stays
 *              (a stale writer meets it and re-reads the placement); the move's row is deleted: done
 *
 * Each call works until its time budget runs out and returns where it stands; the caller
 * (scripts/move-workspace.ts through the admin route) calls again until `done`. The phases are in
 * move-phases.ts.
 */
import type { Env } from '../env.ts';
import { Refusal } from '../refusal.ts';
import { shardCount, shardDb } from './shards.ts';
import { placeWorkspace } from './placement.ts';
import { PHASES, type MovePhase, type MoveRow, type MoveRun, type MoveStatus } from './move-phases.ts';

export type { MovePhase, MoveStatus };

export interface MoveOptions {
  /** Wall time this call may spend before answering where the move stands. */
  budgetMs?: number;
  /** How long to wait for the workspace's running imports before fencing anyway (they then retry). */
  drainMs?: number;
  /** Rows read from the old shard per copy step. */
  batchRows?: number;
}

export async function moveWorkspace(env: Env, workspaceId: string, toShard: number, opts: MoveOptions = {}): Promise<MoveStatus> {
  const started = await startMove(env, workspaceId, toShard);
  if (started === null) return { workspaceId, fromShard: toShard, toShard, phase: 'done', copiedRows: 0 };
  const deadline = Date.now() + (opts.budgetMs ?? 20_000);
  const run: MoveRun = {
    row: started,
    drainMs: opts.drainMs ?? 120_000,
    ctx: { env, workspaceId, from: shardDb(env, started.from_shard), to: shardDb(env, started.to_shard), batchRows: opts.batchRows ?? 2_000, deadline },
    save: async (changes) => {
      run.row = { ...run.row, ...changes };
      await saveMove(env, run.row);
    },
    status: (extra = {}) => ({
      workspaceId,
      fromShard: run.row.from_shard,
      toShard: run.row.to_shard,
      phase: run.row.phase,
      copiedRows: run.row.copied_rows,
      ...(run.verified ? { verified: run.verified } : {}),
      ...extra,
    }),
  };
  while (Date.now() < deadline) {
    const answer = await PHASES[run.row.phase](run);
    if (answer) return answer;
  }
  return run.status();
}

/** Stores where the move stands (its phase, step and cursor). */
async function saveMove(env: Env, move: MoveRow): Promise<void> {
  await env.DB.prepare('UPDATE workspace_moves SET phase = ?2, step = ?3, cursor = ?4, copied_rows = ?5, flipped_at = ?6, updated_at = ?7 WHERE workspace_id = ?1')
    .bind(move.workspace_id, move.phase, move.step, move.cursor, move.copied_rows, move.flipped_at, new Date().toISOString())
    .run();
}

/** The move's row, created when none runs (after checking the target shard); null when the workspace already is on `toShard`. */
async function startMove(env: Env, workspaceId: string, toShard: number): Promise<MoveRow | null> {
  let move = await readMove(env, workspaceId);
  if (!move) {
    if (!Number.isInteger(toShard) || toShard < 0 || toShard >= shardCount(env)) {
      throw new Refusal('SHARD_UNKNOWN', `There is no leads shard ${toShard}; shards 0 to ${shardCount(env) - 1} are in use.`);
    }
    const from = await placeWorkspace(env, workspaceId);
    if (from === toShard) return null;
    const now = new Date().toISOString();
    await env.DB.prepare(
      `INSERT OR IGNORE INTO workspace_moves (workspace_id, from_shard, to_shard, phase, copied_rows, started_at, updated_at)
       VALUES (?1, ?2, ?3, 'draining', 0, ?4, ?4)`,
    )
      .bind(workspaceId, from, toShard, now)
      .run();
    move = (await readMove(env, workspaceId))!;
  }
  if (move.to_shard !== toShard) {
    throw new Refusal('MOVE_IN_PROGRESS', `This workspace is already moving to shard ${move.to_shard}; finish that move first.`);
  }
  return move;
}

/** Where a workspace's move stands (null when none runs). */
export async function readMove(env: Env, workspaceId: string): Promise<MoveRow | null> {
  return env.DB.prepare('SELECT * FROM workspace_moves WHERE workspace_id = ?1').bind(workspaceId).first<MoveRow>();
}
