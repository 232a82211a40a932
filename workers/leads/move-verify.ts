/** A move's copy checked before the placement flips: counts and checksums equal on both shards. */
import { Refusal } from '../refusal.ts';
import { campaignDigest, suppressionDigest, type CampaignDigest } from './checksum.ts';
import { nextCampaign } from './move-steps.ts';

/** Every campaign: same count and checksum on both shards, and the new shard's counter equal to its count; the same for the suppression list. */
export async function verifyCopy(from: D1Database, to: D1Database, workspaceId: string): Promise<({ campaignId: string } & CampaignDigest)[]> {
  const [a, b] = await Promise.all([suppressionDigest(from, workspaceId), suppressionDigest(to, workspaceId)]);
  if (a.count !== b.count || a.sum !== b.sum || a.xor !== b.xor) {
    throw new Refusal(
      'MOVE_VERIFY_FAILED',
      `The suppression list's copy differs from the original (${a.count} numbers, ${b.count} copied); the placement was not changed.`,
    );
  }
  const out: ({ campaignId: string } & CampaignDigest)[] = [];
  for (let c = await nextCampaign(from, workspaceId, ''); c !== null; c = await nextCampaign(from, workspaceId, c)) {
    const [a, b, counter] = await Promise.all([
      campaignDigest(from, workspaceId, c),
      campaignDigest(to, workspaceId, c),
      to.prepare('SELECT leads FROM campaign_counters WHERE workspace_id = ?1 AND campaign_id = ?2').bind(workspaceId, c).first<{ leads: number }>(),
    ]);
    if (a.count !== b.count || a.sum !== b.sum || a.xor !== b.xor || (counter?.leads ?? 0) !== b.count) {
      throw new Refusal(
        'MOVE_VERIFY_FAILED',
        `Campaign ${c}: the copy differs from the original (${a.count} leads, ${b.count} copied, counter ${counter?.leads ?? 0}); the placement was not changed.`,
      );
    }
    out.push({ campaignId: c, ...b });
  }
  return out;
}
