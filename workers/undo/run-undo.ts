/**
 * The undo of an import, run in bounded steps (workers/leads/undo-leads.ts) outside its coordinator, which
 * retention may have purged: a small import is undone inside the request, a large one by queue
 * messages that each run one step and send the next until it is done. Every step is exact under
 * redelivery, and its counts are copied to the import's D1 row (undoneRows, undoSkippedRows),
 * which is where progress is read.
 */
import { envNumber, type Env } from '../env.ts';
import { beginUndoRun, undoStep, type UndoProgress } from '../leads/undo-leads.ts';
import { sendWithRetry } from '../queue/send.ts';
import { undoMessage } from '../queue/messages.ts';
import { nowIso } from '../db/ids.ts';

/** Imports with at most this many imported rows are undone inside the request. */
export const INLINE_UNDO_ROWS = 1_000;

interface UndoTarget {
  id: string;
  workspaceId: string;
  campaignId: string;
  importedRows: number;
}

/** Starts (or resumes) the undo of an import already marked `undoing`. */
export async function runUndo(env: Env, imp: UndoTarget): Promise<void> {
  await beginUndoRun(env, imp.workspaceId, imp.campaignId, imp.id, nowIso());
  if (imp.importedRows <= INLINE_UNDO_ROWS) {
    let progress: UndoProgress;
    // A few steps at most for ≤ 1,000 rows: the created leads, then the update records.
    do progress = await stepAndMirror(env, imp);
    while (!progress.done);
    return;
  }
  await sendWithRetry(env.IMPORT_QUEUE, [undoMessage({ workspaceId: imp.workspaceId, importId: imp.id })]);
}

/** A queue message's step: runs one, then sends the next unless the undo is done. */
export async function continueUndo(env: Env, workspaceId: string, importId: string): Promise<void> {
  const row = await env.DB.prepare('SELECT id, workspace_id, campaign_id, imported_rows, status FROM imports WHERE id = ?1 AND workspace_id = ?2')
    .bind(importId, workspaceId)
    .first<{ id: string; workspace_id: string; campaign_id: string; imported_rows: number; status: string }>();
  if (!row || row.status !== 'undoing') return;
  const progress = await stepAndMirror(env, { id: row.id, workspaceId: row.workspace_id, campaignId: row.campaign_id, importedRows: row.imported_rows });
  if (!progress.done) await sendWithRetry(env.IMPORT_QUEUE, [undoMessage({ workspaceId, importId })]);
}

async function stepAndMirror(env: Env, imp: UndoTarget): Promise<UndoProgress> {
  const stepRows = envNumber(env, 'UNDO_STEP_ROWS');
  const progress = await undoStep(env, imp.workspaceId, imp.campaignId, imp.id, nowIso(), stepRows);
  await env.DB.prepare(
    `UPDATE imports SET undone_rows = ?1, undo_skipped_rows = ?2,
       status = CASE WHEN ?3 THEN 'undone' ELSE status END,
       undo_finished_at = CASE WHEN ?3 THEN coalesce(undo_finished_at, ?4) ELSE undo_finished_at END
     WHERE id = ?5 AND workspace_id = ?6 AND status = 'undoing'`,
  )
    .bind(progress.undone, progress.skipped, progress.done ? 1 : 0, nowIso(), imp.id, imp.workspaceId)
    .run();
  return progress;
}
