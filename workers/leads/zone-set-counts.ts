/** How many of a campaign's callable-candidate leads hold each set of time zones (the callable-by-hour chart). */
import { zonesOfSet } from '../../src/lib/calling/time-zones.ts';
import type { CampaignShard } from './campaign-shard.ts';
import { isListed, notExpired, ofGenerationInForce } from '../suppression/in-force.ts';
import { READ_ZONE_VERSION, zoneIdsCurrent, zoneSetOf } from './stored-lead.ts';

/**
 * Leads per zone set, leaving out leads whose number is on the workspace's suppression list in
 * force at `at` (they are never callable). One GROUP BY over the (campaign_id, phone_zone_set)
 * index, less a count of the listed leads driven by whichever is smaller: the list (an index probe
 * into the campaign per listed number) or the campaign (a probe into the list per lead), so a
 * registry of tens of millions of numbers costs a small campaign nothing more. Stale zone-set ids
 * (older zone data) are answered by the zones of one number of the set: close, not exact, until
 * the shard's ids are current again.
 */
export async function zoneSetCounts({ d1, workspaceId, campaignId }: CampaignShard, at: Date): Promise<{ zones: string[]; count: number }[]> {
  const sizes = await d1
    .prepare(
      `SELECT (SELECT coalesce(sum(count), 0) FROM suppression_sources WHERE workspace_id = ?1) AS listed,
              (SELECT coalesce(sum(leads), 0) FROM campaign_counters WHERE workspace_id = ?1 AND campaign_id = ?2) AS leads`,
    )
    .bind(workspaceId, campaignId)
    .first<{ listed: number; leads: number }>();
  const byList = (sizes?.listed ?? 0) <= (sizes?.leads ?? 0);
  const [meta, all, listed] = await d1.batch([
    d1.prepare(READ_ZONE_VERSION),
    d1
      .prepare(
        `SELECT phone_zone_set AS zs, count(*) AS n, min(phone) AS phone, min(phone_country) AS country
         FROM leads INDEXED BY leads_campaign_zone_set WHERE campaign_id = ?1 AND workspace_id = ?2 GROUP BY phone_zone_set`,
      )
      .bind(campaignId, workspaceId),
    d1
      .prepare(
        byList
          ? `SELECT l.phone_zone_set AS zs, count(*) AS n FROM (SELECT DISTINCT s.phone FROM suppression_sources AS g CROSS JOIN suppressions AS s ON ${ofGenerationInForce('g', 's')}
               WHERE g.workspace_id = ?2 AND ${notExpired('s', '?3')}) AS p
             CROSS JOIN leads AS l ON l.campaign_id = ?1 AND l.phone = p.phone
             WHERE l.workspace_id = ?2 GROUP BY l.phone_zone_set`
          : `SELECT l.phone_zone_set AS zs, count(*) AS n FROM leads AS l INDEXED BY leads_campaign_zone_set
             WHERE l.campaign_id = ?1 AND l.workspace_id = ?2 AND ${isListed('l.phone', '?2', '?3')} GROUP BY l.phone_zone_set`,
      )
      .bind(campaignId, workspaceId, at.toISOString()),
  ]);
  const current = zoneIdsCurrent(meta!);
  const suppressedIn = new Map((listed!.results as { zs: number | null; n: number }[]).map((r) => [r.zs, r.n]));
  const byZones = new Map<string, { zones: string[]; count: number }>();
  for (const r of all!.results as { zs: number | null; n: number; phone: string; country: string | null }[]) {
    const count = r.n - (suppressedIn.get(r.zs) ?? 0);
    if (count <= 0) continue;
    const zones = zonesOfSet(zoneSetOf(r.zs, current, r.phone, r.country));
    const key = zones.join(' ');
    const entry = byZones.get(key);
    if (entry) entry.count += count;
    else byZones.set(key, { zones: [...zones], count });
  }
  return [...byZones.values()].sort((a, b) => b.count - a.count);
}
