/**
 * The phases of a workspace move (move.ts runs them in a loop until its budget runs out): each
 * does one step of work, saves where the move stands, and answers a status to return now, or null
 * to go on. Tables are carried through the registry (shard-tables.ts), in its order.
 */
import { Refusal } from '../refusal.ts';
import { runningImportCount } from '../imports/imports.ts';
import { forgetPlacement } from './placement.ts';
import { envNumber } from '../env.ts';
import type { MoveContext, MovedTable, Verified } from './moved-table.ts';
import { MOVED_TABLES } from './shard-tables.ts';
import { undoingImports } from './move-changes.ts';

export type MovePhase = 'draining' | 'copying' | 'verifying' | 'flipped' | 'deleting';

export interface MoveStatus {
  workspaceId: string;
  fromShard: number;
  toShard: number;
  phase: MovePhase | 'done';
  /** Rows copied so far, every carried table counted. */
  copiedRows: number;
  runningImports?: number;
  verified?: Verified[];
}

export interface MoveRow {
  workspace_id: string;
  from_shard: number;
  to_shard: number;
  phase: MovePhase;
  /** The carried table being copied or deleted (MovedTable.name), and where its copy resumes. */
  step: string | null;
  cursor: string | null;
  copied_rows: number;
  started_at: string;
  flipped_at: string | null;
}

/** One call of the move: its row (saved by `save`), the shards, and what it answers. */
export interface MoveRun {
  row: MoveRow;
  drainMs: number;
  ctx: MoveContext;
  verified?: Verified[];
  save(changes: Partial<Omit<MoveRow, 'workspace_id' | 'from_shard' | 'to_shard' | 'started_at'>>): Promise<void>;
  status(extra?: Partial<MoveStatus>): MoveStatus;
}

type Phase = (run: MoveRun) => Promise<MoveStatus | null>;

const tableNamed = (name: string | null): MovedTable => {
  const table = MOVED_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`workspace move: no carried table named ${name}`);
  return table;
};

/**
 * Waits for running imports (up to drainMs) and undos, then fences the old shard. An undo walks its
 * records by old lead id: it must end before the copy starts. One that has not ended within the
 * drain time (it may be stuck, waiting to be asked again) calls the move off rather than keeping
 * the workspace closed to imports.
 */
const draining: Phase = async (run) => {
  const { env, workspaceId, from, to } = run.ctx;
  const waited = Date.now() - Date.parse(run.row.started_at);
  const undoing = await undoingImports(env, workspaceId);
  if (undoing.length) {
    if (waited < run.drainMs) return run.status({ runningImports: undoing.length });
    await env.DB.prepare("DELETE FROM workspace_moves WHERE workspace_id = ?1 AND phase = 'draining'").bind(workspaceId).run();
    throw new Refusal(
      'UNDO_RUNNING',
      `The undo of import ${undoing[0]} did not end within ${Math.round(run.drainMs / 1000)} s, so the move was called off (nothing was copied; imports are accepted again). ` +
        'Let the undo finish (POST /api/v1/imports/{id}/undo resumes a stuck one), then start the move again.',
    );
  }
  const running = await runningImports(run.ctx);
  if (running > 0 && waited < run.drainMs) return run.status({ runningImports: running });
  // Writes to the old shard are refused from now on (in their own transaction); the new shard has no fence.
  const now = new Date().toISOString();
  await from.prepare('INSERT OR IGNORE INTO workspace_fences (workspace_id, since) VALUES (?1, ?2)').bind(workspaceId, now).run();
  await to.prepare('DELETE FROM workspace_fences WHERE workspace_id = ?1').bind(workspaceId).run();
  await run.save({ phase: 'copying', step: MOVED_TABLES[0]!.name, cursor: null });
  return null;
};

/** Copies one batch of the current table; past its last batch, the next table, then verification. */
const copying: Phase = async (run) => {
  const table = tableNamed(run.row.step);
  const copied = await table.copy(run.ctx, run.row.cursor);
  const copiedRows = run.row.copied_rows + copied.rows;
  if (copied.cursor !== null) {
    await run.save({ cursor: copied.cursor, copied_rows: copiedRows });
    return null;
  }
  const next = MOVED_TABLES[MOVED_TABLES.indexOf(table) + 1];
  await run.save(next ? { step: next.name, cursor: null, copied_rows: copiedRows } : { phase: 'verifying', step: null, cursor: null, copied_rows: copiedRows });
  return null;
};

/** Every carried table proven equal on both shards; then reads and writes go to the new shard. */
const verifying: Phase = async (run) => {
  const verified: Verified[] = [];
  for (const table of MOVED_TABLES) verified.push(...(await table.verify(run.ctx)));
  run.verified = verified;
  const { env, workspaceId } = run.ctx;
  const now = new Date().toISOString();
  await env.DB.batch([
    env.DB.prepare('UPDATE workspace_shards SET shard = ?2, placed_at = ?3 WHERE workspace_id = ?1').bind(workspaceId, run.row.to_shard, now),
    env.DB.prepare("UPDATE workspace_moves SET phase = 'flipped', flipped_at = ?2, updated_at = ?2 WHERE workspace_id = ?1").bind(workspaceId, now),
  ]);
  // This isolate reads the new placement at once, the others when their cache expires.
  forgetPlacement(workspaceId);
  run.row = { ...run.row, phase: 'flipped', flipped_at: now };
  return null;
};

/** Isolates that cached the old placement read the old shard until their entry expires: waits that out. */
const flipped: Phase = async (run) => {
  const wait = Date.parse(run.row.flipped_at ?? new Date().toISOString()) + envNumber(run.ctx.env, 'PLACEMENT_CACHE_MS') + 1_000 - Date.now();
  if (wait > 0) {
    if (Date.now() + wait > run.ctx.deadline) return run.status();
    await new Promise((r) => setTimeout(r, wait));
  }
  await run.save({ phase: 'deleting', step: MOVED_TABLES[0]!.name, cursor: null });
  return null;
};

/** Deletes the current table's rows on the old shard; after the last table the move is done. */
const deleting: Phase = async (run) => {
  const table = tableNamed(run.row.step);
  if (!(await table.deleteOld(run.ctx))) return run.status();
  const next = MOVED_TABLES[MOVED_TABLES.indexOf(table) + 1];
  if (next) {
    await run.save({ step: next.name });
    return null;
  }
  await run.ctx.env.DB.prepare('DELETE FROM workspace_moves WHERE workspace_id = ?1').bind(run.ctx.workspaceId).run();
  return run.status({ phase: 'done' });
};

export const PHASES: Record<MovePhase, Phase> = { draining, copying, verifying, flipped, deleting };

/** Imports still running, and suppression list imports still listing in the background. */
async function runningImports({ env, workspaceId }: MoveContext): Promise<number> {
  const lists = await env.DB.prepare("SELECT count(*) AS n FROM suppression_imports WHERE workspace_id = ?1 AND status = 'running'")
    .bind(workspaceId)
    .first<{ n: number }>();
  return (await runningImportCount(env, workspaceId)) + (lists?.n ?? 0);
}
