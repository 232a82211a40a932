/**
 * The one owner of an import's status in D1: every transition (transitions.ts) is written here.
 * The coordinator's phases reach D1 through recordImportState; the undo through markUndoing and
 * recordUndoProgress. A transition that is announced (an end, an undo finished) writes its outbox
 * event in the same D1 batch as the status change, keyed by the transition, so a repeat (a
 * redelivered message, an alarm after a crash) writes no second event; the event is then handed to
 * the queue (outbox.ts), and the relay hands off whatever a crash left behind.
 */
import type { Env } from '../env.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { ImportStatus, ImportView } from '../../src/lib/import-view.ts';
import { findImport, insertImport, rowToView, type NewImportRow } from '../imports/imports.ts';
import type { AuditEntry } from '../audit/record-audit.ts';
import { allowedFrom, eventTypeOf, transitionKey } from './transitions.ts';
import { importEventData } from './event-data.ts';
import { dispatchEvents, pendingEventStatement, type PendingEvent } from './outbox.ts';

/**
 * The outbox row for the transition of import `importId` into `status`, written only if the
 * import's row is in that status after the batch's update (INSERT … SELECT), once per transition.
 */
async function eventStatements(env: Env, workspaceId: string, view: ImportView): Promise<{ key: string; statements: D1PreparedStatement[] } | null> {
  const type = eventTypeOf(view.status);
  if (!type) return null;
  const key = transitionKey(view.id, view.status);
  const data = await importEventData(env, view);
  const insert = env.DB.prepare(
    `INSERT INTO outbox_events (id, workspace_id, subject_id, dedupe_key, type, data, snapshot, notify_email, created_at)
     SELECT ?1, workspace_id, id, ?2, ?3, ?4, ?5, notify_email, ?6 FROM imports WHERE id = ?7 AND workspace_id = ?8 AND status = ?9
     ON CONFLICT (dedupe_key) DO NOTHING`,
  ).bind(newId('msg'), key, type, JSON.stringify(data), JSON.stringify(view), nowIso(), view.id, workspaceId, view.status);
  return { key, statements: [insert, pendingEventStatement(env, key)] };
}

/** Runs a transition's batch (the status change, then its event) and hands the event off. */
async function commit(env: Env, change: D1PreparedStatement, event: { statements: D1PreparedStatement[] } | null): Promise<void> {
  const results = await env.DB.batch([change, ...(event?.statements ?? [])]);
  if (event) await dispatchEvents(env, (results.at(-1)!.results ?? []) as PendingEvent[]);
}

/** A new import's row: every import starts `queued` (its audit entry, when given, in the same transaction). */
export async function recordImportCreated(env: Env, row: Omit<NewImportRow, 'status'>, audit?: AuditEntry): Promise<void> {
  await insertImport(env, { ...row, status: 'queued' }, audit);
}

/**
 * Writes an import's state, as its coordinator holds it, to the D1 row listings read: the status
 * (only where the status machine allows it after the row's status) and the counters. An end is
 * announced in the same batch. Safe to repeat.
 */
export async function recordImportState(env: Env, workspaceId: string, view: ImportView): Promise<void> {
  const change = env.DB.prepare(
    `UPDATE imports SET status = ?1, total_rows = ?2, processed_rows = ?3, imported_rows = ?4, failed_rows = ?5, error_counts = ?6,
       failure_code = ?7, failure_message = ?8, finished_at = ?9, created_rows = ?12, updated_rows = ?13, unchanged_rows = ?14
     WHERE id = ?10 AND workspace_id = ?11 AND status IN (SELECT value FROM json_each(?15))`,
  ).bind(
    view.status,
    view.totalRows,
    view.processedRows,
    view.importedRows,
    view.failedRows,
    JSON.stringify(view.errorCounts),
    view.failure?.code ?? null,
    view.failure?.message ?? null,
    view.finishedAt,
    view.id,
    workspaceId,
    view.createdRows,
    view.updatedRows,
    view.unchangedRows,
    JSON.stringify(allowedFrom(view.status)),
  );
  await commit(env, change, await eventStatements(env, workspaceId, view));
}

/**
 * Marks an ended import `undoing` (compare-and-set on the status it was read with: of two
 * concurrent requests, one marks it), never once a move of its workspace has begun; `also` runs
 * in the same batch right after (the audit entry, written only if the mark changed the row).
 * Returns whether this call marked it.
 */
export async function markUndoing(env: Env, imp: { id: string; workspaceId: string; status: ImportStatus }, also: D1PreparedStatement[] = [], stamp = nowIso()): Promise<boolean> {
  if (!allowedFrom('undoing').includes(imp.status) || imp.status === 'undoing') return false;
  const [marked] = await env.DB.batch([
    env.DB.prepare(
      // undo_step_at: when the chain last made a step (a request resumes a chain that stopped, request-undo.ts).
      `UPDATE imports SET status = 'undoing', undo_started_at = coalesce(undo_started_at, ?1), undo_step_at = ?1
       WHERE id = ?2 AND workspace_id = ?3 AND status = ?4 AND NOT EXISTS (SELECT 1 FROM workspace_moves WHERE workspace_id = ?3)`,
    ).bind(stamp, imp.id, imp.workspaceId, imp.status),
    ...also,
  ]);
  return (marked!.meta.changes ?? 0) > 0;
}

/** Where an undo stands, as its steps on the shard count it. */
export interface UndoCounts {
  done: boolean;
  /** Leads deleted or restored. */
  undone: number;
  /** Of those, deleted. */
  deleted: number;
  skipped: number;
}

/** Copies an undo's counts to the import's row; the last step marks it `undone` and announces it in the same batch. */
export async function recordUndoProgress(env: Env, imp: { id: string; workspaceId: string }, progress: UndoCounts): Promise<void> {
  const now = nowIso();
  const change = env.DB.prepare(
    `UPDATE imports SET undone_rows = ?1, undo_deleted_rows = ?2, undo_skipped_rows = ?3, undo_step_at = ?5,
       status = CASE WHEN ?4 THEN 'undone' ELSE status END,
       undo_finished_at = CASE WHEN ?4 THEN coalesce(undo_finished_at, ?5) ELSE undo_finished_at END
     WHERE id = ?6 AND workspace_id = ?7 AND status = 'undoing'`,
  ).bind(progress.undone, progress.deleted, progress.skipped, progress.done ? 1 : 0, now, imp.id, imp.workspaceId);
  if (!progress.done) {
    await change.run();
    return;
  }
  const row = await findImport(env, imp.workspaceId, imp.id);
  const view: ImportView = {
    ...rowToView(row),
    status: 'undone',
    undoneRows: progress.undone,
    undoDeletedRows: progress.deleted,
    undoRestoredRows: progress.undone - progress.deleted,
    undoSkippedRows: progress.skipped,
  };
  await commit(env, change, await eventStatements(env, imp.workspaceId, view));
}

/** Hands off an undone import's event if a crash left it (a resumed undo finds the import already undone). */
export async function announceUndone(env: Env, imp: { id: string }): Promise<void> {
  const { results } = await pendingEventStatement(env, transitionKey(imp.id, 'undone')).all<PendingEvent>();
  await dispatchEvents(env, results);
}
