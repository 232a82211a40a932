/** One campaign's leads where they live: the shard holding its workspace. */
export interface CampaignShard {
  d1: D1Database;
  workspaceId: string;
  campaignId: string;
}
