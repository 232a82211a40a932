/**
 * Write pass: for one validated chunk, keeps the first occurrence of each number in file order
 * (asked of the coordinator, so delivery order does not matter), writes those leads to D1 (the
 * unique index settles races with concurrent imports), stores the chunk's rejected rows for the
 * error report and records the chunk's counts. On the report pass (ignoreErrors off and the file
 * has errors) nothing is written.
 */
import type { Env } from '../env.ts';
import { keys } from '../chunk/keys.ts';
import { coordinator } from '../progress/coordinator.ts';
import { phoneKey } from '../progress/phone-key.ts';
import { isRunning } from '../../src/lib/import-view.ts';
import { leadsStore } from '../leads/store.ts';
import { duplicateExisting, duplicateInFile } from '../../src/lib/validate/messages.ts';
import { phoneColumn } from '../revalidate/phone-column.ts';
import { countCodes, type ValidatedChunk, type ValidatedEntry } from '../revalidate/validated-chunk.ts';
import { ChunkMissingError } from '../chunk/errors.ts';
import type { Next } from '../progress/import-coordinator.ts';

export interface ErrorPart {
  index: number;
  rows: { row: number; cells: string[]; errors: ValidatedEntry['errors'] }[];
}

export async function writeChunk(env: Env, workspaceId: string, importId: string, index: number): Promise<Next> {
  const coord = coordinator(env, importId);
  const { config, status, phase } = await coord.config();
  if (!isRunning(status)) return { kind: 'none' };

  const object = await env.UPLOADS.get(keys.validated(workspaceId, importId, index));
  if (!object) throw new ChunkMissingError(index);
  const { entries } = await object.json<ValidatedChunk>();

  const column = phoneColumn(config.headers, config.mapping);
  const valid = entries.filter((e) => e.lead);
  const pairs = valid.map((e): [number, number] => [phoneKey(e.lead!.e164), e.row]);
  const flat = await coord.laterOccurrences(pairs);
  const later = new Map<number, number>();
  for (let i = 0; i < flat.length; i += 2) later.set(flat[i]!, flat[i + 1]!);
  const newErrors: ValidatedEntry[] = [];
  const toWrite = [];
  for (const e of valid) {
    const first = later.get(e.row);
    if (first !== undefined) {
      e.errors.push(duplicateInFile(first, column));
      delete e.lead;
      newErrors.push(e);
    } else {
      toWrite.push({ row: e.row, lead: e.lead! });
    }
  }
  let imported = 0;
  if (phase === 'write' && toWrite.length) {
    const written = await leadsStore(env, workspaceId, config.campaignId).insert(importId, toWrite, new Date().toISOString());
    imported = written.size;
    if (written.size < toWrite.length) {
      const lost = new Set(toWrite.filter((w) => !written.has(w.row)).map((w) => w.row));
      for (const e of valid) {
        if (e.lead && lost.has(e.row)) {
          e.errors.push(duplicateExisting(column));
          delete e.lead;
          newErrors.push(e);
        }
      }
    }
  }
  const rejected = entries.filter((e) => e.errors.length);
  if (rejected.length) {
    const part: ErrorPart = { index, rows: rejected.map((e) => ({ row: e.row, cells: e.cells, errors: e.errors })) };
    await env.UPLOADS.put(keys.errors(workspaceId, importId, index), JSON.stringify(part));
  }
  return coord.recordWrite(index, { imported, failed: rejected.length, errorCounts: countCodes(newErrors) });
}
