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
import { findImportIfAny } from '../imports/imports.ts';
import { announceUndone, recordUndoProgress } from '../lifecycle/import-lifecycle.ts';

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
  const row = await findImportIfAny(env, workspaceId, importId);
  // Undone already: a crash may have come between marking it and handing its event to the queue.
  if (row?.status === 'undone') await announceUndone(env, row);
  if (!row || row.status !== 'undoing') return;
  const progress = await stepAndMirror(env, row);
  if (!progress.done) await sendWithRetry(env.IMPORT_QUEUE, [undoMessage({ workspaceId, importId })]);
}

/** One step on the shard, its counts copied to the import's row (the last one marks it undone and announces it: workers/lifecycle). */
async function stepAndMirror(env: Env, imp: UndoTarget): Promise<UndoProgress> {
  const stepRows = envNumber(env, 'UNDO_STEP_ROWS');
  const progress = await undoStep(env, imp.workspaceId, imp.campaignId, imp.id, nowIso(), stepRows);
  await recordUndoProgress(env, imp, progress);
  return progress;
}
