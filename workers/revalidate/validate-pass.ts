/**
 * Validate pass: the server's verdict on one chunk, recorded with the import's coordinator (row
 * counts, and valid numbers with their rows for in-file duplicates). With ignoreErrors on and every
 * earlier chunk already validated, the coordinator answers with the chunk's later occurrences and
 * the chunk is written here, in one pass; otherwise its verdict is kept in R2 for the write pass.
 */
import type { Env } from '../env.ts';
import { keys } from '../chunk/keys.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { phoneKey } from '../../src/lib/dedupe/phone-key.ts';
import { isRunning } from '../../src/lib/import-view.ts';
import type { ChunkVerdicts } from './verdicts.ts';
import { countCodes } from './count-codes.ts';
import { chunkVerdicts } from './chunk-verdicts.ts';
import { writeEntries } from '../write/write-entries.ts';
import { errorsForStorage } from './stored-errors.ts';
import { putCharged } from '../quota/storage.ts';
import type { Next } from '../coordinator/state.ts';

export async function validatePass(env: Env, workspaceId: string, importId: string, index: number): Promise<Next> {
  const coord = coordinator(env, importId);
  const { config, status } = await coord.snapshot();
  if (!isRunning(status)) return { kind: 'none' };

  const entries = await chunkVerdicts(env, config, index);
  // Every valid number is recorded, refused or not: a refused row is still its number's first occurrence.
  const phones: [number, number][] = [];
  let refused = 0;
  for (const e of entries) {
    if (e.lead) phones.push([phoneKey(e.lead.e164), e.row]);
    if (e.refusal) refused++;
  }
  // The verdict is charged to the workspace's storage quota; its errors name columns by index.
  const storeVerdict = () => {
    const stored = errorsForStorage(config.headers);
    const verdict: ChunkVerdicts = {
      index,
      entries: entries.map((e) => ({
        ...e,
        ...(e.errors.length ? { errors: stored(e.errors) } : {}),
        ...(e.refusal ? { refusal: { ...e.refusal, errors: stored(e.refusal.errors) } } : {}),
      })),
    };
    return putCharged(env, workspaceId, importId, keys.validated(workspaceId, importId, index), JSON.stringify(verdict));
  };
  // Without ignoreErrors nothing is written before every chunk is validated: keep the verdict first.
  if (!config.ignoreErrors) await storeVerdict();
  const recorded = await coord.recordValidation(index, {
    rows: entries.length,
    // Refused rows fail either way (refused, or DUPLICATE_IN_FILE); their codes are counted when written.
    invalidRows: entries.length - phones.length + refused,
    phones,
    errorCounts: countCodes(entries),
  });
  if (recorded.writeNow) {
    const written = await writeEntries(env, config, index, entries, recorded.writeNow.later, true);
    // What recording the validation made due (an inline import's waiting chunks) comes first.
    return recorded.next.kind === 'none' ? written : recorded.next;
  }
  // (A write message that comes before this verdict is stored recomputes it: same result.)
  if (config.ignoreErrors) await storeVerdict();
  return recorded.next;
}
