/**
 * The leads database of a workspace (or of an import's workspace), as workers/leads resolves it:
 * for tests that inspect stored rows or inject a fault into the real shard.
 */
import { env } from 'cloudflare:test';
import { shardOf } from '../../workers/leads/placement.ts';
import { shardDb } from '../../workers/leads/shards.ts';

export async function leadsDbOf(workspaceId: string): Promise<D1Database> {
  return shardDb(env, await shardOf(env, workspaceId));
}

export async function leadsDbOfImport(importId: string): Promise<D1Database> {
  const row = await env.DB.prepare('SELECT workspace_id FROM imports WHERE id = ?1').bind(importId).first<{ workspace_id: string }>();
  if (!row) throw new Error(`no import ${importId}`);
  return leadsDbOf(row.workspace_id);
}

export async function leadsDbOfCampaign(campaignId: string): Promise<D1Database> {
  const row = await env.DB.prepare('SELECT workspace_id FROM campaigns WHERE id = ?1').bind(campaignId).first<{ workspace_id: string }>();
  if (!row) throw new Error(`no campaign ${campaignId}`);
  return leadsDbOf(row.workspace_id);
}
