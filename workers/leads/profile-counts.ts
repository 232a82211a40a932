/**
 * How many of a campaign's leads are stored under each calling profile: the counts the triggers
 * keep in calling_profile_counts with every write (one small row per profile, never a count over
 * the leads), less the leads on the workspace's suppression list in force at `at` (a count driven
 * by the list: an index probe per listed number). Leads not profiled yet (written before profiles,
 * waiting for the re-profile job) are counted apart.
 */
import type { CampaignShard } from './campaign-shard.ts';

export interface ProfileCounts {
  items: { profile: string; count: number }[];
  /** Leads without a stored profile yet (they are never listed as callable until profiled). */
  unprofiled: number;
}

export async function profileCounts({ d1, workspaceId, campaignId }: CampaignShard, at: Date | null): Promise<ProfileCounts> {
  const [all, total, listed] = await d1.batch([
    d1.prepare('SELECT profile, leads FROM calling_profile_counts WHERE workspace_id = ?1 AND campaign_id = ?2 AND leads > 0').bind(workspaceId, campaignId),
    d1.prepare('SELECT leads FROM campaign_counters WHERE workspace_id = ?1 AND campaign_id = ?2').bind(workspaceId, campaignId),
    at
      ? d1
          .prepare(
            `SELECT l.calling_profile AS profile, count(*) AS n FROM suppressions AS s
             JOIN leads AS l ON l.campaign_id = ?1 AND l.phone = s.phone
             WHERE s.workspace_id = ?2 AND l.workspace_id = ?2 AND (s.expires_at IS NULL OR s.expires_at > ?3) AND l.calling_profile IS NOT NULL
             GROUP BY l.calling_profile`,
          )
          .bind(campaignId, workspaceId, at.toISOString())
      : d1.prepare('SELECT NULL AS profile, 0 AS n WHERE 0'),
  ]);
  const rows = all!.results as { profile: string; leads: number }[];
  const suppressedIn = new Map((listed!.results as { profile: string; n: number }[]).map((r) => [r.profile, r.n]));
  const profiled = rows.reduce((n, r) => n + r.leads, 0);
  const leads = (total!.results[0] as { leads: number } | undefined)?.leads ?? 0;
  const items = rows
    .map((r) => ({ profile: r.profile, count: r.leads - (suppressedIn.get(r.profile) ?? 0) }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || (a.profile < b.profile ? -1 : 1));
  return { items, unprofiled: Math.max(0, leads - profiled) };
}
