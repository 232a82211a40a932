/**
 * Each workspace's share of the shared `DB` for its background list imports: their rows
 * (`suppression_imports`: header row when short, file name, error) and their chunks' rows
 * (`suppression_import_chunks`: counts and a sample of the rows that were not numbers) take at most
 * LIST_IMPORTS_DB_BYTES. Before a new list import is recorded, the oldest ended ones past the budget
 * are forgotten: their R2 objects deleted (bytes released) and their rows deleted, so
 * `GET /suppressions/imports/{id}` answers 404 for them. One indexed read of the workspace's rows,
 * which the budget itself keeps small.
 */
import { envNumber, type Env } from '../../env.ts';
import { releaseStorage } from '../../quota/storage.ts';
import { deletePrefix } from '../../r2/delete-prefix.ts';
import { listImportPrefix } from './keys.ts';

/** What a row takes beside its text (ids, status, counts, dates, index entries), rounded up. */
const IMPORT_ROW_BYTES = 512;
const CHUNK_ROW_BYTES = 128;

const bytes = (column: string) => `coalesce(length(CAST(${column} AS BLOB)), 0)`;

/** The workspace's list imports with the bytes each takes in `DB`, most recent first. */
export async function listImportsHeld(env: Env, workspaceId: string): Promise<{ id: string; status: string; bytes: number }[]> {
  const { results } = await env.DB.prepare(
    `SELECT i.id, i.status,
       ${IMPORT_ROW_BYTES} + ${bytes('i.headers')} + ${bytes('i.file_name')} + ${bytes('i.error_message')}
       + coalesce((SELECT sum(${CHUNK_ROW_BYTES} + ${bytes('c.invalid_sample')}) FROM suppression_import_chunks c WHERE c.import_id = i.id), 0) AS bytes
     FROM suppression_imports i WHERE i.workspace_id = ?1 ORDER BY i.created_at DESC, i.id DESC`,
  )
    .bind(workspaceId)
    .all<{ id: string; status: string; bytes: number }>();
  return results;
}

/** Forgets the workspace's oldest ended list imports past the budget; returns how many. */
export async function makeRoomForListImport(env: Env, workspaceId: string): Promise<number> {
  const budget = envNumber(env, 'LIST_IMPORTS_DB_BYTES');
  let held = 0;
  const forget: string[] = [];
  for (const row of await listImportsHeld(env, workspaceId)) {
    held += row.bytes;
    if (held > budget && row.status !== 'running') forget.push(row.id);
  }
  for (const id of forget) {
    await deletePrefix(env, listImportPrefix(workspaceId, id));
    await releaseStorage(env, workspaceId, id);
    await env.DB.batch([
      env.DB.prepare('DELETE FROM suppression_import_chunks WHERE import_id = ?1').bind(id),
      env.DB.prepare('DELETE FROM suppression_imports WHERE id = ?1 AND workspace_id = ?2').bind(id, workspaceId),
    ]);
  }
  return forget.length;
}
