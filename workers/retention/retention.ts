/**
 * Retention, run by the hourly cron trigger: every stored thing has a lifetime.
 * - An ended import's uploaded chunks and intermediate verdicts in R2, and its Durable Object's
 *   storage (notify address, headers, every valid number), are deleted CHUNK_RETENTION_DAYS
 *   (default 7) after it ends; its error report stays.
 * - Its error report is deleted REPORT_RETENTION_DAYS (default 30) after it ends; errors.csv then
 *   answers 410 REPORT_EXPIRED. The import's D1 row (its counts) stays.
 * - The change records that make an import undoable (workers/leads/changes.ts) are deleted
 *   UNDO_RETENTION_DAYS (default 30) after it ends; undo then answers 410 UNDO_EXPIRED.
 * - A background suppression list import's R2 objects (its report of rows that were not numbers,
 *   chunks a failed one left) are deleted REPORT_RETENTION_DAYS after it ends; its counts stay.
 * - A suppression list source with entries a replace left behind has its sweep started again, and
 *   a list import left running an hour (its request died, messages were lost) is queued again.
 * - A multipart upload idle for UPLOAD_RETENTION_HOURS (default 24) is aborted and deleted.
 * - Rate-limit counters of ended windows are deleted.
 * - Webhook delivery logs and outbox events are deleted WEBHOOK_LOG_RETENTION_DAYS (default 30) after they were written.
 * - Audit log entries older than AUDIT_RETENTION_DAYS (default 730) are deleted; so are ended
 *   sessions, expired sign-in codes and invitations a month past their expiry.
 * Each deletion releases the bytes it freed from the workspace's storage quota. A run handles up to
 * RETENTION_ITEMS_PER_INVOCATION items (due.ts); when that is not all that is due, it queues a
 * `retention` message that runs the next batch, and so on until nothing is due: retention keeps up
 * with whatever the rate limits let workspaces create, not 100 items an hour.
 */
import { envNumber, type Env } from '../env.ts';
import { importPrefix, keys } from '../chunk/keys.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { discardUpload } from '../chunk/multipart.ts';
import { pruneRateLimits } from '../limits/rate-limit.ts';
import { releaseStorage, settleStorage } from '../quota/storage.ts';
import { endedImportsLacking, markImport, type ImportRef, type RetentionMark } from '../imports/imports.ts';
import { deleteChanges } from '../leads/changes.ts';
import { undoRetentionDays } from '../undo/request-undo.ts';
import { listImportPrefix } from '../suppression/list-import/keys.ts';
import { resumeSweeps } from '../suppression/continue-sweep.ts';
import { resumeStalledListImports } from '../suppression/list-import/resume.ts';
import { deletePrefix } from '../r2/delete-prefix.ts';
import { pruneWebhookLog } from '../webhooks/prune-log.ts';
import { forEachDue, RetentionBudget } from './due.ts';
import { sendWithRetry } from '../queue/send.ts';
import { retentionMessage } from '../queue/messages.ts';
import { pruneAudit } from '../audit/prune-audit.ts';
import { pruneAuth } from '../auth/prune-auth.ts';

/** Items per query. */
const PAGE = 50;
const DAY_MS = 86_400_000;
/** A list upload still reading its file after this long has died with its request. */
const LIST_UPLOAD_TIMEOUT_MS = 3_600_000;

type Ended = { id: string; workspace_id: string };
type EndedImport = ImportRef;

const chunkRetentionDays = (env: Env) => envNumber(env, 'CHUNK_RETENTION_DAYS');
const reportRetentionDays = (env: Env) => envNumber(env, 'REPORT_RETENTION_DAYS');
const uploadRetentionHours = (env: Env) => envNumber(env, 'UPLOAD_RETENTION_HOURS');

export interface RetentionRun {
  /** R2 objects of expired imports deleted (chunks, verdicts, error parts). */
  chunkObjects: number;
  reportsDeleted: number;
  uploadsDiscarded: number;
  rateLimitRows: number;
  /** Imports whose change records were deleted (their undo lifetime is over). */
  changeRecords: number;
  /** Ended suppression list imports whose R2 objects were deleted. */
  listImports: number;
  /** Webhook deliveries and outbox events past their lifetime, deleted. */
  webhookLog: number;
  /** Suppression list sources whose sweep of replaced entries was started again. */
  listSweeps: number;
  /** Suppression list imports left running (a request that died, messages lost) sent to the queue again. */
  listResumed: number;
  /** Audit log entries past their retention. */
  auditEntries: number;
  /** Ended sessions, expired codes and invitations. */
  authRows: number;
  /** Items this run handled (imports, uploads, list imports), against its budget. */
  handled: number;
  /** The budget ran out with more due: a `retention` message continues the run. */
  more: boolean;
  /** Steps that failed (by name and error class); the others ran. */
  failed: string[];
}

/** Every step, each on its own: one failing (an R2 hiccup) does not stop the others. */
export async function runRetention(env: Env, now = Date.now(), budget = new RetentionBudget(itemsPerInvocation(env))): Promise<RetentionRun> {
  const steps = {
    chunkObjects: () => purgeExpiredUploads(env, now, PAGE, budget),
    reportsDeleted: () => deleteExpiredReports(env, now, PAGE, budget),
    uploadsDiscarded: () => discardIdleUploads(env, now, PAGE, budget),
    rateLimitRows: () => pruneRateLimits(env, now),
    changeRecords: () => deleteExpiredChanges(env, now, PAGE, budget),
    listImports: () => purgeEndedListImports(env, now, PAGE, budget),
    webhookLog: () => pruneWebhookLog(env, now),
    listSweeps: () => resumeSweeps(env),
    listResumed: () => resumeStalledListImports(env, now),
    auditEntries: () => pruneAudit(env, now),
    authRows: () => pruneAuth(env, now),
  };
  const run = { chunkObjects: 0, reportsDeleted: 0, uploadsDiscarded: 0, rateLimitRows: 0, changeRecords: 0, listImports: 0, webhookLog: 0, listSweeps: 0, listResumed: 0, auditEntries: 0, authRows: 0, handled: 0, more: false };
  const failed: string[] = [];
  for (const [name, step] of Object.entries(steps) as [keyof typeof steps, () => Promise<number>][]) {
    try {
      run[name] = await step();
    } catch (err) {
      failed.push(`${name}: ${err instanceof Error ? err.name : typeof err}`);
    }
  }
  run.handled = budget.handled;
  // More may be due; a run that only met failures does not ask for another (the next cron retries).
  run.more = budget.exhausted && budget.handled > 0;
  return { ...run, failed };
}

/**
 * One retention run (the hourly cron, or a `retention` message continuing it), then, when its
 * budget ran out with more due, the message that continues it in a fresh invocation. Failed steps
 * are logged; the next run takes up where they stopped.
 */
export async function retentionPass(env: Env, at: number): Promise<RetentionRun> {
  const run = await runRetention(env, at);
  if (run.failed.length) console.error(`retention steps failed (${run.failed.join(', ')})`);
  if (run.more) await sendWithRetry(env.IMPORT_QUEUE, [retentionMessage(at)]);
  return run;
}

function itemsPerInvocation(env: Env): number {
  return envNumber(env, 'RETENTION_ITEMS_PER_INVOCATION');
}

/** Ended imports, ended before `cutoff`, that still lack `mark`, oldest first. */
function endedImports(env: Env, mark: RetentionMark, cutoff: string) {
  return (limit: number, offset: number): Promise<EndedImport[]> => endedImportsLacking(env, mark, cutoff, limit, offset);
}

/**
 * Imports ended more than CHUNK_RETENTION_DAYS ago: their chunks, verdicts and error parts in R2
 * and their coordinator's storage are deleted; the quota keeps counting only the error report.
 * Returns the number of R2 objects deleted.
 */
export async function purgeExpiredUploads(env: Env, now = Date.now(), page = PAGE, budget = new RetentionBudget()): Promise<number> {
  const cutoff = new Date(now - chunkRetentionDays(env) * DAY_MS).toISOString();
  return forEachDue(endedImports(env, 'purgedAt', cutoff), async (imp) => {
    const prefix = importPrefix(imp.workspaceId, imp.id);
    let deleted = 0;
    for (const folder of ['chunks/', 'validated/', 'errors/']) deleted += await deletePrefix(env, prefix + folder);
    await purgeCoordinator(env, imp.id);
    const report = await env.UPLOADS.head(keys.report(imp.workspaceId, imp.id));
    await settleStorage(env, imp.workspaceId, imp.id, report?.size ?? 0);
    await markImport(env, imp.id, 'purgedAt', new Date(now).toISOString());
    return deleted;
  }, page, budget);
}

/**
 * Imports ended more than REPORT_RETENTION_DAYS ago: everything left under their R2 prefix (the
 * error report) is deleted, their coordinator purged if an earlier run could not, their bytes
 * released. Returns the number of imports handled.
 */
export async function deleteExpiredReports(env: Env, now = Date.now(), page = PAGE, budget = new RetentionBudget()): Promise<number> {
  const cutoff = new Date(now - reportRetentionDays(env) * DAY_MS).toISOString();
  return forEachDue(endedImports(env, 'reportDeletedAt', cutoff), async (imp) => {
    await deletePrefix(env, importPrefix(imp.workspaceId, imp.id));
    await purgeCoordinator(env, imp.id);
    await releaseStorage(env, imp.workspaceId, imp.id);
    await markImport(env, imp.id, 'reportDeletedAt', new Date(now).toISOString());
    return 1;
  }, page, budget);
}

/** The coordinator refuses while its import runs; D1 says it ended, so that is only logged. */
async function purgeCoordinator(env: Env, importId: string): Promise<void> {
  if (!(await coordinator(env, importId).purge())) console.warn('retention: a coordinator still reports its import running; its storage is kept');
}

/**
 * Imports ended more than UNDO_RETENTION_DAYS ago: their change records on the leads shard are
 * deleted (in bounded statements), after which undo answers 410. An import still being undone keeps
 * them until its undo ends, and a workspace being moved until its move ends. Returns the number of imports handled.
 */
export async function deleteExpiredChanges(env: Env, now = Date.now(), page = PAGE, budget = new RetentionBudget()): Promise<number> {
  const cutoff = new Date(now - undoRetentionDays(env) * DAY_MS).toISOString();
  // Not while the import is being undone, nor while the workspace moves (its records are being
  // copied, and are deleted on the new shard after): endedImportsLacking leaves those out.
  return forEachDue(endedImports(env, 'changesDeletedAt', cutoff), async (imp) => {
    // 20 statements of 5,000 records each per import and run; the next run goes on.
    for (let i = 0; i < 20; i++) {
      if ((await deleteChanges(env, imp.workspaceId, imp.id)) < 5_000) {
        await markImport(env, imp.id, 'changesDeletedAt', new Date(now).toISOString());
        return 1;
      }
    }
    return 0;
  }, page, budget);
}

/**
 * Suppression list imports ended more than REPORT_RETENTION_DAYS ago: everything under their R2
 * prefix is deleted and its bytes released; the report then answers 410. Returns the imports handled.
 */
export async function purgeEndedListImports(env: Env, now = Date.now(), page = PAGE, budget = new RetentionBudget()): Promise<number> {
  // A list import whose request died while reading the file (no chunk count) never runs: it fails,
  // and what it stored goes at once.
  const interrupted = await env.DB.prepare(
    `UPDATE suppression_imports SET status = 'failed', error_code = 'UPLOAD_INTERRUPTED',
       error_message = 'The upload stopped before the whole file was read; nothing of it was listed. Upload the file again.', finished_at = ?1
     WHERE status = 'running' AND chunk_count IS NULL AND created_at < ?2
     RETURNING id, workspace_id`,
  )
    .bind(new Date(now).toISOString(), new Date(now - LIST_UPLOAD_TIMEOUT_MS).toISOString())
    .all<Ended>();
  for (const job of interrupted.results) {
    await deletePrefix(env, listImportPrefix(job.workspace_id, job.id));
    await releaseStorage(env, job.workspace_id, job.id);
  }
  const cutoff = new Date(now - reportRetentionDays(env) * DAY_MS).toISOString();
  const select = async (limit: number, offset: number) =>
    (
      await env.DB.prepare(
        `SELECT id, workspace_id FROM suppression_imports WHERE finished_at IS NOT NULL AND finished_at < ?1 AND purged_at IS NULL ORDER BY finished_at, id LIMIT ?2 OFFSET ?3`,
      )
        .bind(cutoff, limit, offset)
        .all<Ended>()
    ).results;
  return forEachDue(select, async (job) => {
    await deletePrefix(env, listImportPrefix(job.workspace_id, job.id));
    await releaseStorage(env, job.workspace_id, job.id);
    await env.DB.prepare('UPDATE suppression_imports SET purged_at = ?1 WHERE id = ?2').bind(new Date(now).toISOString(), job.id).run();
    return 1;
  }, page, budget);
}

/** Multipart uploads with no part and no completion for UPLOAD_RETENTION_HOURS are discarded. */
export async function discardIdleUploads(env: Env, now = Date.now(), page = PAGE, budget = new RetentionBudget()): Promise<number> {
  const cutoff = new Date(now - uploadRetentionHours(env) * 3_600_000).toISOString();
  const select = async (limit: number, offset: number) =>
    (
      await env.DB.prepare(
        `SELECT workspace_id, scope FROM storage_usage WHERE kind = 'upload' AND updated_at < ?1 ORDER BY updated_at, workspace_id, scope LIMIT ?2 OFFSET ?3`,
      )
        .bind(cutoff, limit, offset)
        .all<{ workspace_id: string; scope: string }>()
    ).results;
  return forEachDue(select, async (u) => (await discardUpload(env, u.workspace_id, u.scope), 1), page, budget);
}
