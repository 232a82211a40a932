/**
 * Undo of an import's writes on its shard, in bounded steps: leads it created are deleted, leads it
 * updated get back their values from the change records, and a lead changed since by another import
 * (its version is not the one this import left) is left as it is and recorded as skipped. Each step
 * is one batch (one transaction) that also advances the run's cursor and counts, guarded by the
 * cursor it started from, so a redelivered or concurrent step counts nothing twice and applies
 * nothing twice. The campaign counter changes in the same batch as each delete.
 */
import type { Env } from '../env.ts';
import { COUNTER_ADD_CHANGES } from './leads-store.ts';
import { FENCED, NOT_FENCED, checkFence } from './fence.ts';
import { workspaceDb } from './placement.ts';
import { restoreStatements } from './restore-changes.ts';

export interface UndoProgress {
  done: boolean;
  /** Leads deleted or restored. */
  undone: number;
  /** Of `undone`, leads deleted (created by the import); the others were restored. */
  deleted: number;
  skipped: number;
}

interface RunRow {
  created_cursor: number;
  created_done: number;
  updated_cursor: number;
  updated_done: number;
  undone: number;
  deleted: number;
  skipped: number;
}

/** Starts (or finds) the undo run of an import. */
export async function beginUndoRun(env: Env, workspaceId: string, campaignId: string, importId: string, now: string): Promise<void> {
  const d1 = await workspaceDb(env, workspaceId);
  await d1
    .prepare('INSERT INTO undo_runs (import_id, workspace_id, campaign_id, started_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (import_id) DO NOTHING')
    .bind(importId, workspaceId, campaignId, now)
    .run();
}

/** Runs one bounded step of an import's undo (`stepRows` change records or created leads: UNDO_STEP_ROWS); returns where it stands afterwards. */
export async function undoStep(env: Env, workspaceId: string, campaignId: string, importId: string, now: string, stepRows: number): Promise<UndoProgress> {
  const d1 = await workspaceDb(env, workspaceId);
  const run = await readRun(d1, importId);
  if (!run) throw new Error('undo run not begun');
  if (!run.created_done) await undoCreated(d1, workspaceId, campaignId, importId, run.created_cursor, now, stepRows);
  else if (!run.updated_done) await undoUpdated(d1, workspaceId, importId, run.updated_cursor, now, stepRows);
  return progressOf((await readRun(d1, importId))!);
}

function progressOf(run: RunRow): UndoProgress {
  return { done: !!run.created_done && !!run.updated_done, undone: run.undone, deleted: run.deleted, skipped: run.skipped };
}

function readRun(d1: D1Database, importId: string): Promise<RunRow | null> {
  return d1
    .prepare('SELECT created_cursor, created_done, updated_cursor, updated_done, undone, deleted, skipped FROM undo_runs WHERE import_id = ?1')
    .bind(importId)
    .first<RunRow>();
}

/** The next step's range after `cursor`: (cursor, upto], or null when nothing is left. */
async function nextRange(d1: D1Database, sql: string, binds: unknown[]): Promise<number | null> {
  const r = await d1.prepare(sql).bind(...binds).first<{ upto: number | null; n: number }>();
  return r && r.n > 0 ? r.upto : null;
}

/** Leads this import created, next range by id: deleted when unchanged since (version 1), else recorded as skipped. */
async function undoCreated(d1: D1Database, workspaceId: string, campaignId: string, importId: string, cursor: number, now: string, stepRows: number): Promise<void> {
  const upto = await nextRange(
    d1,
    'SELECT max(id) AS upto, count(*) AS n FROM (SELECT id FROM leads WHERE campaign_id = ?1 AND import_id = ?2 AND id > ?3 ORDER BY id LIMIT ?4)',
    [campaignId, importId, cursor, stepRows],
  );
  if (upto === null) {
    await d1.prepare('UPDATE undo_runs SET created_done = 1 WHERE import_id = ?1 AND created_cursor = ?2').bind(importId, cursor).run();
    return;
  }
  const range = 'campaign_id = ?2 AND import_id = ?3 AND id > ?4 AND id <= ?5';
  const [, , , , fence] = await d1.batch([
    d1
      .prepare(
        `UPDATE undo_runs SET
           undone = undone + (SELECT count(*) FROM leads WHERE ${range} AND version = 1),
           deleted = deleted + (SELECT count(*) FROM leads WHERE ${range} AND version = 1),
           skipped = skipped + (SELECT count(*) FROM leads WHERE ${range} AND version <> 1),
           created_cursor = ?5
         WHERE import_id = ?3 AND created_cursor = ?4 AND ${NOT_FENCED}`,
      )
      .bind(workspaceId, campaignId, importId, cursor, upto),
    d1
      .prepare(
        `INSERT INTO lead_changes (import_id, lead_id, kind, phone, after_version, created_at, undone_at, skip_reason, skipped_by)
         SELECT ?3, id, 'created', phone, 1, ?6, ?6, 'changed_later', updated_import_id FROM leads WHERE ${range} AND version <> 1 AND ${NOT_FENCED}
         ON CONFLICT (import_id, lead_id) DO NOTHING`,
      )
      .bind(workspaceId, campaignId, importId, cursor, upto, now),
    d1.prepare(`DELETE FROM leads WHERE ${range} AND version = 1 AND ${NOT_FENCED}`).bind(workspaceId, campaignId, importId, cursor, upto),
    d1.prepare(COUNTER_ADD_CHANGES).bind(workspaceId, campaignId, -1),
    d1.prepare(FENCED).bind(workspaceId),
  ]);
  checkFence(workspaceId, fence!);
}

/** The change records of leads this import updated, next range by lead id: restored, or skipped when changed since. */
async function undoUpdated(d1: D1Database, workspaceId: string, importId: string, cursor: number, now: string, stepRows: number): Promise<void> {
  const upto = await nextRange(
    d1,
    'SELECT max(lead_id) AS upto, count(*) AS n FROM (SELECT lead_id FROM lead_changes WHERE import_id = ?1 AND lead_id > ?2 ORDER BY lead_id LIMIT ?3)',
    [importId, cursor, stepRows],
  );
  if (upto === null) {
    await d1.prepare('UPDATE undo_runs SET updated_done = 1 WHERE import_id = ?1 AND updated_cursor = ?2').bind(importId, cursor).run();
    return;
  }
  const records = "c.import_id = ?2 AND c.lead_id > ?3 AND c.lead_id <= ?4 AND c.kind = 'updated' AND c.undone_at IS NULL";
  const [, ...rest] = await d1.batch([
    d1
      .prepare(
        `UPDATE undo_runs SET
           undone = undone + (SELECT count(*) FROM lead_changes AS c JOIN leads AS l ON l.id = c.lead_id WHERE ${records} AND l.version = c.after_version),
           skipped = skipped + (SELECT count(*) FROM lead_changes AS c WHERE ${records} AND NOT EXISTS (SELECT 1 FROM leads AS l WHERE l.id = c.lead_id AND l.version = c.after_version)),
           updated_cursor = ?4
         WHERE import_id = ?2 AND updated_cursor = ?3 AND ${NOT_FENCED}`,
      )
      .bind(workspaceId, importId, cursor, upto),
    ...restoreStatements(d1, workspaceId, importId, 'c.lead_id > ?3 AND c.lead_id <= ?4', [cursor, upto], now),
  ]);
  checkFence(workspaceId, rest[rest.length - 1]!);
}
