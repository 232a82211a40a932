/**
 * How a list import ends, whichever way it ran (in the request or through the queue): completed
 * once every chunk is recorded (a replace flips its source to the new list first, in one statement),
 * or failed with a reason (a replace is then given up, and the source keeps the list it had). Both
 * are idempotent: a redelivered last chunk, or a second failure, changes nothing more.
 */
import type { Env } from '../../env.ts';
import { sendWithRetry } from '../../queue/send.ts';
import { listSweepMessage } from '../../queue/messages.ts';
import { INTERNAL_SOURCE, utcDate } from '../../../src/lib/suppression/sources.ts';
import { abandonReplace, flipReplace, noteAsOf } from '../sources-store.ts';
import type { ListImportRow } from './view.ts';
import { dispatchListImportEvent, listImportCompletedStatements } from '../../lifecycle/list-import-events.ts';

/** Why one chunk could not be listed, said the same way by the request and the queue. */
export function chunkFailure(chunk: number, missing: boolean, retried: boolean): { code: 'CHUNK_MISSING' | 'PROCESSING_FAILED'; message: string } {
  if (missing) return { code: 'CHUNK_MISSING', message: `Part ${chunk + 1} of the uploaded list is missing from storage; upload the file again.` };
  return {
    code: 'PROCESSING_FAILED',
    message:
      `We could not list the numbers of part ${chunk + 1} of the file${retried ? ' after several attempts' : ''}. ` +
      'A file added to a list keeps what was listed so far, a replace keeps the list as it was; upload the file again (numbers already listed are counted once).',
  };
}

/**
 * Completes the import when every chunk is recorded and it still runs. True when this call (or an
 * earlier one) completed it; false while chunks are missing or when it ended otherwise.
 */
export async function completeListImport(env: Env, job: ListImportRow, now = new Date()): Promise<boolean> {
  if (job.status !== 'running' || job.chunk_count === null) return job.status === 'completed';
  const done = await env.DB.prepare('SELECT count(*) AS n FROM suppression_import_chunks WHERE import_id = ?1').bind(job.id).first<{ n: number }>();
  if ((done?.n ?? 0) < job.chunk_count) return false;
  const asOf = job.as_of ?? (job.source === INTERNAL_SOURCE ? null : utcDate(now));
  if (job.mode === 'replace' && job.generation !== null) {
    const flipped = await flipReplace(env, job.workspace_id, job.source, job.generation, asOf ?? utcDate(now), now);
    if (flipped === 'superseded') {
      await failListImport(
        env,
        job.id,
        'SUPERSEDED',
        `A newer replace of the list "${job.source}" started before this one finished; the list is the newer file's. Nothing of this file is in force.`,
      );
      return false;
    }
    await sendWithRetry(env.IMPORT_QUEUE, [listSweepMessage(job.workspace_id, job.source)]);
  } else if (asOf !== null) {
    await noteAsOf(env, job.workspace_id, job.source, asOf, now);
  }
  const [, , announced] = await env.DB.batch([
    env.DB.prepare(`UPDATE suppression_imports SET status = 'completed', finished_at = ?2 WHERE id = ?1 AND status = 'running'`).bind(job.id, now.toISOString()),
    // The completion is announced in the same batch, once (workers/lifecycle: suppression_import.completed).
    ...listImportCompletedStatements(env, job.id),
  ]);
  await dispatchListImportEvent(env, announced);
  return true;
}

/** Fails a running list import with a reason: what an add listed stays listed; a replace is given up. */
export async function failListImport(env: Env, id: string, code: string, message: string): Promise<void> {
  const now = new Date();
  const failed = await env.DB.prepare(
    `UPDATE suppression_imports SET status = 'failed', error_code = ?2, error_message = ?3, finished_at = ?4 WHERE id = ?1 AND status = 'running'
     RETURNING workspace_id, source, mode, generation`,
  )
    .bind(id, code, message, now.toISOString())
    .first<{ workspace_id: string; source: string; mode: string; generation: number | null }>();
  if (failed?.mode === 'replace' && failed.generation !== null) {
    await abandonReplace(env, failed.workspace_id, failed.source, failed.generation, now);
    await sendWithRetry(env.IMPORT_QUEUE, [listSweepMessage(failed.workspace_id, failed.source)]);
  }
}
