/**
 * Moves a workspace's leads to another shard, step by step, each step keyed by the move's state in
 * DB (workspace_moves) so that re-running after a crash at any point finishes the move:
 *
 *   draining   new imports, list files and undos are refused (503 WORKSPACE_MOVING); running
 *              imports and list imports may finish (for up to drainMs), running undos always do
 *   copying    the old shard is fenced (writes refused in their own transaction), leads are copied
 *              campaign by campaign in id order; a re-copied batch inserts nothing twice
 *              (ON CONFLICT DO NOTHING) and its counter adds only the rows it inserted; then the
 *              workspace's suppression list, in phone order, resuming after the last number copied
 *   copying-changes  the change records and undo runs of the workspace's imports (move-changes.ts),
 *              import by import, so an import stays undoable after the move
 *   verifying  per campaign: count and checksum equal on both shards, counters equal the counts;
 *              the suppression list: count and checksum equal; each import's change records: count equal;
 *              then the placement flips (reads and writes go to the new shard)
 *   flipped    waits out the isolates' placement cache, so no reader still uses the old shard
 *   deleting   the old rows, counters, suppression entries and change records are deleted in slices; the fence stays (a stale writer
 *              meets it and re-reads the placement); the move's row is deleted: done
 *
 * Each call works until its time budget runs out and returns where it stands; the caller
 * (scripts/move-workspace.ts through the admin route) calls again until `done`.
 */
import type { Env } from '../env.ts';
import { Refusal } from '../refusal.ts';
import { RUNNING } from '../../src/lib/import-view.ts';
import { shardCount, shardDb } from './shards.ts';
import { placeWorkspace, forgetPlacement, PLACEMENT_CACHE_MS } from './placement.ts';
import type { CampaignDigest } from './checksum.ts';
import { copyLeadBatch, copySuppressions, deleteLeadSlice, deleteSuppressions, fenceOldShard, nextCampaign } from './move-steps.ts';
import { verifyCopy } from './move-verify.ts';
import { CHANGES_START, copyChangeBatch, deleteChangesOnOldShard, nextImportWithChanges, undoingImports, verifyChanges } from './move-changes.ts';

export type MovePhase = 'draining' | 'copying' | 'copying-changes' | 'verifying' | 'flipped' | 'deleting';

export interface MoveOptions {
  /** Wall time this call may spend before answering where the move stands. */
  budgetMs?: number;
  /** How long to wait for the workspace's running imports before fencing anyway (they then retry). */
  drainMs?: number;
  /** Leads read from the old shard per copy step. */
  batchRows?: number;
  /** Tests only: throw after this many copy batches were written to the new shard but before the cursor was saved. */
  crashAfterCopyBatches?: number;
}

export interface MoveStatus {
  workspaceId: string;
  fromShard: number;
  toShard: number;
  phase: MovePhase | 'done';
  copiedRows: number;
  runningImports?: number;
  verified?: ({ campaignId: string } & CampaignDigest)[];
}

interface MoveRow {
  workspace_id: string;
  from_shard: number;
  to_shard: number;
  phase: MovePhase;
  cursor_campaign: string | null;
  cursor_id: number;
  copied_rows: number;
  started_at: string;
  flipped_at: string | null;
}

export async function moveWorkspace(env: Env, workspaceId: string, toShard: number, opts: MoveOptions = {}): Promise<MoveStatus> {
  const deadline = Date.now() + (opts.budgetMs ?? 20_000);
  const batchRows = opts.batchRows ?? 2_000;
  let copyBatches = 0;
  let verified: MoveStatus['verified'];

  const started = await startMove(env, workspaceId, toShard);
  if (started === null) return { workspaceId, fromShard: toShard, toShard, phase: 'done', copiedRows: 0 };
  let move = started;
  const from = shardDb(env, move.from_shard);
  const to = shardDb(env, move.to_shard);
  const status = (extra: Partial<MoveStatus> = {}): MoveStatus => ({
    workspaceId,
    fromShard: move.from_shard,
    toShard: move.to_shard,
    phase: move.phase,
    copiedRows: move.copied_rows,
    ...(verified ? { verified } : {}),
    ...extra,
  });
  const save = async (changes: Partial<Pick<MoveRow, 'phase' | 'cursor_campaign' | 'cursor_id' | 'copied_rows'>>) => {
    move = { ...move, ...changes };
    await saveMove(env, move);
  };

  while (Date.now() < deadline) {
    switch (move.phase) {
      case 'draining': {
        const waited = Date.now() - Date.parse(move.started_at);
        const drainMs = opts.drainMs ?? 120_000;
        // An undo walks its records by old lead id: it must end before the copy starts. One that has
        // not ended within the drain time (it may be stuck, waiting to be asked again) calls the
        // move off rather than keeping the workspace closed to imports.
        const undoing = await undoingImports(env, workspaceId);
        if (undoing.length) {
          if (waited < drainMs) return status({ runningImports: undoing.length });
          await env.DB.prepare("DELETE FROM workspace_moves WHERE workspace_id = ?1 AND phase = 'draining'").bind(workspaceId).run();
          throw new Refusal(
            'UNDO_RUNNING',
            `The undo of import ${undoing[0]} did not end within ${Math.round(drainMs / 1000)} s, so the move was called off (nothing was copied; imports are accepted again). ` +
              'Let the undo finish (POST /api/v1/imports/{id}/undo resumes a stuck one), then start the move again.',
          );
        }
        const running = await runningImports(env, workspaceId);
        if (running > 0 && waited < drainMs) return status({ runningImports: running });
        await fenceOldShard(from, to, workspaceId);
        await save({ phase: 'copying', cursor_campaign: await nextCampaign(from, workspaceId, ''), cursor_id: 0 });
        break;
      }
      case 'copying': {
        const campaignId = move.cursor_campaign;
        if (campaignId === null) {
          // The leads are copied; the suppression list follows (it resumes where the copy stands).
          if (!(await copySuppressions(from, to, workspaceId, batchRows, deadline))) return status();
          await save({ phase: 'copying-changes', cursor_campaign: (await nextImportWithChanges(env, workspaceId, ''))?.id ?? null, cursor_id: CHANGES_START });
          break;
        }
        const copied = await copyLeadBatch(from, to, workspaceId, campaignId, move.cursor_id, batchRows);
        copyBatches++;
        if (opts.crashAfterCopyBatches !== undefined && copyBatches >= opts.crashAfterCopyBatches) {
          throw new Error('simulated crash after a copy batch, before its cursor was saved');
        }
        if (copied.rows === batchRows) await save({ cursor_id: copied.lastId, copied_rows: move.copied_rows + copied.rows });
        else await save({ cursor_campaign: await nextCampaign(from, workspaceId, campaignId), cursor_id: 0, copied_rows: move.copied_rows + copied.rows });
        break;
      }
      case 'copying-changes': {
        // cursor_campaign holds the import being copied here, cursor_id its last old lead id copied.
        const importId = move.cursor_campaign;
        if (importId === null) {
          await save({ phase: 'verifying' });
          break;
        }
        const imp = await env.DB.prepare('SELECT id, campaign_id FROM imports WHERE id = ?1').bind(importId).first<{ id: string; campaign_id: string }>();
        const copied = imp ? await copyChangeBatch(from, to, { id: imp.id, campaignId: imp.campaign_id }, move.cursor_id, batchRows) : { rows: 0, lastLeadId: CHANGES_START };
        if (copied.rows === batchRows) await save({ cursor_id: copied.lastLeadId });
        else await save({ cursor_campaign: (await nextImportWithChanges(env, workspaceId, importId))?.id ?? null, cursor_id: CHANGES_START });
        break;
      }
      case 'verifying': {
        verified = await verifyCopy(from, to, workspaceId);
        await verifyChanges(env, from, to, workspaceId);
        move = { ...move, phase: 'flipped', flipped_at: await flipPlacement(env, workspaceId, move.to_shard) };
        break;
      }
      case 'flipped': {
        const wait = placementCacheWait(move.flipped_at);
        if (wait > 0) {
          if (Date.now() + wait > deadline) return status();
          await new Promise((r) => setTimeout(r, wait));
        }
        await save({ phase: 'deleting' });
        break;
      }
      case 'deleting': {
        const campaignId = await nextCampaign(from, workspaceId, '');
        if (campaignId !== null) {
          await deleteLeadSlice(from, workspaceId, campaignId);
          break;
        }
        if (!(await deleteSuppressions(from, workspaceId, deadline))) return status();
        if (!(await deleteChangesOnOldShard(env, from, workspaceId, deadline))) return status();
        await env.DB.prepare('DELETE FROM workspace_moves WHERE workspace_id = ?1').bind(workspaceId).run();
        return status({ phase: 'done' });
      }
    }
  }
  return status();
}

/** Stores where the move stands (its phase and copy cursor). */
async function saveMove(env: Env, move: MoveRow): Promise<void> {
  await env.DB.prepare(
    'UPDATE workspace_moves SET phase = ?2, cursor_campaign = ?3, cursor_id = ?4, copied_rows = ?5, updated_at = ?6 WHERE workspace_id = ?1',
  )
    .bind(move.workspace_id, move.phase, move.cursor_campaign, move.cursor_id, move.copied_rows, new Date().toISOString())
    .run();
}

/** Isolates that cached the old placement read the old shard until their entry expires: how long that still is, in ms. */
function placementCacheWait(flippedAt: string | null): number {
  return Date.parse(flippedAt ?? new Date().toISOString()) + PLACEMENT_CACHE_MS + 1_000 - Date.now();
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
      `INSERT OR IGNORE INTO workspace_moves (workspace_id, from_shard, to_shard, phase, cursor_id, copied_rows, started_at, updated_at)
       VALUES (?1, ?2, ?3, 'draining', 0, 0, ?4, ?4)`,
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

/** Reads and writes go to the new shard from now on (this isolate at once, others when their cache expires); returns when. */
async function flipPlacement(env: Env, workspaceId: string, toShard: number): Promise<string> {
  const now = new Date().toISOString();
  await env.DB.batch([
    env.DB.prepare('UPDATE workspace_shards SET shard = ?2, placed_at = ?3 WHERE workspace_id = ?1').bind(workspaceId, toShard, now),
    env.DB.prepare("UPDATE workspace_moves SET phase = 'flipped', flipped_at = ?2, updated_at = ?2 WHERE workspace_id = ?1").bind(workspaceId, now),
  ]);
  forgetPlacement(workspaceId);
  return now;
}

/** Where a workspace's move stands (null when none runs). */
export async function readMove(env: Env, workspaceId: string): Promise<MoveRow | null> {
  return env.DB.prepare('SELECT * FROM workspace_moves WHERE workspace_id = ?1').bind(workspaceId).first<MoveRow>();
}

/** Imports still running, and suppression list imports still listing in the background. */
async function runningImports(env: Env, workspaceId: string): Promise<number> {
  const row = await env.DB.prepare(
    `SELECT (SELECT count(*) FROM imports WHERE workspace_id = ?1 AND status IN (SELECT value FROM json_each(?2)))
          + (SELECT count(*) FROM suppression_imports WHERE workspace_id = ?1 AND status = 'running') AS n`,
  )
    .bind(workspaceId, JSON.stringify(RUNNING))
    .first<{ n: number }>();
  return row?.n ?? 0;
}
