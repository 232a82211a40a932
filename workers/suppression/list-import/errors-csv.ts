/**
 * GET /suppressions/imports/{id}/errors.csv: the rows of a list import that were not numbers, in
 * file order: the file's own columns (so the fixed file imports again as a list) plus error_row,
 * error_codes and error_messages, formula-safe. Streamed from the chunks' parts, never held whole.
 */
import type { Env } from '../../env.ts';
import { SuppressionRefusal } from '../refusals.ts';
import { REPORT_BOM, reportHeader } from '../../../src/lib/report/error-report.ts';
import { listImportKeys } from './keys.ts';
import { listImportRow } from './view.ts';
import { listHeaders } from './headers.ts';

export async function listImportErrorsCsv(env: Env, workspaceId: string, id: string): Promise<ReadableStream<Uint8Array>> {
  const job = await listImportRow(env, workspaceId, id);
  if (!job) throw new SuppressionRefusal('NOT_FOUND', 'List import not found.');
  if (job.status === 'running') throw new SuppressionRefusal('IMPORT_RUNNING', 'The list is still being imported; its report of rows that were not numbers is ready when it ends.');
  if (job.purged_at) throw new SuppressionRefusal('REPORT_EXPIRED', `This report was deleted on ${job.purged_at.slice(0, 10)}: reports are kept for a limited time after the import ends. The import's counts are still shown.`);
  const { results } = await env.DB.prepare('SELECT chunk FROM suppression_import_chunks WHERE import_id = ?1 AND invalid_count > 0 ORDER BY chunk').bind(id).all<{ chunk: number }>();
  const chunks = results.map((r) => r.chunk);
  // Retention deletes the parts together: the first missing means the report has expired.
  if (chunks.length && !(await env.UPLOADS.head(listImportKeys.errors(workspaceId, id, chunks[0]!)))) {
    throw new SuppressionRefusal('REPORT_EXPIRED', 'This report has been deleted: reports are kept for a limited time after the import ends.');
  }
  const headers = await listHeaders(env, job);
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(REPORT_BOM + reportHeader(headers)));
    },
    async pull(controller) {
      if (next >= chunks.length) return controller.close();
      const object = await env.UPLOADS.get(listImportKeys.errors(workspaceId, id, chunks[next++]!));
      if (!object) return controller.error(new Error('report part missing'));
      controller.enqueue(new Uint8Array(await object.arrayBuffer()));
    },
  });
}
