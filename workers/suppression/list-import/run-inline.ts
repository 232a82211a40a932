/**
 * A list imported in the request (POST /suppressions/import without `Prefer: respond-async`): the
 * same chunks, the same chunk processor and the same ending as the queue's (process-chunk.ts,
 * finish.ts), run one after the other here. A chunk that cannot be listed fails the import with the
 * reason the queue gives (a chunk missing, or one that failed), and the request then answers with it.
 */
import type { Env } from '../../env.ts';
import { ChunkMissingError } from '../../chunk/errors.ts';
import type { InvalidSuppression } from '../../../src/lib/suppression/entry.ts';
import { MAX_INVALID_SHOWN } from '../../../src/lib/suppression/schemas.ts';
import { processListChunk } from './process-chunk.ts';
import { chunkFailure, failListImport } from './finish.ts';
import { listImportView, type ListImportView } from './view.ts';

/** The list import as it ended, with the first rows that were not numbers (up to MAX_INVALID_SHOWN, more than the resource keeps). */
export interface InlineListImport extends ListImportView {
  completedNow: boolean;
}

export async function runListInline(env: Env, workspaceId: string, importId: string, chunkCount: number): Promise<InlineListImport> {
  const invalid: InvalidSuppression[] = [];
  let completedNow = false;
  for (let chunk = 0; chunk < chunkCount; chunk++) {
    try {
      const outcome = await processListChunk(env, workspaceId, importId, chunk);
      for (const item of outcome.invalid ?? []) if (invalid.length < MAX_INVALID_SHOWN) invalid.push(item);
      completedNow ||= outcome.completed;
    } catch (err) {
      console.error(`list import ${importId}: chunk ${chunk} failed in the request (${err instanceof Error ? err.name : 'error'})`);
      const failure = chunkFailure(chunk, err instanceof ChunkMissingError, false);
      await failListImport(env, importId, failure.code, failure.message);
      break;
    }
  }
  const view = (await listImportView(env, workspaceId, importId))!;
  return { ...view, invalid, completedNow };
}
