/** Each campaign's lead counter, kept in the same batch as every write that changes its leads. */
import type { Env } from '../env.ts';
import { workspaceDb } from './placement.ts';
import type { CampaignShard } from './campaign-shard.ts';

/** Adds the previous statement's changed rows (`changes()`, same batch) to a campaign's counter; ?3 is +1 or -1. */
export const COUNTER_ADD_CHANGES = `INSERT INTO campaign_counters (workspace_id, campaign_id, leads) VALUES (?1, ?2, ?3 * changes())
  ON CONFLICT (workspace_id, campaign_id) DO UPDATE SET leads = leads + excluded.leads`;

/**
 * The rows the previous statement of the batch changed itself (`changes()`), not counting what the
 * triggers on `leads` changed (calling_profile_counts), which D1's `meta.changes` includes.
 */
export const DIRECT_CHANGES = 'SELECT changes() AS n';
export const directChanges = (r: D1Result<unknown>): number => (r.results[0] as { n: number } | undefined)?.n ?? 0;

/** How many leads the campaign holds (its counter, not a count of rows). */
export async function countLeads({ d1, workspaceId, campaignId }: CampaignShard): Promise<number> {
  const row = await d1
    .prepare('SELECT leads AS n FROM campaign_counters WHERE workspace_id = ?1 AND campaign_id = ?2')
    .bind(workspaceId, campaignId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** Lead counts of several campaigns of one workspace: one read of the workspace's counters on its shard. */
export async function leadCounts(env: Env, workspaceId: string, campaignIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!campaignIds.length) return counts;
  const wanted = new Set(campaignIds);
  const { results } = await (await workspaceDb(env, workspaceId))
    .prepare('SELECT campaign_id, leads AS n FROM campaign_counters WHERE workspace_id = ?1')
    .bind(workspaceId)
    .all<{ campaign_id: string; n: number }>();
  for (const r of results) if (wanted.has(r.campaign_id)) counts.set(r.campaign_id, r.n);
  return counts;
}
