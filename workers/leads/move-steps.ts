/**
 * The steps of a workspace's move between shards (move.ts runs them): fencing the old shard,
 * copying leads and the suppression list, deleting them from the old shard.
 */
import { paramGroups } from './param-groups.ts';
import { COUNTER_ADD_CHANGES, DIRECT_CHANGES, directChanges } from './counters.ts';
import { FIELD_COLUMNS } from './stored-lead.ts';

/** Every column of a lead but its id (the calling profile's counts follow the copy by trigger). */
const LEAD_COLUMNS = [
  'phone, phone_country, phone_type, phone_extension, phone_zone_set, calling_profile',
  ...FIELD_COLUMNS,
  'variables, secondary_contacts, import_id, source_row, created_at, version, updated_import_id',
].join(', ');
const LEAD_VALUES = LEAD_COLUMNS.split(', ')
  .map((_, i) => `j.value->>${i}`)
  .join(', ');
const SUPPRESSION_COLUMNS = 'phone, reason, expires_at, created_at';
/** Sets a fresh random version of the workspace's (?1) suppression list (workers/suppression/packed-list.ts). */
const NEW_LIST_VERSION = `INSERT INTO suppression_list_versions (workspace_id, version) VALUES (?1, lower(hex(randomblob(8))))
  ON CONFLICT (workspace_id) DO UPDATE SET version = excluded.version`;
/** Rows deleted from the old shard per statement. */
const DELETE_SLICE = 5_000;

/** The workspace's next campaign after `after` on a shard (every campaign with leads has a counter row). */
export async function nextCampaign(d1: D1Database, workspaceId: string, after: string): Promise<string | null> {
  const row = await d1
    .prepare('SELECT campaign_id FROM campaign_counters WHERE workspace_id = ?1 AND campaign_id > ?2 ORDER BY campaign_id LIMIT 1')
    .bind(workspaceId, after)
    .first<{ campaign_id: string }>();
  return row?.campaign_id ?? null;
}

/** Writes to the old shard are refused from now on (in their own transaction); the new shard has no fence. */
export async function fenceOldShard(from: D1Database, to: D1Database, workspaceId: string): Promise<void> {
  const now = new Date().toISOString();
  await from.prepare('INSERT OR IGNORE INTO workspace_fences (workspace_id, since) VALUES (?1, ?2)').bind(workspaceId, now).run();
  await to.prepare('DELETE FROM workspace_fences WHERE workspace_id = ?1').bind(workspaceId).run();
}

/**
 * Copies one batch of a campaign's leads after id `afterId`, in id order; a re-copied batch inserts
 * nothing twice (ON CONFLICT DO NOTHING) and its counter adds only the rows it inserted. Returns the
 * rows read and the last id.
 */
export async function copyLeadBatch(
  from: D1Database,
  to: D1Database,
  workspaceId: string,
  campaignId: string,
  afterId: number,
  batchRows: number,
): Promise<{ rows: number; lastId: number }> {
  const { results } = await from
    .prepare(`SELECT id, ${LEAD_COLUMNS} FROM leads WHERE campaign_id = ?1 AND workspace_id = ?2 AND id > ?3 ORDER BY id LIMIT ?4`)
    .bind(campaignId, workspaceId, afterId, batchRows)
    .all<Record<string, unknown> & { id: number }>();
  for (const json of paramGroups(results, (r) => LEAD_COLUMNS.split(', ').map((c) => r[c]))) {
    await to.batch([
      to
        .prepare(
          `INSERT INTO leads (workspace_id, campaign_id, ${LEAD_COLUMNS})
           SELECT ?1, ?2, ${LEAD_VALUES}
           FROM json_each(?3) AS j WHERE true
           ON CONFLICT (campaign_id, phone) DO NOTHING`,
        )
        .bind(workspaceId, campaignId, json),
      to.prepare(COUNTER_ADD_CHANGES).bind(workspaceId, campaignId, 1),
    ]);
  }
  return { rows: results.length, lastId: results.length ? results[results.length - 1]!.id : afterId };
}

/**
 * Copies the workspace's suppression list in phone order, resuming after the greatest number the
 * new shard already holds (a re-run copies nothing twice: ON CONFLICT DO NOTHING). The old shard
 * is fenced, so the list does not change meanwhile. True when the whole list is copied.
 */
export async function copySuppressions(from: D1Database, to: D1Database, workspaceId: string, batchRows: number, deadline: number): Promise<boolean> {
  // A fresh list version on the new shard: a packed list cached before the move (or during an
  // earlier stay here) never matches the list as copied.
  await to.prepare(NEW_LIST_VERSION).bind(workspaceId).run();
  const last = await to.prepare('SELECT max(phone) AS phone FROM suppressions WHERE workspace_id = ?1').bind(workspaceId).first<{ phone: string | null }>();
  let after = last?.phone ?? '';
  while (Date.now() < deadline) {
    const { results } = await from
      .prepare(`SELECT ${SUPPRESSION_COLUMNS} FROM suppressions WHERE workspace_id = ?1 AND phone > ?2 ORDER BY phone LIMIT ?3`)
      .bind(workspaceId, after, batchRows)
      .all<Record<string, unknown> & { phone: string }>();
    if (!results.length) return true;
    await to.batch(
      paramGroups(results, (r) => SUPPRESSION_COLUMNS.split(', ').map((c) => r[c])).map((json) =>
        to
          .prepare(
            `INSERT INTO suppressions (workspace_id, ${SUPPRESSION_COLUMNS})
             SELECT ?1, j.value->>0, j.value->>1, j.value->>2, j.value->>3 FROM json_each(?2) AS j WHERE true
             ON CONFLICT (workspace_id, phone) DO NOTHING`,
          )
          .bind(workspaceId, json),
      ),
    );
    if (results.length < batchRows) return true;
    after = results[results.length - 1]!.phone;
  }
  return false;
}

/** Deletes one slice of a campaign's leads on the old shard (its counter follows); its counter row goes with the last slice. */
export async function deleteLeadSlice(from: D1Database, workspaceId: string, campaignId: string): Promise<void> {
  const [, deleted] = await from.batch([
    from
      .prepare('DELETE FROM leads WHERE id IN (SELECT id FROM leads WHERE campaign_id = ?2 AND workspace_id = ?1 LIMIT ?3)')
      .bind(workspaceId, campaignId, DELETE_SLICE),
    from.prepare(DIRECT_CHANGES),
    from.prepare(COUNTER_ADD_CHANGES).bind(workspaceId, campaignId, -1),
  ]);
  if (directChanges(deleted!) < DELETE_SLICE) {
    await from.prepare('DELETE FROM campaign_counters WHERE workspace_id = ?1 AND campaign_id = ?2 AND leads = 0').bind(workspaceId, campaignId).run();
  }
}

/** Deletes the workspace's suppression list on the old shard in slices; true when none is left. */
export async function deleteSuppressions(from: D1Database, workspaceId: string, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const result = await from
      .prepare('DELETE FROM suppressions WHERE workspace_id = ?1 AND phone IN (SELECT phone FROM suppressions WHERE workspace_id = ?1 LIMIT ?2)')
      .bind(workspaceId, DELETE_SLICE)
      .run();
    if ((result.meta.changes ?? 0) < DELETE_SLICE) {
      await from.prepare('DELETE FROM suppression_list_versions WHERE workspace_id = ?1').bind(workspaceId).run();
      return true;
    }
  }
  return false;
}
