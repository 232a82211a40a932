/**
 * Rollback of one chunk of an import with ignoreErrors off: deletes the leads this import wrote for
 * the chunk's numbers (one bounded statement per chunk, whatever the import's size), then tells the
 * coordinator. Deleting is keyed by this import's id, so running it twice, or for a chunk that wrote
 * nothing, changes nothing.
 */
import type { Env } from '../env.ts';
import type { ImportConfig, Next } from '../coordinator/state.ts';
import { keys } from '../chunk/keys.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { leadsStore } from '../leads/store.ts';
import type { ValidatedChunk } from '../revalidate/validated-chunk.ts';
import { revalidateChunk } from '../revalidate/revalidate-chunk.ts';

export async function undoChunk(env: Env, config: ImportConfig, index: number, phones?: string[]): Promise<Next> {
  const { workspaceId, importId } = config;
  if (!phones) {
    // With ignoreErrors off every chunk's verdict is kept in R2 before anything is written.
    const stored = await env.UPLOADS.get(keys.validated(workspaceId, importId, index));
    const entries = stored ? (await stored.json<ValidatedChunk>()).entries : await revalidateChunk(env, config, index);
    phones = entries.filter((e) => e.lead).map((e) => e.lead!.e164);
  }
  await leadsStore(env, workspaceId, config.campaignId).remove(importId, phones);
  return coordinator(env, importId).recordUndone(index);
}
