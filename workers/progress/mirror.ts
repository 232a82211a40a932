/** Copies an import's live state from its Durable Object to the D1 row that listings read. */
import type { Env } from '../env.ts';
import type { ImportView } from '../../src/lib/import-view.ts';

export async function mirrorToD1(env: Env, workspaceId: string, view: ImportView): Promise<void> {
  await env.DB.prepare(
    `UPDATE imports SET status = ?1, total_rows = ?2, processed_rows = ?3, imported_rows = ?4, failed_rows = ?5,
       error_counts = ?6, failure_code = ?7, failure_message = ?8, finished_at = ?9
     WHERE id = ?10 AND workspace_id = ?11`,
  )
    .bind(
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
    )
    .run();
}
