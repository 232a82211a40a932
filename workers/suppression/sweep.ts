/**
 * Deletes the entries of a list source's generations that are neither in force nor being written
 * (a list a replace swapped out, a replace given up or superseded): after the flip nobody reads
 * them (in-force.ts), so this only gives their space back. The key leads with source and generation,
 * so each such generation is one run of the B-tree, deleted a bounded slice per statement; each
 * slice's delete checks in the same statement that its generation is still unnamed (generations are
 * never reused, so one unnamed stays unnamed). Linear in the entries deleted.
 */
import type { Env } from '../env.ts';
import { shardOf } from '../leads/placement.ts';
import { shardDb } from '../leads/shards.ts';
import { NOT_FENCED } from '../leads/fence.ts';

/** Entries deleted per statement. */
export const SWEEP_SLICE = 5_000;

/** One bounded run of the sweep (slices until `deadline`); true when the source still has entries to sweep. */
export async function sweepSource(env: Env, workspaceId: string, source: string, deadline: number, slice = SWEEP_SLICE): Promise<boolean> {
  const d1 = shardDb(env, await shardOf(env, workspaceId));
  for (;;) {
    const state = await d1
      .prepare('SELECT sweep_pending, generation, pending_generation FROM suppression_sources WHERE workspace_id = ?1 AND source = ?2')
      .bind(workspaceId, source)
      .first<{ sweep_pending: number; generation: number; pending_generation: number | null }>();
    if (!state?.sweep_pending) return false;
    // The lowest generation the source does not name (one probe per generation skipped).
    let unnamed: number | null = null;
    for (let after = -1; unnamed === null; ) {
      const next = await d1
        .prepare('SELECT generation FROM suppressions WHERE workspace_id = ?1 AND source = ?2 AND generation > ?3 ORDER BY generation LIMIT 1')
        .bind(workspaceId, source, after)
        .first<{ generation: number }>();
      if (!next) break;
      if (next.generation !== state.generation && next.generation !== state.pending_generation) unnamed = next.generation;
      after = next.generation;
    }
    if (unnamed === null) {
      // Nothing left: done, unless a flip or give-up asked for another sweep meanwhile (it sets the flag again after).
      const done = await d1
        .prepare(`UPDATE suppression_sources SET sweep_pending = 0 WHERE workspace_id = ?1 AND source = ?2 AND generation = ?3 AND pending_generation IS ?4 AND ${NOT_FENCED}`)
        .bind(workspaceId, source, state.generation, state.pending_generation)
        .run();
      // Not done: the source changed meanwhile (look again) or the workspace is moving (later).
      if (!done.meta.changes) {
        if (Date.now() >= deadline) return true;
        continue;
      }
      return false;
    }
    if (Date.now() >= deadline) return true;
    const deleted = await d1
      .prepare(
        `DELETE FROM suppressions WHERE workspace_id = ?1 AND source = ?2 AND generation = ?3
           AND phone IN (SELECT phone FROM suppressions WHERE workspace_id = ?1 AND source = ?2 AND generation = ?3 ORDER BY phone LIMIT ?4)
           AND NOT EXISTS (SELECT 1 FROM suppression_sources WHERE workspace_id = ?1 AND source = ?2 AND (generation = ?3 OR pending_generation = ?3))
           AND ${NOT_FENCED}`,
      )
      .bind(workspaceId, source, unnamed, slice)
      .run();
    // Nothing deleted: the workspace is moving (its writes are fenced); a later message goes on.
    if (!deleted.meta.changes) return true;
  }
}
