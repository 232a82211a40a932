/**
 * A move's part for leads and their counters: leads are copied campaign by campaign in id order
 * (they get new ids on the new shard; the number is unique per campaign, so a re-copied batch
 * inserts nothing twice), each batch adding to the campaign's counter only the rows it inserted.
 * The columns copied and checksummed are the schema's (schema.ts), so a new lead column moves
 * without an edit here.
 */
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { paramGroups } from './param-groups.ts';
import { COUNTER_ADD_CHANGES, DIRECT_CHANGES, directChanges } from './counters.ts';
import { callingProfileCounts, campaignCounters, leads } from './schema.ts';
import { digestPages, sameDigest } from './checksum.ts';
import { copyDiffers, type MoveContext, type MovedTable, type Verified } from './moved-table.ts';

/** Every column of a lead but its id and the keys the copy sets itself. */
const LEAD_COLUMNS = getTableConfig(leads)
  .columns.map((c) => c.name)
  .filter((n) => n !== 'id' && n !== 'workspace_id' && n !== 'campaign_id');
const LEAD_VALUES = LEAD_COLUMNS.map((_, i) => `j.value->>${i}`).join(', ');
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

/** A campaign's leads on one shard, digested: the same leads give the same digest whatever their ids. */
export function campaignDigest(d1: D1Database, workspaceId: string, campaignId: string) {
  return digestPages(async (after: number, limit) => {
    const { results } = await d1
      .prepare(`SELECT id AS key, json_array(${LEAD_COLUMNS.join(', ')}) AS content FROM leads WHERE campaign_id = ?1 AND workspace_id = ?2 AND id > ?3 ORDER BY id LIMIT ?4`)
      .bind(campaignId, workspaceId, after, limit)
      .all<{ key: number; content: string }>();
    return results;
  }, 0);
}

/** Copies one batch of a campaign's leads after id `afterId`; returns the rows read and the last id. */
async function copyLeadBatch(ctx: MoveContext, campaignId: string, afterId: number): Promise<{ rows: number; lastId: number }> {
  const { from, to, workspaceId, batchRows } = ctx;
  const { results } = await from
    .prepare(`SELECT id, ${LEAD_COLUMNS.join(', ')} FROM leads WHERE campaign_id = ?1 AND workspace_id = ?2 AND id > ?3 ORDER BY id LIMIT ?4`)
    .bind(campaignId, workspaceId, afterId, batchRows)
    .all<Record<string, unknown> & { id: number }>();
  for (const json of paramGroups(results, (r) => LEAD_COLUMNS.map((c) => r[c]))) {
    await to.batch([
      to
        .prepare(
          `INSERT INTO leads (workspace_id, campaign_id, ${LEAD_COLUMNS.join(', ')})
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

/** Deletes one slice of a campaign's leads on the old shard (its counter follows); its counter row goes with the last slice. */
async function deleteLeadSlice(from: D1Database, workspaceId: string, campaignId: string): Promise<void> {
  // changes(), not meta.changes: the calling-profile count triggers' rows are not the leads deleted.
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

/** The cursor: the campaign being copied and the last old lead id copied of it. */
type LeadsCursor = [campaignId: string, lastId: number];

export const MOVED_LEADS: MovedTable = {
  name: 'leads',
  // The calling-profile counts follow the copy and the delete by trigger, on each shard.
  tables: [leads, campaignCounters, callingProfileCounts],

  async copy(ctx, cursor) {
    const [campaignId, afterId] = cursor ? (JSON.parse(cursor) as LeadsCursor) : [await nextCampaign(ctx.from, ctx.workspaceId, ''), 0];
    if (campaignId === null) return { rows: 0, cursor: null };
    const copied = await copyLeadBatch(ctx, campaignId, afterId);
    if (copied.rows === ctx.batchRows) return { rows: copied.rows, cursor: JSON.stringify([campaignId, copied.lastId] satisfies LeadsCursor) };
    const next = await nextCampaign(ctx.from, ctx.workspaceId, campaignId);
    return { rows: copied.rows, cursor: next === null ? null : JSON.stringify([next, 0] satisfies LeadsCursor) };
  },

  /** Every campaign: same count and checksum on both shards, and the new shard's counter equal to its count. */
  async verify({ from, to, workspaceId }) {
    const out: Verified[] = [];
    for (let c = await nextCampaign(from, workspaceId, ''); c !== null; c = await nextCampaign(from, workspaceId, c)) {
      const [a, b, counter] = await Promise.all([
        campaignDigest(from, workspaceId, c),
        campaignDigest(to, workspaceId, c),
        to.prepare('SELECT leads FROM campaign_counters WHERE workspace_id = ?1 AND campaign_id = ?2').bind(workspaceId, c).first<{ leads: number }>(),
      ]);
      if (!sameDigest(a, b) || (counter?.leads ?? 0) !== b.count) throw copyDiffers(`Campaign ${c}`, a, b, `, counter ${counter?.leads ?? 0}`);
      out.push({ table: 'leads', key: c, ...b });
    }
    return out;
  },

  async deleteOld({ from, workspaceId, deadline }) {
    while (Date.now() < deadline) {
      const campaignId = await nextCampaign(from, workspaceId, '');
      if (campaignId === null) return true;
      await deleteLeadSlice(from, workspaceId, campaignId);
    }
    return false;
  },
};
