/**
 * Deletes the entries of a list source's generations that are no longer in force nor being written
 * (a list a replace swapped out, a replace given up or superseded): after the flip nobody reads
 * them (in-force.ts), so this only gives their space back. It walks the workspace's list in number
 * order from a cursor kept on the source's row, a bounded slice per statement, each slice's delete
 * deciding "no longer named" from the source's row in the same statement, so a replace that starts
 * meanwhile never loses a row. A flip or give-up restarts the walk (sources-store.ts resets the
 * cursor); a cursor move from a walk so restarted is not saved. Linear in the list's size overall.
 */
import type { Env } from '../env.ts';
import { shardOf } from '../leads/placement.ts';
import { shardDb } from '../leads/shards.ts';
import { NOT_FENCED } from '../leads/fence.ts';

/** Entries looked at per slice. */
export const SWEEP_SLICE = 5_000;
/** Sorts after every E.164 number: the end of the list. */
const AFTER_ALL = '~';

/** One bounded run of the sweep (slices until `deadline`); true when the source still has entries to sweep. */
export async function sweepSource(env: Env, workspaceId: string, source: string, deadline: number, slice = SWEEP_SLICE): Promise<boolean> {
  const d1 = shardDb(env, await shardOf(env, workspaceId));
  for (;;) {
    const row = await d1
      .prepare('SELECT sweep_pending, sweep_cursor FROM suppression_sources WHERE workspace_id = ?1 AND source = ?2')
      .bind(workspaceId, source)
      .first<{ sweep_pending: number; sweep_cursor: string | null }>();
    if (!row?.sweep_pending) return false;
    if (Date.now() >= deadline) return true;
    const from = row.sweep_cursor ?? '';
    const bound = await d1
      .prepare('SELECT phone FROM suppressions WHERE workspace_id = ?1 AND phone > ?2 ORDER BY phone LIMIT 1 OFFSET ?3')
      .bind(workspaceId, from, slice - 1)
      .first<{ phone: string }>();
    const upto = bound?.phone ?? AFTER_ALL;
    await d1.batch([
      d1
        .prepare(
          `DELETE FROM suppressions AS s WHERE s.workspace_id = ?1 AND s.phone > ?3 AND s.phone <= ?4 AND s.source = ?2 AND ${NOT_FENCED}
             AND NOT EXISTS (SELECT 1 FROM suppression_sources AS g WHERE g.workspace_id = ?1 AND g.source = ?2
                             AND (g.generation = s.generation OR g.pending_generation = s.generation))`,
        )
        .bind(workspaceId, source, from, upto),
      // The walk goes on from here, or ends, unless it was restarted (the cursor moved) meanwhile.
      d1
        .prepare(
          `UPDATE suppression_sources SET sweep_cursor = CASE WHEN ?4 = '${AFTER_ALL}' THEN NULL ELSE ?4 END, sweep_pending = CASE WHEN ?4 = '${AFTER_ALL}' THEN 0 ELSE 1 END
           WHERE workspace_id = ?1 AND source = ?2 AND sweep_cursor IS ?3 AND ${NOT_FENCED}`,
        )
        .bind(workspaceId, source, row.sweep_cursor, upto),
    ]);
  }
}
