/** Puts one chunk in R2, registers it with the coordinator and, when asked, queues its validation. */
import { envNumber, type Env } from '../env.ts';
import type { Chunk } from '../../src/lib/chunk/format.ts';
import { keys } from './keys.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { sendWithRetry } from '../queue/send.ts';
import { chunkMessages } from '../queue/messages.ts';
import type { Admission } from './admit-chunk.ts';
import { putCharged, storageQuota } from '../quota/storage.ts';

export async function putChunk(env: Env, workspaceId: string, importId: string, chunk: Chunk, dispatch: boolean): Promise<void> {
  await putCharged(env, workspaceId, importId, keys.chunk(workspaceId, importId, chunk.index), JSON.stringify(chunk), {
    httpMetadata: { contentType: 'application/json' },
  });
  await coordinator(env, importId).chunkStored(chunk.index, chunk.rows.length);
  if (dispatch) await sendWithRetry(env.IMPORT_QUEUE, chunkMessages('validate', { workspaceId, importId }, [chunk.index]));
}

/**
 * Stores a chunk the browser uploaded, through its import's coordinator: admitted only while the
 * upload is open and only if its rows keep file order and the import's size limit (see admit-chunk).
 * `chunk.rows` must be in strictly increasing row order (checked by the route).
 */
export async function putUploadedChunk(env: Env, workspaceId: string, importId: string, chunk: Chunk): Promise<Admission> {
  // The coordinator charges the workspace's storage quota as it stores the chunk (admit-chunk.ts).
  return coordinator(env, importId).putUploadedChunk({
    index: chunk.index,
    rows: chunk.rows.length,
    firstRow: chunk.rows[0]!.row,
    lastRow: chunk.rows[chunk.rows.length - 1]!.row,
    body: JSON.stringify(chunk),
    key: keys.chunk(workspaceId, importId, chunk.index),
    maxRows: envNumber(env, 'MAX_ROWS'),
    inlineMaxRows: envNumber(env, 'INLINE_MAX_ROWS'),
    quotaBytes: storageQuota(env),
  });
}

/** Queues validation of chunks 0..count-1 (browser uploads, once every chunk is stored). */
export async function dispatchValidation(env: Env, workspaceId: string, importId: string, count: number): Promise<void> {
  await sendWithRetry(
    env.IMPORT_QUEUE,
    chunkMessages('validate', { workspaceId, importId }, [...Array(count).keys()]),
  );
}
