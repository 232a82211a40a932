/**
 * The sources of a workspace's list on its shard (suppression_sources): their counts and dates, and
 * the life of a replace. A replace writes the file's numbers into a new generation of the source
 * (add-entries.ts, `pending`), invisible to every reader (in-force.ts), then flips the source to it
 * in one UPDATE: readers see the old list or the new one, never part of each. A replace that fails,
 * or that a newer replace of the same source supersedes, never flips: the old list stays. Rows of
 * generations no longer named are deleted afterwards by the sweep (sweep.ts).
 */
import type { Env } from '../env.ts';
import { shardOf } from '../leads/placement.ts';
import { shardDb } from '../leads/shards.ts';
import { FENCED, NOT_FENCED, checkFence } from '../leads/fence.ts';
import { INTERNAL_SOURCE } from '../../src/lib/suppression/sources.ts';
import { BUMP_LIST_VERSION } from './list-version.ts';
import { SuppressionRefusal } from './refusals.ts';

export interface SourceRow {
  source: string;
  count: number;
  asOf: string | null;
  /** A replace being written (its list import), or null. */
  replacing: string | null;
}

async function shard(env: Env, workspaceId: string): Promise<D1Database> {
  return shardDb(env, await shardOf(env, workspaceId));
}

/** Every source of the workspace's list, in name order; `internal` always (count 0 when empty). */
export async function listSources(env: Env, workspaceId: string): Promise<SourceRow[]> {
  const d1 = await shard(env, workspaceId);
  const { results } = await d1
    .prepare('SELECT source, count, as_of, pending_import FROM suppression_sources WHERE workspace_id = ?1 ORDER BY source')
    .bind(workspaceId)
    .all<{ source: string; count: number; as_of: string | null; pending_import: string | null }>();
  const rows = results.map((r) => ({ source: r.source, count: r.count, asOf: r.as_of, replacing: r.pending_import }));
  if (!rows.some((r) => r.source === INTERNAL_SOURCE)) rows.unshift({ source: INTERNAL_SOURCE, count: 0, asOf: null, replacing: null });
  return rows;
}

/**
 * Starts a replace of `source` by the list import `importId`: a new generation (never used before)
 * becomes the source's pending one, superseding any replace still being written. Returns it.
 */
export async function beginReplace(env: Env, workspaceId: string, source: string, importId: string, now: Date): Promise<number> {
  const d1 = await shard(env, workspaceId);
  const [, begun, fence] = await d1.batch([
    d1.prepare(`INSERT INTO suppression_sources (workspace_id, source, updated_at) SELECT ?1, ?2, ?3 WHERE ${NOT_FENCED} ON CONFLICT DO NOTHING`).bind(workspaceId, source, now.toISOString()),
    d1
      .prepare(
        `UPDATE suppression_sources SET pending_generation = next_generation, next_generation = next_generation + 1, pending_import = ?4,
           pending_count = 0, pending_has_expiring = 0, sweep_pending = CASE WHEN pending_generation IS NULL THEN sweep_pending ELSE 1 END, updated_at = ?3
         WHERE workspace_id = ?1 AND source = ?2 AND ${NOT_FENCED} RETURNING pending_generation`,
      )
      .bind(workspaceId, source, now.toISOString(), importId),
    d1.prepare(FENCED).bind(workspaceId),
  ]);
  checkFence(workspaceId, fence!);
  return (begun!.results[0] as { pending_generation: number }).pending_generation;
}

/** Whether `generation` is still the source's pending one (no newer replace superseded it). */
export async function isPending(env: Env, workspaceId: string, source: string, generation: number): Promise<boolean> {
  const d1 = await shard(env, workspaceId);
  const row = await d1.prepare('SELECT 1 AS yes FROM suppression_sources WHERE workspace_id = ?1 AND source = ?2 AND pending_generation = ?3').bind(workspaceId, source, generation).first();
  return !!row;
}

/**
 * Flips the source to the replace's generation, with its count and date, in one statement (and a
 * new list version in the same transaction). 'flipped' also when it had flipped already (a
 * redelivered last chunk); 'superseded' when a newer replace took the source over.
 */
export async function flipReplace(env: Env, workspaceId: string, source: string, generation: number, asOf: string, now: Date): Promise<'flipped' | 'superseded'> {
  const d1 = await shard(env, workspaceId);
  const [flip, , fence] = await d1.batch([
    d1
      .prepare(
        `UPDATE suppression_sources SET generation = pending_generation, count = pending_count, has_expiring = pending_has_expiring, as_of = ?4,
           pending_generation = NULL, pending_import = NULL, pending_count = 0, pending_has_expiring = 0, sweep_pending = 1, updated_at = ?5
         WHERE workspace_id = ?1 AND source = ?2 AND pending_generation = ?3 AND ${NOT_FENCED}`,
      )
      .bind(workspaceId, source, generation, asOf, now.toISOString()),
    d1.prepare(BUMP_LIST_VERSION).bind(workspaceId),
    d1.prepare(FENCED).bind(workspaceId),
  ]);
  checkFence(workspaceId, fence!);
  if ((flip!.meta.changes ?? 0) > 0) return 'flipped';
  const row = await d1.prepare('SELECT generation FROM suppression_sources WHERE workspace_id = ?1 AND source = ?2').bind(workspaceId, source).first<{ generation: number }>();
  return row?.generation === generation ? 'flipped' : 'superseded';
}

/** Gives up a replace that did not complete: the source keeps the list it had; its rows are swept. */
export async function abandonReplace(env: Env, workspaceId: string, source: string, generation: number, now: Date): Promise<void> {
  const d1 = await shard(env, workspaceId);
  await d1
    .prepare(
      `UPDATE suppression_sources SET pending_generation = NULL, pending_import = NULL, pending_count = 0, sweep_pending = 1, updated_at = ?4
       WHERE workspace_id = ?1 AND source = ?2 AND pending_generation = ?3`,
    )
    .bind(workspaceId, source, generation, now.toISOString())
    .run();
}

/** An add of a registry copy dated `asOf`: the source is as fresh as its newest copy. */
export async function noteAsOf(env: Env, workspaceId: string, source: string, asOf: string, now: Date): Promise<void> {
  const d1 = await shard(env, workspaceId);
  await d1
    .prepare(
      `INSERT INTO suppression_sources (workspace_id, source, as_of, updated_at) SELECT ?1, ?2, ?3, ?4 WHERE ${NOT_FENCED}
       ON CONFLICT (workspace_id, source) DO UPDATE SET as_of = max(coalesce(as_of, ''), excluded.as_of), updated_at = excluded.updated_at`,
    )
    .bind(workspaceId, source, asOf, now.toISOString())
    .run();
}

/** At least as many numbers as the list has in force: its sources' counts (expired entries, and numbers in two sources, counted too). */
export async function countListed(env: Env, workspaceId: string): Promise<number> {
  const d1 = await shard(env, workspaceId);
  const row = await d1.prepare('SELECT coalesce(sum(count), 0) AS n FROM suppression_sources WHERE workspace_id = ?1').bind(workspaceId).first<{ n: number }>();
  return row?.n ?? 0;
}

/** Sources a workspace's list may have: every lookup probes each source once, so their number is bounded. */
export const MAX_SOURCES = 32;

/** Refuses a source the list does not have yet when it already has MAX_SOURCES. */
export async function assertSourceRoom(env: Env, workspaceId: string, source: string): Promise<void> {
  const d1 = await shard(env, workspaceId);
  const row = await d1
    .prepare('SELECT count(*) AS n, max(source = ?2) AS has FROM suppression_sources WHERE workspace_id = ?1')
    .bind(workspaceId, source)
    .first<{ n: number; has: number | null }>();
  if (row?.has || (row?.n ?? 0) < MAX_SOURCES) return;
  throw new SuppressionRefusal(
    'SUPPRESSION_SOURCES_LIMIT',
    `The list already has ${MAX_SOURCES} sources, the most it may have; "${source}" would be one more. Add these numbers to a source it has (GET /api/v1/suppressions/sources lists them).`,
  );
}
