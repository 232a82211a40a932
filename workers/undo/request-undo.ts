/**
 * `POST /imports/{id}/undo`: refused while the import runs (409 IMPORT_RUNNING), while the
 * workspace's leads are being moved (503 WORKSPACE_MOVING, retryable), and once its change
 * records' lifetime is over (410 UNDO_EXPIRED); an import already undone answers 200, one being
 * undone 202 with where it stands (and its undo resumes, should its messages have been lost).
 */
import { envNumber, type Env } from '../env.ts';
import { Refusal } from '../refusal.ts';
import { isRunning, type ImportStatus } from '../../src/lib/import-view.ts';
import { nowIso } from '../db/ids.ts';
import { runUndo } from './run-undo.ts';
import { assertAcceptingImports } from '../leads/placement.ts';

const DAY_MS = 86_400_000;

/** Days an ended import can be undone (its change records are kept that long): UNDO_RETENTION_DAYS, default 30. */
export function undoRetentionDays(env: Env): number {
  return envNumber(env, 'UNDO_RETENTION_DAYS');
}

export interface UndoableImport {
  id: string;
  workspaceId: string;
  campaignId: string;
  status: ImportStatus;
  importedRows: number;
  finishedAt: string | null;
  changesDeletedAt: string | null;
}

/** Marks the import `undoing` and runs or queues its undo: 'started', or 'done' when it was undone already. */
export async function requestUndo(env: Env, imp: UndoableImport, now = Date.now()): Promise<'done' | 'started'> {
  if (imp.status === 'undone') return 'done';
  if (isRunning(imp.status)) {
    throw new Refusal('IMPORT_RUNNING', 'The import is still running: cancel it or wait for it to end, then undo it.');
  }
  // An undo walks the records on the workspace's shard: none starts while its leads are being moved.
  if (imp.status !== 'undoing') await assertAcceptingImports(env, imp.workspaceId);
  const days = undoRetentionDays(env);
  const expired = imp.changesDeletedAt !== null || (imp.finishedAt !== null && Date.parse(imp.finishedAt) + days * DAY_MS < now);
  if (expired && imp.status !== 'undoing') {
    throw new Refusal(
      'UNDO_EXPIRED',
      `This import ended more than ${days} days ago: the records of what it changed are kept ${days} days, so it can no longer be undone.`,
    );
  }
  if (imp.status !== 'undoing') {
    // Compare-and-set: of two concurrent requests, one marks it; both then run the (idempotent) undo.
    // Never once a move has begun (it may be past the point where it waits for undos).
    const marked = await env.DB.prepare(
      `UPDATE imports SET status = 'undoing', undo_started_at = coalesce(undo_started_at, ?1)
       WHERE id = ?2 AND workspace_id = ?3 AND status = ?4 AND NOT EXISTS (SELECT 1 FROM workspace_moves WHERE workspace_id = ?3)`,
    )
      .bind(nowIso(), imp.id, imp.workspaceId, imp.status)
      .run();
    if (!marked.meta.changes) await assertAcceptingImports(env, imp.workspaceId);
  }
  await runUndo(env, imp);
  return 'started';
}
