/**
 * Write pass: one chunk whose rows were validated (by its own validate message when chunks arrived
 * out of order, or in the report-only phase). Uses the stored verdict, or recomputes it when the chunk
 * was meant to be written in its validate pass (no verdict is stored then).
 */
import type { Env } from '../env.ts';
import { keys } from '../chunk/keys.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { phoneKey } from '../../src/lib/dedupe/phone-key.ts';
import { isRunning } from '../../src/lib/import-view.ts';
import type { ChunkVerdicts } from '../revalidate/verdicts.ts';
import { chunkVerdicts } from '../revalidate/chunk-verdicts.ts';
import type { Next } from '../coordinator/state.ts';
import { writeEntries } from './write-entries.ts';
import { rollbackChunk } from '../rollback/rollback-chunk.ts';

export async function writePass(env: Env, workspaceId: string, importId: string, index: number): Promise<Next> {
  const coord = coordinator(env, importId);
  const { config, status, phase, rolledBack } = await coord.snapshot();
  if (!config.ignoreErrors && (phase === 'write' || phase === 'rollback' || rolledBack)) {
    // All or nothing: the insert holds a lease on the chunk; once the import rolls back, a write
    // message rolls back whatever its chunk may have written instead (redelivered, or sent to do so).
    const lease = await coord.beginWrite(index);
    if (!lease.write) return lease.rollBack ? rollbackChunk(env, config, index) : { kind: 'none' };
  } else if (!isRunning(status) || phase === 'finalize' || phase === 'done') {
    // Every chunk was written before the import reached finalize: a late redelivery must not rewrite
    // the chunk's error part (with nothing inserted, it would lose the rows the insert refused).
    return { kind: 'none' };
  }

  const stored = await env.UPLOADS.get(keys.validated(workspaceId, importId, index));
  const entries = stored ? (await stored.json<ChunkVerdicts>()).entries : await chunkVerdicts(env, config, index);
  const pairs = entries.filter((e) => e.lead).map((e): [number, number] => [phoneKey(e.lead!.e164), e.row]);
  const later = await coord.laterOccurrences(pairs);
  // Rows are written in the write phase, or earlier (while later chunks validate) with ignoreErrors
  // on; the report-only phase (ignoreErrors off, errors found) writes nothing.
  return writeEntries(env, config, index, entries, later, phase === 'write' || (phase !== 'report-only' && config.ignoreErrors));
}
