/**
 * Writes one validated chunk: keeps the first occurrence of each number in file order (`later`
 * comes from the coordinator, so delivery order does not matter), writes those leads to D1 (the
 * unique index settles races with concurrent imports), stores the chunk's rejected rows for the
 * error report and records the chunk's counts. With `write` false (the report pass of an import
 * that will not be written) it only reports. Under `skip`, a number already in the campaign is
 * DUPLICATE_EXISTING, and with ignoreErrors off a number another import wrote meanwhile rolls the
 * whole import back (see the coordinator), starting with this chunk; under `update` and `fill` the
 * existing lead takes the row (workers/leads/update.ts).
 */
import type { Env } from '../env.ts';
import type { ImportConfig, Next } from '../coordinator/state.ts';
import { keys } from '../chunk/keys.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { leadsStore } from '../leads/leads-store.ts';
import { duplicateExisting, duplicateInFile } from '../../src/lib/validate/messages.ts';
import { phoneColumnLabel } from '../../src/lib/map/phone-column.ts';
import type { RowVerdict } from '../revalidate/verdicts.ts';
import { countCodes } from '../revalidate/count-codes.ts';
import { rollbackChunk } from '../rollback/rollback-chunk.ts';
import { upsertLeads } from '../leads/update.ts';
import { providedVariables } from './provided-variables.ts';
import type { ErrorPart } from '../report/error-part.ts';
import { duplicateOutcome } from '../../src/lib/dedupe/duplicate-outcome.ts';
import { boundChunkErrors } from '../../src/lib/report/error-budget.ts';
import { errorsForStorage } from '../revalidate/stored-errors.ts';
import { deleteCharged, putCharged } from '../quota/storage.ts';

export async function writeEntries(
  env: Env,
  config: ImportConfig,
  index: number,
  entries: RowVerdict[],
  /** Later occurrences, flat [row, firstRow, …]. */
  laterFlat: number[],
  write: boolean,
): Promise<Next> {
  const { workspaceId, importId } = config;
  const column = phoneColumnLabel(config.headers, config.mapping);
  const later = new Map<number, number>();
  for (let i = 0; i < laterFlat.length; i += 2) later.set(laterFlat[i]!, laterFlat[i + 1]!);
  const valid = entries.filter((e) => e.lead);
  const newErrors: RowVerdict[] = [];
  const toWrite = [];
  for (const e of valid) {
    const first = later.get(e.row);
    // The preview counts with the same rule (src/lib/dedupe/duplicate-outcome.ts).
    const outcome = duplicateOutcome({ later: first !== undefined, suppressed: !!e.refusal?.suppressed, inCampaign: !!e.refusal?.inCampaign }, config.onExisting ?? 'skip');
    if (outcome === 'create' || outcome === 'merge') {
      toWrite.push({ row: e.row, lead: e.lead! });
      continue;
    }
    if (outcome === 'in-file') e.errors.push(duplicateInFile(first!, column));
    else e.errors.push(...e.refusal!.errors);
    delete e.lead;
    delete e.refusal;
    newErrors.push(e);
  }
  let imported = 0;
  let updated = 0;
  let unchanged = 0;
  let conflicts = 0;
  const policy = config.onExisting;
  if (write && toWrite.length && policy !== 'skip') {
    const cells = new Map(valid.map((e) => [e.row, e.cells]));
    const rows = toWrite.map((w) => ({ ...w, provided: providedVariables(config.mapping, cells.get(w.row) ?? []) }));
    const result = await upsertLeads(env, workspaceId, config.campaignId, importId, rows, policy, new Date().toISOString());
    imported = result.created.size + result.updated.size + result.unchanged.size;
    updated = result.updated.size;
    unchanged = result.unchanged.size;
  } else if (write && toWrite.length) {
    const written = await leadsStore(env, workspaceId, config.campaignId).insert(importId, toWrite, new Date().toISOString());
    imported = written.size;
    if (written.size < toWrite.length) {
      const lost = new Set(toWrite.filter((w) => !written.has(w.row)).map((w) => w.row));
      conflicts = lost.size;
      for (const e of valid) {
        if (e.lead && lost.has(e.row)) {
          e.errors.push(duplicateExisting(column));
          delete e.lead;
          newErrors.push(e);
        }
      }
    }
  }
  // Duplicates added errors to valid rows: the chunk's error budget again, over every row in order.
  boundChunkErrors(entries);
  const rejected = entries.filter((e) => e.errors.length);
  const errorsKey = keys.errors(workspaceId, importId, index);
  if (rejected.length) {
    const stored = errorsForStorage(config.headers);
    const part: ErrorPart = { index, rows: rejected.map((e) => ({ row: e.row, cells: e.cells, errors: stored(e.errors) })) };
    // Charged to the workspace's storage quota like the chunk it comes from.
    await putCharged(env, workspaceId, importId, errorsKey, JSON.stringify(part));
  }
  const result = { imported, created: imported - updated - unchanged, updated, unchanged, failed: rejected.length, errorCounts: countCodes(newErrors) };
  const coord = coordinator(env, importId);
  if (!write || config.ignoreErrors) return coord.recordWrite(index, result);

  // All or nothing (ignoreErrors off): an earlier attempt may have met conflicts that are gone now.
  if (!rejected.length) await deleteCharged(env, workspaceId, importId, errorsKey);
  const recorded = await coord.recordGuardedWrite(index, { ...result, conflicts });
  if (!recorded.rollBack) return recorded.next;
  // Conflicts, or a rollback begun meanwhile: this chunk's rows go again, by the writer itself.
  const rolledBack = await rollbackChunk(env, config, index, toWrite.map((w) => w.lead.e164));
  return recorded.next.kind === 'none' ? rolledBack : recorded.next;
}
