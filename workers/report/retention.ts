/**
 * Retention: an ended import's uploaded chunks and intermediate verdicts are deleted after
 * CHUNK_RETENTION_DAYS (default 7); its error report is kept, and listed only to its workspace.
 */
import type { Env } from '../env.ts';
import { importPrefix } from '../chunk/keys.ts';

/**
 * Imports purged per query; a run goes on until none is left or MAX_PER_RUN is reached (an import
 * costs ~6 R2 calls and one D1 query: 100 stay far under an invocation's limits). The cron runs
 * hourly, so up to 2,400 imports a day are purged.
 */
const PAGE = 50;
const MAX_PER_RUN = 100;

export async function purgeExpiredUploads(env: Env, now = Date.now(), page = PAGE): Promise<number> {
  const days = Number(env.CHUNK_RETENTION_DAYS ?? 7);
  const cutoff = new Date(now - days * 86_400_000).toISOString();
  let deleted = 0;
  for (let done = 0; done < MAX_PER_RUN; ) {
    const { results } = await env.DB.prepare(
      `SELECT id, workspace_id FROM imports WHERE finished_at IS NOT NULL AND finished_at < ?1 AND purged_at IS NULL LIMIT ?2`,
    )
      .bind(cutoff, page)
      .all<{ id: string; workspace_id: string }>();
    deleted += await purge(env, results, now);
    done += results.length;
    if (results.length < page) break;
  }
  return deleted;
}

async function purge(env: Env, results: { id: string; workspace_id: string }[], now: number): Promise<number> {
  let deleted = 0;
  for (const imp of results) {
    const prefix = importPrefix(imp.workspace_id, imp.id);
    for (const folder of ['chunks/', 'validated/', 'errors/']) {
      let cursor: string | undefined;
      do {
        const list = await env.UPLOADS.list({ prefix: prefix + folder, cursor });
        if (list.objects.length) {
          await env.UPLOADS.delete(list.objects.map((o) => o.key));
          deleted += list.objects.length;
        }
        cursor = list.truncated ? list.cursor : undefined;
      } while (cursor);
    }
    await env.DB.prepare('UPDATE imports SET purged_at = ?1 WHERE id = ?2').bind(new Date(now).toISOString(), imp.id).run();
  }
  return deleted;
}
