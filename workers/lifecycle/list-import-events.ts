/**
 * `suppression_import.completed`: a suppression list import that completed (in the request or in the background), announced
 * in the same D1 batch as the statement that completes it (put these statements after it), once
 * per list import. Its data: the list import's id, status, rows and what they did.
 */
import type { Env } from '../env.ts';
import { newId, nowIso } from '../db/ids.ts';
import { dispatchEvents, pendingEventStatement, type PendingEvent } from './outbox.ts';

const key = (listImportId: string) => `${listImportId}:completed`;

/** The outbox statements to append to the batch that may complete list import `id`; the last one selects the event to hand off. */
export function listImportCompletedStatements(env: Env, id: string): D1PreparedStatement[] {
  return [
    env.DB.prepare(
      `INSERT INTO outbox_events (id, workspace_id, subject_id, dedupe_key, type, data, created_at)
       SELECT ?1, s.workspace_id, s.id, ?2, 'suppression_import.completed',
         json_object('importId', s.id, 'status', s.status, 'fileName', s.file_name, 'totalRows', s.total_rows,
           'added', coalesce(c.added, 0), 'alreadyPresent', coalesce(c.already, 0), 'invalidRows', coalesce(c.invalid, 0), 'finishedAt', s.finished_at),
         ?3
       FROM suppression_imports AS s,
         (SELECT sum(added) AS added, sum(already_present) AS already, sum(invalid_count) AS invalid FROM suppression_import_chunks WHERE import_id = ?4) AS c
       WHERE s.id = ?4 AND s.status = 'completed'
       ON CONFLICT (dedupe_key) DO NOTHING`,
    ).bind(newId('msg'), key(id), nowIso(), id),
    pendingEventStatement(env, key(id)),
  ];
}

/** Hands off the event the batch wrote, given that batch's last result. */
export async function dispatchListImportEvent(env: Env, last: D1Result | undefined): Promise<void> {
  await dispatchEvents(env, (last?.results ?? []) as PendingEvent[]);
}
