/**
 * Starts a background list import (POST /suppressions/import with `Prefer: respond-async`): the file
 * is read in the request (CSV streamed, Excel within its limit, the lead files' readers and limits),
 * its rows stored in R2 in chunks, and each chunk queued; the queue lists the numbers
 * (process-chunk.ts). A file refused while it is read (too many rows, damaged) lists nothing: its
 * chunks are queued only once the whole file has been read.
 */
import type { Env } from '../../env.ts';
import { newId } from '../../db/ids.ts';
import type { Intake } from '../../intake/intake.ts';
import { encodeChunk } from '../../../src/lib/chunk/format.ts';
import { LIST_CHUNK_BUDGET } from '../../../src/lib/chunk/cut.ts';
import { ApiError } from '../../api/errors.ts';
import { toFileApiError } from '../../api/file-errors.ts';
import { putCharged, releaseStorage } from '../../quota/storage.ts';
import { sendWithRetry } from '../../queue/send.ts';
import { listChunkMessages } from '../../queue/messages.ts';
import { LIMITS } from '../../../src/lib/limits.ts';
import { FileReadError, formatCount, isFileReadError } from '../../../src/lib/parse/errors.ts';
import { checkListColumns } from '../check-list-columns.ts';
import { listImportKeys, listImportPrefix } from './keys.ts';
import { deletePrefix } from '../../r2/delete-prefix.ts';
import { failListImport, listImportView, type ListImportView } from './view.ts';

/** Rows per stored chunk, at most (the intake cuts a list's rows to LIST_CHUNK_BUDGET, src/lib/chunk/cut.ts). */
export const LIST_CHUNK_ROWS = LIST_CHUNK_BUDGET.rows;

export interface ListImportInput {
  /** The list, read by the intake with LIST_CHUNK_BUDGET: each batch is one stored chunk. */
  upload: Intake;
  defaultCountry: string;
  fileName?: string;
}

export async function startListImport(env: Env, workspaceId: string, input: ListImportInput): Promise<ListImportView> {
  const id = newId('sli');
  let created = false;
  try {
    const upload = input.upload;
    // Column problems (no phone column, two of them) are answered before anything is stored.
    checkListColumns(upload.headers);
    await env.DB.prepare(
      `INSERT INTO suppression_imports (id, workspace_id, status, file_name, default_country, headers, created_at)
       VALUES (?1, ?2, 'running', ?3, ?4, ?5, ?6)`,
    )
      .bind(id, workspaceId, input.fileName ?? `list.${upload.kind}`, input.defaultCountry, JSON.stringify(upload.headers), new Date().toISOString())
      .run();
    created = true;

    let chunks = 0;
    let total = 0;
    for await (const rows of upload.rows) {
      total += rows.length;
      if (total > LIMITS.maxRows) throw new FileReadError('TOO_MANY_ROWS', `The list has more than ${formatCount(LIMITS.maxRows)} rows. Split it into smaller files.`);
      const body = encodeChunk(chunks, rows.map((r) => JSON.stringify(r)));
      await putCharged(env, workspaceId, id, listImportKeys.chunk(workspaceId, id, chunks), body, { httpMetadata: { contentType: 'application/json' } });
      chunks++;
    }
    if (total === 0) throw new FileReadError('FILE_EMPTY', 'The list has a header row but no data rows.');
    await env.DB.prepare('UPDATE suppression_imports SET total_rows = ?2, chunk_count = ?3 WHERE id = ?1').bind(id, total, chunks).run();
    await sendWithRetry(env.IMPORT_QUEUE, listChunkMessages({ workspaceId, importId: id }, chunks));
    return (await listImportView(env, workspaceId, id))!;
  } catch (err) {
    // Only the readers blame the file; a store that failed is ours, and the upload can simply be retried.
    const answer =
      err instanceof ApiError || isFileReadError(err)
        ? toFileApiError(err)
        : new ApiError(503, 'STORAGE_UNAVAILABLE', 'The list could not be stored just now; nothing is wrong with the file. Upload it again in a moment.');
    if (created) {
      await failListImport(env, id, answer.code, answer.message).catch(() => {});
      // Its chunks will not run (retention takes whatever this misses).
      await deletePrefix(env, listImportPrefix(workspaceId, id))
        .then(() => releaseStorage(env, workspaceId, id))
        .catch(() => {});
    }
    throw answer;
  }
}
