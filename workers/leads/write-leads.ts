/**
 * Writing leads: insert and rollback. Each statement changes the campaign's counter in the same
 * batch (one transaction) and is refused, in that transaction, when a move fences the workspace off.
 */
import { paramGroups as groups } from './param-groups.ts';
import { FENCED, NOT_FENCED, checkFence } from './fence.ts';
import { ZONE_DATA_VERSION } from '../../src/lib/calling/time-zones.ts';
import { COUNTER_ADD_CHANGES, DIRECT_CHANGES, directChanges } from './counters.ts';
import { ENCODED_LEAD_COLUMNS, ZONE_VERSION_META, encodeLead, type LeadToWrite } from './stored-lead.ts';
import { profileKeyOfLead } from './lead-profile.ts';

const INSERT_COLUMNS = ENCODED_LEAD_COLUMNS.join(', ');
const INSERT_VALUES = ENCODED_LEAD_COLUMNS.map((_, i) => `j.value->>${i}`).join(', ');
import type { CampaignShard } from './campaign-shard.ts';

/**
 * Writes leads with their secondary contacts, one statement (one transaction) per group. A number the campaign
 * already holds is left alone (the unique index decides races); rows this import had already
 * written (a redelivered chunk) count as written. Returns the data rows that are now leads of
 * this import.
 */
export async function insertLeads({ d1, workspaceId, campaignId }: CampaignShard, importId: string, rows: LeadToWrite[], createdAt: string): Promise<Set<number>> {
  const written = new Set<number>();
  for (const leadJson of groups(rows, ({ row, lead }) => encodeLead(row, lead, profileKeyOfLead(lead)))) {
    const [inserted, , , fence] = await d1.batch([
      d1
        .prepare(
          `INSERT INTO leads (workspace_id, campaign_id, import_id, created_at, ${INSERT_COLUMNS})
           SELECT ?1, ?2, ?3, ?4, ${INSERT_VALUES}
           FROM json_each(?5) AS j WHERE ${NOT_FENCED}
           ON CONFLICT (campaign_id, phone) DO NOTHING
           RETURNING source_row AS row`,
        )
        .bind(workspaceId, campaignId, importId, createdAt, leadJson),
      d1.prepare(COUNTER_ADD_CHANGES).bind(workspaceId, campaignId, 1),
      d1.prepare(ZONE_VERSION_META).bind(ZONE_DATA_VERSION),
      d1.prepare(FENCED).bind(workspaceId),
    ]);
    checkFence(workspaceId, fence!);
    for (const r of inserted!.results as { row: number }[]) written.add(r.row);
  }
  // Rows not inserted now are another import's number, or ours from an earlier delivery of
  // this chunk (the same import id): only those few are looked up.
  const missing = rows.filter((r) => !written.has(r.row)).map((r) => r.lead.e164);
  for (const json of groups(missing, (p) => p)) {
    const { results } = await d1
      .prepare(
        `SELECT l.source_row AS row FROM json_each(?3) AS j CROSS JOIN leads AS l
         ON l.campaign_id = ?1 AND l.phone = j.value WHERE l.import_id = ?2`,
      )
      .bind(campaignId, importId, json)
      .all<{ row: number }>();
    for (const r of results) written.add(r.row);
  }
  return written;
}

/**
 * Deletes the leads this import wrote for these numbers (a rollback); another import's lead with
 * the same number stays. Returns how many were deleted.
 */
export async function removeLeads({ d1, workspaceId, campaignId }: CampaignShard, importId: string, phones: string[]): Promise<number> {
  let deleted = 0;
  for (const json of groups(phones, (p) => p)) {
    const [, direct, , fence] = await d1.batch([
      d1
        .prepare(`DELETE FROM leads WHERE campaign_id = ?2 AND import_id = ?3 AND phone IN (SELECT value FROM json_each(?4)) AND ${NOT_FENCED}`)
        .bind(workspaceId, campaignId, importId, json),
      d1.prepare(DIRECT_CHANGES),
      d1.prepare(COUNTER_ADD_CHANGES).bind(workspaceId, campaignId, -1),
      d1.prepare(FENCED).bind(workspaceId),
    ]);
    checkFence(workspaceId, fence!);
    deleted += directChanges(direct!);
  }
  return deleted;
}
