/**
 * A campaign's leads on one shard reduced to a count and an order-free checksum (the sum and the
 * xor of a 32-bit FNV-1a hash of each lead's content), so a move can prove the copy equals the
 * original whatever ids the copy got.
 */
import { FIELD_COLUMNS } from './stored-lead.ts';

export interface CampaignDigest {
  count: number;
  sum: number;
  xor: number;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function add(digest: CampaignDigest, content: string): void {
  const h = fnv1a(content);
  digest.count++;
  digest.sum = (digest.sum + h) >>> 0;
  digest.xor = (digest.xor ^ h) >>> 0;
}

/** Reads a workspace's suppression list on one shard in pages and digests it. */
export async function suppressionDigest(d1: D1Database, workspaceId: string, pageSize = 5_000): Promise<CampaignDigest> {
  const digest: CampaignDigest = { count: 0, sum: 0, xor: 0 };
  let after = '';
  for (;;) {
    const { results } = await d1
      .prepare(
        `SELECT phone, json_array(phone, reason, expires_at, created_at) AS content
         FROM suppressions WHERE workspace_id = ?1 AND phone > ?2 ORDER BY phone LIMIT ?3`,
      )
      .bind(workspaceId, after, pageSize)
      .all<{ phone: string; content: string }>();
    for (const r of results) add(digest, r.content);
    if (results.length < pageSize) return digest;
    after = results[results.length - 1]!.phone;
  }
}

/** Reads every lead of the campaign in pages and digests it. */
export async function campaignDigest(d1: D1Database, workspaceId: string, campaignId: string, pageSize = 5_000): Promise<CampaignDigest> {
  const digest: CampaignDigest = { count: 0, sum: 0, xor: 0 };
  let after = 0;
  for (;;) {
    const { results } = await d1
      .prepare(
        `SELECT id, json_array(phone, phone_country, phone_type, phone_extension, phone_zone_set, calling_profile, ${FIELD_COLUMNS.join(', ')}, variables, secondary_contacts, import_id, source_row, created_at) AS content
         FROM leads WHERE campaign_id = ?1 AND workspace_id = ?2 AND id > ?3 ORDER BY id LIMIT ?4`,
      )
      .bind(campaignId, workspaceId, after, pageSize)
      .all<{ id: number; content: string }>();
    for (const r of results) add(digest, r.content);
    if (results.length < pageSize) return digest;
    after = results[results.length - 1]!.id;
  }
}
