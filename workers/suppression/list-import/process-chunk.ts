/**
 * One chunk of a list import, the same in the request (run-inline.ts) and in the queue: its rows
 * normalised like leads, the valid numbers listed in the import's source (or written into its
 * replace's generation; one transaction, fenced against a workspace move), the rows that were not
 * numbers written as report lines, then the chunk's outcome recorded. A chunk already recorded is
 * done: a redelivered message changes nothing. The chunk that finds every chunk recorded completes
 * the import (finish.ts), and so does a redelivery of it that finds the import still running.
 *
 * A crash between listing and recording replays the chunk, and two deliveries of one chunk can run
 * at once: the numbers of the replay (or of the delivery recorded second) are then already on the
 * list and count as already present instead of added. The list itself is exact either way.
 */
import type { Env } from '../../env.ts';
import { ChunkMissingError } from '../../chunk/errors.ts';
import { putCharged, unchargeStorage } from '../../quota/storage.ts';
import type { InvalidSuppression } from '../../../src/lib/suppression/entry.ts';
import { suppressionStore } from '../store.ts';
import { chunkEntries } from './chunk-entries.ts';
import { chunkRows } from './list-chunk.ts';
import { completeListImport } from './finish.ts';
import { listImportKeys } from './keys.ts';
import { INVALID_SHOWN, listImportRow } from './view.ts';
import { listHeaders } from './headers.ts';

export interface ChunkOutcome {
  /** The chunk's first rows that were not numbers (at most MAX_INVALID_SHOWN), null when it had been recorded before. */
  invalid: InvalidSuppression[] | null;
  /** Whether the import is completed now. */
  completed: boolean;
}

export async function processListChunk(env: Env, workspaceId: string, importId: string, chunk: number): Promise<ChunkOutcome> {
  const job = await listImportRow(env, workspaceId, importId);
  if (!job || job.status !== 'running') return { invalid: null, completed: job?.status === 'completed' };
  const recorded = await env.DB.prepare('SELECT 1 AS done FROM suppression_import_chunks WHERE import_id = ?1 AND chunk = ?2').bind(importId, chunk).first();
  if (recorded) return { invalid: null, completed: await completeListImport(env, job) };

  const key = listImportKeys.chunk(workspaceId, importId, chunk);
  const object = await env.UPLOADS.get(key);
  if (!object) throw new ChunkMissingError(chunk);
  const stored = object.size;
  const rows = chunkRows(await object.text());

  const { entries, invalid, invalidCount, report } = chunkEntries(await listHeaders(env, job), job.default_country, rows);

  const now = new Date();
  const target = job.mode === 'replace' && job.generation !== null ? ({ kind: 'pending', generation: job.generation } as const) : undefined;
  // Listed now: an entry that expired since the upload is put back in force like any listing.
  const { added } = await suppressionStore(env, workspaceId).add(entries, now, job.source, target);
  if (report) {
    await putCharged(env, workspaceId, importId, listImportKeys.errors(workspaceId, importId, chunk), report, {
      httpMetadata: { contentType: 'text/csv; charset=utf-8' },
    });
  }
  const recordedNow = await env.DB.prepare(
    `INSERT INTO suppression_import_chunks (import_id, chunk, rows, added, already_present, invalid_count, invalid_sample, finished_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING`,
  )
    .bind(importId, chunk, rows.length, added, entries.length - added, invalidCount, JSON.stringify(invalid.slice(0, INVALID_SHOWN)), now.toISOString())
    .run();
  // The rows are listed and recorded: the chunk is not needed again. Of two deliveries running at
  // once, only the one whose record was written takes its bytes back.
  await env.UPLOADS.delete(key);
  if ((recordedNow.meta.changes ?? 0) > 0) await unchargeStorage(env, workspaceId, importId, stored);
  return { invalid, completed: await completeListImport(env, job) };
}
