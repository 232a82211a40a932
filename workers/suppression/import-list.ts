/**
 * POST /suppressions/import: an uploaded list (CSV streamed, Excel within its size limit, read by
 * the same readers and limits as lead files) → numbers normalised like leads, listed in batches as
 * the file arrives. The phone column is found by the lead files' mapping rules; optional `reason`
 * and `expires_at` columns.
 *
 * Listing is written as the file streams, so a file refused part-way (too many rows, a cell too
 * long, a damaged record) keeps what was listed before that point; the error's details say how
 * much. Adding numbers to a do-not-call list is the safe direction to fail in.
 */
import type { Env } from '../env.ts';
import { openUpload, uploadLimits, type UploadKind } from '../chunk/read-upload.ts';
import { Refusal } from '../refusal.ts';
import { asFileReadError, FileReadError } from '../../src/lib/parse/errors.ts';
import { listedBeforeError } from '../../src/lib/validate/file-messages.ts';
import { createEntryReader, type SuppressionEntryInput } from '../../src/lib/suppression/entry.ts';
import { MAX_INVALID_SHOWN } from '../../src/lib/suppression/schemas.ts';
import { suppressionStore } from './store.ts';
import type { AddResult } from './add-numbers.ts';
import { checkListColumns, rowEntry } from './check-list-columns.ts';
/** Entries listed per statement: fewer round trips, each group's JSON still far under 2 MB. */
const FLUSH_ENTRIES = 20_000;

export interface ImportListResult extends AddResult {
  /** Data rows read (blank lines are not rows). */
  rows: number;
}

export async function importList(
  env: Env,
  workspaceId: string,
  input: { body: ReadableStream<Uint8Array>; kind: UploadKind; defaultCountry: string; sheet?: string; encoding?: string },
  now = new Date(),
): Promise<ImportListResult> {
  const store = suppressionStore(env, workspaceId);
  const reader = createEntryReader(input.defaultCountry);
  const result: ImportListResult = { added: 0, alreadyPresent: 0, invalid: [], invalidCount: 0, rows: 0 };
  let pending: SuppressionEntryInput[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const valid = pending.length;
    const entries = pending;
    pending = [];
    let added: number;
    try {
      ({ added } = await store.add(entries, now));
    } catch {
      // The database, not the file: retrying the same upload is safe (listed numbers count as already present).
      throw new Refusal('STORAGE_UNAVAILABLE', 'The list could not be saved just now; nothing is wrong with the file. Upload it again in a moment.');
    }
    result.added += added;
    result.alreadyPresent += valid - added;
  };

  try {
    const upload = await openUpload(input.body, input.kind, uploadLimits(env), { sheet: input.sheet, encoding: input.encoding });
    const cols = checkListColumns(upload.headers);

    for await (const batch of upload.rows) {
      result.rows += batch.length;
      for (const row of batch) {
        const entry = rowEntry(reader, cols, row);
        if (entry.ok) {
          pending.push(entry.entry);
        } else {
          result.invalidCount++;
          if (result.invalid.length < MAX_INVALID_SHOWN) result.invalid.push(entry.invalid);
        }
      }
      if (pending.length >= FLUSH_ENTRIES) await flush();
    }
    await flush();
    return result;
  } catch (err) {
    // A store that failed (or the workspace moving) is answered as it is; anything else is the file's.
    const refusal = err instanceof Refusal ? err : asFileReadError(err);
    if (refusal instanceof Refusal || !(result.added || result.alreadyPresent)) throw refusal;
    const { rows: _rows, invalid: _invalid, ...counts } = result;
    throw new FileReadError(
      { code: refusal.code, message: `${refusal.message} ${listedBeforeError(result.added + result.alreadyPresent, result.added)}` },
      { ...counts, partial: true },
    );
  }
}
