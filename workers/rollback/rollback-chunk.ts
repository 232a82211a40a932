/**
 * Rollback of one chunk of an import with ignoreErrors off: deletes the leads this import created
 * for the chunk's numbers and gives the leads it updated their previous values back (bounded
 * statements per chunk, whatever the import's size), then tells the coordinator. Both are keyed by
 * this import's id and its change records, so running it twice, or for a chunk that wrote nothing,
 * changes nothing.
 */
import type { Env } from '../env.ts';
import type { ImportConfig, Next } from '../coordinator/state.ts';
import { keys } from '../chunk/keys.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { leadsStore } from '../leads/leads-store.ts';
import { rollbackLeads } from '../leads/rollback-leads.ts';
import type { ChunkVerdicts } from '../revalidate/verdicts.ts';
import { chunkVerdicts } from '../revalidate/chunk-verdicts.ts';

export async function rollbackChunk(env: Env, config: ImportConfig, index: number, phones?: string[]): Promise<Next> {
  const { workspaceId, importId } = config;
  if (!phones) {
    // With ignoreErrors off every chunk's verdict is kept in R2 before anything is written.
    const stored = await env.UPLOADS.get(keys.validated(workspaceId, importId, index));
    const entries = stored ? (await stored.json<ChunkVerdicts>()).entries : await chunkVerdicts(env, config, index);
    phones = entries.filter((e) => e.lead && !e.refusal).map((e) => e.lead!.e164);
  }
  if (config.onExisting === 'skip') await leadsStore(env, workspaceId, config.campaignId).remove(importId, phones);
  else await rollbackLeads(env, workspaceId, config.campaignId, importId, phones, new Date().toISOString());
  return coordinator(env, importId).recordRolledBack(index);
}
