/**
 * List imports left running by a request that died (an import run in the request stops with it)
 * or by messages lost: the hourly retention sends the chunks not yet recorded to the queue again
 * (a chunk already listed changes nothing: process-chunk.ts), and, when every chunk is recorded,
 * the last one, whose delivery completes the import.
 */
import type { Env } from '../../env.ts';
import { sendWithRetry } from '../../queue/send.ts';
import type { QueueMessage } from '../../queue/messages.ts';

/** A list import still running this long after it was created is resumed. */
export const LIST_STALL_MS = 3_600_000;

export async function resumeStalledListImports(env: Env, now = Date.now(), limit = 50): Promise<number> {
  const { results } = await env.DB.prepare(
    `SELECT id, workspace_id, chunk_count FROM suppression_imports
     WHERE status = 'running' AND chunk_count IS NOT NULL AND created_at < ?1 ORDER BY created_at LIMIT ?2`,
  )
    .bind(new Date(now - LIST_STALL_MS).toISOString(), limit)
    .all<{ id: string; workspace_id: string; chunk_count: number }>();
  for (const job of results) {
    const { results: done } = await env.DB.prepare('SELECT chunk FROM suppression_import_chunks WHERE import_id = ?1').bind(job.id).all<{ chunk: number }>();
    const recorded = new Set(done.map((r) => r.chunk));
    const chunks = [...Array(job.chunk_count).keys()].filter((c) => !recorded.has(c));
    if (!chunks.length && job.chunk_count > 0) chunks.push(job.chunk_count - 1);
    const messages: QueueMessage[] = chunks.map((chunk) => ({ kind: 'list-chunk', workspaceId: job.workspace_id, importId: job.id, chunk }));
    await sendWithRetry(env.IMPORT_QUEUE, messages);
  }
  return results.length;
}
