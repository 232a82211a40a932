/**
 * Starts a background list import (POST /suppressions/import with `Prefer: respond-async`): the file
 * is read in the request (CSV streamed, Excel within its limit, the lead files' readers and limits),
 * its rows stored in R2 in chunks, and each chunk queued; the queue lists the numbers
 * (process-chunk.ts). A file refused while it is read (too many rows, damaged) lists nothing: its
 * chunks are queued only once the whole file has been read.
 */
import { envNumber, type Env } from '../../env.ts';
import { newId } from '../../db/ids.ts';
import { chunkByteBudget, openUpload, uploadLimits, type UploadKind } from '../../chunk/read-upload.ts';
import { Refusal } from '../../refusal.ts';
import { putCharged, releaseStorage } from '../../quota/storage.ts';
import { sendWithRetry } from '../../queue/send.ts';
import { listChunkMessages } from '../../queue/messages.ts';
import { isFileReadError } from '../../../src/lib/parse/errors.ts';
import { checkListColumns } from '../check-list-columns.ts';
import { utf8Length } from '../../../src/lib/text/utf8-length.ts';
import { listImportKeys, listImportPrefix } from './keys.ts';
import { deletePrefix } from '../../r2/delete-prefix.ts';
import { failListImport, listImportView, type ListImportView } from './view.ts';

export interface ListImportInput {
  body: ReadableStream<Uint8Array>;
  kind: UploadKind;
  defaultCountry: string;
  fileName?: string;
  sheet?: string;
  /** The WHATWG name from encoding=<label>; detected when absent. */
  encoding?: string;
}

export async function startListImport(env: Env, workspaceId: string, input: ListImportInput): Promise<ListImportView> {
  const id = newId('sli');
  let created = false;
  try {
    const limits = uploadLimits(env);
    const upload = await openUpload(input.body, input.kind, limits, { sheet: input.sheet, encoding: input.encoding });
    // Column problems (no phone column, two of them) are answered before anything is stored.
    checkListColumns(upload.headers);
    await env.DB.prepare(
      `INSERT INTO suppression_imports (id, workspace_id, status, file_name, default_country, headers, created_at)
       VALUES (?1, ?2, 'running', ?3, ?4, ?5, ?6)`,
    )
      .bind(id, workspaceId, input.fileName ?? `list.${input.kind}`, input.defaultCountry, JSON.stringify(upload.headers), new Date().toISOString())
      .run();
    created = true;

    let chunks = 0;
    let total = 0;
    let pending: string[] = [];
    let pendingRows = 0;
    let pendingBytes = 0;
    const store = async () => {
      if (!pendingRows) return;
      const body = `{"v":1,"index":${chunks},"rows":[${pending.join(',')}]}`;
      pending = [];
      pendingRows = 0;
      pendingBytes = 0;
      await putCharged(env, workspaceId, id, listImportKeys.chunk(workspaceId, id, chunks), body, { httpMetadata: { contentType: 'application/json' } });
      chunks++;
    };
    for await (const rows of upload.rows) {
      total += rows.length;
      // Rows per stored chunk (LIST_CHUNK_ROWS): the reader's batches (a lead chunk's size) are joined
      // up to it, because a list's rows are short and each chunk costs the queue a fixed round of R2
      // and D1 calls; the byte budget of a lead chunk still bounds what one consumer holds.
      // The batch's rows as JSON once (without its brackets), so joining batches copies text, not objects.
      const json = JSON.stringify(rows).slice(1, -1);
      const bytes = utf8Length(json);
      if (pendingRows && (pendingRows + rows.length > envNumber(env, 'LIST_CHUNK_ROWS') || pendingBytes + bytes > chunkByteBudget(limits.chunkBytes))) await store();
      pending.push(json);
      pendingRows += rows.length;
      pendingBytes += bytes;
    }
    await store();
    await env.DB.prepare('UPDATE suppression_imports SET total_rows = ?2, chunk_count = ?3 WHERE id = ?1').bind(id, total, chunks).run();
    await sendWithRetry(env.IMPORT_QUEUE, listChunkMessages({ workspaceId, importId: id }, chunks));
    return (await listImportView(env, workspaceId, id))!;
  } catch (err) {
    // Only the readers blame the file; a store that failed is ours, and the upload can simply be retried.
    const answer =
      err instanceof Refusal || isFileReadError(err)
        ? err
        : new Refusal('STORAGE_UNAVAILABLE', 'The list could not be stored just now; nothing is wrong with the file. Upload it again in a moment.');
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
