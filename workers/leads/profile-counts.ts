/**
 * How many of a campaign's leads are stored under each calling profile: the counts the triggers
 * keep in calling_profile_counts with every write (one small row per profile, never a count over
 * the leads), less the leads on the workspace's suppression list in force at `at`. Leads not
 * profiled yet (written before profiles, waiting for the re-profile job) are counted apart.
 */
import type { CampaignShard } from './campaign-shard.ts';
import { isListed, notExpired, ofGenerationInForce } from '../suppression/in-force.ts';

export interface ProfileCounts {
  items: { profile: string; count: number }[];
  /** Leads without a stored profile yet (they are never listed as callable until profiled). */
  unprofiled: number;
}

/**
 * The listed leads per profile, driven by the smaller side: the list's entries in force (each probes
 * the campaign's leads by number) or the campaign's leads (each probes the list once per source),
 * so a registry of tens of millions of numbers does not cost a probe per number for a small campaign.
 * Either way a lead counts once, whatever the number of sources listing it.
 */
function listedQuery(d1: D1Database, campaignId: string, workspaceId: string, at: Date, listSize: number, leads: number): D1PreparedStatement {
  const sql =
    listSize <= leads
      ? `SELECT l.calling_profile AS profile, count(DISTINCT l.id) AS n FROM suppression_sources AS g
         CROSS JOIN suppressions AS s ON ${ofGenerationInForce('g', 's')}
         JOIN leads AS l ON l.campaign_id = ?1 AND l.phone = s.phone
         WHERE g.workspace_id = ?2 AND l.workspace_id = ?2 AND ${notExpired('s', '?3')} AND l.calling_profile IS NOT NULL
         GROUP BY l.calling_profile`
      : `SELECT l.calling_profile AS profile, count(*) AS n FROM leads AS l
         WHERE l.campaign_id = ?1 AND l.workspace_id = ?2 AND l.calling_profile IS NOT NULL AND ${isListed('l.phone', '?2', '?3')}
         GROUP BY l.calling_profile`;
  return d1.prepare(sql).bind(campaignId, workspaceId, at.toISOString());
}

export async function profileCounts({ d1, workspaceId, campaignId }: CampaignShard, at: Date | null): Promise<ProfileCounts> {
  const [all, total, list] = await d1.batch([
    d1.prepare('SELECT profile, leads FROM calling_profile_counts WHERE workspace_id = ?1 AND campaign_id = ?2 AND leads > 0').bind(workspaceId, campaignId),
    d1.prepare('SELECT leads FROM campaign_counters WHERE workspace_id = ?1 AND campaign_id = ?2').bind(workspaceId, campaignId),
    d1.prepare('SELECT coalesce(sum(count), 0) AS n FROM suppression_sources WHERE workspace_id = ?1').bind(workspaceId),
  ]);
  const leads = (total!.results[0] as { leads: number } | undefined)?.leads ?? 0;
  const listSize = (list!.results[0] as { n: number }).n;
  const listed = at && listSize > 0 && leads > 0 ? await listedQuery(d1, campaignId, workspaceId, at, listSize, leads).all() : { results: [] };
  const rows = all!.results as { profile: string; leads: number }[];
  const suppressedIn = new Map((listed.results as { profile: string; n: number }[]).map((r) => [r.profile, r.n]));
  const profiled = rows.reduce((n, r) => n + r.leads, 0);
  const items = rows
    .map((r) => ({ profile: r.profile, count: r.leads - (suppressedIn.get(r.profile) ?? 0) }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || (a.profile < b.profile ? -1 : 1));
  return { items, unprofiled: Math.max(0, leads - profiled) };
}
