/**
 * The server's verdict on one chunk: re-reads it from R2, revalidates every row with the shared
 * core (the browser's verdicts are never trusted) and marks numbers the campaign already has from
 * other imports. It reads R2 and D1 but writes nothing, so a write pass can compute it again when
 * no verdict was stored, and get the same answer.
 */
import type { Env } from '../env.ts';
import type { Chunk } from '../../src/lib/chunk/format.ts';
import type { ImportConfig } from '../coordinator/state.ts';
import { keys } from '../chunk/keys.ts';
import { leadsStore } from '../leads/leads-store.ts';
import { duplicateExisting } from '../../src/lib/validate/messages.ts';
import { phoneColumnLabel } from '../../src/lib/map/phone-column.ts';
import { validatorFor } from './validator-cache.ts';
import type { RowVerdict } from './verdicts.ts';
import { ChunkMissingError } from '../chunk/errors.ts';
import { markSuppressed } from './mark-suppressed.ts';
import { ErrorBudget, storedRowBytes } from '../../src/lib/report/error-budget.ts';

export async function chunkVerdicts(env: Env, config: ImportConfig, index: number): Promise<RowVerdict[]> {
  const { workspaceId, importId } = config;
  const object = await env.UPLOADS.get(keys.chunk(workspaceId, importId, index));
  if (!object) throw new ChunkMissingError(index);
  const chunk = await object.json<Chunk>();
  const validator = validatorFor(config);
  // Each row's messages are cut to the chunk's error budget as soon as they are made, so a chunk
  // whose every row has many errors never holds more than the budget in memory.
  const bytes = chunk.rows.map((r) => storedRowBytes(r.row, r.cells));
  const budget = new ErrorBudget(bytes.reduce((a, b) => a + b, 0));
  const entries: RowVerdict[] = chunk.rows.map((source, i) => {
    const v = validator.validate(source);
    return v.lead
      ? { row: v.row, cells: source.cells, lead: v.lead, errors: budget.admit(bytes[i]!, []) }
      : { row: v.row, cells: source.cells, errors: budget.admit(bytes[i]!, v.errors) };
  });
  await markSuppressed(env, config, entries);
  await markExisting(env, config, entries);
  return entries;
}

/** Under `skip`, numbers the campaign already has (from other imports) are DUPLICATE_EXISTING (a refusal: one short message, outside the row's error budget). */
async function markExisting(env: Env, config: ImportConfig, entries: RowVerdict[]): Promise<void> {
  const { workspaceId, importId } = config;
  // Numbers already refused as suppressed are not looked up: suppression comes first (duplicate-outcome.ts).
  const valid = entries.filter((e) => e.lead && !e.refusal);
  // Under `update` and `fill` a number the campaign has is not an error: the write pass merges it.
  if (config.onExisting !== 'skip') return;
  // Leads this import already wrote (a chunk run again) are not "existing": the insert counts them as written.
  const existing = await leadsStore(env, workspaceId, config.campaignId).existing(
    valid.map((e) => e.lead!.e164),
    importId,
  );
  if (existing.size) {
    const column = phoneColumnLabel(config.headers, config.mapping);
    for (const e of valid) {
      if (existing.has(e.lead!.e164)) e.refusal = { suppressed: false, inCampaign: true, errors: [duplicateExisting(column)] };
    }
  }
}
