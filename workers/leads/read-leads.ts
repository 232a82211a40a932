/** Reading a campaign's leads: existing numbers, pages (all, or callable by zone set), an import's leads. */
import { paramGroups as groups } from './param-groups.ts';
import { LEAD_SELECT, READ_ZONE_VERSION, toPage, toStoredLead, zoneIdsCurrent, type LeadPage, type LeadRow, type StoredLead } from './stored-lead.ts';
import type { CampaignShard } from './campaign-shard.ts';
import { isListed } from '../suppression/in-force.ts';

/** A lead's (alias `l`) primary number is not on the workspace's suppression list in force at ?at (workers/suppression/in-force.ts). */
const notSuppressed = (workspaceParam: string, atParam: string, alias = 'l') => `NOT ${isListed(`${alias}.phone`, workspaceParam, atParam)}`;

/** Which of these E.164 numbers the campaign already has from other imports than `exceptImportId`. */
export async function existingPhones({ d1, campaignId }: CampaignShard, phones: string[], exceptImportId: string | null): Promise<Set<string>> {
  const found = new Set<string>();
  for (const json of groups(phones, (p) => p)) {
    const { results } = await d1
      // CROSS JOIN keeps json_each as the outer loop: one index probe per number, never a scan per number.
      .prepare('SELECT l.phone FROM json_each(?2) AS j CROSS JOIN leads AS l ON l.campaign_id = ?1 AND l.phone = j.value WHERE l.import_id IS NOT ?3')
      .bind(campaignId, json, exceptImportId)
      .all<{ phone: string }>();
    for (const r of results) found.add(r.phone);
  }
  return found;
}

/** The most secondary contacts any lead of this import has (the width of leads.csv). */
export async function maxContacts({ d1, workspaceId, campaignId }: CampaignShard, importId: string): Promise<number> {
  const row = await d1
    .prepare(
      `SELECT coalesce(max(json_array_length(secondary_contacts)), 0) AS n FROM leads
       WHERE campaign_id = ?1 AND workspace_id = ?2 AND import_id = ?3`,
    )
    .bind(campaignId, workspaceId, importId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** One page of leads, newest id last, with secondary contacts in call order. */
export async function listLeads({ d1, workspaceId, campaignId }: CampaignShard, limit: number, cursor?: number): Promise<LeadPage> {
  const [meta, page] = await d1.batch([
    d1.prepare(READ_ZONE_VERSION),
    d1
      .prepare(`SELECT ${LEAD_SELECT} FROM leads AS l WHERE l.campaign_id = ?1 AND l.workspace_id = ?2 AND l.id > ?3 ORDER BY l.id LIMIT ?4`)
      .bind(campaignId, workspaceId, cursor ?? 0, limit + 1),
  ]);
  return toPage(page!.results as LeadRow[], limit, zoneIdsCurrent(meta!));
}

/**
 * One page (id order) of the leads stored under one of `profiles` (calling-profile keys) whose
 * primary number is not on the workspace's suppression list in force at `at`. Per profile the
 * index (campaign_id, calling_profile, id) yields at most limit + 1 ids after the cursor, and those
 * are merged: the cost is bounded by the number of profiles times the page, whatever the
 * campaign's size. The caller re-checks every lead against its own profile (fail closed).
 */
export async function listInProfiles({ d1, workspaceId, campaignId }: CampaignShard, profiles: readonly string[], at: Date, limit: number, cursor?: number): Promise<LeadPage> {
  if (!profiles.length) return { items: [], nextCursor: null };
  const [meta, page] = await d1.batch([
    d1.prepare(READ_ZONE_VERSION),
    d1
      .prepare(
        // json_each drives; per profile, a correlated IN picks the first ids of that profile from the index.
        `SELECT ${LEAD_SELECT} FROM json_each(?5) AS j CROSS JOIN leads AS l ON l.id IN (
           SELECT i.id FROM leads AS i INDEXED BY leads_campaign_profile
           WHERE i.campaign_id = ?1 AND i.calling_profile = j.value AND i.id > ?3 AND i.workspace_id = ?2
             AND ${notSuppressed('?2', '?6', 'i')}
           ORDER BY i.id LIMIT ?4)
         ORDER BY l.id LIMIT ?4`,
      )
      .bind(campaignId, workspaceId, cursor ?? 0, limit + 1, JSON.stringify(profiles), at.toISOString()),
  ]);
  return toPage(page!.results as LeadRow[], limit, zoneIdsCurrent(meta!));
}

/** Leads one request of the suppressed filter looks at, at most: its cost is bounded however few are listed. */
export const SUPPRESSED_SCAN = 10_000;

/**
 * One page (id order) of the leads whose primary number is on the workspace's suppression list in
 * force at `at`. A request looks at the next `scan` leads after the cursor (one primary-key probe
 * each) and no further: when few leads are listed a page can be short or empty, and `nextCursor`
 * (the last lead looked at) says where the next request goes on; null once the campaign's end is
 * reached.
 */
export async function listSuppressedLeads({ d1, workspaceId, campaignId }: CampaignShard, at: Date, limit: number, cursor?: number, scan = SUPPRESSED_SCAN): Promise<LeadPage> {
  const windowEnd = 'SELECT id FROM leads WHERE campaign_id = ?1 AND id > ?2 ORDER BY id LIMIT 1 OFFSET ?3';
  const [meta, end, page] = await d1.batch([
    d1.prepare(READ_ZONE_VERSION),
    d1.prepare(windowEnd).bind(campaignId, cursor ?? 0, scan - 1),
    d1
      .prepare(
        `SELECT ${LEAD_SELECT} FROM leads AS l INDEXED BY leads_campaign
         WHERE l.campaign_id = ?1 AND l.workspace_id = ?2 AND l.id > ?3
           AND l.id <= coalesce((SELECT id FROM leads WHERE campaign_id = ?1 AND id > ?3 ORDER BY id LIMIT 1 OFFSET ?6), 9223372036854775807)
           AND NOT ${notSuppressed('?2', '?5')}
         ORDER BY l.id LIMIT ?4`,
      )
      .bind(campaignId, workspaceId, cursor ?? 0, limit + 1, at.toISOString(), scan - 1),
  ]);
  const result = toPage(page!.results as LeadRow[], limit, zoneIdsCurrent(meta!));
  const last = (end!.results[0] as { id: number } | undefined)?.id;
  // A full page ends at its last lead; a short one at the window's end, if the window was full.
  if (result.nextCursor === null && last !== undefined) result.nextCursor = String(last);
  return result;
}

/** Every lead one import wrote, in file order, in pages (for leads.csv). */
export async function* leadsByImport({ d1, workspaceId, campaignId }: CampaignShard, importId: string, pageSize: number): AsyncGenerator<StoredLead[]> {
  let after = 0;
  for (;;) {
    const { results } = await d1
      .prepare(
        `SELECT ${LEAD_SELECT} FROM leads AS l
         WHERE l.campaign_id = ?1 AND l.workspace_id = ?2 AND l.import_id = ?3 AND l.id > ?4 ORDER BY l.id LIMIT ?5`,
      )
      .bind(campaignId, workspaceId, importId, after, pageSize)
      .all<LeadRow>();
    if (!results.length) return;
    // leads.csv shows no zones: the ids need not be checked against the zone data.
    yield results.map((r) => toStoredLead(r, false));
    after = results[results.length - 1]!.id;
  }
}
