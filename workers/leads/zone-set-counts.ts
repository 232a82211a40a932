/** How many of a campaign's callable-candidate leads hold each set of time zones (the callable-by-hour chart). */
import { zonesOfSet } from '../../src/lib/calling/time-zones.ts';
import type { CampaignShard } from './campaign-shard.ts';
import { READ_ZONE_VERSION, zoneIdsCurrent, zoneSetOf } from './stored-lead.ts';

/**
 * Leads per zone set, leaving out leads whose number is on the workspace's suppression list in
 * force at `at` (they are never callable). One GROUP BY over the (campaign_id, phone_zone_set)
 * index, less a count driven by the list (an index probe per listed number). Stale zone-set ids
 * (older zone data) are answered by the zones of one number of the set: close, not exact, until the
 * shard's ids are current again.
 */
export async function zoneSetCounts({ d1, workspaceId, campaignId }: CampaignShard, at: Date): Promise<{ zones: string[]; count: number }[]> {
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
        `SELECT l.phone_zone_set AS zs, count(*) AS n FROM suppressions AS s
         JOIN leads AS l ON l.campaign_id = ?1 AND l.phone = s.phone
         WHERE s.workspace_id = ?2 AND l.workspace_id = ?2 AND (s.expires_at IS NULL OR s.expires_at > ?3) GROUP BY l.phone_zone_set`,
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
