/** Puts one chunk in R2, registers it with the coordinator and, when asked, queues its validation. */
import type { Env } from '../env.ts';
import type { Chunk } from '../../src/lib/chunk/format.ts';
import { keys } from './keys.ts';
import { coordinator } from '../progress/coordinator.ts';
import { sendWithRetry } from '../queue/send.ts';

export async function storeChunk(env: Env, workspaceId: string, importId: string, chunk: Chunk, dispatch: boolean): Promise<void> {
  await env.UPLOADS.put(keys.chunk(workspaceId, importId, chunk.index), JSON.stringify(chunk), {
    httpMetadata: { contentType: 'application/json' },
  });
  await coordinator(env, importId).chunkStored(chunk.index, chunk.rows.length);
  if (dispatch) await sendWithRetry(env.IMPORT_QUEUE, [{ kind: 'validate', workspaceId, importId, chunk: chunk.index }]);
}

/** Queues validation of chunks 0..count-1 (browser uploads, once every chunk is stored). */
export async function dispatchValidation(env: Env, workspaceId: string, importId: string, count: number): Promise<void> {
  await sendWithRetry(
    env.IMPORT_QUEUE,
    [...Array(count).keys()].map((chunk) => ({ kind: 'validate' as const, workspaceId, importId, chunk })),
  );
}
