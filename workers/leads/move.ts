/**
 * Moves a workspace's leads to another shard, step by step, each step keyed by the move's state in
 * DB (workspace_moves) so that re-running after a crash at any point finishes the move:
 *
 *   draining   new imports are refused (503 WORKSPACE_MOVING); running imports may finish
 *   copying    the old shard is fenced (writes refused in their own transaction), leads are copied
 *              campaign by campaign in id order; a re-copied batch inserts nothing twice
 *              (ON CONFLICT DO NOTHING) and its counter adds only the rows it inserted; then the
 *              workspace's suppression list, in phone order, resuming after the last number copied
 *   verifying  per campaign: count and checksum equal on both shards, counters equal the counts;
 *              the suppression list: count and checksum equal;
 *              then the placement flips (reads and writes go to the new shard)
 *   flipped    waits out the isolates' placement cache, so no reader still uses the old shard
 *   deleting   the old rows, counters and suppression entries are deleted in slices; the fence stays (a stale writer
 *              meets it and re-reads the placement); the move's row is deleted: done
 *
 * Each call works until its time budget runs out and returns where it stands; the caller
 * (scripts/move-workspace.ts through the admin route) calls again until `done`.
 */
import type { Env } from '../env.ts';
import { ApiError } from '../api/errors.ts';
import { RUNNING } from '../../src/lib/import-view.ts';
import { shardCount, shardDb } from './shards.ts';
import { placeWorkspace, forgetPlacement, PLACEMENT_CACHE_MS } from './placement.ts';
import { paramGroups } from './param-groups.ts';
import { campaignDigest, suppressionDigest, type CampaignDigest } from './checksum.ts';
import { COUNTER_ADD_CHANGES } from './store.ts';

export type MovePhase = 'draining' | 'copying' | 'verifying' | 'flipped' | 'deleting';

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

const LEAD_COLUMNS = 'phone, phone_country, phone_type, phone_extension, phone_zone_set, variables, secondary_contacts, import_id, source_row, created_at, version, updated_import_id';
const LEAD_VALUES = LEAD_COLUMNS.split(', ')
  .map((_, i) => `j.value->>${i}`)
  .join(', ');

export async function moveWorkspace(env: Env, workspaceId: string, toShard: number, opts: MoveOptions = {}): Promise<MoveStatus> {
  const deadline = Date.now() + (opts.budgetMs ?? 20_000);
  const batchRows = opts.batchRows ?? 2_000;
  let copyBatches = 0;
  let verified: MoveStatus['verified'];

  let move = await readMove(env, workspaceId);
  if (!move) {
    if (!Number.isInteger(toShard) || toShard < 0 || toShard >= shardCount(env)) {
      throw new ApiError(422, 'SHARD_UNKNOWN', `There is no leads shard ${toShard}; shards 0 to ${shardCount(env) - 1} are in use.`);
    }
    const from = await placeWorkspace(env, workspaceId);
    if (from === toShard) return { workspaceId, fromShard: from, toShard, phase: 'done', copiedRows: 0 };
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
    throw new ApiError(409, 'MOVE_IN_PROGRESS', `This workspace is already moving to shard ${move.to_shard}; finish that move first.`);
  }
  const from = shardDb(env, move.from_shard);
  const to = shardDb(env, move.to_shard);
  const status = (extra: Partial<MoveStatus> = {}): MoveStatus => ({
    workspaceId,
    fromShard: move!.from_shard,
    toShard: move!.to_shard,
    phase: move!.phase,
    copiedRows: move!.copied_rows,
    ...(verified ? { verified } : {}),
    ...extra,
  });
  const save = async (changes: Partial<Pick<MoveRow, 'phase' | 'cursor_campaign' | 'cursor_id' | 'copied_rows'>>) => {
    move = { ...move!, ...changes };
    await env.DB.prepare(
      'UPDATE workspace_moves SET phase = ?2, cursor_campaign = ?3, cursor_id = ?4, copied_rows = ?5, updated_at = ?6 WHERE workspace_id = ?1',
    )
      .bind(workspaceId, move.phase, move.cursor_campaign, move.cursor_id, move.copied_rows, new Date().toISOString())
      .run();
  };

  while (Date.now() < deadline) {
    switch (move.phase) {
      case 'draining': {
        const running = await runningImports(env, workspaceId);
        if (running > 0 && Date.now() - Date.parse(move.started_at) < (opts.drainMs ?? 120_000)) {
          return status({ runningImports: running });
        }
        const now = new Date().toISOString();
        await from.prepare('INSERT OR IGNORE INTO workspace_fences (workspace_id, since) VALUES (?1, ?2)').bind(workspaceId, now).run();
        await to.prepare('DELETE FROM workspace_fences WHERE workspace_id = ?1').bind(workspaceId).run();
        await save({ phase: 'copying', cursor_campaign: await nextCampaign(from, workspaceId, ''), cursor_id: 0 });
        break;
      }
      case 'copying': {
        const campaignId = move.cursor_campaign;
        if (campaignId === null) {
          // The leads are copied; the suppression list follows (it resumes where the copy stands).
          if (!(await copySuppressions(from, to, workspaceId, batchRows, deadline))) return status();
          await save({ phase: 'verifying' });
          break;
        }
        const { results } = await from
          .prepare(`SELECT id, ${LEAD_COLUMNS} FROM leads WHERE campaign_id = ?1 AND workspace_id = ?2 AND id > ?3 ORDER BY id LIMIT ?4`)
          .bind(campaignId, workspaceId, move.cursor_id, batchRows)
          .all<Record<string, unknown> & { id: number }>();
        for (const json of paramGroups(results, (r) => LEAD_COLUMNS.split(', ').map((c) => r[c]))) {
          await to.batch([
            to
              .prepare(
                `INSERT INTO leads (workspace_id, campaign_id, ${LEAD_COLUMNS})
                 SELECT ?1, ?2, ${LEAD_VALUES}
                 FROM json_each(?3) AS j WHERE true
                 ON CONFLICT (campaign_id, phone) DO NOTHING`,
              )
              .bind(workspaceId, campaignId, json),
            to.prepare(COUNTER_ADD_CHANGES).bind(workspaceId, campaignId, 1),
          ]);
        }
        copyBatches++;
        if (opts.crashAfterCopyBatches !== undefined && copyBatches >= opts.crashAfterCopyBatches) {
          throw new Error('simulated crash after a copy batch, before its cursor was saved');
        }
        if (results.length === batchRows) await save({ cursor_id: results[results.length - 1]!.id, copied_rows: move.copied_rows + results.length });
        else await save({ cursor_campaign: await nextCampaign(from, workspaceId, campaignId), cursor_id: 0, copied_rows: move.copied_rows + results.length });
        break;
      }
      case 'verifying': {
        verified = await verify(from, to, workspaceId);
        const now = new Date().toISOString();
        await env.DB.batch([
          env.DB.prepare('UPDATE workspace_shards SET shard = ?2, placed_at = ?3 WHERE workspace_id = ?1').bind(workspaceId, move.to_shard, now),
          env.DB.prepare("UPDATE workspace_moves SET phase = 'flipped', flipped_at = ?2, updated_at = ?2 WHERE workspace_id = ?1").bind(workspaceId, now),
        ]);
        forgetPlacement(workspaceId);
        move = { ...move, phase: 'flipped', flipped_at: now };
        break;
      }
      case 'flipped': {
        // Isolates that cached the old placement read the old shard until their entry expires.
        const wait = Date.parse(move.flipped_at ?? new Date().toISOString()) + PLACEMENT_CACHE_MS + 1_000 - Date.now();
        if (wait > 0) {
          if (Date.now() + wait > deadline) return status();
          await new Promise((r) => setTimeout(r, wait));
        }
        await save({ phase: 'deleting' });
        break;
      }
      case 'deleting': {
        const campaignId = await nextCampaign(from, workspaceId, '');
        if (campaignId === null) {
          if (!(await deleteSuppressions(from, workspaceId, deadline))) return status();
          await env.DB.prepare('DELETE FROM workspace_moves WHERE workspace_id = ?1').bind(workspaceId).run();
          return status({ phase: 'done' });
        }
        const slice = 5_000;
        const [deleted] = await from.batch([
          from
            .prepare('DELETE FROM leads WHERE id IN (SELECT id FROM leads WHERE campaign_id = ?2 AND workspace_id = ?1 LIMIT ?3)')
            .bind(workspaceId, campaignId, slice),
          from.prepare(COUNTER_ADD_CHANGES).bind(workspaceId, campaignId, -1),
        ]);
        if ((deleted!.meta.changes ?? 0) < slice) {
          await from.prepare('DELETE FROM campaign_counters WHERE workspace_id = ?1 AND campaign_id = ?2 AND leads = 0').bind(workspaceId, campaignId).run();
        }
        break;
      }
    }
  }
  return status();
}

/** Where a workspace's move stands (null when none runs). */
export async function readMove(env: Env, workspaceId: string): Promise<MoveRow | null> {
  return env.DB.prepare('SELECT * FROM workspace_moves WHERE workspace_id = ?1').bind(workspaceId).first<MoveRow>();
}

async function runningImports(env: Env, workspaceId: string): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM imports WHERE workspace_id = ?1 AND status IN (SELECT value FROM json_each(?2))')
    .bind(workspaceId, JSON.stringify(RUNNING))
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** The workspace's next campaign after `after` on a shard (every campaign with leads has a counter row). */
async function nextCampaign(d1: D1Database, workspaceId: string, after: string): Promise<string | null> {
  const row = await d1
    .prepare('SELECT campaign_id FROM campaign_counters WHERE workspace_id = ?1 AND campaign_id > ?2 ORDER BY campaign_id LIMIT 1')
    .bind(workspaceId, after)
    .first<{ campaign_id: string }>();
  return row?.campaign_id ?? null;
}

/**
 * Copies the workspace's suppression list in phone order, resuming after the greatest number the
 * new shard already holds (a re-run copies nothing twice: ON CONFLICT DO NOTHING). The old shard
 * is fenced, so the list does not change meanwhile. True when the whole list is copied.
 */
async function copySuppressions(from: D1Database, to: D1Database, workspaceId: string, batchRows: number, deadline: number): Promise<boolean> {
  const last = await to.prepare('SELECT max(phone) AS phone FROM suppressions WHERE workspace_id = ?1').bind(workspaceId).first<{ phone: string | null }>();
  let after = last?.phone ?? '';
  while (Date.now() < deadline) {
    const { results } = await from
      .prepare(`SELECT ${SUPPRESSION_COLUMNS} FROM suppressions WHERE workspace_id = ?1 AND phone > ?2 ORDER BY phone LIMIT ?3`)
      .bind(workspaceId, after, batchRows)
      .all<Record<string, unknown> & { phone: string }>();
    if (!results.length) return true;
    await to.batch(
      paramGroups(results, (r) => SUPPRESSION_COLUMNS.split(', ').map((c) => r[c])).map((json) =>
        to
          .prepare(
            `INSERT INTO suppressions (workspace_id, ${SUPPRESSION_COLUMNS})
             SELECT ?1, j.value->>0, j.value->>1, j.value->>2, j.value->>3 FROM json_each(?2) AS j WHERE true
             ON CONFLICT (workspace_id, phone) DO NOTHING`,
          )
          .bind(workspaceId, json),
      ),
    );
    if (results.length < batchRows) return true;
    after = results[results.length - 1]!.phone;
  }
  return false;
}

const SUPPRESSION_COLUMNS = 'phone, reason, expires_at, created_at';

/** Deletes the workspace's suppression list on the old shard in slices; true when none is left. */
async function deleteSuppressions(from: D1Database, workspaceId: string, deadline: number): Promise<boolean> {
  const slice = 5_000;
  while (Date.now() < deadline) {
    const result = await from
      .prepare('DELETE FROM suppressions WHERE workspace_id = ?1 AND phone IN (SELECT phone FROM suppressions WHERE workspace_id = ?1 LIMIT ?2)')
      .bind(workspaceId, slice)
      .run();
    if ((result.meta.changes ?? 0) < slice) return true;
  }
  return false;
}

/** Every campaign: same count and checksum on both shards, and the new shard's counter equal to its count; the same for the suppression list. */
async function verify(from: D1Database, to: D1Database, workspaceId: string): Promise<NonNullable<MoveStatus['verified']>> {
  const [a, b] = await Promise.all([suppressionDigest(from, workspaceId), suppressionDigest(to, workspaceId)]);
  if (a.count !== b.count || a.sum !== b.sum || a.xor !== b.xor) {
    throw new ApiError(
      500,
      'MOVE_VERIFY_FAILED',
      `The suppression list's copy differs from the original (${a.count} numbers, ${b.count} copied); the placement was not changed.`,
    );
  }
  const out: NonNullable<MoveStatus['verified']> = [];
  for (let c = await nextCampaign(from, workspaceId, ''); c !== null; c = await nextCampaign(from, workspaceId, c)) {
    const [a, b, counter] = await Promise.all([
      campaignDigest(from, workspaceId, c),
      campaignDigest(to, workspaceId, c),
      to.prepare('SELECT leads FROM campaign_counters WHERE workspace_id = ?1 AND campaign_id = ?2').bind(workspaceId, c).first<{ leads: number }>(),
    ]);
    if (a.count !== b.count || a.sum !== b.sum || a.xor !== b.xor || (counter?.leads ?? 0) !== b.count) {
      throw new ApiError(
        500,
        'MOVE_VERIFY_FAILED',
        `Campaign ${c}: the copy differs from the original (${a.count} leads, ${b.count} copied, counter ${counter?.leads ?? 0}); the placement was not changed.`,
      );
    }
    out.push({ campaignId: c, ...b });
  }
  return out;
}
