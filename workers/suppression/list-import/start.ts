/**
 * Starts a list import (POST /suppressions/import), one engine however it runs: the file is read in
 * the request by the one intake (workers/intake: a spreadsheet with the lead files' readers and
 * limits, CSV streamed; or a registry download, one number a line), its rows stored in R2 in chunks, and then the chunks are listed in
 * the request (run-inline.ts, the answer has the counts) or by the queue (`Prefer: respond-async`,
 * 202). A file refused while it is read (too many rows, damaged, no phone column) lists nothing,
 * either way. A replace takes its source's next generation only once the file has been read whole.
 */
import { envNumber, type Env } from '../../env.ts';
import { newId } from '../../db/ids.ts';
import type { Intake } from '../../intake/intake.ts';
import { LIST_CHUNK_BUDGET } from '../../../src/lib/chunk/cut.ts';
import { putCharged, releaseStorage } from '../../quota/storage.ts';
import { sendWithRetry } from '../../queue/send.ts';
import { listChunkMessages } from '../../queue/messages.ts';
import { deletePrefix } from '../../r2/delete-prefix.ts';
import { FileReadError, isFileReadError } from '../../../src/lib/parse/errors.ts';
import { FILE_ERRORS } from '../../../src/lib/validate/file-messages.ts';
import { Refusal } from '../../refusal.ts';
import { SuppressionRefusal } from '../refusals.ts';
import { checkListColumns } from '../check-list-columns.ts';
import { assertSourceRoom, beginReplace } from '../sources-store.ts';
import { cutChunks } from './cut-chunks.ts';
import { LINES_ENCODING, ROWS_ENCODING } from './list-chunk.ts';
import { failListImport } from './finish.ts';
import { runListInline, type InlineListImport } from './run-inline.ts';
import { listImportKeys, listImportPrefix } from './keys.ts';
import { listImportView, type ListImportView } from './view.ts';
import { keepListHeaders } from './headers.ts';
import { makeRoomForListImport } from './db-budget.ts';

/**
 * Rows per stored chunk, at most, by default: the reader's batches (a lead chunk's size) are joined
 * up to this, because a list's rows are short and each chunk costs a fixed round of R2 and D1
 * calls; the byte budget of a lead chunk still bounds what one chunk holds. `LIST_CHUNK_ROWS` in the
 * environment sets it for both layouts (tests see many chunks on small files).
 */
const LIST_CHUNK_ROWS = 25_000;
/** A registry file's rows are one short number each: larger chunks, fewer rounds. */
const REGISTRY_CHUNK_ROWS = 50_000;

export interface ListImportInput {
  /** The list as the intake reads it (with `registry: true`): its kind, its layout, its header and rows. */
  upload: Intake;
  defaultCountry: string;
  fileName?: string;
  source: string;
  mode: 'add' | 'replace';
  asOf: string | null;
}

function rowsPerChunk(env: Env, layout: Intake['layout']): number {
  return envNumber(env, 'LIST_CHUNK_ROWS', layout === 'registry' ? REGISTRY_CHUNK_ROWS : LIST_CHUNK_ROWS);
}

/** Reads the file into chunks and lists them in the request: the import as it ended. */
export async function importListInline(env: Env, workspaceId: string, input: ListImportInput): Promise<InlineListImport> {
  const { id, chunks } = await storeListFile(env, workspaceId, input);
  return runListInline(env, workspaceId, id, chunks);
}

/** Reads the file into chunks and queues them: the import as it starts. */
export async function startListImport(env: Env, workspaceId: string, input: ListImportInput): Promise<ListImportView> {
  const { id, chunks } = await storeListFile(env, workspaceId, input);
  try {
    await sendWithRetry(env.IMPORT_QUEUE, listChunkMessages({ workspaceId, importId: id }, chunks));
  } catch (err) {
    await abandon(env, workspaceId, id, 'STORAGE_UNAVAILABLE', 'The list could not be queued just now; nothing is wrong with the file. Upload it again in a moment.');
    throw new SuppressionRefusal('STORAGE_UNAVAILABLE', 'The list could not be queued just now; nothing is wrong with the file. Upload it again in a moment.', { cause: String(err instanceof Error ? err.name : err) });
  }
  return (await listImportView(env, workspaceId, id))!;
}

/** The import's row, its file in chunks in R2, and (for a replace) its source's new generation. */
async function storeListFile(env: Env, workspaceId: string, input: ListImportInput): Promise<{ id: string; chunks: number }> {
  const id = newId('sli');
  let created = false;
  await assertSourceRoom(env, workspaceId, input.source);
  try {
    const upload = input.upload;
    const layout = upload.layout;
    // Column problems (no phone column, two of them) are answered before anything is stored.
    checkListColumns(upload.headers);
    const now = new Date();
    // The workspace's list imports stay within their share of DB; a long header row goes to R2.
    await makeRoomForListImport(env, workspaceId);
    created = true;
    const headers = await keepListHeaders(env, workspaceId, id, upload.headers);
    await env.DB.prepare(
      `INSERT INTO suppression_imports (id, workspace_id, status, file_name, default_country, source, mode, as_of, layout, headers, created_at)
       VALUES (?1, ?2, 'running', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`,
    )
      .bind(id, workspaceId, input.fileName ?? `list.${upload.kind}`, input.defaultCountry, input.source, input.mode, input.asOf, layout, headers, now.toISOString())
      .run();

    const { rows: total, chunks } = await cutChunks(
      upload.rows,
      // A spreadsheet has a spreadsheet's row limit; the registry reader bounds its own rows.
      { perChunk: rowsPerChunk(env, layout), byteBudget: LIST_CHUNK_BUDGET.bytes, maxRows: layout === 'registry' ? Infinity : envNumber(env, 'MAX_ROWS') },
      layout === 'registry' ? LINES_ENCODING : ROWS_ENCODING,
      async (index, body) => {
        await putCharged(env, workspaceId, id, listImportKeys.chunk(workspaceId, id, index), body, { httpMetadata: { contentType: 'application/json' } });
      },
    );
    if (total === 0) throw new FileReadError(FILE_ERRORS.noDataRows());
    const generation = input.mode === 'replace' ? await beginReplace(env, workspaceId, input.source, id, new Date()) : null;
    await env.DB.prepare('UPDATE suppression_imports SET total_rows = ?2, chunk_count = ?3, generation = ?4 WHERE id = ?1').bind(id, total, chunks, generation).run();
    return { id, chunks };
  } catch (err) {
    // Only the readers blame the file; a store that failed is ours, and the upload can simply be retried.
    const refusal =
      err instanceof Refusal || isFileReadError(err)
        ? err
        : new SuppressionRefusal('STORAGE_UNAVAILABLE', 'The list could not be stored just now; nothing is wrong with the file. Upload it again in a moment.');
    if (created) {
      const { code, message } = refusal as { code: string; message: string };
      await abandon(env, workspaceId, id, code, message);
    }
    throw refusal;
  }
}

/** A list import that will not run: failed with the reason, its stored chunks deleted (retention takes whatever this misses). */
async function abandon(env: Env, workspaceId: string, id: string, code: string, message: string): Promise<void> {
  await failListImport(env, id, code, message).catch(() => {});
  await deletePrefix(env, listImportPrefix(workspaceId, id))
    .then(() => releaseStorage(env, workspaceId, id))
    .catch(() => {});
}
