/**
 * The queue's side of a background list import: one chunk's rows normalised like leads, the valid
 * numbers listed (one transaction, fenced against a workspace move), the rows that were not
 * numbers written as report lines, then the chunk's outcome recorded. A chunk already recorded is
 * done: a redelivered message changes nothing. The chunk that completes the file completes the
 * import in the same statement batch as its record.
 *
 * A crash between listing and recording replays the chunk, and two deliveries of one chunk can run
 * at once: the numbers of the replay (or of the delivery recorded second) are then already on the
 * list and count as already present instead of added. The list itself is exact either way.
 */
import type { Env } from '../../env.ts';
import { ChunkMissingError } from '../../chunk/errors.ts';
import { putCharged, unchargeStorage } from '../../quota/storage.ts';
import { createReportWriter } from '../../../src/lib/report/error-report.ts';
import { createEntryReader, type InvalidSuppression, type SuppressionEntryInput } from '../../../src/lib/suppression/entry.ts';
import type { RowError, SourceRow } from '../../../src/lib/types.ts';
import { suppressionStore } from '../store.ts';
import { packedList } from '../packed-list.ts';
import { checkListColumns, rowEntry } from '../check-list-columns.ts';
import { listImportKeys } from './keys.ts';
import { INVALID_SHOWN, listImportRow } from './view.ts';
import { listHeaders } from './headers.ts';

/** Characters of a cell kept in the resource's sample (the report has it whole). */
const SAMPLE_INPUT_CHARS = 200;

export async function processListChunk(env: Env, workspaceId: string, importId: string, chunk: number): Promise<void> {
  const job = await listImportRow(env, workspaceId, importId);
  if (!job || job.status !== 'running') return;
  const recorded = await env.DB.prepare('SELECT 1 AS done FROM suppression_import_chunks WHERE import_id = ?1 AND chunk = ?2').bind(importId, chunk).first();
  if (recorded) return;

  const key = listImportKeys.chunk(workspaceId, importId, chunk);
  const object = await env.UPLOADS.get(key);
  if (!object) throw new ChunkMissingError(chunk);
  const stored = object.size;
  const { rows } = await object.json<{ rows: SourceRow[] }>();

  const headers = await listHeaders(env, job);
  const cols = checkListColumns(headers);
  const reader = createEntryReader(job.default_country);
  const entries: SuppressionEntryInput[] = [];
  const sample: InvalidSuppression[] = [];
  const writer = createReportWriter(headers);
  let report = '';
  let invalidCount = 0;
  for (const row of rows) {
    const result = rowEntry(reader, cols, row);
    if (result.ok) {
      entries.push(result.entry);
      continue;
    }
    invalidCount++;
    const { invalid } = result;
    if (sample.length < INVALID_SHOWN) sample.push({ ...invalid, input: invalid.input.slice(0, SAMPLE_INPUT_CHARS), row: row.row });
    // The lead report's writer and columns, so a fixed report is re-imported like the list; a list's
    // codes (PHONE_INVALID, EXPIRES_AT_INVALID, …) are only written out, never interpreted.
    const error: RowError = { code: invalid.code as RowError['code'], column: cols.phoneHeader ?? undefined, message: invalid.message, guidance: '' };
    report += writer.line(row, [error]);
  }

  // Listed now: an entry that expired since the upload is put back in force like any listing.
  const { added } = await suppressionStore(env, workspaceId).add(entries, new Date());
  if (report) {
    await putCharged(env, workspaceId, importId, listImportKeys.errors(workspaceId, importId, chunk), report, {
      httpMetadata: { contentType: 'text/csv; charset=utf-8' },
    });
  }
  const now = new Date().toISOString();
  const [recordedNow, completed] = await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO suppression_import_chunks (import_id, chunk, rows, added, already_present, invalid_count, invalid_sample, finished_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING`,
    ).bind(importId, chunk, rows.length, added, entries.length - added, invalidCount, JSON.stringify(sample), now),
    env.DB.prepare(
      `UPDATE suppression_imports SET status = 'completed', finished_at = ?2
       WHERE id = ?1 AND status = 'running' AND chunk_count = (SELECT count(*) FROM suppression_import_chunks WHERE import_id = ?1)`,
    ).bind(importId, now),
  ]);
  // The rows are listed and recorded: the chunk is not needed again. Of two deliveries running at
  // once, only the one whose record was written takes its bytes back.
  await env.UPLOADS.delete(key);
  if ((recordedNow!.meta.changes ?? 0) > 0) await unchargeStorage(env, workspaceId, importId, stored);
  // The last chunk builds the packed list's cache once, so the next preview does not wait for it.
  if ((completed!.meta.changes ?? 0) > 0) await packedList(env, workspaceId, new Date()).catch(() => {});
}
