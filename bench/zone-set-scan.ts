/** Bench-only: the callable leads' page by a scan, to compare with the per-zone-set listing the product uses. */
import { notSuppressed } from '../workers/leads/read-leads.ts';
import { LEAD_SELECT, READ_ZONE_VERSION, toPage, zoneIdsCurrent, type LeadPage, type LeadRow } from '../workers/leads/stored-lead.ts';
import type { CampaignShard } from '../workers/leads/campaign-shard.ts';

/**
 * The same page by a scan of the campaign in id order, filtering on the zone set: cheap when
 * most leads are allowed, a scan of the whole campaign when few are. The benchmark's comparison
 * (bench/callable.ts); listings use listInZoneSets (workers/leads/read-leads.ts).
 */
export async function listInZoneSetsByScan({ d1, workspaceId, campaignId }: CampaignShard, zoneSets: readonly number[], at: Date, limit: number, cursor?: number): Promise<LeadPage> {
  const [meta, page] = await d1.batch([
    d1.prepare(READ_ZONE_VERSION),
    d1
      .prepare(
        `SELECT ${LEAD_SELECT} FROM leads AS l INDEXED BY leads_campaign
         WHERE l.campaign_id = ?1 AND l.workspace_id = ?2 AND l.id > ?3
           AND l.phone_zone_set IN (SELECT value FROM json_each(?5)) AND ${notSuppressed('?2', '?6')}
         ORDER BY l.id LIMIT ?4`,
      )
      .bind(campaignId, workspaceId, cursor ?? 0, limit + 1, JSON.stringify(zoneSets), at.toISOString()),
  ]);
  return toPage(page!.results as LeadRow[], limit, zoneIdsCurrent(meta!));
}
