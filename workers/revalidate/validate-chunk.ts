/**
 * Validate pass: re-reads a chunk from R2 and revalidates every row with the shared core (the
 * browser's verdicts are never trusted), marks numbers the campaign already has, stores the
 * verdicts in R2 and records the chunk's valid numbers with the import's coordinator.
 */
import type { Env } from '../env.ts';
import type { Chunk } from '../../src/lib/chunk/format.ts';
import { keys } from '../chunk/keys.ts';
import { coordinator } from '../progress/coordinator.ts';
import { phoneKey } from '../progress/phone-key.ts';
import { isRunning } from '../../src/lib/import-view.ts';
import { leadsStore } from '../leads/store.ts';
import { duplicateExisting } from '../../src/lib/validate/messages.ts';
import { phoneColumn } from './phone-column.ts';
import { validatorFor } from './validator-cache.ts';
import { countCodes, type ValidatedChunk, type ValidatedEntry } from './validated-chunk.ts';
import { ChunkMissingError } from '../chunk/errors.ts';
import type { Next } from '../progress/import-coordinator.ts';

export async function validateChunk(env: Env, workspaceId: string, importId: string, index: number): Promise<Next> {
  const coord = coordinator(env, importId);
  const { config, status } = await coord.config();
  if (!isRunning(status)) return { kind: 'none' };

  const object = await env.UPLOADS.get(keys.chunk(workspaceId, importId, index));
  if (!object) throw new ChunkMissingError(index);
  const chunk = await object.json<Chunk>();
  const validator = validatorFor(config);
  const entries: ValidatedEntry[] = chunk.rows.map((source) => {
    const v = validator.validate(source);
    return v.lead ? { row: v.row, cells: source.cells, lead: v.lead, errors: [] } : { row: v.row, cells: source.cells, errors: v.errors };
  });
  const valid = entries.filter((e) => e.lead);
  const existing = await leadsStore(env, workspaceId, config.campaignId).existing(valid.map((e) => e.lead!.e164));
  if (existing.size) {
    for (const e of valid) {
      if (existing.has(e.lead!.e164)) {
        e.errors.push(duplicateExisting(phoneColumn(config.headers, config.mapping)));
        delete e.lead;
      }
    }
  }
  const verdict: ValidatedChunk = { index, entries };
  await env.UPLOADS.put(keys.validated(workspaceId, importId, index), JSON.stringify(verdict));
  const phones: [number, number][] = [];
  for (const e of entries) if (e.lead) phones.push([phoneKey(e.lead.e164), e.row]);
  return coord.recordValidation(index, {
    rows: entries.length,
    invalidRows: entries.length - phones.length,
    phones,
    errorCounts: countCodes(entries),
  });
}
