/**
 * `POST /imports/{id}/undo`: refused while the import runs (409 IMPORT_RUNNING), while the
 * workspace's leads are being moved (503 WORKSPACE_MOVING, retryable), and once its change
 * records' lifetime is over (410 UNDO_EXPIRED); an import already undone is 'done', one being
 * undone 'started' (the route answers 200 and 202 with where it stands). Concurrent requests start
 * one chain of steps; a request resumes an undo only when it made no step for UNDO_STALE_MS (its
 * messages were lost or kept failing).
 */
import { envNumber, type Env } from '../env.ts';
import { Refusal } from '../refusal.ts';
import { isRunning, type ImportStatus } from '../../src/lib/import-view.ts';
import { markUndoing } from '../lifecycle/import-lifecycle.ts';
import { nowIso } from '../db/ids.ts';
import { runUndo } from './run-undo.ts';
import { assertAcceptingImports } from '../leads/placement.ts';
import { auditStatement } from '../audit/record-audit.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/principal.ts';

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
export async function requestUndo(env: Env, imp: UndoableImport, now = Date.now(), actor: Actor = SYSTEM_ACTOR): Promise<'done' | 'started'> {
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
  const stamp = nowIso();
  if (imp.status !== 'undoing') {
    // Compare-and-set: of concurrent requests, the one that marks it starts the one chain of steps.
    // Never once a move has begun (it may be past the point where it waits for undos).
    // The request that marks it writes the audit entry, in the same transaction.
    const audit = auditStatement(env.DB, { workspaceId: imp.workspaceId, actor, action: 'import.undone', target: { type: 'import', id: imp.id }, details: { campaignId: imp.campaignId } }, { ifChanged: true });
    if (await markUndoing(env, imp, [audit], stamp)) {
      await runUndo(env, imp);
      return 'started';
    }
    await assertAcceptingImports(env, imp.workspaceId);
    // Another request marked it first: its chain runs.
    return 'started';
  }
  // Already undoing: resume only a chain that made no step for UNDO_STALE_MS (its messages were lost
  // or kept failing); of concurrent requests, the one that claims it resumes it.
  const claimed = await env.DB.prepare(
    `UPDATE imports SET undo_step_at = ?1
     WHERE id = ?2 AND workspace_id = ?3 AND status = 'undoing' AND (undo_step_at IS NULL OR undo_step_at < ?4)`,
  )
    .bind(stamp, imp.id, imp.workspaceId, new Date(Date.parse(stamp) - UNDO_STALE_MS).toISOString())
    .run();
  if (claimed.meta.changes) await runUndo(env, imp);
  return 'started';
}

/** An undo that made no step for this long has lost its chain of messages: a request resumes it. */
export const UNDO_STALE_MS = 5 * 60_000;
