/**
 * A move's part for undo: the change records of the workspace's imports (lead_changes: a lead's
 * values before an import updated it) and their undo runs go to the new shard with the leads, so an
 * import stays undoable, exactly, after its workspace moved. Leads get new ids on the new shard: a
 * record whose lead still exists on the old shard is pointed at that lead's copy, found by its
 * campaign and number (unique per campaign, and the number of a lead never changes). A record
 * whose lead no longer exists (deleted by an undo) is never pointed at a lead again, not even at a
 * later lead with the same number: it keeps a negative id (the old id negated; negative ids stay
 * negative through later moves), so an undo still reports it as deleted and touches nothing.
 *
 * Imports are walked in id order, each one's records in old lead id order from CHANGES_START
 * (below every id, negative ones included); a re-copied batch
 * inserts nothing twice (ON CONFLICT DO NOTHING on import and new lead id, the mapping being the
 * same each time). Undo runs are copied as they are: the move waits for running undos before it
 * fences, so every run copied is finished.
 */
import type { Env } from '../env.ts';
import { paramGroups } from './param-groups.ts';
import { leadChanges, undoRuns } from './schema.ts';
import { digestPages, sameDigest } from './checksum.ts';
import { copyDiffers, type MovedTable, type Verified } from './moved-table.ts';
import { importIdsWithStatus, importRef, nextImportWithChanges as nextImportAfter } from '../imports/imports.ts';

const CHANGE_COLUMNS = [
  'kind',
  'phone',
  'before_variables',
  'before_fields',
  'before_contacts',
  'before_version',
  'before_updated_import_id',
  'after_version',
  'batch',
  'created_at',
  'undone_at',
  'skip_reason',
  'skipped_by',
] as const;
const UNDO_RUN_COLUMNS = ['workspace_id', 'campaign_id', 'created_cursor', 'created_done', 'updated_cursor', 'updated_done', 'undone', 'deleted', 'skipped', 'started_at'] as const;
/** Where the copy of an import's records starts: below every lead id, the negative ones of records whose lead is gone included. */
const CHANGES_START = -Number.MAX_SAFE_INTEGER;
/** Records deleted from the old shard per statement. */
const DELETE_SLICE = 5_000;

interface ImportRef {
  id: string;
  campaignId: string;
}

/** The workspace's next import after `after` (id order) whose change records are still kept. */
async function nextImportWithChanges(env: Env, workspaceId: string, after: string): Promise<ImportRef | null> {
  return (await nextImportAfter(env, workspaceId, after)) ?? null;
}

/**
 * Copies one batch of an import's change records after old lead id `afterLeadId`; returns the
 * records read and the last old lead id. A batch shorter than `batchRows` ends the import's records,
 * and its undo run (if any) is copied with it.
 */
async function copyChangeBatch(
  from: D1Database,
  to: D1Database,
  imp: ImportRef,
  afterLeadId: number,
  batchRows: number,
): Promise<{ rows: number; lastLeadId: number }> {
  // `alive`: the record's own lead is still on the old shard (so its copy is on the new one).
  const { results } = await from
    .prepare(
      `SELECT c.lead_id, EXISTS (SELECT 1 FROM leads AS l WHERE l.id = c.lead_id AND l.phone = c.phone) AS alive, ${CHANGE_COLUMNS.map((col) => `c.${col}`).join(', ')}
       FROM lead_changes AS c WHERE c.import_id = ?1 AND c.lead_id > ?2 ORDER BY c.lead_id LIMIT ?3`,
    )
    .bind(imp.id, afterLeadId, batchRows)
    .all<Record<string, unknown> & { lead_id: number; alive: number }>();
  const statements = paramGroups(results, (r) => [r.lead_id, r.alive, ...CHANGE_COLUMNS.map((c) => r[c])]).map((json) =>
    to
      .prepare(
        `INSERT INTO lead_changes (import_id, lead_id, ${CHANGE_COLUMNS.join(', ')})
         SELECT ?1,
                CASE WHEN j.value->>1 THEN (SELECT l.id FROM leads AS l WHERE l.campaign_id = ?2 AND l.phone = j.value->>3) ELSE -abs(j.value->>0) END,
                ${CHANGE_COLUMNS.map((_, i) => `j.value->>${i + 2}`).join(', ')}
         FROM json_each(?3) AS j WHERE true
         ON CONFLICT (import_id, lead_id) DO NOTHING`,
      )
      .bind(imp.id, imp.campaignId, json),
  );
  if (results.length < batchRows) {
    const run = await from.prepare(`SELECT ${UNDO_RUN_COLUMNS.join(', ')} FROM undo_runs WHERE import_id = ?1`).bind(imp.id).first<Record<string, unknown>>();
    if (run) {
      statements.push(
        to
          .prepare(
            `INSERT INTO undo_runs (import_id, ${UNDO_RUN_COLUMNS.join(', ')}) VALUES (?1, ${UNDO_RUN_COLUMNS.map((_, i) => `?${i + 2}`).join(', ')})
             ON CONFLICT (import_id) DO NOTHING`,
          )
          .bind(imp.id, ...UNDO_RUN_COLUMNS.map((c) => run[c] ?? null)),
      );
    }
  }
  if (statements.length) await to.batch(statements);
  return { rows: results.length, lastLeadId: results.length ? results[results.length - 1]!.lead_id : afterLeadId };
}

/** An import's change records on one shard, digested without their lead ids (a move gives leads new ids). */
function changesDigest(d1: D1Database, importId: string) {
  return digestPages(async (after: number, limit) => {
    const { results } = await d1
      .prepare(`SELECT lead_id AS key, json_array(${CHANGE_COLUMNS.join(', ')}) AS content FROM lead_changes WHERE import_id = ?1 AND lead_id > ?2 ORDER BY lead_id LIMIT ?3`)
      .bind(importId, after, limit)
      .all<{ key: number; content: string }>();
    return results;
  }, CHANGES_START);
}

/** An import's undo run on one shard, digested (none: an empty digest). */
function undoRunDigest(d1: D1Database, importId: string) {
  return digestPages(async () => {
    const { results } = await d1
      .prepare(`SELECT 0 AS key, json_array(${UNDO_RUN_COLUMNS.join(', ')}) AS content FROM undo_runs WHERE import_id = ?1`)
      .bind(importId)
      .all<{ key: number; content: string }>();
    return results;
  }, 0);
}

/** The cursor: the import whose records are being copied and the last old lead id copied of them. */
type ChangesCursor = [importId: string, lastLeadId: number];

export const MOVED_CHANGES: MovedTable = {
  name: 'lead_changes',
  tables: [leadChanges, undoRuns],

  async copy(ctx, cursor) {
    const [importId, after] = cursor ? (JSON.parse(cursor) as ChangesCursor) : [(await nextImportWithChanges(ctx.env, ctx.workspaceId, ''))?.id ?? null, CHANGES_START];
    if (importId === null) return { rows: 0, cursor: null };
    const imp = await importRef(ctx.env, importId);
    const copied = imp ? await copyChangeBatch(ctx.from, ctx.to, imp, after, ctx.batchRows) : { rows: 0, lastLeadId: CHANGES_START };
    if (copied.rows === ctx.batchRows) return { rows: copied.rows, cursor: JSON.stringify([importId, copied.lastLeadId] satisfies ChangesCursor) };
    const next = await nextImportWithChanges(ctx.env, ctx.workspaceId, importId);
    return { rows: copied.rows, cursor: next === null ? null : JSON.stringify([next.id, CHANGES_START] satisfies ChangesCursor) };
  },

  /** Every import's change records and undo run: the same on the new shard as on the old, but for lead ids. */
  async verify({ env, from, to, workspaceId }) {
    const out: Verified[] = [];
    for (let imp = await nextImportWithChanges(env, workspaceId, ''); imp !== null; imp = await nextImportWithChanges(env, workspaceId, imp.id)) {
      const [a, b, runA, runB] = await Promise.all([changesDigest(from, imp.id), changesDigest(to, imp.id), undoRunDigest(from, imp.id), undoRunDigest(to, imp.id)]);
      if (!sameDigest(a, b)) throw copyDiffers(`Import ${imp.id}'s undo records`, a, b);
      if (!sameDigest(runA, runB)) throw copyDiffers(`Import ${imp.id}'s undo run`, runA, runB);
      out.push({ table: 'lead_changes', key: imp.id, ...b });
    }
    return out;
  },

  /**
   * Deletes the workspace's change records and undo runs from the old shard, a slice at a time;
   * true when none is left. Imports whose records retention already deleted have none to delete.
   */
  async deleteOld({ env, from, workspaceId, deadline }) {
    for (let imp = await nextImportWithChanges(env, workspaceId, ''); imp !== null; ) {
      if (Date.now() >= deadline) return false;
      const result = await from
        .prepare('DELETE FROM lead_changes WHERE rowid IN (SELECT rowid FROM lead_changes WHERE import_id = ?1 LIMIT ?2)')
        .bind(imp.id, DELETE_SLICE)
        .run();
      if ((result.meta.changes ?? 0) < DELETE_SLICE) {
        await from.prepare('DELETE FROM undo_runs WHERE import_id = ?1').bind(imp.id).run();
        imp = await nextImportWithChanges(env, workspaceId, imp.id);
      }
    }
    return true;
  },
};

/** Ids of the workspace's imports being undone now (a move waits for them: an undo's cursor is in old lead ids). */
export async function undoingImports(env: Env, workspaceId: string): Promise<string[]> {
  return importIdsWithStatus(env, workspaceId, ['undoing']);
}
